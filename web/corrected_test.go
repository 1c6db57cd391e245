package web

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/web/decision"
)

// The rules of SPEC §8.1 that are about words: the tests here read the
// pages (and, for every answer set, the views the pages are made from) as
// a reader would.

var (
	// clientWords: rule 14, nothing on a one-off project speaks of a client.
	clientWords = regexp.MustCompile(`(?i)\bclients?\b`)
	// ourClient: rule 16, an advert says "our client" only for client work.
	ourClient = regexp.MustCompile(`(?i)\bour clients?\b`)
	// saidCovered: rule 15, nothing tells a visitor whom nobody decides for
	// that the decisions are covered or play no part.
	saidCovered = regexp.MustCompile(`(?i)decisions?\b[^.]*\b(covered|play no part|plays no part)\b|covers the product work|product work is covered`)
	// keepsDecisions: rule 17's example, an answer that lost to a problem
	// ("you have the time", "someone already decides") argued from anyway.
	keepsDecisions = regexp.MustCompile(`(?i)\byou keep (those|these|the) decisions\b|\bdo not need a product manager\b|\bcovers the product work\b`)
)

// rule16 are SPEC §8.1 rule 16's words for the answer "already covered".
const (
	rule16Client  = "the client decides what is delivered"
	rule16Product = "a product person already decides what gets built"
)

// examples are the seven links of issue 28, each with the corrected
// answer, read from the page: the recommendation, the first sentence, the
// data-check elements and the adverts.
var examples = []struct {
	name, query string
	rec, lead   string
	help        string
	checks      []string // data-check elements on the page
	hires       []string // the kit's hires the adverts are for; none: no advert yet
	// own: follow the page's link to the answer for a one-off project of
	// the owner's own, and expect this (a client-work link made before the
	// goal one-off existed).
	own *struct{ rec, help string }
}{
	{name: "one team, two hires: one person for both, not both",
		query: "goal=new-product&problems=missed-deadlines&decider=nobody-clearly&complexity=single-team&hires=two",
		rec:   "one-person", lead: "project-manager", hires: []string{"one-person-project"}},
	{name: "new product, founder with the time, one team, nothing wrong: not yet",
		query: "goal=new-product&decider=founder-has-time&complexity=single-team&hires=one",
		rec:   "not-yet"},
	{name: "staff system, founder with the time, part-time: not yet",
		query: "goal=internal-system&decider=founder-has-time&customer_facing=no&complexity=single-team&hires=part-time",
		rec:   "not-yet"},
	{name: "staff system, founder with the time, one hire: not yet",
		query: "goal=internal-system&decider=founder-has-time&customer_facing=no&complexity=single-team&hires=one",
		rec:   "not-yet"},
	{name: "an office move chosen as client work: today's answer, and the one-off answer a click away",
		query: "goal=client-work&decider=founder-has-time&complexity=complex-tech&hires=one",
		rec:   "project-manager", hires: []string{"project-manager"},
		own: &struct{ rec, help string }{"project-manager", "contract"}},
	{name: "staff system nobody owns: the owner named, a project manager with business-analysis skills",
		query: "goal=internal-system&problems=missed-deadlines&problems=poor-coordination&decider=nobody-clearly&customer_facing=no&complexity=complex-tech&hires=one",
		rec:   "project-manager", checks: []string{"no-owner"}, hires: []string{"project-manager"}},
	{name: "founder with the time, launches stall: one story",
		query: "goal=new-product&problems=no-launches&decider=founder-has-time&complexity=single-team&hires=one",
		rec:   "one-person", lead: "project-manager", checks: []string{"answers-disagree"}, hires: []string{"one-person-project"}},
}

