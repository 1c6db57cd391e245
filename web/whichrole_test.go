package web

import (
	"io"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/web/decision"
)

func TestSubmitValid(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	r := postForm(t, srv, "/which-role", "hires=one&complexity=several-teams&problems=poor-coordination&customer_facing=no&decider=nobody-clearly&problems=no-launches&goal=internal-system")
	wantStatus(t, r, http.StatusSeeOther)
	want := "/which-role/result?goal=internal-system&problems=no-launches&problems=poor-coordination&decider=nobody-clearly&customer_facing=no&complexity=several-teams&hires=one"
	if got := r.Header.Get("Location"); got != want {
		t.Errorf("Location = %q, want %q", got, want)
	}
	if cc := r.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control = %q", cc)
	}
}

func TestSubmitInvalid(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	tests := []struct {
		name, body string
		badFields  []string
		kept       []string // input ids that must stay checked
	}{
		{"empty", "", []string{"goal", "decider", "complexity", "hires"}, nil},
		{"unknown goal", "goal=ceo&customer_facing=yes&decider=nobody-clearly&complexity=complex-tech&problems=over-budget&hires=one", []string{"goal"},
			[]string{"customer_facing-yes", "complexity-complex-tech", "problems-over-budget", "decider-nobody-clearly", "hires-one"}},
		{"single choice twice", "goal=new-product&goal=direction&decider=nobody-clearly&complexity=single-team&hires=two", []string{"goal"},
			[]string{"complexity-single-team", "hires-two"}},
		{"unknown problem", "goal=direction&problems=free-lunch&problems=missed-deadlines&decider=founder-has-time&complexity=single-team&hires=one", []string{"problems"},
			[]string{"goal-direction", "problems-missed-deadlines", "decider-founder-has-time"}},
		{"unknown decider", "goal=direction&decider=the-board&complexity=single-team&hires=one", []string{"decider"},
			[]string{"goal-direction", "complexity-single-team", "hires-one"}},
		{"unknown hires", "goal=direction&decider=nobody-clearly&complexity=single-team&hires=three", []string{"hires"},
			[]string{"goal-direction", "decider-nobody-clearly"}},
		{"decider twice", "goal=direction&decider=nobody-clearly&decider=founder-has-time&complexity=single-team&hires=one", []string{"decider"},
			[]string{"goal-direction", "hires-one"}},
		{"hires twice", "goal=direction&decider=nobody-clearly&complexity=single-team&hires=one&hires=one", []string{"hires"},
			[]string{"goal-direction", "decider-nobody-clearly"}},
		{"internal system without the revealed answer", "goal=internal-system&decider=nobody-clearly&complexity=single-team&hires=one", []string{"customer_facing"},
			[]string{"goal-internal-system", "decider-nobody-clearly", "complexity-single-team", "hires-one"}},
		{"an old form's answers", "goal=new-product&customer_facing=yes&complexity=single-team", []string{"decider", "hires"},
			[]string{"goal-new-product", "complexity-single-team"}},
		{"invalid UTF-8", "goal=%ff%fe&decider=nobody-clearly&complexity=single-team&hires=one", []string{"goal"}, []string{"decider-nobody-clearly"}},
		{"huge value", "goal=" + strings.Repeat("a", 10000) + "&hires=part-time", []string{"goal", "decider", "complexity"}, []string{"hires-part-time"}},
		{"script injection", "goal=%3Cscript%3Ealert(1)%3C/script%3E", []string{"goal", "decider", "complexity", "hires"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := postForm(t, srv, "/which-role", tt.body)
			wantStatus(t, r, http.StatusUnprocessableEntity)
			if strings.Contains(string(r.body), "<script>alert") {
				t.Fatal("user input echoed unescaped")
			}
			if cc := r.Header.Get("Cache-Control"); cc != "no-store" {
				t.Errorf("Cache-Control = %q", cc)
			}
			doc := r.doc(t)
			checkErrorForm(t, doc, tt.badFields)
			for _, id := range tt.kept {
				if _, checked := doc.Find("#" + id).Attr("checked"); !checked {
					t.Errorf("answer %s was not kept", id)
				}
			}
		})
	}
}

