package web

import (
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/web/decision"
)

// kitSample is one answer set for every outcome with every hires value
// (an old link's too), and for a both result one for every goal and
// decider, so that each advert and kit the server can make is read once
// through HTTP.
func kitSample() []decision.Answers {
	seen := map[string]bool{}
	var out []decision.Answers
	for _, a := range append(allAnswers(), oldAnswers()...) {
		res := decision.Decide(a)
		key := res.Key() + "|" + a.Hires
		if res.Recommendation == decision.Both {
			key += "|" + a.Goal + "|" + a.Decider
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, a)
		}
	}
	return out
}

// The spec's own words for pay (SPEC §8.2): contract and fractional help
// never has a salary, and has a day rate or a retainer.
var (
	saysSalary = regexp.MustCompile(`(?i)\bsalar(y|ies)\b`)
	saysRate   = regexp.MustCompile(`(?i)\bday rate\b|\bretainer\b`)
	// A red flag never names time or adjustments (asking for either is a
	// candidate's right).
	flagsRight = regexp.MustCompile(`(?i)\b(time|adjust\w*)\b`)
)

// TestServedAdverts reads the served adverts (page, Markdown and text) for
// every outcome and every hires value against SPEC §8.2: the text holds
// the advert alone (no address, no note); every placeholder the contract
// names is in every format; contract and fractional help has a day rate
// or a retainer and no salary; a both result's two adverts agree on who
// decides and open differently.
func TestServedAdverts(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{MissBurst: 100000}) // one client reading every advert
	kit := loadSite(t).HiringKit
	w := kit.Words
	notes := []string{w.BeforeYouPost, w.FillNote, w.PayNote, w.PayLink, w.FirstHireNote, w.TaxNote}
	for _, a := range kitSample() {
		q := a.Query()
		res := decision.Decide(a)
		ids := hiresFor(res)
		page := get(t, srv, "/which-role/job-ad?"+q)
		md := get(t, srv, "/which-role/job-ad.md?"+q)
		txt := get(t, srv, "/which-role/job-ad.txt?"+q)
		for _, r := range []response{page, md, txt} {
			wantStatus(t, r, http.StatusOK)
		}
		body := string(txt.body)
		if strings.Contains(body, "://") || strings.Contains(body, "/guide") || strings.Contains(body, "](") {
			t.Errorf("%s: the .txt advert holds an address:\n%s", q, body)
		}
		for _, n := range notes {
			if strings.Contains(squeeze(body), squeeze(n)) {
				t.Errorf("%s: the .txt advert holds the employer's note %q", q, n)
			}
		}
		doc := page.doc(t)
		if len(ids) > 0 && !strings.Contains(string(md.body), "# "+w.BeforeYouPost+"\n") {
			t.Errorf("%s: the Markdown has no %q list", q, w.BeforeYouPost)
		}
		drafts := map[string]*goquery.Selection{}
		for _, id := range ids {
			h, _ := kit.Hire(id)
			section := doc.Find("main section.job-ad#" + id)
			draft, aside := section.Find(".draft"), section.Find("aside.ad-notes")
			drafts[id] = draft
			if draft.Length() != 1 || aside.Length() != 1 {
				t.Fatalf("%s: the %s advert has %d drafts and %d notes boxes, want one each", q, id, draft.Length(), aside.Length())
			}
			draftText := squeeze(draft.Text())
			for _, p := range adPlaceholders(w, h) {
				if !strings.Contains(p, "[") && p != w.EqualOpportunity && p != h.Ad.Assessment {
					t.Errorf("%s: %q has no [placeholder] for the employer", id, p)
				}
				for format, got := range map[string]string{"page's draft": draftText, "Markdown": squeeze(string(md.body)), "text": squeeze(body)} {
					if !strings.Contains(got, squeeze(p)) {
						t.Errorf("%s: the %s advert's %s lacks %q", q, id, format, p)
					}
				}
			}
			for _, n := range notes[1:] {
				if strings.Contains(draftText, squeeze(n)) {
					t.Errorf("%s: the %s draft holds the employer's note %q", q, id, n)
				}
			}
			if draft.Find(`a[href^="/guide"]`).Length() > 0 || !strings.Contains(squeeze(aside.Text()), squeeze(w.PayNote)) {
				t.Errorf("%s: the %s advert's pay note is not beside the draft", q, id)
			}
			if h.Ad.Contractor() {
				if m := saysSalary.FindString(draft.Text()); m != "" {
					t.Errorf("%s: the %s advert says %q", q, id, m)
				}
				if !saysRate.MatchString(draft.Text()) {
					t.Errorf("%s: the %s advert has no day rate or retainer", q, id)
				}
				if !strings.Contains(squeeze(aside.Text()), squeeze(w.TaxNote)) {
					t.Errorf("%s: the %s advert's notes do not name the tax status to settle", q, id)
				}
			}
		}
		if res.Recommendation == decision.Both {
			bothAgree(t, q, kit, drafts)
		}
		if t.Failed() {
			return // one answer set's failures are enough to read
		}
	}
}

