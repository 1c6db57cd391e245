package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/web/decision"
)

// resultCases are one answer set for each outcome, and old links.
var resultCases = []struct {
	query     string
	key       string // decision.Result.Key()
	rec, lead string // data-recommendation, data-lead
	help      string // data-help
	disagree  bool   // names answers that pull apart
	old       bool
}{
	{query: "goal=direction&decider=founder-stretched&complexity=single-team&hires=one", key: "product-manager", rec: "product-manager"},
	{query: "goal=direction&problems=unclear-direction&decider=founder-has-time&complexity=single-team&hires=part-time", key: "product-manager/fractional", rec: "product-manager", help: "fractional", disagree: true},
	{query: "goal=internal-system&problems=over-budget&decider=nobody-clearly&customer_facing=no&complexity=complex-tech&hires=two", key: "project-manager", rec: "project-manager"},
	{query: "goal=client-work&problems=no-launches&decider=already-covered&complexity=single-team&hires=part-time", key: "project-manager/contract", rec: "project-manager", help: "contract", disagree: true},
	{query: "goal=new-product&problems=missed-deadlines&decider=nobody-clearly&complexity=several-teams&hires=two", key: "both", rec: "both"},
	{query: "goal=new-product&decider=founder-stretched&complexity=single-team&hires=one", key: "one-person/product-manager", rec: "one-person", lead: "product-manager"},
	{query: "goal=new-feature&problems=over-budget&decider=nobody-clearly&complexity=single-team&hires=two", key: "one-person/project-manager", rec: "one-person", lead: "project-manager"},
	{query: "goal=new-feature&decider=founder-has-time&complexity=single-team&hires=one", key: "not-yet", rec: "not-yet"},
	{query: "goal=one-off&problems=unclear-direction&decider=nobody-clearly&complexity=single-team&hires=two", key: "project-manager/contract", rec: "project-manager", help: "contract", disagree: true},
	{query: "goal=new-feature&problems=missed-deadlines&customer_facing=yes&complexity=several-teams", key: "both", rec: "both", old: true},
	{query: "goal=internal-system&problems=over-budget&customer_facing=no&complexity=complex-tech", key: "project-manager", rec: "project-manager", old: true},
}

