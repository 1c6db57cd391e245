package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/templates"
	"github.com/guide/pmvspm/web/decision"
	"github.com/guide/pmvspm/web/serve"
)

// maxFormBody is the largest form post read; a real one is a few hundred bytes.
const maxFormBody = 16 << 10

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
		if f, _ := decision.FieldNamed(e.Field); f.Multiple {
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
	m := s.meta("/which-role", words.Title, words.Description, siteCard)
	m.Nav = "which-role"
	if len(v.Errors) > 0 {
		m.Title = content.Fill(s.site.Words.Form.ErrorTitle, "title", m.Title)
	}
	return render(templates.WhichRolePage(m, v))
}

// A formError is the questionnaire's answers with what is wrong with them,
// answered with the form, the answers kept and the errors shown: 400 for a
// link, 422 for a post.
type formError struct {
	status  int
	answers decision.Answers
	errs    []decision.FieldError
}

func (e *formError) Error() string { return fmt.Sprintf("%d: %v", e.status, e.errs) }

// servePage answers the form with its errors: a link's from the answer
// cache, since a bad link costs what a result costs; a post's rendered for
// it alone.
func (e *formError) servePage(s *server, w http.ResponseWriter, r *http.Request) error {
	if r.Method == http.MethodPost {
		return s.serveForm(w, r, e)
	}
	return s.serveLinkErrors(w, r, e)
}

// serveForm renders a post's form with the answers kept and their errors.
// Such responses are never cached.
func (s *server) serveForm(w http.ResponseWriter, r *http.Request, e *formError) error {
	body, err := s.formPage(formView(s.site, e.answers, e.errs))
	if err != nil {
		return err
	}
	serve.Fresh(w, r, e.status, htmlType, body)
	return nil
}

// serveLinkErrors serves the form with a link's valid answers kept and
// its errors shown, from the answer cache: what it shows depends only on
// those, so each such page is rendered once, and a bad link costs what a
// result costs.
func (s *server) serveLinkErrors(w http.ResponseWriter, r *http.Request, e *formError) error {
	key := "form-errors?" + e.answers.Query()
	for _, fe := range e.errs {
		key += "#" + fe.Field + ":" + strconv.Itoa(int(fe.Problem))
	}
	return s.answers.Respond(w, r, e.status, key, htmlType, nil, func() (*serve.Representation, error) {
		body, err := s.formPage(formView(s.site, e.answers, e.errs))
		return serve.NewRepresentation(htmlType, noStore, nil, body), err
	})
}

// handleForm is GET /which-role. Query parameters pre-fill the form, so
// that "change your answers" links work; their errors are not shown, since
// a half-filled form is normal here.
func (s *server) handleForm(w http.ResponseWriter, r *http.Request) error {
	if r.URL.RawQuery == "" {
		s.pages["/which-role"].Serve(w, r, http.StatusOK)
		return nil
	}
	a, _ := decision.ParseForm(r.URL.Query())
	return s.answers.Respond(w, r, http.StatusOK, "form?"+a.Query(), htmlType, nil, func() (*serve.Representation, error) {
		body, err := s.formPage(formView(s.site, a, nil))
		return serve.NewRepresentation(htmlType, s.pageCacheControl, nil, body), err
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
	s.cfg.Metrics.Recommended(string(decision.Decide(a).Recommendation))
	w.Header()["Cache-Control"] = noStoreOnly
	return s.redirect(w, r, "/which-role/result?"+a.Query(), http.StatusSeeOther)
}

// handleResult is GET /which-role/result: the recommendation for the
// answers in the query, parsed, decided, put in words and rendered once
// for each canonical query.
func (s *server) handleResult(w http.ResponseWriter, r *http.Request) error {
	a, err := answersFromQuery(r)
	if err != nil {
		return err
	}
	query := a.Query()
	return s.answers.Respond(w, r, http.StatusOK, "result?"+query, htmlType, nil, func() (*serve.Representation, error) {
		res := decision.Decide(a)
		body, err := s.resultPage(a, query, res)
		return serve.NewRepresentation(htmlType, s.pageCacheControl, nil, body), err
	})
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
