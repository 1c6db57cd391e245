package web

import (
	"io"
	"net/http"
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

func TestSubmitValid(t *testing.T) {
	srv, _ := newTestServer(t, Config{})
	r := postForm(t, srv, "/which-role", "complexity=several-teams&problems=poor-coordination&customer_facing=no&problems=no-launches&goal=internal-system")
	wantStatus(t, r, http.StatusSeeOther)
	want := "/which-role/result?goal=internal-system&problems=no-launches&problems=poor-coordination&customer_facing=no&complexity=several-teams"
	if got := r.Header.Get("Location"); got != want {
		t.Errorf("Location = %q, want %q", got, want)
	}
	if cc := r.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control = %q", cc)
	}
}

func TestSubmitInvalid(t *testing.T) {
	srv, _ := newTestServer(t, Config{})
	tests := []struct {
		name, body string
		badFields  []string
		kept       []string // input ids that must stay checked
	}{
		{"empty", "", []string{"goal", "customer_facing", "complexity"}, nil},
		{"unknown value", "goal=ceo&customer_facing=yes&complexity=complex-tech&problems=over-budget", []string{"goal"},
			[]string{"customer_facing-yes", "complexity-complex-tech", "problems-over-budget"}},
		{"single choice twice", "goal=new-product&goal=direction&customer_facing=no&complexity=single-team", []string{"goal"},
			[]string{"customer_facing-no", "complexity-single-team"}},
		{"unknown problem", "goal=direction&problems=free-lunch&problems=missed-deadlines&customer_facing=no&complexity=single-team", []string{"problems"},
			[]string{"goal-direction", "problems-missed-deadlines"}},
		{"invalid UTF-8", "goal=%ff%fe&customer_facing=yes&complexity=single-team", []string{"goal"}, []string{"customer_facing-yes"}},
		{"huge value", "goal=" + strings.Repeat("a", 10000) + "&customer_facing=yes", []string{"goal", "complexity"}, []string{"customer_facing-yes"}},
		{"script injection", "goal=%3Cscript%3Ealert(1)%3C/script%3E", []string{"goal", "customer_facing", "complexity"}, nil},
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
	srv, _ := newTestServer(t, Config{})
	body := "goal=new-product&customer_facing=yes&complexity=single-team"
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

func TestResultPage(t *testing.T) {
	srv, _ := newTestServer(t, Config{})
	site := loadSite(t)
	for _, tt := range []struct {
		query string
		want  decision.Recommendation
	}{
		{"goal=direction&customer_facing=no&complexity=single-team", decision.ProductManager},
		{"goal=internal-system&problems=over-budget&customer_facing=no&complexity=complex-tech", decision.ProjectManager},
		{"goal=new-feature&problems=missed-deadlines&customer_facing=yes&complexity=several-teams", decision.Both},
	} {
		t.Run(string(tt.want), func(t *testing.T) {
			r := get(t, srv, "/which-role/result?"+tt.query)
			wantStatus(t, r, 200)
			doc := r.doc(t)
			if got := doc.Find("main").AttrOr("data-recommendation", ""); got != string(tt.want) {
				t.Errorf("data-recommendation = %q", got)
			}
			need, _ := site.Questionnaire.Recommendation(string(tt.want))
			if got, want := text(doc.Find("h1")), content.Fill(site.Words.Result.Title, "role", need.Role); got != want {
				t.Errorf("h1 = %q, want %q", got, want)
			}
			form, _ := url.ParseQuery(tt.query)
			a, _ := decision.Parse(form)
			res := decision.Decide(a)
			checkResultTop(t, doc, a)
			var wantH2 []string
			why := map[string]bool{}
			for _, role := range []decision.Recommendation{decision.ProductManager, decision.ProjectManager} {
				need, _ := site.Questionnaire.Recommendation(string(role))
				h := content.Fill(site.Words.Brief.Why, "role", need.Role)
				why[h] = true
				if len(res.For(role)) > 0 {
					wantH2 = append(wantH2, h)
				}
			}
			var gotH2 []string
			doc.Find("h2").Each(func(_ int, h *goquery.Selection) {
				if why[text(h)] {
					gotH2 = append(gotH2, text(h))
				}
			})
			if !slices.Equal(gotH2, wantH2) {
				t.Errorf("reason headings = %q, want %q", gotH2, wantH2)
			}
			items := doc.Find("ul.reasons li")
			if items.Length() != len(res.Reasons) {
				t.Fatalf("%d reasons shown, %d fired", items.Length(), len(res.Reasons))
			}
			for i, reason := range res.Reasons {
				words, _ := site.Questionnaire.Reason(reason.ID)
				li := items.Eq(i)
				if !strings.Contains(text(li), strings.Join(strings.Fields(words.Text), " ")) || li.Find("a").AttrOr("href", "") != reason.Link() {
					t.Errorf("reason %s shown as %q", reason.ID, text(li))
				}
			}
			changes := doc.Find("dl.answers a")
			if changes.Length() != len(decision.Fields) {
				t.Errorf("%d change links", changes.Length())
			}
			changes.Each(func(i int, a *goquery.Selection) {
				q, _ := site.Questionnaire.Question(decision.Fields[i].Name)
				if got, want := strings.Join(strings.Fields(a.Text()), " "), strings.Join(strings.Fields(site.Words.Result.Change+" "+content.Fill(site.Words.Result.ChangeHidden, "question", q.Legend)), " "); got != want {
					t.Errorf("change link reads %q, want %q", got, want)
				}
			})
			change := changes.First().AttrOr("href", "")
			pre := get(t, srv, strings.Split(change, "#")[0]).doc(t)
			for _, f := range decision.Fields {
				for _, v := range a.Values(f.Name) {
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
			if again := get(t, srv, "/which-role/result?"+tt.query); string(again.body) != string(r.body) {
				t.Error("the same URL gave a different page")
			}
		})
	}
}

// checkResultTop checks what a result shows first: the h1, then the panel,
// then the actions in order, the address to copy and the mailto link.
func checkResultTop(t *testing.T, doc *goquery.Document, a decision.Answers) {
	t.Helper()
	q := a.Query()
	address := "https://guide.example/which-role/result?" + q
	panel := doc.Find("main h1").Next()
	if !panel.HasClass("panel") || strings.TrimSpace(panel.Text()) == "" {
		t.Errorf("the element after the h1 is not the panel: %s", text(panel))
	}
	actions := panel.Next()
	var hrefs []string
	actions.Find("a").Each(func(_ int, a *goquery.Selection) { hrefs = append(hrefs, a.AttrOr("href", "")) })
	want := []string{"/which-role/brief?" + q, "/which-role/brief.pdf?" + q, "/which-role/brief.md?" + q}
	if !slices.Equal(hrefs, want) {
		t.Fatalf("actions after the panel = %q, want %q", hrefs, want)
	}
	if got := text(actions.Find("a").First()); got != loadSite(t).Words.Result.PrintableBrief {
		t.Errorf("first action reads %q", got)
	}
	share := actions.Next()
	mailHref := share.Find(`a[href^="mailto:"]`).AttrOr("href", "")
	mail, err := url.Parse(mailHref)
	if err != nil || mail.Scheme != "mailto" {
		t.Fatalf("no mailto: link after the actions (%q)", mailHref)
	}
	if body := mail.Query().Get("body"); !strings.Contains(body, address) {
		t.Errorf("mailto body %q lacks the result's address", body)
	}
	input := share.Find("input#result-address")
	if _, ro := input.Attr("readonly"); !ro || input.AttrOr("value", "") != address {
		t.Errorf("address field: readonly %v, value %q", ro, input.AttrOr("value", ""))
	}
	if text(doc.Find(`label[for="result-address"]`)) == "" {
		t.Error("the address field has no label")
	}
	if first := doc.Find("main ul.reasons").First(); first.Length() == 0 || first.PrevAllFiltered(".actions").Length() == 0 {
		t.Error("the reasons do not come after the actions")
	}
}

// The customer-facing answer is never contradicted: where it is "no", no
// reason or interview question talks of customers, users or the market; and
// where it did not change the recommendation, the result says so.
func TestCustomerFacingNeverContradicted(t *testing.T) {
	srv, _ := newTestServer(t, Config{})
	site := loadSite(t)
	customers := regexp.MustCompile(`(?i)\b(customers?|users?|market)\b`)
	for _, a := range decision.All() {
		res := decision.Decide(a)
		for _, r := range res.Reasons {
			words, _ := site.Questionnaire.Reason(r.ID)
			for _, w := range append([]string{words.Text}, words.Questions...) {
				if a.CustomerFacing == "no" && customers.MatchString(w) {
					t.Errorf("%s: not customer-facing, yet reason %s says %q", a.Query(), r.ID, w)
				}
			}
			if res.Recommendation == decision.ProjectManager && regexp.MustCompile(`(?i)strategy|product manager`).MatchString(words.Text) {
				t.Errorf("%s: project manager only, yet reason %s says %q", a.Query(), r.ID, words.Text)
			}
		}
	}
	for _, tt := range []struct {
		query    string
		wantNote bool
	}{
		{"goal=new-product&customer_facing=no&complexity=single-team", true},
		{"goal=direction&customer_facing=yes&complexity=single-team", true},
		{"goal=internal-system&customer_facing=no&complexity=single-team", false},
		{"goal=internal-system&customer_facing=yes&complexity=single-team", false},
	} {
		doc := get(t, srv, "/which-role/result?"+tt.query).doc(t)
		has := strings.Contains(text(doc.Find("main")), site.Questionnaire.CustomerFacingUnchanged)
		if has != tt.wantNote {
			t.Errorf("%s: customer-facing note shown %v, want %v", tt.query, has, tt.wantNote)
		}
	}
}

// A result for one role says why one is enough and when to add the other.
func TestOneRoleSaysWhenToAddTheOther(t *testing.T) {
	srv, _ := newTestServer(t, Config{})
	site := loadSite(t)
	for _, tt := range []struct {
		query string
		rec   decision.Recommendation
	}{
		{"goal=internal-system&customer_facing=no&complexity=complex-tech", decision.ProjectManager},
		{"goal=direction&customer_facing=no&complexity=single-team", decision.ProductManager},
		{"goal=new-product&customer_facing=no&complexity=single-team", decision.Both},
	} {
		words, _ := site.Questionnaire.Recommendation(string(tt.rec))
		main := text(get(t, srv, "/which-role/result?"+tt.query).doc(t).Find("main"))
		if !strings.Contains(main, words.Summary) {
			t.Errorf("%s: no summary %q", tt.query, words.Summary)
		}
		if (tt.rec == decision.Both) != (words.Alone == "") || (words.Alone != "" && !strings.Contains(main, words.Alone)) {
			t.Errorf("%s: one-role note %q not shown", tt.query, words.Alone)
		}
	}
}

func TestResultBadQuery(t *testing.T) {
	srv, _ := newTestServer(t, Config{})
	for _, q := range []string{"", "goal=boss", "goal=direction&goal=new-product&customer_facing=no&complexity=single-team", "goal=%zz", "goal=direction&customer_facing=maybe&complexity=single-team"} {
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
		words, _ := site.Questionnaire.Reason(id)
		if !strings.Contains(md, words.Text) || !strings.Contains(md, words.Questions[0]) {
			t.Errorf("brief lacks reason %s or its questions", id)
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
	tests := []struct {
		name, file, old, new, wantErr string
	}{
		{"reason anchor missing", "guide/scenarios.md", "{#internal-it-system}", "{#it-upgrade}", "/guide/scenarios#internal-it-system"},
		{"option renamed", "whichrole.yaml", "value: complex-tech", "value: complicated", "complexity"},
		{"reason without words", "whichrole.yaml", "id: project-complex-tech", "id: project-complicated", "reason project-complex-tech has no words"},
		{"words without a reason", "whichrole.yaml", "id: project-complex-tech", "id: project-complicated", "words for reason project-complicated, which the rule table does not have"},
		{"recommendation without words", "whichrole.yaml", "id: both\n", "id: all\n", "recommendation both has no words"},
		{"words for no recommendation", "whichrole.yaml", "id: both\n", "id: all\n", "words for recommendation all"},
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
	site := loadSite(t)
	words := regexp.MustCompile(`[a-z’']+`)
	phrases := func(id string) map[string]bool {
		r, _ := site.Questionnaire.Reason(id)
		w := words.FindAllString(strings.ToLower(r.Text), -1)
		out := map[string]bool{}
		for i := 0; i+3 <= len(w); i++ {
			p := strings.Join(w[i:i+3], " ")
			if !strings.Contains(p, "manager") {
				out[p] = true
			}
		}
		return out
	}
	reported := map[[2]string]bool{}
	for _, a := range decision.All() {
		fired := decision.Decide(a).Reasons
		for i, x := range fired {
			for _, y := range fired[i+1:] {
				pair := [2]string{x.ID, y.ID}
				if reported[pair] {
					continue
				}
				py := phrases(y.ID)
				for p := range phrases(x.ID) {
					if py[p] {
						t.Errorf("%s and %s, which fire together (e.g. %s), both say %q", x.ID, y.ID, a.Query(), p)
						reported[pair] = true
						break
					}
				}
			}
		}
	}
}
