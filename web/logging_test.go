package web

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
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

// logLines waits for n request lines in the log and decodes them.
func logLines(t *testing.T, logs *syncBuffer, n int) []map[string]any {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		var lines []map[string]any
		sc := bufio.NewScanner(strings.NewReader(logs.String()))
		for sc.Scan() {
			var m map[string]any
			if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
				t.Fatalf("log line is not JSON: %v\n%s", err, sc.Text())
			}
			if m["msg"] == "request" {
				lines = append(lines, m)
			}
		}
		if len(lines) >= n {
			return lines
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d request lines, want %d:\n%s", len(lines), n, logs.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestRequestLog(t *testing.T) {
	t.Parallel()
	srv, logs := newTestServer(t, Config{})
	wantStatus(t, get(t, srv, "/healthz"), http.StatusOK) // not logged
	r := get(t, srv, "/faq/who-gets-paid-more", "User-Agent", "Mozilla/5.0 (\"quoted\"\t\\ \xff\u2028)")
	wantStatus(t, r, http.StatusOK)
	id := r.Header.Get("X-Request-Id")
	if id == "" {
		t.Fatal("no X-Request-Id")
	}
	wantStatus(t, get(t, srv, "/no-such-page"), http.StatusNotFound)
	lines := logLines(t, logs, 2)
	if len(lines) != 2 {
		t.Fatalf("%d request lines, want 2 (/healthz is not logged)", len(lines))
	}
	line := lines[0]
	want := map[string]any{
		"method": "GET", "path": "/faq/who-gets-paid-more", "route": "/faq/{slug}",
		"status": float64(200), "bytes": float64(len(r.body)), "client_ip": "127.0.0.1",
		"user_agent": "Mozilla/5.0 (\"quoted\"\t\\ \ufffd\u2028)", "request_id": id,
	}
	for k, v := range want {
		if line[k] != v {
			t.Errorf("%s = %#v, want %#v", k, line[k], v)
		}
	}
	if d, ok := line["duration_ms"].(float64); !ok || d <= 0 || d > 10_000 {
		t.Errorf("duration_ms = %#v, want a float in milliseconds", line["duration_ms"])
	}
	if lines[1]["status"] != float64(404) || lines[1]["route"] != "" {
		t.Errorf("404 line: %v", lines[1])
	}
	if lines[1]["request_id"] == id {
		t.Error("two requests share an id")
	}
}

func TestRequestLogText(t *testing.T) {
	t.Parallel()
	var logs syncBuffer
	srv, _ := newTestServer(t, Config{RequestLog: &logs, LogFormat: "text"})
	r := get(t, srv, "/compare", "User-Agent", "evil level=ERROR msg=\"forged\"")
	wantStatus(t, r, http.StatusOK)
	out := logs.waitFor(t, "request_id=")
	if n := strings.Count(out, "\n"); n != 1 {
		t.Fatalf("%d lines, want 1:\n%s", n, out)
	}
	for _, want := range []string{" level=INFO msg=request method=GET path=/compare route=/compare status=200 bytes=",
		" duration_ms=", " client_ip=127.0.0.1 ", `user_agent="evil level=ERROR msg=\"forged\""`, " request_id=" + r.Header.Get("X-Request-Id") + "\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("line lacks %q:\n%s", want, out)
		}
	}
}

// The request log line costs no allocation of its own: only the random
// request id is new each time.
func TestRequestLogAllocations(t *testing.T) {
	if raceDetector {
		// Counted without -race: .ci/run runs this test again without it.
		t.Skip("the race detector changes what allocates (sync.Pool drops at random)")
	}
	allocs := func(cfg Config) float64 {
		cfg.Encodings = testEncodings(t)
		h, err := NewServer(slogTo(io.Discard), loadSite(t), cfg)
		if err != nil {
			t.Fatal(err)
		}
		req, _ := http.NewRequest("GET", "/guide", nil)
		req.RemoteAddr = "192.0.2.1:1234"
		req.Header.Set("User-Agent", "Mozilla/5.0")
		w := &discardWriter{h: http.Header{}}
		return testing.AllocsPerRun(200, func() {
			clear(w.h)
			h.ServeHTTP(w, req)
		})
	}
	without := allocs(Config{})
	for _, format := range []string{"text", "json"} {
		with := allocs(Config{RequestLog: io.Discard, LogFormat: format})
		t.Logf("%s: %.0f allocations with the log, %.0f without", format, with, without)
		if with > without {
			t.Errorf("%s: %.0f allocations a request with the log, %.0f without", format, with, without)
		}
	}
}

