package web

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// TestInfoPages: /about and /privacy are their content files, served: the
// title, the date, every heading and every link of the file; /privacy
// states the form's limit as the server applies it by default; and every
// page's footer leads to both. The words are the editors': the test reads
// them from content/.
func TestInfoPages(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	var defaults Config
	defaults.defaults()
	for _, p := range loadSite(t).Pages {
		t.Run(p.Slug, func(t *testing.T) {
			r := get(t, srv, "/"+p.Slug)
			wantStatus(t, r, http.StatusOK)
			checks := []checker{
				in("main h1", hasText(p.Title)),
				in(`main time[datetime="`+p.Updated.Format(time.DateOnly)+`"]`, count(1)),
			}
			for _, h := range p.Headings {
				checks = append(checks, in(`main [id="`+h.ID+`"]`, containsText(h.Text)))
			}
			body, err := goquery.NewDocumentFromReader(strings.NewReader(p.HTML))
			if err != nil {
				t.Fatal(err)
			}
			for _, href := range body.Find("a[href]").EachIter() {
				checks = append(checks, in(`main a[href="`+href.AttrOr("href", "")+`"]`))
			}
			if len(p.Headings) == 0 {
				t.Fatal("the page has no headings: the check reads nothing")
			}
			doc := r.doc(t)
			check(t, doc, checks...)
			if p.Slug == "privacy" {
				// The limit as numbers, in whatever words the page puts them.
				main := text(doc.Find("main"))
				for _, n := range []string{strconv.Itoa(defaults.PostBurst), strconv.Itoa(int(defaults.PostRate.Seconds())), "429"} {
					if !regexp.MustCompile(`\b` + n + `\b`).MatchString(main) {
						t.Errorf("/privacy does not state %s, part of the form's limit (a burst of %d, then one every %v, then 429)", n, defaults.PostBurst, defaults.PostRate)
					}
				}
			}
		})
	}
	for _, page := range servedDocs(t) {
		checkPage(t, page.path, page.doc, in("footer", in(`a[href="/about"]`, count(1)), in(`a[href="/privacy"]`, count(1))))
	}
}
