package content_test

import "testing"

const paid = "faq/who-gets-paid-more.md"

func TestLoadAnswerErrors(t *testing.T) {
	testLoadErrors(t, []loadErrorCase{
		{
			name: "related names a missing section",
			edit: set(paid, "related", "[hirng]"),
			file: paid, at: "related:", reason: `related: no guide section "hirng"`,
		},
		{
			// Two answers cannot share a slug: each file's slug is its name.
			name: "a copy under another name",
			edit: copyFile(paid, "faq/zz-copy.md"),
			file: "faq/zz-copy.md", at: "slug: who-gets-paid-more", reason: `slug "who-gets-paid-more" is not the file's name: the page's address is /faq/zz-copy; write slug: zz-copy, or rename the file`,
		},
		{
			name: "two answers with one order",
			edit: set("faq/best-degree-for-a-product-manager.md", "order", "1"),
			file: "faq/is-a-product-manager-above-a-project-manager.md", field: "order",
			reason: "order 1 is taken by faq/best-degree-for-a-product-manager.md: give each answer an order of its own",
		},
		{
			name:   "required answer out of order",
			edit:   set(paid, "order", "40"),
			reason: `answer 4 by order must be "who-gets-paid-more"`,
		},
		{
			name: "heading in an answer",
			edit: appendTo(paid, "## More {#more}\n"),
			file: paid, at: "## More", reason: "an answer has no headings",
		},
		{
			// Answers skip the heading transform, so a nested heading would
			// keep attributes such as style=.
			name: "heading nested in a quote",
			edit: appendTo(paid, "> ## Quoted {#quoted style=\"color:red\"}\n"),
			file: paid, at: "## Quoted", reason: "an answer has no headings",
		},
		{
			name: "empty answer",
			edit: write(paid, answerFrontMatter),
			file: paid, line: 9, reason: "the answer is empty",
		},
	})
}

// answerFrontMatter is a valid front matter for the who-gets-paid-more answer.
const answerFrontMatter = `---
question: Who gets paid more?
slug: who-gets-paid-more
order: 4
updated: 2026-11-27
related:
  - hiring
---
`

func TestAnswerSummary(t *testing.T) {
	for _, tc := range []struct {
		name, body, want string
	}{
		{"first sentence", "Product managers, on average. Not always.", "Product managers, on average."},
		{"question mark ends it", "Who knows? Nobody.", "Who knows?"},
		{"no full stop", "Product managers", "Product managers"},
		{"markup dropped", "**Product** managers, [on average](/guide/hiring). More.", "Product managers, on average."},
		{"typographer quotes", `It's "usually" product managers. More.`, "It’s “usually” product managers."},
		{"backslash escapes and entities", `AT&amp;T pays \*more\*. More.`, "AT&T pays *more*."},
		{"code span stays literal", "Use `\\*` literally. More.", `Use \* literally.`},
		{"soft line break is a space", "Product\nmanagers. More.", "Product managers."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := mustLoad(t, write(paid, answerFrontMatter+"\n"+tc.body+"\n"))
			a, ok := site.Answer("who-gets-paid-more")
			if !ok {
				t.Fatal("answer not loaded")
			}
			if a.Summary != tc.want {
				t.Errorf("Summary = %q; want %q", a.Summary, tc.want)
			}
		})
	}
}
