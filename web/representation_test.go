package web

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"
)

// Brotli is made in the background: until it is ready, a client that
// accepts it gets gzip; afterwards, Brotli.
func TestBrotliInTheBackground(t *testing.T) {
	p := newRepresentation(htmlType, noStore, bytes.Repeat([]byte("<p>a page, "), 200))
	background.wait()
	p.br.Store(nil) // as before the compressor got to it
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.Header.Set("Accept-Encoding", "gzip, deflate, br")
	first := httptest.NewRecorder()
	p.serve(first, req, http.StatusOK)
	background.add(p)
	background.wait()
	later := httptest.NewRecorder()
	p.serve(later, req, http.StatusOK)
	if got := first.Header().Get("Content-Encoding"); got != "gzip" {
		t.Errorf("before Brotli is ready: Content-Encoding %q, want gzip", got)
	}
	if got := later.Header().Get("Content-Encoding"); got != "br" {
		t.Errorf("once Brotli is ready: Content-Encoding %q, want br", got)
	}
	if later.Body.Len() >= first.Body.Len() {
		t.Errorf("Brotli %d bytes, gzip %d", later.Body.Len(), first.Body.Len())
	}
}
