package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/templates"
)

// The error path, in one place. Error pages do not depend on the request,
// so each is rendered and compressed once, at start, and serving one costs
// what serving any prerendered page costs, whatever the client accepts.

// errorWords are the fixed error pages' words (content/words.yaml) by status.
func errorWords(w content.Words) map[int]content.ErrorWords {
	return map[int]content.ErrorWords{
		http.StatusForbidden:             w.Errors.Forbidden,
		http.StatusNotFound:              w.Errors.NotFound,
		http.StatusMethodNotAllowed:      w.Errors.MethodNotAllowed,
		http.StatusRequestEntityTooLarge: w.Errors.TooLarge,
		http.StatusTooManyRequests:       w.Errors.TooManyRequests,
		http.StatusInternalServerError:   w.Errors.ServerError,
	}
}

// prerenderErrors renders every error page once.
func (s *server) prerenderErrors() error {
	s.errorPages = map[int]*representation{}
	e := s.site.Words.Errors
	links := templates.ErrorLinks{
		GuideHeading: e.GuideHeading, FAQHeading: e.FAQHeading,
		HomeLink: e.HomeLink, CompareLink: e.CompareLink, WhichRoleLink: e.WhichRoleLink,
	}
	for status, t := range errorWords(s.site.Words) {
		m := s.meta("", t.Heading, t.Message)
		m.NoIndex = true
		body, err := render(templates.ErrorPage(m, t.Heading, t.Message, links, s.site.Sections, s.site.Answers))
		if err != nil {
			return fmt.Errorf("render the %d page: %w", status, err)
		}
		s.errorPages[status] = newUncompressed(htmlType, noStore, body)
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
