package content_test

import (
	"strings"
	"testing"
	"testing/fstest"
)

const focusRow = "  - dimension: Focus\n"

func TestLoadComparisonErrors(t *testing.T) {
	const file = "compare.yaml"
	testLoadErrors(t, []loadErrorCase{
		{
			name: "unknown top-level key",
			edit: replace(file, "summary: ", "sumary: "),
			file: file, at: "sumary:", reason: `unknown field "sumary"`,
		},
		{
			name: "unknown key in a row",
			edit: replace(file, focusRow, focusRow+"    colour: red\n"),
			file: file, at: "colour: red", reason: `unknown field "colour"`,
		},
		{
			name: "row points to a missing anchor",
			edit: replace(file, "anchor: product-manager", "anchor: no-such-heading"),
			file: file, at: focusRow, reason: `row "Focus" points to /guide/definitions#no-such-heading, which does not exist`,
		},
		{
			name: "row points to a missing section",
			edit: replace(file, "section: definitions", "section: definitoins"),
			file: file, at: focusRow, reason: "/guide/definitoins#product-manager, which does not exist",
		},
		{
			name: "row without a section",
			edit: replace(file, "    section: definitions\n", ""),
			file: file, at: focusRow, reason: "row 1: dimension, product_manager, project_manager and section are required",
		},
		{
			name: "missing summary",
			edit: replace(file, "summary: ", "# summary: "),
			file: file, line: 1, reason: "title, description and summary are required",
		},
		{
			name: "bad date",
			edit: replace(file, "updated: 2026-11-27", "updated: 2026-11"),
			file: file, at: "updated: 2026-11", reason: "is not a date",
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
