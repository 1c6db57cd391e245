package web

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/web/decision"
	"github.com/guide/pmvspm/web/serve"
)

var (
	siteOnce sync.Once
	testSite *content.Site
	siteErr  error
)

// loadSite loads the real content once for all tests.
func loadSite(t testing.TB) *content.Site {
	t.Helper()
	siteOnce.Do(func() { testSite, siteErr = content.Load(content.Files) })
	if siteErr != nil {
		t.Fatal(siteErr)
	}
	return testSite
}

// coldStart is a server started as in production, with no encodings to
// reuse, so that it compresses every page before it answers. The first
// test that needs a server starts it; its store of encodings then serves
// the tests' many other servers, so that each page is compressed once: it
// has their base URL (testBaseURL), which the pages' links and the sitemap
// carry, so that their pages are its pages.
var coldStart struct {
	once sync.Once
	h    http.Handler
	enc  *serve.EncodingCache
	err  error
}

func coldServer(t testing.TB) (http.Handler, *serve.EncodingCache) {
	t.Helper()
	site := loadSite(t)
	coldStart.once.Do(func() {
		coldStart.enc = serve.NewEncodingCache()
		coldStart.h, coldStart.err = NewServer(slog.New(slog.DiscardHandler), site, Config{BaseURL: testBaseURL, Encodings: coldStart.enc})
	})
	if coldStart.err != nil {
		t.Fatal(coldStart.err)
	}
	return coldStart.h, coldStart.enc
}

// testEncodings is the store of encodings the cold server filled.
func testEncodings(t testing.TB) *serve.EncodingCache {
	t.Helper()
	_, enc := coldServer(t)
	return enc
}

// testBaseURL is the test servers' base URL.
const testBaseURL = "https://guide.example"

