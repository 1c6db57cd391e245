package web

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/templates"
	"github.com/guide/pmvspm/web/decision"
)

// The job adverts' three formats: the page, Markdown and plain text.
var (
	jobAdHTML = answerFormat{
		kind:        "job-ad",
		contentType: htmlType,
		write: func(s *server, a decision.Answers, res decision.Result) ([]byte, error) {
			v := s.jobAds(a, res)
			m := s.meta("/which-role/job-ad?"+a.Query(), v.Title, s.site.HiringKit.Words.Description)
			m.Nav = "which-role"
			m.MainAttrs = resultAttrs(res)
			s.withCard(&m, cardForResult(res))
			return render(templates.JobAdPage(m, v))
		},
	}
	jobAdMarkdown = answerFormat{
		kind:        "job-ad.md",
		contentType: "text/markdown; charset=utf-8",
		filename:    func(key string) string { return "job-ad-" + strings.ReplaceAll(key, "/", "-") + ".md" },
		write: func(s *server, a decision.Answers, res decision.Result) ([]byte, error) {
			var buf bytes.Buffer
			err := s.jobAds(a, res).WriteMarkdown(&buf)
			return buf.Bytes(), err
		},
	}
	jobAdText = answerFormat{
		kind:        "job-ad.txt",
		contentType: "text/plain; charset=utf-8",
		filename:    func(key string) string { return "job-ad-" + strings.ReplaceAll(key, "/", "-") + ".txt" },
		write: func(s *server, a decision.Answers, res decision.Result) ([]byte, error) {
			var buf bytes.Buffer
			err := s.jobAds(a, res).WriteText(&buf)
			return buf.Bytes(), err
		},
	}
)

// checkHiringKit makes sure hiringkit.yaml has words for every answer the
// adverts depend on, and a hire for every outcome; each problem names its
// line in the file.
func checkHiringKit(site *content.Site) error {
	kit := &site.HiringKit
	var errs []error
	for _, m := range []struct {
		field, key string
		words      map[string]string
	}{
		{"goal", "situations", kit.Situations},
		{"problems", "today", kit.Today},
		{"complexity", "teams", kit.Teams},
	} {
		f, _ := decision.FieldNamed(m.field)
		for _, v := range f.Values {
			if m.words[v] == "" {
				errs = append(errs, kit.At(m.key, "%s: no words for the answer %s=%s", m.key, m.field, v))
			}
		}
		for _, v := range slices.Sorted(maps.Keys(m.words)) {
			if !slices.Contains(f.Values, v) {
				errs = append(errs, kit.At(m.key+"."+v, "%s: %s is not an answer to %s", m.key, v, m.field))
			}
		}
	}
	decider, _ := decision.FieldNamed("decider")
	for i, h := range kit.Hires {
		for k := range h.Ad.Decides {
			if k != "default" && k != "client-work" && k != "both" && !slices.Contains(decider.Values, k) {
				errs = append(errs, kit.At(fmt.Sprintf("hires[%d].ad.decides.%s", i, k), "hire %s: decides: %s is neither default, client-work, both nor an answer to decider", h.ID, k))
			}
		}
	}
	// The two adverts of a both result must agree on who decides what.
	for _, id := range hiresByOutcome[string(decision.Both)] {
		if h, ok := kit.Hire(id); ok && h.Ad.Decides["both"] == "" {
			errs = append(errs, kit.At("hires", "hire %s: decides needs both: what it decides beside the other hire of a both result", id))
		}
	}
	for _, m := range []struct {
		key   string
		words map[string]string
	}{{"delivery_situations", kit.DeliverySituations}, {"work", kit.Work}} {
		goal, _ := decision.FieldNamed("goal")
		for _, v := range slices.Sorted(maps.Keys(m.words)) {
			if !slices.Contains(goal.Values, v) {
				errs = append(errs, kit.At(m.key+"."+v, "%s: %s is not an answer to goal", m.key, v))
			}
		}
	}
	missing := map[string]bool{}
	for _, key := range decision.Keys() {
		for _, id := range hiresByOutcome[key] {
			if _, ok := kit.Hire(id); !ok && !missing[id] {
				missing[id] = true
				errs = append(errs, kit.At("hires", "hires: no hire %s, which the outcome %s calls for", id, key))
			}
		}
	}
	return errors.Join(errs...)
}

// hiresByOutcome are the kit's hires each outcome (by its Key) calls for,
// in the order the adverts show them (the order of Result.Hired()): none
// yet; each role hired; part-time help; or one person for both jobs, led
// by one.
var hiresByOutcome = map[string][]string{
	string(decision.NotYet):         nil,
	string(decision.ProductManager): {"product-manager"},
	string(decision.ProjectManager): {"project-manager"},
	string(decision.Both):           {"product-manager", "project-manager"},
	string(decision.ProductManager) + "/" + string(decision.Fractional): {"fractional-product"},
	string(decision.ProjectManager) + "/" + string(decision.Contract):   {"contract-project"},
	string(decision.OnePerson) + "/" + string(decision.ProductManager):  {"one-person-product"},
	string(decision.OnePerson) + "/" + string(decision.ProjectManager):  {"one-person-project"},
}

// hiresFor returns the kit's hires that a result calls for.
func hiresFor(res decision.Result) []string { return hiresByOutcome[res.Key()] }

// firstProductHire are the answers to "who decides what gets built" that
// say nobody has held a product job: a founder decides, or nobody does.
var firstProductHire = []string{"founder-has-time", "founder-stretched", "nobody-clearly"}

