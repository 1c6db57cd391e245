package serve

import (
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
)

// Recover turns a panic in a handler into fail's answer (a 500 page) and
// a log line with the request's id and the stack; the server goes on
// serving. http.ErrAbortHandler goes on up, as net/http means it to.
func Recover(logger *slog.Logger, fail http.Handler) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			defer func() {
				v := recover()
				if v == nil {
					return
				}
				if v == http.ErrAbortHandler {
					panic(v)
				}
				logger.Error("panic", "method", r.Method, "path", r.URL.Path, "request_id", RequestID(w),
					"panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				fail.ServeHTTP(w, r)
			}()
			next.ServeHTTP(w, r)
		})
	}
}
