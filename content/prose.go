package content

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// prose is a content file's words as a reader meets them, for the
// editorial rules (editorial.go): Markdown's marks and link targets
// dropped, typographic quotes and apostrophes made plain, every run of
// white space (line ends too) one space, so that a phrase is found across
// a line break. Each byte remembers the line of the file it came from.
type prose struct {
	file  string
	text  string
	lines []int32 // lines[i] is the 1-based file line of text[i]
}

// marks are what the reader never sees: a link's target, a heading's
// {#id}, emphasis, code ticks, link brackets, heading hashes and table
// pipes (each cell a block of its own).
var marks = regexp.MustCompile(`\]\([^)\s]*\)|\{#[^}\s]*\}|[*` + "`" + `\[\]|]|(?m)^#+ `)

var plainQuotes = map[rune]byte{'’': '\'', '‘': '\'', '“': '"', '”': '"'}

// blockStart matches a line that starts a block of its own: a heading, a
// table row, a list item, a quote, or a YAML key; blockEnd a line after
// which a new block starts: a heading or a table row.
var (
	blockStart = regexp.MustCompile(`^\s*(#|\||[-*+] |\d+\. |>|[\w-]+:(\s|$))`)
	blockEnd   = regexp.MustCompile(`^\s*(#|\|)`)
)

func newProse(file string, src string) prose {
	p := prose{file: file}
	// starts[n] says whether line n starts a new block: the words before it
	// end there (a heading's end before a table), so the line break is kept
	// as a line break instead of being folded into a space.
	srcLines := strings.Split(src, "\n")
	starts := make([]bool, len(srcLines)+2)
	for i, l := range srcLines {
		starts[i+1] = i == 0 || strings.TrimSpace(srcLines[i-1]) == "" || blockEnd.MatchString(srcLines[i-1]) ||
			strings.TrimSpace(l) == "" || blockStart.MatchString(l)
	}
	var b []byte
	line := int32(1)
	emit := func(c byte) {
		b = append(b, c)
		p.lines = append(p.lines, line)
	}
	// gap ends a word with a space, or with a line break where a block
	// ends; neither comes twice, nor first.
	gap := func(c byte) {
		switch {
		case len(b) == 0:
		case b[len(b)-1] == '\n':
		case b[len(b)-1] == ' ':
			if c == '\n' {
				b[len(b)-1] = '\n'
			}
		default:
			emit(c)
		}
	}
	copyRun := func(s string) {
		for _, r := range s {
			switch {
			case r == '\n':
				if starts[line+1] {
					gap('\n')
				} else {
					gap(' ')
				}
				line++
			case unicode.IsSpace(r):
				gap(' ')
			default:
				if q, ok := plainQuotes[r]; ok {
					emit(q)
					continue
				}
				var buf [utf8.UTFMax]byte
				for _, c := range buf[:utf8.EncodeRune(buf[:], r)] {
					emit(c)
				}
			}
		}
	}
	last := 0
	for _, m := range marks.FindAllStringIndex(src, -1) {
		copyRun(src[last:m[0]])
		mark := src[m[0]:m[1]]
		if mark == "|" { // a table cell is a block of its own
			gap('\n')
		}
		line += int32(strings.Count(mark, "\n"))
		last = m[1]
	}
	copyRun(src[last:])
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\n') {
		b, p.lines = b[:len(b)-1], p.lines[:len(p.lines)-1]
	}
	p.text = string(b)
	return p
}

// line returns the file line of byte off of the text.
func (p prose) line(off int) int {
	if len(p.lines) == 0 {
		return 1
	}
	return int(p.lines[min(off, len(p.lines)-1)])
}

// problem is a problem found at byte off of the text.
func (p prose) problem(off int, format string, args ...any) *FileError {
	return fileErrorf(p.file, p.line(off), format, args...)
}

// around returns the text around [from, to), to quote in a problem.
func (p prose) around(from, to int) string {
	a, b := max(0, from-30), min(len(p.text), to+30)
	for a > 0 && !utf8.RuneStart(p.text[a]) {
		a--
	}
	for b < len(p.text) && !utf8.RuneStart(p.text[b]) {
		b++
	}
	cutA, cutB := a > 0, b < len(p.text)
	if nl := strings.LastIndexByte(p.text[a:from], '\n'); nl >= 0 {
		a, cutA = a+nl+1, false
	}
	if nl := strings.IndexByte(p.text[to:min(b+1, len(p.text))], '\n'); nl >= 0 {
		b, cutB = to+nl, false
	}
	s := p.text[a:b]
	if cutA {
		s = "…" + s
	}
	if cutB {
		s += "…"
	}
	return s
}

// A word is one word of a text: where it starts and ends.
type word struct{ from, to int }

// words splits the text into words: runs of letters, digits and
// apostrophes.
func (p prose) words() []word {
	var out []word
	from := -1
	for i, r := range p.text {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\''
		switch {
		case in && from < 0:
			from = i
		case !in && from >= 0:
			out = append(out, word{from, i})
			from = -1
		}
	}
	if from >= 0 {
		out = append(out, word{from, len(p.text)})
	}
	return out
}
