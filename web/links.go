package web

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/go-chi/chi/v5"
	"golang.org/x/net/html"

	"github.com/guide/pmvspm/content"
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
				ids[u.Path] = idsOf(page.identity.body)
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
