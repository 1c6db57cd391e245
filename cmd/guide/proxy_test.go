package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// nginxMain is the least nginx needs around the shipped site config
// (deploy/nginx/guide.conf) to run unprivileged in a test: everything it
// writes goes to the test's directory.
const nginxMain = `
daemon off;
master_process off;
pid {{dir}}/nginx.pid;
error_log {{dir}}/error.log warn;
events { worker_connections 128; }
http {
	access_log off;
	client_body_temp_path {{dir}}/body;
	proxy_temp_path {{dir}}/proxy;
	fastcgi_temp_path {{dir}}/fastcgi;
	uwsgi_temp_path {{dir}}/uwsgi;
	scgi_temp_path {{dir}}/scgi;
	include {{dir}}/guide.conf;
}
`

// A front is nginx running the shipped config: its HTTPS and HTTP
// addresses, and the certificate pool that trusts it.
type front struct {
	https, http string
	roots       *x509.CertPool
}

// startNginx runs Debian's nginx with deploy/nginx/guide.conf in front of
// upstream, changing only its ports and paths. Outside CI the test is
// skipped when nginx is missing; in CI (CI=true) that is a failure:
// .ci/run installs it.
//
// A second upstream, if given, is the shipped config's commented second
// instance (for rolling restarts), uncommented.
func startNginx(t *testing.T, upstream string, second ...string) front {
	t.Helper()
	bin, err := exec.LookPath("nginx")
	if err != nil {
		for _, p := range []string{"/usr/sbin/nginx", "/usr/local/sbin/nginx"} {
			if _, statErr := os.Stat(p); statErr == nil {
				bin, err = p, nil
				break
			}
		}
	}
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("nginx is required in CI: %v", err)
		}
		t.Skipf("nginx not installed (apt-get install -y nginx-light): %v", err)
	}
	dir := t.TempDir()
	f := front{https: freeAddr(t), http: freeAddr(t), roots: x509.NewCertPool()}
	f.roots.AddCert(selfSigned(t, dir))
	site, err := os.ReadFile(filepath.Join("..", "..", "deploy", "nginx", "guide.conf"))
	if err != nil {
		t.Fatal(err)
	}
	conf := string(site)
	for _, r := range [][2]string{
		{"/var/cache/nginx/guide", dir + "/cache"},
		{"server 127.0.0.1:8080 ", "server " + upstream + " "},
		{"listen 80;", "listen " + f.http + ";"},
		{"listen [::]:80;\n", ""},
		{"listen 443 ssl http2;", "listen " + f.https + " ssl http2;"},
		{"listen [::]:443 ssl http2;\n", ""},
		{"/etc/letsencrypt/live/guide.example.com/fullchain.pem", dir + "/cert.pem"},
		{"/etc/letsencrypt/live/guide.example.com/privkey.pem", dir + "/key.pem"},
	} {
		if n := strings.Count(conf, r[0]); n != 1 {
			t.Fatalf("deploy/nginx/guide.conf has %q %d times; the test changes it once", r[0], n)
		}
		conf = strings.Replace(conf, r[0], r[1], 1)
	}
	for _, s := range second {
		const line = "# server 127.0.0.1:8081 "
		if strings.Count(conf, line) != 1 {
			t.Fatalf("deploy/nginx/guide.conf has no %q to uncomment", line)
		}
		conf = strings.Replace(conf, line, "server "+s+" ", 1)
	}
	if err := os.WriteFile(filepath.Join(dir, "guide.conf"), []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	confPath := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(confPath, []byte(strings.ReplaceAll(nginxMain, "{{dir}}", dir)), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-p", dir, "-e", filepath.Join(dir, "error.log"), "-c", confPath)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.Dial("tcp", f.https)
		if err == nil {
			c.Close()
			return f
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Fatalf("nginx did not start: %v\n%s", err, log)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// selfSigned writes a certificate for 127.0.0.1 and its key to dir, as
// cert.pem and key.pem, and returns the certificate.
func selfSigned(t *testing.T, dir string) *x509.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "guide test"},
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	for name, block := range map[string]*pem.Block{
		"cert.pem": {Type: "CERTIFICATE", Bytes: der},
		"key.pem":  {Type: "EC PRIVATE KEY", Bytes: keyDER},
	} {
		if err := os.WriteFile(filepath.Join(dir, name), pem.EncodeToMemory(block), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return cert
}

// clientFrom is an HTTP client whose connections leave from the loopback
// address local, so that the proxy sees it as a distinct client; it trusts
// the front's certificate and follows no redirects.
func (f front) clientFrom(local string) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(local)}, Timeout: 5 * time.Second}
	return &http.Client{
		Transport: &http.Transport{DialContext: d.DialContext, DisableCompression: true, TLSClientConfig: &tls.Config{RootCAs: f.roots}},
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
		Timeout: 10 * time.Second,
	}
}

type proxied struct {
	status   int
	cache    string // X-Cache-Status: HIT, MISS, EXPIRED, BYPASS, or empty
	etag     string
	hsts     []string
	location string
	id       []string // X-Request-Id
}

