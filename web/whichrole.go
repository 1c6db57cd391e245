package web

import (
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/templates"
	"github.com/guide/pmvspm/web/decision"
)

// maxFormBody is the largest form post read; a real one is a few hundred bytes.
const maxFormBody = 16 << 10

// checkQuestionnaire makes sure the content's questionnaire words match the
// form's contract exactly; that every rule of the decision tables has its
// words and every word its rule (either missing stops start-up); that every
// rule points to a guide heading that exists; and that each outcome has
// its words.
func checkQuestionnaire(site *content.Site) error {
	q := site.Questionnaire
	if len(q.Questions) != len(decision.Fields) {
		return fmt.Errorf("whichrole.yaml has %d questions; the form has %d fields", len(q.Questions), len(decision.Fields))
	}
	for i, f := range decision.Fields {
		got := q.Questions[i]
		if got.Field != f.Name {
			return q.At(fmt.Sprintf("questions[%d].field", i), "question %d is %q; the form's question %d is %q (the questions, in order: %s)", i+1, got.Field, i+1, f.Name, fieldNames())
		}
		for j := range max(len(got.Options), len(f.Values)) {
			at := fmt.Sprintf("questions[%d].options[%d].value", i, j)
			switch {
			case j >= len(got.Options):
				return q.At(fmt.Sprintf("questions[%d].options", i), "question %q has no option %q: add it (the form's options, in order: %s)", f.Name, f.Values[j], strings.Join(f.Values, ", "))
			case j >= len(f.Values):
				return q.At(at, "question %q: option %q is not one the form has: remove it (the form's options, in order: %s)", f.Name, got.Options[j].Value, strings.Join(f.Values, ", "))
			case got.Options[j].Value != f.Values[j]:
				return q.At(at, "question %q: option %d is %q; the form's option %d is %q (the options, in order: %s)", f.Name, j+1, got.Options[j].Value, j+1, f.Values[j], strings.Join(f.Values, ", "))
			}
		}
	}
	var errs []error
	// match checks one table against its words both ways.
	match := func(what string, ids []string, words []string) {
		table := map[string]bool{}
		for _, id := range ids {
			table[id] = true
			if !slices.Contains(words, id) {
				errs = append(errs, fmt.Errorf("%s %s has no words in whichrole.yaml", what, id))
			}
		}
		seen := map[string]bool{}
		for _, id := range words {
			if !table[id] {
				errs = append(errs, fmt.Errorf("whichrole.yaml has words for %s %s, which the rule table does not have", what, id))
			}
			if seen[id] {
				errs = append(errs, fmt.Errorf("whichrole.yaml has words for %s %s twice", what, id))
			}
			seen[id] = true
		}
	}
	// A guide heading the answers link to, renamed or gone: one problem
	// for each such link, blamed on the section's file, naming the rules
	// that use it.
	missing := map[string][]string{} // link → the rules that use it
	anchor := func(what, id, link, section, anchor string) {
		if !site.HasAnchor(section, anchor) {
			missing[link] = append(missing[link], what+" "+id)
		}
	}
	for _, r := range decision.Reasons {
		anchor("reason", r.ID, r.Link(), r.Section, r.Anchor)
	}
	for _, o := range decision.Outcomes {
		anchor("outcome", o.ID, o.Link(), o.Section, o.Anchor)
	}
	for _, c := range decision.Checks {
		anchor("check", c.ID, c.Link(), c.Section, c.Anchor)
	}
	for _, o := range decision.OtherJobs {
		anchor("other job", o.ID, o.Link(), o.Section, o.Anchor)
	}
	goal, _ := decision.FieldNamed("goal")
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
	match("reason", idList(decision.Reasons, func(r decision.Reason) string { return r.ID }), idList(q.Reasons, ruleID))
	match("outcome", idList(decision.Outcomes, func(o decision.Outcome) string { return o.ID }), idList(q.Outcomes, ruleID))
	match("lead", idList(decision.Leads, func(l decision.LeadRule) string { return l.ID }), idList(q.Leads, ruleID))
	match("check", idList(decision.Checks, func(c decision.Check) string { return c.ID }), idList(q.Checks, ruleID))
	match("other job", idList(decision.OtherJobs, func(o decision.OtherJob) string { return o.ID }), idList(q.OtherJobs, func(w content.OtherJobWords) string { return w.ID }))
	match("lead role", []string{string(decision.ProductManager), string(decision.ProjectManager)}, idList(q.HandFirst, ruleID))
	match("recommendation", decision.Keys(), idList(q.Recommendations, func(r content.RecommendationWords) string { return r.ID }))
	for _, link := range []string{decision.LeadRule{}.Link(), firstDaysLink, secondHireLink} {
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
	for _, err := range errs {
		problems = append(problems, err)
	}
	if len(problems) == 0 {
		return nil
	}
	problems.Sort()
	return problems
}

// fieldNames lists the form's fields, in order.
func fieldNames() string {
	var names []string
	for _, f := range decision.Fields {
		names = append(names, f.Name)
	}
	return strings.Join(names, ", ")
}

// idList lists the id of each item.
func idList[T any](items []T, id func(T) string) []string {
	var out []string
	for _, it := range items {
		out = append(out, id(it))
	}
	return out
}

// formView is the form as asked: each field once, in contract order, a
// field asked only for one goal shown under that goal's option (and not
// counted in "Question N of M"), with the answers given and their errors.
func formView(site *content.Site, a decision.Answers, errs []decision.FieldError) templates.FormView {
	v := templates.FormView{Title: site.Words.Pages.WhichRole.Title, Words: site.Words.Form}
	message := map[string]string{} // each field has one problem at most
	for _, e := range errs {
		message[e.Field] = errorMessage(site, e)
	}
	question := func(f decision.Field) templates.QuestionView {
		q, _ := site.Questionnaire.Question(f.Name)
		return templates.QuestionView{Question: q, Multiple: f.Multiple, Chosen: a.Values(f.Name),
			ErrorPrefix: site.Words.Form.ErrorPrefix, Error: message[f.Name]}
	}
	// The error summary lists the errors in the order the form asks.
	addError := func(qv templates.QuestionView) {
		if qv.Error != "" {
			v.Errors = append(v.Errors, templates.FieldError{Field: qv.Field, Message: qv.Error})
		}
	}
	top := decision.TopFields()
	for i, f := range top {
		qv := question(f)
		qv.Number = content.Fill(content.Fill(site.Words.Form.Question, "n", strconv.Itoa(i+1)), "total", strconv.Itoa(len(top)))
		addError(qv)
		for _, g := range f.Revealed() {
			sub := question(g)
			addError(sub)
			qv.Reveal = append(qv.Reveal, templates.Reveal{Value: g.OnlyFor, Question: sub})
		}
		v.Questions = append(v.Questions, qv)
	}
	return v
}

// errorMessage says a field's problem in the content's words: the
// question's own message, after what went wrong where that needs saying.
func errorMessage(site *content.Site, e decision.FieldError) string {
	form := site.Words.Form
	q, _ := site.Questionnaire.Question(e.Field)
	switch e.Problem {
	case decision.Missing:
		return q.Error
	case decision.MoreThanOne:
		return form.MoreThanOne + " " + q.Error
	case decision.NotAChoice:
		if slices.ContainsFunc(decision.Fields, func(f decision.Field) bool { return f.Name == e.Field && f.Multiple }) {
			return form.NotOnList + " " + q.Error
		}
		return form.NotAChoice + " " + q.Error
	case decision.Unreadable:
		return form.Unreadable
	default:
		return form.DamagedLink
	}
}

func (s *server) formPage(v templates.FormView) ([]byte, error) {
	words := s.site.Words.Pages.WhichRole
	m := s.meta("/which-role", words.Title, words.Description)
	m.Nav = "which-role"
	if len(v.Errors) > 0 {
		m.Title = content.Fill(s.site.Words.Form.ErrorTitle, "title", m.Title)
	}
	return render(templates.WhichRolePage(m, v))
}

// serveForm renders a post's form with the answers kept and their errors.
// Such responses are never cached.
func (s *server) serveForm(w http.ResponseWriter, r *http.Request, e *formError) error {
	body, err := s.formPage(formView(s.site, e.answers, e.errs))
	if err != nil {
		return err
	}
	s.serveRendered(w, r, e.status, body)
	return nil
}

// handleForm is GET /which-role. Query parameters pre-fill the form, so
// that "change your answers" links work; their errors are not shown, since
// a half-filled form is normal here.
func (s *server) handleForm(w http.ResponseWriter, r *http.Request) error {
	if r.URL.RawQuery == "" {
		s.pages["/which-role"].serve(w, r, http.StatusOK)
		return nil
	}
	a, _ := decision.ParseForm(r.URL.Query())
	return s.serveCached(w, r, "form?"+a.Query(), func() (*representation, error) {
		body, err := s.formPage(formView(s.site, a, nil))
		return newRepresentation(htmlType, s.pageCacheControl, body), err
	})
}

// handleSubmit is POST /which-role: valid answers go to their result page
// (303), invalid ones come back with the form and its errors (422).
func (s *server) handleSubmit(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return statusError(http.StatusRequestEntityTooLarge)
		}
		return &formError{http.StatusBadRequest, decision.Answers{}, []decision.FieldError{{Field: "goal", Problem: decision.Unreadable}}}
	}
	a, errs := decision.ParseForm(r.PostForm)
	if len(errs) > 0 {
		return &formError{http.StatusUnprocessableEntity, a, errs}
	}
	s.cfg.Metrics.recommended(string(decision.Decide(a).Recommendation))
	w.Header()["Cache-Control"] = noStoreOnly
	return s.redirect(w, r, "/which-role/result?"+a.Query(), http.StatusSeeOther)
}

// answersFromQuery reads the answers of a result, brief or job advert
// URL; a link with errors is a formError (400).
func answersFromQuery(r *http.Request) (decision.Answers, error) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	a, errs := decision.Parse(q)
	if err != nil && len(errs) == 0 {
		errs = []decision.FieldError{{Field: "goal", Problem: decision.DamagedLink}}
	}
	if len(errs) > 0 {
		return a, &formError{http.StatusBadRequest, a, errs}
	}
	return a, nil
}
