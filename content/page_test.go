package content_test

import (
	"slices"
	"strings"
	"testing"
)

const about = "pages/about.md"

func TestLoadPageErrors(t *testing.T) {
	testLoadErrors(t, []loadErrorCase{
		{
			name: "unknown field",
			edit: appendField(about, "order: 1"),
			file: about, at: "order: 1", reason: `unknown field "order"`,
		},
		{
			name: "missing title",
			edit: set(about, "title", drop),
			file: about, line: 2, reason: "title is required",
		},
		{
			name: "bad slug",
			edit: set(about, "slug", "About"),
			file: about, field: "slug", reason: "lower-case words",
		},
		{
			name: "description too long",
			edit: set(about, "description", strings.Repeat("x", 161)),
			file: about, field: "description", reason: "the limit is 160",
		},
		{
			name: "bad date",
			edit: set(about, "updated", "27/11/2026"),
			file: about, field: "updated", reason: "is not a date",
		},
		{
			name: "raw HTML",
			edit: appendTo(about, "<script>alert(1)</script>\n"),
			file: about, at: "<script>", reason: "raw HTML is not allowed",
		},
		{
			name: "level-1 heading",
			edit: appendTo(about, "# Big title\n"),
			file: about, at: "# Big title", reason: "a level-1 heading is not allowed",
		},
		{
			name: "a page the site does not route",
			edit: write("pages/contact.md", "---\ntitle: Contact\nslug: contact\ndescription: How to reach us.\nupdated: 2026-11-27\n---\n\nWrite to us.\n"),
			file: "pages/contact.md", line: 3, reason: `unexpected page "contact"`,
		},
		{
			name: "a copy under another name",
			edit: copyFile(about, "pages/about-copy.md"),
			file: "pages/about-copy.md", line: 3, reason: `slug "about" is not the file's name`,
		},
		{
			name:   "missing page",
			edit:   remove("pages/privacy.md"),
			reason: `page "privacy" is missing`,
		},
	})
}

func TestLoadRealPages(t *testing.T) {
	site := mustLoad(t)
	var slugs []string
	for _, p := range site.Pages {
		slugs = append(slugs, p.Slug)
		if p.Title == "" || p.Description == "" || p.HTML == "" || p.Updated.IsZero() {
			t.Errorf("page %q is incomplete: %+v", p.Slug, p)
		}
		checkDescription(t, p.Slug, p.Description)
		if got, ok := site.Page(p.Slug); !ok || got != p {
			t.Errorf("Page(%q) = %v, %v; want the loaded page", p.Slug, got, ok)
		}
		if len(p.Headings) == 0 {
			t.Errorf("page %q has no headings to link to", p.Slug)
		}
	}
	if want := []string{"about", "privacy"}; !slices.Equal(slugs, want) {
		t.Errorf("pages = %v; want %v", slugs, want)
	}
	if _, ok := site.Page("contact"); ok {
		t.Error(`Page("contact") found something`)
	}
}
