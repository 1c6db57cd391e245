package content

import (
	"net/url"
	"strings"
)

// A Link is a link written in a content file.
type Link struct {
	File string
	Line int
	URL  string
}

// checkLinks checks every link to a page that a content file makes:
// /guide/{slug}, with its #anchor, and /faq/{slug}. Links that leave the
// site are not checked. Links to other pages of the site are returned for
// the server to check, since only it knows them. A link to a page whose
// file did not load is not judged.
func (s *Site) checkLinks(links []Link) ([]Link, error) {
	var problems Problems
	var others []Link
	for _, l := range links {
		bad := func(format string, args ...any) {
			problems.add(fileErrorf(l.File, l.Line, "link %q: "+format, append([]any{l.URL}, args...)...))
		}
		u, err := url.Parse(l.URL)
		switch {
		case err != nil:
			bad("not a URL")
			continue
		case u.Scheme != "" || u.Host != "":
			continue // leaves the site
		case u.Path == "":
			bad("write the page's path too (/guide/skills#id): the same text shows on more than one page")
			continue
		case !strings.HasPrefix(u.Path, "/"):
			bad("a link inside the site starts with / (/guide/skills, /faq/who-gets-paid-more)")
			continue
		}
		if slug, ok := strings.CutPrefix(u.Path, "/guide/"); ok {
			sec, ok := s.sections[slug]
			switch {
			case s.lost(slug):
			case !ok:
				bad("no guide section %q", slug)
			case u.Fragment != "" && !sec.HasAnchor(u.Fragment):
				bad("%s has no heading with id %q", u.Path, u.Fragment)
			}
			continue
		}
		if slug, ok := strings.CutPrefix(u.Path, "/faq/"); ok {
			if _, ok := s.answers[slug]; !ok {
				if !s.failed["faq/"+slug+".md"] {
					bad("no FAQ answer %q", slug)
				}
				continue
			}
			if u.Fragment == "" {
				continue
			}
		}
		others = append(others, l)
	}
	return others, problems.err()
}

// lost reports whether the guide section slug did not load because its
// file had problems: what it holds is unknown.
func (s *Site) lost(slug string) bool {
	_, ok := s.sections[slug]
	return !ok && s.failed["guide/"+slug+".md"]
}

// waits reports whether l is to an #anchor on a page made from a file
// with problems (doc.go's table): its ids are unknown until the file loads.
func (s *Site) waits(l Link) bool {
	u, err := url.Parse(l.URL)
	if err != nil || u.Fragment == "" {
		return false
	}
	from := map[string]string{"/": "home.md", "/guide": "guide/", "/faq": "faq/", "/compare": "compare.yaml",
		"/which-role": "whichrole.yaml", "/which-role/how-it-works": "whichrole.yaml"}[u.Path]
	for file := range s.failed {
		if from != "" && strings.HasPrefix(file, from) || file == u.Path[1:]+".md" || file == "pages"+u.Path+".md" {
			return true
		}
	}
	return false
}
