package web

import (
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/guide/pmvspm/web/decision"
)

// TestHowItWorks checks that /which-role/how-it-works shows every question
// with its answers, and every row of today's decision tables, in table
// order: its conditions in the form's words, its effect, and its guide link;
// no row speaks of link versions, and old links are explained once, at the
// end.
func TestHowItWorks(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	site := loadSite(t)
	q := site.Questionnaire
	r := get(t, srv, "/which-role/how-it-works")
	wantStatus(t, r, http.StatusOK)
	doc := r.doc(t)
	main := text(doc.Find("main"))
	for _, question := range q.Questions {
		if !strings.Contains(main, question.Legend) {
			t.Errorf("question %q missing", question.Legend)
		}
		for _, o := range question.Options {
			if !strings.Contains(main, o.Label) {
				t.Errorf("answer %q missing", o.Label)
			}
		}
	}
	if strings.Contains(strings.ToLower(main), "server") {
		t.Error("the page speaks of the server")
	}
	tables := doc.Find("main table.rules")
	// The signs (product, then delivery), the outcomes, the leads, the
	// checks, who covers the other job.
	if tables.Length() != 6 {
		t.Fatalf("%d tables, want 6", tables.Length())
	}
	type row struct {
		link  string
		conds []decision.Cond
		words string
	}
	var want [][]row
	for _, role := range decision.Roles {
		var rows []row
		for _, reason := range decision.Reasons {
			if reason.Role == role && reason.Links != decision.OldLinks {
				rows = append(rows, row{reason.Link(), reason.If, ""})
			}
		}
		want = append(want, rows)
	}
	var rows []row
	for _, o := range decision.Outcomes {
		rows = append(rows, row{o.Link(), o.If, ""})
	}
	want = append(want, rows)
	rows = nil
	for _, l := range decision.Leads {
		rows = append(rows, row{l.Link(), l.If, roleNoun(l.Lead)})
	}
	want = append(want, rows)
	rows = nil
	for _, c := range decision.Checks {
		words, _ := contentRule(q.Checks, c.ID)
		rows = append(rows, row{c.Link(), c.If, words})
	}
	want = append(want, rows)
	rows = nil
	for _, o := range decision.OtherJobs {
		words, _ := q.OtherJob(o.ID)
		rows = append(rows, row{o.Link(), o.If, words.Text})
	}
	want = append(want, rows)
	hw := site.Words.HowItWorks
	if !strings.Contains(text(doc.Find("main section").Last()), hw.OldLinksText) || strings.Count(main, hw.OldLinksText) != 1 {
		t.Error("old links are not explained once, in the last section")
	}
	tables.Each(func(_ int, table *goquery.Selection) {
		if strings.Contains(strings.ToLower(text(table)), "link") {
			t.Errorf("a decision table speaks of links: %q", text(table))
		}
	})
	tables.Each(func(i int, table *goquery.Selection) {
		trs := table.Find("tbody tr")
		if trs.Length() != len(want[i]) {
			t.Fatalf("table %d has %d rows, the rule table %d", i+1, trs.Length(), len(want[i]))
		}
		if table.Find("thead th[scope=col]").Length() != trs.First().Find("td").Length() {
			t.Errorf("table %d: header and rows differ in columns", i+1)
		}
		trs.Each(func(j int, tr *goquery.Selection) {
			w := want[i][j]
			got := text(tr)
			if href := tr.Find("a").AttrOr("href", ""); href != w.link {
				t.Errorf("table %d row %d: link %q, want %q", i+1, j+1, href, w.link)
			}
			for _, c := range w.conds {
				question, _ := q.Question(c.Field)
				if !strings.Contains(got, question.Short) {
					t.Errorf("table %d row %d: condition on %s missing from %q", i+1, j+1, c.Field, got)
				}
				for _, v := range c.Values {
					if !strings.Contains(got, "“"+question.Label(v)+"”") {
						t.Errorf("table %d row %d: answer %s missing from %q", i+1, j+1, v, got)
					}
				}
			}
			if w.words != "" && !strings.Contains(got, w.words) {
				t.Errorf("table %d row %d: %q missing from %q", i+1, j+1, w.words, got)
			}
		})
	})
	check(t, get(t, srv, "/which-role").doc(t), in(`main a[href="/which-role/how-it-works"]`))
}
