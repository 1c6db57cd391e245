package web

import (
	"context"
	"io"
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
		write: func(s *server, w io.Writer, a decision.Answers, res decision.Result) error {
			v := s.jobAds(a, res)
			m := s.meta("/which-role/job-ad?"+a.Query(), v.Title, s.site.HiringKit.Words.Description, cardForResult(res))
			m.Nav, m.MainAttrs = "which-role", resultAttrs(res)
			return templates.JobAdPage(m, v).Render(context.Background(), w)
		},
	}
	jobAdMarkdown = answerFormat{
		kind:        "job-ad.md",
		contentType: "text/markdown; charset=utf-8",
		filename:    func(key string) string { return "job-ad-" + strings.ReplaceAll(key, "/", "-") + ".md" },
		write: func(s *server, w io.Writer, a decision.Answers, res decision.Result) error {
			return s.jobAds(a, res).WriteMarkdown(w)
		},
	}
	jobAdText = answerFormat{
		kind:        "job-ad.txt",
		contentType: "text/plain; charset=utf-8",
		filename:    func(key string) string { return "job-ad-" + strings.ReplaceAll(key, "/", "-") + ".txt" },
		write: func(s *server, w io.Writer, a decision.Answers, res decision.Result) error {
			return s.jobAds(a, res).WriteText(w)
		},
	}
)

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
	w, ad := kit.Words, h.Ad
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
	if !(h.Side != "project" && slices.Contains(decision.FirstProductHire, a.Decider)) {
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