// TestCorrectedExamples reads the seven links as a visitor would.
func TestCorrectedExamples(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	site := loadSite(t)
	q, kit := site.Questionnaire, site.HiringKit
	for _, tt := range examples {
		t.Run(tt.name, func(t *testing.T) {
			doc := readResult(t, srv, tt.query, tt.rec, tt.lead, tt.help, tt.checks)
			a := mustAnswers(t, tt.query)
			page := text(doc.Find("main"))
			switch tt.rec {
			case "not-yet": // rule 13: who covers the work meanwhile, and the signals
				for _, s := range append(q.Meanwhile.Items, q.NotYet.Items...) {
					if !strings.Contains(page, s) {
						t.Errorf("not yet, without %q", s)
					}
				}
			case "one-person": // rule 12: the signals that call for the second hire
				for _, s := range q.SecondHire.Items {
					if !strings.Contains(page, s) {
						t.Errorf("one person, without the second-hire signal %q", s)
					}
				}
			}
			if a.Decider == "nobody-clearly" && saidCovered.MatchString(page) {
				t.Errorf("nobody decides, yet the page says %q", saidCovered.FindString(page))
			}
			if slices.Contains(tt.checks, "no-owner") {
				check := text(doc.Find(`[data-check="no-owner"]`))
				words, _ := content.Rule(q.Checks, "no-owner-staff-system")
				if !strings.Contains(check, words) || !strings.Contains(check, "business-analysis") {
					t.Errorf("the missing owner reads %q", check)
				}
			}
			if slices.Contains(tt.checks, "answers-disagree") {
				rest := doc.Find("main").Clone()
				rest.Find(`[data-check="answers-disagree"]`).Remove()
				if m := keepsDecisions.FindString(text(rest)); m != "" {
					t.Errorf("the page argues from the answer that lost: %q", m)
				}
			}
			ad := readAdverts(t, srv, tt.query, tt.hires)
			if a.Goal != "client-work" && ourClient.MatchString(ad) {
				t.Errorf("the advert says %q, and there is no client", ourClient.FindString(ad))
			}
			if a.Goal == "internal-system" && a.Decider == "nobody-clearly" && !strings.Contains(ad, kit.Words.UnclearNeeds) {
				t.Errorf("the advert for a system nobody owns does not ask for business-analysis skills")
			}
			if tt.own == nil {
				return
			}
			link := doc.Find("main [data-own-project] a")
			if link.Length() != 1 || text(link.Parent()) != q.OwnProject.Text+" "+q.OwnProject.Link {
				t.Fatalf("no link to the answer for a project of your own (%q)", text(link.Parent()))
			}
			href := link.AttrOr("href", "")
			own := strings.TrimPrefix(href, "/which-role/result?")
			other := readResult(t, srv, own, tt.own.rec, "", tt.own.help, nil)
			first := firstSentence(text(other.Find(".panel .panel-body")))
			if !strings.Contains(first, "fixed-term") && !strings.Contains(first, "fixed term") && !strings.Contains(first, "contract") {
				t.Errorf("one-off work: the first sentence %q says neither fixed-term nor contract", first)
			}
			if m := clientWords.FindString(text(other.Find("main"))); m != "" {
				t.Errorf("one-off work: the page speaks of a %q", m)
			}
			if m := clientWords.FindString(readAdverts(t, srv, own, []string{"contract-project"})); m != "" {
				t.Errorf("one-off work: the advert speaks of a %q", m)
			}
		})
	}
}

// readResult fetches a result and checks what it recommends (data-*
// attributes and h1), its first sentence and its data-check elements.
func readResult(t *testing.T, srv *httptest.Server, query, rec, lead, help string, checks []string) *goquery.Document {
	t.Helper()
	q := loadSite(t).Questionnaire
	r := get(t, srv, "/which-role/result?"+query)
	wantStatus(t, r, http.StatusOK)
	doc := r.doc(t)
	key := rec
	switch {
	case help != "":
		key += "/" + help
	case lead != "":
		key += "/" + lead
	}
	words, ok := q.Recommendation(key)
	if !ok {
		t.Fatalf("no words for the outcome %s", key)
	}
	check(t, doc,
		in("main", hasAttr("data-recommendation", rec), hasAttr("data-lead", lead), hasAttr("data-help", help)),
		in("h1", hasText(words.Title)))
	if got, want := firstSentence(text(doc.Find(".panel .panel-body"))), firstSentence(words.Summary); got != want {
		t.Errorf("%s: first sentence %q, want %q", query, got, want)
	}
	var got []string
	doc.Find("main [data-check]").Each(func(_ int, s *goquery.Selection) { got = append(got, s.AttrOr("data-check", "")) })
	if !slices.Equal(got, checks) {
		t.Errorf("%s: data-check %q, want %q", query, got, checks)
	}
	return doc
}

// firstSentence is a text up to its first full stop.
func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}

// readAdverts fetches the job adverts for the answers and checks that they
// are the hires' (by the kit's titles), or the page saying why there is no
// advert yet; it returns the words of the page and of the advert as pasted.
func readAdverts(t *testing.T, srv *httptest.Server, query string, hires []string) string {
	t.Helper()
	kit := loadSite(t).HiringKit
	r := get(t, srv, "/which-role/job-ad?"+query)
	wantStatus(t, r, http.StatusOK)
	doc := r.doc(t)
	if len(hires) == 0 {
		if got := text(doc.Find("h1")); got != kit.NotYet.Title || doc.Find("section.job-ad").Length() != 0 {
			t.Errorf("%s: an advert (%q), not why there is none yet", query, got)
		}
		return text(doc.Find("main"))
	}
	var titles, want []string
	doc.Find("section.job-ad h2").Each(func(_ int, s *goquery.Selection) { titles = append(titles, text(s)) })
	for _, id := range hires {
		h, _ := kit.Hire(id)
		want = append(want, h.Ad.Title)
	}
	if !slices.Equal(titles, want) {
		t.Errorf("%s: adverts %q, want %q", query, titles, want)
	}
	txt := get(t, srv, "/which-role/job-ad.txt?"+query)
	wantStatus(t, txt, http.StatusOK)
	return text(doc.Find("main")) + "\n" + string(txt.body)
}

