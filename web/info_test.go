package web

import (
	"net/http"
	"strings"
	"testing"
)

// TestInfoPages checks /about and /privacy say what the site promises they
// say, and that every page's footer leads to them.
func TestInfoPages(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	tests := []struct {
		path      string
		wantLinks []string
		wantText  []string
	}{
		{"/about", []string{"/which-role", "/which-role/how-it-works", "/guide/hiring", "/guide/scenarios"},
			[]string{"business owners", "own words", "30 November 2026"}},
		{"/privacy", nil,
			[]string{"no cookies", "does not track you", "IP address", "user agent", "request id", "burst of 20", "every 2 seconds", "429"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := get(t, srv, tt.path)
			wantStatus(t, r, http.StatusOK)
			doc := r.doc(t)
			main := doc.Find("main")
			for _, href := range tt.wantLinks {
				if main.Find(`a[href="`+href+`"]`).Length() == 0 {
					t.Errorf("no link to %s", href)
				}
			}
			body := strings.Join(strings.Fields(main.Text()), " ")
			for _, want := range tt.wantText {
				if !strings.Contains(body, want) {
					t.Errorf("page does not say %q", want)
				}
			}
			if doc.Find(`main time[datetime]`).Length() != 1 {
				t.Error("no update date")
			}
		})
	}
	for _, page := range servedDocs(t) {
		path, foot := page.path, page.doc.Find("footer")
		for _, href := range []string{"/about", "/privacy"} {
			if foot.Find(`a[href="`+href+`"]`).Length() != 1 {
				t.Errorf("%s: footer has no link to %s", path, href)
			}
		}
	}
}
