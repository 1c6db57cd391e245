package web

import (
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/go-chi/chi/v5"
)

// publicPages are the pages the sitemap lists (pages.go's list), each with
// the <h1> it shows: its title, but for /guide, whose h1 says more.
func publicPages(t *testing.T) map[string]string {
	s := listingServer(t)
	pages := map[string]string{}
	for _, p := range s.pageList {
		if p.sitemap {
			pages[p.path] = p.title
		}
	}
	if _, ok := pages["/guide"]; ok {
		pages["/guide"] = s.site.Words.Guide.Heading
	}
	return pages
}

// listingServer is a server with its list of pages made, and nothing rendered.
func listingServer(t *testing.T) *server {
	s := &server{site: loadSite(t)}
	s.cfg.defaults()
	s.cards, s.cardsByName = newCards(s.site)
	s.pageList = s.listPages()
	return s
}

// The list of pages holds every page the content makes, and the SPEC's
// fixed pages, each with its title from the content.
func TestPageListCoversTheContent(t *testing.T) {
	t.Parallel()
	site := loadSite(t)
	w := site.Words.Pages
	want := map[string]string{
		"/":                        site.Home.Title,
		"/guide":                   w.Guide.Title,
		"/compare":                 site.Comparison.Title,
		"/faq":                     w.FAQ.Title,
		"/which-role":              w.WhichRole.Title,
		"/which-role/how-it-works": w.HowItWorks.Title,
	}
	for _, p := range site.Pages {
		want["/"+p.Slug] = p.Title
	}
	for _, s := range site.Sections {
		want["/guide/"+s.Slug] = s.Title
	}
	for _, a := range site.Answers {
		want["/faq/"+a.Slug] = a.Question
	}
	got := map[string]string{}
	for _, p := range listingServer(t).pageList {
		if p.sitemap {
			got[p.path] = p.title
		}
	}
	for path, title := range want {
		if got[path] != title {
			t.Errorf("%s: title %q in the list of pages, want %q", path, got[path], title)
		}
	}
}

func TestRoutes(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	tests := []struct {
		path, wantType string
		wantStatus     int
	}{
		{"/sitemap.xml", "application/xml; charset=utf-8", 200},
		{"/robots.txt", "text/plain; charset=utf-8", 200},
		{"/healthz", "text/plain; charset=utf-8", 200},
		{"/favicon.ico", "image/x-icon", 200},
		{"/which-role/result?goal=direction&customer_facing=no&complexity=single-team", "text/html; charset=utf-8", 200},
		{"/which-role/brief.md?goal=direction&customer_facing=no&complexity=single-team", "text/markdown; charset=utf-8", 200},
		{"/which-role/brief?goal=direction&customer_facing=no&complexity=single-team", "text/html; charset=utf-8", 200},
		{"/which-role/brief.pdf?goal=direction&customer_facing=no&complexity=single-team", "application/pdf", 200},
		{"/static/cards/card.nosuch.png", "text/html; charset=utf-8", 404},
		{"/no-such-page", "text/html; charset=utf-8", 404},
		{"/guide/no-such-section", "text/html; charset=utf-8", 404},
		{"/faq/no-such-question", "text/html; charset=utf-8", 404},
		{"/static/style.css", "text/html; charset=utf-8", 404}, // only hashed names exist
	}
	for path, h1 := range publicPages(t) {
		t.Run(path, func(t *testing.T) {
			r := get(t, srv, path)
			wantStatus(t, r, http.StatusOK)
			if got := r.Header.Get("Content-Type"); got != "text/html; charset=utf-8" {
				t.Errorf("Content-Type = %q", got)
			}
			check(t, r.doc(t),
				in("h1", count(1), hasText(h1)),
				in("title", someText()),
				in("meta[name=description]", someAttr("content")),
				in("link[rel=canonical]", hasAttr("href", "https://guide.example"+path)),
				in(`meta[property="og:title"]`, someAttr("content")),
				in(`meta[property="og:description"]`, someAttr("content")),
				in(`meta[property="og:url"]`, someAttr("content")),
				in("a.skip[href='#main']", count(1)),
				in("main#main", count(1)))
		})
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := get(t, srv, tt.path)
			wantStatus(t, r, tt.wantStatus)
			if got := r.Header.Get("Content-Type"); got != tt.wantType {
				t.Errorf("Content-Type = %q, want %q", got, tt.wantType)
			}
		})
	}
}

