package web

import (
	"net/http"
	"strings"
	"testing"

	"github.com/guide/pmvspm/static"
	"github.com/guide/pmvspm/web/serve"
)

// During a rollout, and for as long as a CDN keeps pages made by an earlier
// build, those pages ask for that build's hashed files: each is redirected
// to this build's file, so the page keeps its stylesheet and icons.
func TestEarlierBuildsFiles(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	style, _ := static.Get("style.css")
	icon, _ := static.Get("favicon.svg")
	s := newServerForTest(t)
	siteCardPath := s.cards[siteCard].path()
	for _, tt := range []struct {
		path, location string
	}{
		{"/static/style.0123456789.css", "/static/" + style.HashedName},
		{"/static/favicon.abcdefabcd.svg", "/static/" + icon.HashedName},
		{"/static/cards/card.0123456789ab.png", siteCardPath},
	} {
		t.Run(tt.path, func(t *testing.T) {
			r := get(t, srv, tt.path)
			wantStatus(t, r, http.StatusFound)
			if got := r.Header.Get("Location"); got != tt.location {
				t.Errorf("Location = %q, want %q", got, tt.location)
			}
			if got := r.Header.Get("Cache-Control"); got != earlierCache {
				t.Errorf("Cache-Control = %q, want %q", got, earlierCache)
			}
			now := get(t, srv, tt.location)
			wantStatus(t, now, http.StatusOK)
			if got := now.Header.Get("Cache-Control"); got != serve.Immutable {
				t.Errorf("%s: Cache-Control = %q, want %q", tt.location, got, serve.Immutable)
			}
		})
	}
	// Names that were never a file of any build stay 404.
	for _, path := range []string{
		"/static/style.css", "/static/nosuch.0123456789.css", "/static/style.0123.css",
		"/static/style.0123456789.css.map", "/static/cards/card.zz.png",
	} {
		r := get(t, srv, path)
		wantStatus(t, r, http.StatusNotFound)
		if strings.Contains(r.Header.Get("Location"), "/") {
			t.Errorf("%s redirected to %s", path, r.Header.Get("Location"))
		}
	}
}
