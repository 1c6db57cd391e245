package web

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/static"
)

// PageBudget is the most a page may weigh with the stylesheet, both
// gzip-compressed: 14 KiB, what a new connection's first round trip
// carries, so that a phone on a slow network draws the page at once.
const PageBudget = 14 << 10

// budgetAnswers is the answer set with the most words: every problem
// ticked. Its result and brief stand for the answer pages, which are not
// rendered at start.
const budgetAnswers = "goal=new-product&problems=no-launches&problems=unclear-direction&problems=over-budget&problems=missed-deadlines&problems=poor-coordination&customer_facing=yes&complexity=complex-tech"

// checkPageBudget reports every HTML page over PageBudget with the
// stylesheet, gzip-compressed as served: each page rendered at start, and
// the longest answer's result and brief. A page made from one content
// file is blamed on that file.
func (s *server) checkPageBudget(router http.Handler) error {
	css := s.static[strings.TrimPrefix(static.Path("style.css"), "/static/")]
	cssSize := len(css.encodeGzip().body)
	var problems content.Problems
	over := func(page string, size int) {
		if size+cssSize <= PageBudget {
			return
		}
		msg := fmt.Sprintf("page %s weighs %.1f KiB with the stylesheet, gzip-compressed: over the %d KiB budget (what a phone gets in the first round trip); shorten it",
			page, float64(size+cssSize)/1024, PageBudget>>10)
		if file := pageFile(page); file != "" {
			problems = append(problems, &content.FileError{File: file, Line: 1, Reason: msg})
			return
		}
		problems = append(problems, fmt.Errorf("%s", msg))
	}
	for _, p := range s.pageList {
		if p.contentType != "" {
			continue
		}
		over(p.path, len(s.pages[p.path].encodeGzip().body))
	}
	for _, p := range []string{"/which-role/result?" + budgetAnswers, "/which-role/brief?" + budgetAnswers} {
		req := httptest.NewRequest(http.MethodGet, p, nil)
		rec := httptest.NewRecorder()
		router.ServeHTTP(rec, req) // identity: compressed below, as the others
		if rec.Code != http.StatusOK {
			return fmt.Errorf("page budget: %s answered %d", p, rec.Code)
		}
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(rec.Body.Bytes())
		zw.Close()
		over(strings.SplitN(p, "?", 2)[0]+" (the longest answer)", buf.Len())
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