func do(t *testing.T, c *http.Client, method, u string, header http.Header, body string) proxied {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	return proxied{resp.StatusCode, resp.Header.Get("X-Cache-Status"), resp.Header.Get("Etag"), resp.Header.Values("Strict-Transport-Security"), resp.Header.Get("Location"), resp.Header.Values("X-Request-Id")}
}

// TestBehindCachingProxy puts the real program behind nginx and checks what
// a CDN or cache in front of it would do: cache pages and results, never
// cache form posts or errors, revalidate with ETags, and rate-limit by the
// address the proxy saw rather than one the client claims.
func TestBehindCachingProxy(t *testing.T) {
	upstream, _, _, logs := start(t, nil, "-trust-proxy", "-https", "-log-format", "json")
	nginx := startNginx(t, upstream)
	front := "https://" + nginx.https
	alice := nginx.clientFrom("127.0.0.1")
	const result = "/which-role/result?goal=new-feature&customer_facing=yes&complexity=single-team"

	for _, path := range []string{"/guide", result, "/faq/who-gets-paid-more"} {
		if got := do(t, alice, "GET", front+path, nil, ""); got.status != 200 || got.cache != "MISS" {
			t.Errorf("first GET %s = %d %q, want 200 MISS", path, got.status, got.cache)
		}
		if got := do(t, alice, "GET", front+path, nil, ""); got.status != 200 || got.cache != "HIT" {
			t.Errorf("second GET %s = %d %q, want 200 HIT", path, got.status, got.cache)
		}
	}

	t.Run("TLS and HSTS", func(t *testing.T) {
		const hsts = "max-age=63072000; includeSubDomains"
		for _, path := range []string{"/guide", "/no-such-page", "/static/style.css"} {
			if got := do(t, alice, "GET", front+path, nil, ""); len(got.hsts) != 1 || got.hsts[0] != hsts {
				t.Errorf("GET %s: Strict-Transport-Security %q, want exactly one %q", path, got.hsts, hsts)
			}
		}
		plain := do(t, alice, "GET", "http://"+nginx.http+"/guide?x=1", nil, "")
		if plain.status != http.StatusMovedPermanently || !strings.HasPrefix(plain.location, "https://") || !strings.HasSuffix(plain.location, "/guide?x=1") {
			t.Errorf("GET over plain HTTP = %d to %q, want 301 to https://…/guide?x=1", plain.status, plain.location)
		}
	})

	t.Run("ETag revalidation", func(t *testing.T) {
		first := do(t, alice, "GET", front+"/compare", nil, "")
		if first.etag == "" {
			t.Fatal("no ETag on /compare through the proxy")
		}
		got := do(t, alice, "GET", front+"/compare", http.Header{"If-None-Match": {first.etag}}, "")
		if got.status != http.StatusNotModified {
			t.Errorf("GET /compare with If-None-Match %s = %d, want 304", first.etag, got.status)
		}
	})

	t.Run("never cached", func(t *testing.T) {
		cases := []struct {
			name, method, path, body string
			want                     int
		}{
			{"valid post", "POST", "/which-role", "goal=direction&decider=nobody-clearly&complexity=single-team&hires=one", http.StatusSeeOther},
			{"invalid post", "POST", "/which-role", "goal=nonsense", http.StatusUnprocessableEntity},
			{"bad result query", "GET", "/which-role/result?goal=nonsense", "", http.StatusBadRequest},
			{"unknown page", "GET", "/no-such-page", "", http.StatusNotFound},
		}
		// Each from its own address, so the rate limit below starts afresh.
		c := nginx.clientFrom("127.0.0.3")
		for _, tc := range cases {
			for i := range 3 {
				got := do(t, c, tc.method, front+tc.path, nil, tc.body)
				if got.status != tc.want || got.cache == "HIT" {
					t.Errorf("%s #%d: %s %s = %d %q, want %d and no cache hit", tc.name, i+1, tc.method, tc.path, got.status, got.cache, tc.want)
				}
			}
		}
	})

	t.Run("request id", func(t *testing.T) {
		// nginx's $request_id, whatever the client sends, in the guide's
		// log and on the answer; a cache hit gets its own, not the id of
		// the request that filled the cache.
		c := nginx.clientFrom("127.0.0.6")
		chosen := http.Header{"X-Request-Id": {"chosen-by-the-client"}}
		var ids []string
		for _, path := range []string{"/no-such-page", "/about", "/about"} {
			got := do(t, c, "GET", front+path, chosen, "")
			if len(got.id) != 1 || !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(got.id[0]) {
				t.Fatalf("GET %s: X-Request-Id %q, want one of nginx's (32 hex digits)", path, got.id)
			}
			ids = append(ids, got.id[0])
		}
		if ids[1] == ids[2] {
			t.Errorf("a cache hit replayed the id of the request that filled the cache: %s", ids[1])
		}
		waitLog(t, logs, `"request_id":"`+ids[0]+`"`)
		if strings.Contains(logs.String(), "chosen-by-the-client") {
			t.Error("the guide logged an id the client chose")
		}
	})

	t.Run("limit_req", func(t *testing.T) {
		// One client sending far more than a visitor does is refused with
		// 429 by nginx, pages and answers alike; another is not.
		flood := nginx.clientFrom("127.0.0.7")
		refused := map[string]int{}
		for _, path := range []string{"/guide", result} {
			for range 160 {
				if got := do(t, flood, "GET", front+path, nil, ""); got.status == http.StatusTooManyRequests {
					refused[path]++
				} else if got.status != http.StatusOK {
					t.Fatalf("GET %s: %d", path, got.status)
				}
			}
		}
		if refused["/guide"] == 0 || refused[result] == 0 {
			t.Errorf("160 quick requests each refused %v times; want some of each", refused)
		}
		if refused[result] <= refused["/guide"] {
			t.Errorf("answer pages refused %d times, pages %d: want the answers' tighter limit", refused[result], refused["/guide"])
		}
		other := nginx.clientFrom("127.0.0.8")
		if got := do(t, other, "GET", front+result, nil, ""); got.status != http.StatusOK {
			t.Errorf("another client's request = %d, want 200", got.status)
		}
	})

	t.Run("rate limit by forwarded address", func(t *testing.T) {
		// Mallory claims a new address in every post; the proxy appends the
		// one it saw, and that is the one the limit counts.
		mallory := nginx.clientFrom("127.0.0.4")
		limited := 0
		for i := range 40 {
			h := http.Header{"X-Forwarded-For": {fmt.Sprintf("203.0.113.%d", i)}, "X-Real-Ip": {fmt.Sprintf("198.51.100.%d", i)}}
			got := do(t, mallory, "POST", front+"/which-role", h, url.Values{"goal": {"nonsense"}}.Encode())
			if got.cache == "HIT" {
				t.Fatalf("post #%d served from the cache", i+1)
			}
			if got.status == http.StatusTooManyRequests {
				limited++
			}
		}
		if limited == 0 {
			t.Fatal("40 posts with spoofed X-Forwarded-For and X-Real-IP were never limited")
		}
		// Another client behind the same proxy has its own allowance.
		bob := nginx.clientFrom("127.0.0.5")
		if got := do(t, bob, "POST", front+"/which-role", nil, "goal=nonsense"); got.status != http.StatusUnprocessableEntity {
			t.Errorf("another client's first post = %d, want 422 (its own bucket)", got.status)
		}
	})
}

