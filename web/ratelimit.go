package web

import (
	"container/list"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// limiter keeps token buckets per client network, for at most max
// networks: when a new one arrives and the table is full, the one seen
// least recently is forgotten (an evicted client starts again with a full
// bucket, which only errs towards serving). A client is an IPv4 address or
// an IPv6 /64 (one customer's network: whoever holds one holds them all);
// an IPv6 address also draws on its /48's bucket, wideFactor times larger
// and faster, so that one site rotating through its 65,536 /64s gets
// wideFactor clients' share, not 65,536. Keys are fixed-size, so memory
// stays bounded whatever clients send.
//
// The server has two: one for form posts, one for answer-page cache misses
// (the pages built for a query: cache hits are never limited).
type limiter struct {
	mu      sync.Mutex
	every   time.Duration // one token per every, per address or /64
	burst   int
	max     int
	clients map[netip.Prefix]*list.Element // of *client
	order   list.List                      // front: seen most recently
}

// wideFactor is how many clients' budget an IPv6 /48 has.
const wideFactor = 4

type client struct {
	key    netip.Prefix
	bucket *rate.Limiter
}

func newLimiter(every time.Duration, burst, max int) *limiter {
	return &limiter{every: every, burst: burst, max: max, clients: map[netip.Prefix]*list.Element{}}
}

// limitKey is the bucket an address falls in: itself for IPv4, its /64
// for IPv6.
func limitKey(ip netip.Addr) netip.Prefix {
	bits := 32
	if ip.Is6() {
		bits = 64
	}
	p, _ := ip.Prefix(bits)
	return p
}

// reserve takes a token for ip from its own bucket and, for IPv6, from its
// /48's; if either has none left it takes neither and returns how long
// until both have one.
func (l *limiter) reserve(ip netip.Addr, now time.Time) (ok bool, retryAfter time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	own := l.bucket(limitKey(ip), l.every, l.burst).ReserveN(now, 1)
	wait := own.DelayFrom(now)
	var wide *rate.Reservation
	if ip.Is6() {
		site, _ := ip.Prefix(48)
		wide = l.bucket(site, l.every/wideFactor, l.burst*wideFactor).ReserveN(now, 1)
		wait = max(wait, wide.DelayFrom(now))
	}
	if wait == 0 {
		return true, 0
	}
	own.CancelAt(now)
	if wide != nil {
		wide.CancelAt(now)
	}
	return false, wait
}

// bucket is key's token bucket, made with every and burst if new. l.mu
// must be held.
func (l *limiter) bucket(key netip.Prefix, every time.Duration, burst int) *rate.Limiter {
	if e, found := l.clients[key]; found {
		l.order.MoveToFront(e)
		return e.Value.(*client).bucket
	}
	if l.order.Len() >= l.max {
		oldest := l.order.Back()
		delete(l.clients, oldest.Value.(*client).key)
		l.order.Remove(oldest)
	}
	c := &client{key: key, bucket: rate.NewLimiter(rate.Every(every), burst)}
	l.clients[key] = l.order.PushFront(c)
	return c.bucket
}

// allow takes a token for r's client, or returns the 429 to answer, after
// pause.
func (l *limiter) allow(s *server, r *http.Request, pause time.Duration) error {
	if ok, wait := l.reserve(s.clientIP(r), time.Now()); !ok {
		return &retryError{status: http.StatusTooManyRequests, after: wait, pause: pause}
	}
	return nil
}

// A retryError is answered with its status's page and Retry-After: 429
// past a client's budget, 503 when the server cannot take the work now.
// A client past its budget of misses is answered after a pause (while it
// waits, or until the server stops): a client flooding the server with
// misses on a few connections then sends a few requests a second, not
// thousands, each costing as much to refuse as a page costs to serve. A
// visitor never gets there.
type retryError struct {
	status int
	after  time.Duration
	pause  time.Duration
}

func (e *retryError) Error() string {
	return fmt.Sprintf("%d: retry after %s", e.status, e.after)
}

// setRetryAfter sets Retry-After to after in whole seconds, at least 1.
func setRetryAfter(w http.ResponseWriter, after time.Duration) {
	secs := int(after.Seconds() + 0.999)
	w.Header()["Retry-After"] = []string{strconv.Itoa(max(secs, 1))}
}

// clientAddr is the client's IP address, as the log shows it. By default
// it is the connection's peer. With TrustProxy, the server sits behind one
// proxy that appends the address it saw to X-Forwarded-For: the right-most
// entry is the only one the client cannot choose. ClientIPHeader names a
// header the proxy sets instead (X-Real-IP, CF-Connecting-IP…). An entry
// that is not an IP address is ignored, and the connection's peer used.
// Without TrustProxy, and for any header the proxy does not own, what the
// client sends is ignored.
func (s *server) clientAddr(r *http.Request) string {
	if s.cfg.TrustProxy {
		if v := lastEntry(r.Header[s.ipHeader]); v != "" {
			if _, ok := parseClientIP(v); ok {
				return v
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// clientIP is clientAddr parsed: the rate limit's key.
func (s *server) clientIP(r *http.Request) netip.Addr {
	ip, _ := parseClientIP(s.clientAddr(r))
	return ip
}

// parseClientIP reads an address as a proxy writes it: 192.0.2.1,
// 2001:db8::1, or either with a port ([2001:db8::1]:443). An IPv4 address
// mapped into IPv6 is taken as IPv4; a zone is dropped.
func parseClientIP(v string) (netip.Addr, bool) {
	if len(v) > 64 {
		return netip.Addr{}, false
	}
	ip, err := netip.ParseAddr(v)
	if err != nil {
		ap, err := netip.ParseAddrPort(v)
		if err != nil {
			return netip.Addr{}, false
		}
		ip = ap.Addr()
	}
	return ip.Unmap().WithZone(""), true
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
		if err := s.limiter.allow(s, r, 0); err != nil {
			s.serveErr(w, r, err)
			return
		}
		next.ServeHTTP(w, r)
	})
}
