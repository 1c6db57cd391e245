package web

import (
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"
)

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
		w.Header().Set("Allow", strings.Join(allow, ", "))
		s.serveError(w, r, http.StatusMethodNotAllowed, "Method not allowed",
			"This address does not accept that kind of request. Allowed: "+strings.Join(allow, ", ")+".")
	}
}
