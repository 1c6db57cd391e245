package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"testing"
	"time"
	"unicode/utf8"
)

// The request line is written by hand (logline.go) because through slog it
// cost three times the rest of serving a cached page (doc/performance.md,
// "The request line: slog or by hand"). TestRequestLineAsSlog keeps the two
// writing the same bytes, so that BenchmarkRequestLine compares like with
// like: run
//
//	go test ./web/serve -run '^$' -bench RequestLine -benchmem
//
// when Go or slog changes, to see whether the hand-written line still pays.

var requestLineFields = struct {
	method, path, route, clientIP, userAgent, id string
	status, bytes                                int
	took                                         time.Duration
}{"GET", "/guide", "/guide", "192.0.2.7", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)", "0f3a9c2e71b4d805", 200, 14210, 1234567 * time.Nanosecond}

func handWrittenLine(l *RequestLine, now time.Time) {
	f := requestLineFields
	l.Begin(now)
	l.Str("method", f.method, MaxLogField)
	l.Str("path", f.path, MaxLogField)
	l.Str("route", f.route, -1)
	l.Int("status", f.status)
	l.Int("bytes", f.bytes)
	l.Millis("duration_ms", f.took)
	l.Str("client_ip", f.clientIP, MaxLogField)
	l.Str("user_agent", f.userAgent, MaxLogField)
	l.Str("request_id", f.id, MaxLogField)
	l.End()
}

// slogLine writes the same line through NewLogHandler, as the server did
// before the line was written by hand.
func slogLine(h slog.Handler, now time.Time) {
	f := requestLineFields
	us := f.took.Microseconds()
	rec := slog.NewRecord(now, slog.LevelInfo, "request", 0)
	rec.AddAttrs(
		slog.String("method", f.method),
		slog.String("path", f.path),
		slog.String("route", f.route),
		slog.Int("status", f.status),
		slog.Int("bytes", f.bytes),
		slog.Any("duration_ms", json3(us)),
		slog.String("client_ip", f.clientIP),
		slog.String("user_agent", f.userAgent),
		slog.String("request_id", f.id),
	)
	h.Handle(context.Background(), rec)
}

// json3 is a millisecond count with three decimals, written bare in both formats.
type json3 int64

func (m json3) MarshalJSON() ([]byte, error) { return m.text(), nil }
func (m json3) MarshalText() ([]byte, error) { return m.text(), nil }
func (m json3) text() []byte {
	return appendMilli(append(appendInt(nil, int64(m)/1000), '.'), int(m%1000))
}

func appendInt(b []byte, n int64) []byte {
	if n >= 10 {
		b = appendInt(b, n/10)
	}
	return append(b, byte('0'+n%10))
}

func TestRequestLineAsSlog(t *testing.T) {
	now := time.Date(2026, 12, 6, 21, 45, 3, 250_000_000, time.UTC)
	for _, format := range []string{"text", "json"} {
		var viaSlog bytes.Buffer
		slogLine(NewLogHandler(&viaSlog, format, slog.LevelInfo), now)
		line := RequestLine{JSON: format == "json", Stamps: &StampCache{}}
		handWrittenLine(&line, now)
		if got, want := string(line.B), viaSlog.String(); got != want {
			t.Errorf("%s: by hand\n%s\nthrough slog\n%s", format, got, want)
		}
	}
}

func BenchmarkRequestLine(b *testing.B) {
	now := time.Now()
	for _, format := range []string{"text", "json"} {
		b.Run(format+"/by-hand", func(b *testing.B) {
			var stamps StampCache
			buf := make([]byte, 0, 512)
			b.ReportAllocs()
			for b.Loop() {
				line := RequestLine{B: buf[:0], JSON: format == "json", Stamps: &stamps}
				handWrittenLine(&line, now)
				buf = line.B
			}
		})
		b.Run(format+"/slog", func(b *testing.B) {
			var out bytes.Buffer
			h := NewLogHandler(&out, format, slog.LevelInfo)
			b.ReportAllocs()
			for b.Loop() {
				out.Reset()
				slogLine(h, now)
			}
		})
	}
}

func TestLogTimeAndDuration(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 11, 27, 18, 5, 9, 7_654_321, time.FixedZone("x", 3600))
	var stamps StampCache
	for range 2 { // the second time, from the cached second
		if got := string(stamps.appendTime(nil, at)); got != "2026-11-27T17:05:09.007Z" || got != at.UTC().Format(logTimeFormat) {
			t.Errorf("time %s", got)
		}
	}
	for d, want := range map[time.Duration]string{0: "0.000", 41 * time.Microsecond: "0.041", 1234567 * time.Microsecond: "1234.567", -5: "0.000"} {
		l := RequestLine{JSON: true}
		l.Millis("d", d)
		if got := string(l.B); got != `,"d":`+want {
			t.Errorf("%v: %s", d, got)
		}
	}
}

func TestJSONString(t *testing.T) {
	t.Parallel()
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
