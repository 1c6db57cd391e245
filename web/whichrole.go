package web

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/templates"
	"github.com/guide/pmvspm/web/decision"
)

// maxFormBody is the largest form post read; a real one is a few hundred bytes.
const maxFormBody = 16 << 10

// checkQuestionnaire makes sure the content's questionnaire words match the
// form's contract exactly, and that every reason has words and points to a
// guide section and heading that exist.
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
	for _, r := range decision.Reasons {
		if _, ok := q.Reason(r.ID); !ok {
			errs = append(errs, fmt.Errorf("reason %s has no words in whichrole.yaml", r.ID))
		}
		if !site.HasAnchor(r.Section, r.Anchor) {
			errs = append(errs, fmt.Errorf("reason %s points to %s, which the guide does not have", r.ID, r.Link()))
		}
	}
	return errors.Join(errs...)
}

func formView(site *content.Site, a decision.Answers, errs []decision.FieldError) templates.FormView {
	v := templates.FormView{Answers: a, Errors: errs}
	for _, f := range decision.Fields {
		q, _ := site.Questionnaire.Question(f.Name)
		qv := templates.QuestionView{Question: q, Multiple: f.Multiple}
		for _, e := range errs {
			if e.Field == f.Name {
				qv.Error = e.Message
			}
		}
		v.Questions = append(v.Questions, qv)
	}
	return v
}

func (s *server) formPage(v templates.FormView) ([]byte, error) {
	m := s.meta("/which-role", "Which role does your business need?", "Answer four questions about your goals and problems and get a recommendation, product manager, project manager or both, with a hiring brief.")
	m.Nav = "which-role"
	if len(v.Errors) > 0 {
		m.Title = "Error: " + m.Title
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
		return newRepresentation(htmlType, s.pageCache, body), err
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
		s.serveForm(w, r, http.StatusBadRequest, decision.Answers{}, []decision.FieldError{{
			Field: "goal", Message: "We could not read the answers sent. Please choose your answers again.",
		}})
		return
	}
	a, errs := decision.Parse(r.PostForm)
	if len(errs) > 0 {
		s.serveForm(w, r, http.StatusUnprocessableEntity, a, errs)
		return
	}
	w.Header()["Cache-Control"] = noStoreOnly
	s.redirect(w, r, "/which-role/result?"+a.Query(), http.StatusSeeOther)
}

// answersFromQuery reads a result or brief URL; on errors it answers 400
// with the form and reports false.
func (s *server) answersFromQuery(w http.ResponseWriter, r *http.Request) (decision.Answers, bool) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	a, errs := decision.Parse(q)
	if err != nil && len(errs) == 0 {
		errs = []decision.FieldError{{Field: "goal", Message: "This link is damaged. Please choose your answers again."}}
	}
	if len(errs) > 0 {
		s.serveForm(w, r, http.StatusBadRequest, a, errs)
		return a, false
	}
	return a, true
}

// serveCached serves the page kept under key, building it on first use.
// Keys are canonical queries, so there are at most a few thousand: every
// page the questionnaire can produce is rendered and compressed once.
func (s *server) serveCached(w http.ResponseWriter, r *http.Request, key string, build func() (*representation, error)) {
	p, ok := s.results.Load(key)
	if !ok {
		built, err := build()
		if err != nil {
			s.fail(w, r, err)
			return
		}
		p, _ = s.results.LoadOrStore(key, built)
	}
	p.(*representation).serve(w, r, http.StatusOK)
}

// handleResult is GET /which-role/result: the recommendation for the
// answers in the query.
func (s *server) handleResult(w http.ResponseWriter, r *http.Request) {
	a, ok := s.answersFromQuery(w, r)
	if !ok {
		return
	}
	s.serveCached(w, r, "result?"+a.Query(), func() (*representation, error) {
		v := s.resultView(a)
		m := s.meta("/which-role/result?"+a.Query(), "You need "+templates.RoleName(v.Recommendation),
			"The recommendation for these answers, with the reasons, a link to change them, and a hiring brief.")
		m.Nav = "which-role"
		m.MainAttrs = map[string]any{"data-recommendation": string(v.Recommendation)}
		body, err := render(templates.ResultPage(m, v))
		return newRepresentation(htmlType, s.pageCache, body), err
	})
}

var briefDisposition = []string{`attachment; filename="hiring-brief.md"`}

// handleBrief is GET /which-role/brief.md: the hiring brief as Markdown.
func (s *server) handleBrief(w http.ResponseWriter, r *http.Request) {
	a, ok := s.answersFromQuery(w, r)
	if !ok {
		return
	}
	w.Header()["Content-Disposition"] = briefDisposition
	s.serveCached(w, r, "brief?"+a.Query(), func() (*representation, error) {
		var buf bytes.Buffer
		err := s.resultView(a).Brief.WriteMarkdown(&buf)
		return newRepresentation("text/markdown; charset=utf-8", s.pageCache, buf.Bytes()), err
	})
}

// resultView turns a decision into words from the content.
func (s *server) resultView(a decision.Answers) templates.ResultView {
	site := s.site
	res := decision.Decide(a)
	v := templates.ResultView{Recommendation: res.Recommendation, Query: a.Query()}
	b := templates.Brief{Recommendation: res.Recommendation, URL: s.cfg.BaseURL + "/which-role/result?" + a.Query()}
	for _, r := range res.Reasons {
		words, _ := site.Questionnaire.Reason(r.ID)
		sec, _ := site.Section(r.Section)
		rv := templates.ReasonView{Text: words.Text, Link: r.Link(), LinkLabel: "Guide: " + sec.Title}
		v.Reasons = append(v.Reasons, rv)
		for _, q := range words.Questions {
			if !slices.Contains(b.Questions, q) {
				b.Questions = append(b.Questions, q)
			}
		}
	}
	b.Reasons = v.Reasons
	if res.Recommendation != decision.ProjectManager {
		b.Roles = append(b.Roles, templates.BriefRole{Name: "product manager", Profile: site.ProductManager})
	}
	if res.Recommendation != decision.ProductManager {
		b.Roles = append(b.Roles, templates.BriefRole{Name: "project manager", Profile: site.ProjectManager})
	}
	if res.Recommendation == decision.Both {
		b.Split = site.Questionnaire.Split
	}
	v.Brief = b
	for _, f := range decision.Fields {
		q, _ := site.Questionnaire.Question(f.Name)
		var labels []string
		for _, val := range a.Values(f.Name) {
			labels = append(labels, q.Label(val))
		}
		answer := strings.Join(labels, "; ")
		if answer == "" {
			answer = "None of these"
		}
		v.Summary = append(v.Summary, templates.SummaryItem{
			Question: q.Legend, Answer: answer,
			Change: "/which-role?" + a.Query() + "#" + f.Name + "-" + f.Values[0],
		})
	}
	return v
}
