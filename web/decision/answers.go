package decision

import (
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"
)

// A Field is one question of the form, as the contract fixes it.
type Field struct {
	Name     string
	Values   []string
	Multiple bool // checkboxes: any number, optional
	// New fields arrived with the questions of SPEC §7.1: a link without
	// them is an old link.
	New bool
	// OnlyFor names the goal the field is asked for; empty: every goal.
	OnlyFor string
}

// Fields are the form's fields, in canonical order (SPEC §7.1's table),
// with their values in canonical order.
var Fields = []Field{
	{Name: "goal", Values: []string{"new-product", "new-feature", "internal-system", "direction", "client-work", "one-off"}},
	{Name: "problems", Values: []string{"no-launches", "unclear-direction", "over-budget", "missed-deadlines", "poor-coordination"}, Multiple: true},
	{Name: "decider", Values: []string{"founder-has-time", "founder-stretched", "nobody-clearly", "already-covered"}, New: true},
	{Name: "customer_facing", Values: []string{"yes", "no"}, OnlyFor: "internal-system"},
	{Name: "complexity", Values: []string{"single-team", "several-teams", "complex-tech"}},
	{Name: "hires", Values: []string{"one", "two", "part-time"}, New: true},
}

// OldGoals are the goals an old link (SPEC §3) can name.
var OldGoals = []string{"new-product", "new-feature", "internal-system", "direction"}

// TopFields are the fields asked of everyone, in form order; the others
// are asked under one answer to the goal (Revealed).
func TopFields() []Field {
	return filter(Fields, func(f Field) bool { return f.OnlyFor == "" })
}

// Revealed returns the fields asked only under one of f's answers, each
// with that answer in OnlyFor: for the goal, the fields asked for one goal.
func (f Field) Revealed() []Field {
	if f.Name != "goal" {
		return nil
	}
	return filter(Fields, func(g Field) bool { return g.OnlyFor != "" })
}

// FieldNamed returns the field with this name.
func FieldNamed(name string) (Field, bool) {
	for _, f := range Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// Answers are a questionnaire's answers. After Parse, every value is one of
// its field's values and Problems is in canonical order without repeats.
// Old answers (from a link made before SPEC §7.1) have no Decider and no
// Hires.
type Answers struct {
	Goal           string
	Problems       []string
	Decider        string
	CustomerFacing string
	Complexity     string
	Hires          string
}

// Old reports whether the answers come from an old link, which keeps its
// SPEC §3 recommendation.
func (a Answers) Old() bool { return a.Hires == "" }

// HasProblem reports whether the answers name this problem.
func (a Answers) HasProblem(p string) bool { return slices.Contains(a.Problems, p) }

// Values returns the answers of one field (none, one, or for problems any).
func (a Answers) Values(field string) []string {
	if field == "problems" {
		return a.Problems
	}
	if p := a.field(field); p != nil && *p != "" {
		return []string{*p}
	}
	return nil
}

// Has reports whether value is among the answers to field.
func (a Answers) Has(field, value string) bool { return slices.Contains(a.Values(field), value) }

func (a *Answers) field(name string) *string {
	switch name {
	case "goal":
		return &a.Goal
	case "decider":
		return &a.Decider
	case "customer_facing":
		return &a.CustomerFacing
	case "complexity":
		return &a.Complexity
	case "hires":
		return &a.Hires
	}
	return nil
}

// With returns the answers with one single-choice field set to value.
func (a Answers) With(field, value string) Answers {
	if p := a.field(field); p != nil {
		*p = value
	}
	return a
}

// Query is the canonical query string for the answers: fields in contract
// order, problems in contract order. Equal answers give equal queries, and
// an old link's query is the one it always had.
func (a Answers) Query() string {
	var b strings.Builder
	for _, f := range Fields {
		for _, v := range a.Values(f.Name) {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(f.Name)
			b.WriteByte('=')
			b.WriteString(url.QueryEscape(v))
		}
	}
	return b.String()
}

// A FieldError is a problem with one field's answer. The package has no
// words: web says each Problem in the content's.
type FieldError struct {
	Field   string
	Problem Problem
}

// A Problem is what is wrong with a field's answer.
type Problem int

const (
	// Missing: a field that needs one answer has none.
	Missing Problem = iota + 1
	// MoreThanOne: a field that takes one answer has several.
	MoreThanOne
	// NotAChoice: an answer is not one of the field's values.
	NotAChoice
	// Unreadable: the answers could not be read at all (set by the caller).
	Unreadable
	// DamagedLink: a result link's query is malformed (set by the caller).
	DamagedLink
)

// maxValueLen bounds the values worth reading; every real value is shorter.
const maxValueLen = 64

// Parse reads a result link: a link without the new fields (hires,
// decider) and without a new goal is an old link, read as SPEC §3 reads it;
// any other is read as the form is (ParseForm).
func Parse(form url.Values) (Answers, []FieldError) { return parse(form, isOld(form)) }

// ParseForm reads the form as SPEC §7.1 has it: every field required,
// customer_facing only for an internal system (and dropped for any other
// goal, where it plays no part). It returns the answers that are valid, so
// that a form shown again keeps them, and one error per field that is not.
// Fields it does not know are ignored.
func ParseForm(form url.Values) (Answers, []FieldError) { return parse(form, false) }

func isOld(form url.Values) bool {
	for _, f := range Fields {
		if f.New && len(form[f.Name]) > 0 {
			return false
		}
	}
	return !slices.ContainsFunc(form["goal"], func(g string) bool { return !slices.Contains(OldGoals, g) && slices.Contains(Fields[0].Values, g) })
}

func parse(form url.Values, old bool) (Answers, []FieldError) {
	var a Answers
	var errs []FieldError
	for _, f := range Fields {
		if old && f.New {
			continue
		}
		values := f.Values
		if old && f.Name == "goal" {
			values = OldGoals
		}
		got := form[f.Name]
		var valid []string
		bad := false
		for _, v := range got {
			if len(v) <= maxValueLen && utf8.ValidString(v) && slices.Contains(values, v) {
				if !slices.Contains(valid, v) {
					valid = append(valid, v)
				}
			} else {
				bad = true
			}
		}
		// A question asked for one goal only is not required for another,
		// and an answer to it is dropped once the goal is known to be
		// another: it plays no part.
		optional := f.OnlyFor != "" && a.Goal != f.OnlyFor
		switch {
		case f.Multiple:
			if bad {
				errs = append(errs, FieldError{f.Name, NotAChoice})
			}
			slices.SortFunc(valid, func(x, y string) int { return slices.Index(f.Values, x) - slices.Index(f.Values, y) })
			a.Problems = valid
			continue
		case optional:
			// Not shown on the form either (CSS reveals it under its
			// goal), so never reported. An old link keeps a valid answer
			// (SPEC §3 read it), as does the form shown again when no
			// goal was chosen.
			if (old || a.Goal == "") && len(got) == 1 && len(valid) == 1 {
				a = a.With(f.Name, valid[0])
			}
			continue
		case len(got) == 0:
			errs = append(errs, FieldError{f.Name, Missing})
		case len(got) > 1:
			errs = append(errs, FieldError{f.Name, MoreThanOne})
			continue
		case bad:
			errs = append(errs, FieldError{f.Name, NotAChoice})
			continue
		}
		if len(valid) == 1 {
			a = a.With(f.Name, valid[0])
		}
	}
	return a, errs
}
