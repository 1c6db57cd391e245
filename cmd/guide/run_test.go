package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// freeAddr returns a loopback address nobody listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// start runs the program as main would, and waits for /healthz.
func start(t *testing.T, env map[string]string, args ...string) (addr string, cancel context.CancelFunc, done <-chan error, stdout *lockedBuffer) {
	t.Helper()
	stdout = &lockedBuffer{}
	addr, cancel, done = startWriting(t, stdout, env, args...)
	return addr, cancel, done, stdout
}

// startWriting is start with the program's stdout given; args come after
// the defaults (-addr, -drain 0, -base-url), so they can override them.
func startWriting(t *testing.T, stdout io.Writer, env map[string]string, args ...string) (addr string, cancel context.CancelFunc, done <-chan error) {
	t.Helper()
	addr = freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	getenv := func(k string) string { return env[k] }
	defaults := []string{"guide", "-addr", addr, "-drain", "0"}
	if env["BASE_URL"] == "" {
		// One base URL for every server (not localhost and its port), so
		// that their pages are the same bytes and compressed once
		// (sharedEncodings).
		defaults = append(defaults, "-base-url", "http://guide.test")
	}
	go func() {
		errc <- runWith(ctx, sharedEncodings, append(defaults, args...), getenv, stdout, io.Discard)
	}()
	// Start-up compresses every page: well under a second, but a machine
	// shared by many builds (and -race) can make it many times that. The
	// bound only stops a test that would otherwise hang.
	deadline := time.Now().Add(2 * time.Minute)
	for {
		resp, err := http.Get("http://" + addr + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		select {
		case err := <-errc:
			t.Fatalf("run returned early: %v", err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("server did not become healthy")
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Cleanup(cancel)
	return addr, cancel, errc
}

func TestRunServesAndStops(t *testing.T) {
	// BASE_URL from the environment (without it the base would be
	// http://localhost and the port); the tests' one base URL, so that the
	// pages are those already compressed (see startWriting).
	addr, cancel, done, stdout := start(t, map[string]string{"BASE_URL": "http://guide.test"}, "-log-format", "json")
	resp, err := http.Get("http://" + addr + "/guide")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.Contains(body, []byte(`href="http://guide.test/guide"`)) {
		t.Fatalf("GET /guide: %d, canonical from BASE_URL missing", resp.StatusCode)
	}
	if err := healthcheck(context.Background(), addr); err != nil {
		t.Errorf("healthcheck: %v", err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run: %v", err)
	}
	if !strings.Contains(stdout.String(), `"path":"/guide"`) {
		t.Errorf("request not logged as JSON:\n%s", stdout.String())
	}
}

// A request that is in flight when shutdown starts still gets its answer:
// here a form post whose handler is still reading the body.
func TestGracefulShutdown(t *testing.T) {
	addr, cancel, done, _ := start(t, nil)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body := "goal=new-product&decider=nobody-clearly&complexity=single-team&hires=one"
	fmt.Fprintf(conn, "POST /which-role HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\nExpect: 100-continue\r\n\r\n", len(body))
	// The server asks for the body once the handler starts reading it.
	br := bufio.NewReader(conn)
	if resp, err := http.ReadResponse(br, nil); err != nil || resp.StatusCode != http.StatusContinue {
		t.Fatalf("before the body: %v, %v; want 100 Continue", resp, err)
	}
	cancel() // SIGTERM
	// Shutdown has begun once the listener refuses new connections.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("still accepting connections 10 s after SIGTERM")
		}
	}
	fmt.Fprint(conn, body)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatalf("in-flight request lost: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("in-flight request: %d", resp.StatusCode)
	}
	if err := <-done; err != nil {
		t.Fatalf("run: %v", err)
	}
	if _, err := http.Get("http://" + addr + "/healthz"); err == nil {
		t.Error("still serving after shutdown")
	}
}

// A client that sends its headers byte by byte is cut off at the header
// timeout, and others are served meanwhile.
func TestSlowHeadersCutOff(t *testing.T) {
	addr, _, _, _ := start(t, nil, "-read-header-timeout", "300ms")
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	slowDone := make(chan time.Duration)
	go func() {
		begin := time.Now()
		for _, b := range []byte("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") {
			if _, err := conn.Write([]byte{b}); err != nil {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		slowDone <- time.Since(begin)
	}()
	// Meanwhile another client is served at once.
	resp, err := http.Get("http://" + addr + "/compare")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("other client: %v %v", resp, err)
	}
	resp.Body.Close()
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	buf := make([]byte, 512)
	_, err = conn.Read(buf)
	for err == nil { // the server may answer 408 first; then it must close
		_, err = conn.Read(buf)
	}
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		t.Fatal("slow client was not cut off")
	}
	if took := <-slowDone; took > 4*time.Second {
		t.Errorf("slow client kept its connection for %v", took)
	}
}

func TestConfig(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		addr    string
		baseURL string
		wantErr string
	}{
		{"defaults", nil, nil, ":8080", "http://localhost:8080", ""},
		{"PORT", nil, map[string]string{"PORT": "9000"}, ":9000", "http://localhost:9000", ""},
		{"ADDR wins over PORT", nil, map[string]string{"PORT": "9000", "ADDR": "127.0.0.1:7000"}, "127.0.0.1:7000", "http://localhost:7000", ""},
		{"flag wins over env", []string{"-addr", ":6000"}, map[string]string{"PORT": "9000"}, ":6000", "http://localhost:6000", ""},
		{"BASE_URL", nil, map[string]string{"BASE_URL": "https://hire.example"}, ":8080", "https://hire.example", ""},
		{"bad base URL", []string{"-base-url", "hire.example/path"}, nil, "", "", "-base-url"},
		{"bad log format", []string{"-log-format", "xml"}, nil, "", "", "log-format"},
		{"stray argument", []string{"serve"}, nil, "", "", "unexpected"},
		{"IPv6 address", []string{"-addr", "[::1]:7000"}, nil, "[::1]:7000", "http://localhost:7000", ""},
		{"bad PORT", nil, map[string]string{"PORT": "abc"}, "", "", `PORT="abc" is not a valid port number: use 1 to 65535`},
		{"PORT=0", nil, map[string]string{"PORT": "0"}, "", "", `PORT="0" is not a valid port number: use 1 to 65535`},
		{"bad -addr", []string{"-addr", "localhost"}, nil, "", "", `-addr "localhost" is not host:port`},
		{"bad ADDR names ADDR", nil, map[string]string{"ADDR": "localhost"}, "", "", `ADDR="localhost" is not host:port`},
		{"bad BASE_URL names BASE_URL", nil, map[string]string{"BASE_URL": "hire.example"}, "", "", `BASE_URL="hire.example" must be an origin`},
		{"base URL with a query", []string{"-base-url", "https://hire.example/?utm=x"}, nil, "", "", `-base-url "https://hire.example/?utm=x" must be an origin such as https://guide.example.com: a scheme and a host, with no path, query or fragment`},
		{"base URL with a fragment", nil, map[string]string{"BASE_URL": "https://hire.example#top"}, "", "", `BASE_URL="https://hire.example#top" must be an origin`},
		{"base URL with an empty query", nil, map[string]string{"BASE_URL": "https://hire.example?"}, "", "", `BASE_URL="https://hire.example?" must be an origin`},
		{"base URL with a user", nil, map[string]string{"BASE_URL": "https://me@hire.example"}, "", "", `must be an origin`},
		{"base URL with a trailing slash", nil, map[string]string{"BASE_URL": "https://hire.example/"}, ":8080", "https://hire.example/", ""},
		{"LOG_FORMAT names LOG_FORMAT", nil, map[string]string{"LOG_FORMAT": "xml"}, "", "", `LOG_FORMAT="xml": the log format is text or json`},
		{"metrics on the site's address", nil, map[string]string{"METRICS_ADDR": ":8080"}, "", "", `METRICS_ADDR=":8080" and -addr ":8080" collide: the metrics need an address of their own`},
		{"metrics on the site's port from PORT", nil, map[string]string{"METRICS_ADDR": "127.0.0.1:9000", "PORT": "9000"}, "", "", `METRICS_ADDR="127.0.0.1:9000" and PORT="9000" collide`},
		{"metrics on the site's port, flags", []string{"-addr", "127.0.0.1:7000", "-metrics-addr", "127.0.0.1:7000"}, nil, "", "", `-metrics-addr "127.0.0.1:7000" and -addr "127.0.0.1:7000" collide`},
		{"metrics on another host, same port", []string{"-addr", "127.0.0.1:7000", "-metrics-addr", "10.0.0.1:7000"}, nil, "127.0.0.1:7000", "http://localhost:7000", ""},
		{"negative shutdown timeout", []string{"-shutdown-timeout", "-1s"}, nil, "", "", "-shutdown-timeout -1s must not be negative"},
		{"no header timeout", []string{"-read-header-timeout", "0"}, nil, "", "", "-read-header-timeout 0s must be more than 0"},
		{"client IP header without the proxy", nil, map[string]string{"CLIENT_IP_HEADER": "X-Real-IP"}, "", "", `CLIENT_IP_HEADER="X-Real-IP" is set but TRUST_PROXY (-trust-proxy) is off`},
		{"client IP header not a header", []string{"-trust-proxy", "-client-ip-header", "X Real IP"}, nil, "", "", `-client-ip-header "X Real IP" is not a header name`},
		{"client IP header with the proxy", nil, map[string]string{"CLIENT_IP_HEADER": "X-Real-IP", "TRUST_PROXY": "true"}, ":8080", "http://localhost:8080", ""},
		{"dev listens on localhost", []string{"-dev"}, nil, "127.0.0.1:8080", "http://localhost:8080", ""},
		{"dev listens on loopback whatever PORT says", []string{"-dev"}, map[string]string{"PORT": "9000"}, "127.0.0.1:9000", "http://localhost:9000", ""},
		{"dev listens on loopback with an address of no host", []string{"-dev", "-addr", ":9000"}, nil, "127.0.0.1:9000", "http://localhost:9000", ""},
		{"dev keeps a host it is given", []string{"-dev"}, map[string]string{"ADDR": "0.0.0.0:9000"}, "0.0.0.0:9000", "http://localhost:9000", ""},
		{"bad MAX_CONNS", nil, map[string]string{"MAX_CONNS": "many"}, "", "", `MAX_CONNS="many" is not a whole number`},
		{"no connections", []string{"-max-conns", "0"}, nil, "", "", `-max-conns "0" must be at least 1`},
		{"bad MISS_BUDGET", nil, map[string]string{"MISS_BUDGET": "0"}, "", "", `MISS_BUDGET="0" must be at least 1`},
		{"bad boolean", nil, map[string]string{"HTTPS": "yes"}, "", "", `HTTPS="yes" is not a boolean`},
		{"bad TRUST_PROXY", nil, map[string]string{"TRUST_PROXY": "on"}, "", "", `TRUST_PROXY="on"`},
		{"bad DRAIN", nil, map[string]string{"DRAIN": "5"}, "", "", `DRAIN="5"`},
		{"negative drain", []string{"-drain", "-1s"}, nil, "", "", `-drain "-1s" must not be negative`},
		{"negative DRAIN", nil, map[string]string{"DRAIN": "-2s"}, "", "", `DRAIN="-2s" must not be negative`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := parseConfig(append([]string{"guide"}, tt.args...), func(k string) string { return tt.env[k] }, io.Discard)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || c.addr != tt.addr || c.baseURL != tt.baseURL {
				t.Errorf("got %q %q %v, want %q %q", c.addr, c.baseURL, err, tt.addr, tt.baseURL)
			}
		})
	}
}

// What works but may not be what was meant is said once, at start.
func TestConfigWarnings(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"ADDR and PORT", nil, map[string]string{"ADDR": ":7000", "PORT": "9000"}, `ADDR and PORT are both set: listening on ADDR=":7000"; PORT="9000" is ignored`},
		{"no shutdown time", []string{"-shutdown-timeout", "0"}, nil, "-shutdown-timeout is 0"},
		{"metrics on every interface", nil, map[string]string{"METRICS_ADDR": ":9090"}, `METRICS_ADDR=":9090" is every interface: /metrics and /debug/pprof/`},
		{"dev on every interface", []string{"-dev", "-addr", "0.0.0.0:8080"}, nil, `-dev is listening on -addr "0.0.0.0:8080", which is every interface`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := parseConfig(append([]string{"guide"}, tt.args...), func(k string) string { return tt.env[k] }, io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			if len(c.warnings) != 1 || !strings.Contains(c.warnings[0], tt.want) {
				t.Errorf("warnings = %q, want one containing %q", c.warnings, tt.want)
			}
		})
	}
	c, err := parseConfig([]string{"guide"}, func(string) string { return "" }, io.Discard)
	if err != nil || len(c.warnings) != 0 {
		t.Errorf("defaults: %v, warnings %q", err, c.warnings)
	}
}

