// Package web serves the guide's pages and the questionnaire. NewServer
// (server.go) checks the content against the questionnaire and renders
// every page that does not depend on the request once (pages.go); routes.go
// is the map of the site: every URL, its handler and the middleware it
// passes through. base.go holds what every handler shares (Config, the
// server's dependencies, a page's head); whichrole.go, result.go, brief.go,
// jobad.go and howitworks.go the questionnaire's form, result, downloads
// and rules page; errors.go the one way an error reaches a client;
// static.go the static files and the social cards that card.go draws.
// Plumbing that knows no page (responses made once and their encodings,
// the answer cache, the log, limits, metrics) is web/serve's; the
// questionnaire's rules are web/decision's.
package web

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/templates"
	"github.com/guide/pmvspm/web/serve"
)

// maxAnswerBytes bounds the answer cache: its pages' bodies in every
// encoding (serve.Cache).
const maxAnswerBytes = 8 << 20

// NewServer checks that the content and the questionnaire agree, renders
// every fixed page once and returns the site's handler. A site that did
// not load whole (content.Load returned problems) is only checked, with
// CheckOnly: NewServer then returns no handler, and only the problems
// that stand whatever its files with problems turn out to hold (checks.go).
func NewServer(logger *slog.Logger, site *content.Site, cfg Config) (http.Handler, error) {
	cfg.defaults()
	if !site.Whole() && !cfg.CheckOnly {
		return nil, errors.New("the content has problems: it can be checked (CheckOnly), not served")
	}
	form, contract := checkContract(site)
	if len(contract) > 0 && site.Whole() {
		return nil, standing(site, contract)
	}
	s := &server{
		cfg:              cfg,
		logger:           logger,
		site:             site,
		limiter:          serve.NewLimiter(cfg.PostRate, cfg.PostBurst, cfg.MaxClients),
		misses:           serve.NewLimiter(cfg.MissRate, cfg.MissBurst, cfg.MaxClients),
		clients:          serve.ClientAddrs{TrustProxy: cfg.TrustProxy, Header: http.CanonicalHeaderKey(cfg.ClientIPHeader)},
		pageCacheControl: fmt.Sprintf("public, max-age=%d, stale-while-revalidate=86400, stale-if-error=86400", int(cfg.PageMaxAge.Seconds())),
	}
	s.answers = serve.NewCache(maxAnswerBytes, cfg.Health.Stopping(), s.missBudget)
	s.redirects = &serve.Redirects{BaseURL: cfg.BaseURL, Logger: logger, NotFound: s.errorPage(http.StatusNotFound)}
	if cfg.NoStore {
		s.pageCacheControl = noStore
	}
	if !cfg.CheckOnly {
		cfg.Metrics.Watch(s.answers)
	}
	s.cards, s.cardsByName = newCards(site)
	s.rules = newRuleWords(site)
	s.contentDate = site.GuideUpdated()
	s.pdfFonts = templates.NewFontCache()
	s.pageList = s.listPages()
	if len(form) == 0 { // else the pages, which need the form's words, wait
		if err := s.prerender(); err != nil {
			return nil, standing(site, content.Problems{err})
		}
	}
	s.router = s.routes()
	if problems := append(contract, s.checkContent(s.router)...); len(problems) > 0 || !site.Whole() {
		return nil, standing(site, problems)
	}
	return s, nil
}