func TestResultPage(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	site := loadSite(t)
	q := site.Questionnaire
	for _, tt := range resultCases {
		t.Run(tt.key, func(t *testing.T) {
			r := get(t, srv, "/which-role/result?"+tt.query)
			wantStatus(t, r, 200)
			doc := r.doc(t)
			main := doc.Find("main")
			a := mustAnswers(t, tt.query)
			res := decision.Decide(a)
			if res.Key() != tt.key {
				t.Fatalf("decided %s, the case says %s", res.Key(), tt.key)
			}
			checkResultTop(t, doc, a)
			words, _ := q.Recommendation(tt.key)
			check(t, doc,
				in("main", hasAttr("data-recommendation", tt.rec), hasAttr("data-lead", tt.lead), hasAttr("data-help", tt.help)),
				in("h1", hasText(words.Title)),
				// Rule 4: the first sentence says which help.
				in(".panel .panel-body", startsWith(words.Summary)))
			if tt.help != "" && !strings.Contains(strings.SplitN(words.Summary, ".", 2)[0], tt.help) {
				t.Errorf("the first sentence %q does not say %s", words.Summary, tt.help)
			}
			// Every reason, on its side, with its link.
			items := doc.Find("ul.reasons li")
			if items.Length() != len(res.Reasons) {
				t.Fatalf("%d reasons shown, %d fired", items.Length(), len(res.Reasons))
			}
			for i, reason := range res.Reasons {
				words, _ := content.Rule(q.Reasons, reason.ID)
				li := items.Eq(i)
				if !strings.Contains(text(li), strings.Join(strings.Fields(words), " ")) || li.Find("a").AttrOr("href", "") != reason.Link() {
					t.Errorf("reason %s shown as %q", reason.ID, text(li))
				}
			}
			check := doc.Find(`[data-check="answers-disagree"]`)
			if (check.Length() > 0) != tt.disagree {
				t.Errorf("answers-disagree shown: %v, want %v", check.Length() > 0, tt.disagree)
			}
			// Rule 1: an old link keeps its answer and invites the new questions.
			invite := doc.Find(`[data-invite="new-questions"] a`)
			if (invite.Length() > 0) != tt.old {
				t.Fatalf("invitation shown: %v, want %v", invite.Length() > 0, tt.old)
			}
			main.Find("h2").Each(func(_ int, h *goquery.Selection) {
				if strings.HasPrefix(text(h), "Why a ") {
					t.Errorf("old heading %q", text(h))
				}
			})
			changes := doc.Find("dl.answers a")
			asked := 0
			for _, f := range decision.Fields {
				if len(a.Values(f.Name)) > 0 || f.Multiple {
					asked++
				}
			}
			if changes.Length() != asked {
				t.Errorf("%d change links, %d questions asked", changes.Length(), asked)
			}
			changes.Each(func(_ int, link *goquery.Selection) {
				legend := text(link.Parent().Prev())
				if got, want := strings.Join(strings.Fields(link.Text()), " "), strings.Join(strings.Fields(site.Words.Result.Change+" "+content.Fill(site.Words.Result.ChangeHidden, "question", legend)), " "); got != want {
					t.Errorf("change link reads %q, want %q", got, want)
				}
			})
			change := changes.First().AttrOr("href", "")
			pre := get(t, srv, strings.Split(change, "#")[0]).doc(t)
			for _, f := range decision.Fields {
				for _, v := range a.Values(f.Name) {
					if f.OnlyFor != "" && f.OnlyFor != a.Goal {
						continue // not asked for this goal
					}
					if _, ok := pre.Find("#" + f.Name + "-" + v).Attr("checked"); !ok {
						t.Errorf("change link does not pre-fill %s=%s", f.Name, v)
					}
				}
			}
			for _, href := range []string{"/compare", "/faq", "/which-role/how-it-works", "/which-role/brief.md?" + a.Query()} {
				if doc.Find(`a[href="`+href+`"]`).Length() == 0 {
					t.Errorf("no link to %s", href)
				}
			}
			switch tt.rec {
			case "one-person":
				for _, h := range []string{site.Words.Result.Lead, site.Words.Result.HandFirst, site.Words.Result.SecondHire} {
					if doc.Find("main h2:contains('"+h+"')").Length() != 1 {
						t.Errorf("no part %q", h)
					}
				}
				for _, s := range q.SecondHire.Items {
					if !strings.Contains(text(main), s) {
						t.Errorf("second-hire signal %q missing", s)
					}
				}
			case "not-yet":
				for _, s := range append(q.Meanwhile.Items, q.NotYet.Items...) {
					if !strings.Contains(text(main), s) {
						t.Errorf("not-yet part %q missing", s)
					}
				}
			}
			if again := get(t, srv, "/which-role/result?"+tt.query); string(again.body) != string(r.body) {
				t.Error("the same URL gave a different page")
			}
		})
	}
}

