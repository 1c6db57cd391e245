package content

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/yuin/goldmark"
)

// RequiredSections are the sections whose URLs have shipped: they must
// exist, and keep this order. Other sections may be added anywhere by
// writing guide/{slug}.md with an order of its own: no code changes.
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

	file      string
	slugLine  int
	orderLine int
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

func (m sectionMeta) validate(file string, fm yamlLines) error {
	var problems Problems
	checkCommonMeta(&problems, file, fm, m.Title, m.Slug, m.Description, m.Updated)
	if m.Order < 1 {
		problems.add(fileErrorf(file, fm.key("order"), "order must be a positive number"))
	}
	return problems.err()
}

// checkCommonMeta checks the front matter that guide sections and
// standalone pages share: a title, a slug fit for a URL, a description
// that fits a search result, and a date.
func checkCommonMeta(problems *Problems, file string, fm yamlLines, title, slug, description, updated string) {
	if title == "" {
		problems.add(fileErrorf(file, frontMatterLine, "title is required"))
	}
	switch {
	case slug == "":
		problems.add(fileErrorf(file, frontMatterLine, "slug is required"))
	case !validSlug(slug):
		problems.add(fileErrorf(file, fm.key("slug"), "slug %q must be lower-case words joined by hyphens", slug))
	}
	switch n := len([]rune(description)); {
	case n == 0:
		problems.add(fileErrorf(file, frontMatterLine, "description is required"))
	case n > 160:
		problems.add(fileErrorf(file, fm.key("description"), "description is %d characters; the limit is 160", n))
	}
	if _, err := parseDate(updated); err != nil {
		problems.add(fileErrorf(file, fm.key("updated"), "%v", err))
	}
}

// loadSection loads one section, and returns its parsed body for Load to
// read links and role tables from. Once its slug is known it returns the
// section even with problems, so that links to it can still be checked.
func loadSection(md goldmark.Markdown, fsys fs.FS, file string) (*Section, *document, error) {
	var meta sectionMeta
	fm, body, bodyLine, err := readMarkdownFile(fsys, file, &meta)
	if err != nil {
		return nil, nil, err
	}
	var problems Problems
	problems.add(meta.validate(file, fm))
	if !validSlug(meta.Slug) {
		return nil, nil, problems.err()
	}
	updated, _ := parseDate(meta.Updated)
	s := &Section{
		Title: meta.Title, Slug: meta.Slug, Description: meta.Description, Order: meta.Order, Updated: updated,
		file: file, slugLine: fm.key("slug"), orderLine: fm.key("order"),
	}

	doc, err := parseMarkdown(md, file, body, bodyLine, true)
	problems.add(err)
	s.Headings = doc.headings()
	s.HTML, err = doc.render(md, "", 0)
	problems.add(err)
	s.InlineHTML, err = doc.render(md, s.Slug+"-", 1)
	problems.add(err)
	return s, doc, problems.err()
}

// loadSections reads guide/*.md, sorted by order. The sections whose URLs
// have shipped (RequiredSections) must be there, in their order; any other
// section is welcome. The URL of each file that fails to load is added to
// broken. docs holds each returned section's parsed body, by slug.
func loadSections(md goldmark.Markdown, fsys fs.FS, broken map[string]bool) (sections []*Section, docs map[string]*document, err error) {
	files, err := fs.Glob(fsys, "guide/*.md")
	if err != nil {
		return nil, nil, err
	}
	var problems Problems
	docs = map[string]*document{}
	bySlug := map[string]*Section{}
	byOrder := map[int]*Section{}
	var sameOrder [][2]*Section // a section, and the one that had its order first
	for _, file := range files {
		s, doc, err := loadSection(md, fsys, file)
		problems.add(err)
		if s == nil {
			broken["/guide/"+strings.TrimSuffix(path.Base(file), ".md")] = true
			continue
		}
		if other, dup := bySlug[s.Slug]; dup {
			problems.add(fileErrorf(file, s.slugLine, "duplicate slug %q: %s has it too", s.Slug, other.file))
			continue
		}
		if other, dup := byOrder[s.Order]; dup {
			sameOrder = append(sameOrder, [2]*Section{s, other})
		}
		bySlug[s.Slug], byOrder[s.Order] = s, s
		docs[s.Slug] = doc
		sections = append(sections, s)
	}
	slices.SortStableFunc(sections, func(a, b *Section) int { return a.Order - b.Order })
	for _, pair := range sameOrder {
		s, other := pair[0], pair[1]
		free := sections[len(sections)-1].Order + 1
		problems.add(fileErrorf(s.file, s.orderLine,
			"order %d is taken by %s: give each section an order of its own; %d is free (the end of the guide), or renumber the sections after this one to put it in between",
			s.Order, other.file, free))
	}

	// The shipped sections, in the order the files give them.
	var shipped []*Section
	for _, s := range sections {
		if slices.Contains(RequiredSections, s.Slug) {
			shipped = append(shipped, s)
		}
	}
	for _, want := range RequiredSections {
		if bySlug[want] == nil && !broken["/guide/"+want] {
			problems.add(fmt.Errorf("guide: section %q is missing: /guide/%s is a published address (write guide/%s.md)", want, want, want))
		}
	}
	var present []string
	for _, want := range RequiredSections {
		if bySlug[want] != nil {
			present = append(present, want)
		}
	}
	for i, s := range shipped {
		if s.Slug != present[i] {
			problems.add(fileErrorf(s.file, s.orderLine,
				"section %q comes where %q should: the published sections keep their order %v", s.Slug, present[i], RequiredSections))
			break
		}
	}
	return sections, docs, problems.err()
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
