package content_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadComparisonErrors(t *testing.T) {
	const file = "compare.yaml"
	testLoadErrors(t, []loadErrorCase{
		{
			name: "unknown top-level key",
			edit: rename(file, "summary", "sumary"),
			file: file, at: "sumary:", reason: `unknown field "sumary"`,
		},
		{
			name: "unknown key in a row",
			edit: rename(file, "rows[0].section", "colour"),
			file: file, field: "rows[0].colour", reason: `unknown field "colour"`,
		},
		{
			name: "row points to a missing anchor",
			edit: set(file, "rows[0].anchor", "no-such-heading"),
			file: file, field: "rows[0]", reason: "#no-such-heading, which does not exist",
		},
		{
			name: "row points to a missing section",
			edit: set(file, "rows[0].section", "definitoins"),
			file: file, field: "rows[0]", reason: "/guide/definitoins#",
		},
		{
			name: "row without a section",
			edit: set(file, "rows[0].section", drop),
			file: file, field: "rows[0]", reason: "row 1: dimension, product_manager, project_manager and section are required",
		},
		{
			name: "missing summary",
			edit: set(file, "summary", drop),
			file: file, line: 1, reason: "title, description and summary are required",
		},
		{
			name: "bad date",
			edit: set(file, "updated", "2026-11"),
			file: file, field: "updated", reason: "is not a date",
		},
		{
			name: "too few rows",
			edit: func(t *testing.T, fsys fstest.MapFS) {
				text := fileText(t, fsys, file)
				// Keep the first row only.
				second := strings.Index(text, "  - dimension: The question it answers")
				write(file, text[:second])(t, fsys)
			},
			file: file, at: "rows:", reason: "at least 10 rows, has 1",
		},
	})
}

// The comparison's summary leads /compare and the home page: it must give
// the short answer as the diagram draws it, each role's part in its order,
// however it is worded.
func TestCompareSummaryGivesTheShortAnswer(t *testing.T) {
	for _, c := range []struct {
		name, summary string
		ok            bool
	}{
		{"reworded", `"In one line: product managers own the what and the why, project managers the how and the when."`, true},
		{"no when", `"A product manager decides what to build and why; a project manager works out how to build it."`, false},
		{"roles swapped", `"A project manager works out how and when; a product manager decides what and why."`, false},
		{"no rule at all", `"A product manager sets the direction; a project manager runs the work."`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys, _, err := load(t, set("compare.yaml", "summary", c.summary))
			if c.ok {
				if err != nil {
					t.Fatalf("Load: %v", err)
				}
				return
			}
			wantOneProblem(t, err, fmt.Sprintf("compare.yaml:%d: summary must give the short answer", fieldLine(t, fsys, "compare.yaml", "summary")))
		})
	}
}
