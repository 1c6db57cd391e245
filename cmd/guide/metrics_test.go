package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestMetricsListener checks that -metrics-addr serves /metrics and the
// profiles on its own address, and that the public site serves neither.
func TestMetricsListener(t *testing.T) {
	metricsAddr := freeAddr(t)
	addr, _, _, _ := start(t, nil, "-metrics-addr", metricsAddr)
	if resp, err := http.Get("http://" + addr + "/guide"); err == nil {
		resp.Body.Close()
	}
	for _, tc := range []struct {
		url, want string
		status    int
	}{
		{"http://" + metricsAddr + "/metrics", `guide_http_requests_total{code="200",method="GET",route="/guide"}`, 200},
		{"http://" + metricsAddr + "/debug/pprof/", "goroutine", 200},
		{"http://" + addr + "/metrics", "", 404},
		{"http://" + addr + "/debug/pprof/", "", 404},
	} {
		resp, err := http.Get(tc.url)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || !strings.Contains(string(body), tc.want) {
			t.Errorf("GET %s = %d (want %d), body has %q: %v", tc.url, resp.StatusCode, tc.status, tc.want, strings.Contains(string(body), tc.want))
		}
	}
}
