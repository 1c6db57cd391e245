package web

import (
	"github.com/guide/pmvspm/web/serve"
	"net/http"
	"net/url"
	"strings"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/templates"
	"github.com/guide/pmvspm/web/decision"
)

// handleResult is GET /which-role/result: the recommendation for the
// answers in the query.
func (s *server) handleResult(w http.ResponseWriter, r *http.Request) error {
	a, err := answersFromQuery(r)
	if err != nil {
		return err
	}
	return s.answers.Serve(w, r, http.StatusOK, "result?"+a.Query(), htmlType, nil, func() (*serve.Representation, error) {
		res := decision.Decide(a)
		v := s.resultView(a, res)
		m := s.meta("/which-role/result?"+a.Query(), v.Title, v.Brief.Summary)
		m.Nav = "which-role"
		m.MainAttrs = resultAttrs(res)
		s.withCard(&m, cardForResult(res))
		body, err := render(templates.ResultPage(m, v))
		return serve.NewRepresentation(htmlType, s.pageCacheControl, nil, body), err
	})
}

// resultAttrs are the result's data attributes on <main>: the
// recommendation, the job one person leads with, the kind of part-time help.
func resultAttrs(res decision.Result) map[string]any {
	attrs := map[string]any{"data-recommendation": string(res.Recommendation)}
	if res.Recommendation == decision.OnePerson {
		attrs["data-lead"] = string(res.Lead)
	}
	if res.Help != "" {
		attrs["data-help"] = string(res.Help)
	}
	return attrs
}

// guideLink is a rule's link to the guide, labelled with the heading it
// lands on (or the section's title).
func (s *server) guideLink(link string) templates.ReasonView {
	slug, anchor, _ := strings.Cut(strings.TrimPrefix(link, "/guide/"), "#")
	title := ""
	if sec, ok := s.site.Section(slug); ok {
		title = sec.Title
		if h, ok := sec.Heading(anchor); ok {
			title = h.Text
		}
	}
	return templates.ReasonView{Link: link, LinkLabel: content.Fill(s.site.Words.Result.GuideLink, "title", title)}
}

// reasonView is a sign's reason in the content's words, with its guide link.
func (s *server) reasonView(r decision.Reason) templates.ReasonView {
	return s.ruleView(s.site.Questionnaire.Reasons, r.ID, r.Link())
}

// ruleView is a rule's words, with its guide link.
func (s *server) ruleView(list []content.RuleWords, id, link string) templates.ReasonView {
	text, _ := content.Rule(list, id)
	v := s.guideLink(link)
	v.Text = text
	return v
}

