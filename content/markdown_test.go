package content_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/guide/pmvspm/content"
)

const hiring = "guide/hiring.md"

// sectionWith loads the real content with md appended to the hiring
// section, and returns that section.
func sectionWith(t *testing.T, md string) *content.Section {
	t.Helper()
	site := mustLoad(t, appendTo(hiring, md))
	s, ok := site.Section("hiring")
	if !ok {
		t.Fatal("no hiring section")
	}
	return s
}

func parseHTML(t *testing.T, s string) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(s))
	if err != nil {
		t.Fatalf("parse HTML: %v", err)
	}
	return doc
}

// attrNames lists the attributes of the selection's first element.
func attrNames(sel *goquery.Selection) []string {
	var names []string
	for _, a := range sel.Nodes[0].Attr {
		names = append(names, a.Key)
	}
	slices.Sort(names)
	return names
}

func TestLoadMarkdownErrors(t *testing.T) {
	testLoadErrors(t, []loadErrorCase{
		{
			name: "level-1 heading",
			edit: appendTo(hiring, "# Big title\n"),
			file: hiring, at: "# Big title", reason: "a level-1 heading is not allowed",
		},
		{
			name: "setext level-1 heading",
			edit: appendTo(hiring, "Big title\n=========\n"),
			file: hiring, at: "Big title\n", reason: "a level-1 heading is not allowed",
		},
		{
			name: "raw HTML block",
			edit: appendTo(hiring, "<div class=\"note\">\nHello\n</div>\n"),
			file: hiring, at: "<div", reason: "raw HTML is not allowed",
		},
		{
			// The line is the tag's, not the first line of its paragraph.
			name: "inline raw HTML on a paragraph's second line",
			edit: appendTo(hiring, "First line\nsecond <b>bold</b> line\n"),
			file: hiring, at: "second <b>", reason: "raw HTML is not allowed",
		},
		{
			name: "script tag in text",
			edit: appendTo(hiring, "Run <script>alert(1)</script> now.\n"),
			file: hiring, at: "<script>", reason: "raw HTML is not allowed",
		},
		{
			name: "HTML comment",
			edit: appendTo(hiring, "<!-- note to self -->\n"),
			file: hiring, at: "<!--", reason: "raw HTML is not allowed",
		},
		{
			name: "raw HTML on the home page",
			edit: appendTo("home.md", "<iframe src=\"https://example.com\"></iframe>\n"),
			file: "home.md", at: "<iframe", reason: "raw HTML is not allowed",
		},
		{
			name: "duplicate heading id",
			edit: appendTo(hiring, "## Both again {#hire-both}\n"),
			file: hiring, at: "## Both again", reason: `duplicate heading id "hire-both"`,
		},
		{
			name: "heading without an id",
			edit: appendTo(hiring, "## Notes *on* hiring\n"),
			file: hiring, at: "## Notes", reason: `heading "Notes on hiring" has no id: write it as "## Notes on hiring {#notes-on-hiring}"`,
		},
		{
			// The attribute does not parse, so the heading has no id, and
			// the quote never reaches the page.
			name: "quote in a heading id",
			edit: appendTo(hiring, "## Hi {#x\" onclick=\"alert(1)}\n"),
			file: hiring, at: "## Hi {#x", reason: "has no id",
		},
		{
			name: "level-4 heading",
			edit: appendTo(hiring, "#### Small print {#small-print}\n"),
			file: hiring, at: "#### Small", reason: "a level-4 heading is not allowed: use ## or ###",
		},
	})
}

func TestRenderHeadings(t *testing.T) {
	for _, tc := range []struct {
		name  string
		md    string
		id    string
		level int
		text  string
		inner string // an element that must stay inside the self-link
	}{
		{name: "explicit id", md: "## Hiring plan {#plan}", id: "plan", level: 2, text: "Hiring plan"},
		{name: "level three", md: "### The detail {#detail}", id: "detail", level: 3, text: "The detail"},
		{name: "markup inside the link", md: "## *Why* it matters {#why}", id: "why", level: 2, text: "Why it matters", inner: "em"},
		{
			name: "attributes other than id dropped",
			md:   `## Styled {#styled style="color:red" onclick="y" .loud data-x="1"}`,
			id:   "styled", level: 2, text: "Styled",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := sectionWith(t, tc.md+"\n")
			if !slices.Contains(s.Headings, content.Heading{Level: tc.level, ID: tc.id, Text: tc.text}) {
				t.Errorf("Headings = %+v; want one {%d %s %s}", s.Headings, tc.level, tc.id, tc.text)
			}
			if !s.HasAnchor(tc.id) {
				t.Errorf("HasAnchor(%q) = false", tc.id)
			}

			// The section page: as written.
			checkSelfLinkedHeading(t, "HTML", s.HTML, tc.id, tc.level, tc.text, tc.inner)
			// The one-page guide: ids prefixed, one level down, never past h6.
			checkSelfLinkedHeading(t, "InlineHTML", s.InlineHTML, "hiring-"+tc.id, min(tc.level+1, 6), tc.text, tc.inner)
			if n := parseHTML(t, s.InlineHTML).Find(fmt.Sprintf("[id=%q]", tc.id)).Length(); n != 0 {
				t.Errorf("InlineHTML keeps the unprefixed id %q", tc.id)
			}
		})
	}
}

