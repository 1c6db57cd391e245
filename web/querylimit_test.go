package web

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/guide/pmvspm/web/serve"
)

// parseText reads a words.yaml string as the page shows it.
func parseText(s string) *goquery.Selection {
	doc, _ := goquery.NewDocumentFromReader(strings.NewReader("<p>" + s))
	return doc.Find("p")
}

// A query far larger than any real one, or with far more parameters, is
// refused before it is parsed: 400, no-store, the form saying the link is
// damaged, the same bytes whatever the junk.
func TestJunkQueryRefused(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	site := loadSite(t)
	canonical := answerSets(t, 1)[0]
	junk := map[string]string{
		"6,900 empty parameters": canonical + strings.Repeat("&", 6900),
		"14 KB of junk":          canonical + "&x=" + strings.Repeat("y", 14<<10),
		"40 parameters":          canonical + strings.Repeat("&a=1", 40),
	}
	for _, path := range []string{"/which-role/result", "/which-role/brief", "/which-role/brief.md", "/which-role/brief.pdf", "/which-role", "/which-role/job-ad", "/which-role/job-ad.md", "/which-role/job-ad.txt"} {
		var first []byte
		for name, q := range junk {
			r := get(t, srv, path+"?"+q)
			wantStatus(t, r, http.StatusBadRequest)
			if cc := r.Header.Get("Cache-Control"); cc != "no-store" {
				t.Errorf("%s, %s: Cache-Control %q", path, name, cc)
			}
			if !strings.Contains(text(r.doc(t).Selection), text(parseText(site.Words.Form.DamagedLink))) {
				t.Errorf("%s, %s: the page does not say the link is damaged", path, name)
			}
			if first == nil {
				first = r.body
			} else if !bytes.Equal(r.body, first) {
				t.Errorf("%s, %s: a different page from the other junk: it was rendered for this query", path, name)
			}
		}
	}
	// A real link with the tracking parameters it picks up when shared is not junk.
	shared := canonical + "&fbclid=" + strings.Repeat("IwAR3x", 16) + "&utm_source=newsletter&utm_medium=email&utm_campaign=hiring-guide-2026&utm_content=result&utm_term=pm"
	wantStatus(t, get(t, srv, "/which-role/result?"+shared), http.StatusOK)
	longest := longestQuery()
	if 2*len(longest) > serve.MaxQueryBytes || 2*(strings.Count(longest, "&")+1) > serve.MaxQueryParams {
		t.Errorf("the longest real query (%d bytes, %d parameters) leaves too little room under the limits", len(longest), strings.Count(longest, "&")+1)
	}
}

// A bad link within the limits gets the form with its answers kept and its
// errors (400, no-store), rendered once and then served from the cache.
func TestQueryErrorsRenderedOnce(t *testing.T) {
	t.Parallel()
	s, h, err := newServer(slogTo(io.Discard), loadSite(t), Config{Encodings: testEncodings(t)})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptestServer(t, h)
	var first response
	for i := range 3 {
		r := get(t, srv, "/which-role/result?goal=zzz&complexity=single-team", "Accept-Encoding", "gzip")
		wantStatus(t, r, http.StatusBadRequest)
		if cc := r.Header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("Cache-Control %q", cc)
		}
		if i == 0 {
			first = r
		} else if !bytes.Equal(r.body, first.body) {
			t.Error("the same bad link got different bytes")
		}
	}
	if n := s.answers.Stats().Built; n != 1 {
		t.Errorf("the same bad link three times: %d renders, want 1", n)
	}
	r := get(t, srv, "/which-role/result?goal=zzz&complexity=single-team")
	doc := r.doc(t)
	if doc.Find(`input[name=complexity][value=single-team][checked]`).Length() != 1 {
		t.Error("the valid answer was not kept")
	}
}

// longestQuery is the longest canonical query of a real answer set.
func longestQuery() string {
	var longest string
	for _, a := range append(allAnswers(), oldAnswers()...) {
		if q := a.Query(); len(q) > len(longest) || (len(q) == len(longest) && strings.Count(q, "&") > strings.Count(longest, "&")) {
			longest = q
		}
	}
	return longest
}