// TestOldLinks walks the 768 links made before SPEC §7.1: each keeps its
// §3 recommendation and invites the new questions with the form pre-filled.
// Every link goes through the handler's own reading of a query; the pages
// themselves are fetched for a covering sample (every answer to every old
// question, and every recommendation with each of them), since one template
// renders them all from what that reading gives.
func TestOldLinks(t *testing.T) {
	t.Parallel()
	old := oldAnswers()
	for _, a := range old {
		got, err := answersFromQuery(httptest.NewRequest(http.MethodGet, "/which-role/result?"+a.Query(), nil))
		if err != nil {
			t.Errorf("%s: %v", a.Query(), err)
			continue
		}
		if got.Query() != a.Query() {
			t.Errorf("%s: read as %s", a.Query(), got.Query())
		}
		if g, w := decision.Decide(got).Recommendation, decision.Decide(a).Recommendation; g != w {
			t.Errorf("%s: %s, want %s", a.Query(), g, w)
		}
	}
	srv, _ := newTestServer(t, Config{})
	sample := coveringSample(old, answerTraits)
	if len(sample) > len(old)/10 {
		t.Fatalf("the sample is %d of %d links", len(sample), len(old))
	}
	for i, a := range sample {
		r := get(t, srv, "/which-role/result?"+a.Query())
		wantStatus(t, r, http.StatusOK)
		doc := r.doc(t)
		if got, want := doc.Find("main").AttrOr("data-recommendation", ""), string(decision.Decide(a).Recommendation); got != want {
			t.Errorf("%s: %s, want %s", a.Query(), got, want)
		}
		href := doc.Find(`[data-invite="new-questions"] a`).AttrOr("href", "")
		if !strings.HasPrefix(href, "/which-role?"+a.Query()+"#decider-") {
			t.Errorf("%s: invitation links to %q", a.Query(), href)
		}
		if i%4 != 0 {
			continue // the form's pre-filling is the same for every link: a sample
		}
		form := get(t, srv, strings.Split(href, "#")[0])
		wantStatus(t, form, http.StatusOK)
		fd := form.doc(t)
		if fd.Find(".error-summary").Length() != 0 {
			t.Errorf("%s: the pre-filled form shows errors", a.Query())
		}
		for _, f := range decision.Fields {
			for _, v := range a.Values(f.Name) {
				if f.OnlyFor != "" && a.Goal != f.OnlyFor {
					continue
				}
				if _, ok := fd.Find("#" + f.Name + "-" + v).Attr("checked"); !ok {
					t.Errorf("%s: the form does not keep %s=%s", a.Query(), f.Name, v)
				}
			}
		}
	}
}

// answerTraits are what a covering sample of answer sets must show: each
// answer to each question (for problems, each one ticked and not ticked),
// alone and with each outcome.
func answerTraits(a decision.Answers) []string {
	outcome := "outcome=" + decision.Decide(a).Key()
	traits := []string{outcome}
	for _, f := range decision.Fields {
		given := a.Values(f.Name)
		if len(given) == 0 {
			given = []string{""}
		}
		for _, v := range given {
			traits = append(traits, f.Name+"="+v, outcome+" "+f.Name+"="+v)
		}
		if f.Multiple {
			for _, v := range f.Values {
				if !slices.Contains(given, v) {
					traits = append(traits, f.Name+"!="+v, outcome+" "+f.Name+"!="+v)
				}
			}
		}
	}
	return traits
}

// coveringSample picks answer sets from all, in order, until every trait
// of every set is shown by one picked.
func coveringSample(all []decision.Answers, traits func(decision.Answers) []string) []decision.Answers {
	shown := map[string]bool{}
	var sample []decision.Answers
	for _, a := range all {
		ts := traits(a)
		if !slices.ContainsFunc(ts, func(t string) bool { return !shown[t] }) {
			continue
		}
		sample = append(sample, a)
		for _, t := range ts {
			shown[t] = true
		}
	}
	return sample
}

// Word lists for SPEC §7.1 rule 10 (a one-off project of the owner's own,
// SPEC §8.1, speaks of no customers either).
var (
	marketWords  = regexp.MustCompile(`(?i)\b(customers?|users?|markets?)\b`)
	severalTeams = regexp.MustCompile(`(?i)\bteams\b|several teams|multi-team`)
	youDecide    = regexp.MustCompile(`(?i)^you decide\b|you have the time`)
	// Claims nobody was asked about, and the wrong claims the site once made.
	unasked = regexp.MustCompile(`(?i)already settled|needs both roles|design and engineering teams|customer-facing`)
)

