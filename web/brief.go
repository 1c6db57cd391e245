package web

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"

	"github.com/guide/pmvspm/templates"
	"github.com/guide/pmvspm/web/decision"
	"github.com/guide/pmvspm/web/serve"
)

// The hiring brief's three formats: the printable page, PDF and Markdown.
var (
	briefHTML = answerFormat{
		kind:        "brief",
		contentType: htmlType,
		write: func(s *server, w io.Writer, a decision.Answers, res decision.Result) error {
			b := s.hiringBrief(a, res)
			m := s.meta("/which-role/brief?"+a.Query(), b.Title(), b.Summary, cardForResult(res))
			m.Nav, m.MainAttrs = "which-role", resultAttrs(res) // the panel takes the result's colour
			return templates.BriefPage(m, b, s.site.Words.Result, a.Query()).Render(context.Background(), w)
		},
	}
	briefMarkdown = answerFormat{
		kind:        "brief.md",
		contentType: "text/markdown; charset=utf-8",
		filename:    func(string) string { return "hiring-brief.md" },
		write: func(s *server, w io.Writer, a decision.Answers, res decision.Result) error {
			return s.hiringBrief(a, res).WriteMarkdown(w)
		},
	}
	briefPDF = answerFormat{
		kind:        "brief.pdf",
		contentType: "application/pdf",
		filename: func(key string) string {
			rec, _, _ := strings.Cut(key, "/")
			return "hiring-brief-" + rec + ".pdf"
		},
		write: func(s *server, w io.Writer, a decision.Answers, res decision.Result) error {
			return s.hiringBrief(a, res).WritePDF(w, s.contentDate, s.pdfFonts)
		},
	}
)

// hiringBrief is the hiring kit for the answers: for each role the
// result hires (its hire in the kit, in the same order: hiresFor), why,
// its profile, scorecard, questions and work sample; then the mistakes to
// avoid.
func (s *server) hiringBrief(a decision.Answers, res decision.Result) templates.Brief {
	site, kit := s.site, s.site.HiringKit
	v := s.resultView(a, a.Query(), res)
	b := v.Brief
	b.Kit, b.Process = kit.Words, kit.Process
	b.Kit.JobAdLink = v.JobAdLink // for no hire yet, the link says why there is none
	words, _ := site.Questionnaire.Recommendation(res.Key())
	seen := map[string]bool{}
	ids := hiresFor(res)
	for i, role := range res.Hired() {
		h, _ := kit.Hire(ids[i])
		need, _ := site.Questionnaire.Recommendation(string(role))
		br := templates.BriefRole{Name: h.Name, Need: need.Role, Hire: h, Profile: byRole(role, site.ProductManager, site.ProjectManager)}
		if res.Recommendation == decision.OnePerson {
			br.Need = words.Role
		}
		for _, r := range res.Reasons {
			// One person covering both jobs answers for both sides' work.
			if r.Kind != decision.Shows || (r.Role != role && res.Recommendation != decision.OnePerson) {
				continue
			}
			br.Why = append(br.Why, s.rules["reason:"+r.ID])
		}
		b.Roles = append(b.Roles, br)
		for _, m := range h.Mistakes {
			seen[m.ID] = true
		}
	}
	for _, m := range kit.Mistakes {
		if seen[m.ID] {
			b.Mistakes = append(b.Mistakes, m)
		}
	}
	return b
}

// hiresFor returns the kit's hires that a result calls for.
func hiresFor(res decision.Result) []string { return decision.HiresByOutcome[res.Key()] }

// handleAnswerFile serves one format of a page made from the answers in
// the query (the brief, the job adverts); a bad query gets 400 and the
// form. Each is made once per canonical query and kept, like the result
// page. The attachment header is kept with the file, so a failure is an
// ordinary error page.
func (s *server) handleAnswerFile(f answerFormat) handler {
	disposition := map[string][]string{}
	if f.filename != nil {
		for _, key := range decision.Keys() {
			disposition[key] = []string{`attachment; filename="` + f.filename(key) + `"`}
		}
	}
	return func(w http.ResponseWriter, r *http.Request) error {
		a, err := answersFromQuery(r)
		if err != nil {
			return err
		}
		res := decision.Decide(a)
		return s.answers.Respond(w, r, http.StatusOK, f.kind+"?"+a.Query(), f.contentType, disposition[res.Key()], func() (*serve.Representation, error) {
			var body bytes.Buffer // all of it or an error: never half a page
			err := f.write(s, &body, a, res)
			return serve.NewRepresentation(f.contentType, s.pageCacheControl, disposition[res.Key()], body.Bytes()), err
		})
	}
}

// An answerFormat is one format of a page made from the answers.
type answerFormat struct {
	kind        string // cache key prefix
	contentType string
	// filename is the attachment's name for an outcome's Key; nil for an
	// HTML page.
	filename func(key string) string
	write    func(s *server, w io.Writer, a decision.Answers, res decision.Result) error
}
