package decision

import (
	"fmt"
	"net/url"
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

// rule13 is SPEC §8.1 rule 13's condition: no problem ticked, one team,
// and a founder with the time or someone else already deciding.
func rule13(a Answers) bool {
	return !a.Old() && len(a.Problems) == 0 && a.Complexity == "single-team" &&
		(a.Decider == "founder-has-time" || a.Decider == "already-covered")
}

// specRules are SPEC §7.1's rules 1 to 9 and §8.1's rules 12 to 15 and 18,
// each a check of one answer set's result that returns what is wrong, or
// "". Where a rule of §8.1 replaces part of one of §7.1, the older rule
// says so. Rules 10, 11, 16 and 17 are about words and links, and the
// parts of 12 to 15 that are: web tests them.
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
			if res.Help != "" && a.Goal != "one-off" { // rule 14: one-off work is contract work whatever hires says
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
		if a.Old() || rule13(a) { // rule 13: not yet, whatever the goal
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
		// Rule 12: only for several teams or a complex programme.
		if a.Goal == "new-product" && a.Hires == "two" && a.Complexity != "single-team" && (a.Complexity == "complex-tech" || deliveryProblem(a)) && !rule7 && res.Recommendation != Both {
			return "new product, two hires, complex or slipping: " + string(res.Recommendation) + ", not both"
		}
		return ""
	}},
	{9, func(a Answers, res Result) string {
		if a.Old() {
			return ""
		}
		want := (a.Goal == "client-work" && productProblem(a)) || (a.Decider == "founder-has-time" && a.HasProblem("unclear-direction"))
		if want && len(res.ChecksOf(Disagree)) == 0 {
			return "answers that pull apart are not named"
		}
		return ""
	}},
	{12, func(a Answers, res Result) string {
		if a.Old() || a.Complexity != "single-team" {
			return ""
		}
		if res.Recommendation == Both {
			return "one team gives both"
		}
		if res.Product && res.Project && a.Hires != "part-time" && res.Recommendation != OnePerson {
			return "both jobs on one team give " + res.Key() + ", not one person"
		}
		return ""
	}},
	{13, func(a Answers, res Result) string {
		if rule13(a) && res.Recommendation != NotYet {
			return "no problems, one team, decisions in hand: " + res.Key() + ", not not-yet"
		}
		return ""
	}},
	{14, func(a Answers, res Result) string {
		if a.Goal != "one-off" {
			return ""
		}
		switch {
		case res.Recommendation == ProjectManager && res.Help == Contract,
			res.Recommendation == NotYet && rule13(a):
			return ""
		}
		return "a one-off project gives " + res.Key() + ", not a contract project manager"
	}},
	{15, func(a Answers, res Result) string {
		if a.Goal != "internal-system" || a.Decider != "nobody-clearly" {
			return ""
		}
		if len(res.ChecksOf(NoOwner)) == 0 {
			return "nobody decides what the system must do, and the result does not name the missing owner"
		}
		if a.CustomerFacing == "no" && res.Recommendation != ProjectManager {
			return "a staff system nobody owns gives " + res.Key() + ", not a project manager"
		}
		return ""
	}},
	{18, func(a Answers, res Result) string {
		again, errs := Parse(url.Values(mustQueryValues(a.Query())))
		if len(errs) > 0 || again.Old() != a.Old() || again.Query() != a.Query() {
			return fmt.Sprintf("the link %s reads back as %s (old: %v, errors: %v)", a.Query(), again.Query(), again.Old(), errs)
		}
		if got := Decide(again); got.Key() != res.Key() {
			return "the link shows " + got.Key() + ", today's rules give " + res.Key()
		}
		return ""
	}},
}

// mustQueryValues reads a canonical query; every one is valid.
func mustQueryValues(q string) url.Values {
	v, err := url.ParseQuery(q)
	if err != nil {
		panic(err)
	}
	return v
}

// TestSpecRules walks every answer set, new (8,064) and old (768), and
// checks each rule of SPEC §7.1 and §8.1 on its result.
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
		restore, restoreLeads := slices.Clone(Outcomes), slices.Clone(Leads)
		restoreReasons, restoreChecks, restoreFields := slices.Clone(Reasons), slices.Clone(Checks), slices.Clone(Fields)
		defer func() {
			Outcomes, Leads, Reasons, Checks, Fields = restore, restoreLeads, restoreReasons, restoreChecks, restoreFields
		}()
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
		{"one person on several teams", 3, func() { outcome("one-team-one-person").If = nil }},
		{"lead order reversed", 5, func() { Leads[0].Lead = ProductManager }},
		{"part-time help as one person", 4, func() { outcome("both-part-time-product").Give, outcome("both-part-time-product").Help = OnePerson, "" }},
		{"two hires only with one hire", 8, func() { outcome("two-hires-several-teams").If = []Cond{is("hires", "one")} }},
		{"two hires on one team", 12, func() {
			Outcomes = slices.Insert(Outcomes, 1, Outcome{"two-slipping", NeedBoth, "", []Cond{is("hires", "two"), is("problems", deliveryProblems...)}, Both, "", "hiring", "hire-both"})
		}},
		{"a small steady team needs a project manager", 13, func() {
			Reasons = slices.DeleteFunc(Reasons, func(r Reason) bool { return r.ID == "project-small-and-steady" })
		}},
		{"one-off work hired for good", 14, func() {
			Outcomes = slices.DeleteFunc(Outcomes, func(o Outcome) bool { return o.ID == "one-off-fixed-term" })
		}},
		{"one-off work given a product manager", 14, func() {
			Reasons = slices.DeleteFunc(Reasons, func(r Reason) bool { return r.ID == "product-one-off" })
		}},
		{"nobody owns the system, unnamed", 15, func() {
			Checks = slices.DeleteFunc(Checks, func(c Check) bool { return c.ID == "no-owner-staff-system" })
		}},
		{"a §7 link read as an old one", 18, func() { Fields[2].New, Fields[5].New = false, false }},
	}
	for _, tt := range tests {
		if got := broken(tt.swap); !got[tt.want] {
			t.Errorf("%s: rule %d not reported (reported: %v)", tt.name, tt.want, got)
		}
	}
}

// outcome returns the outcome row with this id, to break it.
func outcome(id string) *Outcome {
	for i := range Outcomes {
		if Outcomes[i].ID == id {
			return &Outcomes[i]
		}
	}
	panic("no outcome " + id)
}
