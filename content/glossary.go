package content

import (
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// GlossarySlug is the FAQ answer that explains the guide's terms: a list
// whose items each start with the term in bold ("- **Roadmap**: …").
const GlossarySlug = "glossary"

// A term is one glossary entry, and how its uses are found: any case, a
// hyphen or a space between its words, with or without a plural s.
type term struct {
	name string
	use  *regexp.Regexp
	// first is the term's first word in lower case, which every use
	// starts with (in ASCII's upper or lower case), and maxLen the
	// longest use in bytes: firstUse runs use only where first is. A
	// term with a letter beyond ASCII has no first.
	first  string
	maxLen int
}

func newTerm(name string) term {
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == ' ' || r == '-' })
	t := term{name: name}
	if len(words) > 0 && isASCII(name) {
		t.first = words[0]
	}
	for i, w := range words {
		t.maxLen += len(w) + 1
		words[i] = regexp.QuoteMeta(w)
	}
	t.maxLen += len("es")
	t.use = regexp.MustCompile(`(?i)\b` + strings.Join(words, `[- ]`) + `(?:e?s)?\b`)
	return t
}

// firstUse is t.use.FindStringIndex(text), given lower, text with its
// ASCII letters in lower case (see lowerForTerms). A case-insensitive
// pattern has no literal prefix for the regexp package to look for, so it
// would step through the whole text; firstUse runs it only on a window at
// each place the term's first word starts. Where case folding reaches
// beyond ASCII (lower is "", or a term has a letter beyond ASCII), it runs
// the pattern on the whole text.
func (t term) firstUse(text, lower string) []int {
	if t.first == "" || lower == "" {
		return t.use.FindStringIndex(text)
	}
	for off := 0; ; {
		i := strings.Index(lower[off:], t.first)
		if i < 0 {
			return nil
		}
		p := off + i
		// The window holds the byte before (for \b) and the longest use
		// with the rune after it, so a use found at p is the one the
		// whole text has there.
		start, end := max(p-1, 0), min(p+t.maxLen+utf8.UTFMax, len(text))
		if loc := t.use.FindStringIndex(text[start:end]); loc != nil && start+loc[0] == p {
			return []int{p, start + loc[1]}
		}
		off = p + 1
	}
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// lowerForTerms is s with its ASCII letters in lower case and every other
// byte as it is, so that offsets in it are offsets in s; or "" if s holds
// a letter that case folding takes to ASCII (the Kelvin sign folds to k,
// the long s to s), which only the pattern itself finds.
func lowerForTerms(s string) string {
	if strings.ContainsAny(s, "\u212a\u017f") {
		return ""
	}
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// glossaryItem is a glossary entry as written: "- **Term**: meaning".
var glossaryItem = regexp.MustCompile(`(?m)^\s*[-*] \*\*([^*]+)\*\*`)

// glossaryTermsIn reads the terms from the glossary file in fsys, for the
// editorial rules, which read files rather than the loaded site.
func glossaryTermsIn(fsys fs.FS) []term {
	src, err := fs.ReadFile(fsys, path.Join("faq", GlossarySlug+".md"))
	if err != nil {
		return nil
	}
	var terms []term
	for _, m := range glossaryItem.FindAllStringSubmatch(string(src), -1) {
		terms = append(terms, newTerm(m[1]))
	}
	return terms
}

// isTerm reports whether text is, all of it, one of the terms ("roadmaps").
func isTerm(terms []term, text string) bool {
	text = strings.TrimSpace(text)
	return slices.ContainsFunc(terms, func(t term) bool {
		loc := t.use.FindStringIndex(text)
		return loc != nil && loc[0] == 0 && loc[1] == len(text)
	})
}

// glossaryTerms reads the terms from the glossary's list.
func glossaryTerms(doc *document) []term {
	var terms []term
	_ = ast.Walk(doc.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Kind() != ast.KindListItem {
			return ast.WalkContinue, nil
		}
		if block := n.FirstChild(); block != nil {
			if em, ok := block.FirstChild().(*ast.Emphasis); ok && em.Level == 2 {
				terms = append(terms, newTerm(plainText(em, doc.src)))
			}
		}
		return ast.WalkSkipChildren, nil
	})
	return terms
}

// Marks in a marked text: the start and end of a link to the glossary.
const (
	glossaryOpen  = '\x01'
	glossaryClose = '\x02'
)

// A markedText is a body's text, block by block (a newline between), with
// the text of links to the glossary between glossaryOpen and
// glossaryClose, and the file line where each piece of text starts.
type markedText struct {
	text   strings.Builder
	starts []int // offsets in text where a line begins…
	lines  []int // …and that line
}

func (m *markedText) write(s string, line int) {
	m.starts = append(m.starts, m.text.Len())
	m.lines = append(m.lines, line)
	m.text.WriteString(s)
}

// lineAt returns the line of the text at offset off.
func (m *markedText) lineAt(off int) int {
	line := 0
	for i, s := range m.starts {
		if s > off {
			break
		}
		line = m.lines[i]
	}
	return line
}

// markedBody returns the text of a Markdown body for checkTerms. Headings
// are left out: a title names a thing, the text under it explains it.
func (d *document) markedBody() *markedText {
	m := &markedText{}
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Heading:
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			if dest := string(n.Destination); dest == "/faq/"+GlossarySlug || strings.HasPrefix(dest, "/faq/"+GlossarySlug+"#") {
				if entering {
					m.write(string(glossaryOpen), d.line(n))
				} else {
					m.write(string(glossaryClose), d.line(n))
				}
			}
		case *ast.Text, *ast.String:
			if entering {
				m.write(rawText(n, d.src), d.line(n))
			}
		default:
			if n.Type() == ast.TypeBlock && !entering {
				m.write("\n", d.line(n))
			}
		}
		return ast.WalkContinue, nil
	})
	return m
}

