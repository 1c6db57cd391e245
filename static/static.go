// Package static owns the site's static files (stylesheet, icons). Each is
// served under a name that carries a hash of its content, so that browsers
// and CDNs may cache it for a year: a changed file gets a new name.
package static

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"maps"
	"mime"
	"path"
	"regexp"
	"slices"
	"strings"
)

//go:embed style.css favicon.svg favicon.ico
var files embed.FS

// An Asset is one static file.
type Asset struct {
	Name        string // as written, e.g. style.css
	HashedName  string // as served, e.g. style.3f2a1b9c0d.css
	ContentType string
	Body        []byte
}

var byName = map[string]*Asset{}

// cssComment is a comment in a stylesheet: the source explains itself, the
// reader's browser gets the rules alone (about 500 bytes less, gzipped, on
// every first visit).
var cssComment = regexp.MustCompile(`(?s)/\*.*?\*/\n?`)

func init() {
	entries, err := fs.ReadDir(files, ".")
	if err != nil {
		panic(err) // the embedded directory always reads
	}
	for _, e := range entries {
		body, err := files.ReadFile(e.Name())
		if err != nil {
			panic(err)
		}
		ext := path.Ext(e.Name())
		if ext == ".css" {
			body = cssComment.ReplaceAll(body, nil)
		}
		sum := sha256.Sum256(body)
		a := &Asset{
			Name:        e.Name(),
			HashedName:  strings.TrimSuffix(e.Name(), ext) + "." + hex.EncodeToString(sum[:5]) + ext,
			ContentType: mime.TypeByExtension(ext),
			Body:        body,
		}
		if ext == ".ico" {
			a.ContentType = "image/x-icon"
		}
		byName[a.Name] = a
	}
}

// Path returns the URL path of a static file by its written name. It panics
// on an unknown name: that is a programming error a test catches at once.
func Path(name string) string {
	a, ok := byName[name]
	if !ok {
		panic("static: no file " + name)
	}
	return "/static/" + a.HashedName
}

// Get finds a file by its written name.
func Get(name string) (*Asset, bool) {
	a, ok := byName[name]
	return a, ok
}

// All returns every static file.
func All() []*Asset { return slices.Collect(maps.Values(byName)) }