// -dev is for an editor's machine: no drain, so Ctrl-C stops it at once.
func TestDevSkipsTheDrain(t *testing.T) {
	for _, tt := range []struct {
		args []string
		env  map[string]string
		want time.Duration
	}{
		{[]string{"-dev"}, nil, 0},
		{[]string{"-dev", "-drain", "2s"}, nil, 2 * time.Second},
		{[]string{"-dev"}, map[string]string{"DRAIN": "3s"}, 3 * time.Second},
		{nil, nil, 5 * time.Second},
	} {
		c, err := parseConfig(append([]string{"guide"}, tt.args...), func(k string) string { return tt.env[k] }, io.Discard)
		if err != nil || c.drain != tt.want {
			t.Errorf("%v %v: drain %v, %v; want %v", tt.args, tt.env, c.drain, err, tt.want)
		}
	}
}

func TestVersion(t *testing.T) {
	var stdout bytes.Buffer
	if err := run(context.Background(), []string{"guide", "-version"}, func(string) string { return "" }, &stdout, io.Discard); err != nil {
		t.Fatal(err)
	}
	v, c := buildVersion()
	if got, want := stdout.String(), "guide "+v+" (commit "+c+")\n"; got != want {
		t.Errorf("-version printed %q, want %q", got, want)
	}
	defer func(v, c string) { version, commit = v, c }(version, commit)
	version, commit = "v1.2.3", "abc1234"
	if v, c := buildVersion(); v != "v1.2.3" || c != "abc1234" {
		t.Errorf("stamped build = %s %s, want v1.2.3 abc1234", v, c)
	}
}