// bothAgree checks a both result's two adverts: the product advert owns
// what gets built and names the project manager who delivers it, the
// project advert names the product manager who decides and claims for
// nobody else what only the product manager decides; and neither opens
// with the other's words.
func bothAgree(t *testing.T, q string, kit content.HiringKit, drafts map[string]*goquery.Selection) {
	t.Helper()
	product, _ := kit.Hire("product-manager")
	project, _ := kit.Hire("project-manager")
	decides := func(d *goquery.Selection) string {
		h := d.Find("h3").FilterFunction(func(_ int, s *goquery.Selection) bool { return text(s) == kit.Words.Decides })
		return text(h.NextUntil("h3"))
	}
	pm, pj := decides(drafts[product.ID]), decides(drafts[project.ID])
	if !strings.Contains(pm, project.Name) {
		t.Errorf("%s: the product advert's %q does not name the %s who delivers: %q", q, kit.Words.Decides, project.Name, pm)
	}
	if !strings.Contains(pj, product.Name) {
		t.Errorf("%s: the project advert's %q does not name the %s who decides what gets built: %q", q, kit.Words.Decides, product.Name, pj)
	}
	for key, s := range project.Ad.Decides {
		if key != "both" && strings.Contains(pj, s) {
			t.Errorf("%s: the project advert says who decides as if no product manager were hired (%s): %q", q, key, s)
		}
	}
	about := func(d *goquery.Selection) []string {
		return d.Find("h3").First().NextUntil("h3").Filter("p").Map(func(_ int, s *goquery.Selection) string { return text(s) })
	}
	pmAbout, pjAbout := about(drafts[product.ID]), about(drafts[project.ID])
	if len(pmAbout) < 2 || len(pjAbout) < 2 || pmAbout[1] == pjAbout[1] {
		t.Errorf("%s: the two adverts open alike: %q and %q", q, pmAbout, pjAbout)
	}
	for _, p := range pmAbout[1:] {
		if p != kit.Words.Today && slices.Contains(pjAbout, p) {
			t.Errorf("%s: the project advert copies the product advert's %q", q, p)
		}
	}
}

