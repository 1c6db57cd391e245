package main

import (
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/static"
	"github.com/guide/pmvspm/web"
	"github.com/guide/pmvspm/web/serve"
)

// siteHandler loads the content and builds the site's handler. With -dev
// the handler reloads the content on every save, and serves the content's
// problems as an error page instead of stopping.
func siteHandler(ctx context.Context, e editorConfig, logger *slog.Logger, cfg web.Config) (http.Handler, error) {
	if err := e.checkDir(); err != nil {
		return nil, err
	}
	if !e.dev {
		h, problems := buildSite(e.contentFS(), logger, cfg)
		if problems != nil {
			return nil, fmt.Errorf("content: %w", problems)
		}
		return h, nil
	}
	cfg.NoStore = true
	if cfg.Encodings == nil {
		cfg.Encodings = serve.NewEncodingCache() // a reload compresses only the pages that changed
	}
	return newDevHandler(ctx, e.contentDir(), logger, cfg)
}

// reloadDelay gathers the events of one save (editors often write a file
// in several steps) into one reload.
const reloadDelay = 100 * time.Millisecond

// A devHandler serves the site built from a content directory, rebuilt
// whenever a file in it changes.
type devHandler struct {
	dir     string
	logger  *slog.Logger
	cfg     web.Config
	current atomic.Pointer[http.Handler]
}

func newDevHandler(ctx context.Context, dir string, logger *slog.Logger, cfg web.Config) (*devHandler, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", dir, err)
	}
	d := &devHandler{dir: dir, logger: logger, cfg: cfg}
	if err := d.watchTree(w, dir); err != nil {
		w.Close()
		return nil, err
	}
	d.reload()
	go d.watch(ctx, w)
	return d, nil
}

func (d *devHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	(*d.current.Load()).ServeHTTP(w, r)
}

// watchTree watches dir and every directory under it: fsnotify watches
// directories, which also catches editors that save by renaming.
func (d *devHandler) watchTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(path string, entry fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("watch %s: %w", dir, err)
		}
		if entry.IsDir() {
			if err := w.Add(path); err != nil {
				return fmt.Errorf("watch %s: %w", path, err)
			}
		}
		return nil
	})
}

func (d *devHandler) watch(ctx context.Context, w *fsnotify.Watcher) {
	defer w.Close()
	var due <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					if err := d.watchTree(w, ev.Name); err != nil {
						d.logger.Error("content: new directory not watched", "err", err)
					}
				}
			}
			due = time.After(reloadDelay)
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			d.logger.Error("content: watching", "err", err)
		case <-due:
			due = nil
			d.reload()
		}
	}
}

// reload builds the site from the directory anew; if the content has
// problems, every page shows them until the next save.
func (d *devHandler) reload() {
	h, problems := buildSite(os.DirFS(d.dir), d.logger, d.cfg)
	if problems != nil {
		d.logger.Error("content has problems; every page shows them until they are fixed", "dir", d.dir, "problems", problems.Error())
		h = d.cfg.Health.Wrap(problemsPage(problems))
	} else {
		d.logger.Info("content loaded", "dir", d.dir)
	}
	d.current.Store(&h)
}

var problemsTemplate = template.Must(template.New("problems").Parse(`<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Content problems</title>
<h1>The content has problems</h1>
<p>Fix them, save, and reload this page: the server reads the content again on every save.</p>
<ul>{{range .}}
<li><code>{{.}}</code>{{end}}
</ul>
</html>
`))

// problemsPage answers every page with the content's problems, 500. The
// static files, which no content feeds, are still served (and /healthz:
// see reload), so that a page open in a browser keeps its stylesheet and
// icon while the editor fixes the content.
func problemsPage(problems content.Problems) http.Handler {
	assets := map[string]*static.Asset{}
	for _, a := range static.All() {
		assets["/static/"+a.HashedName] = a
	}
	if a, ok := static.Get("favicon.ico"); ok {
		assets["/favicon.ico"] = a
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Cache-Control", "no-store")
		h.Set("X-Content-Type-Options", "nosniff")
		if a, ok := assets[r.URL.Path]; ok && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
			h.Set("Content-Type", a.ContentType)
			h.Set("Content-Length", strconv.Itoa(len(a.Body)))
			if r.Method == http.MethodGet {
				w.Write(a.Body)
			}
			return
		}
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Content-Security-Policy", "default-src 'none'")
		w.WriteHeader(http.StatusInternalServerError)
		problemsTemplate.Execute(w, problems)
	})
}
