package content_test

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/guide/pmvspm/content"
)

// Load reports every problem in every file at once, each at its file and
// line, sorted; a file that does not load is not blamed twice (links to it
// are not judged). It returns what did load beside them, for the server's
// own checks: a file with problems that still names its page is there.
func TestLoadReportsEveryProblem(t *testing.T) {
	site0 := mustLoad(t)
	fsys, site, err := load(t,
		appendTo(hiring, "#### Small print {#small-print}\n\n"+
			"## Notes\n\n"+
			"See [a missing heading](/guide/hiring#nowhere), [a missing section](/guide/nosuch),\n"+
			"[a relative link](skills), [a bare anchor](#top), [a missing answer](/faq/nosuch)\n"+
			"and [a broken file](/guide/skills#side-by-side), [a broken answer](/faq/regulated-field), [the web](https://example.com).\n"),
		appendField(skills, "titel: x"),
		appendField("faq/regulated-field.md", "titel: x"),
		set(paid, "order", "0"),
		set("compare.yaml", "rows[0].anchor", "no-such-heading"),
		appendTo("faq/do-we-need-both.md", "## A heading {#a-heading}\n"),
	)
	if site == nil || site.Whole() {
		t.Fatal("Load returned no Site, or a whole one, along with its problems")
	}
	if _, ok := site.Section("hiring"); !ok || !site.Failed(hiring) {
		t.Errorf("the Site lacks the hiring section, or has it as if it had no problems")
	}
	if _, ok := site.Section("skills"); ok || !site.Failed(skills) || site.Failed("guide/definitions.md") {
		t.Errorf("the Site has the skills section, whose front matter does not load, or blames the wrong files")
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
		line("faq/regulated-field.md", "titel: x") + `: unknown field "titel": check its spelling against the fields this file takes`,
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

// Text that would be served wrongly is refused, at its line, in plain
// words: bytes that are not UTF-8 (the pages say charset=utf-8), a
// placeholder the server does not fill in (shown braces and all), a file
// far too big for any page.
func TestLoadRefusesBadText(t *testing.T) {
	testLoadErrors(t, []loadErrorCase{
		{
			name: "not UTF-8",
			edit: replaceFirst(skills, "(?m)^## ", "## Caf\xe9 "),
			file: skills, at: "## Caf\xe9",
			reason: "the file is not UTF-8 text: byte 0xE9 in column 7 is not a UTF-8 character; save the file as UTF-8",
		},
		{
			name: "not UTF-8 in YAML",
			edit: replace("words.yaml", `skip_link: "`, "skip_link: \"\xff"),
			file: "words.yaml", at: "skip_link:",
			reason: "byte 0xFF in column 15 is not a UTF-8 character",
		},
		{
			name: "unknown placeholder",
			edit: replace("words.yaml", `skip_link: "`, `skip_link: "{site}: `),
			file: "words.yaml", at: "skip_link:",
			reason: "layout.skip_link: the server fills in nothing here, so {site} would be shown as it is, braces and all",
		},
		{
			name: "a placeholder that belongs elsewhere",
			edit: replace("words.yaml", `part: "Part {n} of {total}"`, `part: "Part {n} of {total}: {title}"`),
			file: "words.yaml", at: "part: \"Part",
			reason: "layout.part: the server fills in only {n} and {total} here, so {title} would be shown as it is",
		},
		{
			name: "a file far too big",
			edit: appendTo(skills, strings.Repeat("Words and more words. ", 20000)),
			file: skills, line: 1,
			reason: "the file is 432 KiB, more than the 256 KiB a content file may hold",
		},
	})
}

// A byte-order mark, which some editors write at the start of a file, and
// Windows line ends are read as the text they stand before.
func TestLoadAcceptsBOM(t *testing.T) {
	mustLoad(t,
		func(t *testing.T, fsys fstest.MapFS) {
			fsys[skills] = &fstest.MapFile{Data: append([]byte("\uFEFF"), fsys[skills].Data...)}
		},
		func(t *testing.T, fsys fstest.MapFS) {
			fsys["words.yaml"] = &fstest.MapFile{Data: append([]byte("\uFEFF"), bytes.ReplaceAll(fsys["words.yaml"].Data, []byte("\n"), []byte("\r\n"))...)}
		})
}
