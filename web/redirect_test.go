package web

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

// rawRequest sends target exactly as given (no client-side escaping or
// cleaning) and returns the response.
func rawRequest(t *testing.T, addr, method, target string) *http.Response {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "%s %s HTTP/1.1\r\nHost: guide.example\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", method, target)
	resp, err := http.ReadResponse(bufio.NewReader(conn), &http.Request{Method: method})
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	resp.Body.Close()
	return resp
}

// staysOnSite is what a browser does with a Location, written out apart
// from the server's own check: strip tabs and newlines, read '\' as '/',
// and see whether the result still names a path on this host.
func staysOnSite(loc string) bool {
	for _, c := range []byte(loc) {
		if c < 0x20 || c == 0x7f {
			return false
		}
	}
	b := strings.ReplaceAll(loc, `\`, "/")
	return strings.HasPrefix(b, "/") && !strings.HasPrefix(b, "//")
}

func TestNoOpenRedirect(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	addr := strings.TrimPrefix(srv.URL, "http://")
	tests := []struct {
		target string
		refuse bool // control characters, backslashes or '//': never a redirect
	}{
		{"/%09/evil.example/", true},
		{"/%09/evil.example", false}, // no trailing slash: plain 404
		{"/%5C/evil.example/", true},
		{"/%5Cevil.example/", true},
		{`/\evil.example/`, true},
		{`/\/evil.example/`, true},
		{"/%09%5C/evil.example/", true},
		{"//evil.example/", true},
		{"///evil.example/", true},
		{"/%2F/evil.example/", true},
		{"/%2Fevil.example/", true},
		{"/%0D%0ALocation:%20http://evil.example/", true},
		{"/%00/evil.example/", true},
		{"/%0A/evil.example/", true},
		{"/%0D/evil.example/", true},
		{"/%7F/evil.example/", true},
		{"/%C2%85/evil.example/", true},
		{"/%ff/evil.example/", true},
		{"/%C0%AF/evil.example/", true},
		{"/guide/%09/", true},
		{"/guide%5C/", true},
		{"/%09%09/evil.example/", true},
		{"/%09/%09/evil.example/", true},
		{"/%1F/evil.example/", true},
		{"/%0B/evil.example/", true},
		{"/%0C/evil.example/", true},
		{"/https:%2F%2Fevil.example/", true},
		{"/%2E%2E/%2Fevil.example/", true},
		{"/%5C%5Cevil.example/", true},
		{"//%09evil.example/", true},
		{"/%09/evil.example/?next=/", true},
		{"/%20/evil.example/", false},
		{"/./evil.example/", false},
		{"/../evil.example/", false},
		{"/which-role/?%0d%0aSet-Cookie:x=1", false},
		{"/guide/", false},
	}
	if len(tests) < 30 {
		t.Fatal("too few hostile paths")
	}
	for _, tt := range tests {
		for _, method := range []string{http.MethodGet, http.MethodHead, http.MethodPost} {
			resp := rawRequest(t, addr, method, tt.target)
			loc, redirected := resp.Header["Location"]
			if redirected && (len(loc) != 1 || !staysOnSite(loc[0])) {
				t.Errorf("%s %s: %d Location %q leaves the site", method, tt.target, resp.StatusCode, loc)
			}
			if tt.refuse && (redirected || (resp.StatusCode != http.StatusNotFound && resp.StatusCode != http.StatusBadRequest)) {
				t.Errorf("%s %s: %d Location %q, want 404 or 400 and no redirect", method, tt.target, resp.StatusCode, loc)
			}
		}
	}
}

// A trailing-slash URL with invalid bytes or controls gets the 404 page
// quietly: no off-site redirect was involved, so no warning (alert noise).
func TestNoFalseRedirectWarning(t *testing.T) {
	t.Parallel()
	srv, logs := newTestServer(t, Config{})
	addr := strings.TrimPrefix(srv.URL, "http://")
	for _, target := range []string{"/guide/?\xff", "/guide/?a=\xc3", "/faq/?\x7f", "/guide/?%ff", "/%ff/", "/guide/?\xc2\x85"} {
		resp := rawRequest(t, addr, http.MethodGet, target)
		if loc := resp.Header.Get("Location"); loc != "" && !staysOnSite(loc) {
			t.Errorf("%q: Location %q", target, loc)
		}
		if resp.StatusCode != http.StatusNotFound && resp.StatusCode != http.StatusMovedPermanently && resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%q: status %d", target, resp.StatusCode)
		}
	}
	wantStatus(t, get(t, srv, "/guide"), http.StatusOK)
	logs.waitFor(t, `"path":"/guide","route"`)
	if strings.Contains(logs.String(), "off-site redirect") {
		t.Errorf("a false off-site redirect warning:\n%s", logs.String())
	}
}

// A page that takes no query answers one with a 301 to its bare path, so a
// cache in front holds one copy; the questionnaire's pages keep theirs.
func TestQueryOnBarePageRedirects(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	css := regexp.MustCompile(`/static/style\.[0-9a-f]+\.css`).FindString(string(get(t, srv, "/compare").body))
	if css == "" {
		t.Fatal("no stylesheet on /compare")
	}
	for _, path := range []string{"/compare", "/guide", "/guide/" + loadSite(t).Sections[0].Slug, "/faq", "/", "/about", "/robots.txt", css, "/favicon.ico"} {
		for _, q := range []string{"?r=12345", "?utm_source=news&utm_medium=email", "?"} {
			for _, method := range []string{http.MethodGet, http.MethodHead} {
				resp := rawRequest(t, strings.TrimPrefix(srv.URL, "http://"), method, path+q)
				if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != path {
					t.Errorf("%s %s%s: %d to %q, want 301 to %q", method, path, q, resp.StatusCode, resp.Header.Get("Location"), path)
				}
			}
		}
		wantStatus(t, get(t, srv, path), http.StatusOK)
	}
	q := answerSets(t, 1)[0]
	for _, path := range []string{"/which-role?" + q, "/which-role/result?" + q, "/which-role/brief?" + q} {
		wantStatus(t, get(t, srv, path), http.StatusOK)
	}
}
