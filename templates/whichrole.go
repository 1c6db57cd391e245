package templates

import (
	"slices"
	"strings"

	"github.com/guide/pmvspm/content"
)

// FormView is the questionnaire as shown: the questions, with the answers
// given so far, and the errors to fix.
type FormView struct {
	Title     string // the page's heading
	Words     content.FormWords
	Questions []QuestionView
	Errors    []FieldError // in the order the error summary lists them
}

// A QuestionView is one question of the form.
type QuestionView struct {
	content.Question
	Multiple bool
	Chosen   []string // the values ticked so far
	Error    string
	Number   string // "Question 1 of 4"
	// ErrorPrefix is read out before Error.
	ErrorPrefix string
}

// A FieldError is a problem with one field's answer, in words for the reader.
type FieldError struct {
	Field   string
	Message string
}

// ResultView is the result page's model.
type ResultView struct {
	Title   string // the page's heading: whom to hire
	Words   content.ResultWords
	Query   string // canonical
	Brief   Brief  // the recommendation, summary, reasons and notes are the brief's
	MailTo  string // a mailto: address whose body carries Brief.URL
	Answers []SummaryItem
}

// A SummaryItem is one answer given, with a link to change it.
type SummaryItem struct {
	Question string
	Answer   string
	Change   string
}

// HowItWorksView is /which-role/how-it-works: every question and every
// rule, made from the rule table the server decides with.
type HowItWorksView struct {
	Title     string // the page's heading
	Words     content.HowItWorksWords
	Questions []content.Question
	Roles     []RuleGroup
	// CustomerFacingUnchanged is the note results show when that answer
	// did not change the outcome.
	CustomerFacingUnchanged string
}

// A RuleGroup is the rules that point to one role.
type RuleGroup struct {
	Role  string // "product manager"
	Rules []RuleView
}

// A RuleView is one rule in words: if these answers, then this role,
// because of this reason.
type RuleView struct {
	If      []string
	Because ReasonView
}

func inputID(field, value string) string { return field + "-" + value }

func (q QuestionView) checked(value string) bool { return slices.Contains(q.Chosen, value) }

func (q QuestionView) describedBy() string {
	ids := []string{q.Field + "-hint"}
	if q.Error != "" {
		ids = append(ids, q.Field+"-error")
	}
	return strings.Join(ids, " ")
}

func (q QuestionView) inputType() string {
	if q.Multiple {
		return "checkbox"
	}
	return "radio"
}

// firstInput is where an error summary link sends the reader.
func (q QuestionView) firstInput() string { return "#" + inputID(q.Field, q.Options[0].Value) }

func errorLink(v FormView, field string) string {
	for _, q := range v.Questions {
		if q.Field == field {
			return q.firstInput()
		}
	}
	return "#" + field
}

// joinAnd joins conditions into one clause: "a, b and c".
func joinAnd(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
