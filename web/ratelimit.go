package web

import (
	"container/list"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// limiter keeps one token bucket per client address, for at most max
// clients: when a new one arrives and the table is full, the client seen
// least recently is forgotten (an evicted client starts again with a full
// bucket, which only errs towards serving). Memory stays bounded whatever
// the number of addresses.
type limiter struct {
	mu      sync.Mutex
	every   time.Duration
	burst   int
	max     int
	clients map[string]*list.Element // of *client
	order   list.List                // front: seen most recently
}

type client struct {
	addr   string
	bucket *rate.Limiter
}

func newLimiter(every time.Duration, burst, max int) *limiter {
	return &limiter{every: every, burst: burst, max: max, clients: map[string]*list.Element{}}
}

// reserve takes a token for addr; if none is left it returns how long until
// one is.
func (l *limiter) reserve(addr string, now time.Time) (ok bool, retryAfter time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var c *client
	if e, found := l.clients[addr]; found {
		l.order.MoveToFront(e)
		c = e.Value.(*client)
	} else {
		if l.order.Len() >= l.max {
			oldest := l.order.Back()
			delete(l.clients, oldest.Value.(*client).addr)
			l.order.Remove(oldest)
		}
		c = &client{addr: strings.Clone(addr), bucket: rate.NewLimiter(rate.Every(l.every), l.burst)}
		l.clients[c.addr] = l.order.PushFront(c)
	}
	if c.bucket.AllowN(now, 1) {
		return true, 0
	}
	r := c.bucket.ReserveN(now, 1)
	wait := r.DelayFrom(now)
	r.CancelAt(now)
	return false, wait
}

// clientAddr is the client's IP. By default it is the connection's peer.
// With TrustProxy, the server sits behind one proxy that appends the
// address it saw to X-Forwarded-For: the right-most entry is the only one
// the client cannot choose. ClientIPHeader names a header the proxy sets
// instead (X-Real-IP, CF-Connecting-IP…). Without TrustProxy, and for any
// header the proxy does not own, what the client sends is ignored.
func (s *server) clientAddr(r *http.Request) string {
	if s.cfg.TrustProxy {
		if ip := lastEntry(r.Header[s.ipHeader]); ip != "" {
			return ip
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// lastEntry is the right-most entry of a comma-separated header that may
// be sent more than once.
func lastEntry(values []string) string {
	if len(values) == 0 {
		return ""
	}
	v := values[len(values)-1]
	if i := strings.LastIndexByte(v, ','); i >= 0 {
		v = v[i+1:]
	}
	return strings.TrimSpace(v)
}

// limitPosts answers 429 with Retry-After when a client posts too often.
func (s *server) limitPosts(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok, wait := s.limiter.reserve(s.clientAddr(r), time.Now())
		if !ok {
			secs := int(wait.Seconds() + 0.999)
			w.Header()["Retry-After"] = []string{strconv.Itoa(max(secs, 1))}
			s.serveError(w, r, http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}
