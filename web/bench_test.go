package web

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// discardWriter is the cheapest ResponseWriter, so that the benchmark
// measures the handler, not the recorder.
type discardWriter struct {
	h      http.Header
	status int
}

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *discardWriter) WriteHeader(status int)      { w.status = status }

func benchmarkHandler(b *testing.B, h http.Handler, target, encoding string) {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	if encoding != "" {
		req.Header.Set("Accept-Encoding", encoding)
	}
	w := &discardWriter{h: http.Header{}}
	b.ReportAllocs()
	for b.Loop() {
		clear(w.h)
		h.ServeHTTP(w, req)
	}
	if w.status != 0 && w.status != http.StatusOK {
		b.Fatalf("status %d", w.status)
	}
}

// BenchmarkServe compares the full router and middleware with a bare
// handler writing the same bytes (headers and body), for /guide and a
// questionnaire result, with and without compression.
//
//	go test ./web -run '^$' -bench Serve -benchmem
func BenchmarkServe(b *testing.B) {
	// The logger formats every line as in production; only the output is discarded.
	h, err := NewServer(slog.New(slog.NewTextHandler(io.Discard, nil)), loadSite(b), Config{RequestLog: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	for _, target := range []string{"/guide", "/which-role/result?goal=new-product&problems=over-budget&customer_facing=yes&complexity=several-teams"} {
		for _, enc := range []string{"", "br, gzip"} {
			rec := httptest.NewRecorder()
			req := httptest.NewRequest(http.MethodGet, target, nil)
			req.Header.Set("Accept-Encoding", enc)
			h.ServeHTTP(rec, req)
			// The bare handler sends the same bytes: the same headers
			// (assigned as cheaply as possible) and the same body.
			body, header := rec.Body.Bytes(), rec.Header().Clone()
			bare := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				h := w.Header()
				for k, v := range header {
					h[k] = v
				}
				w.Write(body)
			})
			name := target
			if len(name) > 20 {
				name = "/which-role/result"
			}
			if enc != "" {
				name += "/br"
			}
			b.Run(name+"/full", func(b *testing.B) { benchmarkHandler(b, h, target, enc) })
			b.Run(name+"/bare", func(b *testing.B) { benchmarkHandler(b, bare, target, enc) })
		}
	}
}

// BenchmarkQuery compares a clean, cached result with the junk the
// hardening issue sent: 6,900 empty parameters, 14 KB of junk, and a bad
// link within the limits (served from the cache after its first render).
//
//	go test ./web -run '^$' -bench Query -benchmem
func BenchmarkQuery(b *testing.B) {
	h, err := NewServer(slog.New(slog.NewTextHandler(io.Discard, nil)), loadSite(b), Config{RequestLog: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	const clean = "goal=new-product&problems=over-budget&customer_facing=yes&complexity=several-teams"
	for _, tt := range []struct{ name, query string }{
		{"clean", clean},
		{"empty-params", clean + strings.Repeat("&", 6900)},
		{"junk-14KB", clean + "&x=" + strings.Repeat("y", 14<<10)},
		{"bad-link", "goal=zzz&complexity=single-team"},
	} {
		b.Run(tt.name, func(b *testing.B) {
			target := "/which-role/result?" + tt.query
			req := httptest.NewRequest(http.MethodGet, target, nil)
			req.Header.Set("Accept-Encoding", "gzip, deflate, br")
			w := &discardWriter{h: http.Header{}}
			b.ReportAllocs()
			for b.Loop() {
				clear(w.h)
				h.ServeHTTP(w, req)
			}
		})
	}
}

// BenchmarkNewServer is the start-up with and without Config.Encodings
// kept from an earlier server: what each -dev reload and each test server
// costs (doc/performance.md, "Start-up and the encoding cache").
func BenchmarkNewServer(b *testing.B) {
	site := loadSite(b)
	logger := slog.New(slog.DiscardHandler)
	b.Run("compressing", func(b *testing.B) {
		for b.Loop() {
			if _, err := NewServer(logger, site, Config{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encodings-kept", func(b *testing.B) {
		enc := testEncodings(b)
		for b.Loop() {
			if _, err := NewServer(logger, site, Config{Encodings: enc}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
