package web

// The static files under their hashed names, and the favicon.

import (
	"github.com/guide/pmvspm/web/serve"
	"net/http"
	"regexp"

	"github.com/go-chi/chi/v5"

	"github.com/guide/pmvspm/static"
)

const staticCache = "public, max-age=31536000, immutable"

// staticFiles prepares every static file under its hashed name.
func staticFiles() map[string]*serve.Representation {
	files := map[string]*serve.Representation{}
	for _, a := range static.All() {
		files[a.HashedName] = serve.NewUncompressed(a.ContentType, staticCache, a.Body)
	}
	return files
}

// earlierCache is for the redirect from an earlier build's name: short,
// since the next build moves the file again.
const earlierCache = "public, max-age=300"

// hashedName splits style.3f2a1b9c0d.css into style, .css.
var hashedName = regexp.MustCompile(`^([a-z0-9-]+)\.[0-9a-f]{10}(\.[a-z]+)$`)

// handleStatic serves the hashed static files. A name with another hash is
// a file of an earlier build, asked for by a page that build made, which a
// CDN or browser may still hold during and after a rollout: it is
// redirected to this build's file rather than answered 404, which would
// leave that page without its stylesheet. Other names are 404.
func (s *server) handleStatic(w http.ResponseWriter, r *http.Request) error {
	name := chi.URLParam(r, "name")
	if p, ok := s.static[name]; ok {
		p.Serve(w, r, http.StatusOK)
		return nil
	}
	if m := hashedName.FindStringSubmatch(name); m != nil {
		if a, ok := static.Get(m[1] + m[2]); ok {
			w.Header().Set("Cache-Control", earlierCache)
			return s.redirect(w, r, "/static/"+a.HashedName, http.StatusFound)
		}
	}
	return statusError(http.StatusNotFound)
}

// handleFavicon serves /favicon.ico, which browsers ask for on their own.
// Its name cannot change, so it is cached for a day, not a year.
func (s *server) handleFavicon(w http.ResponseWriter, r *http.Request) {
	s.favicon.Serve(w, r, http.StatusOK)
}
