package web

import (
	"fmt"
	"net/http"
	"testing"
	"time"
)

// Behind a trusted proxy the client is the right-most X-Forwarded-For
// entry, the one the proxy appended; whatever else the client sends (its
// own X-Forwarded-For entries, X-Real-IP) cannot choose its bucket.
func TestClientAddress(t *testing.T) {
	const form = "goal=nope"
	tests := []struct {
		name    string
		cfg     Config
		headers [][]string // one request each; all from the same client
		want    []int
	}{
		{"X-Real-IP from the client is ignored", Config{TrustProxy: true}, [][]string{
			{"X-Forwarded-For", "198.51.100.7", "X-Real-IP", "203.0.113.1"},
			{"X-Forwarded-For", "198.51.100.7", "X-Real-IP", "203.0.113.2"},
		}, []int{422, 429}},
		{"client-chosen X-Forwarded-For entries are ignored", Config{TrustProxy: true}, [][]string{
			{"X-Forwarded-For", "203.0.113.1, 198.51.100.7"},
			{"X-Forwarded-For", "203.0.113.2, 198.51.100.7"},
		}, []int{422, 429}},
		{"the proxy's entry tells clients apart", Config{TrustProxy: true}, [][]string{
			{"X-Forwarded-For", "203.0.113.1, 198.51.100.7"},
			{"X-Forwarded-For", "203.0.113.1, 198.51.100.8"},
		}, []int{422, 422}},
		{"a header the proxy sets, by name", Config{TrustProxy: true, ClientIPHeader: "x-real-ip"}, [][]string{
			{"X-Real-IP", "198.51.100.7", "X-Forwarded-For", "203.0.113.1"},
			{"X-Real-IP", "198.51.100.7", "X-Forwarded-For", "203.0.113.2"},
			{"X-Real-IP", "198.51.100.8"},
		}, []int{422, 429, 422}},
		{"without -trust-proxy every header is ignored", Config{}, [][]string{
			{"X-Forwarded-For", "198.51.100.7", "X-Real-IP", "198.51.100.7"},
			{"X-Forwarded-For", "198.51.100.8", "X-Real-IP", "198.51.100.8"},
		}, []int{422, 429}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.cfg.PostBurst, tt.cfg.PostRate = 1, time.Hour
			srv, logs := newTestServer(t, tt.cfg)
			for i, h := range tt.headers {
				wantStatus(t, postForm(t, srv, "/which-role", form, h...), tt.want[i])
			}
			if tt.cfg.TrustProxy {
				logs.waitFor(t, `"client_ip":"198.51.100.7"`) // the log uses the same address
			}
		})
	}
}

// A refused cross-site post does not use up the client's tokens.
func TestCrossOriginBeforeRateLimit(t *testing.T) {
	srv, _ := newTestServer(t, Config{PostBurst: 2, PostRate: time.Hour})
	for range 5 {
		wantStatus(t, postForm(t, srv, "/which-role", "goal=nope", "Sec-Fetch-Site", "cross-site"), http.StatusForbidden)
	}
	wantStatus(t, postForm(t, srv, "/which-role", "goal=nope"), http.StatusUnprocessableEntity)
}

// The limiter tracks at most max clients, forgetting the one seen least
// recently.
func TestLimiterIsBounded(t *testing.T) {
	l := newLimiter(time.Hour, 1, 100)
	now := time.Now()
	l.reserve("keep", now)
	for i := range 10_000 {
		l.reserve(fmt.Sprint("10.0.", i/256, ".", i%256), now)
		if i%50 == 0 {
			l.reserve("keep", now) // seen recently: never evicted
		}
	}
	if n := len(l.clients); n != 100 || l.order.Len() != 100 {
		t.Errorf("tracking %d clients (list %d), want 100", n, l.order.Len())
	}
	if ok, _ := l.reserve("keep", now); ok {
		t.Error("a client seen recently was forgotten: its bucket is full again")
	}
	if ok, _ := l.reserve("10.0.0.0", now); !ok {
		t.Error("the oldest client was not forgotten")
	}
}
