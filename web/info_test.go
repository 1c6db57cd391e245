package web

import (
	"net/http"
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
			checks := []checker{in(`main time[datetime]`, count(1))}
			for _, href := range tt.wantLinks {
				checks = append(checks, in(`main a[href="`+href+`"]`))
			}
			for _, want := range tt.wantText {
				checks = append(checks, in("main", containsText(want)))
			}
			check(t, r.doc(t), checks...)
		})
	}
	for _, page := range servedDocs(t) {
		checkPage(t, page.path, page.doc, in("footer", in(`a[href="/about"]`, count(1)), in(`a[href="/privacy"]`, count(1))))
	}
}
