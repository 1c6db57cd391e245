package content_test

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/guide/pmvspm/content"
)

// updatedLine is a front-matter date.
var updatedLine = regexp.MustCompile(`(?m)^updated: \d{4}-\d{2}-\d{2}$`)

// shipped is every file in content.Files, read once. The cases edit front
// matter by its text: every date reads 2026-11-27 here, whenever a file was
// last updated.
var shipped = sync.OnceValues(func() (fstest.MapFS, error) {
	fsys := fstest.MapFS{}
	err := fs.WalkDir(content.Files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(content.Files, path)
		if err != nil {
			return err
		}
		fsys[path] = &fstest.MapFile{Data: updatedLine.ReplaceAll(data, []byte("updated: 2026-11-27"))}
		return nil
	})
	return fsys, err
})

// realFS returns a fresh, writable copy of every file in content.Files, so
// that each case can change one file and load the rest as shipped.
func realFS(t *testing.T) fstest.MapFS {
	t.Helper()
	files, err := shipped()
	if err != nil {
		t.Fatalf("copy content.Files: %v", err)
	}
	fsys := fstest.MapFS{}
	for path, f := range files {
		fsys[path] = &fstest.MapFile{Data: slices.Clone(f.Data)}
	}
	return fsys
}

// An edit changes one file of a fixture.
type edit func(t *testing.T, fsys fstest.MapFS)

func fileText(t *testing.T, fsys fstest.MapFS, file string) string {
	t.Helper()
	f, ok := fsys[file]
	if !ok {
		t.Fatalf("fixture has no %s", file)
	}
	return string(f.Data)
}

// replace swaps old for new in file; old must occur exactly once, so that a
// change to the real content cannot make a case silently test nothing.
func replace(file, old, new string) edit {
	return func(t *testing.T, fsys fstest.MapFS) {
		t.Helper()
		text := fileText(t, fsys, file)
		if n := strings.Count(text, old); n != 1 {
			t.Fatalf("%s: %q occurs %d times; the case needs exactly one", file, old, n)
		}
		fsys[file] = &fstest.MapFile{Data: []byte(strings.Replace(text, old, new, 1))}
	}
}

// drop, as set's value, removes the field's line.
const drop = "\x00drop"

// set gives the field at path (a dotted path in a YAML file, a top-level
// key in a Markdown file's front matter) the value written as value, or
// removes its line. The field must exist: the edit names the field, not
// today's text, so rewording or re-dating the content keeps every case.
func set(file, path, value string) edit {
	return func(t *testing.T, fsys fstest.MapFS) {
		t.Helper()
		lines := strings.Split(fileText(t, fsys, file), "\n")
		i := fieldLine(t, fsys, file, path) - 1
		// The field's own line, and the lines of a list or group under it.
		end := i + 1
		indent := len(lines[i]) - len(strings.TrimLeft(lines[i], " -"))
		for end < len(lines) && strings.TrimSpace(lines[end]) != "" && len(lines[end])-len(strings.TrimLeft(lines[end], " ")) > indent && !strings.HasPrefix(lines[end], "---") {
			end++
		}
		var with []string
		if value != drop {
			key, _, _ := strings.Cut(lines[i], ":")
			with = []string{key + ": " + value}
		}
		lines = slices.Concat(lines[:i], with, lines[end:])
		fsys[file] = &fstest.MapFile{Data: []byte(strings.Join(lines, "\n"))}
	}
}

// rename gives the field at path a new key (a typo, say), keeping its value.
func rename(file, path, key string) edit {
	return func(t *testing.T, fsys fstest.MapFS) {
		t.Helper()
		lines := strings.Split(fileText(t, fsys, file), "\n")
		i := fieldLine(t, fsys, file, path) - 1
		old := path[strings.LastIndexAny(path, ".]")+1:]
		at := strings.Index(lines[i], old+":")
		if at < 0 {
			t.Fatalf("%s:%d: no %q on the line", file, i+1, old+":")
		}
		lines[i] = lines[i][:at] + key + lines[i][at+len(old):]
		fsys[file] = &fstest.MapFile{Data: []byte(strings.Join(lines, "\n"))}
	}
}

// replaceFirst replaces the first match of pattern in file; there must be one.
func replaceFirst(file, pattern, new string) edit {
	return func(t *testing.T, fsys fstest.MapFS) {
		t.Helper()
		text := fileText(t, fsys, file)
		loc := regexp.MustCompile(pattern).FindStringIndex(text)
		if loc == nil {
			t.Fatalf("%s: nothing matches %q", file, pattern)
		}
		fsys[file] = &fstest.MapFile{Data: []byte(text[:loc[0]] + new + text[loc[1]:])}
	}
}

