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
	site0 := mustLoad(t)
	fsys, site, err := load(t,
		appendTo(hiring, "#### Small print {#small-print}\n\n"+
			"## Notes\n\n"+
			"See [a missing heading](/guide/hiring#nowhere), [a missing section](/guide/nosuch),\n"+
			"[a relative link](skills), [a bare anchor](#top), [a missing answer](/faq/nosuch)\n"+
			"and [a broken file](/guide/skills#side-by-side), [the web](https://example.com).\n"),
		appendField(skills, "titel: x"),
		set(paid, "order", "0"),
		set("compare.yaml", "rows[0].anchor", "no-such-heading"),
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
		fmt.Sprintf("compare.yaml:%d: row %q points to /guide/%s#no-such-heading, which does not exist", fieldLine(t, fsys, "compare.yaml", "rows[0]"), site0.Comparison.Rows[0].Dimension, site0.Comparison.Rows[0].Section),
		line("faq/do-we-need-both.md", "## A heading") + ": an answer has no headings: the question is its heading",
		line(paid, "order: 0") + ": order must be a positive number",
		line(hiring, "#### Small print") + ": a level-4 heading is not allowed: use ## or ###",
		line(hiring, "## Notes") + `: heading "Notes" has no id: write it as "## Notes {#notes}"`,
		seeLine + `: link "/guide/hiring#nowhere": /guide/hiring has no heading with id "nowhere"`,
		seeLine + `: link "/guide/nosuch": no guide section "nosuch"`,
		relLine + `: link "skills": a link inside the site starts with / (/guide/skills, /faq/who-gets-paid-more)`,
		relLine + `: link "#top": write the page's path too (/guide/skills#id): the same text shows on more than one page`,
		relLine + `: link "/faq/nosuch": no FAQ answer "nosuch"`,
		line(skills, "titel: x") + `: unknown field "titel": check its spelling against the fields this file takes`,
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
