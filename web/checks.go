package web

// The content checked against what the server makes, after the pages are
// rendered: its links to pages no content file makes (checkLinks) and
// each page's weight (checkPageBudget). NewServer runs them, so start-up,
// guide -check and -dev's problem page report the same problems.

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/guide/pmvspm/web/serve"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/static"
	"golang.org/x/net/html"
)

// checkLinks checks the content's links to pages that no content file makes
// (/compare, /which-role, /faq#…) against what this server serves: a
// prerendered page, and its ids for a #anchor; or, for pages made per
// request, a GET route. The site's routes are the only list of them.
func (s *server) checkLinks(routes chi.Routes) error {
	var problems content.Problems
	ids := map[string]map[string]bool{}
	for _, l := range s.site.Links {
		bad := func(format string, args ...any) {
			problems = append(problems, &content.FileError{File: l.File, Line: l.Line, Reason: fmt.Sprintf("link %q: ", l.URL) + fmt.Sprintf(format, args...)})
		}
		u, err := url.Parse(l.URL)
		if err != nil {
			bad("not a URL")
			continue
		}
		page, ok := s.pages[u.Path]
		switch {
		case ok && u.Fragment == "":
		case ok:
			if ids[u.Path] == nil {
				ids[u.Path] = idsOf(page.Body())
			}
			if !ids[u.Path][u.Fragment] {
				bad("%s has no id %q", u.Path, u.Fragment)
			}
		case strings.HasPrefix(u.Path, "/static/") || !routes.Match(chi.NewRouteContext(), http.MethodGet, u.Path):
			bad("the site has no page %s", u.Path)
		case u.Fragment != "":
			bad("%s is made per request, so its #%s cannot be checked: link to the page alone", u.Path, u.Fragment)
		}
	}
	if len(problems) == 0 {
		return nil
	}
	return problems
}

// idsOf returns every id in an HTML page.
func idsOf(page []byte) map[string]bool {
	ids := map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ids
		case html.StartTagToken, html.SelfClosingTagToken:
			for {
				key, val, more := z.TagAttr()
				if string(key) == "id" {
					ids[string(val)] = true
				}
				if !more {
					break
				}
			}
		}
	}
}

// PageBudget is the most a page may weigh with the stylesheet, both
// compressed as a browser receives them: 14 KiB, what a new connection's
// first round trip carries, so that a phone on a slow network draws the
// page at once. Every browser asks for Brotli over HTTPS, which the deploy
// kit requires, so the budget holds the Brotli encodings; the gzip size,
// for clients without Brotli, is named beside it when a page is over.
const PageBudget = 14 << 10

// budgetAnswers is the answer set with the most words: every problem
// ticked. Its result and brief stand for the answer pages, which are not
// rendered at start.
const budgetAnswers = "goal=new-product&problems=no-launches&problems=unclear-direction&problems=over-budget&problems=missed-deadlines&problems=poor-coordination&customer_facing=yes&complexity=complex-tech"

// checkPageBudget reports every HTML page over PageBudget with the
// stylesheet, compressed as served: each page rendered at start (Brotli at
// serve.StartBrotli), and the longest answer's result and brief (at
// serve.OnDemandBrotli). A page made from one content file is blamed on it.
func (s *server) checkPageBudget(router http.Handler) error {
	css := s.static[strings.TrimPrefix(static.Path("style.css"), "/static/")]
	cssBr, cssGz := css.BrotliSize(serve.StartBrotli), css.GzipSize()
	var problems content.Problems
	weigh := func(page string, p *serve.Representation, quality int) {
		br := p.BrotliSize(quality) + cssBr // made at start, unless checking only
		if br <= PageBudget {
			return
		}
		gz := p.GzipSize() + cssGz
		msg := fmt.Sprintf("page %s weighs %.1f KiB with the stylesheet as browsers get it (Brotli; gzip %.1f KiB): over the %d KiB budget (what a phone gets in the first round trip); shorten it",
			page, float64(br)/1024, float64(gz)/1024, PageBudget>>10)
		if file := pageFile(page); file != "" {
			problems = append(problems, &content.FileError{File: file, Line: 1, Reason: msg})
			return
		}
		problems = append(problems, errors.New(msg))
	}
	for _, p := range s.pageList {
		if p.contentType == "" {
			weigh(p.path, s.pages[p.path], serve.StartBrotli)
		}
	}
	for _, p := range []string{"/which-role/result?" + budgetAnswers, "/which-role/brief?" + budgetAnswers} {
		rec := httptest.NewRecorder()
		router.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil)) // identity
		if rec.Code != http.StatusOK {
			return fmt.Errorf("page budget: %s answered %d", p, rec.Code)
		}
		weigh(strings.SplitN(p, "?", 2)[0]+" (the longest answer)", serve.NewUncompressed(htmlType, "", rec.Body.Bytes()), serve.OnDemandBrotli)
	}
	if len(problems) == 0 {
		return nil
	}
	return problems
}

// pageFile is the content file a guide section or an FAQ answer is made
// from, or "" for a page made from more than one.
func pageFile(page string) string {
	dir, slug := path.Split(page)
	switch dir {
	case "/guide/":
		return "guide/" + slug + ".md"
	case "/faq/":
		return "faq/" + slug + ".md"
	}
	return ""
}
