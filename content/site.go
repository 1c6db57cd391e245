package content

import (
	"io/fs"
	"maps"
	"slices"
	"strings"
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
	Words         Words
	Pages         []*Page // standalone pages: /about, /privacy
	Publisher     Publisher

	// HiringKit holds the job adverts and the hiring brief's kit.
	HiringKit HiringKit

	// The role profiles, from the responsibilities and skills tables.
	ProductManager Profile
	ProjectManager Profile

	// Links are the content's links to pages that no content file makes
	// (/compare, /which-role, /faq#…): the server checks them against the
	// pages it serves, since only it knows them. A link to an #anchor on a
	// page made from a file with problems is not among them: the page's
	// ids are unknown until the file loads.
	Links []Link

	sections map[string]*Section
	answers  map[string]*Answer
	failed   map[string]bool // the files with problems, and "" for problems in no file
}

// Whole reports whether every file loaded without a problem: only then
// may the site be served.
func (s *Site) Whole() bool { return len(s.failed) == 0 }

// Failed reports whether file had problems, so that the site holds only
// what could be read of it, or nothing.
func (s *Site) Failed(file string) bool { return s.failed[file] }

// Section returns the guide section with this slug.
func (s *Site) Section(slug string) (*Section, bool) {
	sec, ok := s.sections[slug]
	return sec, ok
}

// GuideUpdated returns when the guide last changed: its latest section.
func (s *Site) GuideUpdated() time.Time {
	return latest(s.Sections, func(sec *Section) time.Time { return sec.Updated })
}

// FAQUpdated returns when the FAQ last changed: its latest answer.
func (s *Site) FAQUpdated() time.Time {
	return latest(s.Answers, func(a *Answer) time.Time { return a.Updated })
}

// find returns the first of items that match accepts.
func find[T any](items []T, match func(T) bool) (T, bool) {
	i := slices.IndexFunc(items, match)
	if i < 0 {
		var zero T
		return zero, false
	}
	return items[i], true
}

// latest returns the most recent update among items.
func latest[T any](items []T, updated func(T) time.Time) time.Time {
	var t time.Time
	for _, it := range items {
		if u := updated(it); u.After(t) {
			t = u
		}
	}
	return t
}

// HasAnchor reports whether /guide/{slug}#{anchor} exists; an empty anchor
// asks only about the section.
func (s *Site) HasAnchor(slug, anchor string) bool {
	sec, ok := s.sections[slug]
	return ok && (anchor == "" || sec.HasAnchor(anchor))
}

