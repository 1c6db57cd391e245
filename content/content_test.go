package content_test

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/guide/pmvspm/content"
)

// realFS returns a fresh, writable copy of every file in content.Files, so
// that each case can change one file and load the rest as shipped.
// updatedLine is a front-matter date.
var updatedLine = regexp.MustCompile(`(?m)^updated: \d{4}-\d{2}-\d{2}$`)

func realFS(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(content.Files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(content.Files, path)
		if err != nil {
			return err
		}
		// The cases edit front matter by its text: every date reads
		// 2026-11-27 here, whenever a file was last updated.
		data = updatedLine.ReplaceAll(data, []byte("updated: 2026-11-27"))
		fsys[path] = &fstest.MapFile{Data: data}
		return nil
	})
	if err != nil {
		t.Fatalf("copy content.Files: %v", err)
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
	// line is the line the error must name; if 0, it is the line of at.
	line int
	at   string
	// reason is a phrase the reason must contain.
	reason string
}

func testLoadErrors(t *testing.T, cases []loadErrorCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys, site, err := load(t, tc.edit)
			if err == nil {
				t.Fatal("Load succeeded; want an error")
			}
			if site != nil {
				t.Error("Load returned a Site along with its error")
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
			if line == 0 {
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
		if !slices.Equal(slugs, content.RequiredSections) {
			t.Fatalf("sections = %v; want %v", slugs, content.RequiredSections)
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