// allTexts is everything a reader meets for one answer set: the result
// and the brief (from the view both are made from), the hiring kit for
// each hire, and the adverts as pasted.
type answerTexts struct {
	view   []string // the result's and the brief's words, the checks that say which answer decided left out
	checks []string // those checks' words
	kit    []string
	advert string
}

func textsFor(t *testing.T, s *server, a decision.Answers) answerTexts {
	t.Helper()
	res := decision.Decide(a)
	v := s.resultView(a, a.Query(), res)
	b := v.Brief
	var out answerTexts
	out.view = append(out.view, v.Title, b.Summary, b.Why.Text, b.Split, v.OwnProject.Text, v.OwnProject.LinkLabel)
	out.view = append(out.view, b.Notes...)
	for _, p := range b.Parts {
		out.view = append(out.view, p.Heading, p.Text)
		out.view = append(out.view, p.Items...)
	}
	for _, side := range v.Sides {
		for _, r := range side.Reasons {
			out.view = append(out.view, r.Text)
		}
	}
	for _, c := range v.NoOwner {
		out.view = append(out.view, c.Text)
	}
	for _, item := range v.Answers {
		out.view = append(out.view, item.Answer)
	}
	for _, c := range v.Checks {
		out.checks = append(out.checks, c.Text)
	}
	for _, id := range hiresFor(res) {
		h, _ := s.site.HiringKit.Hire(id)
		out.kit = append(out.kit, hireTexts(s.site.HiringKit.Words, h)...)
	}
	var buf bytes.Buffer
	if err := s.jobAds(a, res).WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	out.advert = buf.String()
	return out
}

// memoFind is re.FindString remembering what it found in each text.
func memoFind(re *regexp.Regexp) func(string) string {
	found := map[string]string{}
	return func(s string) string {
		m, ok := found[s]
		if !ok {
			m = re.FindString(s)
			found[s] = m
		}
		return m
	}
}

// memoFindLines is memoFind line by line, for a pattern that matches no
// line break: the first match in the first line that has one.
func memoFindLines(re *regexp.Regexp) func(string) string {
	find := memoFind(re)
	return func(s string) string {
		for line := range strings.SplitSeq(s, "\n") {
			if m := find(line); m != "" {
				return m
			}
		}
		return ""
	}
}

// lostTo says, for each check that names answers pulling apart, which
// answer lost: "problems" (launches or direction, which lost to the goal)
// or "decider" (a founder with the time, or someone already deciding,
// which lost to the problems). Every such check must be listed.
var lostTo = map[string]string{
	"client-work-product-problems":      "problems",
	"one-off-product-problems":          "problems",
	"staff-system-product-problems":     "problems",
	"founder-has-time-product-problems": "decider",
	"already-covered-product-problems":  "decider",
}

