package web

import (
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/templates"
)

// The site speaks with one voice: UK English, role names in lower case,
// each point made once where it belongs. The rules live in the content
// package (content.CheckWords, which guide -check runs); these tests read
// the pages through the real server.

// voiceAnswerSets are the questionnaire links the voice tests read besides the
// public pages: links shared before the questions on who decides and how
// many hires (one per goal, each with every problem ticked, so that every
// old reason's words are on one of them), then one link for each outcome
// those questions add: client work, both, part-time help, one person, not
// yet, and answers that pull against each other.
var voiceAnswerSets = []string{
	"goal=client-work&problems=unclear-direction&decider=founder-stretched&complexity=single-team&hires=one",
	"goal=new-product&problems=over-budget&decider=nobody-clearly&complexity=complex-tech&hires=two",
	"goal=internal-system&problems=unclear-direction&decider=already-covered&customer_facing=no&complexity=several-teams&hires=part-time",
	"goal=new-product&problems=no-launches&decider=founder-stretched&complexity=single-team&hires=part-time",
	"goal=new-feature&problems=missed-deadlines&decider=founder-stretched&complexity=single-team&hires=one",
	"goal=direction&problems=unclear-direction&decider=founder-has-time&complexity=single-team&hires=one",
	"goal=new-feature&decider=founder-has-time&complexity=single-team&hires=one",
	"goal=one-off&problems=no-launches&decider=nobody-clearly&complexity=complex-tech&hires=two",
	"goal=internal-system&problems=missed-deadlines&decider=nobody-clearly&customer_facing=no&complexity=single-team&hires=one",
	"goal=new-product&problems=no-launches&problems=unclear-direction&problems=over-budget&problems=missed-deadlines&problems=poor-coordination&customer_facing=yes&complexity=complex-tech",
	"goal=new-feature&problems=no-launches&problems=unclear-direction&problems=over-budget&problems=missed-deadlines&problems=poor-coordination&customer_facing=yes&complexity=several-teams",
	"goal=internal-system&problems=over-budget&customer_facing=yes&complexity=single-team",
	"goal=internal-system&customer_facing=no&complexity=single-team",
	"goal=direction&problems=unclear-direction&customer_facing=no&complexity=single-team",
}

// servedPages is every public page, sorted, then each answer set's result
// page and printable brief, and the job adverts of each new-style link.
func servedPages(t *testing.T) []string {
	t.Helper()
	var paths []string
	for p := range publicPages(t) {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, q := range voiceAnswerSets {
		paths = append(paths, "/which-role/result?"+q, "/which-role/brief?"+q)
		if strings.Contains(q, "hires=") {
			paths = append(paths, "/which-role/job-ad?"+q)
		}
	}
	return paths
}

// A servedDoc is one of servedPages, fetched and parsed.
type servedDoc struct {
	path string
	doc  *goquery.Document
}

var served struct {
	once sync.Once
	docs []servedDoc
	ok   bool
}

// servedDocs fetches and parses servedPages once, from one server, for the
// tests that read their words; a page served is the same for each of them.
// The documents are shared: read them, never change them.
func servedDocs(t *testing.T) []servedDoc {
	t.Helper()
	served.once.Do(func() {
		srv, _ := newTestServer(t, Config{})
		for _, path := range servedPages(t) {
			r := get(t, srv, path)
			wantStatus(t, r, http.StatusOK)
			served.docs = append(served.docs, servedDoc{path, r.doc(t)})
		}
		served.ok = !t.Failed()
	})
	if !served.ok {
		t.Fatal("the served pages could not all be fetched (see the first test that asked for them)")
	}
	return served.docs
}

// pageText is a page's words as a reader meets them: its title, its meta
// description and its body text, whitespace folded, typographic
// apostrophes plain.
func pageText(doc *goquery.Document) string {
	text := doc.Find("title").Text() + " \n " + doc.Find(`meta[name=description]`).AttrOr("content", "") + " \n " + spacedText(doc.Find("body").Nodes[0])
	text = strings.NewReplacer("’", "'", "‘", "'").Replace(text)
	return strings.Join(strings.Fields(text), " ")
}

// TestServedWords holds every served page (the brief's Markdown and a 404
// page too) to the editorial rules that content.CheckWords applies to the
// content files, through the same functions: a word the server puts
// together from parts (a title, a role's name) keeps them too. The rules
// themselves, and every content file, are tested in the content package.
func TestServedWords(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	spelling := func(where, text string) {
		for _, m := range content.USSpellings(text) {
			t.Errorf("%s: American spelling %q in %q", where, text[m[0]:m[1]], text[max(0, m[0]-40):min(len(text), m[1]+40)])
		}
	}
	roleNames := func(where, block string) {
		block = strings.ReplaceAll(strings.Join(strings.Fields(block), " "), templates.SiteName, "")
		for _, m := range content.RoleNameSlips(block) {
			t.Errorf("%s: %q: role names are lower case mid-sentence, and never PM", where, block[m[0]:m[1]])
		}
	}
	for _, page := range servedDocs(t) {
		path, doc := page.path, page.doc
		spelling(path, pageText(doc))
		// Each block of text (paragraph, list item, cell, heading) on its
		// own, so that a table's headings do not run into the caption
		// before them.
		blocks := append([]string{doc.Find("title").Text(), doc.Find(`meta[name=description]`).AttrOr("content", "")},
			doc.Find("p, li, td, th, dd, dt, h1, h2, h3, h4, h5, h6, caption, legend, label, figcaption").Map(func(_ int, s *goquery.Selection) string { return s.Text() })...)
		for _, b := range blocks {
			roleNames(path, b)
		}
	}
	r := get(t, srv, "/no-such-page")
	wantStatus(t, r, http.StatusNotFound)
	spelling("404 page", pageText(r.doc(t)))
	r = get(t, srv, "/which-role/brief.md?"+voiceAnswerSets[0])
	wantStatus(t, r, http.StatusOK)
	spelling("brief.md", string(r.body))
	for _, line := range strings.Split(string(r.body), "\n") {
		roleNames("brief.md", line)
	}
}

// TestHiddenTextJoins fails where text hidden for screen readers runs into
// the visible text beside it ("Back to contentsfrom …"): a letter on each
// side of the join, with no space between.
func TestHiddenTextJoins(t *testing.T) {
	t.Parallel()
	letter := func(s string, last bool) bool {
		if s == "" {
			return false
		}
		r := []rune(s)
		c := r[0]
		if last {
			c = r[len(r)-1]
		}
		return unicode.IsLetter(c) || unicode.IsDigit(c)
	}
	for _, page := range servedDocs(t) {
		path, doc := page.path, page.doc
		doc.Find(".vh").Each(func(_ int, vh *goquery.Selection) {
			n := vh.Nodes[0]
			text := vh.Text()
			if p := n.PrevSibling; p != nil && letter(goquery.NewDocumentFromNode(p).Text(), true) && letter(text, false) {
				t.Errorf("%s: hidden text %q runs into the text before it: %q", path, text, vh.Parent().Text())
			}
			if nx := n.NextSibling; nx != nil && letter(text, true) && letter(goquery.NewDocumentFromNode(nx).Text(), false) {
				t.Errorf("%s: hidden text %q runs into the text after it: %q", path, text, vh.Parent().Text())
			}
		})
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
