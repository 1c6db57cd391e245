package content_test

import (
	"strings"
	"testing"
	"testing/fstest"
)

const (
	skills     = "guide/skills.md"
	skillsDesc = "description: Four key skills of a good product manager and of a good project manager, side by side, and what to look for when you interview."
)

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
			edit: replace(skills, "updated: 2026-11-27\n---\n", "updated: 2026-11-27\n"),
			file: skills, line: 1, reason: "front matter not closed",
		},
		{
			// go-yaml notices the open flow sequence on the next key's line.
			name: "bad YAML: unclosed flow sequence",
			edit: replace(skills, "title: The skills each role needs", "title: [unclosed"),
			file: skills, at: "slug: skills", reason: "']' must be specified",
		},
		{
			name: "bad YAML: unclosed flow sequence on the last key",
			edit: replace(skills, "updated: 2026-11-27", "updated: [2026"),
			file: skills, at: "updated: [2026", reason: "']' not found",
		},
		{
			name: "bad YAML: duplicate key",
			edit: replace(skills, "updated: 2026-11-27\n", "updated: 2026-11-27\norder: 4\n"),
			file: skills, at: "order: 4", reason: `"order" already defined`,
		},
		{
			name: "wrong type",
			edit: replace(skills, "order: 3", "order: three"),
			file: skills, at: "order: three", reason: "cannot unmarshal",
		},
		{
			name: "unknown field",
			edit: replace(skills, "order: 3\n", "order: 3\ntitel: x\n"),
			file: skills, at: "titel: x", reason: `unknown field "titel"`,
		},
		{
			name: "missing title",
			edit: replace(skills, "title: The skills each role needs\n", ""),
			file: skills, line: 2, reason: "title is required",
		},
		{
			name: "missing slug",
			edit: replace(skills, "slug: skills\n", ""),
			file: skills, line: 2, reason: "slug is required",
		},
		{
			name: "slug not lower-case words",
			edit: replace(skills, "slug: skills", "slug: Skills_List"),
			file: skills, at: "slug: Skills_List", reason: "lower-case words joined by hyphens",
		},
		{
			name: "missing description",
			edit: replace(skills, skillsDesc+"\n", ""),
			file: skills, line: 2, reason: "description is required",
		},
		{
			name: "description over 160 characters",
			edit: replace(skills, "description: Four key skills", "description: "+long+" Four key skills"),
			file: skills, at: "description:", reason: "the limit is 160",
		},
		{
			name: "order not positive",
			edit: replace(skills, "order: 3", "order: 0"),
			file: skills, at: "order: 0", reason: "order must be a positive number",
		},
		{
			name: "bad date",
			edit: replace(skills, "updated: 2026-11-27", "updated: 2026-02-30"),
			file: skills, at: "updated: 2026-02-30", reason: "is not a date like 2026-11-27",
		},
		{
			name: "date in another format",
			edit: replace(skills, "updated: 2026-11-27", "updated: 27/11/2026"),
			file: skills, at: "updated: 27/11/2026", reason: "is not a date like 2026-11-27",
		},
		{
			name: "missing date",
			edit: replace(skills, "updated: 2026-11-27\n", ""),
			file: skills, line: 2, reason: "updated is required",
		},
		{
			name: "CRLF file keeps its line numbers",
			edit: func(t *testing.T, fsys fstest.MapFS) {
				replace(skills, "order: 3\n", "order: 3\ntitel: x\n")(t, fsys)
				fsys[skills].Data = []byte(strings.ReplaceAll(string(fsys[skills].Data), "\n", "\r\n"))
			},
			file: skills, at: "titel: x", reason: `unknown field "titel"`,
		},
		{
			name: "home: unknown field",
			edit: replace("home.md", "updated: 2026-11-27\n", "updated: 2026-11-27\nslug: home\n"),
			file: "home.md", at: "slug: home", reason: `unknown field "slug"`,
		},
		{
			name: "home: missing description",
			edit: replace("home.md", "description: A plain guide", "# description: A plain guide"),
			file: "home.md", line: 2, reason: "title and description are required",
		},
		{
			name: "faq: unknown field",
			edit: replace("faq/who-gets-paid-more.md", "order: 4\n", "order: 4\ntitle: x\n"),
			file: "faq/who-gets-paid-more.md", at: "title: x", reason: `unknown field "title"`,
		},
		{
			name: "faq: missing question",
			edit: replace("faq/who-gets-paid-more.md", "question: Who gets paid more", "# question: Who gets paid more"),
			file: "faq/who-gets-paid-more.md", line: 2, reason: "question is required",
		},
		{
			name: "faq: bad date",
			edit: replace("faq/who-gets-paid-more.md", "updated: 2026-11-27", "updated: soon"),
			file: "faq/who-gets-paid-more.md", at: "updated: soon", reason: "is not a date",
		},
	})
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
		{"description of exactly 160 characters", replace(skills, skillsDesc, "description: "+strings.Repeat("é", 160))},
		{"closing --- at the end of the file", write("home.md",
			"---\ntitle: Home\ndescription: Home page.\nupdated: 2026-11-27\n---")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mustLoad(t, tc.edit)
		})
	}
}