// TestServedKits reads the served hiring kits (page and Markdown) for every
// outcome and every hires value against SPEC §8.2: four anchors per
// competency, a hire bar, a score sheet per role, an interview plan, a
// first-call script, reference questions and never ask about; no red flag
// naming time or adjustments; a work sample that says whether it is paid,
// where it is done, that adjustments are welcome, and ships its material.
func TestServedKits(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{MissBurst: 100000})
	kit := loadSite(t).HiringKit
	w, pr := kit.Words, kit.Process
	anchors := []string{w.Poor, w.Mixed, w.Good, w.Excellent}
	for _, a := range kitSample() {
		q := a.Query()
		ids := hiresFor(decision.Decide(a))
		page := get(t, srv, "/which-role/brief?"+q)
		wantStatus(t, page, http.StatusOK)
		md := get(t, srv, "/which-role/brief.md?"+q)
		wantStatus(t, md, http.StatusOK)
		doc, mdText := page.doc(t), squeeze(string(md.body))
		main := doc.Find("main")
		if len(ids) == 0 {
			if main.Find(".score-sheet, dl.anchors, #plan").Length() > 0 {
				t.Errorf("%s: a kit with no hire has hiring parts", q)
			}
			continue
		}
		// The process, once a kit.
		for _, part := range []struct {
			id    string
			items []string
		}{{"plan", nil}, {"first-call", pr.FirstCallLines}, {"references", pr.ReferenceQs}, {"never-ask", pr.NeverAskItems}} {
			s := main.Find("section > #" + part.id).Parent()
			if s.Length() != 1 {
				t.Errorf("%s: no %s part", q, part.id)
				continue
			}
			if s.Find("p.when").Length() != 1 {
				t.Errorf("%s: the %s part does not say who uses it and when", q, part.id)
			}
			for _, it := range part.items {
				if !strings.Contains(squeeze(s.Text()), squeeze(it)) || !strings.Contains(mdText, squeeze(it)) {
					t.Errorf("%s: the %s part lacks %q", q, part.id, it)
				}
			}
		}
		if n := main.Find("#plan + .when + ol.plan > li").Length(); n != len(pr.Steps) {
			t.Errorf("%s: the interview plan has %d steps, want %d", q, n, len(pr.Steps))
		}
		for _, st := range pr.Steps {
			for _, s := range []string{st.Name, st.Who, st.Length} {
				if !strings.Contains(squeeze(text(main.Find(".plan"))), squeeze(s)) {
					t.Errorf("%s: the interview plan lacks %q", q, s)
				}
			}
		}
		contents := main.Find("nav.kit-contents a")
		if contents.Length() == 0 {
			t.Errorf("%s: no contents list", q)
		}
		contents.Each(func(_ int, l *goquery.Selection) {
			if id := strings.TrimPrefix(l.AttrOr("href", ""), "#"); main.Find(`[id="`+id+`"]`).Length() != 1 {
				t.Errorf("%s: the contents link %q lands nowhere", q, l.AttrOr("href", ""))
			}
		})
		if n := main.Find("section.score-sheet").Length(); n != len(ids) {
			t.Errorf("%s: %d score sheets for %d hires", q, n, len(ids))
		}
		competencies := 0
		for i, id := range ids {
			h, _ := kit.Hire(id)
			competencies += len(h.Scorecard)
			role := main.Find("section[aria-labelledby^=role-]").Eq(i)
			dls := role.Find("dl.anchors")
			if dls.Length() != len(h.Scorecard) {
				t.Errorf("%s: %s: %d competencies with anchors, want %d", q, id, dls.Length(), len(h.Scorecard))
			}
			dls.Each(func(j int, dl *goquery.Selection) {
				if got := dl.Find("dt").Map(func(_ int, s *goquery.Selection) string { return text(s) }); !slices.Equal(got, anchors) {
					t.Errorf("%s: %s: competency %d's anchors are %q, want %q", q, id, j+1, got, anchors)
				}
			})
			bar := h.HireBarText(w)
			if !strings.Contains(squeeze(text(role.Find(".hire-bar"))), squeeze(bar)) || !strings.Contains(mdText, squeeze(bar)) {
				t.Errorf("%s: %s: no hire bar", q, id)
			}
			sheet := main.Find("section.score-sheet").Eq(i)
			if n := sheet.Find("tbody tr").Length(); n != len(h.Scorecard) {
				t.Errorf("%s: %s: the score sheet has %d rows, want %d", q, id, n, len(h.Scorecard))
			}
			for _, s := range []string{pr.Candidate, pr.Interviewer, pr.Date, pr.Score, pr.Evidence} {
				if !strings.Contains(text(sheet), s) {
					t.Errorf("%s: %s: the score sheet lacks %q", q, id, s)
				}
			}
			// The work sample: fair, and with its material.
			fair := squeeze(text(role.Find(".fair")))
			paid, unpaid := strings.Contains(fair, squeeze(w.Paid)), strings.Contains(fair, squeeze(w.Unpaid))
			if paid == unpaid || paid != h.PaidTask || (h.Ad.Contractor() && !paid) {
				t.Errorf("%s: %s: the work sample's fair box says paid %v, unpaid %v (paid task %v)", q, id, paid, unpaid, h.PaidTask)
			}
			for _, s := range []string{w.Where, w.AdjustmentsWelcome} {
				if !strings.Contains(fair, squeeze(s)) || !strings.Contains(mdText, squeeze(s)) {
					t.Errorf("%s: %s: the fair box lacks %q", q, id, s)
				}
			}
			pack := role.Find(".pack")
			ws := h.WorkSample
			if pack.Length() != 1 || !strings.Contains(text(pack), ws.Pack.Intro) || pack.Find("table").Length() != len(ws.Pack.Tables) {
				t.Errorf("%s: %s: the work sample does not ship its material", q, id)
			}
			for _, l := range ws.Pack.Lists {
				for _, it := range l.Items {
					if !strings.Contains(squeeze(text(pack)), squeeze(it)) || !strings.Contains(mdText, squeeze(it)) {
						t.Errorf("%s: %s: the material lacks %q", q, id, it)
					}
				}
			}
			for j, tb := range ws.Pack.Tables {
				if n := pack.Find("table").Eq(j).Find("tbody tr").Length(); n != len(tb.Rows) {
					t.Errorf("%s: %s: table %q has %d rows, want %d", q, id, tb.Heading, n, len(tb.Rows))
				}
			}
			flags := role.Find("h4").FilterFunction(func(_ int, s *goquery.Selection) bool { return text(s) == w.RedFlags }).Next().Find("li")
			if flags.Length() != len(ws.RedFlags) {
				t.Errorf("%s: %s: %d red flags on the page, want %d", q, id, flags.Length(), len(ws.RedFlags))
			}
			flags.Each(func(_ int, f *goquery.Selection) {
				if m := flagsRight.FindString(f.Text()); m != "" {
					t.Errorf("%s: %s: a red flag names %q: %q", q, id, m, text(f))
				}
			})
		}
		if n := strings.Count(string(md.body), "**"+w.Poor+"**"); n != competencies {
			t.Errorf("%s: the Markdown has %d poor anchors for %d competencies", q, n, competencies)
		}
		if t.Failed() {
			return
		}
	}
}
