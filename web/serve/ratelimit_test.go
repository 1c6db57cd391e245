package serve

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"
)

// The limiter tracks at most max clients, forgetting the one seen least
// recently.
func TestLimiterIsBounded(t *testing.T) {
	t.Parallel()
	l := NewLimiter(time.Hour, 1, 100)
	now := time.Now()
	keep := netip.MustParseAddr("192.0.2.1")
	l.Reserve(keep, now)
	for i := range 10_000 {
		l.Reserve(netip.AddrFrom4([4]byte{10, 0, byte(i / 256), byte(i % 256)}), now)
		if i%50 == 0 {
			l.Reserve(keep, now) // seen recently: never evicted
		}
	}
	if n := len(l.clients); n != 100 || l.order.Len() != 100 {
		t.Errorf("tracking %d clients (list %d), want 100", n, l.order.Len())
	}
	if ok, _ := l.Reserve(keep, now); ok {
		t.Error("a client seen recently was forgotten: its bucket is full again")
	}
	if ok, _ := l.Reserve(netip.MustParseAddr("10.0.0.0"), now); !ok {
		t.Error("the oldest client was not forgotten")
	}
}

// Unique junk in X-Forwarded-For, as a flood would send, makes no new
// limiter entries: it is read as the connection's address.
func TestForwardedForJunkTracksNothing(t *testing.T) {
	t.Parallel()
	l := NewLimiter(time.Hour, 100, 100)
	c := ClientAddrs{TrustProxy: true, Header: "X-Forwarded-For"}
	now := time.Now()
	for i := range 50 {
		r := httptest.NewRequest(http.MethodPost, "/which-role", nil)
		r.Header.Set("X-Forwarded-For", fmt.Sprint(i, strings.Repeat("x", 4<<10)))
		l.Reserve(c.IP(r), now)
	}
	if n := len(l.clients); n != 1 {
		t.Errorf("50 junk X-Forwarded-For values: %d limiter entries, want 1 (the connection's)", n)
	}
}
