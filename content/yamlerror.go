package content

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
)

// plainYAMLError turns a go-yaml decoding error into a FileError an editor
// can act on: the line where the mistake is (not where the parser noticed
// it), the field's name and what the field expects. first is the file line
// on which src starts.
func plainYAMLError(file string, src []byte, first int, err error) *FileError {
	lines := strings.Split(string(src), "\n")
	at := func(line int, format string, args ...any) *FileError {
		return fileErrorf(file, first+line-1, format, args...)
	}
	line := 1
	var ye yaml.Error
	if errors.As(err, &ye) {
		if tok := ye.GetToken(); tok != nil && tok.Position != nil {
			line = tok.Position.Line
		}
	}
	line = min(max(line, 1), len(lines))

	// A tab anywhere in the indentation or before a value: YAML allows
	// spaces only, and the parser's own words ("found character '\t'")
	// show the tab as blank space.
	if tab := bytes.IndexByte(src, '\t'); tab >= 0 && strings.Contains(err.Error(), "'\t'") {
		return at(lineAt(src, tab), "this line has a tab character: indent and separate with spaces only")
	}
	// A quote opened and never closed: the parser notices on a later line,
	// where the next field's own opening quote reads as the closing one;
	// so the lines above the parser's are searched first.
	var syntax *yaml.SyntaxError
	n, key, q := unclosedQuote(lines[:line-1])
	if n == 0 {
		n, key, q = unclosedQuote(lines[:line])
	}
	if n > 0 && errors.As(err, &syntax) {
		if q == '\'' {
			return at(n, `%s: the text opens with ' but is not closed on this line: end it with ', and write an apostrophe inside it as '' (or put the text in "double quotes")`, key)
		}
		return at(n, `%s: the text opens with " but is not closed on this line: end it with " (and write a " inside it as \")`, key)
	}

	// A field indented unlike its neighbours: the parser notices on the
	// next field's line, in its own words.
	if errors.As(err, &syntax) {
		if e := misindented(lines, line); e != nil {
			e.File, e.Line = file, first+e.Line-1
			return e
		}
	}

	key, keyLine := keyOn(lines, line)
	var (
		typeErr     *yaml.TypeError
		overflowErr *yaml.OverflowError
		dupErr      *yaml.DuplicateKeyError
		unknownErr  *yaml.UnknownFieldError
	)
	switch {
	case errors.As(err, &typeErr):
		return at(keyLine, "%s must be %s", key, expected(typeErr.DstType)) // a list under the key: name the key's line
	case errors.As(err, &overflowErr):
		return at(line, "%s: %s is too large a number", key, overflowErr.SrcNum)
	case errors.As(err, &dupErr):
		return at(line, "%s", duplicateKey(key, dupErr.Message))
	case errors.As(err, &unknownErr):
		return at(line, "%s: check its spelling against the fields this file takes", unknownErr.Message)
	case errors.As(err, &syntax):
		msg := syntax.Message
		switch {
		case strings.HasPrefix(msg, "mapping key") && strings.Contains(msg, "already defined"):
			return at(line, "%s", duplicateKey(key, msg))
		case strings.Contains(msg, "mapping value is not allowed"):
			return at(line, `%s: the text has a colon followed by a space, which YAML reads as a new field: put the whole text in "double quotes"`, key)
		case strings.Contains(msg, "']'") || strings.Contains(msg, "'}'"):
			// The parser notices the open bracket on a later line: point
			// at the line that opens it.
			open := line
			for open > 1 && !strings.ContainsAny(valueOf(lines[open-1]), "[{") {
				open--
			}
			key, _ := keyOn(lines, open)
			return at(open, `%s: a list opened with [ (or a map with {) is not closed; if the text itself starts with [ or {, put it in "double quotes"`, key)
		default:
			return at(line, "%s: this line is not valid YAML (%s); write it as \"field: value\"", key, msg)
		}
	default:
		return at(line, "the YAML could not be read: %v", err)
	}
}

// duplicateKey reads the first line out of go-yaml's message
// (`mapping key "order" already defined at [3:1]`).
func duplicateKey(key, msg string) string {
	if m := regexp.MustCompile(`\[(\d+):\d+\]`).FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("%s is written twice (also on line %s of the front matter): keep one", key, m[1])
	}
	return fmt.Sprintf("%s is written twice: keep one", key)
}

var keyPattern = regexp.MustCompile(`^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*:(?:\s|$)`)

// keyOn returns the field named on line n (1-based), or on the nearest line
// above it that names one, and that line.
func keyOn(lines []string, n int) (key string, line int) {
	for i := min(n, len(lines)) - 1; i >= 0; i-- {
		if m := keyPattern.FindStringSubmatch(lines[i]); m != nil {
			return m[1], i + 1
		}
	}
	return "this field", n
}

// valueOf returns what follows "key:" on a line, or the whole line.
func valueOf(line string) string {
	if m := keyPattern.FindStringIndex(line); m != nil {
		return strings.TrimSpace(line[m[1]:])
	}
	return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "- "))
}

// unclosedQuote finds the last line among lines whose value opens a quote
// that the same line does not close, and returns its 1-based number, its
// field and the quote; 0 if there is none. (Multi-line quoted text is legal
// YAML, but no content file needs it.)
func unclosedQuote(lines []string) (n int, key string, quote byte) {
	for i := len(lines) - 1; i >= 0; i-- {
		v := valueOf(lines[i])
		if v == "" || (v[0] != '"' && v[0] != '\'') {
			continue
		}
		// A line that closes its quote properly ends the search, unless
		// something follows the closing quote (it' s text: 'It's').
		if rest := strings.TrimSpace(afterQuote(v)); closes(v) && (rest == "" || strings.HasPrefix(rest, "#")) {
			return 0, "", 0
		}
		key, _ := keyOn(lines, i+1)
		return i + 1, key, v[0]
	}
	return 0, "", 0
}

