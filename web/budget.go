package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/static"
)

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
// startBrotli), and the longest answer's result and brief (at
// onDemandBrotli). A page made from one content file is blamed on it.
func (s *server) checkPageBudget(router http.Handler) error {
	css := s.static[strings.TrimPrefix(static.Path("style.css"), "/static/")]
	cssBr, cssGz := len(css.encodeBrotli(startBrotli).body), len(css.encodeGzip().body)
	var problems content.Problems
	weigh := func(page string, p *representation, quality int) {
		enc := p.br // made at start, unless checking only
		if enc == nil {
			enc = p.encodeBrotli(quality)
		}
		br := len(enc.body) + cssBr
		if br <= PageBudget {
			return
		}
		gz := len(p.encodeGzip().body) + cssGz
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
			weigh(p.path, s.pages[p.path], startBrotli)
		}
	}
	for _, p := range []string{"/which-role/result?" + budgetAnswers, "/which-role/brief?" + budgetAnswers} {
		rec := httptest.NewRecorder()
		router.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil)) // identity
		if rec.Code != http.StatusOK {
			return fmt.Errorf("page budget: %s answered %d", p, rec.Code)
		}
		weigh(strings.SplitN(p, "?", 2)[0]+" (the longest answer)", newUncompressed(htmlType, "", rec.Body.Bytes()), onDemandBrotli)
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