// checkSelfLinkedHeading checks for <hN id="id"><a class="self-link" href="#id">text</a></hN>
// with no other attributes on either element.
func checkSelfLinkedHeading(t *testing.T, what, html, id string, level int, text, inner string) {
	t.Helper()
	h := parseHTML(t, html).Find(fmt.Sprintf("[id=%q]", id))
	if h.Length() != 1 {
		t.Fatalf("%s: %d elements with id %q; want 1\n%s", what, h.Length(), id, html)
	}
	if got, want := goquery.NodeName(h), fmt.Sprintf("h%d", level); got != want {
		t.Errorf("%s: #%s is <%s>; want <%s>", what, id, got, want)
	}
	if got := attrNames(h); !slices.Equal(got, []string{"id"}) {
		t.Errorf("%s: heading attributes = %v; want only id", what, got)
	}
	if n := h.Contents().Length(); n != 1 {
		t.Errorf("%s: heading has %d child nodes; want only the self-link", what, n)
	}
	a := h.ChildrenFiltered("a.self-link")
	if a.Length() != 1 {
		t.Fatalf("%s: heading has no a.self-link: %s", what, html)
	}
	if href, _ := a.Attr("href"); href != "#"+id {
		t.Errorf("%s: self-link href = %q; want %q", what, href, "#"+id)
	}
	if got := attrNames(a); !slices.Equal(got, []string{"class", "href"}) {
		t.Errorf("%s: self-link attributes = %v; want class and href", what, got)
	}
	if got := a.Text(); got != text {
		t.Errorf("%s: self-link text = %q; want %q", what, got, text)
	}
	if inner != "" && a.Find(inner).Length() == 0 {
		t.Errorf("%s: self-link lost its <%s>", what, inner)
	}
}

func TestRenderTableWithoutAlignment(t *testing.T) {
	s := sectionWith(t, "| Left | Centre | Right |\n|:-----|:------:|------:|\n| a | b | c |\n")
	for _, html := range []string{s.HTML, s.InlineHTML} {
		table := parseHTML(t, html).Find("table").Last()
		if got := table.Find("th").Map(func(_ int, s *goquery.Selection) string { return s.Text() }); !slices.Equal(got, []string{"Left", "Centre", "Right"}) {
			t.Errorf("header cells = %v", got)
		}
		if got := table.Find("td").Map(func(_ int, s *goquery.Selection) string { return s.Text() }); !slices.Equal(got, []string{"a", "b", "c"}) {
			t.Errorf("body cells = %v", got)
		}
		// style= would break the Content-Security-Policy; align= is obsolete.
		if n := table.Find("[style], [align]").Length(); n != 0 {
			t.Errorf("%d table elements carry style= or align=: %s", n, html)
		}
	}
}

func TestRenderTypographer(t *testing.T) {
	s := sectionWith(t, "Say \"yes\" and it's 'fine' -- or wait...\n")
	got := parseHTML(t, s.HTML).Find("p").Last().Text()
	if want := "Say “yes” and it’s ‘fine’ – or wait…"; got != want {
		t.Errorf("paragraph = %q; want %q", got, want)
	}
	if strings.ContainsAny(got, `"'`) {
		t.Errorf("straight quotes left in %q", got)
	}
}

// Every heading the real content renders links to itself, and the inline
// copy's ids all carry the section's prefix.
func TestRenderRealHeadings(t *testing.T) {
	site := mustLoad(t)
	for _, s := range site.Sections {
		if len(s.Headings) == 0 {
			t.Errorf("%s: no headings", s.Slug)
		}
		for _, h := range s.Headings {
			checkSelfLinkedHeading(t, s.Slug+" HTML", s.HTML, h.ID, h.Level, h.Text, "")
			checkSelfLinkedHeading(t, s.Slug+" InlineHTML", s.InlineHTML, s.Slug+"-"+h.ID, min(h.Level+1, 6), h.Text, "")
		}
		parseHTML(t, s.InlineHTML).Find("[id]").Each(func(_ int, el *goquery.Selection) {
			if id, _ := el.Attr("id"); !strings.HasPrefix(id, s.Slug+"-") {
				t.Errorf("%s InlineHTML: id %q lacks the prefix %q", s.Slug, id, s.Slug+"-")
			}
		})
	}
}
