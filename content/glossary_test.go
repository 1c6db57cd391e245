package content_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// firstGlossaryTerm returns the first term the shipped glossary explains,
// whatever it is today.
func firstGlossaryTerm(t *testing.T) string {
	t.Helper()
	fsys := realFS(t)
	m := regexp.MustCompile(`(?m)^- \*\*([^*]+)\*\*`).FindStringSubmatch(fileText(t, fsys, "faq/glossary.md"))
	if m == nil {
		t.Fatal("faq/glossary.md lists no term as - **Term**: meaning")
	}
	return m[1]
}

// answer is a new FAQ answer whose body is body.
func answer(body string) edit {
	return write("faq/fixture-answer.md", "---\nquestion: A fixture question?\nslug: fixture-answer\norder: 99\nupdated: 2026-12-06\n---\n\n"+body)
}

// Each term the glossary lists is explained where a page first uses it:
// in brackets straight after it, closing brackets after plain words, or
// linked to the glossary. Load (and so guide -check) names the first use
// that is not, wherever it is: a Markdown body or /compare's rows.
func TestGlossaryTermsExplainedAtFirstUse(t *testing.T) {
	term := firstGlossaryTerm(t)
	lower := strings.ToLower(term)
	const file = "faq/fixture-answer.md"
	for _, c := range []struct {
		name string
		edit edit
		bad  string // the text on the line to blame (in compare.yaml, the row's path); "" for none
		in   string // the file to blame
		term string // the term to name, if not the glossary's first
	}{
		{"unexplained", answer("A fixture answer.\n\nWe talk about " + lower + " a lot.\n\nAnd " + lower + " (explained late) again.\n"), "We talk about", file, ""},
		{"in brackets after it", answer("A fixture answer about " + lower + " (what it means here), then " + lower + " again.\n"), "", "", ""},
		{"closing brackets after plain words", answer("A fixture answer about plain words (" + lower + ").\n"), "", "", ""},
		{"linked to the glossary", answer("A fixture answer about [" + lower + "](/faq/glossary).\n"), "", "", ""},
		{"only in a heading", appendTo("guide/skills.md", "## On "+lower+" {#on-fixture}\n\nNothing more.\n"), "", "", ""},
		{"a new term in the glossary", func(t *testing.T, fsys fstest.MapFS) {
			appendTo("faq/glossary.md", "- **Fixture jargon**: what it means.\n")(t, fsys)
			answer("A fixture answer.\n\nFixture jargon is everywhere.\n")(t, fsys)
		}, "Fixture jargon is everywhere", file, "Fixture jargon"},
		{"a comparison row", set("compare.yaml", "rows[0].product_manager", `"A fixture cell on `+lower+`"`), "rows[0]", "compare.yaml", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys, _, err := load(t, c.edit)
			if c.bad == "" {
				if err != nil {
					t.Fatalf("Load: %v", err)
				}
				return
			}
			line := 0
			if c.in == "compare.yaml" {
				line = fieldLine(t, fsys, c.in, c.bad)
			} else {
				line = lineOf(t, fsys, c.in, c.bad)
			}
			want := term
			if c.term != "" {
				want = c.term
			}
			wantOneProblem(t, err, fmt.Sprintf("%s:%d: %q is used here for the first time", c.in, line, want))
		})
	}
}
