package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/templates"
	"github.com/guide/pmvspm/web/decision"
)

// handleResult is GET /which-role/result: the recommendation for the
// answers in the query.
func (s *server) handleResult(w http.ResponseWriter, r *http.Request) {
	a, ok := s.answersFromQuery(w, r)
	if !ok {
		return
	}
	s.serveCached(w, r, "result?"+a.Query(), func() (*representation, error) {
		v := s.resultView(a)
		rec := decision.Decide(a).Recommendation
		m := s.meta("/which-role/result?"+a.Query(), v.Title, v.Brief.Summary)
		m.Nav = "which-role"
		m.MainAttrs = map[string]any{"data-recommendation": string(rec)}
		s.withCard(&m, cardForRecommendation(rec))
		body, err := render(templates.ResultPage(m, v))
		return newRepresentation(htmlType, s.pageCacheControl, body), err
	})
}

// reasonView is a rule's reason in the content's words, with its guide link.
func (s *server) reasonView(r decision.Reason) templates.ReasonView {
	words, _ := s.site.Questionnaire.Reason(r.ID)
	sec, _ := s.site.Section(r.Section)
	return templates.ReasonView{Text: words.Text, Link: r.Link(), LinkLabel: content.Fill(s.site.Words.Result.GuideLink, "title", sec.Title)}
}

// resultView turns a decision into words from the content: the result
// page and the brief in every format are made from it.
func (s *server) resultView(a decision.Answers) templates.ResultView {
	site := s.site
	q := site.Questionnaire
	res := decision.Decide(a)
	words, _ := q.Recommendation(string(res.Recommendation))
	b := templates.Brief{
		Need:    words.Role,
		Summary: words.Summary,
		URL:     s.cfg.BaseURL + "/which-role/result?" + a.Query(),
		Alone:   words.Alone,
		Words:   site.Words.Brief,
	}
	if res.Recommendation == decision.Both {
		b.Split = q.Split
	}
	if !decision.Matters(a, "customer_facing") {
		b.Notes = append(b.Notes, q.CustomerFacingUnchanged)
	}
	for _, role := range []decision.Recommendation{decision.ProductManager, decision.ProjectManager} {
		reasons := res.For(role)
		if len(reasons) == 0 {
			continue
		}
		need, _ := q.Recommendation(string(role))
		br := templates.BriefRole{Name: roleNoun(role), Need: need.Role, Words: site.Words.Brief, Profile: site.ProductManager}
		if role == decision.ProjectManager {
			br.Profile = site.ProjectManager
		}
		for _, r := range reasons {
			br.Why = append(br.Why, s.reasonView(r))
		}
		b.Roles = append(b.Roles, br)
	}
	v := templates.ResultView{
		Title: content.Fill(site.Words.Result.Title, "role", b.Need), Words: site.Words.Result,
		Query: a.Query(), Brief: b, MailTo: mailto(site.Words, b),
	}
	for _, f := range decision.Fields {
		question, _ := q.Question(f.Name)
		var labels []string
		for _, val := range a.Values(f.Name) {
			labels = append(labels, question.Label(val))
		}
		answer := strings.Join(labels, "; ")
		if answer == "" {
			answer = site.Words.Result.NoAnswer
		}
		v.Answers = append(v.Answers, templates.SummaryItem{
			Question: question.Legend, Answer: answer,
			Change: "/which-role?" + a.Query() + "#" + f.Name + "-" + f.Values[0],
		})
	}
	return v
}

// mailto is a mailto: address with no recipient, whose subject names the
// recommendation and whose body carries the result's address.
func mailto(words content.Words, b templates.Brief) string {
	enc := func(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }
	subject := content.Fill(words.Result.MailSubject, "role", b.Need)
	body := b.Summary + "\r\n\r\n" + words.Result.MailLink + " " + b.URL
	return "mailto:?subject=" + enc(subject) + "&body=" + enc(body)
}
