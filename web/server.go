// Package web serves the guide: the chi router (routes.go is the map of the
// site), the pages' and the questionnaire's handlers, and the middleware
// that every response passes through (plumbing that knows no page lives in
// web/serve). Pages that do not depend on the request are rendered, hashed and
// compressed once; handlers only pick the right bytes.
package web

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/web/decision"
	"github.com/guide/pmvspm/web/serve"
)

// Config is what the server needs to know about where it runs.
type Config struct {
	// BaseURL is the public origin, e.g. https://guide.example.com, used for
	// canonical links, Open Graph and the sitemap.
	BaseURL string
	// HTTPS adds Strict-Transport-Security: set it when the site is served
	// over HTTPS (directly or behind a proxy).
	HTTPS bool
	// TrustProxy takes the client address (for the rate limit and the log)
	// from the right-most X-Forwarded-For entry, the one the proxy in front
	// appended, or from ClientIPHeader when set. Only set it behind exactly
	// one proxy that sets that header.
	TrustProxy bool
	// ClientIPHeader, with TrustProxy, names the header the proxy puts the
	// client address in (e.g. X-Real-IP) instead of X-Forwarded-For.
	ClientIPHeader string
	// MaxClients caps how many client addresses the rate limit tracks; past
	// it the one seen least recently is forgotten.
	MaxClients int
	// LogFormat is "text" or "json"; RequestLog receives one line per
	// request in one Write call (nil: requests are not logged). It must not
	// block: see cmd/guide's log sink.
	LogFormat  string
	RequestLog io.Writer
	// PostRate and PostBurst limit form posts per client: PostBurst at once,
	// then one every PostRate. Zero values take the defaults.
	PostRate  time.Duration
	PostBurst int
	// MissRate and MissBurst limit each client's answer-page cache misses
	// (a result, kit file, advert, card or pre-filled form not yet built):
	// MissBurst at once, then one every MissRate. Cache hits are never
	// limited. Zero values take the defaults, which a real visitor never
	// meets: 60 at once, then one a second.
	MissRate  time.Duration
	MissBurst int
	// Metrics, when set, counts requests and recommendations (NewMetrics).
	Metrics *serve.Metrics
	// Health is /healthz, which the caller drains before shutting down
	// (nil: one that never drains).
	Health *serve.Health
	// PageMaxAge is the Cache-Control max-age of HTML pages.
	PageMaxAge time.Duration
	// NoStore sends pages with Cache-Control: no-store, for development,
	// where the content changes under the server.
	NoStore bool
	// Encodings, when set, keeps prerendered pages' gzip and Brotli encodings across
	// the servers given it (-dev reloads), so that an unchanged page is not
	// compressed again.
	Encodings *serve.EncodingCache
	// CheckOnly builds every page to check the content against the site
	// (guide -check) and compresses none of them: the server is not served.
	CheckOnly bool

	missPause time.Duration // the pause before a 429 past the miss budget (retryError); tests shorten it
}

// maxAnswerBytes bounds the answer cache: its pages' bodies in every
// encoding (serve.Cache).
const maxAnswerBytes = 8 << 20

// NewMetrics is the metrics set for Config.Metrics: every recommendation
// is a series from the start.
func NewMetrics() *serve.Metrics {
	var recommendations []string
	for _, r := range decision.Recommendations {
		recommendations = append(recommendations, string(r))
	}
	return serve.NewMetrics(recommendations...)
}

func (c *Config) defaults() {
	c.BaseURL = strings.TrimSuffix(c.BaseURL, "/")
	if c.BaseURL == "" {
		c.BaseURL = "http://localhost:8080"
	}
	if c.PostRate == 0 {
		c.PostRate = 2 * time.Second
	}
	if c.PostBurst == 0 {
		c.PostBurst = 20
	}
	if c.MissRate == 0 {
		c.MissRate = time.Second
	}
	if c.MissBurst == 0 {
		c.MissBurst = 60
	}
	if c.MaxClients == 0 {
		c.MaxClients = 10000
	}
	if c.ClientIPHeader == "" {
		c.ClientIPHeader = "X-Forwarded-For"
	}
	if c.missPause == 0 {
		c.missPause = time.Second
	}
	if c.Health == nil {
		c.Health = new(serve.Health)
	}
	if c.PageMaxAge == 0 {
		c.PageMaxAge = 5 * time.Minute
	}
}

// server holds the dependencies the handlers share.
type server struct {
	cfg    Config
	logger *slog.Logger
	site   *content.Site

	pageList   []page                           // the pages rendered at start: pages.go
	pages      map[string]*serve.Representation // their bodies, by path
	errorPages map[int]*serve.Representation    // prerendered error pages by status
	static     map[string]*serve.Representation // by hashed name
	favicon    *serve.Representation
	answers    *serve.Cache // pages built for answers
	redirects  *serve.Redirects
	// damagedLink is the form a query over serve.LimitQuery's limits gets.
	damagedLink *serve.Representation
	limiter     *serve.Limiter // form posts
	misses      *serve.Limiter // answer-page cache misses
	clients     serve.ClientAddrs
	// Social cards, by key (see card.go) and by served name.
	cards, cardsByName map[string]*card
	// contentDate dates the brief's PDF: the latest change to the guide.
	contentDate      time.Time
	pageCacheControl string // Cache-Control for HTML pages
}

// NewServer checks that the content and the questionnaire agree, renders
// every fixed page once and returns the site's handler.
func NewServer(logger *slog.Logger, site *content.Site, cfg Config) (http.Handler, error) {
	_, h, err := newServer(logger, site, cfg)
	return h, err
}

// newServer is NewServer that also returns the server, for tests that look
// inside (the answer cache's counts).
func newServer(logger *slog.Logger, site *content.Site, cfg Config) (*server, http.Handler, error) {
	cfg.defaults()
	if err := decision.CheckQuestionnaire(site); err != nil {
		var problems content.Problems
		if _, inFile := err.(*content.FileError); inFile || errors.As(err, &problems) {
			return nil, nil, err // whichrole.yaml:line: …, guide/hiring.md:1: …
		}
		return nil, nil, fmt.Errorf("questionnaire: %w", err)
	}
	if err := decision.CheckHiringKit(site); err != nil {
		return nil, nil, err
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
	s.makeCards()
	s.contentDate = site.GuideUpdated()
	s.pageList = s.listPages()
	if err := s.prerender(); err != nil {
		return nil, nil, err
	}
	router := s.routes()
	if err := s.checkLinks(router); err != nil {
		return nil, nil, err
	}
	if !cfg.CheckOnly { // content that fails a check is not compressed first
		serve.CompressAll(cfg.Encodings, s.prerendered())
	}
	// The page budget, for guide -check and -dev (which reads the sizes of
	// the encodings it has just made): the content CI checked is served
	// without measuring it again.
	if cfg.CheckOnly || cfg.NoStore {
		if err := s.checkPageBudget(router); err != nil {
			return nil, nil, err
		}
	}
	return s, router, nil
}
