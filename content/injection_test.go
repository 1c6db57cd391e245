package content_test

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestHTMLInjection feeds Markdown that tries to get markup or script into
// the page. Raw HTML is refused at load (see TestLoadMarkdownErrors); what
// loads must come out escaped, as text.
func TestHTMLInjection(t *testing.T) {
	for _, tc := range []struct {
		name     string
		md       string
		sel      string // the element that must hold the text
		wantText string // its text, "" to skip
	}{
		{"code span", "`<script>alert(1)</script>`", "p code", "<script>alert(1)</script>"},
		{"fenced code", "```\n<script>alert(1)</script>\n```", "pre code", "<script>alert(1)</script>\n"},
		{"indented code", "    <script>alert(1)</script>", "pre code", "<script>alert(1)</script>\n"},
		{"backslash-escaped tag", `\<script>alert(1)\</script>`, "p", "<script>alert(1)</script>"},
		{"entity-escaped tag", "&lt;script&gt;alert(1)&lt;/script&gt;", "p", "<script>alert(1)</script>"},
		{"tag in a table cell", "| a |\n| - |\n| `<script>` |", "td code", "<script>"},
		{"javascript link", "[click](javascript:alert(1))", "p a", "click"},
		{"javascript link, mixed case", "[click](JaVaScRiPt:alert(1))", "p a", "click"},
		{"javascript autolink", "<javascript:alert(1)>", "p a", ""},
		{"data URL link", "[x](data:text/html;base64,PHNjcmlwdD4=)", "p a", "x"},
		{"quote in a link title", `[t](/x "a\"><script>alert(1)</script>")`, "p a", "t"},
		{"quote in an image alt", `![x" onerror="alert(1)](/a.png)`, "p img", ""},
		{"quote in a link URL", `[t](/x"onmouseover="alert(1))`, "p", ""},
		{"event handler on a heading", `## Hi {#hi onclick="alert(1)"}`, "h2#hi", "Hi"},
		{"script in a heading id", `## Hi {id="x\"><script>alert(1)</script>"}`, "h2", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := sectionWith(t, tc.md+"\n")
			for what, out := range map[string]string{"HTML": s.HTML, "InlineHTML": s.InlineHTML} {
				checkSafe(t, what, out)
				if strings.Contains(strings.ToLower(out), "<script") {
					t.Errorf("%s: unescaped <script in output:\n%s", what, out)
				}
			}
			if tc.wantText == "" {
				return
			}
			sel := parseHTML(t, s.HTML).Find(tc.sel).Last()
			if got := sel.Text(); got != tc.wantText {
				t.Errorf("%s text = %q; want %q", tc.sel, got, tc.wantText)
			}
		})
	}
}

// TestRenderedContentIsSafe checks every page body the real content renders
// against what the Markdown subset may produce: known elements, no comments
// (goldmark's "raw HTML omitted"), and only the attributes the site sets.
func TestRenderedContentIsSafe(t *testing.T) {
	site := mustLoad(t)
	checkSafe(t, "home", site.Home.HTML)
	for _, s := range site.Sections {
		checkSafe(t, s.Slug, s.HTML)
		checkSafe(t, s.Slug+" inline", s.InlineHTML)
	}
	for _, a := range site.Answers {
		checkSafe(t, "faq "+a.Slug, a.HTML)
	}
}

// allowed maps each element Markdown may produce to the attributes it may carry.
var allowed = map[string][]string{
	"p": nil, "br": nil, "hr": nil, "blockquote": nil,
	"h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"},
	"ul": nil, "ol": {"start"}, "li": nil,
	"strong": nil, "em": nil, "del": nil, "code": {"class"}, "pre": nil,
	"a": {"href", "title", "class"}, "img": {"src", "alt", "title"},
	"table": nil, "thead": nil, "tbody": nil, "tr": nil, "th": nil, "td": nil,
	// The parser's own wrapping of a fragment.
	"html": nil, "head": nil, "body": nil,
}

func checkSafe(t *testing.T, what, out string) {
	t.Helper()
	doc := parseHTML(t, out)
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.CommentNode:
			t.Errorf("%s: comment <!--%s--> in output", what, n.Data)
		case html.ElementNode:
			attrs, ok := allowed[n.Data]
			if !ok {
				t.Errorf("%s: element <%s> in output", what, n.Data)
			}
			for _, a := range n.Attr {
				if !strings.Contains(" "+strings.Join(attrs, " ")+" ", " "+a.Key+" ") {
					t.Errorf("%s: <%s %s=%q> in output", what, n.Data, a.Key, a.Val)
				}
				if a.Key == "href" || a.Key == "src" {
					if v := strings.ToLower(strings.TrimSpace(a.Val)); strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "data:") || strings.HasPrefix(v, "vbscript:") {
						t.Errorf("%s: <%s %s=%q> in output", what, n.Data, a.Key, a.Val)
					}
				}
				if a.Key == "class" && n.Data == "a" && a.Val != "self-link" {
					t.Errorf("%s: <a class=%q> in output", what, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc.Nodes[0])
}
