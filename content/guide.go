package content

import (
	"fmt"
	"io/fs"
	"slices"
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
	_, ok := s.Heading(id)
	return ok
}

// Heading returns the section's heading with this id.
func (s *Section) Heading(id string) (Heading, bool) {
	return find(s.Headings, func(h Heading) bool { return h.ID == id })
}

func (s *Section) origin() (string, int) { return s.Slug, s.slugLine }

type sectionMeta struct {
	Title       string `yaml:"title"`
	Slug        string `yaml:"slug"`
	Description string `yaml:"description"`
	Order       int    `yaml:"order"`
	Updated     string `yaml:"updated"`
}

// loadSection loads one section, for loadFolder.
func loadSection(md goldmark.Markdown, fsys fs.FS, file string) (*Section, *document, error) {
	var meta sectionMeta
	fm, body, bodyLine, err := readMarkdownFile(fsys, file, &meta)
	if err != nil {
		return nil, nil, err
	}
	var problems Problems
	checkCommonMeta(&problems, file, fm, meta.Title, meta.Slug, meta.Description, meta.Updated)
	if meta.Order < 1 {
		problems.add(fileErrorf(file, fm.key("order"), "order must be a positive number"))
	}
	if !validSlug(meta.Slug) {
		return nil, nil, problems.err()
	}
	updated, _ := parseDate(file, fm, meta.Updated)
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
// section is welcome.
func loadSections(md goldmark.Markdown, fsys fs.FS) (sections []*Section, docs map[string]*document, err error) {
	var problems Problems
	sections, docs, failed, err := loadFolder(md, fsys, "guide", "/guide/", loadSection)
	problems.add(err)
	byOrder := map[int]*Section{}
	var sameOrder [][2]*Section // a section, and the one that had its order first
	for _, s := range sections {
		if other, dup := byOrder[s.Order]; dup {
			sameOrder = append(sameOrder, [2]*Section{s, other})
		}
		byOrder[s.Order] = s
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
	failedFiles := problems.files() // a file that did not load is not missing
	var present []string
	for _, want := range RequiredSections {
		if docs[want] != nil {
			present = append(present, want)
		} else if !failedFiles["guide/"+want+".md"] {
			problems.add(&missingFile{"guide/" + want + ".md", fmt.Sprintf("guide: section %q is missing: /guide/%s is a published address (write guide/%s.md)", want, want, want)})
		}
	}
	// A file that failed, or two sections with one order, may be all that
	// is out of order: say those alone.
	if !failed && len(sameOrder) == 0 {
		for i, s := range shipped {
			if s.Slug != present[i] {
				problems.add(fileErrorf(s.file, s.orderLine,
					"section %q comes where %q should: the published sections keep their order %v", s.Slug, present[i], RequiredSections))
				break
			}
		}
	}
	return sections, docs, problems.err()
}