// checkErrorForm checks the error summary, the messages by each field and
// their ARIA wiring.
func checkErrorForm(t *testing.T, doc *goquery.Document, badFields []string) {
	t.Helper()
	if title := doc.Find("title").Text(); !strings.HasPrefix(title, "Error: ") {
		t.Errorf("title = %q", title)
	}
	summary := doc.Find(".error-summary")
	if summary.Find("h2").Length() != 1 {
		t.Error("error summary has no heading")
	}
	links := summary.Find("li a")
	if links.Length() != len(badFields) {
		t.Fatalf("error summary has %d links, want %d: %s", links.Length(), len(badFields), text(summary))
	}
	for i, field := range badFields {
		href := links.Eq(i).AttrOr("href", "")
		if !strings.HasPrefix(href, "#"+field+"-") || doc.Find(href).Length() != 1 {
			t.Errorf("summary link %d = %q: not an input of %s", i, href, field)
		}
		msg := doc.Find("#" + field + "-error")
		if strings.TrimSpace(msg.Text()) == "" {
			t.Errorf("%s: no error message by the field", field)
		}
		fieldset := msg.Closest("fieldset")
		if !strings.Contains(fieldset.AttrOr("aria-describedby", ""), field+"-error") {
			t.Errorf("%s: fieldset aria-describedby = %q", field, fieldset.AttrOr("aria-describedby", ""))
		}
		invalid := fieldset.AttrOr("aria-invalid", "") == "true" || fieldset.Find(`input[aria-invalid=true]`).Length() > 0
		if !invalid {
			t.Errorf("%s: no aria-invalid", field)
		}
	}
}

func TestSubmitLimits(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	r := postForm(t, srv, "/which-role", "goal=new-product&pad="+strings.Repeat("x", 17<<10))
	wantStatus(t, r, http.StatusRequestEntityTooLarge)
	r = postForm(t, srv, "/which-role", "goal=%zz")
	wantStatus(t, r, http.StatusBadRequest)
	if r.doc(t).Find("form .error-message").Length() == 0 {
		t.Error("400 without a message by the form")
	}
}

func TestCrossOrigin(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	body := "goal=new-product&decider=nobody-clearly&complexity=single-team&hires=one"
	tests := []struct {
		name   string
		header []string
		want   int
	}{
		{"no browser headers (curl)", nil, http.StatusSeeOther},
		{"same origin", []string{"Sec-Fetch-Site", "same-origin", "Origin", srv.URL}, http.StatusSeeOther},
		{"user typed it", []string{"Sec-Fetch-Site", "none"}, http.StatusSeeOther},
		{"cross site", []string{"Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"}, http.StatusForbidden},
		{"cross origin, old browser", []string{"Origin", "https://evil.example"}, http.StatusForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := postForm(t, srv, "/which-role", body, tt.header...)
			wantStatus(t, r, tt.want)
			if tt.want == http.StatusForbidden && text(r.doc(t).Find("h1")) == "" {
				t.Error("403 without an error page")
			}
		})
	}
}

