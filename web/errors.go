package web

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/go-chi/chi/v5"
	"github.com/guide/pmvspm/templates"
)

// The error path, in one place. Error pages do not depend on the request,
// so each is rendered and compressed once, at start, and serving one costs
// what serving any prerendered page costs, whatever the client accepts.
// Bodies that are rendered per request (the form with its errors) go out
// through serveRendered, never compressed at a costly level.

// errorTexts are the fixed error pages: heading and message by status.
var errorTexts = map[int]struct{ heading, message string }{
	http.StatusForbidden: {"Request refused",
		"This form can only be sent from this site. If you followed a link here, open the questionnaire and answer it again."},
	http.StatusNotFound: {"Page not found",
		"There is no page at this address. It may have moved, or the link may have a typo. Everything the site has is listed below."},
	http.StatusMethodNotAllowed: {"Method not allowed",
		"This address does not accept that kind of request. Its Allow header lists the ones it does; the pages below work in any browser."},
	http.StatusRequestEntityTooLarge: {"Too much data",
		"The form sent more than 16 KB, far more than four answers need. Please fill in the form again."},
	http.StatusTooManyRequests: {"Too many requests",
		"This form was sent too many times in a short while. Please wait a moment and try again."},
	http.StatusInternalServerError: {"Something went wrong",
		"The server ran into a problem showing this page. It has been logged; please try again in a moment."},
}

// prerenderErrors renders every error page once.
func (s *server) prerenderErrors() error {
	s.errorPages = map[int]*representation{}
	for status, t := range errorTexts {
		m := s.meta("", t.heading, t.message)
		m.NoIndex = true
		body, err := render(templates.ErrorPage(m, t.heading, t.message, s.site.Sections, s.site.Answers))
		if err != nil {
			return fmt.Errorf("render the %d page: %w", status, err)
		}
		s.errorPages[status] = newRepresentation(htmlType, noStore, body)
	}
	return nil
}

// serveError sends the prerendered error page for status.
func (s *server) serveError(w http.ResponseWriter, r *http.Request, status int) {
	p, ok := s.errorPages[status]
	if !ok { // a status without its own page: a programming error
		s.logger.Error("no error page", "status", status, "path", r.URL.Path)
		status, p = http.StatusInternalServerError, s.errorPages[http.StatusInternalServerError]
	}
	p.serve(w, r, status)
}

// handleNotFound is every unknown path.
func (s *server) handleNotFound(w http.ResponseWriter, r *http.Request) {
	s.serveError(w, r, http.StatusNotFound)
}

// handleMethodNotAllowed answers 405 with the Allow header listing the
// methods the path does support.
func (s *server) handleMethodNotAllowed(routes chi.Routes) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var allow []string
		for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPost} {
			method := m
			if m == http.MethodHead {
				method = http.MethodGet // HEAD works wherever GET does
			}
			if routes.Match(chi.NewRouteContext(), method, r.URL.Path) {
				allow = append(allow, m)
			}
		}
		w.Header()["Allow"] = []string{strings.Join(allow, ", ")}
		s.serveError(w, r, http.StatusMethodNotAllowed)
	}
}

// fail logs an unexpected error and sends the 500 page.
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	s.logger.Error("request failed", "method", r.Method, "path", r.URL.Path,
		"request_id", requestID(w), "err", err)
	s.serveError(w, r, http.StatusInternalServerError)
}

// cheapGzip is the level for bodies compressed per request: a fraction of
// a millisecond for a page, against tens of milliseconds for Brotli 11.
const cheapGzip = 5

var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(nil, cheapGzip)
	return zw
}}

// serveRendered sends a body rendered for this request alone (the form
// with its errors), never cached: as it is when small or when the client
// does not take gzip, else gzipped at a cheap level.
func (s *server) serveRendered(w http.ResponseWriter, r *http.Request, status int, body []byte) {
	h := w.Header()
	h["Content-Type"] = []string{htmlType}
	h["Cache-Control"] = []string{noStore}
	h["Vary"] = varyAcceptEncoding
	if len(body) >= minCompress && acceptsEncoding(r.Header["Accept-Encoding"], "gzip") {
		var buf bytes.Buffer
		zw := gzipWriters.Get().(*gzip.Writer)
		zw.Reset(&buf)
		zw.Write(body)
		zw.Close()
		gzipWriters.Put(zw)
		body = buf.Bytes()
		h["Content-Encoding"] = []string{"gzip"}
	}
	h["Content-Length"] = []string{strconv.Itoa(len(body))}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}
