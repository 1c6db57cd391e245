package templates

import (
	"slices"
	"strconv"
	"strings"

	"github.com/a-h/templ"

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
	Number   string // "Question 1 of 5"; empty for a revealed question
	// ErrorPrefix is read out before Error.
	ErrorPrefix string
	// Reveal are the questions shown under one of this question's options
	// (the GOV.UK conditional reveal).
	Reveal []Reveal
}

// A Reveal is a question asked only when one option is chosen: shown under
// it, revealed by CSS where the browser can, and always there otherwise.
type Reveal struct {
	Value    string // the option it belongs to
	Question QuestionView
}

// revealed returns the questions shown under one option.
func (q QuestionView) revealed(value string) []QuestionView {
	var out []QuestionView
	for _, r := range q.Reveal {
		if r.Value == value {
			out = append(out, r.Question)
		}
	}
	return out
}

// A FieldError is a problem with one field's answer, in words for the reader.
type FieldError struct {
	Field   string
	Message string
}

// ResultView is the result page's model.
type ResultView struct {
	Title   string // the page's heading: the recommendation
	Words   content.ResultWords
	Query   string // canonical
	Brief   Brief  // the summary, the outcome's reasons and parts are the brief's
	MailTo  string // a mailto: address whose body carries Brief.URL
	Answers []SummaryItem
	// Checks name answers that pull against each other.
	Checks []ReasonView
	// NoOwner names a decision nobody owns (data-check="no-owner").
	NoOwner []ReasonView
	// OwnProject, on a client-work result, links to the answer for a
	// one-off project of the owner's own; empty otherwise.
	OwnProject ReasonView
	// Situations link to the FAQ answers written for a situation the
	// answers show (an agency, an internal system…): the question is the
	// link's words.
	Situations []ReasonView
	// Sides are the signs in the answers, product work then delivery work.
	Sides []Side
	// OldLink invites an old link's visitor to the new questions, through
	// FormLink (the form, pre-filled); both empty for a new link.
	OldLink, FormLink string
	// JobAdLink is the words of the link to the job adverts (or, when no
	// hire is called for yet, to why there is no advert).
	JobAdLink string
}

// A Side is the reasons on one side of the work, under a heading.
type Side struct {
	Heading string
	Class   string // why-pm or why-pj: the side's colour
	Reasons []ReasonView
}

// A SummaryItem is one answer given, with a link to change it.
type SummaryItem struct {
	Question string
	Answer   string
	Change   string
}

// HowItWorksView is /which-role/how-it-works: every question, then the
// decision's tables in the order they are read, made from the rule tables
// the results are made from.
type HowItWorksView struct {
	Title     string // the page's heading
	Words     content.HowItWorksWords
	Questions []HowQuestion // as the form asks them
	Steps     []Step
}

// A HowQuestion is one question of the form, with the question asked only
// under one of its options.
type HowQuestion struct {
	content.Question
	RevealValue string // the option the revealed question is under
	Reveal      *content.Question
}

// A Step is one stage of the decision, with its tables.
type Step struct {
	Heading, Intro string
	Tables         []DecisionTable
}

// A DecisionTable is one table of rules: a header row, then a row a rule.
type DecisionTable struct {
	Caption string
	Head    []string // the last column is the guide link's
	Rows    []DecisionRow
}

// A DecisionRow is one rule in words, with the guide link that explains it.
type DecisionRow struct {
	Cells [][]string // each cell's lines
	Link  ReasonView
}

func inputID(field, value string) string { return field + "-" + value }

func (q QuestionView) checked(value string) bool { return slices.Contains(q.Chosen, value) }

// revealedQuestion reports whether q is asked under another question's
// option (it has no number of its own).
func (q QuestionView) revealedQuestion() bool { return q.Number == "" }

// describedBy lists the hint (but not a revealed question's, which says
// when it applies: once it shows, it applies) and the error.
func (q QuestionView) describedBy() string {
	var ids []string
	if !q.revealedQuestion() {
		ids = append(ids, q.Field+"-hint")
	}
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
		for _, r := range q.Reveal {
			if r.Question.Field == field {
				return r.Question.firstInput()
			}
		}
	}
	return "#" + field
}

func stepID(i int) string { return "step-" + strconv.Itoa(i+1) }

// label is column i's heading, shown beside its cell on a phone.
func (t DecisionTable) label(i int) string {
	if i < len(t.Head) {
		return t.Head[i]
	}
	return ""
}

// panelRole is the result panel's colour class (PanelClass), from the
// page's data-recommendation and a one-person result's data-lead.
func panelRole(main templ.Attributes) string {
	rec, _ := main["data-recommendation"].(string)
	lead, _ := main["data-lead"].(string)
	return PanelClass(rec, lead)
}
