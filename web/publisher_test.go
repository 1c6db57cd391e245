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
		checkPage(t, page.path, page.doc, in(`footer a[href="`+href+`"]`, count(1), hasText(name)))
	}
	r := get(t, srv, "/about")
	wantStatus(t, r, http.StatusOK)
	doc := r.doc(t)
	check(t, doc, in("#publisher", count(1)), in("main", containsText(name)))
	if strings.Contains(text(doc.Find("main")), "{publisher}") {
		t.Error("/about leaves {publisher} unfilled")
	}
}