// closes reports whether the quoted value v closes its quote.
func closes(v string) bool { return afterQuote(v) != "\x00" }

// afterQuote returns what follows the closing quote of v, or "\x00" if the
// quote is not closed.
func afterQuote(v string) string {
	q := v[0]
	for i := 1; i < len(v); i++ {
		switch {
		case q == '"' && v[i] == '\\':
			i++
		case v[i] == q && q == '\'' && i+1 < len(v) && v[i+1] == '\'':
			i++ // '' is an apostrophe inside '…'
		case v[i] == q:
			return v[i+1:]
		}
	}
	return "\x00"
}

// expected says in plain words what a Go type takes.
func expected(t reflect.Type) string {
	if t == nil {
		return "a different kind of value"
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number, like 3"
	case reflect.String:
		return `text on the same line (put text that starts with [, { or - in "double quotes")`
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return `a list: one "- item" a line below it`
	case reflect.Struct, reflect.Map:
		return `a group of fields, each on its own line below it, indented`
	}
	return "a " + t.String()
}

// checkWholeNumbers refuses a number with a fraction in a whole-number
// field of v's top level (go-yaml would silently take 9 for 9.7).
func checkWholeNumbers(file string, y yamlLines, v any) error {
	rv := reflect.Indirect(reflect.ValueOf(v))
	if rv.Kind() != reflect.Struct {
		return nil
	}
	for i := range rv.NumField() {
		f := rv.Type().Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || f.Type.Kind() != reflect.Int {
			continue
		}
		kv := y.entry(name)
		if kv == nil || kv.Value == nil {
			continue
		}
		switch kv.Value.(type) {
		case *ast.IntegerNode, *ast.NullNode:
			continue
		}
		return fileErrorf(file, y.line(kv.Key), "%s must be a whole number, like 3 (not %s)", name, strings.TrimSpace(kv.Value.String()))
	}
	return nil
}

// misindented finds a field indented unlike the fields of its group, at or
// just above line n (1-based), where the parser stopped: a field indented
// more than the one above it, which holds text and so cannot hold it, or
// one indented less than its group but not as far out as any group above.
func misindented(lines []string, n int) *FileError {
	indent := func(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }
	content := func(i int) bool { // a line with a field or a list item
		t := strings.TrimSpace(lines[i])
		return t != "" && !strings.HasPrefix(t, "#")
	}
	prev := func(i int) int { // the content line above line index i
		for i--; i >= 0 && !content(i); i-- {
		}
		return i
	}
	opens := func(l string) bool { // ends in "key:" (a group) or a block scalar
		t := strings.TrimSpace(l)
		return strings.HasSuffix(t, ":") || strings.HasSuffix(t, "|") || strings.HasSuffix(t, ">") || strings.HasSuffix(t, "-")
	}
	// wrong says that line index i is indented unlike line j, described
	// as other.
	wrong := func(i, j int, other string) *FileError {
		key, _ := keyOn(lines, i+1)
		return &FileError{Line: i + 1, Reason: fmt.Sprintf("%s: this field is indented by %s, but %s by %s: line up the fields of one group (spaces only)",
			key, spaces(indent(lines[i])), other, spaces(indent(lines[j])))}
	}
	at := min(n, len(lines)) - 1
	if at < 0 || !content(at) {
		return nil
	}
	p := prev(at)
	if p < 0 {
		return nil
	}
	// The line above is the first of a group and indented unlike the
	// fields after it: that line is the mistake.
	next := at + 1
	for next < len(lines) && !content(next) {
		next++
	}
	if q := prev(p); q >= 0 && opens(lines[q]) && indent(lines[at]) > indent(lines[q]) && indent(lines[p]) != indent(lines[at]) &&
		keyPattern.MatchString(lines[p]) && keyPattern.MatchString(lines[at]) && next < len(lines) && indent(lines[next]) == indent(lines[at]) {
		return wrong(p, at, "the fields after it")
	}
	// The line above is indented deeper than the line above it, which
	// does not open a group: that line is the mistake.
	if q := prev(p); q >= 0 && indent(lines[p]) > indent(lines[q]) && !opens(lines[q]) && keyPattern.MatchString(lines[p]) {
		return wrong(p, q, "the field above it")
	}
	// This line is indented deeper than the line above, which holds text
	// and so cannot hold fields.
	if indent(lines[at]) > indent(lines[p]) && !opens(lines[p]) && keyPattern.MatchString(lines[at]) {
		return wrong(at, p, "the field above it")
	}
	// This line is indented less than the line above, but not as far out
	// as any group it could belong to.
	if indent(lines[at]) < indent(lines[p]) && keyPattern.MatchString(lines[at]) {
		// The groups the line above is in: each line further out above it.
		groups, limit := map[int]bool{0: true}, indent(lines[p])
		for i := p; i >= 0; i-- {
			if ind := indent(lines[i]); content(i) && ind < limit {
				groups[ind], limit = true, ind
			}
		}
		if !groups[indent(lines[at])] {
			return wrong(at, p, "the field above it")
		}
	}
	return nil
}

// spaces says a number of spaces: "1 space", "3 spaces".
func spaces(n int) string {
	if n == 1 {
		return "1 space"
	}
	return fmt.Sprintf("%d spaces", n)
}
