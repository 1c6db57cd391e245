package web

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// Behind a trusted proxy the client is the right-most X-Forwarded-For
// entry, the one the proxy appended; whatever else the client sends (its
// own X-Forwarded-For entries, X-Real-IP) cannot choose its bucket.
func TestClientAddress(t *testing.T) {
	t.Parallel()
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
		{"an entry that is not an address falls back to the connection's", Config{TrustProxy: true}, [][]string{
			{"X-Forwarded-For", "junk-1"},
			{"X-Forwarded-For", strings.Repeat("j", 12<<10)},
			{"X-Forwarded-For", "198.51.100.7"},
		}, []int{422, 429, 422}},
		{"IPv6 clients are grouped by /64", Config{TrustProxy: true}, [][]string{
			{"X-Forwarded-For", "2001:db8:1:2::1"},
			{"X-Forwarded-For", "2001:db8:1:2:ffff:ffff:ffff:ffff"},
			{"X-Forwarded-For", "[2001:db8:1:3::1]:443"},
			{"X-Forwarded-For", "198.51.100.7"},
		}, []int{422, 429, 422, 422}},
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
	t.Parallel()
	srv, _ := newTestServer(t, Config{PostBurst: 2, PostRate: time.Hour})
	for range 5 {
		wantStatus(t, postForm(t, srv, "/which-role", "goal=nope", "Sec-Fetch-Site", "cross-site"), http.StatusForbidden)
	}
	wantStatus(t, postForm(t, srv, "/which-role", "goal=nope"), http.StatusUnprocessableEntity)
}

// Unique junk in X-Forwarded-For, as a flood would send, reaches the log
// as the connection's address (web/serve's TestForwardedForJunkTracksNothing:
// and makes no new limiter entries).
func TestForwardedForJunkTracksNothing(t *testing.T) {
	t.Parallel()
	var logs syncBuffer
	_, h, err := newServer(slogTo(io.Discard), loadSite(t), Config{TrustProxy: true, RequestLog: &logs, LogFormat: "json", Encodings: testEncodings(t)})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptestServer(t, h)
	for i := range 50 {
		postForm(t, srv, "/which-role", "goal=nope", "X-Forwarded-For", fmt.Sprint(i, strings.Repeat("x", 4<<10)))
	}
	logs.waitFor(t, `"client_ip":"127.0.0.1"`)
	if strings.Contains(logs.String(), "xxxx") {
		t.Error("the junk reached the log as a client address")
	}
}