func TestRateLimit(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{PostBurst: 3, PostRate: 10 * 60e9})
	for i := range 3 {
		wantStatus(t, postForm(t, srv, "/which-role", ""), http.StatusUnprocessableEntity)
		_ = i
	}
	r := postForm(t, srv, "/which-role", "")
	wantStatus(t, r, http.StatusTooManyRequests)
	if secs, err := strconv.Atoi(r.Header.Get("Retry-After")); err != nil || secs < 1 {
		t.Errorf("Retry-After = %q", r.Header.Get("Retry-After"))
	}
	wantStatus(t, get(t, srv, "/which-role"), http.StatusOK) // GETs are not limited

	// Behind a trusted proxy, clients are told apart by X-Forwarded-For.
	proxied, _ := newTestServer(t, Config{PostBurst: 1, PostRate: 10 * 60e9, TrustProxy: true})
	wantStatus(t, postForm(t, proxied, "/which-role", "", "X-Forwarded-For", "203.0.113.1"), http.StatusUnprocessableEntity)
	wantStatus(t, postForm(t, proxied, "/which-role", "", "X-Forwarded-For", "203.0.113.1"), http.StatusTooManyRequests)
	wantStatus(t, postForm(t, proxied, "/which-role", "", "X-Forwarded-For", "203.0.113.2"), http.StatusUnprocessableEntity)
	// Without trust, the header is ignored.
	direct, _ := newTestServer(t, Config{PostBurst: 1, PostRate: 10 * 60e9})
	wantStatus(t, postForm(t, direct, "/which-role", "", "X-Forwarded-For", "203.0.113.1"), http.StatusUnprocessableEntity)
	wantStatus(t, postForm(t, direct, "/which-role", "", "X-Forwarded-For", "203.0.113.2"), http.StatusTooManyRequests)
}

func TestResultBadQuery(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	for _, q := range []string{
		"", "goal=boss", "goal=direction&goal=new-product&customer_facing=no&complexity=single-team", "goal=%zz", "goal=internal-system&customer_facing=maybe&complexity=single-team",
		"goal=direction&decider=ceo&complexity=single-team&hires=one",
		"goal=direction&decider=nobody-clearly&complexity=single-team&hires=lots",
		"goal=direction&decider=nobody-clearly&complexity=single-team&hires=one&hires=two",
		"goal=direction&decider=nobody-clearly&complexity=single-team",
		"goal=client-work&customer_facing=no&complexity=single-team",
		"goal=internal-system&decider=nobody-clearly&complexity=single-team&hires=one",
	} {
		for _, path := range []string{"/which-role/result?", "/which-role/brief?", "/which-role/brief.pdf?", "/which-role/brief.md?"} {
			r := get(t, srv, path+q)
			wantStatus(t, r, http.StatusBadRequest)
			if r.doc(t).Find(".error-summary li").Length() == 0 {
				t.Errorf("%s%s: no error summary", path, q)
			}
		}
	}
}

func TestBrief(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	site := loadSite(t)
	r := get(t, srv, "/which-role/brief.md?goal=new-product&problems=over-budget&customer_facing=yes&complexity=complex-tech")
	wantStatus(t, r, 200)
	if got := r.Header.Get("Content-Type"); got != "text/markdown; charset=utf-8" {
		t.Errorf("Content-Type = %q", got)
	}
	if got := r.Header.Get("Content-Disposition"); got != `attachment; filename="hiring-brief.md"` {
		t.Errorf("Content-Disposition = %q", got)
	}
	md := string(r.body)
	for _, item := range append(append(site.ProductManager.Responsibilities, site.ProductManager.Skills...), append(site.ProjectManager.Responsibilities, site.ProjectManager.Skills...)...) {
		if !strings.Contains(md, "- [ ] **"+item.Term+"**: "+item.Detail) {
			t.Errorf("brief lacks checklist item %q", item.Term)
		}
	}
	for _, id := range []string{"product-new-product", "project-new-product", "project-over-budget", "project-complex-tech"} {
		words, _ := content.Rule(site.Questionnaire.Reasons, id)
		if !strings.Contains(md, words) {
			t.Errorf("brief lacks reason %s", id)
		}
	}
	for _, id := range []string{"product-manager", "project-manager"} {
		h, _ := site.HiringKit.Hire(id)
		if !strings.Contains(md, h.Questions[0].Ask) || !strings.Contains(md, h.Scorecard[0].Excellent) || !strings.Contains(md, h.WorkSample.Task) {
			t.Errorf("brief lacks the %s's questions, scorecard or work sample", id)
		}
	}
	if !strings.Contains(md, site.Questionnaire.Split) {
		t.Error("a brief for both roles must say how they split the work")
	}
	only := string(get(t, srv, "/which-role/brief.md?goal=direction&customer_facing=no&complexity=single-team").body)
	pm, _ := site.Questionnaire.Recommendation(string(decision.ProductManager))
	if strings.Contains(only, "project manager\n\n### "+site.Words.Brief.Responsibilities) || !strings.Contains(only, "# "+content.Fill(site.Words.Brief.Title, "role", pm.Role)) {
		t.Errorf("product-only brief:\n%s", only)
	}
}

