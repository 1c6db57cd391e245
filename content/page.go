package content

import (
	"fmt"
	"io/fs"
	"slices"
	"time"

	"github.com/yuin/goldmark"
)

// RequiredPages are the standalone pages, each served at /{slug}. The web
// package routes exactly these, so the set is fixed here.
var RequiredPages = []string{"about", "privacy"}

// A Page is a standalone page outside the guide, such as /about.
type Page struct {
	Title       string
	Slug        string
	Description string
	Updated     time.Time
	HTML        string
	Headings    []Heading

	file     string
	slugLine int
}

type pageMeta struct {
	Title       string `yaml:"title"`
	Slug        string `yaml:"slug"`
	Description string `yaml:"description"`
	Updated     string `yaml:"updated"`
}

func (m pageMeta) validate(file string, fm []byte) error {
	switch {
	case m.Title == "":
		return fileErrorf(file, 2, "title is required")
	case !validSlug(m.Slug):
		return fileErrorf(file, keyLine(fm, 2, "slug"), "slug %q must be lower-case words joined by hyphens", m.Slug)
	case m.Description == "":
		return fileErrorf(file, 2, "description is required")
	case len([]rune(m.Description)) > 160:
		return fileErrorf(file, keyLine(fm, 2, "description"), "description is %d characters; the limit is 160", len([]rune(m.Description)))
	}
	return nil
}

func loadPage(md goldmark.Markdown, fsys fs.FS, file string) (*Page, error) {
	var meta pageMeta
	fm, body, bodyLine, err := readMarkdownFile(fsys, file, &meta)
	if err != nil {
		return nil, err
	}
	if err := meta.validate(file, fm); err != nil {
		return nil, err
	}
	updated, err := parseDate(meta.Updated)
	if err != nil {
		return nil, fileErrorf(file, keyLine(fm, 2, "updated"), "%v", err)
	}
	doc, err := parseMarkdown(md, file, body, bodyLine)
	if err != nil {
		return nil, err
	}
	p := &Page{
		Title: meta.Title, Slug: meta.Slug, Description: meta.Description, Updated: updated,
		Headings: doc.linkHeadings("", 0), file: file, slugLine: keyLine(fm, 2, "slug"),
	}
	if p.HTML, err = doc.render(md); err != nil {
		return nil, err
	}
	return p, nil
}

// loadPages reads pages/*.md and checks that they are exactly the required
// pages, returned in the order of RequiredPages.
func loadPages(md goldmark.Markdown, fsys fs.FS) ([]*Page, error) {
	files, err := fs.Glob(fsys, "pages/*.md")
	if err != nil {
		return nil, err
	}
	bySlug := map[string]*Page{}
	for _, file := range files {
		p, err := loadPage(md, fsys, file)
		if err != nil {
			return nil, err
		}
		if other, dup := bySlug[p.Slug]; dup {
			return nil, fileErrorf(file, p.slugLine, "duplicate slug %q: %s has it too", p.Slug, other.file)
		}
		if !slices.Contains(RequiredPages, p.Slug) {
			return nil, fileErrorf(file, p.slugLine, "unexpected page %q: the site serves only %v", p.Slug, RequiredPages)
		}
		bySlug[p.Slug] = p
	}
	pages := make([]*Page, 0, len(RequiredPages))
	for _, slug := range RequiredPages {
		p, ok := bySlug[slug]
		if !ok {
			return nil, fmt.Errorf("pages: page %q is missing (want %v)", slug, RequiredPages)
		}
		pages = append(pages, p)
	}
	return pages, nil
}
