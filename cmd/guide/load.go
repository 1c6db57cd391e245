package main

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing/fstest"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/web"
)

// buildSite loads the content in fsys and builds the site's handler. When
// the content has problems it reports all of them in one go: those Load
// finds, and the server's own check of links to the pages it makes
// (/compare, /which-role, /faq#…), which needs a loaded site. For that
// second check the broken files are swapped for their embedded copies (or
// left out, if new), and only problems in the other files are kept.
//
// The content's words are held to the editorial rules too
// (content.CheckWords: spelling, role names, copied runs…), in the same
// run, so that -check, -dev and -content say what CI says. The embedded
// content skips them when serving: CI checked it when the binary was built.
func buildSite(fsys fs.FS, logger *slog.Logger, cfg web.Config) (http.Handler, error) {
	var words error
	if embedded, ok := fsys.(embed.FS); !ok || embedded != content.Files || cfg.CheckOnly {
		words = content.CheckWords(fsys)
	}
	h, err := buildPages(fsys, logger, cfg)
	if words == nil {
		return h, err
	}
	var problems content.Problems
	if err != nil && !errors.As(err, &problems) {
		problems = content.Problems{err}
	}
	problems = append(problems, words.(content.Problems)...)
	problems.Sort()
	return nil, problems
}

// buildPages is buildSite without the editorial rules.
func buildPages(fsys fs.FS, logger *slog.Logger, cfg web.Config) (http.Handler, error) {
	site, err := content.Load(fsys)
	if err == nil {
		return web.NewServer(logger, site, cfg)
	}
	var problems content.Problems
	if !errors.As(err, &problems) {
		return nil, err
	}
	broken := map[string]bool{}
	for _, p := range problems {
		var fe *content.FileError
		if !errors.As(p, &fe) {
			return nil, problems // a missing file: nothing to stand in for it
		}
		broken[fe.File] = true
	}
	standIn, err := withEmbedded(fsys, broken)
	if err != nil {
		return nil, problems
	}
	site, err = content.Load(standIn)
	if err != nil {
		return nil, problems
	}
	_, err = web.NewServer(slog.New(slog.DiscardHandler), site, web.Config{CheckOnly: true})
	var more content.Problems
	if errors.As(err, &more) {
		for _, p := range more {
			var fe *content.FileError
			if errors.As(p, &fe) && !broken[fe.File] && !fedByBroken(fe, broken) {
				problems = append(problems, p)
			}
		}
	}
	problems.Sort() // as Load sorts them
	return nil, problems
}

// withEmbedded copies fsys, with each broken file replaced by its embedded
// copy, or left out if the binary has none.
func withEmbedded(fsys fs.FS, broken map[string]bool) (fs.FS, error) {
	out := fstest.MapFS{}
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		from := fsys
		if broken[path] {
			from = content.Files
		}
		data, err := fs.ReadFile(from, path)
		if errors.Is(err, fs.ErrNotExist) && broken[path] {
			return nil
		}
		if err != nil {
			return err
		}
		out[path] = &fstest.MapFile{Data: data}
		return nil
	})
	return out, err
}

// fedByBroken reports whether a link problem is about an #anchor on a page
// built from a broken file, whose real ids are unknown until it loads.
func fedByBroken(fe *content.FileError, broken map[string]bool) bool {
	rest, ok := strings.CutPrefix(fe.Reason, `link "`)
	target, _, _ := strings.Cut(rest, `"`)
	u, err := url.Parse(target)
	if !ok || err != nil || u.Fragment == "" {
		return false
	}
	source := map[string]string{
		"/": "home.md", "/guide": "guide/", "/faq": "faq/", "/compare": "compare.yaml",
		"/which-role": "whichrole.yaml", "/which-role/how-it-works": "whichrole.yaml",
	}[u.Path]
	if source == "" {
		source = "pages" + u.Path + ".md"
	}
	for file := range broken {
		if strings.HasPrefix(file, source) {
			return true
		}
	}
	return false
}

// problemCount says how many problems err holds.
func problemCount(err error) string {
	n := 1
	var problems content.Problems
	if errors.As(err, &problems) {
		n = len(problems)
	}
	if n == 1 {
		return "1 problem"
	}
	return fmt.Sprintf("%d problems", n)
}
