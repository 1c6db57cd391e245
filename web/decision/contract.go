package decision

// The questionnaire's contract with its words: the checks that the
// content has words for every field, value, rule and outcome of this
// package, a guide heading for every rule's link, and every hire an
// outcome calls for; run at start-up, by guide -check and by -dev.

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/guide/pmvspm/content"
)

// CheckQuestionnaire makes sure the content's questionnaire words match the
// form's contract exactly; that every rule of the decision tables has its
// words and every word its rule (either missing stops start-up); and that
// each outcome has its words.
func CheckQuestionnaire(site *content.Site) content.Problems {
	q := site.Questionnaire
	if len(q.Questions) != len(Fields) {
		return content.Problems{fmt.Errorf("questionnaire: whichrole.yaml has %d questions; the form has %d fields", len(q.Questions), len(Fields))}
	}
	for i, f := range Fields {
		got := q.Questions[i]
		if got.Field != f.Name {
			return content.Problems{q.At(fmt.Sprintf("questions[%d].field", i), "question %d is %q; the form's question %d is %q (the questions, in order: %s)", i+1, got.Field, i+1, f.Name, fieldNames())}
		}
		for j := range max(len(got.Options), len(f.Values)) {
			at := fmt.Sprintf("questions[%d].options[%d].value", i, j)
			switch {
			case j >= len(got.Options):
				return content.Problems{q.At(fmt.Sprintf("questions[%d].options", i), "question %q has no option %q: add it (the form's options, in order: %s)", f.Name, f.Values[j], strings.Join(f.Values, ", "))}
			case j >= len(f.Values):
				return content.Problems{q.At(at, "question %q: option %q is not one the form has: remove it (the form's options, in order: %s)", f.Name, got.Options[j].Value, strings.Join(f.Values, ", "))}
			case got.Options[j].Value != f.Values[j]:
				return content.Problems{q.At(at, "question %q: option %d is %q; the form's option %d is %q (the options, in order: %s)", f.Name, j+1, got.Options[j].Value, j+1, f.Values[j], strings.Join(f.Values, ", "))}
			}
		}
	}
	var errs content.Problems
	// match checks one table against its words both ways.
	match := func(what string, ids []string, words []string) {
		for _, id := range ids {
			if !slices.Contains(words, id) {
				errs = append(errs, fmt.Errorf("%s %s has no words in whichrole.yaml", what, id))
			}
		}
		seen := map[string]bool{}
		for _, id := range words {
			if !slices.Contains(ids, id) {
				errs = append(errs, fmt.Errorf("whichrole.yaml has words for %s %s, which the rule table does not have", what, id))
			}
			if seen[id] {
				errs = append(errs, fmt.Errorf("whichrole.yaml has words for %s %s twice", what, id))
			}
			seen[id] = true
		}
	}
	goal, _ := FieldNamed("goal")
	for _, question := range q.Questions {
		for _, o := range question.Options {
			for g := range o.Said {
				if g != "default" && !slices.Contains(goal.Values, g) {
					errs = append(errs, fmt.Errorf("whichrole.yaml: question %s: option %s: said: %s is not a goal", question.Field, o.Value, g))
				}
			}
		}
	}
	ruleID := func(w content.RuleWords) string { return w.ID }
	match("reason", idList(Reasons, func(r Reason) string { return r.ID }), idList(q.Reasons, ruleID))
	match("outcome", idList(Outcomes, func(o Outcome) string { return o.ID }), idList(q.Outcomes, ruleID))
	match("lead", idList(Leads, func(l LeadRule) string { return l.ID }), idList(q.Leads, ruleID))
	match("check", idList(Checks, func(c Check) string { return c.ID }), idList(q.Checks, ruleID))
	match("other job", idList(OtherJobs, func(o OtherJob) string { return o.ID }), idList(q.OtherJobs, func(w content.OtherJobWords) string { return w.ID }))
	match("lead role", []string{string(ProductManager), string(ProjectManager)}, idList(q.HandFirst, ruleID))
	match("recommendation", Keys(), idList(q.Recommendations, func(r content.RecommendationWords) string { return r.ID }))
	return errs
}

// CheckGuideLinks makes sure that every rule and part of the result page
// points to a guide heading that exists: a heading the answers link to,
// renamed or gone, is one problem for each such link, blamed on the
// section's file, naming the rules that use it.
func CheckGuideLinks(site *content.Site) content.Problems {
	missing := map[string][]string{} // link → the rules that use it
	anchor := func(what, id, link, section, anchor string) {
		if !site.HasAnchor(section, anchor) {
			missing[link] = append(missing[link], what+" "+id)
		}
	}
	for _, r := range Reasons {
		anchor("reason", r.ID, r.Link(), r.Section, r.Anchor)
	}
	for _, o := range Outcomes {
		anchor("outcome", o.ID, o.Link(), o.Section, o.Anchor)
	}
	for _, c := range Checks {
		anchor("check", c.ID, c.Link(), c.Section, c.Anchor)
	}
	for _, o := range OtherJobs {
		anchor("other job", o.ID, o.Link(), o.Section, o.Anchor)
	}
	for _, link := range []string{LeadRule{}.Link(), FirstDaysLink, SecondHireLink} {
		section, id, _ := strings.Cut(strings.TrimPrefix(link, "/guide/"), "#")
		anchor("the result page's", id+" part", link, section, id)
	}
	var problems content.Problems
	for _, link := range slices.Sorted(maps.Keys(missing)) {
		section, id, _ := strings.Cut(strings.TrimPrefix(link, "/guide/"), "#")
		file := "guide/" + section + ".md"
		reason := fmt.Sprintf("the questionnaire's answers link to %s (for %s), but this section has no heading with id %q: keep that id on the heading that makes the point, as in \"## Heading {#%s}\"",
			link, strings.Join(missing[link], ", "), id, id)
		if _, ok := site.Section(section); !ok {
			reason = fmt.Sprintf("the questionnaire's answers link to %s (for %s), but the guide has no section %q", link, strings.Join(missing[link], ", "), section)
		}
		problems = append(problems, &content.FileError{File: file, Line: 1, Reason: reason})
	}
	return problems
}