// fieldLine returns the 1-based line of the field at path in file.
func fieldLine(t *testing.T, fsys fstest.MapFS, file, path string) int {
	t.Helper()
	text := fileText(t, fsys, file)
	first := 1
	if strings.HasSuffix(file, ".md") {
		// The front matter: from line 2 to the closing "---".
		end := strings.Index(text[4:], "\n---")
		if !strings.HasPrefix(text, "---\n") || end < 0 {
			t.Fatalf("%s has no front matter", file)
		}
		text, first = text[4:4+end+1], 2
	}
	if !strings.Contains(path, ".") {
		// A top-level key, found even when the edit broke the YAML.
		re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(path) + `:`)
		if locs := re.FindAllStringIndex(text, -1); len(locs) == 1 {
			return first + strings.Count(text[:locs[0][0]], "\n")
		}
	}
	f, err := parser.ParseBytes([]byte(text), 0)
	if err != nil {
		t.Fatalf("%s does not parse: %v", file, err)
	}
	p, err := yaml.PathString("$." + path)
	if err != nil {
		t.Fatal(err)
	}
	node, err := p.FilterFile(f)
	if err != nil || node == nil {
		t.Fatalf("%s has no field %s", file, path)
	}
	if strings.HasSuffix(path, "]") {
		// An entry of a list: the line of its first field.
		if m, ok := node.(*ast.MappingNode); ok && len(m.Values) > 0 {
			return first + m.Values[0].Key.GetToken().Position.Line - 1
		}
		return first + node.GetToken().Position.Line - 1
	}
	kv, ok := ast.Parent(f.Docs[0], node).(*ast.MappingValueNode)
	if !ok {
		t.Fatalf("%s: %s is not a field", file, path)
	}
	return first + kv.Key.GetToken().Position.Line - 1
}

// appendTo adds text, after a blank line, to the end of file.
func appendTo(file, text string) edit {
	return func(t *testing.T, fsys fstest.MapFS) {
		t.Helper()
		fsys[file] = &fstest.MapFile{Data: []byte(fileText(t, fsys, file) + "\n" + text)}
	}
}

func write(file, data string) edit {
	return func(t *testing.T, fsys fstest.MapFS) {
		fsys[file] = &fstest.MapFile{Data: []byte(data)}
	}
}

func remove(file string) edit {
	return func(t *testing.T, fsys fstest.MapFS) {
		t.Helper()
		fileText(t, fsys, file)
		delete(fsys, file)
	}
}

// copyFile adds a file identical to an existing one.
func copyFile(from, to string) edit {
	return func(t *testing.T, fsys fstest.MapFS) {
		t.Helper()
		fsys[to] = &fstest.MapFile{Data: []byte(fileText(t, fsys, from))}
	}
}

// load builds the real content with edits applied and loads it.
func load(t *testing.T, edits ...edit) (fstest.MapFS, *content.Site, error) {
	t.Helper()
	fsys := realFS(t)
	for _, e := range edits {
		e(t, fsys)
	}
	site, err := content.Load(fsys)
	return fsys, site, err
}

func mustLoad(t *testing.T, edits ...edit) *content.Site {
	t.Helper()
	_, site, err := load(t, edits...)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return site
}

// lineOf returns the 1-based line of the only occurrence of needle in file.
func lineOf(t *testing.T, fsys fstest.MapFS, file, needle string) int {
	t.Helper()
	text := fileText(t, fsys, file)
	if n := strings.Count(text, needle); n != 1 {
		t.Fatalf("%s: %q occurs %d times; cannot tell which line is meant", file, needle, n)
	}
	return strings.Count(text[:strings.Index(text, needle)], "\n") + 1
}

// A loadErrorCase is one broken file and the error Load must give for it.
type loadErrorCase struct {
	name string
	edit edit
	// file is the file the error must name; "" when the problem lies in no
	// single file, in which case the error must not be a FileError.
	file string
	// line is the line the error must name; if 0, it is the line of
	// field (a path as set takes) or else of at, after the edit.
	line  int
	field string
	at    string
	// reason is a phrase the reason must contain.
	reason string
}

func testLoadErrors(t *testing.T, cases []loadErrorCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // each case loads its own copy of the content
			fsys, site, err := load(t, tc.edit)
			if err == nil {
				t.Fatal("Load succeeded; want an error")
			}
			if site == nil || site.Whole() {
				t.Error("Load returned no Site, or a whole one, along with its error")
			}
			var fe *content.FileError
			if tc.file == "" {
				// Other problems may follow from it (links to a missing
				// section), but this one lies in no file.
				var problems content.Problems
				if !errors.As(err, &problems) {
					t.Fatalf("error %q (%T) is not content.Problems", err, err)
				}
				for _, p := range problems {
					if !errors.As(p, &fe) && strings.Contains(p.Error(), tc.reason) {
						return
					}
				}
				t.Errorf("error = %q; want a problem in no file that contains %q", err, tc.reason)
				return
			}
			if !errors.As(err, &fe) {
				t.Fatalf("error %q (%T) is not a *content.FileError", err, err)
			}
			line := tc.line
			switch {
			case tc.field != "":
				line = fieldLine(t, fsys, tc.file, tc.field)
			case line == 0:
				line = lineOf(t, fsys, tc.file, tc.at)
			}
			if fe.File != tc.file || fe.Line != line {
				t.Errorf("error at %s:%d; want %s:%d (%v)", fe.File, fe.Line, tc.file, line, err)
			}
			if !strings.Contains(fe.Reason, tc.reason) {
				t.Errorf("reason = %q; want it to contain %q", fe.Reason, tc.reason)
			}
			if want := fmt.Sprintf("%s:%d: ", fe.File, fe.Line); !strings.HasPrefix(fe.Error(), want) {
				t.Errorf("Error() = %q; want it to start with %q", fe.Error(), want)
			}
		})
	}
}

