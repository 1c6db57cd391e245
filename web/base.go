package web

import (
	"bytes"
	"cmp"
	"context"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/templates"
	"github.com/guide/pmvspm/web/serve"
)

// What every handler shares: the server's dependencies, a page's head
// (meta, with its social card) and rendering.

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
	// Metrics, when set, counts requests and recommendations
	// (serve.NewMetrics(decision.Recommendations...)).
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

// defaults fills in what the caller left out.
func (c *Config) defaults() {
	c.BaseURL = cmp.Or(strings.TrimSuffix(c.BaseURL, "/"), "http://localhost:8080")
	c.PostRate = cmp.Or(c.PostRate, 2*time.Second)
	c.PostBurst = cmp.Or(c.PostBurst, 20)
	c.MissRate = cmp.Or(c.MissRate, time.Second)
	c.MissBurst = cmp.Or(c.MissBurst, 60)
	c.MaxClients = cmp.Or(c.MaxClients, 10000)
	c.ClientIPHeader = cmp.Or(c.ClientIPHeader, "X-Forwarded-For")
	c.missPause = cmp.Or(c.missPause, time.Second)
	c.PageMaxAge = cmp.Or(c.PageMaxAge, 5*time.Minute)
	c.Health = cmp.Or(c.Health, new(serve.Health))
}

// server holds the dependencies the handlers share.
type server struct {
	cfg    Config
	logger *slog.Logger
	site   *content.Site

	router     *chi.Mux                         // routes.go
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
	contentDate time.Time
	// pdfFonts keeps the brief PDF's fonts cut for one answer set for the
	// next with the same letters.
	pdfFonts         *templates.FontCache
	pageCacheControl string                          // Cache-Control for HTML pages
	rules            map[string]templates.ReasonView // rules' words and guide links: newRuleWords
}

// A page is a page of the site that does not depend on the request,
// rendered once, at start. listPages is the one list of them: routes.go
// routes each to handlePage, the sitemap lists them, and the tests walk them.
type page struct {
	path  string // the URL path, which routes.go routes: /guide/skills
	title string
	body  func() ([]byte, error)
	// contentType is the body's; "" is HTML.
	contentType string
	// sitemap: listed in /sitemap.xml, with lastmod when it is not zero.
	sitemap bool
	lastmod time.Time
}

const htmlType = "text/html; charset=utf-8"

// noStore is the Cache-Control of errors and form responses: never kept by
// a shared cache.
const noStore = "no-store"

var noStoreOnly = []string{noStore}

// render renders a component into memory, so that a failing component never
// sends half a page.
func render(c templ.Component) ([]byte, error) {
	var buf bytes.Buffer
	if err := c.Render(context.Background(), &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// meta is a page's head: its title, description, address and its social
// card, the one under card (or the site's).
func (s *server) meta(path, title, description, card string) templates.Meta {
	m := templates.Meta{Title: title, Description: description, Path: path, BaseURL: s.cfg.BaseURL, Layout: s.site.Words.Layout, Publisher: s.site.Publisher}
	c, ok := s.cards[card]
	if !ok {
		c, ok = s.cards[siteCard]
	}
	if ok { // a server made without its cards, in a test, has none
		m.Image = templates.Image{URL: s.cfg.BaseURL + c.path(), Width: cardWidth, Height: cardHeight, Alt: c.alt}
	}
	return m
}
