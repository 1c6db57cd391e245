package web

import (
	"net/url"
	"strings"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/templates"
	"github.com/guide/pmvspm/web/decision"
)

// The result: a decision in the content's words. A rule's words and its
// guide link do not depend on the answers, so they are looked up once, at
// start (newRuleWords); a result picks them.

// newRuleWords looks up the words of every rule with its guide link, by
// kind and id ("reason:product-no-launches"), what to hand one person first
// by the job they lead with ("hand:product-manager"), and every guide link
// the rules and the parts name alone, by link.
func newRuleWords(site *content.Site) map[string]templates.ReasonView {
	q := site.Questionnaire
	w := map[string]templates.ReasonView{}
	link := func(link string) templates.ReasonView {
		slug, anchor, _ := strings.Cut(strings.TrimPrefix(link, "/guide/"), "#")
		title := ""
		if sec, ok := site.Section(slug); ok {
			title = sec.Title
			if h, ok := sec.Heading(anchor); ok {
				title = h.Text
			}
		}
		w[link] = templates.ReasonView{Link: link, LinkLabel: content.Fill(site.Words.Result.GuideLink, "title", title)}
		return w[link]
	}
	rule := func(kind string, list []content.RuleWords, id, l string) {
		v := link(l)
		v.Text, _ = content.Rule(list, id)
		w[kind+":"+id] = v
	}
	for _, r := range decision.Reasons {
		rule("reason", q.Reasons, r.ID, r.Link())
	}
	for _, o := range decision.Outcomes {
		rule("outcome", q.Outcomes, o.ID, o.Link())
	}
	for _, l := range decision.Leads {
		rule("lead", q.Leads, l.ID, l.Link())
	}
	for _, c := range decision.Checks {
		rule("check", q.Checks, c.ID, c.Link())
	}
	for _, o := range decision.OtherJobs {
		link(o.Link())
	}
	for _, role := range decision.Roles {
		text, _ := content.Rule(q.HandFirst, string(role))
		w["hand:"+string(role)] = templates.ReasonView{Text: text}
	}
	link(decision.FirstDaysLink)
	link(decision.SecondHireLink)
	return w
}

// resultPage is the result page for the answers (whose canonical query is
// query) and their decision.
func (s *server) resultPage(a decision.Answers, query string, res decision.Result) ([]byte, error) {
	attrs := resultAttrs(res)
	v := s.resultView(a, query, res)
	m := s.meta("/which-role/result?"+query, v.Title, v.Brief.Summary, cardForResult(res))
	m.Nav, m.MainAttrs = "which-role", attrs
	return render(templates.ResultPage(m, v))
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

// resultView turns a decision into words from the content: the result
// page and the brief in every format are made from it.
func (s *server) resultView(a decision.Answers, query string, res decision.Result) templates.ResultView {
	site, rules := s.site, s.rules
	q, rw := site.Questionnaire, site.Words.Result
	b := templates.Brief{
		Parts: s.resultParts(res),
		URL:   s.cfg.BaseURL + "/which-role/result?" + query,
		Words: site.Words.Brief,
	}
	words, _ := q.Recommendation(res.Key())
	b.Need, b.Summary = words.Role, words.Summary
	b.Panel = templates.PanelClass(string(res.Recommendation), string(res.Lead))
	if res.Outcome != nil {
		b.Why = rules["outcome:"+res.Outcome.ID]
	}
	if res.Recommendation == decision.Both {
		b.Split = q.Split
	}
	if res.CustomerFacingMoot {
		b.Notes = append(b.Notes, q.CustomerFacingUnchanged)
	}
	// The mail's subject names the recommendation; its body carries the
	// result's address.
	enc := func(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }
	mail := enc(content.Fill(rw.MailSubject, "role", b.Need)) + "&body=" + enc(b.Summary+"\r\n\r\n"+rw.MailLink+" "+b.URL)
	v := templates.ResultView{
		Title: words.Title, Words: rw,
		Query: query, Brief: b, MailTo: "mailto:?subject=" + mail,
		JobAdLink: site.HiringKit.Words.JobAdLink,
	}
	if res.Recommendation == decision.NotYet {
		v.JobAdLink = site.HiringKit.Words.NoAdLink
	}
	for _, c := range res.ChecksOf(decision.Disagree) {
		v.Checks = append(v.Checks, rules["check:"+c.ID])
	}
	for _, c := range res.ChecksOf(decision.NoOwner) {
		v.NoOwner = append(v.NoOwner, rules["check:"+c.ID])
	}
	for _, role := range decision.Roles {
		side := templates.Side{Heading: byRole(role, rw.ProductSide, rw.ProjectSide), Class: byRole(role, "why-pm", "why-pj")}
		for _, r := range res.For(role) {
			side.Reasons = append(side.Reasons, rules["reason:"+r.ID])
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
		v.FormLink = "/which-role?" + query + "#decider-" + decider.Values[0]
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
			Change: "/which-role?" + query + "#" + f.Name + "-" + f.Values[0],
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
	q, rw, rules := s.site.Questionnaire, s.site.Words.Result, s.rules
	if o := res.OtherJob; o != nil {
		words, _ := q.OtherJob(o.ID)
		return []templates.BriefPart{
			{Heading: byRole(o.Job, rw.OtherProduct, rw.OtherProject), Text: words.Text, Link: rules[o.Link()]},
			{Heading: rw.SecondHire, Text: words.AddWhen, Items: words.Signals},
		}
	}
	switch res.Recommendation {
	case decision.OnePerson:
		lead := rules["lead:"+res.LeadRule.ID]
		return []templates.BriefPart{
			{Heading: rw.Lead, Text: lead.Text, Link: lead},
			{Heading: rw.HandFirst, Text: rules["hand:"+string(res.Lead)].Text, Link: rules[decision.FirstDaysLink]},
			{Heading: rw.SecondHire, Text: q.SecondHire.Intro, Items: q.SecondHire.Items, Link: rules[decision.SecondHireLink]},
		}
	case decision.NotYet:
		return []templates.BriefPart{
			{Heading: rw.Meanwhile, Text: q.Meanwhile.Intro, Items: q.Meanwhile.Items}, // the outcome's link is the guide's "not yet"
			{Heading: rw.NotYet, Text: q.NotYet.Intro, Items: q.NotYet.Items},
		}
	}
	return nil
}

// byRole is project for the project manager's job, product for any other.
func byRole[T any](job decision.Recommendation, product, project T) T {
	if job == decision.ProjectManager {
		return project
	}
	return product
}
