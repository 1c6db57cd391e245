package content

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/yuin/goldmark/ast"
)

// maxFigureAge is how much older than its "checked" date a quoted figure's
// period may be. Official pay figures come out once a year, a year or so
// after the period they describe; a figure older than this beside a recent
// "checked" date is a stale figure presented as fresh.
const maxFigureAge = 3

const monthNames = `January|February|March|April|May|June|July|August|September|October|November|December`

var (
	// checkedDate finds a statement of when a figure was checked: "checked
	// on 30 November 2026", "last checked in November 2026", "checked
	// 2026-11-30".
	checkedDate = regexp.MustCompile(`(?i)\bchecked(?:\s+(?:on|in))?\s+(?:(\d{1,2})\s+)?(` + monthNames + `)\s+(\d{4})\b|(?i)\bchecked(?:\s+on)?\s+(\d{4})-(\d{2})-(\d{2})\b`)
	// figurePeriod finds the period a figure is for: "May 2021", "April
	// 2024", or a bare year after "in", "for" or "from" ("in 2021").
	figurePeriod = regexp.MustCompile(`\b(` + monthNames + `)\s+(\d{4})\b|\b(?:in|for|from)\s+(\d{4})\b`)
)

// checkFigureDates returns a problem for every period in the document that
// is more than maxFigureAge years older than the "checked" date stated in
// the same part (the text under one heading). A part that states no
// checked date makes no claim of freshness and is not judged.
func (d *document) checkFigureDates() error {
	var problems Problems
	type block struct {
		text string
		line int
	}
	var part []block
	judge := func() {
		checked, ok := time.Time{}, false
		for _, b := range part {
			if checked, ok = findChecked(b.text); ok {
				break
			}
		}
		if !ok {
			return
		}
		limit := checked.AddDate(-maxFigureAge, 0, 0)
		for _, b := range part {
			// The checked date itself names a month and a year: leave it out.
			text := checkedDate.ReplaceAllString(b.text, "")
			for _, m := range figurePeriod.FindAllStringSubmatch(text, -1) {
				if period, ok := periodStart(m); ok && period.Before(limit) {
					problems.add(fileErrorf(d.file, b.line, "the figure for %q is more than %d years older than the date it says it was checked (%s): quote the newest figure, or say plainly how old it is without a checked date",
						strings.TrimSpace(m[0]), maxFigureAge, checked.Format("2 January 2006")))
				}
			}
		}
	}
	for c := d.root.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*ast.Heading); ok {
			judge()
			part = nil
			continue
		}
		part = append(part, block{plainText(c, d.src), d.line(c)})
		// A list's items each get their own line, for the message.
		if l, ok := c.(*ast.List); ok {
			part = part[:len(part)-1]
			for it := l.FirstChild(); it != nil; it = it.NextSibling() {
				part = append(part, block{plainText(it, d.src), d.line(it)})
			}
		}
	}
	judge()
	return problems.err()
}

// findChecked returns the first "checked" date in text. Every statement
// of one says "checked", in some case: checkedDate, which tries its
// leading \b at every position, runs only on the text that does (most of
// it does not); TestFindCheckedIsThePattern holds it to the pattern.
func findChecked(text string) (time.Time, bool) {
	if !strings.Contains(strings.ToLower(text), "checked") {
		return time.Time{}, false
	}
	return checkedIn(text)
}

// checkedIn is findChecked by the pattern alone.
func checkedIn(text string) (time.Time, bool) {
	m := checkedDate.FindStringSubmatch(text)
	if m == nil {
		return time.Time{}, false
	}
	if m[4] != "" { // ISO form
		t, err := time.Parse(dateLayout, m[4]+"-"+m[5]+"-"+m[6])
		return t, err == nil
	}
	day := 1
	if m[1] != "" {
		day, _ = strconv.Atoi(m[1])
	}
	t, err := time.Parse("January 2006", m[2]+" "+m[3])
	if err != nil {
		return time.Time{}, false
	}
	return t.AddDate(0, 0, day-1), true
}

// periodStart returns the first day of the period a figurePeriod match
// names; a bare year counts from its last month, giving it the benefit of
// the doubt.
func periodStart(m []string) (time.Time, bool) {
	if m[3] != "" {
		t, err := time.Parse("2006", m[3])
		return t.AddDate(0, 11, 0), err == nil
	}
	t, err := time.Parse("January 2006", m[1]+" "+m[2])
	return t, err == nil
}
