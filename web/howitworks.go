package web

import (
	"strings"

	"github.com/guide/pmvspm/templates"
	"github.com/guide/pmvspm/web/decision"
)

// howItWorksView is /which-role/how-it-works: every rule of the table in
// words. The page is rendered once, at start.
func (s *server) howItWorksView() templates.HowItWorksView {
	q := s.site.Questionnaire
	v := templates.HowItWorksView{
		Title: s.site.Words.Pages.HowItWorks.Title, Words: s.site.Words.HowItWorks,
		Questions: q.Questions, CustomerFacingUnchanged: q.CustomerFacingUnchanged,
	}
	for _, role := range []decision.Recommendation{decision.ProductManager, decision.ProjectManager} {
		g := templates.RuleGroup{Role: roleNoun(role)}
		for _, r := range decision.Reasons {
			if r.Role != role {
				continue
			}
			rv := templates.RuleView{Because: s.reasonView(r)}
			for _, m := range r.If {
				rv.If = append(rv.If, s.condition(m))
			}
			g.Rules = append(g.Rules, rv)
		}
		v.Roles = append(v.Roles, g)
	}
	return v
}

// condition puts one of a rule's matches in words, with the form's own
// question and answer.
func (s *server) condition(m decision.Match) string {
	q, _ := s.site.Questionnaire.Question(m.Field)
	for _, f := range decision.Fields {
		if f.Name == m.Field && f.Multiple {
			return "you tick “" + q.Label(m.Value) + "” for “" + q.Legend + "”"
		}
	}
	return "you answer “" + q.Label(m.Value) + "” to “" + q.Legend + "”"
}

// roleNoun is one role's name without its article.
func roleNoun(r decision.Recommendation) string {
	return strings.ReplaceAll(string(r), "-", " ")
}
