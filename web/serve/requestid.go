package serve

import (
	"crypto/rand"
	"net/http"
)

// RequestID is the id of the request w answers, or "".
func RequestID(w http.ResponseWriter) string {
	if v := w.Header()["X-Request-Id"]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// NewRequestID is the id of a request: the proxy's X-Request-Id when the
// proxy is trusted (trustProxy) and the id well-formed, so that its log and ours join;
// else 128 random bits, which tell a client nothing about other requests.
func NewRequestID(r *http.Request, trustProxy bool) string {
	if trustProxy {
		if v := r.Header["X-Request-Id"]; len(v) == 1 && wellFormedID(v[0]) {
			return v[0]
		}
	}
	return rand.Text()
}

// wellFormedID reports whether id is 1–64 letters, digits, '-', '_' or '.'
// (a UUID, nginx's $request_id, a hex or base32 string).
func wellFormedID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}
