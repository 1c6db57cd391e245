package web

import (
	"bytes"
	"context"
	"fmt"
	"net/http"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"
	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/static"
	"github.com/guide/pmvspm/templates"
	"github.com/guide/pmvspm/web/decision"
)

const htmlType = "text/html; charset=utf-8"

// noStore is the Cache-Control of errors and form responses: never kept by
// a shared cache.
const noStore = "no-store"

var noStoreOnly = []string{noStore}

// render renders a component into memory, so that a failing component never
// sends half a page.
func render(c templ.Component) ([]byte, error) {
	var buf bytes.Buffer
	if err := c.Render(context.Background(), &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (s *server) meta(path, title, description string) templates.Meta {
	m := templates.Meta{Title: title, Description: description, Path: path, BaseURL: s.cfg.BaseURL, Layout: s.site.Words.Layout, Publisher: s.site.Publisher}
	s.withCard(&m, siteCard)
	return m
}

// prerender renders every page that does not depend on the request.
func (s *server) prerender() error {
	site := s.site
	type page struct {
		path string
		c    templ.Component
	}
	var pages []page

	home := s.meta("/", site.Home.Title, site.Home.Description)
	home.JSONLD = map[string]any{
		"@context": "https://schema.org", "@type": "WebSite",
		"name": templates.SiteName, "url": s.cfg.BaseURL + "/", "description": site.Home.Description,
	}
	pages = append(pages, page{"/", templates.HomePage(home, site.Words.Home, site.Home, site.Comparison.Summary, site.Sections)})

	words := site.Words.Pages
	guide := s.meta("/guide", words.Guide.Title, words.Guide.Description)
	guide.Nav, guide.OGType = "guide", "article"
	guide.JSONLD = s.article(guide, site.GuideUpdated())
	pages = append(pages, page{"/guide", templates.GuidePage(guide, site.Words.Guide, site.Sections)})

	for i, sec := range site.Sections {
		m := s.meta("/guide/"+sec.Slug, sec.Title, sec.Description)
		m.Nav, m.OGType = "guide", "article"
		m.JSONLD = s.article(m, sec.Updated)
		s.withCard(&m, sectionCard(sec.Slug))
		pages = append(pages, page{m.Path, templates.SectionPage(m, site.Words.Guide, site.Sections, i)})
	}

	cmp := s.meta("/compare", site.Comparison.Title, site.Comparison.Description)
	cmp.Nav = "compare"
	pages = append(pages, page{"/compare", templates.ComparePage(cmp, site.Words.Compare, site.Comparison)})

	faq := s.meta("/faq", words.FAQ.Title, words.FAQ.Description)
	faq.Nav = "faq"
	faq.JSONLD = s.faqPage(site)
	pages = append(pages, page{"/faq", templates.FAQPage(faq, site.Words.FAQ, site.Answers)})
	for _, a := range site.Answers {
		m := s.meta("/faq/"+a.Slug, a.Question, a.Summary)
		m.Nav, m.OGType = "faq", "article"
		s.withCard(&m, answerCard(a.Slug))
		var related []*content.Section
		for _, slug := range a.Related {
			if sec, ok := site.Section(slug); ok {
				related = append(related, sec)
			}
		}
		pages = append(pages, page{m.Path, templates.AnswerPage(m, site.Words.FAQ, a, related)})
	}

	for _, p := range site.Pages {
		m := s.meta("/"+p.Slug, p.Title, p.Description)
		pages = append(pages, page{m.Path, templates.InfoPage(m, p)})
	}

	how := s.meta("/which-role/how-it-works", words.HowItWorks.Title, words.HowItWorks.Description)
	how.Nav = "which-role"
	pages = append(pages, page{how.Path, templates.HowItWorksPage(how, s.howItWorksView())})

	s.pages = map[string]*prerenderedPage{}
	for _, p := range pages {
		body, err := render(p.c)
		if err != nil {
			return fmt.Errorf("render %s: %w", p.path, err)
		}
		s.addPage(p.path, htmlType, body)
	}
	form, err := s.formPage(formView(site, decision.Answers{}, nil))
	if err != nil {
		return err
	}
	s.addPage("/which-role", htmlType, form)

	sitemap, err := s.sitemap()
	if err != nil {
		return err
	}
	s.addPage("/sitemap.xml", "application/xml; charset=utf-8", sitemap)
	s.addPage("/robots.txt", "text/plain; charset=utf-8", s.robots())

	if err := s.prerenderDamagedLink(); err != nil {
		return err
	}
	if err := s.prerenderErrors(); err != nil {
		return err
	}
	s.static = staticFiles()
	ico, _ := static.Get("favicon.ico")
	s.favicon = newUncompressed(ico.ContentType, "public, max-age=86400", ico.Body)
	return nil
}

// handlePage serves a prerendered page, or the 404 page.
func (s *server) handlePage(w http.ResponseWriter, r *http.Request) {
	p, ok := s.pages[r.URL.Path]
	if !ok {
		s.handleNotFound(w, r)
		return
	}
	p.serve(w, r, http.StatusOK)
}

// A prerenderedPage is a page rendered at start, with the route pattern
// that serves it (for the request log and metrics).
type prerenderedPage struct {
	*representation
	route string // set by setPageRoutes, once the router exists
}

func (s *server) addPage(path, contentType string, body []byte) {
	s.pages[path] = &prerenderedPage{representation: newUncompressed(contentType, s.pageCacheControl, body)}
}

// setPageRoutes gives each prerendered page the router's pattern for it.
func (s *server) setPageRoutes(router chi.Routes) {
	for path, p := range s.pages {
		p.route = router.Find(chi.NewRouteContext(), http.MethodGet, path)
	}
}

// prerendered serves a prerendered page without going through the router:
// a GET or HEAD of its exact path with no query, which the router would
// answer with the same bytes (handlePage, or handleForm with no answers),
// only more slowly. Everything else goes on to next.
func (s *server) prerendered(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if (r.Method == http.MethodGet || r.Method == http.MethodHead) && r.URL.RawQuery == "" && r.URL.RawPath == "" {
			if p, ok := s.pages[r.URL.Path]; ok {
				if rec, ok := w.(*recorder); ok {
					rec.route = p.route
				}
				p.serve(w, r, http.StatusOK)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}
