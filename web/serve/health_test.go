package serve

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// /healthz answers 200 until Drain, then 503 with every response asking
// the client to close; a nil Health, as web.Config documents, never drains.
func TestHealth(t *testing.T) {
	t.Parallel()
	site := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("site")) })
	check := func(h http.Handler, path string, wantStatus int, wantClose bool) {
		t.Helper()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		if rec.Code != wantStatus || (rec.Header().Get("Connection") == "close") != wantClose {
			t.Errorf("%s: %d, Connection %q; want %d, close %v", path, rec.Code, rec.Header().Get("Connection"), wantStatus, wantClose)
		}
	}
	var none *Health
	check(none.Wrap(site), "/healthz", http.StatusOK, false)
	check(none.Wrap(site), "/", http.StatusOK, false)
	h := new(Health)
	check(h.Wrap(site), "/healthz", http.StatusOK, false)
	h.Drain()
	check(h.Wrap(site), "/healthz", http.StatusServiceUnavailable, true)
	check(h.Wrap(site), "/", http.StatusOK, true)
}
