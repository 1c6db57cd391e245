package web

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

func TestErrorPages(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{PostBurst: 1, PostRate: 10 * 60e9})
	postForm(t, srv, "/which-role", "") // uses up the only token
	const browser = "gzip, deflate, br"
	words := loadSite(t).Words.Errors
	tests := []struct {
		name       string
		method     string
		path, body string
		header     []string
		wantStatus int
		wantH1     string
	}{
		{"unknown path", "GET", "/no-such-page", "", nil, 404, words.NotFound.Heading},
		{"unknown slug", "GET", "/guide/no-such-section", "", nil, 404, words.NotFound.Heading},
		{"wrong method", "DELETE", "/guide", "", nil, 405, words.MethodNotAllowed.Heading},
		{"cross-site post", "POST", "/which-role", "goal=x", []string{"Sec-Fetch-Site", "cross-site"}, 403, words.Forbidden.Heading},
		{"too many posts", "POST", "/which-role", "goal=x", nil, 429, words.TooManyRequests.Heading},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var plain []byte
			for _, enc := range []string{"", browser} {
				req, _ := http.NewRequest(tt.method, srv.URL+tt.path, strings.NewReader(tt.body))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("Accept-Encoding", enc)
				for i := 0; i+1 < len(tt.header); i += 2 {
					req.Header.Set(tt.header[i], tt.header[i+1])
				}
				r := do(t, req)
				wantStatus(t, r, tt.wantStatus)
				if got := r.Header.Get("Cache-Control"); got != noStore {
					t.Errorf("Cache-Control = %q", got)
				}
				if enc == "" {
					plain = r.body
					check(t, r.doc(t), in("h1", hasText(tt.wantH1)))
					continue
				}
				if got := r.Header.Get("Content-Encoding"); got != "br" {
					t.Fatalf("Content-Encoding %q, want br", got)
				}
				got, err := io.ReadAll(brotli.NewReader(bytes.NewReader(r.body)))
				if err != nil || !bytes.Equal(got, plain) {
					t.Errorf("Brotli body differs from the plain one (%v)", err)
				}
			}
		})
	}
}

// allocPerRequest is the bytes allocated per request by h, on average.
func allocPerRequest(h http.Handler, newReq func() *http.Request) (bytesPerReq uint64, status int) {
	const n = 20
	w := &discardWriter{h: http.Header{}}
	h.ServeHTTP(w, newReq()) // warm up pools
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range n {
		clear(w.h)
		h.ServeHTTP(w, newReq())
	}
	runtime.ReadMemStats(&after)
	return (after.TotalAlloc - before.TotalAlloc) / n, w.status
}

// An error costs what a page costs: no compression at a costly level per
// request, whatever the client accepts. (Brotli at quality 11 allocates
// tens of MB a page.)
func TestErrorsCompressCheaply(t *testing.T) {
	h, err := NewServer(slog.New(slog.NewTextHandler(io.Discard, nil)), loadSite(t), Config{RequestLog: io.Discard, PostBurst: 1000, Encodings: testEncodings(t)})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		newReq     func() *http.Request
		wantStatus int
		maxBytes   uint64
	}{
		{"404", func() *http.Request {
			r := httptest.NewRequest("GET", "/favicon-32x32.png", nil)
			r.Header.Set("Accept-Encoding", "gzip, deflate, br")
			return r
		}, 404, 16 << 10},
		{"405", func() *http.Request {
			r := httptest.NewRequest("PUT", "/guide", nil)
			r.Header.Set("Accept-Encoding", "gzip, deflate, br")
			return r
		}, 405, 32 << 10},
		{"422, rendered per request", func() *http.Request {
			r := httptest.NewRequest("POST", "/which-role", strings.NewReader("goal=nope"))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			r.Header.Set("Accept-Encoding", "gzip, deflate, br")
			return r
		}, 422, 1 << 20},
	}
	for _, tt := range tests {
		got, status := allocPerRequest(h, tt.newReq)
		if status != tt.wantStatus {
			t.Errorf("%s: status %d", tt.name, status)
		}
		if got > tt.maxBytes {
			t.Errorf("%s: %d bytes allocated a request, want at most %d", tt.name, got, tt.maxBytes)
		}
	}
}

// The form with its errors is rendered per request: gzipped cheaply when
// the client takes gzip, sent as it is otherwise.
func TestFormErrorsEncoding(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	for enc, want := range map[string]string{"": "", "br": "", "gzip, deflate, br": "gzip"} {
		r := postForm(t, srv, "/which-role", "goal=nope", "Accept-Encoding", enc)
		wantStatus(t, r, http.StatusUnprocessableEntity)
		if got := r.Header.Get("Content-Encoding"); got != want {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q", enc, got, want)
		}
		if r.Header.Get("Cache-Control") != noStore || r.Header.Get("Vary") != "Accept-Encoding" {
			t.Errorf("Accept-Encoding %q: Cache-Control %q, Vary %q", enc, r.Header.Get("Cache-Control"), r.Header.Get("Vary"))
		}
	}
}

// BenchmarkNotFound compares a Brotli 404 with an identity 404 (the bar:
// at most 3 times) and with a page:
//
//	go test ./web -run '^$' -bench NotFound -benchmem
func BenchmarkNotFound(b *testing.B) {
	h, err := NewServer(slog.New(slog.NewTextHandler(io.Discard, nil)), loadSite(b), Config{RequestLog: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	for _, enc := range []string{"", "gzip, deflate, br"} {
		name := "identity"
		if enc != "" {
			name = "br"
		}
		b.Run("404/"+name, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, "/favicon-32x32.png", nil)
			req.Header.Set("Accept-Encoding", enc)
			w := &discardWriter{h: http.Header{}}
			b.ReportAllocs()
			for b.Loop() {
				clear(w.h)
				h.ServeHTTP(w, req)
			}
			if w.status != http.StatusNotFound {
				b.Fatalf("status %d", w.status)
			}
		})
	}
}
