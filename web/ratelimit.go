package web

import (
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// limiter keeps one token bucket per client address.
type limiter struct {
	mu      sync.Mutex
	every   time.Duration
	burst   int
	clients map[string]*client
	swept   time.Time
}

type client struct {
	bucket *rate.Limiter
	seen   time.Time
}

func newLimiter(every time.Duration, burst int) *limiter {
	return &limiter{every: every, burst: burst, clients: map[string]*client{}, swept: time.Now()}
}

// reserve takes a token for addr; if none is left it returns how long until
// one is.
func (l *limiter) reserve(addr string, now time.Time) (ok bool, retryAfter time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	// Forget clients idle long enough for their bucket to be full again.
	idle := l.every * time.Duration(l.burst)
	if now.Sub(l.swept) > idle {
		for k, c := range l.clients {
			if now.Sub(c.seen) > idle {
				delete(l.clients, k)
			}
		}
		l.swept = now
	}
	c, found := l.clients[addr]
	if !found {
		c = &client{bucket: rate.NewLimiter(rate.Every(l.every), l.burst)}
		l.clients[addr] = c
	}
	c.seen = now
	if c.bucket.AllowN(now, 1) {
		return true, 0
	}
	r := c.bucket.ReserveN(now, 1)
	wait := r.DelayFrom(now)
	r.CancelAt(now)
	return false, wait
}

// clientAddr is the client's IP: the connection's peer, or, when the proxy
// is trusted, what it says in X-Real-IP or the last X-Forwarded-For hop.
func (s *server) clientAddr(r *http.Request) string {
	if s.cfg.TrustProxy {
		if ip := strings.TrimSpace(r.Header.Get("X-Real-Ip")); ip != "" {
			return ip
		}
		if xff := r.Header.Values("X-Forwarded-For"); len(xff) > 0 {
			hops := strings.Split(xff[len(xff)-1], ",")
			if ip := strings.TrimSpace(hops[len(hops)-1]); ip != "" {
				return ip
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// limitPosts answers 429 with Retry-After when a client posts too often.
func (s *server) limitPosts(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok, wait := s.limiter.reserve(s.clientAddr(r), time.Now())
		if !ok {
			secs := int(wait.Seconds() + 0.999)
			w.Header().Set("Retry-After", strconv.Itoa(max(secs, 1)))
			s.serveError(w, r, http.StatusTooManyRequests, "Too many requests",
				"This form was sent too many times in a short while. Please wait a moment and try again.")
			return
		}
		next.ServeHTTP(w, r)
	})
}
