package serve

import (
	"net/http"
	"strings"
)

// The questionnaire's pages read their answers from the query. A real one
// is a few hundred bytes in a dozen parameters, plus whatever tracking
// parameters a link picks up when shared (fbclid, utm_*); anything much
// larger is refused before it is parsed, with a page made at start, so a
// junk query costs what a cached page costs.
const (
	MaxQueryBytes  = 1024
	MaxQueryParams = 32
)

// LimitQuery answers a query over MaxQueryBytes or MaxQueryParams with
// refused, status 400.
func LimitQuery(refused *Representation) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			q := r.URL.RawQuery
			if len(q) > MaxQueryBytes || strings.Count(q, "&") >= MaxQueryParams {
				refused.Serve(w, r, http.StatusBadRequest)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
