package web

import (
	"net/http"
	"slices"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/guide/pmvspm/web/decision"
)

// A result whose answers show one of the owner's situations (an agency,
// an internal system, a startup…) links to the FAQ answers written for it,
// by their questions; a result whose answers do not, does not. The
// situations and the answers that show them are read from the content.
func TestResultLinksSituations(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	site := loadSite(t)
	all := append(allAnswers(), oldAnswers()...)
	situations := 0
	for _, ans := range site.Answers {
		if len(ans.Situation) == 0 {
			continue
		}
		situations++
		// The first answer set that fits, and the first that does not.
		fit := slices.IndexFunc(all, func(a decision.Answers) bool { return ans.Fits(a.Values) })
		unfit := slices.IndexFunc(all, func(a decision.Answers) bool { return !ans.Fits(a.Values) })
		if fit < 0 {
			t.Errorf("faq/%s: no answer set fits its situation %v", ans.Slug, ans.Situation)
			continue
		}
		for _, i := range []int{fit, unfit} {
			if i < 0 {
				continue
			}
			a := all[i]
			r := get(t, srv, "/which-role/result?"+a.Query())
			wantStatus(t, r, http.StatusOK)
			var got []string
			r.doc(t).Find("main [data-situations] a").Each(func(_ int, l *goquery.Selection) {
				got = append(got, l.AttrOr("href", "")+" "+text(l))
			})
			var want []string
			for _, s := range site.Situations(a.Values) {
				want = append(want, "/faq/"+s.Slug+" "+s.Question)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: situation links %q, want %q", a.Query(), got, want)
			}
			if has := slices.Contains(got, "/faq/"+ans.Slug+" "+ans.Question); has != (i == fit) {
				t.Errorf("%s: links to /faq/%s: %v, want %v", a.Query(), ans.Slug, has, i == fit)
			}
		}
	}
	if situations == 0 {
		t.Error("no FAQ answer is written for a situation (front matter situation:)")
	}
}
