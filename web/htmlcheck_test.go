package web

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// Checks on a parsed page in the manner of pkgsite's htmlcheck: small
// checkers, composed (in("main h1", hasText(title))), so that a test says
// what a page holds instead of walking it by hand. Text is compared with
// its white space collapsed, as a reader sees it.

// A checker checks a selection and says what is wrong with it, or nil.
type checker func(*goquery.Selection) error

// check runs each checker on the document and reports each failure.
func check(t testing.TB, doc *goquery.Document, checkers ...checker) {
	t.Helper()
	checkPage(t, "", doc, checkers...)
}

// checkPage is check for one of many pages a test reads, each failure
// reported after the page's name.
func checkPage(t testing.TB, page string, doc *goquery.Document, checkers ...checker) {
	t.Helper()
	for _, c := range checkers {
		err := c(doc.Selection)
		if err != nil && page != "" {
			err = fmt.Errorf("%s: %w", page, err)
		}
		if err != nil {
			t.Error(err)
		}
	}
}

// in checks that selector matches inside the selection, and runs every
// checker on what it matches; each failure is reported.
func in(selector string, checkers ...checker) checker {
	return func(s *goquery.Selection) error {
		m := s.Find(selector)
		if m.Length() == 0 {
			return fmt.Errorf("%s: no such element", selector)
		}
		var errs []error
		for _, c := range checkers {
			if err := c(m); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", selector, err))
			}
		}
		return errors.Join(errs...)
	}
}

// notIn checks that nothing in the selection matches selector.
func notIn(selector string) checker {
	return func(s *goquery.Selection) error {
		if n := s.Find(selector).Length(); n > 0 {
			return fmt.Errorf("%s: %d elements, want none", selector, n)
		}
		return nil
	}
}

// hasText checks that the selection's text is want.
func hasText(want string) checker {
	return func(s *goquery.Selection) error {
		if got := text(s); got != collapse(want) {
			return fmt.Errorf("text %q, want %q", got, want)
		}
		return nil
	}
}

// containsText checks that the selection's text holds want.
func containsText(want string) checker {
	return func(s *goquery.Selection) error {
		if got := text(s); !strings.Contains(got, collapse(want)) {
			return fmt.Errorf("text %.300q does not hold %q", got, want)
		}
		return nil
	}
}

// startsWith checks that the selection's text starts with want.
func startsWith(want string) checker {
	return func(s *goquery.Selection) error {
		if got := text(s); !strings.HasPrefix(got, collapse(want)) {
			return fmt.Errorf("text %.300q does not start with %q", got, want)
		}
		return nil
	}
}

// someText checks that the selection has text.
func someText() checker {
	return func(s *goquery.Selection) error {
		if text(s) == "" {
			return errors.New("no text")
		}
		return nil
	}
}

// hasAttr checks that the selection's first element has the attribute
// name with the value want; an attribute it lacks reads as "".
func hasAttr(name, want string) checker {
	return func(s *goquery.Selection) error {
		if got := s.AttrOr(name, ""); got != want {
			return fmt.Errorf("%s=%q, want %q", name, got, want)
		}
		return nil
	}
}

// someAttr checks that the selection's first element has the attribute
// name, not empty.
func someAttr(name string) checker {
	return func(s *goquery.Selection) error {
		if s.AttrOr(name, "") == "" {
			return fmt.Errorf("no %s", name)
		}
		return nil
	}
}

// count checks that the selection has n elements.
func count(n int) checker {
	return func(s *goquery.Selection) error {
		if s.Length() != n {
			return fmt.Errorf("%d elements, want %d", s.Length(), n)
		}
		return nil
	}
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// Each checker fails on what it must refuse, and says where.
func TestCheckers(t *testing.T) {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(
		`<main data-x="1"><h1>A  title</h1><p class=p>one</p><p class=p>two words</p></main><div class=e> </div>`))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []checker{
		in("main", hasAttr("data-x", "1"), hasAttr("data-y", ""), someAttr("data-x"), in("h1", hasText("A title")), in("p", count(2), containsText("two"))),
		in("p.p", hasText("onetwo words"), startsWith("one"), someText()), notIn("h2"), in("main h1", hasText(" A\ntitle ")),
	} {
		if err := c(doc.Selection); err != nil {
			t.Errorf("a check that holds failed: %v", err)
		}
	}
	for want, c := range map[string]checker{
		`h2: no such element`:                              in("h2"),
		`main: h1: text "A title", want "A titl"`:          in("main", in("h1", hasText("A titl"))),
		`p: 2 elements, want 1`:                            in("p", count(1)),
		`main: data-x="1", want "2"`:                       in("main", hasAttr("data-x", "2")),
		`main: data-y="", want "1"`:                        in("main", hasAttr("data-y", "1")),
		`main: no data-y`:                                  in("main", someAttr("data-y")),
		`h1: 1 elements, want none`:                        notIn("h1"),
		`p: text "onetwo words" does not hold "three"`:     in("p", containsText("three")),
		`p: text "onetwo words" does not start with "two"`: in("p", startsWith("two")),
		`div.e: no text`:                                   in("div.e", someText()),
		"main: h1: text \"A title\", want \"B\"\nmain: p:": in("main", in("h1", hasText("B")), in("p", count(3))),
	} {
		if err := c(doc.Selection); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("error %v, want one starting %q", err, want)
		}
	}
}
