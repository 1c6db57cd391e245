package browser

import (
	"encoding/xml"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/web"
)

// The site under test, shared by every test of the package.
var (
	site    *content.Site
	baseURL string // e.g. http://127.0.0.1:41234
)

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

// runTests starts the real server on a loopback port, runs the tests, and
// stops the shared browser and the server, whatever the tests did.
func runTests(m *testing.M) int {
	if raceDetector {
		// The race detector sees only this process: here the server, which
		// web's parallel tests drive far harder, not the browser these
		// tests are about. Under it they took half the suite's CPU to find
		// nothing; .ci/run runs them without it, as go test ./... does.
		flag.Parse() // for tell's testing.Verbose
		tell("web/browser: the browser tests do not run under -race: go test ./web/browser runs them\n")
		return 0
	}
	var err error
	site, err = content.Load(content.Files)
	if err != nil {
		fmt.Fprintln(os.Stderr, "load content:", err)
		return 1
	}
	ts := httptest.NewUnstartedServer(nil) // listens on 127.0.0.1
	baseURL = "http://" + ts.Listener.Addr().String()
	handler, err := web.NewServer(slog.New(slog.DiscardHandler), site, web.Config{
		BaseURL:   baseURL,
		PostBurst: 1000, // the tests post the form more often than a reader would
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "new server:", err)
		return 1
	}
	ts.Config.Handler = handler
	ts.Start()
	defer ts.Close()
	defer stopBrowser()
	defer printSkips()
	return m.Run()
}

// A page is one page the quality bars apply to.
type page struct {
	name   string // subtest name
	path   string
	status int
	// submitEmpty: the page is what POST path with an empty body returns.
	// The browser gets there by submitting the empty form on path.
	submitEmpty bool
}

func (p page) url() string { return baseURL + p.path }

// pages lists every page of the site (every page the sitemap lists,
// which the server makes from its one list of pages), the questionnaire's
// states and the 404 page.
func pages() []page {
	var ps []page
	for _, path := range sitemapPaths() {
		name := strings.ReplaceAll(strings.Trim(path, "/"), "/", "-")
		if name == "" {
			name = "home"
		}
		ps = append(ps, page{name: name, path: path, status: 200})
	}
	return append(ps,
		page{name: "which-role-reveal-open", path: "/which-role?goal=internal-system&customer_facing=no", status: 200},
		page{name: "which-role-result-bad-new", path: "/which-role/result?goal=internal-system&decider=nobody-clearly&complexity=single-team&hires=one", status: 400},
		page{name: "which-role-post-empty", path: "/which-role", status: 422, submitEmpty: true},
		page{name: "which-role-result-bad", path: "/which-role/result?goal=bad", status: 400},
		page{name: "which-role-result", path: "/which-role/result?goal=new-product&customer_facing=yes&complexity=single-team", status: 200},
		page{name: "which-role-result-project", path: "/which-role/result?goal=internal-system&problems=over-budget&customer_facing=no&complexity=complex-tech", status: 200},
		page{name: "which-role-result-one-person", path: "/which-role/result?goal=new-product&decider=founder-stretched&complexity=single-team&hires=one", status: 200},
		page{name: "which-role-result-fractional", path: "/which-role/result?goal=direction&problems=unclear-direction&decider=founder-has-time&complexity=single-team&hires=part-time", status: 200},
		page{name: "which-role-result-contract", path: "/which-role/result?goal=client-work&problems=no-launches&decider=already-covered&complexity=single-team&hires=part-time", status: 200},
		page{name: "which-role-result-both-new", path: "/which-role/result?goal=new-product&problems=missed-deadlines&decider=nobody-clearly&complexity=several-teams&hires=two", status: 200},
		page{name: "which-role-result-not-yet", path: "/which-role/result?goal=new-feature&decider=founder-has-time&complexity=single-team&hires=one", status: 200},
		page{name: "which-role-result-no-owner", path: "/which-role/result?goal=internal-system&problems=missed-deadlines&decider=nobody-clearly&customer_facing=no&complexity=complex-tech&hires=one", status: 200},
		page{name: "which-role-result-client-work", path: "/which-role/result?goal=client-work&decider=founder-has-time&complexity=complex-tech&hires=one", status: 200},
		page{name: "which-role-result-one-off", path: "/which-role/result?goal=one-off&problems=unclear-direction&decider=nobody-clearly&complexity=single-team&hires=two", status: 200},
		page{name: "which-role-brief-one-person", path: "/which-role/brief?goal=new-product&decider=founder-stretched&complexity=single-team&hires=one", status: 200},
		page{name: "which-role-brief-not-yet", path: "/which-role/brief?goal=new-feature&decider=founder-has-time&complexity=single-team&hires=one", status: 200},
		page{name: "which-role-brief", path: "/which-role/brief?goal=new-product&problems=over-budget&customer_facing=no&complexity=single-team", status: 200},
		page{name: "which-role-brief-bad", path: "/which-role/brief?goal=bad", status: 400},
		page{name: "which-role-job-ad", path: "/which-role/job-ad?goal=new-product&problems=no-launches&problems=over-budget&customer_facing=yes&complexity=complex-tech", status: 200},
		page{name: "which-role-job-ad-bad", path: "/which-role/job-ad?goal=bad", status: 400},
		page{name: "which-role-job-ad-one-person", path: "/which-role/job-ad?goal=new-product&decider=founder-stretched&complexity=single-team&hires=one", status: 200},
		page{name: "which-role-job-ad-not-yet", path: "/which-role/job-ad?goal=new-feature&decider=founder-has-time&complexity=single-team&hires=one", status: 200},
		page{name: "not-found", path: "/no-such-page", status: 404},
	)
}

// canaryHTML breaks every bar on purpose: an image with no text
// alternative (axe and vnu), tiny text and an element wider than any phone.
// Each check runs on it first, to prove it can fail.
const canaryHTML = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Canary</title></head>` +
	`<body><main><h1>Canary</h1><img src="/no-such.png"><p style="font-size:10px">Tiny text</p>` +
	`<div style="width:2000px">Too wide</div></main></body></html>`

// canaryURL is canaryHTML as an address the browser can open.
func canaryURL() string { return "data:text/html," + url.PathEscape(canaryHTML) }

// sitemapPaths are the paths /sitemap.xml lists.
func sitemapPaths() []string {
	resp, err := http.Get(baseURL + "/sitemap.xml")
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	var sitemap struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.NewDecoder(resp.Body).Decode(&sitemap); err != nil || len(sitemap.URLs) == 0 {
		panic(fmt.Sprintf("sitemap: %d URLs, %v", len(sitemap.URLs), err))
	}
	var paths []string
	for _, u := range sitemap.URLs {
		paths = append(paths, strings.TrimPrefix(u.Loc, baseURL))
	}
	return paths
}
