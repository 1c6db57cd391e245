package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/guide/pmvspm/web/serve"
)

// ServeHTTP answers every request through the router.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.router.ServeHTTP(w, r) }

// routes is the map of the site: every URL it serves, and the middleware
// each passes through. Every request goes through this router: it is
// logged (with the pattern of the route that answered), recovered from
// panics and given the security headers, then answered by the handler
// listed here. Handlers return their errors, which s.handle answers
// (errors.go).
func (s *server) routes() *chi.Mux {
	r := chi.NewRouter()
	r.Use(serve.LogRequests(serve.RequestLog{Out: s.cfg.RequestLog, JSON: s.cfg.LogFormat == "json", Logger: s.logger,
		TrustProxy: s.cfg.TrustProxy, ClientAddr: s.clients.Addr, Observe: s.cfg.Metrics.Observe}),
		serve.Recover(s.logger, s.errorPage(http.StatusInternalServerError)), serve.SecurityHeaders(s.cfg.HTTPS), s.cfg.Health.CloseWhileDraining,
		s.redirects.Slashes, middleware.GetHead)
	r.NotFound(s.errorPage(http.StatusNotFound).ServeHTTP)
	r.MethodNotAllowed(s.handle(s.handleMethodNotAllowed(r)))

	// The pages rendered at start (pages.go's list, which the sitemap
	// reads): handlePage serves each path's prerendered bytes.
	page, servePage := r.With(s.redirects.BareURL), s.handle(s.handlePage)
	page.Get("/", servePage)
	page.Get("/guide", servePage)
	page.Get("/guide/{slug}", servePage) // each guide part
	page.Get("/compare", servePage)
	page.Get("/which-role/how-it-works", servePage)
	page.Get("/faq", servePage)
	page.Get("/faq/{slug}", servePage) // each answer's permalink
	page.Get("/about", servePage)      // content.RequiredPages
	page.Get("/privacy", servePage)
	page.Get("/sitemap.xml", servePage)
	page.Get("/robots.txt", servePage)

	// The questionnaire: the form, its answers and what they make.
	limitQuery := serve.LimitQuery(s.damagedLink)
	r.With(limitQuery).Get("/which-role", s.handle(s.handleForm))
	r.With(serve.CrossOriginProtection(s.cfg.BaseURL, s.logger, s.errorPage(http.StatusForbidden)), s.limitPosts).Post("/which-role", s.handle(s.handleSubmit))
	r.With(limitQuery, s.answers.Served("result")).Get("/which-role/result", s.handle(s.handleResult))
	r.With(limitQuery).Get("/which-role/brief", s.handle(s.handleAnswerFile(briefHTML)))
	r.With(limitQuery).Get("/which-role/brief.pdf", s.handle(s.handleAnswerFile(briefPDF)))
	r.With(limitQuery).Get("/which-role/brief.md", s.handle(s.handleAnswerFile(briefMarkdown)))
	r.With(limitQuery).Get("/which-role/job-ad", s.handle(s.handleAnswerFile(jobAdHTML)))
	r.With(limitQuery).Get("/which-role/job-ad.md", s.handle(s.handleAnswerFile(jobAdMarkdown)))
	r.With(limitQuery).Get("/which-role/job-ad.txt", s.handle(s.handleAnswerFile(jobAdText)))

	// Files: hashed static files, the social cards; the health check.
	r.With(s.redirects.BareURL).Get("/favicon.ico", s.handleFavicon)
	r.With(s.redirects.BareURL).Get("/static/{name}", s.handle(s.handleStatic))
	r.With(s.redirects.BareURL).Get("/static/cards/{name}", s.handle(s.handleCard))
	r.Get("/healthz", s.cfg.Health.ServeHTTP)
	return r
}
