package web

import (
	"bytes"
	"image/png"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestSocialCards checks every HTML page's social card tags, and that each
// card they name is a 1200×630 PNG under 200 KB, immutable: one per guide
// section and per FAQ answer, one per recommendation, one for the rest.
func TestSocialCards(t *testing.T) {
	srv, _ := newTestServer(t, Config{})
	paths := []string{"/which-role/how-it-works",
		"/which-role/result?goal=direction&customer_facing=no&complexity=single-team",
		"/which-role/result?goal=direction&customer_facing=yes&complexity=single-team",
		"/which-role/result?goal=internal-system&customer_facing=no&complexity=single-team",
		"/which-role/result?goal=new-product&customer_facing=no&complexity=single-team",
		"/which-role/brief?goal=new-product&customer_facing=no&complexity=single-team",
		"/no-such-page",
	}
	for p := range publicPages(t) {
		paths = append(paths, p)
	}
	cardOf := map[string]string{}
	checked := map[string]bool{}
	for _, path := range paths {
		r := get(t, srv, path)
		doc := r.doc(t)
		meta := func(attr, name string) string {
			return doc.Find(`meta[`+attr+`="`+name+`"]`).AttrOr("content", "")
		}
		image := meta("property", "og:image")
		if !strings.HasPrefix(image, "https://guide.example/static/cards/card.") || !strings.HasSuffix(image, ".png") {
			t.Errorf("%s: og:image = %q", path, image)
			continue
		}
		if meta("property", "og:image:width") != "1200" || meta("property", "og:image:height") != "630" || meta("property", "og:image:alt") == "" {
			t.Errorf("%s: og:image size or alt missing", path)
		}
		if got := meta("name", "twitter:card"); got != "summary_large_image" {
			t.Errorf("%s: twitter:card = %q", path, got)
		}
		cardOf[path] = image
		if checked[image] {
			continue
		}
		checked[image] = true
		checkCard(t, srv, strings.TrimPrefix(image, "https://guide.example"))
	}
	distinct := func(prefix string) int {
		seen := map[string]bool{}
		for p, c := range cardOf {
			if strings.HasPrefix(p, prefix) {
				seen[c] = true
			}
		}
		return len(seen)
	}
	site := loadSite(t)
	if n := distinct("/faq/"); n != len(site.Answers) {
		t.Errorf("%d cards for %d FAQ answers", n, len(site.Answers))
	}
	if n := distinct("/guide/"); n != len(site.Sections) {
		t.Errorf("%d cards for %d guide sections", n, len(site.Sections))
	}
	if n := distinct("/which-role/result"); n != 3 {
		t.Errorf("%d cards for the results, want one per recommendation", n)
	}
	if cardOf["/which-role/result?goal=direction&customer_facing=no&complexity=single-team"] != cardOf["/which-role/result?goal=direction&customer_facing=yes&complexity=single-team"] {
		t.Error("two product-manager results have different cards")
	}
	if cardOf["/"] != cardOf["/compare"] || cardOf["/"] == cardOf["/guide/skills"] {
		t.Error("pages without a card of their own should share the site's card")
	}
}

// checkCard fetches one card and checks it.
func checkCard(t *testing.T, srv *httptest.Server, path string) {
	t.Helper()
	r := get(t, srv, path)
	wantStatus(t, r, http.StatusOK)
	if got := r.Header.Get("Content-Type"); got != "image/png" {
		t.Errorf("%s: Content-Type %q", path, got)
	}
	if got := r.Header.Get("Cache-Control"); got != staticCache {
		t.Errorf("%s: Cache-Control %q", path, got)
	}
	if len(r.body) >= 200<<10 {
		t.Errorf("%s: %d bytes, want under 200 KB", path, len(r.body))
	}
	img, err := png.Decode(bytes.NewReader(r.body))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 630 {
		t.Errorf("%s: %dx%d, want 1200x630", path, b.Dx(), b.Dy())
	}
}

// BenchmarkDrawCard is the cost of one card, paid once per card on its
// first request (go test ./web -run '^$' -bench DrawCard).
func BenchmarkDrawCard(b *testing.B) {
	for b.Loop() {
		var buf bytes.Buffer
		if err := drawCard(&buf, "Frequently asked", "Who gets paid more, a project manager or a product manager?"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMakeCards is what the cards add to start-up: naming them all.
func BenchmarkMakeCards(b *testing.B) {
	s := &server{site: loadSite(b)}
	for b.Loop() {
		s.makeCards()
	}
}
