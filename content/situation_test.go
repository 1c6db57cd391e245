package content_test

import (
	"slices"
	"testing"

	"github.com/guide/pmvspm/content"
)

// A situation names the questionnaire's questions and answers; a typo in
// either is a problem at its line, naming what the questionnaire has.
func TestLoadSituationErrors(t *testing.T) {
	const file = "faq/internal-system.md"
	testLoadErrors(t, []loadErrorCase{
		{
			name: "a question the questionnaire does not ask",
			edit: set(file, "situation", "{goal: [internal-system], size: [big]}"),
			file: file, field: "situation", reason: `situation: the questionnaire asks no "size" (it asks goal, `,
		},
		{
			name: "an answer the question does not have",
			edit: set(file, "situation", "{goal: [space-station]}"),
			file: file, field: "situation", reason: `situation: goal has no answer "space-station" (it takes new-product, `,
		},
		{
			name: "no answer at all",
			edit: set(file, "situation", "{goal: []}"),
			file: file, field: "situation", reason: "situation: goal lists no answer",
		},
	})
}

// Answers fit a situation when every field it lists has one of its
// values; the site lists the answers written for them, in FAQ order.
func TestSituations(t *testing.T) {
	site := mustLoad(t, set("faq/internal-system.md", "situation", "{goal: [internal-system, one-off], hires: [one]}"))
	answers := func(given map[string][]string) func(string) []string {
		return func(field string) []string { return given[field] }
	}
	for _, c := range []struct {
		name  string
		given map[string][]string
		fits  bool
	}{
		{"every field fits", map[string][]string{"goal": {"one-off"}, "hires": {"one"}, "complexity": {"single-team"}}, true},
		{"one field does not", map[string][]string{"goal": {"one-off"}, "hires": {"two"}}, false},
		{"a field not answered", map[string][]string{"goal": {"internal-system"}}, false},
	} {
		got := slices.ContainsFunc(site.Situations(answers(c.given)), func(a *content.Answer) bool { return a.Slug == "internal-system" })
		if got != c.fits {
			t.Errorf("%s: fits = %v, want %v", c.name, got, c.fits)
		}
	}
	if len(site.Situations(answers(nil))) != 0 {
		t.Error("no answers fit a situation")
	}
}