// The server refuses to start when a reason points to a heading the guide
// does not have, or the questionnaire's words do not match the contract.
func TestQuestionnaireMustMatchContent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, file, old, new, wantErr string
	}{
		{"reason anchor missing", "guide/scenarios.md", "{#internal-it-system}", "{#it-upgrade}", "/guide/scenarios#internal-it-system"},
		{"option renamed", "whichrole.yaml", "value: complex-tech", "value: complicated", "complexity"},
		{"reason without words", "whichrole.yaml", "id: project-complex-tech", "id: project-complicated", "reason project-complex-tech has no words"},
		{"words without a reason", "whichrole.yaml", "id: project-complex-tech", "id: project-complicated", "words for reason project-complicated, which the rule table does not have"},
		{"recommendation without words", "whichrole.yaml", "id: both\n", "id: all\n", "recommendation both has no words"},
		{"words for no recommendation", "whichrole.yaml", "id: both\n", "id: all\n", "words for recommendation all"},
		{"outcome without words", "whichrole.yaml", "id: one-team-one-person\n", "id: one-team\n", "outcome one-team-one-person has no words"},
		{"lead without words", "whichrole.yaml", "id: founder-owns-product\n", "id: founder\n", "lead founder-owns-product has no words"},
		{"check without words", "whichrole.yaml", "id: client-work-product-problems\n", "id: client-work\n", "check client-work-product-problems has no words"},
		{"new anchor missing", "guide/hiring.md", "{#fractional}", "{#few-days}", "/guide/hiring#fractional"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := contentCopy(t)
			src := string(fsys[tt.file].Data)
			if strings.Count(src, tt.old) != 1 {
				t.Fatalf("%s: %q occurs %d times", tt.file, tt.old, strings.Count(src, tt.old))
			}
			fsys[tt.file].Data = []byte(strings.Replace(src, tt.old, tt.new, 1))
			site, err := content.Load(fsys)
			if err != nil {
				t.Fatal(err)
			}
			_, err = NewServer(slogTo(io.Discard), site, Config{})
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("NewServer error = %v, want one naming %q", err, tt.wantErr)
			}
		})
	}
}

// No two reasons on one page make the same point: for every set of
// answers, no two reasons that fire together share a three-word phrase,
// the roles' names apart.
func TestReasonsDoNotRepeatEachOther(t *testing.T) {
	t.Parallel()
	site := loadSite(t)
	words := regexp.MustCompile(`[a-z’']+`)
	memo := map[string]map[string]bool{}
	phrases := func(id string) map[string]bool {
		if m, ok := memo[id]; ok {
			return m
		}
		text, _ := content.Rule(site.Questionnaire.Reasons, id)
		w := words.FindAllString(strings.ToLower(text), -1)
		out := map[string]bool{}
		for i := 0; i+3 <= len(w); i++ {
			p := strings.Join(w[i:i+3], " ")
			if !strings.Contains(p, "manager") {
				out[p] = true
			}
		}
		memo[id] = out
		return out
	}
	reported := map[[2]string]bool{} // each pair is compared once
	for _, a := range append(allAnswers(), oldAnswers()...) {
		fired := decision.Decide(a).Reasons
		for i, x := range fired {
			for _, y := range fired[i+1:] {
				pair := [2]string{x.ID, y.ID}
				if reported[pair] {
					continue
				}
				reported[pair] = true
				py := phrases(y.ID)
				for p := range phrases(x.ID) {
					if py[p] {
						t.Errorf("%s and %s, which fire together (e.g. %s), both say %q", x.ID, y.ID, a.Query(), p)
						break
					}
				}
			}
		}
	}
}

