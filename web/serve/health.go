package serve

import (
	"net/http"
	"sync"
	"sync/atomic"
)

// Health is /healthz, the one answer to "may the load balancer send this
// server traffic": 200 "ok" until Drain, then 503 "draining", so that it
// stops before the shutdown. While draining, every response (the site's,
// or in -dev the page of content problems: see Wrap) also says
// Connection: close, so that each keep-alive client closes its connection
// after an answer instead of sending a request on an idle connection that
// the shutdown is about to close. The zero Health is ready; a nil one
// never drains.
//
// Stop, as the shutdown begins, drops the work queued and not started (the
// answer pages waiting for a build slot: their clients get 503 with
// Retry-After), so that the shutdown waits for the builds running, not for
// a queue.
type Health struct {
	draining atomic.Bool
	once     sync.Once
	stop     chan struct{}
	stopOnce sync.Once
}

// Stop drops the queued builds; every later miss is answered 503.
func (h *Health) Stop() {
	ch := h.Stopping()
	h.stopOnce.Do(func() { close(ch) })
}

// Stopping is closed by Stop.
func (h *Health) Stopping() chan struct{} {
	h.once.Do(func() { h.stop = make(chan struct{}) })
	return h.stop
}

// Drain makes /healthz answer 503 and every response close its connection.
func (h *Health) Drain() { h.draining.Store(true) }

// isDraining reports whether Drain was called.
func (h *Health) isDraining() bool { return h != nil && h.draining.Load() }

var (
	textPlain       = []string{"text/plain; charset=utf-8"}
	noStoreOnly     = []string{"no-store"}
	connectionClose = []string{"close"}
	healthzOK       = []byte("ok\n")
	healthzDraining = []byte("draining\n")
)

// ServeHTTP is GET /healthz. Load balancers, the container's HEALTHCHECK
// and the tests wait on it.
func (h *Health) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd["Content-Type"] = textPlain
	hd["Cache-Control"] = noStoreOnly
	if h.isDraining() {
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write(healthzDraining)
		return
	}
	w.Write(healthzOK)
}

// CloseWhileDraining is the middleware that asks clients to close their
// connection once the drain has begun.
func (h *Health) CloseWhileDraining(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h.isDraining() {
			w.Header()["Connection"] = connectionClose
		}
		next.ServeHTTP(w, r)
	})
}

// Wrap serves next, a handler that is not the site (in -dev, the page of
// content problems), with this /healthz and the drain's Connection: close.
func (h *Health) Wrap(next http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/healthz", h)
	mux.Handle("/", next)
	return h.CloseWhileDraining(mux)
}
