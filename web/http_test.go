package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/brotli"
	"github.com/go-chi/chi/v5"
	"github.com/guide/pmvspm/static"
	"github.com/guide/pmvspm/web/serve"
)

func checkSecurityHeaders(t *testing.T, r response, https bool) {
	t.Helper()
	csp := r.Header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'", "connect-src 'self'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("%s: CSP %q lacks %q", r.Request.URL.Path, csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-") {
		t.Errorf("CSP allows unsafe: %q", csp)
	}
	for h, want := range map[string]string{
		"X-Content-Type-Options":     "nosniff",
		"Referrer-Policy":            "strict-origin-when-cross-origin",
		"Cross-Origin-Opener-Policy": "same-origin",
	} {
		if got := r.Header.Get(h); got != want {
			t.Errorf("%s %s: %s = %q, want %q", r.Request.Method, r.Request.URL.Path, h, got, want)
		}
	}
	if r.Header.Get("Permissions-Policy") == "" {
		t.Errorf("%s: no Permissions-Policy", r.Request.URL.Path)
	}
	if got := r.Header.Get("Strict-Transport-Security"); (got != "") != https {
		t.Errorf("%s: Strict-Transport-Security = %q with https=%v", r.Request.URL.Path, got, https)
	}
}

func TestSecurityHeadersEverywhere(t *testing.T) {
	t.Parallel()
	for _, https := range []bool{false, true} {
		srv, _ := newTestServer(t, Config{HTTPS: https})
		for path := range publicPages(t) {
			checkSecurityHeaders(t, get(t, srv, path), https)
		}
		for _, path := range []string{"/nope", static.Path("style.css"), "/sitemap.xml", "/robots.txt", "/healthz", "/which-role/result?goal=x"} {
			checkSecurityHeaders(t, get(t, srv, path), https)
		}
		req, _ := http.NewRequest(http.MethodDelete, srv.URL+"/", nil)
		checkSecurityHeaders(t, do(t, req), https) // 405
		big := postForm(t, srv, "/which-role", "goal="+strings.Repeat("x", 20<<10))
		wantStatus(t, big, http.StatusRequestEntityTooLarge)
		checkSecurityHeaders(t, big, https)
	}
}

// No inline styles or scripts anywhere: the CSP would block them.
func TestNoInlineStyleOrScript(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	docs := map[string]*goquery.Document{}
	for _, p := range []string{"/nope", "/which-role/result?goal=new-product&customer_facing=yes&complexity=single-team"} {
		docs[p] = get(t, srv, p).doc(t)
	}
	for _, page := range servedDocs(t) {
		docs[page.path] = page.doc
	}
	for p, doc := range docs {
		if n := doc.Find("[style]").Length(); n > 0 {
			t.Errorf("%s: %d elements with style=", p, n)
		}
		if n := doc.Find("style").Length(); n > 0 {
			t.Errorf("%s: <style> element", p)
		}
		doc.Find("script").Each(func(_ int, s *goquery.Selection) {
			if s.AttrOr("type", "") != "application/ld+json" {
				t.Errorf("%s: executable script %q", p, s.AttrOr("src", s.Text()))
			}
		})
		if doc.Find("[onclick],[onload],[onerror]").Length() > 0 {
			t.Errorf("%s: inline event handler", p)
		}
	}
}

func TestStaticAssets(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	home := get(t, srv, "/").doc(t)
	href := home.Find(`link[rel=stylesheet]`).AttrOr("href", "")
	if !regexp.MustCompile(`^/static/style\.[0-9a-f]{10}\.css$`).MatchString(href) {
		t.Fatalf("stylesheet href %q is not content-hashed", href)
	}
	r := get(t, srv, href)
	wantStatus(t, r, 200)
	if got := r.Header.Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
		t.Errorf("Cache-Control = %q", got)
	}
	if got := r.Header.Get("Content-Type"); got != "text/css; charset=utf-8" {
		t.Errorf("Content-Type = %q", got)
	}
	asset, _ := static.Get("style.css")
	if !bytes.Equal(r.body, asset.Body) {
		t.Error("served CSS differs from the file")
	}
	icon := home.Find(`link[rel=icon]`).AttrOr("href", "")
	wantStatus(t, get(t, srv, icon), 200)
	// A name no build could make is 404; another build's hashed name is
	// redirected to this one's (TestEarlierBuildsFiles).
	wantStatus(t, get(t, srv, "/static/style.css.0000000000"), 404)
	wantStatus(t, get(t, srv, "/static/style.0000000000.css"), 302)
}

func TestETag(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	for _, path := range []string{"/guide", "/faq/who-gets-paid-more", static.Path("style.css"), "/which-role/result?goal=direction&customer_facing=no&complexity=single-team", "/which-role?goal=direction&problems=over-budget"} {
		for _, enc := range []string{"", "gzip", "br"} {
			r := get(t, srv, path, "Accept-Encoding", enc)
			wantStatus(t, r, 200)
			etag := r.Header.Get("ETag")
			if !regexp.MustCompile(`^"[^"]+"$`).MatchString(etag) {
				t.Fatalf("%s: ETag %q is not strong", path, etag)
			}
			again := get(t, srv, path, "Accept-Encoding", enc, "If-None-Match", etag)
			wantStatus(t, again, http.StatusNotModified)
			if len(again.body) != 0 || again.Header.Get("ETag") != etag {
				t.Errorf("%s: 304 with body %d bytes, ETag %q", path, len(again.body), again.Header.Get("ETag"))
			}
			stale := get(t, srv, path, "Accept-Encoding", enc, "If-None-Match", `"stale"`)
			wantStatus(t, stale, 200)
		}
	}
	if got := get(t, srv, "/guide").Header.Get("Cache-Control"); !strings.HasPrefix(got, "public, max-age=") {
		t.Errorf("/guide Cache-Control = %q", got)
	}
}

