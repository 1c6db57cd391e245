package web

import (
	"crypto/rand"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"
)

// The request log: one line per request, built by hand (logline.go) in
// the shape NewLogHandler gives every other line, and handed to
// Config.RequestLog in one Write. Fields:
//
//	time, level, msg=request, method, path, route (the pattern of the route
//	whose path matched, whatever the status; empty when none did), status
//	(499 when the client closed its connection before the answer was done),
//	bytes (body bytes sent), duration_ms (float, ms), client_ip (after the
//	trusted-proxy rules), user_agent, request_id
//
// A GET or HEAD of exactly /healthz is not logged (probes would drown the
// log); every request, that one included, is counted in the metrics. The
// request id is also the X-Request-Id response header, and panic and error
// lines carry it.

// statusClientGone is the status logged (and counted) for a request whose
// client closed its connection before the answer was complete: nginx's 499.
const statusClientGone = 499

// recorder records what a handler sent, for the request log. It is
// allocated once per request and also holds the request id's header value.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int
	id     [1]string
}

func (w *recorder) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *recorder) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the real writer.
func (w *recorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// requestID is the id of the request w answers, or "".
func requestID(w http.ResponseWriter) string {
	if v := w.Header()["X-Request-Id"]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// newRequestID is the id of a request: the proxy's X-Request-Id when the
// proxy is trusted and the id well-formed, so that its log and ours join;
// else 128 random bits, which tell a client nothing about other requests.
func (s *server) newRequestID(r *http.Request) string {
	if s.cfg.TrustProxy {
		if v := r.Header["X-Request-Id"]; len(v) == 1 && wellFormedID(v[0]) {
			return v[0]
		}
	}
	return rand.Text()
}

// wellFormedID reports whether id is 1–64 letters, digits, '-', '_' or '.'
// (a UUID, nginx's $request_id, a hex or base32 string).
func wellFormedID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

// isHealthProbe reports whether r is the probe that goes unlogged: a GET
// or HEAD of exactly /healthz.
func isHealthProbe(r *http.Request) bool {
	return r.URL.Path == "/healthz" && r.URL.RawQuery == "" && (r.Method == http.MethodGet || r.Method == http.MethodHead)
}

// logRequests, the router's first middleware, sets X-Request-Id, counts
// every request in the metrics and writes one log line per request, with
// the pattern of the route that answered: the router's, once the handler
// has returned. A request refused with 405 has matched no route, so its
// pattern is looked up for its path.
func (s *server) logRequests(next http.Handler) http.Handler {
	out := s.cfg.RequestLog
	json := s.cfg.LogFormat == "json"
	// Each request log owns its buffers and its formatted second.
	buffers := sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}
	var stamps stampCache
	var warned atomic.Bool
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		rec.id[0] = s.newRequestID(r)
		w.Header()["X-Request-Id"] = rec.id[:]
		if !s.cfg.TrustProxy && r.Header["X-Forwarded-For"] != nil && !warned.Load() && !warned.Swap(true) {
			s.logger.Warn("requests carry X-Forwarded-For but -trust-proxy is off: every client behind the proxy shares one rate limit and one client_ip; set -trust-proxy (TRUST_PROXY=true) if exactly one proxy you run sets it",
				"client_ip", s.clientAddr(r))
		}
		defer func() {
			status := rec.status
			if status == 0 {
				status = http.StatusOK
			}
			if r.Context().Err() != nil {
				// The client closed the connection before the handler
				// returned: whatever was sent, it did not get it all.
				status = statusClientGone
			}
			now := time.Now()
			rctx := chi.RouteContext(r.Context())
			route := rctx.RoutePattern()
			if route == "" && status == http.StatusMethodNotAllowed {
				route = rctx.Routes.Find(chi.NewRouteContext(), http.MethodGet, r.URL.Path)
			}
			s.cfg.Metrics.observe(route, r.Method, status, now.Sub(start))
			if out == nil || isHealthProbe(r) {
				return
			}
			bp := buffers.Get().(*[]byte)
			line := requestLine{b: (*bp)[:0], json: json, sec: &stamps}
			line.begin(now)
			line.str("method", r.Method, maxLogField)
			line.str("path", r.URL.Path, maxLogField)
			line.str("route", route, -1)
			line.int("status", status)
			line.int("bytes", rec.bytes)
			line.millis("duration_ms", now.Sub(start))
			line.str("client_ip", s.clientAddr(r), maxLogField)
			line.str("user_agent", r.UserAgent(), maxLogField)
			line.str("request_id", rec.id[0], maxLogField)
			line.end()
			out.Write(line.b)
			*bp = line.b
			buffers.Put(bp)
		}()
		next.ServeHTTP(rec, r)
	})
}