// TestWordsFollowEveryAnswer reads every answer set's result, brief, kit
// and adverts against SPEC §8.1's rules on words: one-off work speaks of no
// client (14); nobody deciding is never called covered (15); the answer
// "already covered" reads as who decides for that goal, and no advert says
// "our client" but for client work (16); where the result says which
// answer decided, nothing else argues from the one that lost (17).
func TestWordsFollowEveryAnswer(t *testing.T) {
	t.Parallel()
	s := newServerForTest(t)
	q, kit := s.site.Questionnaire, s.site.HiringKit
	// The words an answer that lost would argue with: the signs it fires
	// when nothing overrules it, and the adverts' lines about it.
	lostWords := map[string][]string{}
	for _, id := range []string{"product-no-launches", "product-unclear-direction"} {
		w, _ := content.Rule(q.Reasons, id)
		lostWords["problems"] = append(lostWords["problems"], w)
	}
	lostWords["problems"] = append(lostWords["problems"], kit.Today["no-launches"], kit.Today["unclear-direction"])
	for _, id := range []string{"product-founder-has-time", "product-already-covered"} {
		w, _ := content.Rule(q.Reasons, id)
		lostWords["decider"] = append(lostWords["decider"], w)
	}
	for _, c := range decision.Checks {
		if _, ok := lostTo[c.ID]; c.Kind == decision.Disagree && !ok {
			t.Fatalf("check %s: say which answer loses in lostTo", c.ID)
		}
	}
	// The answer sets share most of their words: each pattern reads each
	// distinct text once, and each distinct line of the adverts (which
	// differ as wholes) where no match spans lines.
	findClient, findCovered, findOurClient, findKeeps := memoFindLines(clientWords), memoFind(saidCovered), memoFindLines(ourClient), memoFindLines(keepsDecisions)
	reported := map[string]bool{}
	fail := func(a decision.Answers, rule, what string) {
		if !reported[rule+what] {
			reported[rule+what] = true
			t.Errorf("%s: rule %s: %s", a.Query(), rule, what)
		}
	}
	for _, a := range sweep(t, allAnswers()) {
		res := decision.Decide(a)
		tx := textsFor(t, s, a)
		all := append(append(slices.Clone(tx.view), tx.kit...), tx.advert)
		page := strings.Join(append(slices.Clone(tx.view), tx.checks...), "\n")
		if a.Goal == "one-off" {
			for _, w := range append(all, tx.checks...) {
				if m := findClient(w); m != "" {
					fail(a, "14", "one-off work, and "+m+" in "+w)
				}
			}
		}
		if a.Decider == "nobody-clearly" {
			for _, w := range append(all, tx.checks...) {
				if m := findCovered(w); m != "" {
					fail(a, "15", "nobody decides, and "+w)
				}
			}
		}
		if a.Goal == "internal-system" && a.Decider == "nobody-clearly" && len(res.ChecksOf(decision.NoOwner)) == 0 {
			fail(a, "15", "the missing owner is not named")
		}
		if a.Goal == "internal-system" && a.CustomerFacing == "no" && a.Decider == "nobody-clearly" &&
			(!strings.Contains(page, "business-analysis") || !strings.Contains(tx.advert, kit.Words.UnclearNeeds)) {
			fail(a, "15", "a staff system nobody owns, and no business-analysis skills in the result or the advert")
		}
		lower := strings.ToLower(page)
		if a.Decider == "already-covered" {
			want, not := rule16Product, rule16Client
			if a.Goal == "client-work" {
				want, not = not, want
			}
			if !strings.Contains(lower, want) || strings.Contains(lower, not) {
				fail(a, "16", "already covered does not read \""+want+"\"")
			}
		}
		if m := findOurClient(tx.advert); a.Goal != "client-work" && m != "" {
			fail(a, "16", "the advert says \""+m+"\"")
		}
		for _, c := range res.ChecksOf(decision.Disagree) {
			for _, w := range all {
				if m := findKeeps(w); m != "" && lostTo[c.ID] == "decider" {
					fail(a, "17", c.ID+" says the problem decided, and "+w)
				}
				for _, lost := range lostWords[lostTo[c.ID]] {
					if lost != "" && strings.Contains(w, lost) {
						fail(a, "17", c.ID+" says which answer decided, and "+lost)
					}
				}
			}
		}
	}
}

// TestOneStoryOnThePage reads, through the server, one result for every
// outcome with every data-check it can show (a covering sample): the
// element is there with its words, and nothing else on the page, in the
// hiring kit or in the advert argues from the answer that lost.
func TestOneStoryOnThePage(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{MissBurst: 1000}) // one client reading many new pages
	site := loadSite(t)
	q := site.Questionnaire
	sample := coveringSample(allAnswers(), func(a decision.Answers) []string {
		res := decision.Decide(a)
		var out []string
		for _, c := range res.Checks {
			out = append(out, res.Key()+" "+c.ID)
		}
		return out
	})
	pairs := 0
	for _, a := range sample {
		res := decision.Decide(a)
		pairs += len(res.Checks)
		r := get(t, srv, "/which-role/result?"+a.Query())
		wantStatus(t, r, http.StatusOK)
		doc := r.doc(t)
		kit := get(t, srv, "/which-role/brief?"+a.Query())
		wantStatus(t, kit, http.StatusOK)
		ad := get(t, srv, "/which-role/job-ad.txt?"+a.Query())
		if len(res.Hired()) == 0 {
			ad = get(t, srv, "/which-role/job-ad?"+a.Query())
		}
		wantStatus(t, ad, http.StatusOK)
		for _, c := range res.Checks {
			el := doc.Find(`main [data-check="` + string(c.Kind) + `"]`)
			words, _ := content.Rule(q.Checks, c.ID)
			if !strings.Contains(text(el), words) {
				t.Errorf("%s: %s: the data-check element %q lacks %q", a.Query(), c.ID, c.Kind, words)
			}
			if c.Kind != decision.Disagree || lostTo[c.ID] != "decider" {
				continue
			}
			page := doc.Find("main").Clone()
			page.Find(`[data-check="answers-disagree"]`).Remove()
			kitDoc := kit.doc(t).Find("main").Clone()
			for where, words := range map[string]string{"page": text(page), "kit": text(kitDoc), "advert": string(ad.body)} {
				if m := keepsDecisions.FindString(words); m != "" {
					t.Errorf("%s: %s: the %s argues from the answer that lost: %q", a.Query(), c.ID, where, m)
				}
			}
		}
	}
	t.Logf("%d answer sets cover %d outcome × check pairs", len(sample), pairs)
}
