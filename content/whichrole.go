package content

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

// Questionnaire holds the words of the "which role do you need" form and
// its result, from whichrole.yaml: the questions as asked, and what each
// rule of the decision says when it fires. The rules themselves are in
// web/decision; the server checks at start that every rule has its words
// and every word its rule.
type Questionnaire struct {
	Questions []Question `yaml:"questions"`
	// Reasons are what each sign in the answers says (step 1).
	Reasons []RuleWords `yaml:"reasons"`
	// Outcomes explain each row of the outcome table (step 2).
	Outcomes []RuleWords `yaml:"outcomes"`
	// Leads explain why one job comes first (step 3).
	Leads []RuleWords `yaml:"leads"`
	// Checks name answers that pull against each other, and which one
	// decided, or a decision nobody owns (step 4).
	Checks []RuleWords `yaml:"checks"`
	// OtherJobs say who covers the job a result does not hire for, and
	// when to add a hire for it (step 5).
	OtherJobs []OtherJobWords `yaml:"other_jobs"`
	// Recommendations are the words of each outcome, keyed by its id and,
	// where it has one, its kind of help or its lead: "one-person/product-manager".
	Recommendations []RecommendationWords `yaml:"recommendations"`
	// HandFirst is what to hand one person first, by the job they lead with.
	HandFirst []RuleWords `yaml:"hand_first"`
	// SecondHire is when one person doing both jobs needs a second hire.
	SecondHire Signals `yaml:"second_hire"`
	// Meanwhile is who covers the work while no one is hired.
	Meanwhile Signals `yaml:"meanwhile"`
	// NotYet is what says it is time to hire, after a "not yet".
	NotYet Signals `yaml:"not_yet"`
	// OldLink is said on the result of a link made before the questions
	// about who decides and how many hires.
	OldLink string `yaml:"old_link"`
	// OwnProject is said on a client-work result, with a link to the
	// answer for a one-off project of the owner's own.
	OwnProject struct {
		Text string `yaml:"text"`
		Link string `yaml:"link"`
	} `yaml:"own_project"`
	// CustomerFacingUnchanged is said on an old link's result when the
	// customer-facing answer did not change the recommendation.
	CustomerFacingUnchanged string `yaml:"customer_facing_unchanged"`
	// Split says how the two roles divide the work when a business hires both.
	Split string `yaml:"split"`

	yamlFile // for the server's checks against the form's contract
}

// A Question is one field of the form.
type Question struct {
	Field  string `yaml:"field"`
	Legend string `yaml:"legend"`
	// Short is the question in a few words, for the decision tables.
	Short string `yaml:"short"`
	Hint  string `yaml:"hint"`
	// Error tells the reader what to do when the answer is missing or
	// not one of the options; the form shows it beside the question.
	Error   string   `yaml:"error"`
	Options []Option `yaml:"options"`
}

// An Option is one answer to a question.
type Option struct {
	Value string `yaml:"value"`
	Label string `yaml:"label"`
	Hint  string `yaml:"hint"`
	// Said is how a result states the answer, by goal ("default": any
	// other), where the label covers several cases; optional.
	Said map[string]string `yaml:"said"`
}

// OtherJobWords are what one row of step 5 says: who covers the job not
// hired for, and the signals that call for a hire for it.
type OtherJobWords struct {
	ID      string   `yaml:"id"`
	Text    string   `yaml:"text"`
	AddWhen string   `yaml:"add_when"`
	Signals []string `yaml:"signals"`
}

// RuleWords are what one rule says, keyed by its id: a sign the answers
// show (a reason), an outcome, a lead, a check.
type RuleWords struct {
	ID   string `yaml:"id"`
	Text string `yaml:"text"`
}

// RecommendationWords is what the result says about one outcome.
type RecommendationWords struct {
	ID string `yaml:"id"`
	// Title is the result's heading.
	Title string `yaml:"title"`
	// Role is the outcome as a noun phrase: "a product manager".
	Role string `yaml:"role"`
	// Summary is the outcome in one sentence: the result's panel.
	Summary string `yaml:"summary"`
}

// Signals are a short introduction and a list.
type Signals struct {
	Intro string   `yaml:"intro"`
	Items []string `yaml:"items"`
}

// Recommendation returns the words for a recommendation id.
func (q *Questionnaire) Recommendation(id string) (RecommendationWords, bool) {
	return find(q.Recommendations, func(r RecommendationWords) bool { return r.ID == id })
}

// Question returns the question for a form field.
func (q *Questionnaire) Question(field string) (Question, bool) {
	return find(q.Questions, func(x Question) bool { return x.Field == field })
}

