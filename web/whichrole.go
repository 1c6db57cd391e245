package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/templates"
	"github.com/guide/pmvspm/web/decision"
)

// maxFormBody is the largest form post read; a real one is a few hundred bytes.
const maxFormBody = 16 << 10

// checkQuestionnaire makes sure the content's questionnaire words match the
// form's contract exactly; that the rule table and the reasons' words match
// both ways (a rule without words, or words without a rule, stops start-up);
// that every rule points to a guide heading that exists; and that each
// recommendation has its words.
func checkQuestionnaire(site *content.Site) error {
	q := site.Questionnaire
	if len(q.Questions) != len(decision.Fields) {
		return fmt.Errorf("whichrole.yaml has %d questions; the form has %d fields", len(q.Questions), len(decision.Fields))
	}
	for i, f := range decision.Fields {
		got := q.Questions[i]
		var values []string
		for _, o := range got.Options {
			values = append(values, o.Value)
		}
		if got.Field != f.Name || !slices.Equal(values, f.Values) {
			return fmt.Errorf("whichrole.yaml question %d is %s %v; the contract says %s %v", i+1, got.Field, values, f.Name, f.Values)
		}
	}
	var errs []error
	table := map[string]bool{}
	for _, r := range decision.Reasons {
		table[r.ID] = true
		if _, ok := q.Reason(r.ID); !ok {
			errs = append(errs, fmt.Errorf("reason %s has no words in whichrole.yaml", r.ID))
		}
		if !site.HasAnchor(r.Section, r.Anchor) {
			errs = append(errs, fmt.Errorf("reason %s points to %s, which the guide does not have", r.ID, r.Link()))
		}
	}
	seen := map[string]bool{}
	for _, r := range q.Reasons {
		if !table[r.ID] {
			errs = append(errs, fmt.Errorf("whichrole.yaml has words for reason %s, which the rule table does not have", r.ID))
		}
		if seen[r.ID] {
			errs = append(errs, fmt.Errorf("whichrole.yaml has words for reason %s twice", r.ID))
		}
		seen[r.ID] = true
	}
	for _, rec := range decision.Recommendations {
		words, ok := q.Recommendation(string(rec))
		if !ok {
			errs = append(errs, fmt.Errorf("recommendation %s has no words in whichrole.yaml", rec))
		} else if (words.Alone == "") != (rec == decision.Both) {
			errs = append(errs, fmt.Errorf("recommendation %s: alone is required for one role, and only then", rec))
		}
	}
	for _, w := range q.Recommendations {
		if !decision.Recommendation(w.ID).Valid() {
			errs = append(errs, fmt.Errorf("whichrole.yaml has words for recommendation %s, which the rules never give", w.ID))
		}
	}
	return errors.Join(errs...)
}

func formView(site *content.Site, a decision.Answers, errs []decision.FieldError) templates.FormView {
	v := templates.FormView{Title: site.Words.Pages.WhichRole.Title, Words: site.Words.Form}
	for _, e := range errs {
		v.Errors = append(v.Errors, templates.FieldError{Field: e.Field, Message: errorMessage(site, e)})
	}
	for _, f := range decision.Fields {
		q, _ := site.Questionnaire.Question(f.Name)
		qv := templates.QuestionView{
			Question: q, Multiple: f.Multiple, Chosen: a.Values(f.Name), ErrorPrefix: site.Words.Form.ErrorPrefix,
			Number: content.Fill(content.Fill(site.Words.Form.Question, "n", strconv.Itoa(len(v.Questions)+1)), "total", strconv.Itoa(len(decision.Fields))),
		}
		for _, e := range errs {
			if e.Field == f.Name {
				qv.Error = errorMessage(site, e)
			}
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

// serveForm renders the form with the answers kept and their errors: 422
// or 400. Such responses are never cached.
func (s *server) serveForm(w http.ResponseWriter, r *http.Request, status int, a decision.Answers, errs []decision.FieldError) {
	body, err := s.formPage(formView(s.site, a, errs))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.serveRendered(w, r, status, body)
}

// handleForm is GET /which-role. Query parameters pre-fill the form, so
// that "change your answers" links work; their errors are not shown, since
// a half-filled form is normal here.
func (s *server) handleForm(w http.ResponseWriter, r *http.Request) {
	if r.URL.RawQuery == "" {
		s.pages["/which-role"].serve(w, r, http.StatusOK)
		return
	}
	a, _ := decision.Parse(r.URL.Query())
	s.serveCached(w, r, "form?"+a.Query(), func() (*representation, error) {
		body, err := s.formPage(formView(s.site, a, nil))
		return newRepresentation(htmlType, s.pageCacheControl, body), err
	})
}

// handleSubmit is POST /which-role: valid answers go to their result page
// (303), invalid ones come back with the form and its errors (422).
func (s *server) handleSubmit(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.serveError(w, r, http.StatusRequestEntityTooLarge)
			return
		}
		s.serveForm(w, r, http.StatusBadRequest, decision.Answers{}, []decision.FieldError{{Field: "goal", Problem: decision.Unreadable}})
		return
	}
	a, errs := decision.Parse(r.PostForm)
	if len(errs) > 0 {
		s.serveForm(w, r, http.StatusUnprocessableEntity, a, errs)
		return
	}
	s.cfg.Metrics.recommended(string(decision.Decide(a).Recommendation))
	w.Header()["Cache-Control"] = noStoreOnly
	s.redirect(w, r, "/which-role/result?"+a.Query(), http.StatusSeeOther)
}

// answersFromQuery reads a result or brief URL; on errors it answers 400
// with the form and reports false.
func (s *server) answersFromQuery(w http.ResponseWriter, r *http.Request) (decision.Answers, bool) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	a, errs := decision.Parse(q)
	if err != nil && len(errs) == 0 {
		errs = []decision.FieldError{{Field: "goal", Problem: decision.DamagedLink}}
	}
	if len(errs) > 0 {
		s.serveQueryErrors(w, r, a, errs)
		return a, false
	}
	return a, true
}
