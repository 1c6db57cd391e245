package web

import (
	"os"

	"golang.org/x/net/html"
	"strings"
	"testing"
	"unicode"
)

// runLength is the longest run of words the site may share with the source
// article, minus one: every word on the site is ours.
const runLength = 12

// sourceFile is the article the guide's facts come from. It lives beside the
// repository, not in it; GUIDE_SOURCE overrides the path.
func sourceFile() string {
	if p := os.Getenv("GUIDE_SOURCE"); p != "" {
		return p
	}
	return "../../shared/source/guide-source.txt"
}

// words splits text into lower-case words, with typographic quotes and
// apostrophes folded so that "it’s" and "it's" match.
func words(text string) []string {
	text = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(strings.ToLower(text))
	return strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

// TestNoCopiedRuns fails on any run of runLength words that a public page
// shares with the source article.
func TestNoCopiedRuns(t *testing.T) {
	src, err := os.ReadFile(sourceFile())
	if os.IsNotExist(err) && os.Getenv("GUIDE_SOURCE") == "" {
		t.Skipf("source article not found at %s; set GUIDE_SOURCE to check against it", sourceFile())
	}
	if err != nil {
		t.Fatal(err)
	}
	runs := map[string]bool{}
	sw := words(string(src))
	for i := 0; i+runLength <= len(sw); i++ {
		runs[strings.Join(sw[i:i+runLength], " ")] = true
	}
	if len(runs) < 100 {
		t.Fatalf("source has only %d runs of %d words; is it the article?", len(runs), runLength)
	}

	srv, _ := newTestServer(t, Config{})
	paths := []string{"/which-role/result?goal=new-product&problems=no-launches&problems=unclear-direction&problems=over-budget&problems=missed-deadlines&problems=poor-coordination&customer_facing=yes&complexity=complex-tech"}
	for path := range publicPages(t) {
		paths = append(paths, path)
	}
	for _, path := range paths {
		r := get(t, srv, path)
		wantStatus(t, r, 200)
		doc := r.doc(t)
		texts := []string{spacedText(doc.Find("body").Nodes[0]), doc.Find(`meta[name=description]`).AttrOr("content", "")}
		for _, text := range texts {
			w := words(text)
			for i := 0; i+runLength <= len(w); i++ {
				if run := strings.Join(w[i:i+runLength], " "); runs[run] {
					t.Errorf("%s copies %d words from the source: %q", path, runLength, run)
				}
			}
		}
	}
}

// spacedText is the text under n with a space between text nodes, so that
// adjacent list items or cells do not run together into one word.
func spacedText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