// Rule returns the words for a rule id in one of the lists of RuleWords.
func Rule(list []RuleWords, id string) (string, bool) {
	r, ok := find(list, func(r RuleWords) bool { return r.ID == id })
	return r.Text, ok
}

// OtherJob returns the words of one row of step 5.
func (q *Questionnaire) OtherJob(id string) (OtherJobWords, bool) {
	return find(q.OtherJobs, func(o OtherJobWords) bool { return o.ID == id })
}

// Said returns how a result states an answer, for this goal: the option's
// words for the goal, else its default, else its label.
func (q Question) Said(value, goal string) string {
	for _, o := range q.Options {
		if o.Value != value {
			continue
		}
		if s, ok := o.Said[goal]; ok {
			return s
		}
		if s, ok := o.Said["default"]; ok {
			return s
		}
	}
	return q.Label(value)
}

// Label returns an option's label, or the value itself if it has none.
func (q Question) Label(value string) string {
	if o, ok := find(q.Options, func(o Option) bool { return o.Value == value }); ok {
		return o.Label
	}
	return value
}

func loadQuestionnaire(fsys fs.FS, file string) (Questionnaire, error) {
	var q Questionnaire
	at, err := readYAML(fsys, file, &q)
	if err != nil {
		return Questionnaire{}, err
	}
	q.yamlFile = yamlFile{file, at}
	var problems Problems
	line := func(key string, i int) int { return at.nearest(fmt.Sprintf("%s[%d]", key, i)) }
	blank := func(s string) bool { return strings.TrimSpace(s) == "" }
	for i, x := range q.Questions {
		if blank(x.Field) || blank(x.Legend) || blank(x.Short) || blank(x.Error) || len(x.Options) == 0 {
			problems.add(fileErrorf(file, line("questions", i), "question %q: field, legend, short, error and options are required", x.Field))
		}
		for _, o := range x.Options {
			if blank(o.Value) || blank(o.Label) {
				problems.add(fileErrorf(file, line("questions", i), "question %q: every option needs a value and a label", x.Field))
			}
			if len(o.Said) > 0 && blank(o.Said["default"]) {
				problems.add(fileErrorf(file, line("questions", i), "question %q: option %q: said needs a default", x.Field, o.Value))
			}
			for goal, words := range o.Said {
				if blank(words) {
					problems.add(fileErrorf(file, line("questions", i), "question %q: option %q: said: %s is empty", x.Field, o.Value, goal))
				}
			}
		}
	}
	for i, r := range q.Reasons {
		if blank(r.ID) || blank(r.Text) {
			problems.add(fileErrorf(file, line("reasons", i), "reason %q: id and text are required", r.ID))
		}
	}
	for _, list := range []struct {
		key   string
		words []RuleWords
	}{{"outcomes", q.Outcomes}, {"leads", q.Leads}, {"checks", q.Checks}, {"hand_first", q.HandFirst}} {
		for i, r := range list.words {
			if blank(r.ID) || blank(r.Text) {
				problems.add(fileErrorf(file, line(list.key, i), "%s: entry %q: id and text are required", list.key, r.ID))
			}
		}
	}
	for i, o := range q.OtherJobs {
		if blank(o.ID) || blank(o.Text) || blank(o.AddWhen) || len(o.Signals) == 0 || slices.ContainsFunc(o.Signals, blank) {
			problems.add(fileErrorf(file, line("other_jobs", i), "other job %q: id, text, add_when and signals (none empty) are required", o.ID))
		}
	}
	for i, r := range q.Recommendations {
		if blank(r.ID) || blank(r.Title) || blank(r.Role) || blank(r.Summary) {
			problems.add(fileErrorf(file, line("recommendations", i), "recommendation %q: id, title, role and summary are required", r.ID))
		}
	}
	for _, s := range []struct {
		key string
		s   Signals
	}{{"second_hire", q.SecondHire}, {"meanwhile", q.Meanwhile}, {"not_yet", q.NotYet}} {
		if blank(s.s.Intro) || len(s.s.Items) == 0 || slices.ContainsFunc(s.s.Items, blank) {
			problems.add(fileErrorf(file, at.key(s.key), "%s: intro and items (none empty) are required", s.key))
		}
	}
	for _, s := range []struct{ key, s string }{{"own_project.text", q.OwnProject.Text}, {"own_project.link", q.OwnProject.Link}, {"old_link", q.OldLink}, {"customer_facing_unchanged", q.CustomerFacingUnchanged}, {"split", q.Split}} {
		if blank(s.s) {
			problems.add(fileErrorf(file, at.key(s.key), "%s is required", s.key))
		}
	}
	if err := problems.err(); err != nil {
		return Questionnaire{}, err
	}
	return q, nil
}
