package content_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/guide/pmvspm/content"
)

// Load reports every problem in every file at once, each at its file and
// line, sorted; a file that does not load is not blamed twice (links to it
// are not judged).
func TestLoadReportsEveryProblem(t *testing.T) {
	fsys, site, err := load(t,
		appendTo(hiring, "#### Small print {#small-print}\n\n"+
			"## Notes\n\n"+
			"See [a missing heading](/guide/hiring#nowhere), [a missing section](/guide/nosuch),\n"+
			"[a relative link](skills), [a bare anchor](#top), [a missing answer](/faq/nosuch)\n"+
			"and [a broken file](/guide/skills#side-by-side), [the web](https://example.com).\n"),
		replace(skills, "order: 3\n", "order: 3\ntitel: x\n"),
		replace(paid, "order: 4", "order: 0"),
		replace("compare.yaml", "anchor: product-manager", "anchor: product-managr"),
		appendTo("faq/do-we-need-both.md", "## A heading {#a-heading}\n"),
	)
	if site != nil {
		t.Error("Load returned a Site along with its problems")
	}
	var problems content.Problems
	if !errors.As(err, &problems) {
		t.Fatalf("error %v (%T) is not content.Problems", err, err)
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.Error())
	}
	line := func(file, needle string) string {
		return fmt.Sprintf("%s:%d", file, lineOf(t, fsys, file, needle))
	}
	seeLine := line(hiring, "See [a missing")
	relLine := line(hiring, "[a relative link]")
	want := []string{
		line("compare.yaml", "- dimension: Focus\n") + `: row "Focus" points to /guide/definitions#product-managr, which does not exist`,
		line("faq/do-we-need-both.md", "## A heading") + ": an answer has no headings: the question is its heading",
		line(paid, "order: 0") + ": order must be a positive number",
		line(hiring, "#### Small print") + ": a level-4 heading is not allowed: use ## or ###",
		line(hiring, "## Notes") + `: heading "Notes" has no id: write it as "## Notes {#notes}"`,
		seeLine + `: link "/guide/hiring#nowhere": /guide/hiring has no heading with id "nowhere"`,
		seeLine + `: link "/guide/nosuch": no guide section "nosuch"`,
		relLine + `: link "skills": a link inside the site starts with / (/guide/skills, /faq/who-gets-paid-more)`,
		relLine + `: link "#top": write the page's path too (/guide/skills#id): the same text shows on more than one page`,
		relLine + `: link "/faq/nosuch": no FAQ answer "nosuch"`,
		line(skills, "titel: x") + `: unknown field "titel"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", problems, content.Problems(toErrors(want)))
	}
}

func toErrors(lines []string) []error {
	var errs []error
	for _, l := range lines {
		errs = append(errs, errors.New(l))
	}
	return errs
}
