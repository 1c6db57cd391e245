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
			s.logger.Error("panic", "method", r.Method, "path", r.URL.Path, "request_id", requestID(w),
				"panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			s.serveErr(w, r, statusError(http.StatusInternalServerError))
		}()
		next.ServeHTTP(w, r)
	})
}
