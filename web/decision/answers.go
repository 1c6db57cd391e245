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
}

// Fields are the form's fields, in canonical order, with their values in
// canonical order.
var Fields = []Field{
	{Name: "goal", Values: []string{"new-product", "new-feature", "internal-system", "direction"}},
	{Name: "problems", Values: []string{"no-launches", "unclear-direction", "over-budget", "missed-deadlines", "poor-coordination"}, Multiple: true},
	{Name: "customer_facing", Values: []string{"yes", "no"}},
	{Name: "complexity", Values: []string{"single-team", "several-teams", "complex-tech"}},
}

// Answers are a questionnaire's answers. After Parse, every value is one of
// its field's values and Problems is in canonical order without repeats.
type Answers struct {
	Goal           string
	Problems       []string
	CustomerFacing string
	Complexity     string
}

// HasProblem reports whether the answers name this problem.
func (a Answers) HasProblem(p string) bool { return slices.Contains(a.Problems, p) }

// Values returns the answers of one field (none, one, or for problems any).
func (a Answers) Values(field string) []string {
	var v string
	switch field {
	case "goal":
		v = a.Goal
	case "problems":
		return a.Problems
	case "customer_facing":
		v = a.CustomerFacing
	case "complexity":
		v = a.Complexity
	}
	if v == "" {
		return nil
	}
	return []string{v}
}

// Has reports whether value is among the answers to field.
func (a Answers) Has(field, value string) bool { return slices.Contains(a.Values(field), value) }

// Query is the canonical query string for the answers: fields in contract
// order, problems in contract order. Equal answers give equal queries.
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

// Parse reads answers from form values and checks them against Fields. It
// returns the answers that are valid, so that a form shown again keeps them,
// and one error per field that is not. Fields it does not know are ignored.
func Parse(form url.Values) (Answers, []FieldError) {
	var a Answers
	var errs []FieldError
	for _, f := range Fields {
		got := form[f.Name]
		var valid []string
		bad := false
		for _, v := range got {
			if len(v) <= maxValueLen && utf8.ValidString(v) && slices.Contains(f.Values, v) {
				if !slices.Contains(valid, v) {
					valid = append(valid, v)
				}
			} else {
				bad = true
			}
		}
		switch {
		case f.Multiple:
			if bad {
				errs = append(errs, FieldError{f.Name, NotAChoice})
			}
			slices.SortFunc(valid, func(x, y string) int { return slices.Index(f.Values, x) - slices.Index(f.Values, y) })
			a.Problems = valid
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
			a.set(f.Name, valid[0])
		}
	}
	return a, errs
}

func (a *Answers) set(field, v string) {
	switch field {
	case "goal":
		a.Goal = v
	case "customer_facing":
		a.CustomerFacing = v
	case "complexity":
		a.Complexity = v
	}
}
