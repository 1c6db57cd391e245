package serve

import (
	"container/list"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// A Limiter keeps token buckets per client network, for at most max
// networks: when a new one arrives and the table is full, the one seen
// least recently is forgotten (an evicted client starts again with a full
// bucket, which only errs towards serving). A client is an IPv4 address or
// an IPv6 /64 (one customer's network: whoever holds one holds them all);
// an IPv6 address also draws on its /48's bucket, WideFactor times larger
// and faster, so that one site rotating through its 65,536 /64s gets
// WideFactor clients' share, not 65,536. Keys are fixed-size, so memory
// stays bounded whatever clients send.
//
// The site has two: one for form posts, one for answer-page cache misses
// (the pages built for a query: cache hits are never limited).
type Limiter struct {
	mu      sync.Mutex
	every   time.Duration // one token per every, per address or /64
	burst   int
	max     int
	clients map[netip.Prefix]*list.Element // of *client
	order   list.List                      // front: seen most recently
}

// WideFactor is how many clients' budget an IPv6 /48 has.
const WideFactor = 4

type client struct {
	key    netip.Prefix
	bucket *rate.Limiter
}

// NewLimiter gives each client burst tokens at once, then one every every,
// for at most max clients.
func NewLimiter(every time.Duration, burst, max int) *Limiter {
	return &Limiter{every: every, burst: burst, max: max, clients: map[netip.Prefix]*list.Element{}}
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

// Reserve takes a token for ip from its own bucket and, for IPv6, from its
// /48's; if either has none left it takes neither and returns how long
// until both have one.
func (l *Limiter) Reserve(ip netip.Addr, now time.Time) (ok bool, retryAfter time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	own := l.bucket(limitKey(ip), l.every, l.burst).ReserveN(now, 1)
	wait := own.DelayFrom(now)
	var wide *rate.Reservation
	if ip.Is6() {
		site, _ := ip.Prefix(48)
		wide = l.bucket(site, l.every/WideFactor, l.burst*WideFactor).ReserveN(now, 1)
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
func (l *Limiter) bucket(key netip.Prefix, every time.Duration, burst int) *rate.Limiter {
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

// ClientAddrs reads a request's client address. TrustProxy and Header
// (in canonical form) are the site's settings: see Addr.
type ClientAddrs struct {
	TrustProxy bool
	Header     string
}

// Addr is the client's IP address, as the log shows it. By default
// it is the connection's peer. With TrustProxy, the server sits behind one
// proxy that appends the address it saw to X-Forwarded-For: the right-most
// entry is the only one the client cannot choose. ClientIPHeader names a
// header the proxy sets instead (X-Real-IP, CF-Connecting-IP…). An entry
// that is not an IP address is ignored, and the connection's peer used.
// Without TrustProxy, and for any header the proxy does not own, what the
// client sends is ignored.
func (c ClientAddrs) Addr(r *http.Request) string {
	if c.TrustProxy {
		if v := lastEntry(r.Header[c.Header]); v != "" {
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

// IP is Addr parsed: the rate limit's key.
func (c ClientAddrs) IP(r *http.Request) netip.Addr {
	ip, _ := parseClientIP(c.Addr(r))
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