// TestResultWordsFollowAnswers reads every new result's words, the brief's
// included, and checks that none contradicts the answers (rule 10) and
// that every link lands on a guide heading that exists (rule 11).
func TestResultWordsFollowAnswers(t *testing.T) {
	t.Parallel()
	s := newServerForTest(t)
	site := s.site
	reported := map[string]bool{}
	matches := map[string][4]bool{} // each text's matches of the four lists, worked out once
	fail := func(a decision.Answers, rule, words string) {
		if key := rule + words; !reported[key] {
			reported[key] = true
			t.Errorf("%s: %s: %q", a.Query(), rule, words)
		}
	}
	checkLink := func(a decision.Answers, link string) {
		slug, anchor, _ := strings.Cut(strings.TrimPrefix(link, "/guide/"), "#")
		if !strings.HasPrefix(link, "/guide/") || !site.HasAnchor(slug, anchor) || anchor == "" {
			fail(a, "rule 11: a link to no guide heading", link)
		}
	}
	for _, a := range sweep(t, append(allAnswers(), oldAnswers()...)) {
		v := s.resultView(a, a.Query(), decision.Decide(a))
		res := decision.Decide(a)
		var texts []string
		b := v.Brief
		texts = append(texts, v.Title, b.Summary, b.Why.Text, b.Split)
		if !a.Old() {
			texts = append(texts, b.Notes...)
		}
		for _, p := range b.Parts {
			texts = append(texts, p.Heading, p.Text)
			texts = append(texts, p.Items...)
			if p.Link.Link != "" {
				checkLink(a, p.Link.Link)
			}
		}
		for _, c := range v.Checks {
			texts = append(texts, c.Text)
			checkLink(a, c.Link)
		}
		for _, side := range v.Sides {
			for _, r := range side.Reasons {
				texts = append(texts, r.Text)
				checkLink(a, r.Link)
			}
		}
		for _, id := range hiresFor(res) {
			h, _ := site.HiringKit.Hire(id)
			texts = append(texts, hireTexts(site.HiringKit.Words, h)...)
		}
		if b.Why.Link != "" {
			checkLink(a, b.Why.Link)
		}
		if !a.Old() && (b.Why.Text == "" || b.Why.Link == "") {
			fail(a, "no explanation of the outcome", res.Key())
		}
		for _, w := range texts {
			m, ok := matches[w]
			if !ok {
				m = [4]bool{marketWords.MatchString(w), severalTeams.MatchString(w), unasked.MatchString(w), youDecide.MatchString(w)}
				matches[w] = m
			}
			switch {
			case (a.CustomerFacing == "no" || a.Goal == "client-work" || a.Goal == "one-off") && m[0]:
				fail(a, "rule 10: customers or the market, after "+a.Goal+"/"+a.CustomerFacing, w)
			case a.Complexity == "single-team" && !a.Old() && m[1]:
				fail(a, "rule 10: several teams, after single-team", w)
			case m[2]:
				fail(a, "rule 10: a claim nobody was asked about", w)
			case !slices.Contains([]string{"founder-has-time", "founder-stretched"}, a.Decider) && m[3]:
				fail(a, "rule 10: says the visitor decides, after decider="+a.Decider, w)
			}
		}
	}
}

// TestResultBadNewQuery checks the new fields' bad input: 400 with the form
// and an error by the field, never a 500.
func TestResultBadNewQuery(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	for _, tt := range []struct{ query, field string }{
		{"goal=direction&decider=ceo&complexity=single-team&hires=one", "decider"},
		{"goal=direction&decider=nobody-clearly&complexity=single-team&hires=3", "hires"},
		{"goal=boss&decider=nobody-clearly&complexity=single-team&hires=one", "goal"},
		{"goal=direction&decider=nobody-clearly&decider=nobody-clearly&complexity=single-team&hires=one", "decider"},
		{"goal=direction&decider=nobody-clearly&complexity=single-team", "hires"},
		{"goal=direction&complexity=single-team&hires=one", "decider"},
		{"goal=internal-system&decider=nobody-clearly&complexity=single-team&hires=one", "customer_facing"},
	} {
		r := get(t, srv, "/which-role/result?"+tt.query)
		wantStatus(t, r, http.StatusBadRequest)
		doc := r.doc(t)
		if doc.Find("#"+tt.field+"-error").Length() != 1 {
			t.Errorf("%s: no error by %s", tt.query, tt.field)
		}
		checkErrorForm(t, doc, []string{tt.field})
	}
}

