package web

import (
	"io/fs"
	"net/http"
	"regexp"
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
// each point made once where it belongs. These tests read the pages
// through the real server, and the content files the pages are made from.

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

// usSpellings are American spellings, each a regular expression matched
// case-insensitively on word boundaries; the site writes the UK form
// (organise, programme, towards, judgement, behaviour, colour, centre).
var usSpellings = []string{
	`(organi|prioriti|recogni|reali|optimi|minimi|maximi|summari|emphasi|speciali|utili|apologi|critici|customi|finali|authori|categori|standardi|familiari|characteri|mobili|stabili|capitali|visuali|memori|moderni|normali|symboli|harmoni|itemi|empathi|moneti|strategi)z(e|es|ed|ing|er|ers|ation|ations|ational)`,
	`analyz\w*`, `behavior\w*`, `colors?`, `colored`, `favor\w*`, `honor\w*`, `labor\w*`, `neighbor\w*`,
	`center(s|ed)?`, `theaters?`, `judgments?`, `toward`, `programs?`, `programmed`, `catalogs?`,
	`defense`, `offense`, `enroll(s|ed|ing|ment)?`, `fulfill(s|ment)?`, `skillful`,
	`(travel|cancel|model|label|signal)(ed|ing)`, `gray`, `percent`, `math`, `afterward`, `resume`,
}

// spellingExceptions are American spellings the site may quote: proper
// names, and the one place that names the American title on purpose.
var spellingExceptions = []string{
	"Bureau of Labor Statistics",
	"(US: program manager)",
}

var usSpelling = regexp.MustCompile(`(?i)^(` + strings.Join(usSpellings, "|") + `)$`)

// usSpellingsIn returns where text has a word usSpelling matches. Every
// spelling is one word, so the text is read word by word (runs of ASCII
// letters, digits and underscores, as between two \b), each distinct word
// matched once.
func usSpellingsIn(text string) [][2]int {
	var found [][2]int
	isUS := map[string]bool{}
	wordByte := func(c byte) bool {
		return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	for i := 0; i < len(text); {
		if !wordByte(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && wordByte(text[j]) {
			j++
		}
		w := text[i:j]
		us, ok := isUS[w]
		if !ok {
			us = usSpelling.MatchString(w)
			isUS[w] = us
		}
		if us {
			found = append(found, [2]int{i, j})
		}
		i = j
	}
	return found
}

// contentTexts returns every Markdown and YAML file the site is made of,
// by name: words the pages do not all show at once (every reason, every
// card caption) are checked there.
func contentTexts(t *testing.T) map[string]string {
	t.Helper()
	texts := map[string]string{}
	err := fs.WalkDir(content.Files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(content.Files, path)
		texts[path] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return texts
}

// TestUKSpelling fails on an American spelling anywhere on the site: every
// served page (the brief's Markdown and a 404 page too), and every content
// file, which holds the cards' captions and every answer's words.
func TestUKSpelling(t *testing.T) {
	t.Parallel()
	check := func(where, text string) {
		for _, ok := range spellingExceptions {
			text = strings.ReplaceAll(text, ok, "")
		}
		for _, m := range usSpellingsIn(text) {
			t.Errorf("%s: American spelling %q in %q", where, text[m[0]:m[1]], text[max(0, m[0]-40):min(len(text), m[1]+40)])
		}
	}
	srv, _ := newTestServer(t, Config{})
	for _, page := range servedDocs(t) {
		path, doc := page.path, page.doc
		check(path, pageText(doc))
	}
	r := get(t, srv, "/no-such-page")
	wantStatus(t, r, http.StatusNotFound)
	check("404 page", pageText(r.doc(t)))
	r = get(t, srv, "/which-role/brief.md?"+voiceAnswerSets[0])
	wantStatus(t, r, http.StatusOK)
	check("brief.md", string(r.body))
	for name, text := range contentTexts(t) {
		// YAML comments and front-matter keys are for editors, but they
		// are words of ours too.
		check("content/"+name, text)
	}
	// The list must catch what it is for.
	for _, us := range []string{"organization", "organizes", "toward", "prioritize", "behavior", "color", "center", "judgment", "analyze"} {
		if m := usSpellingsIn("We " + us + ", mid-sentence."); len(m) != 1 || m[0] != [2]int{3, 3 + len(us)} {
			t.Errorf("the spelling list misses %q", us)
		}
	}
	for _, uk := range []string{"organisation", "organises", "towards", "prioritise", "behaviour", "colour", "centre", "judgement", "analyse", "size", "programme"} {
		if m := usSpellingsIn("We " + uk + ", mid-sentence."); len(m) != 0 {
			t.Errorf("the spelling list flags the UK spelling %q", uk)
		}
	}
}

// roleCase matches a role or method name written other than in lower case
// mid-sentence ("a Product Manager", "the Scrum master"), and the
// abbreviation PM. A name after a sentence's end or at the start of a
// heading or list item is not matched: the match needs a lower-case word
// or a comma before it.
var roleCase = regexp.MustCompile(`\b[a-z]+,? (Product|Project|Programme|Program|Delivery|Technical [Pp]roject) [Mm]anagers?\b|\b(product|project|programme|delivery) Managers?\b|\b[a-z]+,? Scrum [Mm]asters?\b|\bscrum Masters?\b|\b[a-z]+,? Product [Oo]wners?\b|\bproduct Owners?\b|\bPMs?\b`)

// TestRoleNamesLowerCase fails on a capitalised role name mid-sentence or
// the abbreviation PM, on any served page. It reads each block of text
// (paragraph, list item, cell, heading) on its own, so that a table's
// headings do not run into the caption before them; the site's name, a
// title, is left out.
func TestRoleNamesLowerCase(t *testing.T) {
	t.Parallel()
	for _, page := range servedDocs(t) {
		path, doc := page.path, page.doc
		blocks := append([]string{doc.Find("title").Text(), doc.Find(`meta[name=description]`).AttrOr("content", "")},
			doc.Find("p, li, td, th, dd, dt, h1, h2, h3, h4, h5, h6, caption, legend, label, figcaption").Map(func(_ int, s *goquery.Selection) string { return s.Text() })...)
		for _, b := range blocks {
			b = strings.ReplaceAll(strings.Join(strings.Fields(b), " "), templates.SiteName, "")
			for _, m := range roleCase.FindAllString(b, -1) {
				t.Errorf("%s: %q: role names are lower case mid-sentence, and never PM", path, m)
			}
		}
	}
	for _, bad := range []string{"hire a Product Manager", "the Scrum master", "a PM", "each Product owner"} {
		if !roleCase.MatchString(bad) {
			t.Errorf("the pattern misses %q", bad)
		}
	}
	for _, good := range []string{"Product manager or project manager", "Scrum master. Helps", "Certified ScrumMaster", "PMP"} {
		if roleCase.MatchString(good) {
			t.Errorf("the pattern flags %q", good)
		}
	}
}

// distinctPages are the pages that together hold every word of the guide
// once: the whole guide and the whole FAQ stand for their parts.
var distinctPages = []string{"/", "/guide", "/faq", "/compare", "/about", "/privacy", "/which-role", "/which-role/how-it-works"}

// TestRepetition counts the phrases a review found said too often, across
// the distinct pages: each point is made where it belongs and linked from
// elsewhere.
func TestRepetition(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	texts := map[string]string{}
	for _, path := range distinctPages {
		r := get(t, srv, path)
		wantStatus(t, r, http.StatusOK)
		main := r.doc(t).Find("main")
		// The split diagram is a picture of the rule of thumb, drawn
		// wherever it helps; its words are counted with it, not as text.
		main.Find("svg").Remove()
		texts[path] = strings.ToLower(strings.Join(strings.Fields(spacedText(main.Nodes[0])), " "))
	}
	tests := []struct {
		name    string
		pattern *regexp.Regexp
		most    int      // at most this many times across all the pages
		only    []string // if set, only on these pages
	}{
		{"the on-time family", regexp.MustCompile(`\b(on time|on schedule|on budget|within budget|within scope|in scope|on deadline|inside the agreed scope)\b`), 12, nil},
		// The rule of thumb: said in its one section (what and why, how
		// and when: its heading and its two lines), drawn in the diagram,
		// given as the short answer that leads the home page and /compare
		// (one line, compare.yaml's summary), linked from everywhere else.
		{"what and why, how and when", regexp.MustCompile(`\b(what (and|&) why|the what and the why|how (and|&) when|the how and the when)\b`), 6, []string{"/guide", "/", "/compare"}},
		{"no salary figures", regexp.MustCompile(`\b(quotes? no (salary )?(figures|salaries)|no salary figures)\b`), 1, nil},
	}
	for _, tt := range tests {
		total := 0
		for _, path := range distinctPages {
			n := len(tt.pattern.FindAllString(texts[path], -1))
			total += n
			if n > 0 && tt.only != nil && !slices.Contains(tt.only, path) {
				t.Errorf("%s: %s said %d times; it belongs on %v only", path, tt.name, n, tt.only)
			}
		}
		t.Logf("%s: %d times", tt.name, total)
		if total > tt.most {
			t.Errorf("%s: said %d times across the pages, want at most %d", tt.name, total, tt.most)
		}
	}
}

// money matches an amount with a currency sign or code before or after it.
var money = regexp.MustCompile(`[$£€¥]\s?\d|\d[\d,.]*\s?(USD|GBP|EUR|dollars|pounds|euros)\b|\b(USD|GBP|EUR)\s?\d`)

// TestMoneyOnlyInPay fails on an amount of money anywhere on the site but
// in the guide's pay section, and on one there that has no link to its
// source beside it.
func TestMoneyOnlyInPay(t *testing.T) {
	t.Parallel()
	found := 0
	for _, page := range servedDocs(t) {
		path, doc := page.path, page.doc
		head := append([]string{doc.Find("title").Text()}, doc.Find(`meta`).Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("content", "") })...)
		if m := money.FindString(strings.Join(head, " ")); m != "" {
			t.Errorf("%s: an amount (%q) in the page's head", path, m)
		}
		// The pay section: the heading with id "pay" (or "career-path-pay"
		// on the one-page guide) and what follows it up to the next heading.
		pay := map[*html.Node]bool{}
		doc.Find(`#pay, #career-path-pay`).Each(func(_ int, h *goquery.Selection) {
			h.NextUntil("h1, h2, h3, h4").Each(func(_ int, s *goquery.Selection) { pay[s.Nodes[0]] = true })
		})
		doc.Find("body *").Each(func(_ int, s *goquery.Selection) {
			own := s.Contents().FilterFunction(func(_ int, c *goquery.Selection) bool { return c.Nodes[0].Type == html.TextNode }).Text()
			m := money.FindString(own)
			if m == "" {
				return
			}
			found++
			block := s.ParentsFiltered("main *").AddSelection(s).FilterFunction(func(_ int, b *goquery.Selection) bool { return pay[b.Nodes[0]] })
			if block.Length() == 0 {
				t.Errorf("%s: %q is not in the pay section: %q", path, m, own)
				return
			}
			if block.Find(`a[href^="https://"]`).Length() == 0 {
				t.Errorf("%s: %q has no link to its source beside it", path, m)
			}
		})
	}
	if found == 0 {
		t.Error("no amount found anywhere: the pay section's figures are gone, or the pattern no longer finds them")
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

// TestFAQLinkTexts fails on a link to an FAQ answer whose words are not the
// answer's question: a reader who follows "Does one role outrank the
// other?" should land on a page with that title.
func TestFAQLinkTexts(t *testing.T) {
	t.Parallel()
	questions := map[string]string{}
	for _, a := range loadSite(t).Answers {
		questions["/faq/"+a.Slug] = a.Question
	}
	fold := func(s string) string {
		return strings.ToLower(strings.Join(strings.Fields(strings.NewReplacer("’", "'", "‘", "'").Replace(s)), " "))
	}
	links := 0
	for _, page := range servedDocs(t) {
		path, doc := page.path, page.doc
		doc.Find(`main a[href^="/faq/"]`).Each(func(_ int, a *goquery.Selection) {
			href := a.AttrOr("href", "")
			q, ok := questions[href]
			if !ok {
				return // an anchor on /faq, or a page the link checks judge
			}
			links++
			if !strings.Contains(fold(a.Text()), fold(q)) {
				t.Errorf("%s: the link to %s says %q, not its question %q", path, href, a.Text(), q)
			}
		})
	}
	if links == 0 {
		t.Error("no links to FAQ answers found")
	}
}