func TestGuideSections(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	site := loadSite(t)
	whole := get(t, srv, "/guide")
	wantStatus(t, whole, 200)
	wdoc := whole.doc(t)
	ids := wdoc.Find("section.guide-section").Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("id", "") })
	var slugs []string
	for _, s := range site.Sections {
		slugs = append(slugs, s.Slug)
	}
	if strings.Join(ids, ",") != strings.Join(slugs, ",") {
		t.Errorf("/guide section ids = %v, want %v", ids, slugs)
	}
	// Heading ids on the one-page guide must not collide.
	seen := map[string]bool{}
	wdoc.Find("[id]").Each(func(_ int, s *goquery.Selection) {
		id := s.AttrOr("id", "")
		if seen[id] {
			t.Errorf("duplicate id %q on /guide", id)
		}
		seen[id] = true
	})

	for i, s := range site.Sections {
		t.Run(s.Slug, func(t *testing.T) {
			r := get(t, srv, "/guide/"+s.Slug)
			wantStatus(t, r, 200)
			doc := r.doc(t)
			current := doc.Find(`nav.toc a[aria-current="page"]`)
			if current.Length() != 1 || current.AttrOr("href", "") != "/guide/"+s.Slug {
				t.Errorf("contents: aria-current on %v", current.Map(func(_ int, x *goquery.Selection) string { return x.AttrOr("href", "") }))
			}
			if got := doc.Find("nav.toc li").Length(); got != len(site.Sections) {
				t.Errorf("contents lists %d sections, want %d", got, len(site.Sections))
			}
			prev, next := doc.Find(`a[rel=prev]`), doc.Find(`a[rel=next]`)
			if i == 0 && prev.Length() != 0 || i > 0 && prev.AttrOr("href", "") != "/guide/"+site.Sections[i-1].Slug {
				t.Errorf("previous link = %q", prev.AttrOr("href", ""))
			}
			// What a screen reader says: words apart, the part's title last.
			if i > 0 {
				if got, want := strings.Join(strings.Fields(prev.Text()), " "), site.Words.Layout.Previous+" "+site.Words.Layout.PagerPart+" "+site.Sections[i-1].Title; got != want {
					t.Errorf("previous link reads %q, want %q", got, want)
				}
			}
			last := len(site.Sections) - 1
			if i == last && next.Length() != 0 || i < last && next.AttrOr("href", "") != "/guide/"+site.Sections[i+1].Slug {
				t.Errorf("next link = %q", next.AttrOr("href", ""))
			}
			doc.Find("main h2[id], main h3[id]").Each(func(_ int, h *goquery.Selection) {
				if h.Find("a.self-link").AttrOr("href", "") != "#"+h.AttrOr("id", "") {
					t.Errorf("heading %q has no self link", h.AttrOr("id", ""))
				}
			})
			var ld map[string]any
			if err := jsonLD(doc, &ld); err != nil || ld["@type"] != "Article" || ld["headline"] != s.Title {
				t.Errorf("Article JSON-LD = %v (%v)", ld, err)
			}
		})
	}
}

func TestMethodsAndHead(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	for _, tt := range []struct {
		method, path, wantAllow string
	}{
		{http.MethodPost, "/guide", "GET, HEAD"},
		{http.MethodDelete, "/", "GET, HEAD"},
		{http.MethodPut, "/which-role", "GET, HEAD, POST"},
		{http.MethodPost, "/faq/who-gets-paid-more", "GET, HEAD"},
	} {
		req, _ := http.NewRequest(tt.method, srv.URL+tt.path, nil)
		r := do(t, req)
		wantStatus(t, r, http.StatusMethodNotAllowed)
		if got := r.Header.Get("Allow"); got != tt.wantAllow {
			t.Errorf("%s %s: Allow = %q, want %q", tt.method, tt.path, got, tt.wantAllow)
		}
		if r.doc(t).Find("h1").Text() == "" {
			t.Errorf("%s %s: no error page", tt.method, tt.path)
		}
	}
	for path := range publicPages(t) {
		req, _ := http.NewRequest(http.MethodHead, srv.URL+path, nil)
		r := do(t, req)
		wantStatus(t, r, http.StatusOK)
		if len(r.body) != 0 || r.Header.Get("Content-Length") == "0" {
			t.Errorf("HEAD %s: body %d bytes, Content-Length %q", path, len(r.body), r.Header.Get("Content-Length"))
		}
	}
}

// A trailing slash, as people type it, leads to the page itself.
func TestTrailingSlashRedirects(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	for path, want := range map[string]string{
		"/guide/":          "/guide",
		"/faq/":            "/faq",
		"/guide/skills//":  "/guide/skills",
		"/which-role/?a=b": "/which-role?a=b",
	} {
		r := get(t, srv, path)
		wantStatus(t, r, http.StatusMovedPermanently)
		if got := r.Header.Get("Location"); got != want {
			t.Errorf("%s redirects to %q, want %q", path, got, want)
		}
	}
}

func TestNotFoundPage(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	r := get(t, srv, "/faq/not-a-question")
	wantStatus(t, r, http.StatusNotFound)
	doc := r.doc(t)
	for _, a := range loadSite(t).Answers {
		if doc.Find(`main a[href="/faq/`+a.Slug+`"]`).Length() == 0 {
			t.Errorf("404 page does not list %s", a.Slug)
		}
	}
	if doc.Find(`meta[name=robots][content=noindex]`).Length() != 1 {
		t.Error("404 page is indexable")
	}
	if got := r.Header.Get("Cache-Control"); got != "no-store" {
		t.Errorf("404 Cache-Control = %q", got)
	}
	for _, path := range []string{"/%ff%fe", "/" + strings.Repeat("%C3%A9", 200), "/%3Cscript%3Ealert(1)%3C/script%3E"} {
		r := get(t, srv, path)
		wantStatus(t, r, http.StatusNotFound)
		if !utf8.Valid(r.body) || strings.Contains(string(r.body), "<script>alert") {
			t.Errorf("GET %s: 404 page is not valid, escaped UTF-8", path)
		}
	}
}

// Every GET route in routes.go answers something: a route without
// parameters does not answer 404, and a route with them serves at least
// one page of pages.go's list, a static file or a card. (TestRoutes checks
// the other way: every listed page is served.)
func TestEveryRouteServes(t *testing.T) {
	t.Parallel()
	s := listingServer(t)
	router := s.routes()
	served := map[string]bool{}
	for _, p := range s.pageList {
		served[router.Find(chi.NewRouteContext(), http.MethodGet, p.path)] = true
	}
	srv, _ := newTestServer(t, Config{})
	err := chi.Walk(router, func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		switch {
		case method != http.MethodGet, served[route], strings.HasPrefix(route, "/static/"):
		case strings.Contains(route, "{"):
			t.Errorf("GET %s serves no page of the list", route)
		default:
			if r := get(t, srv, route); r.StatusCode == http.StatusNotFound {
				t.Errorf("GET %s: 404", route)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
