package web

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"time"

	"github.com/a-h/templ"
	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/static"
	"github.com/guide/pmvspm/templates"
	"github.com/guide/pmvspm/web/decision"
	"github.com/guide/pmvspm/web/serve"
)

// listPages lists every page rendered at start, in the sitemap's order.
func (s *server) listPages() []page {
	site, words := s.site, s.site.Words.Pages
	var pages []page
	add := func(m templates.Meta, lastmod time.Time, c templ.Component) {
		pages = append(pages, page{path: m.Path, title: m.Title, sitemap: true, lastmod: lastmod,
			body: func() ([]byte, error) { return render(c) }})
	}

	home := s.meta("/", site.Home.Title, site.Home.Description, siteCard)
	home.JSONLD = map[string]any{
		"@context": "https://schema.org", "@type": "WebSite",
		"name": templates.SiteName, "url": s.cfg.BaseURL + "/", "description": site.Home.Description,
	}
	add(home, site.Home.Updated, templates.HomePage(home, site.Words.Home, site.Home, site.Comparison.Summary, site.Sections))

	guide := s.meta("/guide", words.Guide.Title, words.Guide.Description, siteCard)
	guide.Nav, guide.OGType = "guide", "article"
	guide.JSONLD = s.article(guide, site.GuideUpdated())
	add(guide, site.GuideUpdated(), templates.GuidePage(guide, site.Words.Guide, site.Sections))
	for i, sec := range site.Sections {
		m := s.meta("/guide/"+sec.Slug, sec.Title, sec.Description, sectionCard(sec.Slug))
		m.Nav, m.OGType = "guide", "article"
		m.JSONLD = s.article(m, sec.Updated)
		add(m, sec.Updated, templates.SectionPage(m, site.Words.Guide, site.Sections, i))
	}

	cmp := s.meta("/compare", site.Comparison.Title, site.Comparison.Description, siteCard)
	cmp.Nav = "compare"
	add(cmp, site.Comparison.Updated, templates.ComparePage(cmp, site.Words.Compare, site.Comparison))

	// The form with no answers; handleForm serves it, and pre-fills it
	// from a query.
	pages = append(pages, page{path: "/which-role", title: words.WhichRole.Title, sitemap: true,
		body: func() ([]byte, error) { return s.formPage(formView(site, decision.Answers{}, nil)) }})
	how := s.meta("/which-role/how-it-works", words.HowItWorks.Title, words.HowItWorks.Description, siteCard)
	how.Nav = "which-role"
	add(how, time.Time{}, templates.HowItWorksPage(how, s.howItWorksView()))

	faq := s.meta("/faq", words.FAQ.Title, words.FAQ.Description, siteCard)
	faq.Nav = "faq"
	faq.JSONLD = s.faqPage(site)
	add(faq, site.FAQUpdated(), templates.FAQPage(faq, site.Words.FAQ, site.Answers))
	for _, a := range site.Answers {
		m := s.meta("/faq/"+a.Slug, a.Question, a.Summary, answerCard(a.Slug))
		m.Nav, m.OGType = "faq", "article"
		var related []*content.Section
		for _, slug := range a.Related {
			if sec, ok := site.Section(slug); ok {
				related = append(related, sec)
			}
		}
		add(m, a.Updated, templates.AnswerPage(m, site.Words.FAQ, a, related))
	}

	for _, p := range site.Pages {
		m := s.meta("/"+p.Slug, p.Title, p.Description, siteCard)
		add(m, p.Updated, templates.InfoPage(m, p))
	}

	return append(pages,
		page{path: "/sitemap.xml", contentType: "application/xml; charset=utf-8",
			body: func() ([]byte, error) { return s.sitemap(pages) }},
		page{path: "/robots.txt", contentType: "text/plain; charset=utf-8",
			body: func() ([]byte, error) { return s.robots(), nil }},
	)
}

// prerender renders every page in s.pageList and every response that
// does not depend on the request: error pages, static files.
func (s *server) prerender() error {
	s.pages = map[string]*serve.Representation{}
	for _, p := range s.pageList {
		body, err := p.body()
		if err != nil {
			return fmt.Errorf("render %s: %w", p.path, err)
		}
		contentType := cmp.Or(p.contentType, htmlType)
		s.pages[p.path] = serve.NewUncompressed(contentType, s.pageCacheControl, body)
	}
	// The form a query over serve.LimitQuery's limits gets.
	damaged, err := s.formPage(formView(s.site, decision.Answers{}, []decision.FieldError{{Field: "goal", Problem: decision.DamagedLink}}))
	if err != nil {
		return err
	}
	s.damagedLink = serve.NewUncompressed(htmlType, noStore, damaged)
	if err := s.prerenderErrors(); err != nil {
		return err
	}
	s.static = staticFiles()
	ico, _ := static.Get("favicon.ico")
	s.favicon = serve.NewUncompressed(ico.ContentType, "public, max-age=86400", ico.Body)
	return nil
}

