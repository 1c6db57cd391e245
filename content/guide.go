package content

import (
	"fmt"
	"io/fs"
	"slices"
	"time"

	"github.com/yuin/goldmark"
)

// RequiredSections are the guide's sections, in reading order. Their slugs
// are part of the site's public URLs.
var RequiredSections = []string{
	"definitions", "responsibilities", "skills", "differences",
	"scenarios", "working-together", "career-path", "hiring",
}

// A Section is one chapter of the guide.
type Section struct {
	Title       string
	Slug        string
	Description string
	Order       int
	Updated     time.Time

	// HTML is the rendered body for the section's own page, headings from h2.
	HTML string
	// InlineHTML is the body for the one-page guide: headings one level
	// down and ids prefixed with "{slug}-" so that sections cannot collide.
	InlineHTML string
	// Headings are the body's headings, ids as written.
	Headings []Heading

	doc      *document // kept for the role tables; read once in Load
	file     string
	slugLine int
}

// HasAnchor reports whether the section has a heading with this id.
func (s *Section) HasAnchor(id string) bool {
	return slices.ContainsFunc(s.Headings, func(h Heading) bool { return h.ID == id })
}

type sectionMeta struct {
	Title       string `yaml:"title"`
	Slug        string `yaml:"slug"`
	Description string `yaml:"description"`
	Order       int    `yaml:"order"`
	Updated     string `yaml:"updated"`
}

func (m sectionMeta) validate(file string, fm []byte) error {
	switch {
	case m.Title == "":
		return fileErrorf(file, 2, "title is required")
	case m.Slug == "":
		return fileErrorf(file, 2, "slug is required")
	case !validSlug(m.Slug):
		return fileErrorf(file, keyLine(fm, 2, "slug"), "slug %q must be lower-case words joined by hyphens", m.Slug)
	case m.Description == "":
		return fileErrorf(file, 2, "description is required")
	case len([]rune(m.Description)) > 160:
		return fileErrorf(file, keyLine(fm, 2, "description"), "description is %d characters; the limit is 160", len([]rune(m.Description)))
	case m.Order < 1:
		return fileErrorf(file, keyLine(fm, 2, "order"), "order must be a positive number")
	}
	return nil
}

func loadSection(md goldmark.Markdown, fsys fs.FS, file string) (*Section, error) {
	var meta sectionMeta
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
	s := &Section{
		Title: meta.Title, Slug: meta.Slug, Description: meta.Description, Order: meta.Order, Updated: updated,
		file: file, slugLine: keyLine(fm, 2, "slug"),
	}

	// Parse twice: once for each rendering, since the transform rewrites the tree.
	page, err := parseMarkdown(md, file, body, bodyLine)
	if err != nil {
		return nil, err
	}
	s.Headings = page.linkHeadings("", 0)
	if s.HTML, err = page.render(md); err != nil {
		return nil, err
	}
	s.doc = page
	inline, err := parseMarkdown(md, file, body, bodyLine)
	if err != nil {
		return nil, err
	}
	inline.linkHeadings(s.Slug+"-", 1)
	if s.InlineHTML, err = inline.render(md); err != nil {
		return nil, err
	}
	return s, nil
}

// loadSections reads guide/*.md, sorted by order, and checks that they are
// exactly the required sections in the required order.
func loadSections(md goldmark.Markdown, fsys fs.FS) ([]*Section, error) {
	files, err := fs.Glob(fsys, "guide/*.md")
	if err != nil {
		return nil, err
	}
	var sections []*Section
	bySlug := map[string]string{}
	for _, file := range files {
		s, err := loadSection(md, fsys, file)
		if err != nil {
			return nil, err
		}
		if other, dup := bySlug[s.Slug]; dup {
			return nil, fileErrorf(file, s.slugLine, "duplicate slug %q: %s has it too", s.Slug, other)
		}
		bySlug[s.Slug] = file
		sections = append(sections, s)
	}
	// Check the set before the order, so that a missing or extra section is
	// reported as such and not as a misplaced neighbour.
	for _, s := range sections {
		if !slices.Contains(RequiredSections, s.Slug) {
			return nil, fileErrorf(s.file, s.slugLine, "unexpected section %q: the guide has exactly %v", s.Slug, RequiredSections)
		}
	}
	for _, want := range RequiredSections {
		if _, ok := bySlug[want]; !ok {
			return nil, fmt.Errorf("guide: section %q is missing (want %v)", want, RequiredSections)
		}
	}
	slices.SortFunc(sections, func(a, b *Section) int { return a.Order - b.Order })
	for i, want := range RequiredSections {
		if got := sections[i]; got.Slug != want {
			return nil, fileErrorf(got.file, got.slugLine,
				"section %d by order is %q; the guide needs %q there (order: %v)", i+1, got.Slug, want, RequiredSections)
		}
	}
	return sections, nil
}

func validSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return false
		}
	}
	return true
}
