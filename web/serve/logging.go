package serve

import (
	"cmp"
	"context"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-chi/chi/v5"
)

// The request log: one line per request, built by hand (RequestLine) in
// the shape NewLogHandler gives every other line, and handed to
// RequestLog.Out in one Write. Fields:
//
//	time, level, msg=request, method, path, route (the pattern of the route
//	whose path matched, whatever the status; empty when none did), status
//	(499 when the client left before it had the whole answer),
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
	ctx    context.Context // the request's: done when the client has gone
	status int
	bytes  int
	id     [1]string
	// cut is set when the client had gone by the time part of the answer
	// was written, or a write failed: it did not get all of it.
	cut bool
}

func (w *recorder) WriteHeader(code int) {
	w.status = cmp.Or(w.status, code)
	w.cut = w.cut || w.ctx.Err() != nil
	w.ResponseWriter.WriteHeader(code)
}

func (w *recorder) Write(b []byte) (int, error) {
	w.status = cmp.Or(w.status, http.StatusOK)
	w.cut = w.cut || w.ctx.Err() != nil
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	w.cut = w.cut || err != nil
	return n, err
}

// clientGone reports whether the client left before it had the answer:
// it had gone when a part was written (or a write failed), or it has gone
// now and nothing was written. A client that reads a whole answer and
// closes its connection at once, before the handler has returned, got it.
func (w *recorder) clientGone() bool {
	return w.ctx.Err() != nil && (w.cut || w.status == 0)
}

// Unwrap lets http.ResponseController reach the real writer.
func (w *recorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// isHealthProbe reports whether r is the probe that goes unlogged: a GET
// or HEAD of exactly /healthz.
func isHealthProbe(r *http.Request) bool {
	return r.URL.Path == "/healthz" && r.URL.RawQuery == "" && (r.Method == http.MethodGet || r.Method == http.MethodHead)
}

// A RequestLog is what LogRequests needs.
type RequestLog struct {
	Out    io.Writer // the request lines, one Write each (nil: none written)
	JSON   bool      // slog's JSON shape, not its text
	Logger *slog.Logger
	// TrustProxy takes the request id from a well-formed X-Request-Id;
	// without it, X-Forwarded-For in a request is warned of once.
	TrustProxy bool
	ClientAddr func(*http.Request) string // the client_ip field
	// Observe counts every request, the unlogged health probe included.
	Observe func(route, method string, status int, took time.Duration)
}

// LogRequests, the router's first middleware, sets X-Request-Id, counts
// every request in the metrics and writes one log line per request, with
// the pattern of the route that answered: the router's, once the handler
// has returned. A request refused with 405 has matched no route, so its
// pattern is looked up for its path.
func LogRequests(l RequestLog) func(http.Handler) http.Handler {
	out, json, s := l.Out, l.JSON, l
	// Each request log owns its buffers and its formatted second.
	buffers := sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}
	var stamps StampCache
	var warned atomic.Bool
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			rec := &recorder{ResponseWriter: w, ctx: r.Context()}
			rec.id[0] = NewRequestID(r, s.TrustProxy)
			w.Header()["X-Request-Id"] = rec.id[:]
			if !s.TrustProxy && r.Header["X-Forwarded-For"] != nil && !warned.Load() && !warned.Swap(true) {
				s.Logger.Warn("requests carry X-Forwarded-For but -trust-proxy is off: every client behind the proxy shares one rate limit and one client_ip; set -trust-proxy (TRUST_PROXY=true) if exactly one proxy you run sets it",
					"client_ip", s.ClientAddr(r))
			}
			defer func() {
				status := cmp.Or(rec.status, http.StatusOK)
				if rec.clientGone() {
					status = statusClientGone
				}
				now := time.Now()
				rctx := chi.RouteContext(r.Context())
				route := rctx.RoutePattern()
				if route == "" && status == http.StatusMethodNotAllowed {
					route = rctx.Routes.Find(chi.NewRouteContext(), http.MethodGet, r.URL.Path)
				}
				s.Observe(route, r.Method, status, now.Sub(start))
				if out == nil || isHealthProbe(r) {
					return
				}
				bp := buffers.Get().(*[]byte)
				line := RequestLine{B: (*bp)[:0], JSON: json, Stamps: &stamps}
				line.Begin(now)
				line.Str("method", r.Method, MaxLogField)
				line.Str("path", r.URL.Path, MaxLogField)
				line.Str("route", route, -1)
				line.Int("status", status)
				line.Int("bytes", rec.bytes)
				line.Millis("duration_ms", now.Sub(start))
				line.Str("client_ip", s.ClientAddr(r), MaxLogField)
				line.Str("user_agent", r.UserAgent(), MaxLogField)
				line.Str("request_id", rec.id[0], MaxLogField)
				line.End()
				out.Write(line.B)
				*bp = line.B
				buffers.Put(bp)
			}()
			next.ServeHTTP(rec, r)
		})
	}
}
