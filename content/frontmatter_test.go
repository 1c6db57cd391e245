package content_test

import (
	"strings"
	"testing"
	"testing/fstest"
)

const skills = "guide/skills.md"

func TestLoadFrontMatterErrors(t *testing.T) {
	long := strings.Repeat("x", 161)
	testLoadErrors(t, []loadErrorCase{
		{
			name: "missing front matter",
			edit: replace(skills, "---\ntitle:", "title:"),
			file: skills, line: 1, reason: "front matter missing",
		},
		{
			name: "unclosed front matter",
			edit: unclose(skills),
			file: skills, line: 1, reason: "front matter not closed",
		},
		{
			// go-yaml notices the open list on a later line; the error
			// names the line that opens it.
			name: "bad YAML: unclosed list",
			edit: set(skills, "title", "[unclosed"),
			file: skills, field: "title", reason: "title: a list opened with [",
		},
		{
			name: "bad YAML: unclosed list on the last key",
			edit: set(skills, "updated", "[2026"),
			file: skills, field: "updated", reason: "updated: a list opened with [",
		},
		{
			name: "bad YAML: unclosed double quote",
			edit: set(skills, "title", `"The skills`),
			file: skills, field: "title", reason: `title: the text opens with " but is not closed`,
		},
		{
			// go-yaml reports this one a line late, in its own words
			// ("map key-value is pre-defined").
			name: "bad YAML: apostrophe inside single quotes",
			edit: set(skills, "title", `'The manager's skills'`),
			file: skills, field: "title", reason: "write an apostrophe inside it as ''",
		},
		{
			name: "bad YAML: a colon in the text",
			edit: set(skills, "title", "Skills: the list"),
			file: skills, field: "title", reason: `title: the text has a colon followed by a space`,
		},
		{
			name: "bad YAML: a tab",
			edit: set(skills, "slug", "skills\n\torder: 3"),
			file: skills, at: "\torder: 3", reason: "tab character: indent and separate with spaces only",
		},
		{
			name: "bad YAML: duplicate key",
			edit: appendField(skills, "order: 4"),
			file: skills, at: "order: 4", reason: "order is written twice",
		},
		{
			name: "order in words",
			edit: set(skills, "order", "three"),
			file: skills, field: "order", reason: "order must be a whole number, like 3",
		},
		{
			name: "order with a fraction",
			edit: set(skills, "order", "9.7"),
			file: skills, field: "order", reason: "order must be a whole number, like 3 (not 9.7)",
		},
		{
			name: "title as a list",
			edit: set(skills, "title", "\n  - one"),
			file: skills, field: "title", reason: "title must be text on the same line",
		},
		{
			name: "unknown field",
			edit: appendField(skills, "titel: x"),
			file: skills, at: "titel: x", reason: `unknown field "titel"`,
		},
		{
			name: "missing title",
			edit: set(skills, "title", drop),
			file: skills, line: 2, reason: "title is required",
		},
		{
			name: "missing slug",
			edit: set(skills, "slug", drop),
			file: skills, line: 2, reason: "slug is required",
		},
		{
			name: "slug not lower-case words",
			edit: set(skills, "slug", "Skills_List"),
			file: skills, field: "slug", reason: "lower-case words joined by hyphens",
		},
		{
			name: "missing description",
			edit: set(skills, "description", drop),
			file: skills, line: 2, reason: "description is required",
		},
		{
			name: "description over 160 characters",
			edit: set(skills, "description", long),
			file: skills, field: "description", reason: "the limit is 160",
		},
		{
			name: "order not positive",
			edit: set(skills, "order", "0"),
			file: skills, field: "order", reason: "order must be a positive number",
		},
		{
			name: "bad date",
			edit: set(skills, "updated", "2026-02-30"),
			file: skills, field: "updated", reason: "is not a date like 2026-11-27",
		},
		{
			name: "date in another format",
			edit: set(skills, "updated", "27/11/2026"),
			file: skills, field: "updated", reason: "is not a date like 2026-11-27",
		},
		{
			name: "missing date",
			edit: set(skills, "updated", drop),
			file: skills, line: 2, reason: "updated is required",
		},
		{
			name: "CRLF file keeps its line numbers",
			edit: func(t *testing.T, fsys fstest.MapFS) {
				appendField(skills, "titel: x")(t, fsys)
				fsys[skills].Data = []byte(strings.ReplaceAll(string(fsys[skills].Data), "\n", "\r\n"))
			},
			file: skills, at: "titel: x", reason: `unknown field "titel"`,
		},
		{
			name: "home: unknown field",
			edit: appendField("home.md", "slug: home"),
			file: "home.md", at: "slug: home", reason: `unknown field "slug"`,
		},
		{
			name: "home: missing description",
			edit: set("home.md", "description", drop),
			file: "home.md", line: 2, reason: "title and description are required",
		},
		{
			name: "faq: unknown field",
			edit: appendField(paid, "title: x"),
			file: paid, at: "title: x", reason: `unknown field "title"`,
		},
		{
			name: "faq: missing question",
			edit: set(paid, "question", drop),
			file: paid, line: 2, reason: "question is required",
		},
		{
			name: "faq: bad date",
			edit: set(paid, "updated", "soon"),
			file: paid, field: "updated", reason: "is not a date",
		},
		{
			name: "faq: order with a fraction",
			edit: set(paid, "order", "4.5"),
			file: paid, field: "order", reason: "order must be a whole number",
		},
	})
}

// unclose removes the "---" line that closes file's front matter.
func unclose(file string) edit {
	return func(t *testing.T, fsys fstest.MapFS) {
		t.Helper()
		text := fileText(t, fsys, file)
		end := strings.Index(text[4:], "\n---\n")
		if end < 0 {
			t.Fatalf("%s: no closing ---", file)
		}
		fsys[file] = &fstest.MapFile{Data: []byte(text[:4+end+1] + text[4+end+5:])}
	}
}

// appendField adds a line at the end of file's front matter.
func appendField(file, line string) edit {
	return func(t *testing.T, fsys fstest.MapFS) {
		t.Helper()
		text := fileText(t, fsys, file)
		end := strings.Index(text[4:], "\n---\n")
		if end < 0 {
			t.Fatalf("%s: no closing ---", file)
		}
		cut := 4 + end + 1
		fsys[file] = &fstest.MapFile{Data: []byte(text[:cut] + line + "\n" + text[cut:])}
	}
}

func TestLoadFrontMatterAccepts(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit edit
	}{
		{"CRLF line endings", func(t *testing.T, fsys fstest.MapFS) {
			fsys[skills].Data = []byte(strings.ReplaceAll(fileText(t, fsys, skills), "\n", "\r\n"))
		}},
		// The limit counts characters, not bytes.
		{"description of exactly 160 characters", set(skills, "description", strings.Repeat("é", 160))},
		{"closing --- at the end of the file", write("home.md",
			"---\ntitle: Home\ndescription: Home page.\nupdated: 2026-11-27\n---")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mustLoad(t, tc.edit)
		})
	}
}