// NewLogHandler is the handler of every log line, the request log's and
// the program's alike, so that they share one shape: slog's text or JSON
// ("json") format, times in UTC with milliseconds, every string made safe
// for a terminal or log viewer (safeLogString), and the fields a client
// chooses cut to maxLogField bytes; durations as Go durations ("5s").
// Lines below level are not written.
func NewLogHandler(w io.Writer, format string, level slog.Leveler) slog.Handler {
	opts := &slog.HandlerOptions{ReplaceAttr: replaceLogAttr, Level: level}
	if format == "json" {
		return slog.NewJSONHandler(w, opts)
	}
	return slog.NewTextHandler(w, opts)
}

// maxLogField bounds the fields a client chooses (the path, the user
// agent…): one client sending 15 KB user agents must not write megabytes
// of log a second.
const maxLogField = 256

const logTimeFormat = "2006-01-02T15:04:05.000Z"

func replaceLogAttr(groups []string, a slog.Attr) slog.Attr {
	switch a.Value.Kind() {
	case slog.KindDuration:
		// slog's JSON handler writes nanoseconds ("for":5000000000): a
		// Go duration ("5s") reads the same in both formats.
		a.Value = slog.StringValue(a.Value.Duration().String())
	case slog.KindTime:
		if a.Key == slog.TimeKey && len(groups) == 0 {
			// slog's JSON handler writes nanoseconds, its text handler
			// milliseconds: one fixed shape for both.
			a.Value = slog.StringValue(a.Value.Time().UTC().Format(logTimeFormat))
		}
	case slog.KindString:
		limit := -1
		switch a.Key {
		case "path", "user_agent", "method", "location", "request_id", "client_ip":
			limit = maxLogField
		}
		if v := a.Value.String(); !isSafeLogString(v, limit) {
			a.Value = slog.StringValue(safeLogString(v, limit))
		}
	}
	return a
}

// isSafeLogString reports whether s needs no change: no longer than limit
// (< 0: any length) and no rune that unsafeRune names.
func isSafeLogString(s string, limit int) bool {
	if limit >= 0 && len(s) > limit {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == 0x7f || c == 0xc2 || c == 0xd8 || c == 0xe2 || c == 0xef { // how the runes below begin
			return !strings.ContainsFunc(s[i:], unsafeRune)
		}
	}
	return true
}

// unsafeRune reports whether r may not reach a log raw: DEL, the C1
// controls (a terminal obeys U+009B as it does ESC [), the bidirectional
// controls (U+202E shows the rest of a line reversed in a viewer) and the
// byte-order mark. slog itself escapes the C0 controls, U+2028, U+2029 and
// invalid UTF-8 in both formats.
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x200e && r <= 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069,
		r == 0x061c, r == 0xfeff:
		return true
	}
	return false
}

// safeLogString cuts s to limit bytes (< 0: no limit), marking the cut with
// "…", and writes each unsafe rune as its \u escape in plain text, so the
// line shows what was sent without a terminal acting on it.
func safeLogString(s string, limit int) string {
	cut := false
	if limit >= 0 && len(s) > limit {
		s, cut = s[:limit], true
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		if r == utf8.RuneError && cut && len(s)-i < utf8.UTFMax {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				break // a rune split by the cut
			}
		}
		if !unsafeRune(r) {
			if r == utf8.RuneError {
				b.WriteString(s[i : i+runeLen(s[i:])])
			} else {
				b.WriteRune(r)
			}
			continue
		}
		const hex = "0123456789abcdef"
		b.WriteString(`\u`)
		b.WriteByte(hex[r>>12&0xf])
		b.WriteByte(hex[r>>8&0xf])
		b.WriteByte(hex[r>>4&0xf])
		b.WriteByte(hex[r&0xf])
	}
	if cut {
		b.WriteString("…")
	}
	return b.String()
}

// runeLen is the length of the rune (or invalid byte) starting s, so that
// invalid bytes pass through as they came, for slog to escape.
func runeLen(s string) int {
	_, size := utf8.DecodeRuneInString(s)
	return size
}
