package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/guide/pmvspm/web/serve"
)

// The error path, in one place. Error pages do not depend on the request,
// so each is rendered and compressed once, at start, and serving one costs
// what serving any prerendered page costs, whatever the client accepts.

// A handler is an http.Handler that returns its error instead of
// answering it; handle adapts it, as pkgsite's errorHandler does.
type handler func(w http.ResponseWriter, r *http.Request) error

// handle answers a handler's error with serveErr.
func (s *server) handle(h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.serveErr(w, r, err)
		}
	}
}

// A statusError is answered with the error page of its status.
type statusError int

func (e statusError) Error() string { return http.StatusText(int(e)) }

// redirect sends a redirect to loc, which must stay on the site (see
// serve.Redirects.Send); one that does not gets the 404 page.
func (s *server) redirect(w http.ResponseWriter, r *http.Request, loc string, status int) error {
	if !s.redirects.Send(w, r, loc, status) {
		return statusError(http.StatusNotFound)
	}
	return nil
}

// errorPage answers status's error page: the callback the plumbing
// (web/serve) is given for the answers it refuses.
func (s *server) errorPage(status int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { s.serveErr(w, r, statusError(status)) })
}

// A pageError is answered with a page of its own: the form with its errors
// (formError).
type pageError interface {
	error
	servePage(s *server, w http.ResponseWriter, r *http.Request) error
}

// serveErr is the one way an error reaches the client. A pageError gets
// its page (the form with its errors); a statusError its prerendered page;
// anything else is logged and gets the 500 page.
func (s *server) serveErr(w http.ResponseWriter, r *http.Request, err error) {
	var page pageError
	var status statusError
	var retry *retryError
	if errors.Is(err, serve.ErrBusy) || errors.Is(err, serve.ErrStopping) {
		err = &retryError{status: http.StatusServiceUnavailable, after: time.Second}
	}
	switch {
	case r.Context().Err() != nil:
		// The client has gone (errAbandoned, or any error of a request
		// cancelled): nobody to answer. The log says 499.
		return
	case errors.As(err, &retry):
		if retry.pause > 0 {
			t := time.NewTimer(retry.pause)
			select {
			case <-t.C:
			case <-r.Context().Done():
				t.Stop()
				return
			case <-s.cfg.Health.Stopping():
				t.Stop()
			}
		}
		setRetryAfter(w, retry.after)
		s.errorPages[retry.status].Serve(w, r, retry.status)
		return
	case errors.As(err, &page):
		err = page.servePage(s, w, r)
	case errors.As(err, &status):
		p, ok := s.errorPages[int(status)]
		if !ok { // a status without its own page: a programming error
			err = fmt.Errorf("no error page for status %d", status)
			break
		}
		p.Serve(w, r, int(status))
		return
	}
	if err == nil {
		return
	}
	s.logger.Error("request failed", "method", r.Method, "path", r.URL.Path,
		"request_id", serve.RequestID(w), "err", err)
	s.errorPages[http.StatusInternalServerError].Serve(w, r, http.StatusInternalServerError)
}

// handleMethodNotAllowed answers 405 with the Allow header listing the
// methods the path does support.
func (s *server) handleMethodNotAllowed(routes chi.Routes) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
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
		return statusError(http.StatusMethodNotAllowed)
	}
}

// allow takes a token from l for r's client, or returns the 429 to answer, after
// pause.
func (s *server) allow(l *serve.Limiter, r *http.Request, pause time.Duration) error {
	if ok, wait := l.Reserve(s.clients.IP(r), time.Now()); !ok {
		return &retryError{status: http.StatusTooManyRequests, after: wait, pause: pause}
	}
	return nil
}

// A retryError is answered with its status's page and Retry-After: 429
// past a client's budget, 503 when the server cannot take the work now.
// A client past its budget of misses is answered after a pause (while it
// waits, or until the server stops): a client flooding the server with
// misses on a few connections then sends a few requests a second, not
// thousands, each costing as much to refuse as a page costs to serve. A
// visitor never gets there.
type retryError struct {
	status int
	after  time.Duration
	pause  time.Duration
}

func (e *retryError) Error() string {
	return fmt.Sprintf("%d: retry after %s", e.status, e.after)
}

// setRetryAfter sets Retry-After to after in whole seconds, at least 1.
func setRetryAfter(w http.ResponseWriter, after time.Duration) {
	secs := int(after.Seconds() + 0.999)
	w.Header()["Retry-After"] = []string{strconv.Itoa(max(secs, 1))}
}

// missBudget admits a new build for r's client while its budget of misses
// lasts: the answer cache's admission.
func (s *server) missBudget(r *http.Request) error { return s.allow(s.misses, r, s.cfg.missPause) }

// limitPosts answers 429 with Retry-After when a client posts too often.
func (s *server) limitPosts(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := s.allow(s.limiter, r, 0); err != nil {
			s.serveErr(w, r, err)
			return
		}
		next.ServeHTTP(w, r)
	})
}
