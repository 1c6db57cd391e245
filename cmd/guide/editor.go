package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"github.com/guide/pmvspm/content"
)

// editorConfig is what an editor of the content asks for: a check, content
// served from disk, and the live-reloading development mode.
type editorConfig struct {
	check bool
	dir   string
	dev   bool
}

func (e *editorConfig) flags(fs *flag.FlagSet) {
	fs.BoolVar(&e.check, "check", false, "check the content (embedded, or -content DIR), print every problem as file:line: message, exit 1 if there is any")
	fs.StringVar(&e.dir, "content", "", "serve the content from this directory instead of the copy embedded in the binary")
	fs.BoolVar(&e.dev, "dev", false, "development: serve -content (default ./content), reload it on every save, send Cache-Control: no-store, show content errors in the browser")
}

// contentDir is the directory to read content from, or "" for the embedded copy.
func (e editorConfig) contentDir() string {
	if e.dir == "" && e.dev {
		return "content"
	}
	return e.dir
}

// checkDir makes sure the content directory, if one is asked for, is there:
// one plain sentence, not a "missing" problem for every file it should hold.
func (e editorConfig) checkDir() error {
	dir := e.contentDir()
	if dir == "" {
		return nil
	}
	info, err := os.Stat(dir)
	switch {
	case err == nil && info.IsDir():
		return nil
	case err == nil:
		return fmt.Errorf("-content %s is a file, not a directory: give the folder that holds home.md, guide/ and faq/", dir)
	case e.dir == "": // -dev's default
		wd, _ := os.Getwd()
		return fmt.Errorf("-dev serves the content in ./content, and %s has no content folder: run it from the repository's top folder, or say where the content is with -content DIR", wd)
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("-content %s: no such directory", dir)
	default:
		return fmt.Errorf("-content %s: %w", dir, err)
	}
}

// contentFS is the content to serve or check.
func (e editorConfig) contentFS() fs.FS {
	if dir := e.contentDir(); dir != "" {
		return os.DirFS(dir)
	}
	return content.Files
}
