package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/guide/pmvspm/web/decision"
	"github.com/guide/pmvspm/web/serve"
)

// TestMetricsListener checks that -metrics-addr serves /metrics and the
// profiles on its own address, and that the public site serves neither.
func TestMetricsListener(t *testing.T) {
	metricsAddr := freeAddr(t)
	addr, _, _, logs := start(t, nil, "-metrics-addr", metricsAddr)
	v, c := buildVersion()
	if !strings.Contains(logs.String(), "msg=starting version="+v+" commit="+c) {
		t.Errorf("the start-up log does not name the build (%s, %s):\n%s", v, c, logs.String())
	}
	resp, err := http.Get("http://" + addr + "/guide")
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	// The request is counted after its response is sent: wait for it.
	waitForBody(t, "http://"+metricsAddr+"/metrics", `route="/guide"`)
	for _, tc := range []struct {
		url, want string
		status    int
	}{
		{"http://" + metricsAddr + "/metrics", `guide_http_requests_total{code="200",method="GET",route="/guide"}`, 200},
		{"http://" + metricsAddr + "/metrics", `commit="` + c + `"`, 200},
		{"http://" + metricsAddr + "/metrics", `version="` + v + `"`, 200},
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

// waitForBody polls url until its body contains want.
func waitForBody(t *testing.T, url, want string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		resp, err := http.Get(url)
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if strings.Contains(string(body), want) {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never contained %q", url, want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// The metrics listener has the public one's limits: headers read within a
// deadline and bounded in size, idle connections closed.
func TestMetricsListenerLimits(t *testing.T) {
	ms := metricsServer(serve.NewMetrics(decision.Recommendations...))
	if ms.ReadHeaderTimeout <= 0 || ms.IdleTimeout <= 0 || ms.MaxHeaderBytes != maxHeaderBytes {
		t.Errorf("metrics server: read-header timeout %v, idle timeout %v, header limit %d; want both set and %d",
			ms.ReadHeaderTimeout, ms.IdleTimeout, ms.MaxHeaderBytes, maxHeaderBytes)
	}
	metricsAddr := freeAddr(t)
	start(t, nil, "-metrics-addr", metricsAddr)
	req, _ := http.NewRequest(http.MethodGet, "http://"+metricsAddr+"/metrics", nil)
	req.Header.Set("X-Padding", strings.Repeat("x", 32<<10))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("32 KB of headers to the metrics listener: %d, want 431", resp.StatusCode)
	}
}
