package web

import (
	"net/http"
	"strings"
	"testing"
)

// TestPublisherShown checks that every page's footer names who publishes
// the site, linked to their contact or to /about, and that /about names
// them under its own heading (SPEC §7.3).
func TestPublisherShown(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	site := loadSite(t)
	name, href := site.Publisher.Name, site.Publisher.Href()
	for _, page := range servedDocs(t) {
		path, doc := page.path, page.doc
		a := doc.Find(`footer a[href="` + href + `"]`)
		if a.Length() != 1 || a.Text() != name {
			t.Errorf("%s: the footer does not name the publisher %q linked to %s", path, name, href)
		}
	}
	r := get(t, srv, "/about")
	wantStatus(t, r, http.StatusOK)
	doc := r.doc(t)
	if doc.Find("#publisher").Length() != 1 {
		t.Fatal("/about has no #publisher heading")
	}
	text := strings.Join(strings.Fields(doc.Find("main").Text()), " ")
	if !strings.Contains(text, "published by "+name) || strings.Contains(text, "{publisher}") {
		t.Errorf("/about does not say who publishes the site: %q", text)
	}
}