// jobAds is the adverts for the answers, in the content's words.
func (s *server) jobAds(a decision.Answers, res decision.Result) templates.JobAds {
	kit := s.site.HiringKit
	v := templates.JobAds{Query: a.Query(), BaseURL: s.cfg.BaseURL, Words: kit.Words, Lede: kit.Words.Lede, NotesHeading: kit.Words.BeforeYouPost}
	ids := hiresFor(res)
	if len(ids) == 0 {
		v.Title, v.Lede, v.NotYet = kit.NotYet.Title, "", true
		v.Ads = []templates.JobAd{notYetAd(kit)}
		return v
	}
	var hires []content.Hire
	for _, id := range ids {
		h, _ := kit.Hire(id)
		hires = append(hires, h)
	}
	for i, h := range hires {
		var other string
		if len(hires) == 2 {
			other = hires[1-i].Name
		}
		v.Ads = append(v.Ads, jobAd(kit, h, a, other))
	}
	v.Title = kit.Words.PageTitle
	if len(v.Ads) > 1 {
		v.Title = kit.Words.PageTitlePlural
	}
	return v
}

// jobAd is one hire's advert for these answers, with the employer's notes
// beside it. other names the role hired beside it, if any.
func jobAd(kit content.HiringKit, h content.Hire, a decision.Answers, other string) templates.JobAd {
	w := kit.Words
	ad := h.Ad
	about := templates.AdBlock{Heading: w.AboutJob, Before: templates.Lines(w.AboutCompany)}
	situation := kit.Situations[a.Goal]
	if s := kit.DeliverySituations[a.Goal]; other != "" && h.Side == "project" && s != "" {
		// Its own opening, not the product advert's.
		situation = s
	}
	if situation != "" {
		about.Before = append(about.Before, templates.Line(situation))
	}
	about.Before = append(about.Before, templates.Line(ad.Problem))
	if s := kit.Work[a.Goal]; s != "" && h.Side != "product" {
		about.Before = append(about.Before, templates.Line(s))
	}
	for _, p := range a.Problems {
		side := "project"
		if decision.ProductProblem(p) {
			side = "product"
		}
		switch {
		case a.Goal == "client-work" && side == "product":
			// the owner's strategy question, not the hire's
		case a.Goal == "internal-system" && p == "unclear-direction" && h.Side != "product":
			// what the system must do is the project's to settle
			about.Items = append(about.Items, templates.Line(w.UnclearNeeds))
		case side == h.Side || h.Side == "both":
			about.Items = append(about.Items, templates.Line(kit.Today[p]))
		}
	}
	if a.Goal == "internal-system" && a.CustomerFacing == "no" && a.Decider == "nobody-clearly" && h.Side != "product" && !a.HasProblem("unclear-direction") {
		// nobody owns what the system must do: the job needs business-analysis skills (SPEC §8.1 rule 15)
		about.Items = append(about.Items, templates.Line(w.UnclearNeeds))
	}
	if len(about.Items) > 0 {
		about.Before = append(about.Before, templates.Line(w.Today))
	}
	about.After = templates.Lines(ad.FirstHire)
	notes := []templates.AdLine{templates.Line(w.FillNote), {Text: w.PayNote, LinkText: w.PayLink, LinkURL: w.PayLinkTo}}
	if !(h.Side != "project" && slices.Contains(firstProductHire, a.Decider)) {
		// Nothing in the answers says whether anyone held the job before.
		notes = append(notes, templates.Line(w.FirstHireNote))
	}
	if ad.Contractor() {
		notes = append(notes, templates.Line(w.TaxNote))
	}

	keys := []string{a.Decider}
	if a.Goal == "client-work" {
		keys = []string{"client-work"}
	}
	if other != "" {
		// Two hires: each advert says the same about who decides what.
		keys = append([]string{"both"}, keys...)
	}
	decides := templates.AdBlock{Heading: w.Decides, Before: templates.Lines(ad.DecidesFor(keys...), ad.Reports)}
	if other != "" {
		decides.Before = append(decides.Before, templates.Line(content.Fill(w.Both, "other", other)))
	}

	mustHaves := templates.AdBlock{Heading: w.MustHaves, Items: templates.Lines(ad.MustHaves...)}
	if ad.Extra != "" {
		mustHaves.After = templates.Lines(ad.Extra)
	}
	return templates.JobAd{
		ID:    h.ID,
		Title: ad.Title,
		Split: ad.Split,
		Blocks: []templates.AdBlock{
			about,
			decides,
			{Heading: w.Team, Before: templates.Lines(kit.Teams[a.Complexity])},
			{Heading: w.First90Days, Items: templates.Lines(ad.FirstDays...)},
			mustHaves,
			{Heading: w.Assessment, Before: templates.Lines(ad.Assessment, w.Timeline)},
			{
				Heading: w.Details,
				Items:   templates.Lines(ad.Pay, ad.Benefits, ad.Employment, ad.Hours, w.Location, w.RightToWork, w.ClosingDate, w.Apply),
				After:   templates.Lines(w.EqualOpportunity, w.Adjustments),
			},
		},
		Notes: notes,
	}
}

// notYetAd is the answer when no hire is called for yet.
func notYetAd(kit content.HiringKit) templates.JobAd {
	n := kit.NotYet
	return templates.JobAd{
		ID:    "not-yet",
		Title: n.Title,
		Blocks: []templates.AdBlock{
			{Before: templates.Lines(n.Why)},
			{Heading: n.Meanwhile, Items: templates.Lines(n.Cover...)},
			{Heading: n.SignalsHeading, Items: templates.Lines(n.Signals...), After: []templates.AdLine{{LinkText: n.Link, LinkURL: n.LinkTo}}},
		},
	}
}
