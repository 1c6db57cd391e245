package web

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"
)

// The request log: one line per request, built by hand into a reused
// buffer (slog's generic handler costs more than the rest of a cached
// page) and handed to Config.RequestLog in one Write. Fields:
//
//	time, level, msg=request, method, path, route (the route pattern, empty
//	for a 404), status, bytes (body bytes sent), duration_ms (float, ms),
//	client_ip (after the trusted-proxy rules), user_agent, request_id
//
// /healthz is not logged. The request id is also the X-Request-Id response
// header, and panic and error lines carry it.

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

// requestIDs makes short, unique request ids: a random prefix per process
// and a counter.
type requestIDs struct {
	prefix [9]byte // 8 hex digits and '-'
	n      atomic.Uint64
}

func newRequestIDs() *requestIDs {
	var b [4]byte
	rand.Read(b[:])
	ids := &requestIDs{}
	hex.Encode(ids.prefix[:8], b[:])
	ids.prefix[8] = '-'
	return ids
}

func (ids *requestIDs) next() string {
	var buf [32]byte
	return string(strconv.AppendUint(append(buf[:0], ids.prefix[:]...), ids.n.Add(1), 10))
}

var lineBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

// logRequests sets X-Request-Id and writes one log line per request.
func (s *server) logRequests(next http.Handler) http.Handler {
	out := s.cfg.RequestLog
	if out == nil {
		return next
	}
	ids := newRequestIDs()
	json := s.cfg.LogFormat == "json"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/healthz" {
			next.ServeHTTP(w, r)
			return
		}
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		rec.id[0] = ids.next()
		w.Header()["X-Request-Id"] = rec.id[:]
		defer func() {
			status := rec.status
			if status == 0 {
				status = http.StatusOK
			}
			route := ""
			if rctx := chi.RouteContext(r.Context()); rctx != nil {
				route = rctx.RoutePattern()
			}
			now := time.Now()
			bp := lineBuffers.Get().(*[]byte)
			line := requestLine{b: (*bp)[:0], json: json}
			line.begin(now)
			line.str("method", r.Method)
			line.str("path", r.URL.Path)
			line.str("route", route)
			line.int("status", status)
			line.int("bytes", rec.bytes)
			line.millis("duration_ms", now.Sub(start))
			line.str("client_ip", s.clientAddr(r))
			line.str("user_agent", r.UserAgent())
			line.str("request_id", rec.id[0])
			line.end()
			out.Write(line.b)
			*bp = line.b
			lineBuffers.Put(bp)
		}()
		next.ServeHTTP(rec, r)
	})
}

// requestLine appends a log line in slog's text or JSON shape.
type requestLine struct {
	b    []byte
	json bool
}

func (l *requestLine) begin(t time.Time) {
	if l.json {
		l.b = append(l.b, `{"time":"`...)
		l.b = appendTime(l.b, t)
		l.b = append(l.b, `","level":"INFO","msg":"request"`...)
		return
	}
	l.b = append(l.b, "time="...)
	l.b = appendTime(l.b, t)
	l.b = append(l.b, " level=INFO msg=request"...)
}

// A second's worth of formatted time, shared: formatting a time with a
// layout costs a fifth of a cached page, appending millis almost nothing.
type stampedSecond struct {
	unix  int64
	stamp []byte // 2006-01-02T15:04:05 in UTC
}

var lastSecond atomic.Pointer[stampedSecond]

// appendTime appends t in UTC as 2006-01-02T15:04:05.000Z.
func appendTime(b []byte, t time.Time) []byte {
	t = t.UTC()
	sec := lastSecond.Load()
	if sec == nil || sec.unix != t.Unix() {
		sec = &stampedSecond{unix: t.Unix(), stamp: t.AppendFormat(nil, "2006-01-02T15:04:05")}
		lastSecond.Store(sec)
	}
	b = append(b, sec.stamp...)
	return append(appendMilli(append(b, '.'), t.Nanosecond()/1e6), 'Z')
}

// appendMilli appends 0 <= n < 1000 as three digits.
func appendMilli(b []byte, n int) []byte {
	return append(b, byte('0'+n/100), byte('0'+n/10%10), byte('0'+n%10))
}

func (l *requestLine) key(k string) {
	if l.json {
		l.b = append(l.b, `,"`...)
		l.b = append(l.b, k...)
		l.b = append(l.b, `":`...)
		return
	}
	l.b = append(l.b, ' ')
	l.b = append(l.b, k...)
	l.b = append(l.b, '=')
}

func (l *requestLine) str(k, v string) {
	l.key(k)
	if l.json {
		l.b = appendJSONString(l.b, v)
	} else if needsQuoting(v) {
		l.b = strconv.AppendQuote(l.b, v)
	} else {
		l.b = append(l.b, v...)
	}
}

func (l *requestLine) int(k string, v int) {
	l.key(k)
	l.b = strconv.AppendInt(l.b, int64(v), 10)
}

// millis appends d in milliseconds with three decimals (microseconds).
func (l *requestLine) millis(k string, d time.Duration) {
	l.key(k)
	us := max(d.Microseconds(), 0)
	l.b = strconv.AppendInt(l.b, us/1000, 10)
	l.b = appendMilli(append(l.b, '.'), int(us%1000))
}

func (l *requestLine) end() {
	if l.json {
		l.b = append(l.b, '}')
	}
	l.b = append(l.b, '\n')
}

// needsQuoting reports whether a text value must be quoted to stay one
// unambiguous key=value pair, as slog's text handler decides.
func needsQuoting(s string) bool {
	if s == "" {
		return true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c == '=' || c == '"' || c == '\\' || c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// appendJSONString appends s as a JSON string: quotes, backslashes and
// control characters escaped, invalid UTF-8 replaced, and U+2028/U+2029
// escaped for JavaScript readers.
func appendJSONString(b []byte, s string) []byte {
	const hexDigits = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != 0x7f {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
