package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

// routes is the map of the site: every URL it serves, and the middleware
// each passes through.
func (s *server) routes() http.Handler {
	r := chi.NewRouter()
	r.Use(s.logRequests, s.recoverPanics, s.securityHeaders, s.redirectSlashes, middleware.GetHead)
	r.NotFound(s.handleNotFound)
	r.MethodNotAllowed(s.handleMethodNotAllowed(r))

	r.Get("/", s.handlePage)
	r.Get("/guide", s.handlePage)
	r.Get("/guide/{slug}", s.handlePage)
	r.Get("/compare", s.handlePage)
	r.Get("/faq", s.handlePage)
	r.Get("/faq/{slug}", s.handlePage)
	r.Get("/about", s.handlePage)
	r.Get("/privacy", s.handlePage)
	r.Get("/which-role", s.handleForm)
	r.With(s.crossOriginProtection, s.limitPosts).Post("/which-role", s.handleSubmit)
	r.Get("/which-role/result", s.handleResult)
	r.Get("/which-role/how-it-works", s.handlePage)
	r.Get("/which-role/brief", s.handleBrief(briefHTML))
	r.Get("/which-role/brief.pdf", s.handleBrief(briefPDF))
	r.Get("/which-role/brief.md", s.handleBrief(briefMarkdown))
	r.Get("/sitemap.xml", s.handlePage)
	r.Get("/robots.txt", s.handlePage)
	r.Get("/favicon.ico", s.handleFavicon)
	r.Get("/static/{name}", s.handleStatic)
	r.Get("/static/cards/{name}", s.handleCard)
	r.Get("/healthz", handleHealthz)
	return r
}
