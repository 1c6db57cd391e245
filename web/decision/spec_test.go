package decision

import (
	"fmt"
	"slices"
	"testing"
)

// oldRecommendation is SPEC §3's decision, written from the spec and not
// from the table.
func oldRecommendation(a Answers) Recommendation {
	goal := func(gs ...string) bool { return slices.Contains(gs, a.Goal) }
	product := goal("new-product", "new-feature", "direction") || a.HasProblem("no-launches") || a.HasProblem("unclear-direction") ||
		(a.Goal == "internal-system" && a.CustomerFacing == "yes")
	project := goal("new-product", "new-feature", "internal-system") || a.HasProblem("over-budget") || a.HasProblem("missed-deadlines") ||
		a.HasProblem("poor-coordination") || a.Complexity == "several-teams" || a.Complexity == "complex-tech"
	switch {
	case product && project:
		return Both
	case product:
		return ProductManager
	}
	return ProjectManager
}

// specLead is SPEC §7.1 rule 5's order, written from the spec.
func specLead(a Answers) Recommendation {
	switch {
	case a.Decider == "founder-has-time":
		return ProjectManager
	case a.HasProblem("unclear-direction") || a.HasProblem("no-launches") || a.Goal == "direction":
		return ProductManager
	case a.HasProblem("over-budget") || a.HasProblem("missed-deadlines") || a.HasProblem("poor-coordination") ||
		a.Goal == "internal-system" || a.Goal == "client-work":
		return ProjectManager
	}
	return ProductManager
}

func productProblem(a Answers) bool {
	return a.HasProblem("unclear-direction") || a.HasProblem("no-launches")
}

func deliveryProblem(a Answers) bool {
	return a.HasProblem("over-budget") || a.HasProblem("missed-deadlines") || a.HasProblem("poor-coordination")
}

// specRules are SPEC §7.1's rules 1 to 9, each a check of one answer set's
// result that returns what is wrong, or "". Rules 10 and 11 are about words
// and links: web tests them.
var specRules = []struct {
	n     int
	check func(a Answers, res Result) string
}{
	{1, func(a Answers, res Result) string {
		if a.Old() && res.Recommendation != oldRecommendation(a) {
			return fmt.Sprintf("old link gives %s, SPEC §3 says %s", res.Recommendation, oldRecommendation(a))
		}
		return ""
	}},
	{2, func(a Answers, res Result) string {
		if (a.Hires == "one" || a.Hires == "part-time") && res.Recommendation == Both {
			return "hires=" + a.Hires + " gives both"
		}
		return ""
	}},
	{3, func(a Answers, res Result) string {
		if a.Old() {
			return ""
		}
		if res.Recommendation == OnePerson && !(res.Product && res.Project && a.Complexity == "single-team" && a.Hires != "part-time") {
			return "one-person without both jobs, one team and a hire that is not part-time"
		}
		if a.Hires == "one" && res.Product && res.Project && a.Complexity != "single-team" && res.Recommendation != specLead(a) {
			return fmt.Sprintf("one hire, both jobs, more than one team: %s, not the lead role %s", res.Recommendation, specLead(a))
		}
		return ""
	}},
	{4, func(a Answers, res Result) string {
		if a.Hires != "part-time" {
			if res.Help != "" {
				return "help " + string(res.Help) + " without a part-time answer"
			}
			return ""
		}
		switch {
		case res.Recommendation == ProjectManager && res.Help == Contract,
			res.Recommendation == ProductManager && res.Help == Fractional,
			res.Recommendation == NotYet && res.Help == "":
			return ""
		}
		return fmt.Sprintf("part-time gives %s with help %q", res.Recommendation, res.Help)
	}},
	{5, func(a Answers, res Result) string {
		if res.Recommendation == OnePerson && res.Lead != specLead(a) {
			return fmt.Sprintf("one person leads with %s, rule 5 says %s", res.Lead, specLead(a))
		}
		if res.Recommendation == OnePerson && res.LeadRule == nil {
			return "one person without the lead rule that chose the lead"
		}
		return ""
	}},
	{6, func(a Answers, res Result) string {
		if a.Old() {
			return ""
		}
		if (a.Goal == "client-work" || (a.Goal == "internal-system" && a.CustomerFacing == "no")) && res.Recommendation != ProjectManager {
			return fmt.Sprintf("goal %s (customer-facing %q) gives %s, not a project manager", a.Goal, a.CustomerFacing, res.Recommendation)
		}
		return ""
	}},
	{7, func(a Answers, res Result) string {
		if a.Old() || !(a.Decider == "already-covered" || a.Decider == "founder-has-time") || productProblem(a) {
			return ""
		}
		switch {
		case res.Recommendation == ProjectManager, res.Recommendation == NotYet,
			res.Recommendation == OnePerson && res.Lead == ProjectManager:
			return ""
		}
		return fmt.Sprintf("decider %s without product problems gives %s", a.Decider, res.Key())
	}},
	{8, func(a Answers, res Result) string {
		rule7 := (a.Decider == "already-covered" || a.Decider == "founder-has-time") && !productProblem(a)
		if a.Goal == "new-product" && a.Hires == "two" && (a.Complexity == "complex-tech" || deliveryProblem(a)) && !rule7 && res.Recommendation != Both {
			return "new product, two hires, complex or slipping: " + string(res.Recommendation) + ", not both"
		}
		return ""
	}},
	{9, func(a Answers, res Result) string {
		if a.Old() {
			return ""
		}
		want := (a.Goal == "client-work" && productProblem(a)) || (a.Decider == "founder-has-time" && a.HasProblem("unclear-direction"))
		if want && len(res.Checks) == 0 {
			return "answers that pull apart are not named"
		}
		return ""
	}},
}