// fieldNames lists the form's fields, in order.
func fieldNames() string {
	return strings.Join(idList(Fields, func(f Field) string { return f.Name }), ", ")
}

// idList lists the id of each item.
func idList[T any](items []T, id func(T) string) []string {
	var out []string
	for _, it := range items {
		out = append(out, id(it))
	}
	return out
}

// CheckHiringKit makes sure hiringkit.yaml has words for every answer the
// adverts depend on, and a hire for every outcome; each problem names its
// line in the file.
func CheckHiringKit(site *content.Site) content.Problems {
	kit := &site.HiringKit
	var errs content.Problems
	for _, m := range []struct {
		field, key string
		words      map[string]string
	}{
		{"goal", "situations", kit.Situations},
		{"problems", "today", kit.Today},
		{"complexity", "teams", kit.Teams},
	} {
		f, _ := FieldNamed(m.field)
		for _, v := range f.Values {
			if m.words[v] == "" {
				errs = append(errs, kit.At(m.key, "%s: no words for the answer %s=%s", m.key, m.field, v))
			}
		}
		for _, v := range slices.Sorted(maps.Keys(m.words)) {
			if !slices.Contains(f.Values, v) {
				errs = append(errs, kit.At(m.key+"."+v, "%s: %s is not an answer to %s", m.key, v, m.field))
			}
		}
	}
	decider, _ := FieldNamed("decider")
	for i, h := range kit.Hires {
		for k := range h.Ad.Decides {
			if k != "default" && k != "client-work" && k != "both" && !slices.Contains(decider.Values, k) {
				errs = append(errs, kit.At(fmt.Sprintf("hires[%d].ad.decides.%s", i, k), "hire %s: decides: %s is neither default, client-work, both nor an answer to decider", h.ID, k))
			}
		}
	}
	// The two adverts of a both result must agree on who decides what.
	for _, id := range HiresByOutcome[string(Both)] {
		if h, ok := kit.Hire(id); ok && h.Ad.Decides["both"] == "" {
			errs = append(errs, kit.At("hires", "hire %s: decides needs both: what it decides beside the other hire of a both result", id))
		}
	}
	for _, m := range []struct {
		key   string
		words map[string]string
	}{{"delivery_situations", kit.DeliverySituations}, {"work", kit.Work}} {
		goal, _ := FieldNamed("goal")
		for _, v := range slices.Sorted(maps.Keys(m.words)) {
			if !slices.Contains(goal.Values, v) {
				errs = append(errs, kit.At(m.key+"."+v, "%s: %s is not an answer to goal", m.key, v))
			}
		}
	}
	missing := map[string]bool{}
	for _, key := range Keys() {
		for _, id := range HiresByOutcome[key] {
			if _, ok := kit.Hire(id); !ok && !missing[id] {
				missing[id] = true
				errs = append(errs, kit.At("hires", "hires: no hire %s, which the outcome %s calls for", id, key))
			}
		}
	}
	return errs
}

// HiresByOutcome are the kit's hires each outcome (by its Key) calls for,
// in the order the adverts show them (the order of Result.Hired()): none
// yet; each role hired; part-time help; or one person for both jobs, led
// by one.
var HiresByOutcome = map[string][]string{
	string(NotYet):         nil,
	string(ProductManager): {"product-manager"},
	string(ProjectManager): {"project-manager"},
	string(Both):           {"product-manager", "project-manager"},
	string(ProductManager) + "/" + string(Fractional): {"fractional-product"},
	string(ProjectManager) + "/" + string(Contract):   {"contract-project"},
	string(OnePerson) + "/" + string(ProductManager):  {"one-person-product"},
	string(OnePerson) + "/" + string(ProjectManager):  {"one-person-project"},
}

// FirstProductHire are the answers to "who decides what gets built" that
// say nobody has held a product job: a founder decides, or nobody does.
var FirstProductHire = []string{"founder-has-time", "founder-stretched", "nobody-clearly"}

// The guide links of a one-person result's parts beside its lead rule's;
// CheckQuestionnaire makes sure the guide has them.
const (
	FirstDaysLink  = "/guide/hiring#first-90-days"
	SecondHireLink = "/guide/hiring#second-hire"
)
