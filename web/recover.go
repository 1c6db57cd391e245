package web

import (
	"fmt"
	"net/http"
	"runtime/debug"
)

// recoverPanics turns a panic in a handler into a 500 page and a log line;
// the server goes on serving.
func (s *server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.logger.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			s.serveInternalError(w, r)
		}()
		next.ServeHTTP(w, r)
	})
}

// fail logs an unexpected error and sends the 500 page.
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	s.logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	s.serveInternalError(w, r)
}

func (s *server) serveInternalError(w http.ResponseWriter, r *http.Request) {
	s.serveError(w, r, http.StatusInternalServerError, "Something went wrong",
		"The server ran into a problem showing this page. It has been logged; please try again in a moment.")
}