func TestHelpExitsZero(t *testing.T) {
	var stderr bytes.Buffer
	if err := run(context.Background(), []string{"guide", "-h"}, func(string) string { return "" }, io.Discard, &stderr); err != nil {
		t.Errorf("-h: %v", err)
	}
	if !strings.Contains(stderr.String(), "-drain") {
		t.Errorf("-h printed no usage:\n%s", stderr.String())
	}
}

func TestHealthcheckFailsWithoutServer(t *testing.T) {
	if err := run(context.Background(), []string{"guide", "-healthcheck", "-addr", freeAddr(t)}, func(string) string { return "" }, io.Discard, io.Discard); err == nil {
		t.Error("healthcheck passed with no server")
	}
}

// Start-up lines and request lines share one time format (UTC, with
// milliseconds), in both log formats.
func TestOneTimeFormat(t *testing.T) {
	stamp := regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$`)
	for _, format := range []string{"text", "json"} {
		addr, cancel, done, stdout := start(t, nil, "-log-format", format)
		resp, err := http.Get("http://" + addr + "/guide")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		cancel()
		<-done
		var times []string
		for _, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
			if format == "json" {
				var m map[string]any
				if err := json.Unmarshal([]byte(line), &m); err != nil {
					t.Fatalf("%s: %v", line, err)
				}
				times = append(times, fmt.Sprint(m["time"]))
				continue
			}
			tm, _, _ := strings.Cut(strings.TrimPrefix(line, "time="), " ")
			times = append(times, tm)
		}
		if len(times) < 3 {
			t.Fatalf("%s: %d lines, want start-up lines and a request line:\n%s", format, len(times), stdout.String())
		}
		for _, tm := range times {
			if !stamp.MatchString(tm) {
				t.Errorf("%s: time %q, want 2006-01-02T15:04:05.000Z in every line:\n%s", format, tm, stdout.String())
			}
		}
	}
}
