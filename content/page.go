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

func (p *Page) origin() (string, int) { return p.Slug, p.slugLine }

type pageMeta struct {
	Title       string `yaml:"title"`
	Slug        string `yaml:"slug"`
	Description string `yaml:"description"`
	Updated     string `yaml:"updated"`
}

// loadPage loads one page, for loadFolder.
func loadPage(md goldmark.Markdown, fsys fs.FS, file string) (*Page, *document, error) {
	var meta pageMeta
	fm, body, bodyLine, err := readMarkdownFile(fsys, file, &meta)
	if err != nil {
		return nil, nil, err
	}
	var problems Problems
	checkCommonMeta(&problems, file, fm, meta.Title, meta.Slug, meta.Description, meta.Updated)
	if !validSlug(meta.Slug) {
		return nil, nil, problems.err()
	}
	updated, _ := parseDate(file, fm, meta.Updated)
	doc, err := parseMarkdown(md, file, body, bodyLine, true)
	problems.add(err)
	p := &Page{
		Title: meta.Title, Slug: meta.Slug, Description: meta.Description, Updated: updated,
		Headings: doc.headings(), file: file, slugLine: fm.key("slug"),
	}
	p.HTML, err = doc.render(md, "", 0)
	problems.add(err)
	return p, doc, problems.err()
}

// loadPages reads pages/*.md and checks that they are exactly the required
// pages, returned in the order of RequiredPages.
func loadPages(md goldmark.Markdown, fsys fs.FS) (pages []*Page, docs map[string]*document, err error) {
	var problems Problems
	loaded, docs, _, err := loadFolder(md, fsys, "pages", "/", loadPage)
	problems.add(err)
	bySlug := map[string]*Page{}
	for _, p := range loaded {
		if !slices.Contains(RequiredPages, p.Slug) {
			problems.add(fileErrorf(p.file, p.slugLine, "unexpected page %q: the site serves only %v", p.Slug, RequiredPages))
			delete(docs, p.Slug)
			continue
		}
		bySlug[p.Slug] = p
	}
	failedFiles := problems.files() // a file that did not load is not missing
	pages = make([]*Page, 0, len(RequiredPages))
	for _, slug := range RequiredPages {
		p, ok := bySlug[slug]
		switch {
		case ok:
			pages = append(pages, p)
		case !failedFiles["pages/"+slug+".md"]:
			problems.add(&missingFile{"pages/" + slug + ".md", fmt.Sprintf("pages: page %q is missing (want %v)", slug, RequiredPages)})
		}
	}
	return pages, docs, problems.err()
}
