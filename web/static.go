package web

// The static files under their hashed names, and the favicon.

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/guide/pmvspm/static"
)

const staticCache = "public, max-age=31536000, immutable"

// staticFiles prepares every static file under its hashed name.
func staticFiles() map[string]*representation {
	files := map[string]*representation{}
	for _, a := range static.All() {
		files[a.HashedName] = newUncompressed(a.ContentType, staticCache, a.Body)
	}
	return files
}

// handleStatic serves the hashed static files; other names are 404.
func (s *server) handleStatic(w http.ResponseWriter, r *http.Request) {
	p, ok := s.static[chi.URLParam(r, "name")]
	if !ok {
		s.handleNotFound(w, r)
		return
	}
	p.serve(w, r, http.StatusOK)
}

// handleFavicon serves /favicon.ico, which browsers ask for on their own.
// Its name cannot change, so it is cached for a day, not a year.
func (s *server) handleFavicon(w http.ResponseWriter, r *http.Request) {
	s.favicon.serve(w, r, http.StatusOK)
}