func TestLoadRealContent(t *testing.T) {
	site, err := content.Load(content.Files)
	if err != nil {
		t.Fatalf("Load(content.Files): %v", err)
	}

	t.Run("home", func(t *testing.T) {
		h := site.Home
		if h.Title == "" || h.Description == "" || h.HTML == "" || h.Updated.IsZero() {
			t.Errorf("home is incomplete: %+v", h)
		}
		checkDescription(t, "home.md", h.Description)
	})

	t.Run("sections", func(t *testing.T) {
		var slugs []string
		for _, s := range site.Sections {
			slugs = append(slugs, s.Slug)
		}
		// The published sections, in their order, with any others between.
		rest := slugs
		for _, want := range content.RequiredSections {
			i := slices.Index(rest, want)
			if i < 0 {
				t.Fatalf("sections = %v; want %v among them, in that order", slugs, content.RequiredSections)
			}
			rest = rest[i+1:]
		}
		for i, s := range site.Sections {
			if s.Title == "" || s.Description == "" || s.HTML == "" || s.InlineHTML == "" || s.Updated.IsZero() {
				t.Errorf("section %q is incomplete: %+v", s.Slug, s)
			}
			checkDescription(t, s.Slug, s.Description)
			if i > 0 && s.Order <= site.Sections[i-1].Order {
				t.Errorf("section %q has order %d, not after %d", s.Slug, s.Order, site.Sections[i-1].Order)
			}
			if got, ok := site.Section(s.Slug); !ok || got != s {
				t.Errorf("Section(%q) = %v, %v; want the loaded section", s.Slug, got, ok)
			}
		}
		if _, ok := site.Section("no-such-section"); ok {
			t.Error(`Section("no-such-section") found something`)
		}
	})

	t.Run("answers", func(t *testing.T) {
		if len(site.Answers) < len(content.RequiredAnswers) {
			t.Fatalf("%d answers; want at least %d", len(site.Answers), len(content.RequiredAnswers))
		}
		for i, want := range content.RequiredAnswers {
			if got := site.Answers[i].Slug; got != want {
				t.Errorf("answer %d = %q; want %q", i+1, got, want)
			}
		}
		for _, a := range site.Answers {
			if a.Question == "" || a.HTML == "" || a.Text == "" || a.Updated.IsZero() {
				t.Errorf("answer %q is incomplete: %+v", a.Slug, a)
			}
			if a.Summary == "" {
				t.Errorf("answer %q has no summary", a.Slug)
			}
			checkDescription(t, a.Slug+" summary", a.Summary)
			for _, rel := range a.Related {
				if _, ok := site.Section(rel); !ok {
					t.Errorf("answer %q: related section %q does not exist", a.Slug, rel)
				}
			}
			if got, ok := site.Answer(a.Slug); !ok || got != a {
				t.Errorf("Answer(%q) = %v, %v; want the loaded answer", a.Slug, got, ok)
			}
		}
	})

	t.Run("comparison", func(t *testing.T) {
		c := site.Comparison
		if c.Title == "" || c.Description == "" || c.Summary == "" || c.Updated.IsZero() {
			t.Errorf("comparison is incomplete: %+v", c)
		}
		if len(c.Rows) < 10 {
			t.Errorf("comparison has %d rows; want at least 10", len(c.Rows))
		}
		for _, r := range c.Rows {
			if !site.HasAnchor(r.Section, r.Anchor) {
				t.Errorf("row %q links to %s, which does not exist", r.Dimension, r.Link())
			}
		}
	})

	t.Run("profiles", func(t *testing.T) {
		for _, p := range []struct {
			role    string
			profile content.Profile
		}{
			{"product manager", site.ProductManager},
			{"project manager", site.ProjectManager},
		} {
			checkItems(t, p.role+" responsibilities", p.profile.Responsibilities, 5)
			checkItems(t, p.role+" skills", p.profile.Skills, 4)
		}
	})
}

// checkDescription applies the limit that search engines show: 160 characters.
func checkDescription(t *testing.T, what, desc string) {
	t.Helper()
	if n := utf8.RuneCountInString(desc); n > 160 {
		t.Errorf("%s: description is %d characters; the limit is 160: %q", what, n, desc)
	}
}

func checkItems(t *testing.T, what string, items []content.Item, want int) {
	t.Helper()
	if len(items) != want {
		t.Errorf("%s: %d items; want %d: %+v", what, len(items), want, items)
	}
	for i, it := range items {
		if it.Term == "" || it.Detail == "" {
			t.Errorf("%s: item %d has an empty term or detail: %+v", what, i+1, it)
		}
		if strings.ContainsAny(it.Term, "*:") || strings.HasPrefix(it.Detail, ":") {
			t.Errorf("%s: item %d keeps Markdown or the colon: %+v", what, i+1, it)
		}
	}
}