// firstUnexplained returns, for each term, its first use in text if that
// use is not explained: in a link to the glossary, in brackets straight
// after it ("SaaS (software sold by subscription)"), or itself closing
// brackets after the plain words ("the plan of what comes next (the
// roadmap)").
func firstUnexplained(text string, terms []term) map[string]int {
	bad := map[string]int{}
	lower := lowerForTerms(text)
	for _, t := range terms {
		loc := t.firstUse(text, lower)
		if loc == nil {
			continue
		}
		before, after := text[:loc[0]], text[loc[1]:]
		block := before[strings.LastIndexByte(before, '\n')+1:]
		switch {
		case strings.Count(before, string(glossaryOpen)) > strings.Count(before, string(glossaryClose)):
		case strings.HasPrefix(strings.TrimLeft(after, " "), "("):
		case strings.LastIndexByte(block, '(') > strings.LastIndexByte(block, ')') && strings.HasPrefix(after, ")"):
		default:
			bad[t.name] = loc[0]
		}
	}
	return bad
}

// checkTerms returns a problem for each glossary term whose first use in
// the body is not explained (see firstUnexplained).
func (d *document) checkTerms(terms []term) error {
	return d.markedBody().unexplained(d.file, terms)
}

// checkTerms is the same rule for /compare: its summary, then its rows in
// order. A table cell cannot hold a link: a term is explained in brackets.
func (c Comparison) checkTerms(terms []term) error {
	if c.file == "" {
		return nil
	}
	m := &markedText{}
	m.write(c.Summary+"\n", c.summaryLine)
	for i, r := range c.Rows {
		m.write(r.Dimension+"\n"+r.ProductManager+"\n"+r.ProjectManager+"\n", c.rowLines[i])
	}
	return m.unexplained(c.file, terms)
}

// unexplained returns a problem for each term whose first use in m, the
// text of file, is not explained (see firstUnexplained).
func (m *markedText) unexplained(file string, terms []term) error {
	var problems Problems
	for name, off := range firstUnexplained(m.text.String(), terms) {
		problems.add(fileErrorf(file, m.lineAt(off), "%q is used here for the first time on the page: say what it means in brackets straight after it, or link it to the glossary (/faq/%s), or use plain words", name, GlossarySlug))
	}
	return problems.err()
}
