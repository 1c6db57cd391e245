package content

import (
	"fmt"
	"io/fs"
)

// Questionnaire holds the words of the "which role do you need" form and
// its result: the questions as asked, and what each reason says.
type Questionnaire struct {
	Questions []Question `yaml:"questions"`
	Reasons   []Reason   `yaml:"reasons"`
	// Recommendations are the words of each outcome, keyed by its id.
	Recommendations []RecommendationWords `yaml:"recommendations"`
	// CustomerFacingUnchanged is said when the customer-facing answer did
	// not change the recommendation.
	CustomerFacingUnchanged string `yaml:"customer_facing_unchanged"`
	// Split says how the two roles divide the work when a business hires both.
	Split string `yaml:"split"`

	file  string
	lines yamlLines
}

// At returns a problem at the line of path in the questionnaire's file
// ("questions[1].options[2].value"), or of its nearest part present: for
// checks made outside this package, against the form's contract.
func (q *Questionnaire) At(path, format string, args ...any) error {
	return fileErrorf(q.file, q.lines.nearest(path), format, args...)
}

// A Question is one field of the form.
type Question struct {
	Field  string `yaml:"field"`
	Legend string `yaml:"legend"`
	Hint   string `yaml:"hint"`
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
}

// A Reason is what the result page says when a decision rule fires, and the
// interview questions that follow from it.
type Reason struct {
	ID        string   `yaml:"id"`
	Text      string   `yaml:"text"`
	Questions []string `yaml:"questions"`
}

// RecommendationWords is what the result says about one outcome.
type RecommendationWords struct {
	ID string `yaml:"id"`
	// Role is the recommendation as the object of "you need": "a product manager".
	Role string `yaml:"role"`
	// Summary is the recommendation in one sentence: the result's panel.
	Summary string `yaml:"summary"`
	// Alone says why one role is enough, and when to add the other.
	Alone string `yaml:"alone"`
}

// Recommendation returns the words for a recommendation id.
func (q *Questionnaire) Recommendation(id string) (RecommendationWords, bool) {
	for _, r := range q.Recommendations {
		if r.ID == id {
			return r, true
		}
	}
	return RecommendationWords{}, false
}

// Question returns the question for a form field.
func (q *Questionnaire) Question(field string) (Question, bool) {
	for _, x := range q.Questions {
		if x.Field == field {
			return x, true
		}
	}
	return Question{}, false
}

// Reason returns the words for a reason id.
func (q *Questionnaire) Reason(id string) (Reason, bool) {
	for _, r := range q.Reasons {
		if r.ID == id {
			return r, true
		}
	}
	return Reason{}, false
}

// Label returns an option's label, or the value itself if it has none.
func (q Question) Label(value string) string {
	for _, o := range q.Options {
		if o.Value == value {
			return o.Label
		}
	}
	return value
}

func loadQuestionnaire(fsys fs.FS, file string) (Questionnaire, error) {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return Questionnaire{}, fmt.Errorf("read %s: %w", file, err)
	}
	var q Questionnaire
	if err := decodeYAML(file, src, 1, &q); err != nil {
		return Questionnaire{}, err
	}
	q.file, q.lines = file, newYAMLLines(src, 1)
	// Every problem here stops the load, so the YAML is parsed for its
	// lines only then.
	at := func(key, format string, args ...any) error {
		return fileErrorf(file, newYAMLLines(src, 1).key(key), format, args...)
	}
	for _, x := range q.Questions {
		if x.Field == "" || x.Legend == "" || x.Error == "" || len(x.Options) == 0 {
			return Questionnaire{}, at("questions", "question %q: field, legend, error and options are required", x.Field)
		}
		for _, o := range x.Options {
			if o.Value == "" || o.Label == "" {
				return Questionnaire{}, at("questions", "question %q: every option needs a value and a label", x.Field)
			}
		}
	}
	for _, r := range q.Reasons {
		if r.ID == "" || r.Text == "" || len(r.Questions) == 0 {
			return Questionnaire{}, at("reasons", "reason %q: id, text and questions are required", r.ID)
		}
	}
	for _, r := range q.Recommendations {
		if r.ID == "" || r.Role == "" || r.Summary == "" {
			return Questionnaire{}, at("recommendations", "recommendation %q: id, role and summary are required", r.ID)
		}
	}
	if q.CustomerFacingUnchanged == "" {
		return Questionnaire{}, fileErrorf(file, 1, "customer_facing_unchanged is required")
	}
	if q.Split == "" {
		return Questionnaire{}, fileErrorf(file, 1, "split is required")
	}
	return q, nil
}