// What a client sends reaches the log escaped and cut short: no C1 control
// (U+009B acts as ESC [ in a terminal), no bidirectional override, in
// either format, and no field longer than a few hundred bytes.
func TestLogEscapesAndTruncates(t *testing.T) {
	t.Parallel()
	nasty := "a\u009b31mred\u202eevil\u2066x\u200f\x7f\u061c\ufeff\x1b[2J end"
	long := strings.Repeat("Mozilla/5.0 ", 1300) // 15 KB
	for _, format := range []string{"json", "text"} {
		t.Run(format, func(t *testing.T) {
			var logs syncBuffer
			srv, _ := newTestServer(t, Config{RequestLog: &logs, LogFormat: format})
			// net/http refuses ASCII controls in a header, not C1 or bidi characters.
			wantStatus(t, get(t, srv, "/no/"+url.PathEscape(nasty), "User-Agent", strings.Map(func(r rune) rune {
				if r < 0x20 || r == 0x7f {
					return -1
				}
				return r
			}, nasty)), http.StatusNotFound)
			wantStatus(t, get(t, srv, "/"+strings.Repeat("x", 4000), "User-Agent", long), http.StatusNotFound)
			out := logs.waitFor(t, "\n")
			for len(strings.Split(strings.TrimSpace(out), "\n")) < 2 {
				out = logs.String()
			}
			if strings.ContainsFunc(out, serve.UnsafeRune) || strings.Contains(out, "\x1b") {
				t.Errorf("a control or bidi character reached the log raw:\n%q", out)
			}
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				if len(line) > 1200 {
					t.Errorf("a %d-byte line: fields are not cut short", len(line))
				}
			}
			if !strings.Contains(out, `\u202e`) || !strings.Contains(out, "…") {
				t.Errorf("the log does not show what was replaced or cut:\n%s", out)
			}
		})
	}
}

// A GET or HEAD of exactly /healthz goes unlogged; any other request to it
// is logged; every one is counted in the metrics.
func TestHealthzLogging(t *testing.T) {
	t.Parallel()
	m := serve.NewMetrics(decision.Recommendations...)
	srv, logs := newTestServer(t, Config{Metrics: m})
	wantStatus(t, get(t, srv, "/healthz"), http.StatusOK)
	head, _ := http.NewRequest(http.MethodHead, srv.URL+"/healthz", nil)
	wantStatus(t, do(t, head), http.StatusOK)
	post, _ := http.NewRequest(http.MethodPost, srv.URL+"/healthz", strings.NewReader(strings.Repeat("x", 16<<10)))
	wantStatus(t, do(t, post), http.StatusMethodNotAllowed)
	wantStatus(t, get(t, srv, "/healthz?probe=1"), http.StatusOK)
	wantStatus(t, get(t, srv, "/guide"), http.StatusOK) // the last line, so the others are in
	lines := logLines(t, logs, 3)
	var logged []string
	for _, l := range lines {
		logged = append(logged, l["method"].(string)+" "+l["path"].(string))
	}
	if want := []string{"POST /healthz", "GET /healthz", "GET /guide"}; !slices.Equal(logged, want) {
		t.Errorf("logged %q, want %q", logged, want)
	}
	for _, want := range []string{
		`guide_http_requests_total{code="200",method="GET",route="/healthz"} 2`,
		`guide_http_requests_total{code="200",method="HEAD",route="/healthz"} 1`,
		`guide_http_requests_total{code="405",method="POST",route="/healthz"} 1`,
	} {
		waitForMetric(t, m, want)
	}
}