// Load reads, checks and renders the content in fsys (normally [Files]).
// It checks every file, and on failure returns [Problems]: every problem
// found, each naming its file and line. The Site it returns holds what
// could be loaded even then, so that the server's own checks of the
// content can run over it (see [Site.Whole]); such a site is never served.
func Load(fsys fs.FS) (*Site, error) {
	md := newMarkdown()
	site := &Site{sections: map[string]*Section{}, answers: map[string]*Answer{}}
	var problems Problems
	var err error
	var links []Link

	var home *document
	site.Home, home, err = loadHome(md, fsys, "home.md")
	problems.add(err)
	if home != nil {
		links = append(links, home.links...)
	}
	// The parsed bodies, by slug, live only while Load reads their links
	// and the role tables.
	var sectionDocs, answerDocs, pageDocs map[string]*document
	site.Sections, sectionDocs, err = loadSections(md, fsys)
	problems.add(err)
	for _, sec := range site.Sections {
		site.sections[sec.Slug] = sec
		links = append(links, sectionDocs[sec.Slug].links...)
	}
	site.Answers, answerDocs, err = loadAnswers(md, fsys)
	problems.add(err)
	for _, a := range site.Answers {
		site.answers[a.Slug] = a
		links = append(links, answerDocs[a.Slug].links...)
	}
	site.Pages, pageDocs, err = loadPages(md, fsys)
	problems.add(err)
	for _, p := range site.Pages {
		links = append(links, pageDocs[p.Slug].links...)
	}
	site.Comparison, err = loadComparison(fsys, "compare.yaml")
	problems.add(err)
	site.Questionnaire, err = loadQuestionnaire(fsys, "whichrole.yaml")
	problems.add(err)
	site.Words, err = loadWords(fsys, "words.yaml")
	problems.add(err)
	site.Publisher, err = loadPublisher(fsys, "publisher.yaml")
	problems.add(err)
	for _, p := range site.Pages {
		p.HTML = strings.ReplaceAll(p.HTML, publisherToken, site.Publisher.html())
	}
	var kitLinks []Link
	site.HiringKit, kitLinks, err = loadHiringKit(fsys, "hiringkit.yaml")
	problems.add(err)
	links = append(links, kitLinks...)
	for _, part := range []struct {
		slug string
		prod *[]Item
		proj *[]Item
	}{
		{"responsibilities", &site.ProductManager.Responsibilities, &site.ProjectManager.Responsibilities},
		{"skills", &site.ProductManager.Skills, &site.ProjectManager.Skills},
	} {
		if doc, ok := sectionDocs[part.slug]; ok {
			*part.prod, *part.proj, err = roleTable(doc)
			problems.add(err)
		}
	}
	// The word rules every Markdown body must keep.
	docs := []*document{home}
	for _, set := range []map[string]*document{sectionDocs, answerDocs, pageDocs} {
		docs = slices.AppendSeq(docs, maps.Values(set))
	}
	var terms []term
	if glossary, ok := answerDocs[GlossarySlug]; ok {
		terms = glossaryTerms(glossary)
	}
	for _, doc := range docs {
		if doc == nil {
			continue
		}
		problems.add(doc.checkFigureDates())
		if doc != answerDocs[GlossarySlug] {
			problems.add(doc.checkTerms(terms))
		}
	}
	problems.add(site.checkSituations())
	problems.add(site.Comparison.checkShortAnswer(site.Words.Layout))
	problems.add(site.Comparison.checkTerms(terms))
	// Links and references to a page whose file did not load are not
	// judged, since what the file holds is unknown.
	site.failed = problems.files()
	problems.add(site.checkReferences())
	links, err = site.checkLinks(links)
	problems.add(err)
	site.failed = problems.files()
	site.Links = slices.DeleteFunc(links, site.waits)
	return site, problems.err()
}

// checkReferences makes sure that every guide reference in data files points
// to a section and heading that exist.
func (s *Site) checkReferences() error {
	var problems Problems
	for i, r := range s.Comparison.Rows {
		if !s.HasAnchor(r.Section, r.Anchor) && !s.lost(r.Section) {
			problems.add(fileErrorf(s.Comparison.file, s.Comparison.rowLines[i], "row %q points to %s, which does not exist", r.Dimension, r.Link()))
		}
	}
	for _, a := range s.Answers {
		for _, slug := range a.Related {
			if _, ok := s.sections[slug]; !ok && !s.lost(slug) {
				problems.add(fileErrorf(a.file, a.relatedLine, "related: no guide section %q", slug))
			}
		}
	}
	return problems.err()
}

func loadHome(md goldmark.Markdown, fsys fs.FS, file string) (Home, *document, error) {
	var meta struct {
		Title       string `yaml:"title"`
		Description string `yaml:"description"`
		Updated     string `yaml:"updated"`
	}
	fm, body, bodyLine, err := readMarkdownFile(fsys, file, &meta)
	if err != nil {
		return Home{}, nil, err
	}
	var problems Problems
	if meta.Title == "" || meta.Description == "" {
		problems.add(fileErrorf(file, frontMatterLine, "title and description are required"))
	}
	updated, err := parseDate(file, fm, meta.Updated)
	problems.add(err)
	doc, err := parseMarkdown(md, file, body, bodyLine, true)
	problems.add(err)
	html, err := doc.render(md, "", 0)
	problems.add(err)
	return Home{Title: meta.Title, Description: meta.Description, Updated: updated, HTML: html}, doc, problems.err()
}
