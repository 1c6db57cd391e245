package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/guide/pmvspm/web/decision"
)

// The questionnaire's pages read their answers from the query. A real one
// is a few hundred bytes in a dozen parameters, plus whatever tracking
// parameters a link picks up when shared (fbclid, utm_*); anything much
// larger is refused before it is parsed, with a page made at start, so a
// junk query costs what a cached page costs.
const (
	maxQueryBytes  = 1024
	maxQueryParams = 32
)

// limitQuery answers 400, with the form saying the link is damaged, to a
// query over maxQueryBytes or maxQueryParams.
func (s *server) limitQuery(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.RawQuery
		if len(q) > maxQueryBytes || strings.Count(q, "&") >= maxQueryParams {
			s.damagedLink.serve(w, r, http.StatusBadRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// prerenderDamagedLink renders the form that a refused query gets.
func (s *server) prerenderDamagedLink() error {
	body, err := s.formPage(formView(s.site, decision.Answers{}, []decision.FieldError{{Field: "goal", Problem: decision.DamagedLink}}))
	if err != nil {
		return err
	}
	s.damagedLink = newUncompressed(htmlType, noStore, body)
	return nil
}

// serveLinkErrors serves the form with a link's valid answers kept and
// its errors shown, from the answer cache: what it shows depends only on
// those, so each such page is rendered once, and a bad link costs what a
// result costs.
func (s *server) serveLinkErrors(w http.ResponseWriter, r *http.Request, e *formError) error {
	a, errs := e.answers, e.errs
	var key strings.Builder
	key.WriteString("form-errors?")
	key.WriteString(a.Query())
	for _, e := range errs {
		key.WriteString("#")
		key.WriteString(e.Field)
		key.WriteString(":")
		key.WriteString(strconv.Itoa(int(e.Problem)))
	}
	p, err := s.cached(r, key.String(), func() (*representation, error) {
		body, err := s.formPage(formView(s.site, a, errs))
		return newRepresentation(htmlType, noStore, body), err
	})
	if err != nil {
		return err
	}
	if p == nil {
		headOnly(w, e.status, htmlType, nil)
		return nil
	}
	p.serve(w, r, e.status)
	return nil
}