// resultView turns a decision into words from the content: the result
// page and the brief in every format are made from it.
func (s *server) resultView(a decision.Answers, res decision.Result) templates.ResultView {
	site := s.site
	q := site.Questionnaire
	rw := site.Words.Result
	words, _ := q.Recommendation(res.Key())
	b := templates.Brief{
		Need:    words.Role,
		Summary: words.Summary,
		URL:     s.cfg.BaseURL + "/which-role/result?" + a.Query(),
		Panel:   templates.PanelClass(string(res.Recommendation), string(res.Lead)),
		Words:   site.Words.Brief,
	}
	if res.Outcome != nil {
		b.Why = s.ruleView(q.Outcomes, res.Outcome.ID, res.Outcome.Link())
	}
	b.Parts = s.resultParts(res)
	if res.Recommendation == decision.Both {
		b.Split = q.Split
	}
	if a.Old() && a.CustomerFacing != "" && !decision.Matters(a, "customer_facing") {
		b.Notes = append(b.Notes, q.CustomerFacingUnchanged)
	}
	v := templates.ResultView{
		Title: words.Title, Words: rw,
		Query: a.Query(), Brief: b, MailTo: mailto(site.Words, b),
		JobAdLink: site.HiringKit.Words.JobAdLink,
	}
	if res.Recommendation == decision.NotYet {
		v.JobAdLink = site.HiringKit.Words.NoAdLink
	}
	for _, c := range res.ChecksOf(decision.Disagree) {
		v.Checks = append(v.Checks, s.ruleView(q.Checks, c.ID, c.Link()))
	}
	for _, c := range res.ChecksOf(decision.NoOwner) {
		v.NoOwner = append(v.NoOwner, s.ruleView(q.Checks, c.ID, c.Link()))
	}
	for _, role := range decision.Roles {
		side := templates.Side{Heading: rw.ProductSide, Class: "why-pm"}
		if role == decision.ProjectManager {
			side.Heading, side.Class = rw.ProjectSide, "why-pj"
		}
		for _, r := range res.For(role) {
			side.Reasons = append(side.Reasons, s.reasonView(r))
		}
		if len(side.Reasons) > 0 {
			v.Sides = append(v.Sides, side)
		}
	}
	for _, ans := range site.Situations(a.Values) {
		v.Situations = append(v.Situations, templates.ReasonView{LinkLabel: ans.Question, Link: "/faq/" + ans.Slug})
	}
	if a.Goal == "client-work" {
		v.OwnProject = templates.ReasonView{Text: q.OwnProject.Text, LinkLabel: q.OwnProject.Link,
			Link: "/which-role/result?" + a.With("goal", "one-off").Query()}
	}
	if a.Old() {
		v.OldLink = q.OldLink
		decider, _ := decision.FieldNamed("decider")
		v.FormLink = "/which-role?" + a.Query() + "#decider-" + decider.Values[0]
	}
	for _, f := range decision.Fields {
		if f.OnlyFor != "" && a.Goal != f.OnlyFor && (!a.Old() || len(a.Values(f.Name)) == 0) {
			continue // not asked (an old link shows the answer it has)
		}
		question, _ := q.Question(f.Name)
		var labels []string
		for _, val := range a.Values(f.Name) {
			labels = append(labels, question.Said(val, a.Goal))
		}
		answer := strings.Join(labels, "; ")
		if answer == "" {
			if f.New {
				continue // an old link was never asked
			}
			answer = rw.NoAnswer
		}
		v.Answers = append(v.Answers, templates.SummaryItem{
			Question: question.Legend, Answer: answer,
			Change: "/which-role?" + a.Query() + "#" + f.Name + "-" + f.Values[0],
		})
	}
	return v
}

// resultParts are the parts of a result beside its reasons: for one
// person, the job they lead with, what to hand them first and when to add
// the second hire; for no hire yet, who covers the work and the signs to
// watch; for a hire for one job, who covers the other and when to add a
// hire for it.
func (s *server) resultParts(res decision.Result) []templates.BriefPart {
	q := s.site.Questionnaire
	rw := s.site.Words.Result
	if o := res.OtherJob; o != nil {
		words, _ := q.OtherJob(o.ID)
		heading := rw.OtherProduct
		if o.Job == decision.ProjectManager {
			heading = rw.OtherProject
		}
		return []templates.BriefPart{
			{Heading: heading, Text: words.Text, Link: s.guideLink(o.Link())},
			{Heading: rw.SecondHire, Text: words.AddWhen, Items: words.Signals},
		}
	}
	switch res.Recommendation {
	case decision.OnePerson:
		lead := s.ruleView(q.Leads, res.LeadRule.ID, res.LeadRule.Link())
		hand, _ := content.Rule(q.HandFirst, string(res.Lead))
		return []templates.BriefPart{
			{Heading: rw.Lead, Text: lead.Text, Link: lead},
			{Heading: rw.HandFirst, Text: hand, Link: s.guideLink(decision.FirstDaysLink)},
			{Heading: rw.SecondHire, Text: q.SecondHire.Intro, Items: q.SecondHire.Items, Link: s.guideLink(decision.SecondHireLink)},
		}
	case decision.NotYet:
		return []templates.BriefPart{
			{Heading: rw.Meanwhile, Text: q.Meanwhile.Intro, Items: q.Meanwhile.Items}, // the outcome's link is the guide's "not yet"
			{Heading: rw.NotYet, Text: q.NotYet.Intro, Items: q.NotYet.Items},
		}
	}
	return nil
}

// mailto is a mailto: address with no recipient, whose subject names the
// recommendation and whose body carries the result's address.
func mailto(words content.Words, b templates.Brief) string {
	enc := func(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }
	subject := content.Fill(words.Result.MailSubject, "role", b.Need)
	body := b.Summary + "\r\n\r\n" + words.Result.MailLink + " " + b.URL
	return "mailto:?subject=" + enc(subject) + "&body=" + enc(body)
}
