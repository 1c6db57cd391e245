package web

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/guide/pmvspm/web/decision"
	"github.com/guide/pmvspm/web/serve"
)

// TestMetrics serves a few requests and reads the counts back the way
// Prometheus would.
func TestMetrics(t *testing.T) {
	t.Parallel()
	m := serve.NewMetrics(decision.Recommendations...)
	srv, _ := newTestServer(t, Config{Metrics: m})
	get(t, srv, "/guide")
	get(t, srv, "/guide/skills")
	get(t, srv, "/no-such-page")
	resp, err := srv.Client().PostForm(srv.URL+"/which-role", url.Values{
		"goal": {"direction"}, "decider": {"nobody-clearly"}, "complexity": {"single-team"}, "hires": {"one"},
	})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()

	want := []string{
		`guide_http_requests_total{code="200",method="GET",route="/guide"} 1`,
		`guide_http_requests_total{code="200",method="GET",route="/guide/{slug}"} 1`,
		`guide_http_requests_total{code="404",method="GET",route="unmatched"} 1`,
		`guide_http_requests_total{code="303",method="POST",route="/which-role"} 1`,
		`guide_http_request_duration_seconds_count{route="/guide"} 1`,
		`guide_recommendations_total{recommendation="product-manager"} 1`,
		`guide_recommendations_total{recommendation="one-person"} 0`,
		`guide_recommendations_total{recommendation="not-yet"} 0`,
		`guide_builds_queued 0`,
		`guide_builds_waiting 0`,
		`go_goroutines `,
		`process_resident_memory_bytes `,
		`go_build_info{`,
	}
	// A request is counted once its handler returns, which can be just
	// after the client has read the response: scrape until all are in.
	var body string
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		rec := httptest.NewRecorder()
		m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("GET /metrics = %d", rec.Code)
		}
		body = rec.Body.String()
		missing := slices.DeleteFunc(slices.Clone(want), func(w string) bool { return strings.Contains(body, w) })
		if len(missing) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("/metrics lacks %q", missing)
		}
	}
	if strings.Contains(body, "no-such-page") {
		t.Error("/metrics names a requested path; routes must be patterns")
	}
}

// BenchmarkMetrics is the cost of counting a request: /guide with and
// without metrics.
//
//	go test ./web -run '^$' -bench Metrics -benchmem
func BenchmarkMetrics(b *testing.B) {
	for _, tc := range []struct {
		name string
		m    *serve.Metrics
	}{{"off", nil}, {"on", serve.NewMetrics(decision.Recommendations...)}} {
		h, err := NewServer(slog.New(slog.NewTextHandler(io.Discard, nil)), loadSite(b), Config{Metrics: tc.m})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(tc.name, func(b *testing.B) { benchmarkHandler(b, h, "/guide", "br") })
	}
}