func TestCompression(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	plain := get(t, srv, "/guide")
	tests := []struct {
		accept, want string
	}{
		{"", ""},
		{"gzip", "gzip"},
		{"gzip, deflate, br", "br"},
		{"br;q=0, gzip", "gzip"},
		{"gzip;q=0", ""},
		{"identity", ""},
		// Names and parameters are case-insensitive; q need not come first.
		{"br;Q=0, gzip", "gzip"},
		{"BR;level=1;q=0, GZIP", "gzip"},
		{"br; q=0.0, gzip; Q=0.5", "gzip"},
		{"Br", "br"},
		{"*", "br"},
		{"*;q=0, gzip", "gzip"},
		{"br;q=0, *", "gzip"},
		{"br;q=x, gzip", "gzip"},
	}
	for _, tt := range tests {
		r := get(t, srv, "/guide", "Accept-Encoding", tt.accept)
		wantStatus(t, r, 200)
		if got := r.Header.Get("Content-Encoding"); got != tt.want {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q", tt.accept, got, tt.want)
		}
		if r.Header.Get("Vary") != "Accept-Encoding" {
			t.Errorf("Accept-Encoding %q: Vary = %q", tt.accept, r.Header.Get("Vary"))
		}
		var body io.Reader = bytes.NewReader(r.body)
		switch tt.want {
		case "gzip":
			zr, err := gzip.NewReader(body)
			if err != nil {
				t.Fatal(err)
			}
			body = zr
		case "br":
			body = brotli.NewReader(body)
		}
		got, err := io.ReadAll(body)
		if err != nil || !bytes.Equal(got, plain.body) {
			t.Errorf("Accept-Encoding %q: decoded body differs (%v)", tt.accept, err)
		}
	}
}

func TestSitemapAndRobots(t *testing.T) {
	t.Parallel()
	// The tests' base URL (a server with another would compress every
	// page again, a minute and more under -race); a trailing slash is
	// trimmed from any base URL.
	srv, _ := newTestServer(t, Config{BaseURL: "https://guide.example/"})
	trimmed := Config{BaseURL: "https://hire.example/"}
	if trimmed.defaults(); trimmed.BaseURL != "https://hire.example" {
		t.Errorf("base URL https://hire.example/ taken as %q", trimmed.BaseURL)
	}
	r := get(t, srv, "/sitemap.xml")
	wantStatus(t, r, 200)
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(r.body))
	if err != nil {
		t.Fatal(err)
	}
	locs := map[string]string{}
	doc.Find("url").Each(func(_ int, u *goquery.Selection) {
		locs[u.Find("loc").Text()] = u.Find("lastmod").Text()
	})
	for path := range publicPages(t) {
		lastmod, ok := locs["https://guide.example"+path]
		if !ok {
			t.Errorf("sitemap lacks %s", path)
		}
		if !strings.HasPrefix(path, "/which-role") {
			if _, err := time.Parse("2006-01-02", lastmod); err != nil {
				t.Errorf("%s: lastmod %q", path, lastmod)
			}
		}
	}
	if len(locs) != len(publicPages(t)) {
		t.Errorf("sitemap has %d URLs, want %d", len(locs), len(publicPages(t)))
	}
	robots := get(t, srv, "/robots.txt")
	if !strings.Contains(string(robots.body), "Sitemap: https://guide.example/sitemap.xml") {
		t.Errorf("robots.txt:\n%s", robots.body)
	}
}

func TestPanicRecovery(t *testing.T) {
	t.Parallel()
	loadSite(t)
	var logs syncBuffer
	s := &server{cfg: Config{}, logger: slogTo(&logs), site: testSite}
	s.cfg.defaults()
	if err := s.prerenderErrors(); err != nil {
		t.Fatal(err)
	}
	r := chi.NewRouter()
	r.Use(serve.Recover(s.logger, s.errorPage(http.StatusInternalServerError)), serve.SecurityHeaders(false))
	r.Get("/boom", func(http.ResponseWriter, *http.Request) { panic("boom") })
	r.Get("/ok", new(serve.Health).ServeHTTP)
	srv := httptestServer(t, r)

	resp := get(t, srv, "/boom")
	wantStatus(t, resp, http.StatusInternalServerError)
	checkSecurityHeaders(t, resp, false)
	check(t, resp.doc(t), in("h1", hasText(testSite.Words.Errors.ServerError.Heading)))
	logs.waitFor(t, `"panic":"boom"`)
	wantStatus(t, get(t, srv, "/ok"), http.StatusOK) // still serving
}

// Every page prepared at start has its Brotli encoding before the server
// answers its first request: no package-level compressor works behind it.
// The server checked is the tests' cold one, which had nothing compressed
// before it started.
func TestBrotliReadyAtStart(t *testing.T) {
	t.Parallel()
	h, _ := coldServer(t) // started with nothing compressed before
	for _, path := range []string{"/", "/guide", "/faq", "/which-role", "/which-role/how-it-works", "/sitemap.xml", "/no-such-page"} {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("Accept-Encoding", "gzip, deflate, br")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if got := rec.Header().Get("Content-Encoding"); got != "br" {
			t.Errorf("%s: Content-Encoding %q at once, want br", path, got)
		}
	}
}