// newTestServer starts the real handler on a loopback port.
func newTestServer(t testing.TB, cfg Config) (*httptest.Server, *syncBuffer) {
	t.Helper()
	var logs syncBuffer
	if cfg.BaseURL == "" {
		cfg.BaseURL = testBaseURL
	}
	if cfg.RequestLog == nil {
		cfg.RequestLog, cfg.LogFormat = &logs, "json"
	}
	if cfg.Encodings == nil {
		cfg.Encodings = testEncodings(t) // the tests' many servers compress each page once
	}
	h, err := NewServer(slog.New(slog.NewJSONHandler(&logs, nil)), loadSite(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv, &logs
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitFor waits until the log holds want: the request log line is written
// when the handler returns, which may be after the client has its response.
func (b *syncBuffer) waitFor(t testing.TB, want string) string {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(b.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("log never got %q:\n%s", want, b.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	return b.String()
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// client does not follow redirects, so tests see 303s.
var testClient = &http.Client{
	Timeout:       10 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	Transport:     &http.Transport{DisableCompression: true},
}

type response struct {
	*http.Response
	body []byte
}

func do(t testing.TB, req *http.Request) response {
	t.Helper()
	resp, err := testClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{resp, body}
}

func get(t testing.TB, srv *httptest.Server, path string, header ...string) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return do(t, req)
}

func postForm(t testing.TB, srv *httptest.Server, path, body string, header ...string) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return do(t, req)
}

func (r response) doc(t testing.TB) *goquery.Document {
	t.Helper()
	d, err := goquery.NewDocumentFromReader(bytes.NewReader(r.body))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func wantStatus(t testing.TB, r response, want int) {
	t.Helper()
	if r.StatusCode != want {
		t.Fatalf("%s %s: status %d, want %d\n%.400s", r.Request.Method, r.Request.URL.Path, r.StatusCode, want, r.body)
	}
}

func text(s *goquery.Selection) string { return strings.Join(strings.Fields(s.Text()), " ") }

// jsonLD decodes the page's application/ld+json block into v.
func jsonLD(doc *goquery.Document, v any) error {
	return json.Unmarshal([]byte(doc.Find(`script[type="application/ld+json"]`).Text()), v)
}

func slogTo(w io.Writer) *slog.Logger { return slog.New(slog.NewJSONHandler(w, nil)) }

func httptestServer(t testing.TB, h http.Handler) *httptest.Server {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// contentRule is content.Rule, for tests that read the content's words.
var contentRule = content.Rule

// allAnswers is every valid set of answers to the form (6 goals × 32 sets of
// problems × 4 deciders × 3 sizes × 3 hires, with both customer-facing
// answers for an internal system: 8,064), in canonical order.
func allAnswers() []decision.Answers {
	var out []decision.Answers
	for _, goal := range decision.Fields[0].Values {
		for _, ps := range problemSets() {
			for _, d := range decision.Fields[2].Values {
				cfs := []string{""}
				if goal == "internal-system" {
					cfs = decision.Fields[3].Values
				}
				for _, cf := range cfs {
					for _, cx := range decision.Fields[4].Values {
						for _, h := range decision.Fields[5].Values {
							out = append(out, decision.Answers{Goal: goal, Problems: ps, Decider: d, CustomerFacing: cf, Complexity: cx, Hires: h})
						}
					}
				}
			}
		}
	}
	return out
}

// oldAnswers is every old link's answers (4 goals × 32 sets of problems ×
// 2 × 3 = 768), in canonical order.
func oldAnswers() []decision.Answers {
	var out []decision.Answers
	for _, goal := range decision.OldGoals {
		for _, ps := range problemSets() {
			for _, cf := range decision.Fields[3].Values {
				for _, cx := range decision.Fields[4].Values {
					out = append(out, decision.Answers{Goal: goal, Problems: ps, CustomerFacing: cf, Complexity: cx})
				}
			}
		}
	}
	return out
}

// raceStride is the share of the answer sets an exhaustive sweep reads
// under -race: one in seven, in canonical order, so that every answer to
// every question still comes round. The sweeps are loops in one goroutine,
// where the race detector has nothing to find and Go runs about ten times
// slower; .ci/run runs them again without -race, over every answer set,
// as go test ./... does (TestCIRunsWhatRaceSkips).
const raceStride = 7

// sweep is the answer sets an exhaustive test reads: all of as, or under
// -race one in raceStride of them.
func sweep(t *testing.T, as []decision.Answers) []decision.Answers {
	if !raceDetector {
		return as
	}
	var out []decision.Answers
	for i := 0; i < len(as); i += raceStride {
		out = append(out, as[i])
	}
	t.Logf("under -race: %d of the %d answer sets", len(out), len(as))
	return out
}

// problemSets are the 32 sets of problems, each in canonical order.
func problemSets() [][]string {
	problems := decision.Fields[1].Values
	var out [][]string
	for mask := range 1 << len(problems) {
		var ps []string
		for i, p := range problems {
			if mask&(1<<i) != 0 {
				ps = append(ps, p)
			}
		}
		out = append(out, ps)
	}
	return out
}

// TestCIRunsWhatRaceSkips: what -race leaves out, .ci/run runs without
// it: the browser tests, which do not run under it, and every test that
// samples its answer sets under it (calls sweep), so that CI reads every
// answer set.
func TestCIRunsWhatRaceSkips(t *testing.T) {
	ci, err := os.ReadFile("../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^go test -count=1 \./web/browser$`).Match(ci) {
		t.Error(".ci/run does not run go test -count=1 ./web/browser: CI would run no browser test")
	}
	files, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	sweeps := 0
	for _, name := range files {
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || !strings.HasPrefix(fn.Name.Name, "Test") {
				continue
			}
			calls := false
			ast.Inspect(fn, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok {
					if id, ok := c.Fun.(*ast.Ident); ok && id.Name == "sweep" {
						calls = true
					}
				}
				return !calls
			})
			if !calls {
				continue
			}
			sweeps++
			if !regexp.MustCompile(`go test -count=1 -run '[^']*\b` + fn.Name.Name + `\b`).Match(ci) {
				t.Errorf("%s: %s samples its answer sets under -race, but .ci/run does not run it without -race", name, fn.Name.Name)
			}
		}
	}
	if sweeps == 0 {
		t.Error("no test calls sweep: the check is broken")
	}
}
