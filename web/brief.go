package web

import (
	"bytes"
	"net/http"

	"github.com/guide/pmvspm/templates"
	"github.com/guide/pmvspm/web/decision"
)

// A briefFormat is one of the hiring brief's three formats.
type briefFormat struct {
	kind        string // cache key prefix
	contentType string
	// filename is the attachment's name; empty for the HTML page.
	filename func(decision.Recommendation) string
	write    func(s *server, a decision.Answers, b templates.Brief) ([]byte, error)
}

var (
	briefHTML = briefFormat{
		kind:        "brief",
		contentType: htmlType,
		write: func(s *server, a decision.Answers, b templates.Brief) ([]byte, error) {
			m := s.meta("/which-role/brief?"+a.Query(), b.Title(), b.Summary)
			m.Nav = "which-role"
			s.withCard(&m, cardForResult(decision.Decide(a)))
			return render(templates.BriefPage(m, b, s.site.Words.Result, a.Query()))
		},
	}
	briefMarkdown = briefFormat{
		kind:        "brief.md",
		contentType: "text/markdown; charset=utf-8",
		filename:    func(decision.Recommendation) string { return "hiring-brief.md" },
		write: func(_ *server, _ decision.Answers, b templates.Brief) ([]byte, error) {
			var buf bytes.Buffer
			err := b.WriteMarkdown(&buf)
			return buf.Bytes(), err
		},
	}
	briefPDF = briefFormat{
		kind:        "brief.pdf",
		contentType: "application/pdf",
		filename:    func(r decision.Recommendation) string { return "hiring-brief-" + string(r) + ".pdf" },
		write: func(s *server, _ decision.Answers, b templates.Brief) ([]byte, error) {
			var buf bytes.Buffer
			err := b.WritePDF(&buf, s.contentDate)
			return buf.Bytes(), err
		},
	}
)

// handleBrief serves the hiring brief for the answers in the query in one
// format; a bad query gets 400 and the form. Each format is made once per
// canonical query and kept, like the result page. The attachment header is
// set only once the file exists, so a failure is an ordinary error page.
func (s *server) handleBrief(f briefFormat) http.HandlerFunc {
	disposition := map[decision.Recommendation][]string{}
	if f.filename != nil {
		for _, rec := range decision.Recommendations {
			disposition[rec] = []string{`attachment; filename="` + f.filename(rec) + `"`}
		}
	}
	return func(w http.ResponseWriter, r *http.Request) {
		a, ok := s.answersFromQuery(w, r)
		if !ok {
			return
		}
		p, err := s.cached(f.kind+"?"+a.Query(), func() (*representation, error) {
			body, err := f.write(s, a, s.resultView(a).Brief)
			return newRepresentation(f.contentType, s.pageCacheControl, body), err
		})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if len(disposition) > 0 {
			w.Header()["Content-Disposition"] = disposition[decision.Decide(a).Recommendation]
		}
		p.serve(w, r, http.StatusOK)
	}
}
