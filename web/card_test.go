package web

import (
	"bytes"
	"encoding/hex"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/guide/pmvspm/static"
	"github.com/guide/pmvspm/web/decision"
	"github.com/guide/pmvspm/web/serve"
)

// TestSocialCards checks every HTML page's social card tags, and that each
// card they name is one the server has: one per guide section and per FAQ
// answer, one per outcome, one for the rest. One card of each kind
// is drawn and checked as a 1200×630 PNG under 200 KB, immutable (the
// drawing is the same code for every card, and costs a second under -race).
func TestSocialCards(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	known := newServerForTest(t).cardsByName
	paths := []string{"/which-role/how-it-works",
		"/which-role/result?goal=direction&customer_facing=no&complexity=single-team",
		"/which-role/result?goal=direction&customer_facing=yes&complexity=single-team",
		"/which-role/result?goal=internal-system&customer_facing=no&complexity=single-team",
		"/which-role/result?goal=new-product&customer_facing=no&complexity=single-team",
		"/which-role/brief?goal=new-product&customer_facing=no&complexity=single-team",
		"/no-such-page",
	}
	for _, c := range resultCases { // one of each outcome
		paths = append(paths, "/which-role/result?"+c.query)
	}
	var docs []servedDoc
	for _, path := range paths {
		docs = append(docs, servedDoc{path, get(t, srv, path).doc(t)})
	}
	docs = append(docs, servedDocs(t)...) // every public page, and more
	cardOf := map[string]string{}
	checked := map[string]bool{}
	for _, page := range docs {
		path, doc := page.path, page.doc
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
		name := strings.TrimPrefix(image, "https://guide.example/static/cards/")
		if known[name] == nil {
			t.Errorf("%s: og:image %s is not a card the server has", path, image)
			continue
		}
		kind := known[name].kicker
		if checked[kind] {
			continue
		}
		checked[kind] = true
		checkCard(t, srv, strings.TrimPrefix(image, "https://guide.example"))
	}
	if len(checked) != 4 {
		t.Errorf("drew cards of %d kinds, want 4 (the site, a section, an answer, a result)", len(checked))
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
	if n := distinct("/which-role/result"); n != len(decision.Keys()) {
		t.Errorf("%d cards for the results, want one per outcome (%d)", n, len(decision.Keys()))
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
	if got := r.Header.Get("Cache-Control"); got != serve.Immutable {
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
		if err := drawCard(&buf, "Frequently asked", "Who gets paid more, a project manager or a product manager?", ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMakeCards is what the cards add to start-up: naming them all.
func BenchmarkMakeCards(b *testing.B) {
	s := &server{site: loadSite(b)}
	for b.Loop() {
		s.cards, s.cardsByName = newCards(s.site)
	}
}

// TestCardIdentity reads the pixels of the site's card: the stylesheet's
// teal accent across the top, the mark in white on it (two rings, their
// overlap filled), the kicker in teal, and the product and project
// managers' colours along the band's foot, as on the site's masthead, so a
// shared link looks like the site.
func TestCardIdentity(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	sheet, ok := static.Get("style.css")
	if !ok {
		t.Fatal("no style.css")
	}
	css := string(sheet.Body)
	colour := func(name string) color.RGBA {
		t.Helper()
		m := regexp.MustCompile(`--` + name + `:#([0-9a-f]{6})`).FindStringSubmatch(css)
		if m == nil {
			t.Fatalf("style.css has no --%s", name)
		}
		b, _ := hex.DecodeString(m[1])
		return color.RGBA{b[0], b[1], b[2], 0xff}
	}
	accent, product, project := colour("accent"), colour("product"), colour("project")
	white := color.RGBA{0xff, 0xff, 0xff, 0xff}

	doc := get(t, srv, "/").doc(t)
	path := strings.TrimPrefix(doc.Find(`meta[property="og:image"]`).AttrOr("content", ""), "https://guide.example")
	img, err := png.Decode(bytes.NewReader(get(t, srv, path).body))
	if err != nil {
		t.Fatal(err)
	}
	at := func(x, y int) color.RGBA {
		r, g, b, _ := img.At(x, y).RGBA()
		return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0xff}
	}
	// The mark: 30×20 units at 3px a unit from (96, 30); rings of radius 8.5
	// round (10, 10) and (20, 10).
	for _, p := range []struct {
		what string
		x, y int
		want color.RGBA
	}{
		{"the band, right", 1150, 60, accent},
		{"the band, left", 20, 100, accent},
		{"the mark's overlap", 96 + 45, 60, white},
		{"the first ring", 96 + 30 - 25, 60, white},
		{"the second ring", 96 + 60 + 25, 60, white},
		{"inside the first ring", 96 + 22, 60, accent},
		{"inside the second ring", 96 + 68, 60, accent},
		{"the band's edge, left", 20, 124, product},
		{"the band's edge, right", 1180, 124, project},
	} {
		if got := at(p.x, p.y); got != p.want {
			t.Errorf("%s (%d, %d) is %v, want %v", p.what, p.x, p.y, got, p.want)
		}
	}
	// The kicker, in teal, under the band.
	teal := 0
	for y := 140; y < 260; y++ {
		for x := 96; x < 700; x++ {
			if at(x, y) == accent {
				teal++
			}
		}
	}
	if teal < 500 {
		t.Errorf("%d teal pixels under the band, want the kicker in teal", teal)
	}
}
