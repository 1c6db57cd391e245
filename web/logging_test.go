package web

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
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

func TestJSONString(t *testing.T) {
	for _, in := range []string{"plain", `"q" \ /`, "tab\tnl\ncr\r\x00\x1f\x7f", "\xff\xfe ok \xc3", "\u2028\u2029", "é, 漢字, 🙂", "</script>"} {
		var out string
		if err := json.Unmarshal(appendJSONString(nil, in), &out); err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		if utf8.ValidString(in) && out != in || !utf8.ValidString(out) {
			t.Errorf("%q round-trips to %q", in, out)
		}
	}
}

// The request log line and id cost a few allocations, not slog's.
func TestRequestLogAllocations(t *testing.T) {
	allocs := func(cfg Config) float64 {
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
		if with-without > 3 {
			t.Errorf("%s: %.0f allocations a request with the log, %.0f without", format, with, without)
		}
	}
}

func TestLogTimeAndDuration(t *testing.T) {
	at := time.Date(2026, 11, 27, 18, 5, 9, 7_654_321, time.FixedZone("x", 3600))
	for range 2 { // the second time, from the cached second
		if got := string(appendTime(nil, at)); got != "2026-11-27T17:05:09.007Z" {
			t.Errorf("time %s", got)
		}
	}
	for d, want := range map[time.Duration]string{0: "0.000", 41 * time.Microsecond: "0.041", 1234567 * time.Microsecond: "1234.567", -5: "0.000"} {
		l := requestLine{json: true}
		l.millis("d", d)
		if got := string(l.b); got != `,"d":`+want {
			t.Errorf("%v: %s", d, got)
		}
	}
}
