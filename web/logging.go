package web

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

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
	route  string // the route pattern that answered; see recordRoute
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

// recordRoute, the router's first middleware, tells the request log which
// route pattern answered: the log sits outside the router, where chi's
// routing context is not visible.
func recordRoute(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
		if rec, ok := w.(*recorder); ok {
			if rctx := chi.RouteContext(r.Context()); rctx != nil {
				rec.route = rctx.RoutePattern()
			}
		}
	})
}

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
			route := rec.route
			now := time.Now()
			s.cfg.Metrics.observe(route, r.Method, status, now.Sub(start))
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