// TestFormReveal checks the form: five numbered questions, the
// customer-facing question under the internal-system option, inside the
// goal's fieldset, with its hint (which says when it applies).
func TestFormReveal(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	doc := get(t, srv, "/which-role").doc(t)
	legends := doc.Find("form > .question > fieldset > legend .caption")
	numbered := func(n int) string {
		return content.Fill(content.Fill(loadSite(t).Words.Form.Question, "n", strconv.Itoa(n)), "total", "5")
	}
	if legends.Length() != 5 || text(legends.First()) != numbered(1) || text(legends.Last()) != numbered(5) {
		t.Errorf("question numbers: %d, first %q", legends.Length(), text(legends.First()))
	}
	cond := doc.Find("#conditional-goal-internal-system")
	if cond.Length() != 1 || cond.Prev().Find("#goal-internal-system").Length() != 1 {
		t.Fatal("no conditional question right after the internal-system option")
	}
	if cond.Find(`input[name="customer_facing"]`).Length() != 2 || doc.Find(`input[name="customer_facing"]`).Length() != 2 {
		t.Error("the customer-facing answers are not (only) in the conditional")
	}
	if q, _ := loadSite(t).Questionnaire.Question("customer_facing"); q.Hint == "" || text(cond.Find(".hint").First()) != q.Hint {
		t.Errorf("the revealed question's hint is %q, want its hint in the content, %q", text(cond.Find(".hint").First()), q.Hint)
	}
	for _, name := range []string{"decider", "hires"} {
		if doc.Find(`input[name="`+name+`"]`).Length() == 0 {
			t.Errorf("no %s question", name)
		}
	}
	// Posting an internal system without the revealed answer: the error
	// summary links into the conditional, which the answer keeps open.
	r := postForm(t, srv, "/which-role", "goal=internal-system&decider=nobody-clearly&complexity=single-team&hires=one")
	wantStatus(t, r, http.StatusUnprocessableEntity)
	ed := r.doc(t)
	if href := ed.Find(".error-summary a").AttrOr("href", ""); href != "#customer_facing-yes" || ed.Find("#conditional-goal-internal-system "+href).Length() != 1 {
		t.Errorf("summary link %q does not land in the conditional", href)
	}
}

// checkResultTop checks what a result shows first: the h1, then the panel,
// then the actions in order, the address to copy and the mailto link.
func checkResultTop(t *testing.T, doc *goquery.Document, a decision.Answers) {
	t.Helper()
	q := a.Query()
	address := "https://guide.example/which-role/result?" + q
	// GOV.UK's result panel: the h1 inside it, then the actions, then the
	// reasons, then "Save or share".
	panel := doc.Find("main h1").Parent()
	if !panel.HasClass("panel") || text(panel.Find(".panel-body")) == "" {
		t.Errorf("the h1 is not inside the panel: %s", text(panel))
	}
	actions := doc.Find("main .actions")
	var hrefs []string
	actions.Find("a").Each(func(_ int, a *goquery.Selection) { hrefs = append(hrefs, a.AttrOr("href", "")) })
	want := []string{"/which-role/brief.pdf?" + q, "/which-role/brief?" + q, "/which-role/job-ad?" + q}
	if !slices.Equal(hrefs, want) {
		t.Fatalf("actions = %q, want %q", hrefs, want)
	}
	if got := text(actions.Find("a.button").First()); got != loadSite(t).Words.Result.DownloadPDF {
		t.Errorf("the main action reads %q", got)
	}
	share := doc.Find("main section.share")
	mailHref := share.Find(`a[href^="mailto:"]`).AttrOr("href", "")
	mail, err := url.Parse(mailHref)
	if err != nil || mail.Scheme != "mailto" {
		t.Fatalf("no mailto: link under Save or share (%q)", mailHref)
	}
	if body := mail.Query().Get("body"); !strings.Contains(body, address) {
		t.Errorf("mailto body %q lacks the result's address", body)
	}
	input := share.Find("input#result-address")
	if _, ro := input.Attr("readonly"); !ro || input.AttrOr("value", "") != address {
		t.Errorf("address field: readonly %v, value %q", ro, input.AttrOr("value", ""))
	}
	if share.Find(`a[href="/which-role/brief.md?`+q+`"]`).Length() != 1 {
		t.Error("no Markdown link under Save or share")
	}
	if text(doc.Find(`label[for="result-address"]`)) == "" {
		t.Error("the address field has no label")
	}
	if next := panel.Next(); next.Children().First().Get(0) != actions.Get(0) {
		t.Error("the actions do not come straight after the panel")
	}
}
