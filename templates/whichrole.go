package templates

import (
	"strings"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/web/decision"
)

// FormView is the questionnaire as shown: the questions, the answers given
// so far and the errors to fix.
type FormView struct {
	Questions []QuestionView
	Answers   decision.Answers
	Errors    []decision.FieldError
}

// A QuestionView is one question of the form.
type QuestionView struct {
	content.Question
	Multiple bool
	Error    string
}

// ResultView is the result page's model.
type ResultView struct {
	Recommendation decision.Recommendation
	Reasons        []ReasonView
	Summary        []SummaryItem
	Query          string
	Brief          Brief
}

// A SummaryItem is one answer given, with a link to change it.
type SummaryItem struct {
	Question string
	Answer   string
	Change   string
}

func inputID(field, value string) string { return field + "-" + value }

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
