package web

import (
	"bytes"
	"context"
	"log/slog"
	"testing"
	"time"
)

// The request line is written by hand (logline.go) because through slog it
// cost three times the rest of serving a cached page (doc/performance.md,
// "The request line: slog or by hand"). TestRequestLineAsSlog keeps the two
// writing the same bytes, so that BenchmarkRequestLine compares like with
// like: run
//
//	go test ./web -run '^$' -bench RequestLine -benchmem
//
// when Go or slog changes, to see whether the hand-written line still pays.

var requestLineFields = struct {
	method, path, route, clientIP, userAgent, id string
	status, bytes                                int
	took                                         time.Duration
}{"GET", "/guide", "/guide", "192.0.2.7", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)", "0f3a9c2e71b4d805", 200, 14210, 1234567 * time.Nanosecond}

func handWrittenLine(l *requestLine, now time.Time) {
	f := requestLineFields
	l.begin(now)
	l.str("method", f.method, maxLogField)
	l.str("path", f.path, maxLogField)
	l.str("route", f.route, -1)
	l.int("status", f.status)
	l.int("bytes", f.bytes)
	l.millis("duration_ms", f.took)
	l.str("client_ip", f.clientIP, maxLogField)
	l.str("user_agent", f.userAgent, maxLogField)
	l.str("request_id", f.id, maxLogField)
	l.end()
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
		line := requestLine{json: format == "json", sec: &stampCache{}}
		handWrittenLine(&line, now)
		if got, want := string(line.b), viaSlog.String(); got != want {
			t.Errorf("%s: by hand\n%s\nthrough slog\n%s", format, got, want)
		}
	}
}

func BenchmarkRequestLine(b *testing.B) {
	now := time.Now()
	for _, format := range []string{"text", "json"} {
		b.Run(format+"/by-hand", func(b *testing.B) {
			var stamps stampCache
			buf := make([]byte, 0, 512)
			b.ReportAllocs()
			for b.Loop() {
				line := requestLine{b: buf[:0], json: format == "json", sec: &stamps}
				handWrittenLine(&line, now)
				buf = line.b
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
