package content_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/guide/pmvspm/content"
)

// A figure quoted with a "checked" date must be for a period no more than
// three years before it: a 2021 figure "last checked" in 2026 is stale
// presented as fresh. Load (and so guide -check) refuses it, at its line.
func TestFigurePeriodAgainstCheckedDate(t *testing.T) {
	const file = "guide/career-path.md"
	for _, c := range []struct {
		name, part string
		stale      string // the line that must be blamed; "" for none
	}{
		{"stale month, list", "## Figures {#figures}\n\nWhat official statistics say, last checked on 6 December 2026:\n\n- A median of $1 a year in May 2021.\n- A median of £1 a year in April 2024.\n", "$1 a year in May 2021"},
		{"stale bare year", "## Figures {#figures}\n\nA median of $1 a year in 2022 (checked in November 2026).\n", "$1 a year in 2022"},
		{"stale, ISO checked date", "## Figures {#figures}\n\nChecked 2026-12-06: a median of $1 for May 2024, and $2 for May 2021.\n", "Checked 2026-12-06"},
		{"fresh figure", "## Figures {#figures}\n\nLast checked on 6 December 2026: a median of $1 a year in May 2024.\n", ""},
		{"stale figure, no checked date", "## Figures {#figures}\n\nThe newest figure we could confirm is $1 a year, for May 2021: several years old.\n", ""},
		{"checked date under another heading", "## Checked {#checked}\n\nLast checked on 6 December 2026.\n\n## Old {#old}\n\nIn May 2019 it was $1.\n", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys, _, err := load(t, appendTo(file, c.part))
			if c.stale == "" {
				if err != nil {
					t.Fatalf("Load: %v", err)
				}
				return
			}
			wantOneProblem(t, err, fmt.Sprintf("%s:%d: the figure for", file, lineOf(t, fsys, file, c.stale)))
		})
	}
}

// wantOneProblem wants err to be exactly one problem, starting with prefix.
func wantOneProblem(t *testing.T, err error, prefix string) {
	t.Helper()
	var problems content.Problems
	if !errors.As(err, &problems) || len(problems) != 1 {
		t.Fatalf("Load = %v; want one problem", err)
	}
	if got := problems[0].Error(); !strings.HasPrefix(got, prefix) {
		t.Errorf("problem %q; want it to start %q", got, prefix)
	}
}
