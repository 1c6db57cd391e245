package web

import (
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/guide/pmvspm/web/decision"
)

// TestHowItWorks checks that /which-role/how-it-works shows every question
// with its answers, and every rule of the table: its conditions in the
// form's words, its role, and its reason's words with the guide link.
func TestHowItWorks(t *testing.T) {
	srv, _ := newTestServer(t, Config{})
	site := loadSite(t)
	r := get(t, srv, "/which-role/how-it-works")
	wantStatus(t, r, http.StatusOK)
	doc := r.doc(t)
	main := text(doc.Find("main"))
	for _, q := range site.Questionnaire.Questions {
		if !strings.Contains(main, q.Legend) {
			t.Errorf("question %q missing", q.Legend)
		}
		for _, o := range q.Options {
			if !strings.Contains(main, o.Label) {
				t.Errorf("answer %q missing", o.Label)
			}
		}
	}
	rules := doc.Find("ol.rules > li")
	if rules.Length() != len(decision.Reasons) {
		t.Fatalf("%d rules shown, the table has %d", rules.Length(), len(decision.Reasons))
	}
	// The rules are grouped by role, in table order within each group.
	var ordered []decision.Reason
	for _, role := range []decision.Recommendation{decision.ProductManager, decision.ProjectManager} {
		for _, reason := range decision.Reasons {
			if reason.Role == role {
				ordered = append(ordered, reason)
			}
		}
	}
	rules.Each(func(i int, li *goquery.Selection) {
		reason := ordered[i]
		words, _ := site.Questionnaire.Reason(reason.ID)
		got := text(li)
		if !strings.Contains(got, strings.Join(strings.Fields(words.Text), " ")) {
			t.Errorf("rule %s: reason's words missing from %q", reason.ID, got)
		}
		if !strings.Contains(got, "then a "+strings.ReplaceAll(string(reason.Role), "-", " ")) {
			t.Errorf("rule %s: role missing from %q", reason.ID, got)
		}
		for _, m := range reason.If {
			q, _ := site.Questionnaire.Question(m.Field)
			if !strings.Contains(got, "“"+q.Label(m.Value)+"”") || !strings.Contains(got, "“"+q.Legend+"”") {
				t.Errorf("rule %s: condition %s=%s missing from %q", reason.ID, m.Field, m.Value, got)
			}
		}
		if li.Find("a").AttrOr("href", "") != reason.Link() {
			t.Errorf("rule %s: guide link %q", reason.ID, li.Find("a").AttrOr("href", ""))
		}
	})
	if !strings.Contains(main, site.Questionnaire.CustomerFacingUnchanged) {
		t.Error("the customer-facing note is missing")
	}
	form := get(t, srv, "/which-role").doc(t)
	if form.Find(`main a[href="/which-role/how-it-works"]`).Length() == 0 {
		t.Error("the form does not link to how-it-works")
	}
}
