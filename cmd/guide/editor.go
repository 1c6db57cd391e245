package main

import (
	"flag"
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

// contentFS is the content to serve or check.
func (e editorConfig) contentFS() fs.FS {
	if dir := e.contentDir(); dir != "" {
		return os.DirFS(dir)
	}
	return content.Files
}
