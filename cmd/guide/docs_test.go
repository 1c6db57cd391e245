package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The README stays a page for users and editors, and every link between
// it and doc/ leads to a file and a heading that exist.
func TestDocsLinks(t *testing.T) {
	root := filepath.Join("..", "..")
	files := []string{"README.md"}
	docs, err := filepath.Glob(filepath.Join(root, "doc", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		rel, _ := filepath.Rel(root, d)
		files = append(files, rel)
	}
	if len(files) < 3 {
		t.Fatalf("doc/ holds %d Markdown files; want operations.md and performance.md at least", len(files)-1)
	}

	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(readme), "\n"); n > 250 {
		t.Errorf("README.md has %d lines, more than 250: keep it for users and editors and move reference, figures and history to doc/", n)
	}
	for _, want := range []string{"doc/operations.md", "doc/performance.md", "doc/content.md", "doc/CHANGELOG.md"} {
		if !strings.Contains(string(readme), want) {
			t.Errorf("README.md does not mention %q", want)
		}
	}

	link := regexp.MustCompile(`\]\(([^)\s]+)\)`)
	for _, f := range files {
		body, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range link.FindAllStringSubmatch(string(body), -1) {
			target := m[1]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			path, anchor, _ := strings.Cut(target, "#")
			file := f
			if path != "" {
				file = filepath.Join(filepath.Dir(f), path)
			}
			linked, err := os.ReadFile(filepath.Join(root, file))
			if err != nil {
				t.Errorf("%s: link %q: %v", f, target, err)
				continue
			}
			if anchor != "" && !hasHeading(string(linked), anchor) {
				t.Errorf("%s: link %q: %s has no heading with the id %q", f, target, file, anchor)
			}
		}
	}
}

// hasHeading reports whether a Markdown document has a heading whose
// GitHub-style id (lower case, spaces to hyphens, punctuation dropped) is id.
func hasHeading(doc, id string) bool {
	for _, line := range strings.Split(doc, "\n") {
		if !strings.HasPrefix(line, "#") {
			continue
		}
		title := strings.TrimSpace(strings.TrimLeft(line, "#"))
		var b strings.Builder
		for _, r := range strings.ToLower(title) {
			switch {
			case r == ' ':
				b.WriteRune('-')
			case r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
				b.WriteRune(r)
			}
		}
		if b.String() == id {
			return true
		}
	}
	return false
}

// The README's table of settings is the program's: every flag has its row,
// and a row names an environment variable exactly when the flag falls
// back to it (its usage says "(env NAME…)").
func TestReadmeSettings(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var usage strings.Builder
	parseConfig([]string{"guide", "-h"}, func(string) string { return "" }, &usage)
	flagLine := regexp.MustCompile(`(?m)^  -([a-z-]+)[^\n]*\n((?:    [^\n]*\n?)*)`)
	envName := regexp.MustCompile(`\b[A-Z][A-Z_]{2,}\b`)
	rows := map[string][]string{}
	row := regexp.MustCompile("(?m)^\\| `-([a-z-]+)` \\|([^|]*)\\|")
	for _, m := range row.FindAllStringSubmatch(string(readme), -1) {
		rows[m[1]] = envName.FindAllString(m[2], -1)
	}
	flags := 0
	for _, m := range flagLine.FindAllStringSubmatch(usage.String(), -1) {
		flags++
		name, help := m[1], strings.Join(strings.Fields(m[2]), " ")
		var want []string
		if _, env, ok := strings.Cut(help, "(env "); ok {
			env, _, _ = strings.Cut(env, ";")
			env, _, _ = strings.Cut(env, ")")
			want = envName.FindAllString(env, -1)
		}
		got, ok := rows[name]
		switch {
		case !ok:
			t.Errorf("README's settings have no row for -%s", name)
		case strings.Join(slices.Compact(slices.Sorted(slices.Values(got))), " ") != strings.Join(slices.Compact(slices.Sorted(slices.Values(want))), " "):
			t.Errorf("README: -%s falls back to %v, its row says %v", name, want, got)
		}
		delete(rows, name)
	}
	if flags < 15 {
		t.Fatalf("read %d flags from -h; the usage's shape changed?\n%s", flags, usage.String())
	}
	for name := range rows {
		t.Errorf("README has a row for -%s, which the program does not have", name)
	}
}