// waitLog waits until the program's log holds want: a request is logged
// after its answer is sent.
func waitLog(t *testing.T, logs *lockedBuffer, want string) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(logs.String(), want); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the log never had %s", want)
		}
	}
}

// A rolling restart behind nginx loses nothing: two instances, each
// stopped (SIGTERM: drain, then shutdown) and started again in turn while
// a client keeps asking; nginx sends what one refuses to the other
// (proxy_next_upstream), so every answer is the guide's.
func TestRollingRestartBehindNginx(t *testing.T) {
	a, stopA, doneA, _ := start(t, nil, "-trust-proxy", "-https", "-drain", "500ms")
	b, stopB, doneB, _ := start(t, nil, "-trust-proxy", "-https", "-drain", "500ms")
	nginx := startNginx(t, a, b)
	front := "https://" + nginx.https

	stop := make(chan struct{})
	asked := make(chan int)
	var answers []int
	go func() {
		defer close(asked)
		// From many addresses, so that nginx's per-client limits are not
		// what is measured.
		var clients []*http.Client
		for i := range 50 {
			clients = append(clients, nginx.clientFrom(fmt.Sprintf("127.0.1.%d", i+1)))
		}
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			// A 404 is never cached: every one is the guide's answer.
			resp, err := clients[i%len(clients)].Get(front + "/no-such-page")
			status := 0
			if err == nil {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				status = resp.StatusCode
			}
			asked <- status
		}
	}()
	collect := func(n int) {
		for range n {
			answers = append(answers, <-asked)
		}
	}
	collect(20)
	stopA()
	if err := <-doneA; err != nil {
		t.Fatalf("first instance: %v", err)
	}
	collect(20)
	// Started again on its address, then the second in turn.
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go runWith(ctx, sharedEncodings, []string{"guide", "-addr", a, "-drain", "0", "-base-url", "http://guide.test", "-trust-proxy", "-https"},
		func(string) string { return "" }, io.Discard, io.Discard)
	for deadline := time.Now().Add(2 * time.Minute); ; time.Sleep(20 * time.Millisecond) {
		if resp, err := http.Get("http://" + a + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("the first instance did not start again")
		}
	}
	collect(20)
	stopB()
	if err := <-doneB; err != nil {
		t.Fatalf("second instance: %v", err)
	}
	collect(20)
	close(stop)
	for range asked {
	}
	for i, status := range answers {
		if status != http.StatusNotFound {
			t.Errorf("request %d during the rolling restart: %d, want the guide's 404", i+1, status)
		}
	}
}