// Request ids are random, not a counter that tells how many requests were
// served; behind a trusted proxy its well-formed X-Request-Id is kept.
func TestRequestIDs(t *testing.T) {
	t.Parallel()
	plain, _ := newTestServer(t, Config{})
	proxied, logs := newTestServer(t, Config{TrustProxy: true})
	seen := map[string]bool{}
	for range 3 {
		id := get(t, plain, "/guide", "X-Request-Id", "from-the-client").Header.Get("X-Request-Id")
		if len(id) < 22 || seen[id] || id == "from-the-client" {
			t.Errorf("request id %q: want at least 128 random bits, new each time, not the client's", id)
		}
		seen[id] = true
	}
	var ids []string
	for id := range seen {
		ids = append(ids, id)
	}
	if len(ids) == 3 && commonPrefix(ids[0], ids[1]) > 4 && commonPrefix(ids[1], ids[2]) > 4 {
		t.Errorf("ids %q share a prefix: a counter?", ids)
	}
	for in, kept := range map[string]bool{
		"0f8e2c1d9b7a4e3f8c2d1b0a9e8f7c6d":     true,
		"6ba7b810-9dad-11d1-80b4-00c04fd430c8": true,
		"bad id":                               false,
		"id\u202e":                             false,
		strings.Repeat("a", 65):                false,
	} {
		r := get(t, proxied, "/compare", "X-Request-Id", in)
		got := r.Header.Get("X-Request-Id")
		if (got == in) != kept {
			t.Errorf("behind the proxy, incoming %q: id %q (kept: want %v)", in, got, kept)
		}
		if kept {
			logs.waitFor(t, `"request_id":"`+in+`"`)
		}
	}
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// Requests that carry X-Forwarded-For while -trust-proxy is off get one
// warning, not one per request; with -trust-proxy, none.
func TestForwardedForWarning(t *testing.T) {
	t.Parallel()
	for _, trust := range []bool{false, true} {
		srv, logs := newTestServer(t, Config{TrustProxy: trust})
		for range 3 {
			wantStatus(t, get(t, srv, "/guide", "X-Forwarded-For", "203.0.113.9"), http.StatusOK)
		}
		logLines(t, logs, 3)
		n := strings.Count(logs.String(), "X-Forwarded-For but -trust-proxy is off")
		if want := map[bool]int{false: 1, true: 0}[trust]; n != want {
			t.Errorf("trust-proxy %v: %d warnings, want %d\n%s", trust, n, want, logs.String())
		}
	}
}

// The route in the log and the metrics is the pattern of the route whose
// path matched, whatever the status; a path no route matches has none
// (empty in the log, "unmatched" in the metrics).
func TestRouteLabels(t *testing.T) {
	t.Parallel()
	m := serve.NewMetrics(decision.Recommendations...)
	srv, logs := newTestServer(t, Config{Metrics: m})
	tests := []struct {
		method, path string
		status       int
		route        string
	}{
		{"GET", "/guide", 200, "/guide"},
		{"GET", "/guide/no-such-section", 404, "/guide/{slug}"},
		{"GET", "/no-such-page", 404, ""},
		{"GET", "/guide/", 301, ""},
		{"DELETE", "/guide", 405, "/guide"},
		{"PUT", "/which-role/result", 405, "/which-role/result"},
		{"GET", "/which-role/result?goal=zzz", 400, "/which-role/result"},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(tt.method, srv.URL+tt.path, nil)
		wantStatus(t, do(t, req), tt.status)
	}
	lines := logLines(t, logs, len(tests))
	for i, tt := range tests {
		if got := lines[i]["route"]; got != tt.route {
			t.Errorf("%s %s (%d): route %q in the log, want %q", tt.method, tt.path, tt.status, got, tt.route)
		}
		label := tt.route
		if label == "" {
			label = "unmatched"
		}
		waitForMetric(t, m, fmt.Sprintf(`guide_http_requests_total{code="%d",method="%s",route="%s"} 1`, tt.status, tt.method, label))
	}
}

// waitForMetric scrapes m until it shows want: a request is counted once
// its handler returns, which may be after the client has its answer.
func waitForMetric(t *testing.T, m *serve.Metrics, want string) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		rec := httptest.NewRecorder()
		m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
		if strings.Contains(rec.Body.String(), want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("/metrics lacks %s:\n%s", want, grepLines(rec.Body.String(), "guide_http_requests_total"))
		}
	}
}

func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
