package web

import (
	"strings"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/templates"
	"github.com/guide/pmvspm/web/decision"
)

// howItWorksView is /which-role/how-it-works: the decision's five steps
// in words, each row from the rule tables the results are made from. The
// tables are today's rules; the rules an old link keeps are explained once,
// at the end. The page is rendered once, at start.
func (s *server) howItWorksView() templates.HowItWorksView {
	q := s.site.Questionnaire
	hw := s.site.Words.HowItWorks
	v := templates.HowItWorksView{Title: s.site.Words.Pages.HowItWorks.Title, Words: hw}
	for _, f := range decision.TopFields() {
		question, _ := q.Question(f.Name)
		hq := templates.HowQuestion{Question: question}
		for _, g := range f.Revealed() {
			revealed, _ := q.Question(g.Name)
			hq.RevealValue, hq.Reveal = g.OnlyFor, &revealed
		}
		v.Questions = append(v.Questions, hq)
	}

	signs := templates.Step{Heading: hw.Signs, Intro: hw.SignsIntro}
	for _, role := range decision.Roles {
		t := templates.DecisionTable{Caption: byRole(role, hw.ProductSide, hw.ProjectSide), Head: []string{hw.ColWhen, hw.ColEffect, hw.ColWhy}}
		for _, r := range decision.Reasons {
			if r.Role != role || r.Links == decision.OldLinks {
				continue // old links' own rows are explained at the end
			}
			effect := byRole(role, hw.Shows, hw.ShowsDelivery)
			if r.Kind == decision.Covers {
				effect = byRole(role, hw.Covers, hw.CoversDelivery)
			}
			t.Rows = append(t.Rows, templates.DecisionRow{Cells: [][]string{s.conditions(r.If), {effect}}, Link: s.rules[r.Link()]})
		}
		signs.Tables = append(signs.Tables, t)
	}

	outcomes := templates.Step{Heading: hw.Outcomes, Intro: hw.OutcomesIntro}
	t := templates.DecisionTable{Head: []string{hw.ColNeed, hw.ColWhen, hw.ColResult, hw.ColWhy}}
	needs := map[decision.Need]string{decision.NeedNone: hw.NeedNone, decision.NeedProduct: hw.NeedProduct, decision.NeedProject: hw.NeedProject, decision.NeedBoth: hw.NeedBoth}
	for _, o := range decision.Outcomes {
		var lead []string
		if o.Lead != "" {
			lead = []string{content.Fill(hw.LeadsWith, "role", roleNoun(o.Lead))}
		}
		result := hw.TheLead
		switch o.Give {
		case "":
		case decision.OnePerson:
			result = hw.OnePerson
		default:
			words, _ := q.Recommendation(decision.Result{Recommendation: o.Give, Help: o.Help}.Key())
			result = words.Role
		}
		t.Rows = append(t.Rows, templates.DecisionRow{Cells: [][]string{{needs[o.Need]}, s.conditions(o.If, lead...), {result}}, Link: s.rules[o.Link()]})
	}
	outcomes.Tables = []templates.DecisionTable{t}

	leads := templates.Step{Heading: hw.Leads, Intro: hw.LeadsIntro}
	t = templates.DecisionTable{Head: []string{hw.ColWhen, hw.ColResult, hw.ColWhy}}
	for _, l := range decision.Leads {
		t.Rows = append(t.Rows, templates.DecisionRow{Cells: [][]string{s.conditions(l.If), {roleNoun(l.Lead)}}, Link: s.rules[l.Link()]})
	}
	leads.Tables = []templates.DecisionTable{t}

	checks := templates.Step{Heading: hw.Checks, Intro: hw.ChecksIntro}
	t = templates.DecisionTable{Head: []string{hw.ColWhen, hw.ColResult, hw.ColWhy}}
	for _, c := range decision.Checks {
		text, _ := content.Rule(q.Checks, c.ID)
		t.Rows = append(t.Rows, templates.DecisionRow{Cells: [][]string{s.conditions(c.If), {text}}, Link: s.rules[c.Link()]})
	}
	checks.Tables = []templates.DecisionTable{t}

	others := templates.Step{Heading: hw.OtherJobs, Intro: hw.OtherJobsIntro}
	t = templates.DecisionTable{Head: []string{hw.ColJob, hw.ColWhen, hw.ColCovers, hw.ColWhy}}
	for _, o := range decision.OtherJobs {
		job := byRole(o.Job, hw.JobProduct, hw.JobProject)
		words, _ := q.OtherJob(o.ID)
		t.Rows = append(t.Rows, templates.DecisionRow{Cells: [][]string{{job}, s.conditions(o.If), {words.Text}}, Link: s.rules[o.Link()]})
	}
	others.Tables = []templates.DecisionTable{t}

	old := templates.Step{Heading: hw.OldLinks, Intro: hw.OldLinksText}
	v.Steps = []templates.Step{signs, outcomes, leads, checks, others, old}
	return v
}

// conditions puts a rule's conditions in words, one line each, with the
// questions' short names and the form's own answers, then the lines in
// more; hw.Always when there are none.
func (s *server) conditions(cs []decision.Cond, more ...string) []string {
	hw := s.site.Words.HowItWorks
	var out []string
	for _, c := range cs {
		q, _ := s.site.Questionnaire.Question(c.Field)
		var labels []string
		for _, v := range c.Values {
			labels = append(labels, "“"+q.Label(v)+"”")
		}
		f, _ := decision.FieldNamed(c.Field)
		format, join := hw.CondIs, hw.Or
		switch {
		case f.Multiple && c.Not:
			format, join = hw.CondNotTicked, hw.Nor
		case f.Multiple:
			format = hw.CondTicked
		case c.Not:
			format = hw.CondIsNot
		}
		line := content.Fill(format, "question", q.Short)
		out = append(out, content.Fill(line, "answers", strings.Join(labels, " "+join+" ")))
	}
	out = append(out, more...)
	if len(out) == 0 {
		return []string{hw.Always}
	}
	return out
}

// roleNoun is one role's name without its article.
func roleNoun(r decision.Recommendation) string {
	return strings.ReplaceAll(string(r), "-", " ")
}
