package web

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"
)

// Every page prepared at start has its Brotli encoding before the server
// answers its first request: no package-level compressor works behind it.
// The server checked is the tests' cold one, which had nothing compressed
// before it started.
func TestBrotliReadyAtStart(t *testing.T) {
	t.Parallel()
	h, _ := coldServer(t) // started with nothing compressed before
	for _, path := range []string{"/", "/guide", "/faq", "/which-role", "/which-role/how-it-works", "/sitemap.xml", "/no-such-page"} {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("Accept-Encoding", "gzip, deflate, br")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if got := rec.Header().Get("Content-Encoding"); got != "br" {
			t.Errorf("%s: Content-Encoding %q at once, want br", path, got)
		}
	}
}

// A body built on request gets both encodings at once, each held in a
// slice of exactly its size.
func TestRepresentationExactSize(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	for buf.Len() < 10_000 {
		buf.WriteString("<p>a page, ")
	}
	p := newRepresentation(htmlType, noStore, buf.Bytes())
	if p.gzip == nil || p.br == nil {
		t.Fatal("a compressible body lacks an encoding")
	}
	for _, e := range []*encoded{&p.identity, p.gzip, p.br} {
		if len(e.body) != cap(e.body) {
			t.Errorf("%v: %d bytes in a slice of %d", e.encoding, len(e.body), cap(e.body))
		}
	}
	if cap(buf.Bytes()) == buf.Len() {
		t.Fatal("the test's buffer has no spare capacity, so it proves nothing")
	}
}
