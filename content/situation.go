package content

import (
	"maps"
	"slices"
	"strings"
)

// An FAQ answer written for one of the owner's situations (a startup, an
// agency, an internal system) says in its front matter which answers to
// the questionnaire show that situation:
//
//	situation:
//	  goal: [internal-system]
//
// A result whose answers fit links to it. Fields and values are the
// questionnaire's (whichrole.yaml), checked when the content loads.

// Fits reports whether the answers (values gives each field's answers, as
// decision.Answers.Values does) show the answer's situation: every field
// it lists has one of its values. An answer with no situation fits none.
func (a *Answer) Fits(values func(field string) []string) bool {
	if len(a.Situation) == 0 {
		return false
	}
	for field, want := range a.Situation {
		if !slices.ContainsFunc(values(field), func(v string) bool { return slices.Contains(want, v) }) {
			return false
		}
	}
	return true
}

// Situations returns the FAQ answers, in their order, whose situation the
// answers fit.
func (s *Site) Situations(values func(field string) []string) []*Answer {
	var out []*Answer
	for _, a := range s.Answers {
		if a.Fits(values) {
			out = append(out, a)
		}
	}
	return out
}

// checkSituations makes sure that every situation names questions and
// answers the questionnaire has.
func (s *Site) checkSituations() error {
	if len(s.Questionnaire.Questions) == 0 {
		return nil // whichrole.yaml did not load: its problem is reported
	}
	var problems Problems
	for _, a := range s.Answers {
		for _, field := range slices.Sorted(maps.Keys(a.Situation)) {
			line := a.fm.nearest("situation." + field)
			q, ok := s.Questionnaire.Question(field)
			if !ok {
				problems.add(fileErrorf(a.file, line, "situation: the questionnaire asks no %q (it asks %s)", field, s.fields()))
				continue
			}
			if len(a.Situation[field]) == 0 {
				problems.add(fileErrorf(a.file, line, "situation: %s lists no answer (it takes %s)", field, values(q)))
			}
			for _, v := range a.Situation[field] {
				if !slices.ContainsFunc(q.Options, func(o Option) bool { return o.Value == v }) {
					problems.add(fileErrorf(a.file, line, "situation: %s has no answer %q (it takes %s)", field, v, values(q)))
				}
			}
		}
	}
	return problems.err()
}

func (s *Site) fields() string {
	var f []string
	for _, q := range s.Questionnaire.Questions {
		f = append(f, q.Field)
	}
	return strings.Join(f, ", ")
}

func values(q Question) string {
	var v []string
	for _, o := range q.Options {
		v = append(v, o.Value)
	}
	return strings.Join(v, ", ")
}