// The guide headings a one-person result's parts link to (the lead order,
// the first 90 days, the second hire) are checked at start like the rule
// tables' links: a renamed heading stops the server, even when no page of
// the content links to it any more.
func TestResultPartAnchorsChecked(t *testing.T) {
	t.Parallel()
	for _, old := range []string{"lead-role", "first-90-days", "second-hire"} {
		t.Run(old, func(t *testing.T) {
			fsys := contentCopy(t)
			for name, f := range fsys {
				if strings.HasSuffix(name, ".md") || strings.HasSuffix(name, ".yaml") {
					s := strings.ReplaceAll(string(f.Data), "{#"+old+"}", "{#renamed-"+old+"}")
					f.Data = []byte(strings.ReplaceAll(s, "/guide/hiring#"+old, "/guide/hiring#renamed-"+old))
				}
			}
			site, err := content.Load(fsys)
			if err != nil {
				t.Fatal(err)
			}
			_, err = NewServer(slogTo(io.Discard), site, Config{})
			if want := "guide/hiring.md:1: the questionnaire's answers link to /guide/hiring#" + old + " ("; err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "the result page's "+old+" part") {
				t.Errorf("NewServer error = %v, want one with %q", err, want)
			}
		})
	}
}

// The error summary lists the errors in the order the form asks the
// questions, a question asked under the goal right after the goal: not in
// the contract's order of fields, where customer_facing comes after decider.
func TestErrorSummaryInFormOrder(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{PostBurst: 100})
	r := postForm(t, srv, "/which-role", "goal=internal-system", "Origin", srv.URL)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	doc := r.doc(t)
	var summary, onPage []string
	doc.Find(".error-summary li a").Each(func(_ int, a *goquery.Selection) {
		field, _, _ := strings.Cut(strings.TrimPrefix(a.AttrOr("href", ""), "#"), "-")
		summary = append(summary, field)
	})
	doc.Find("form .error-message").Each(func(_ int, m *goquery.Selection) {
		onPage = append(onPage, strings.TrimSuffix(m.AttrOr("id", ""), "-error"))
	})
	want := []string{"customer_facing", "decider", "complexity", "hires"}
	if !slices.Equal(summary, want) || !slices.Equal(onPage, want) {
		t.Errorf("summary %v, messages on the page %v; want both %v", summary, onPage, want)
	}
}

// TestErrorsOnlyForShownQuestions: a link missing answers reports only the
// questions the form shows. The customer-facing question shows only under
// an internal system, so it is asked for only then, and every error link
// lands on an answer that is on the page and not inside a hidden reveal.
func TestErrorsOnlyForShownQuestions(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	for _, c := range []struct {
		query      string
		wantFields []string // the fields whose first answer the errors link to
	}{
		{"goal=new-product", []string{"complexity"}},
		{"problems=over-budget", []string{"goal", "complexity"}},
		{"goal=direction&customer_facing=maybe", []string{"complexity"}},
		{"goal=internal-system", []string{"customer_facing", "complexity"}},
		{"goal=new-product&decider=nobody-clearly", []string{"complexity", "hires"}},
	} {
		r := get(t, srv, "/which-role/result?"+c.query)
		wantStatus(t, r, http.StatusBadRequest)
		doc := r.doc(t)
		var fields []string
		doc.Find(".error-summary a").Each(func(_ int, a *goquery.Selection) {
			href := a.AttrOr("href", "")
			target := doc.Find(href)
			if target.Length() != 1 {
				t.Errorf("%s: the error link %s lands on nothing", c.query, href)
				return
			}
			if cond := target.Closest(".conditional"); cond.Length() > 0 && cond.Prev().Find("input:checked").Length() == 0 {
				t.Errorf("%s: the error link %s lands inside a question hidden under an answer not chosen", c.query, href)
			}
			fields = append(fields, target.AttrOr("name", ""))
		})
		if !slices.Equal(fields, c.wantFields) {
			t.Errorf("%s: errors for %v, want %v", c.query, fields, c.wantFields)
		}
	}
	// A missing answer to a question that is not shown is no error.
	wantStatus(t, get(t, srv, "/which-role/result?goal=new-product&complexity=single-team"), http.StatusOK)
}
