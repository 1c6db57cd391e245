package web

// The static files under their hashed names, the favicon and the social
// cards.

import (
	"net/http"
	"regexp"

	"github.com/go-chi/chi/v5"

	"github.com/guide/pmvspm/static"
	"github.com/guide/pmvspm/web/serve"
)

// staticFiles prepares every static file under its hashed name.
func staticFiles() map[string]*serve.Representation {
	files := map[string]*serve.Representation{}
	for _, a := range static.All() {
		files[a.HashedName] = serve.NewUncompressed(a.ContentType, serve.Immutable, a.Body)
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

// earlierCard matches the name of any card, of this build or another.
var earlierCard = regexp.MustCompile(`^card\.[0-9a-f]{12}\.png$`)

// handleCard is GET /static/cards/{name}.
func (s *server) handleCard(w http.ResponseWriter, r *http.Request) error {
	name := chi.URLParam(r, "name")
	c, ok := s.cardsByName[name]
	if !ok {
		// A card of an earlier build (its title has changed since), named
		// by a page a CDN still holds: the site's card stands in.
		if site, ok := s.cards[siteCard]; ok && earlierCard.MatchString(name) {
			w.Header().Set("Cache-Control", earlierCache)
			return s.redirect(w, r, site.path(), http.StatusFound)
		}
		return statusError(http.StatusNotFound)
	}
	p, err := s.cardImage(r, c)
	if err != nil {
		return err
	}
	if p == nil {
		serve.HeadOnly(w, http.StatusOK, "image/png", nil)
		return nil
	}
	p.Serve(w, r, http.StatusOK)
	return nil
}

// cardImage is the card's PNG, drawn on first use inside the answer pages'
// bound (a build slot, the queue, the client's budget of misses: drawing
// one costs many times a PDF) and then kept for good: there are a few
// dozen. A HEAD draws nothing and gets nil.
func (s *server) cardImage(r *http.Request, c *card) (*serve.Representation, error) {
	if p := c.png.Load(); p != nil || r.Method == http.MethodHead {
		return p, nil
	}
	return s.answers.Do(r, "card "+c.name, c.draw, func(p *serve.Representation) { c.png.Store(p) })
}
