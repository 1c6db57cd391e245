package web

// The content checked against what the server makes: the questionnaire's
// contract with its words (checkContract), then, once the pages are
// rendered, the content's links to pages no content file makes
// (checkLinks) and each page's weight (checkPageBudget). NewServer runs
// them, over whatever content.Load could load, so start-up, guide -check
// and -dev's problem page report the same problems.

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/static"
	"github.com/guide/pmvspm/web/decision"
	"github.com/guide/pmvspm/web/serve"
	"golang.org/x/net/html"
)

// checkContract checks the content against the questionnaire's contract
// (web/decision): form holds the problems with the form's words, without
// which no page is rendered; all holds every problem. A site that keeps
// the contract is rendered; one that did not load whole is rendered if
// its form's words are whole, to check the rest.
func checkContract(site *content.Site) (form, all content.Problems) {
	form = decision.CheckQuestionnaire(site)
	return form, slices.Concat(form, decision.CheckGuideLinks(site), decision.CheckHiringKit(site))
}

// checkContent checks the content against the server in one pass: its
// links, and, for guide -check and -dev (which reads the sizes of the
// encodings it has just made), every page's weight; the content CI
// checked is served without measuring it again. Content that fails a
// check is not compressed first. If the pages were not rendered (see
// checkContract), only the links that need no page's ids are checked.
func (s *server) checkContent(router *chi.Mux) content.Problems {
	problems := s.checkLinks(router)
	if s.pages == nil {
		return problems
	}
	// guide -check compresses nothing unless given a store of encodings
	// (its tests, which check dozens of times): the page budget then reads
	// each page's Brotli from the store, made once.
	if len(problems) == 0 && !s.cfg.CheckOnly || s.cfg.CheckOnly && s.cfg.Encodings != nil {
		serve.CompressAll(s.cfg.Encodings, s.prerendered())
	}
	if s.cfg.CheckOnly || s.cfg.NoStore {
		problems = append(problems, s.checkPageBudget(router)...)
	}
	return problems
}

// standing returns the problems that stand whatever the files with
// problems turn out to hold, sorted, or nil: on a site that did not load
// whole, a problem in one of those files, or in no file, waits until they
// load.
func standing(site *content.Site, problems content.Problems) error {
	if !site.Whole() {
		problems = slices.DeleteFunc(problems, func(err error) bool {
			var fe *content.FileError
			return !errors.As(err, &fe) || fe.File == "" || site.Failed(fe.File)
		})
	}
	if len(problems) == 0 {
		return nil
	}
	problems.Sort()
	return problems
}

// checkLinks checks the content's links to pages that no content file makes
// (/compare, /which-role, /faq#…) against what this server serves: a
// prerendered page, and its ids for a #anchor; or, for pages made per
// request, a GET route. The site's routes are the only list of them.
func (s *server) checkLinks(routes chi.Routes) content.Problems {
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
		case s.pages == nil && u.Fragment != "": // the page's ids wait for it to render
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
func (s *server) checkPageBudget(router http.Handler) content.Problems {
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
			return append(problems, fmt.Errorf("page budget: %s answered %d", p, rec.Code))
		}
		weigh(strings.SplitN(p, "?", 2)[0]+" (the longest answer)", serve.NewUncompressed(htmlType, "", rec.Body.Bytes()), serve.OnDemandBrotli)
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
