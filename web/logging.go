package web

import (
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/guide/pmvspm/web/serve"
)

// The request log: one line per request, built by hand (serve.RequestLine) in
// the shape serve.NewLogHandler gives every other line, and handed to
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
	var stamps serve.StampCache
	var warned atomic.Bool
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		rec.id[0] = serve.NewRequestID(r, s.cfg.TrustProxy)
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
			line := serve.RequestLine{B: (*bp)[:0], JSON: json, Stamps: &stamps}
			line.Begin(now)
			line.Str("method", r.Method, serve.MaxLogField)
			line.Str("path", r.URL.Path, serve.MaxLogField)
			line.Str("route", route, -1)
			line.Int("status", status)
			line.Int("bytes", rec.bytes)
			line.Millis("duration_ms", now.Sub(start))
			line.Str("client_ip", s.clientAddr(r), serve.MaxLogField)
			line.Str("user_agent", r.UserAgent(), serve.MaxLogField)
			line.Str("request_id", rec.id[0], serve.MaxLogField)
			line.End()
			out.Write(line.B)
			*bp = line.B
			buffers.Put(bp)
		}()
		next.ServeHTTP(rec, r)
	})
}
