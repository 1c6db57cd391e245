package content

import (
	"errors"
	"io/fs"
	"time"

	"github.com/yuin/goldmark"
)

// Home is the home page's introduction.
type Home struct {
	Title       string
	Description string
	Updated     time.Time
	HTML        string
}

// Site is everything the guide says, loaded, checked and rendered. It is
// built once by Load and only read afterwards.
type Site struct {
	Home          Home
	Sections      []*Section
	Answers       []*Answer
	Comparison    Comparison
	Questionnaire Questionnaire
	Pages         []*Page // standalone pages: /about, /privacy

	// The role profiles, from the responsibilities and skills tables.
	ProductManager Profile
	ProjectManager Profile

	sections map[string]*Section
	answers  map[string]*Answer
	pages    map[string]*Page
}

// Section returns the guide section with this slug.
func (s *Site) Section(slug string) (*Section, bool) {
	sec, ok := s.sections[slug]
	return sec, ok
}

// Answer returns the FAQ answer with this slug.
func (s *Site) Answer(slug string) (*Answer, bool) {
	a, ok := s.answers[slug]
	return a, ok
}

// Page returns the standalone page with this slug.
func (s *Site) Page(slug string) (*Page, bool) {
	p, ok := s.pages[slug]
	return p, ok
}

// HasAnchor reports whether /guide/{slug}#{anchor} exists; an empty anchor
// asks only about the section.
func (s *Site) HasAnchor(slug, anchor string) bool {
	sec, ok := s.sections[slug]
	return ok && (anchor == "" || sec.HasAnchor(anchor))
}

// Load reads, checks and renders the content in fsys (normally [Files]).
func Load(fsys fs.FS) (*Site, error) {
	md := newMarkdown()
	site := &Site{sections: map[string]*Section{}, answers: map[string]*Answer{}, pages: map[string]*Page{}}
	var err error
	if site.Home, err = loadHome(md, fsys, "home.md"); err != nil {
		return nil, err
	}
	if site.Sections, err = loadSections(md, fsys); err != nil {
		return nil, err
	}
	for _, sec := range site.Sections {
		site.sections[sec.Slug] = sec
	}
	if site.Answers, err = loadAnswers(md, fsys); err != nil {
		return nil, err
	}
	for _, a := range site.Answers {
		site.answers[a.Slug] = a
	}
	if site.Pages, err = loadPages(md, fsys); err != nil {
		return nil, err
	}
	for _, p := range site.Pages {
		site.pages[p.Slug] = p
	}
	if site.Comparison, err = loadComparison(fsys, "compare.yaml"); err != nil {
		return nil, err
	}
	if site.Questionnaire, err = loadQuestionnaire(fsys, "whichrole.yaml"); err != nil {
		return nil, err
	}
	for _, part := range []struct {
		slug string
		prod *[]Item
		proj *[]Item
	}{
		{"responsibilities", &site.ProductManager.Responsibilities, &site.ProjectManager.Responsibilities},
		{"skills", &site.ProductManager.Skills, &site.ProjectManager.Skills},
	} {
		if *part.prod, *part.proj, err = roleTable(site.sections[part.slug]); err != nil {
			return nil, err
		}
	}
	for _, sec := range site.Sections {
		sec.doc = nil
	}
	if err := site.checkReferences(); err != nil {
		return nil, err
	}
	return site, nil
}

// checkReferences makes sure that every guide reference in data files points
// to a section and heading that exist.
func (s *Site) checkReferences() error {
	var errs []error
	for i, r := range s.Comparison.Rows {
		if !s.HasAnchor(r.Section, r.Anchor) {
			errs = append(errs, fileErrorf(s.Comparison.file, s.Comparison.rowLines[i], "row %q points to %s, which does not exist", r.Dimension, r.Link()))
		}
	}
	for _, a := range s.Answers {
		for _, slug := range a.Related {
			if _, ok := s.sections[slug]; !ok {
				errs = append(errs, fileErrorf(a.file, a.relatedLine, "related: no guide section %q", slug))
			}
		}
	}
	return errors.Join(errs...)
}

func loadHome(md goldmark.Markdown, fsys fs.FS, file string) (Home, error) {
	var meta struct {
		Title       string `yaml:"title"`
		Description string `yaml:"description"`
		Updated     string `yaml:"updated"`
	}
	fm, body, bodyLine, err := readMarkdownFile(fsys, file, &meta)
	if err != nil {
		return Home{}, err
	}
	if meta.Title == "" || meta.Description == "" {
		return Home{}, fileErrorf(file, 2, "title and description are required")
	}
	updated, err := parseDate(meta.Updated)
	if err != nil {
		return Home{}, fileErrorf(file, keyLine(fm, 2, "updated"), "%v", err)
	}
	doc, err := parseMarkdown(md, file, body, bodyLine)
	if err != nil {
		return Home{}, err
	}
	doc.linkHeadings("", 0)
	html, err := doc.render(md)
	if err != nil {
		return Home{}, err
	}
	return Home{Title: meta.Title, Description: meta.Description, Updated: updated, HTML: html}, nil
}