// TestSpecRules walks every answer set, new (6,912) and old (768), and
// checks each rule of SPEC §7.1 on its result.
func TestSpecRules(t *testing.T) {
	all, old := All(), AllOld()
	if len(all) != 8064 || len(old) != 768 {
		t.Fatalf("%d new and %d old answer sets, want 8,064 and 768", len(all), len(old))
	}
	seen := map[string]bool{}
	broken := map[int]int{}
	for _, a := range append(all, old...) {
		if seen[a.Query()] {
			t.Fatalf("answer set %s twice", a.Query())
		}
		seen[a.Query()] = true
		res := Decide(a)
		if !res.Recommendation.Valid() {
			t.Fatalf("%s: no recommendation", a.Query())
		}
		if len(res.Reasons) == 0 || (!a.Old() && res.Outcome == nil) {
			t.Errorf("%s: nothing to explain %s", a.Query(), res.Recommendation)
		}
		for _, rule := range specRules {
			if msg := rule.check(a, res); msg != "" {
				if broken[rule.n]++; broken[rule.n] <= 3 {
					t.Errorf("rule %d broken by %s: %s", rule.n, a.Query(), msg)
				}
			}
		}
	}
	for n, count := range broken {
		t.Errorf("rule %d: broken by %d answer sets in all", n, count)
	}
}

// TestSpecRulesCanFail breaks the table on purpose and checks that the
// rule it breaks reports it.
func TestSpecRulesCanFail(t *testing.T) {
	broken := func(swap func()) map[int]bool {
		restore := slices.Clone(Outcomes)
		restoreLeads := slices.Clone(Leads)
		defer func() { Outcomes, Leads = restore, restoreLeads }()
		swap()
		out := map[int]bool{}
		for _, a := range append(All(), AllOld()...) {
			res := Decide(a)
			for _, rule := range specRules {
				if rule.check(a, res) != "" {
					out[rule.n] = true
				}
			}
		}
		return out
	}
	tests := []struct {
		name string
		want int
		swap func()
	}{
		{"one person on several teams", 3, func() { Outcomes[9].If = nil }},
		{"lead order reversed", 5, func() { Leads[0].Lead = ProductManager }},
		{"part-time help as one person", 4, func() { Outcomes[5].Give, Outcomes[5].Help = OnePerson, "" }},
		{"two hires always both", 8, func() { Outcomes[8].If = []Cond{is("hires", "one")} }},
	}
	for _, tt := range tests {
		if got := broken(tt.swap); !got[tt.want] {
			t.Errorf("%s: rule %d not reported (reported: %v)", tt.name, tt.want, got)
		}
	}
}