// prerendered is every page and file prepared at start, for their
// encodings.
func (s *server) prerendered() []*serve.Representation {
	pages := slices.AppendSeq([]*serve.Representation{s.favicon, s.damagedLink}, maps.Values(s.pages))
	return slices.AppendSeq(slices.AppendSeq(pages, maps.Values(s.static)), maps.Values(s.errorPages))
}

// handlePage serves a page rendered at start, or the 404 page.
func (s *server) handlePage(w http.ResponseWriter, r *http.Request) error {
	p, ok := s.pages[r.URL.Path]
	if !ok {
		return statusError(http.StatusNotFound)
	}
	p.Serve(w, r, http.StatusOK)
	return nil
}

// The sitemap and robots.txt, prerendered with the pages.

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemap lists the pages marked for it, with their absolute URL and,
// where the content says, when each last changed.
func (s *server) sitemap(pages []page) ([]byte, error) {
	var urls []sitemapURL
	for _, p := range pages {
		if !p.sitemap {
			continue
		}
		u := sitemapURL{Loc: s.cfg.BaseURL + p.path}
		if !p.lastmod.IsZero() {
			u.LastMod = p.lastmod.Format("2006-01-02")
		}
		urls = append(urls, u)
	}
	out, err := xml.MarshalIndent(struct {
		XMLName xml.Name     `xml:"urlset"`
		NS      string       `xml:"xmlns,attr"`
		URLs    []sitemapURL `xml:"url"`
	}{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", URLs: urls}, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("sitemap: %w", err)
	}
	return append([]byte(xml.Header), out...), nil
}

func (s *server) robots() []byte {
	return fmt.Appendf(nil, "User-agent: *\nAllow: /\nDisallow: /which-role/brief.md\nDisallow: /which-role/brief.pdf\nDisallow: /which-role/job-ad.md\nDisallow: /which-role/job-ad.txt\n\nSitemap: %s/sitemap.xml\n", s.cfg.BaseURL)
}

// article is the Article structured data of a guide page.
func (s *server) article(m templates.Meta, updated time.Time) map[string]any {
	return map[string]any{
		"@context":         "https://schema.org",
		"@type":            "Article",
		"headline":         m.Title,
		"description":      m.Description,
		"dateModified":     updated.Format("2006-01-02"),
		"mainEntityOfPage": m.Canonical(),
		"url":              m.Canonical(),
		"isPartOf":         map[string]any{"@type": "WebSite", "name": templates.SiteName, "url": s.cfg.BaseURL + "/"},
	}
}

// faqPage is the FAQPage structured data of /faq, from the same answers.
func (s *server) faqPage(site *content.Site) map[string]any {
	var questions []map[string]any
	for _, a := range site.Answers {
		questions = append(questions, map[string]any{
			"@type": "Question",
			"name":  a.Question,
			"url":   s.cfg.BaseURL + "/faq/" + a.Slug,
			"acceptedAnswer": map[string]any{
				"@type": "Answer",
				"text":  a.Text,
			},
		})
	}
	return map[string]any{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": questions}
}

// errorWords are the fixed error pages' words (content/words.yaml) by status.
func errorWords(w content.Words) map[int]content.ErrorWords {
	return map[int]content.ErrorWords{
		http.StatusForbidden:             w.Errors.Forbidden,
		http.StatusNotFound:              w.Errors.NotFound,
		http.StatusMethodNotAllowed:      w.Errors.MethodNotAllowed,
		http.StatusRequestEntityTooLarge: w.Errors.TooLarge,
		http.StatusTooManyRequests:       w.Errors.TooManyRequests,
		http.StatusInternalServerError:   w.Errors.ServerError,
		http.StatusServiceUnavailable:    w.Errors.Busy,
	}
}

// prerenderErrors renders every error page once.
func (s *server) prerenderErrors() error {
	s.errorPages = map[int]*serve.Representation{}
	e := s.site.Words.Errors
	links := templates.ErrorLinks{
		GuideHeading: e.GuideHeading, FAQHeading: e.FAQHeading,
		HomeLink: e.HomeLink, CompareLink: e.CompareLink, WhichRoleLink: e.WhichRoleLink,
	}
	for status, t := range errorWords(s.site.Words) {
		m := s.meta("", t.Heading, t.Message, siteCard)
		m.NoIndex = true
		body, err := render(templates.ErrorPage(m, t.Heading, t.Message, links, s.site.Sections, s.site.Answers))
		if err != nil {
			return fmt.Errorf("render the %d page: %w", status, err)
		}
		s.errorPages[status] = serve.NewUncompressed(htmlType, noStore, body)
	}
	return nil
}
