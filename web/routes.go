package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

// routes is the map of the site: every URL it serves, and the middleware
// each passes through. It returns the site's handler and, for the start-up
// checks, the router inside it.
//
// Every request is logged, recovered from panics and given the security
// headers; then a prerendered page (a GET or HEAD of a path in s.pages, with
// no query) is served at once, and everything else goes to the router.
// The router lists those pages too: their routes answer the same bytes,
// and they give 405s their Allow header and the log its route pattern.
func (s *server) routes() (http.Handler, chi.Routes) {
	r := chi.NewRouter()
	r.Use(recordRoute(r), s.redirectSlashes, middleware.GetHead)
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
	r.With(s.limitQuery).Get("/which-role", s.handleForm)
	r.With(s.crossOriginProtection, s.limitPosts).Post("/which-role", s.handleSubmit)
	r.With(s.limitQuery, s.servedFromCache("result")).Get("/which-role/result", s.handleResult)
	r.Get("/which-role/how-it-works", s.handlePage)
	r.With(s.limitQuery).Get("/which-role/brief", s.handleAnswerFile(briefHTML))
	r.With(s.limitQuery).Get("/which-role/brief.pdf", s.handleAnswerFile(briefPDF))
	r.With(s.limitQuery).Get("/which-role/brief.md", s.handleAnswerFile(briefMarkdown))
	r.With(s.limitQuery).Get("/which-role/job-ad", s.handleAnswerFile(jobAdHTML))
	r.With(s.limitQuery).Get("/which-role/job-ad.md", s.handleAnswerFile(jobAdMarkdown))
	r.With(s.limitQuery).Get("/which-role/job-ad.txt", s.handleAnswerFile(jobAdText))
	r.Get("/sitemap.xml", s.handlePage)
	r.Get("/robots.txt", s.handlePage)
	r.Get("/favicon.ico", s.handleFavicon)
	r.Get("/static/{name}", s.handleStatic)
	r.Get("/static/cards/{name}", s.handleCard)
	r.Get("/healthz", s.cfg.Health.ServeHTTP)
	return s.logRequests(s.recoverPanics(s.securityHeaders(s.cfg.Health.closeWhileDraining(s.prerendered(r))))), r
}
