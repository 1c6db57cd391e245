package content

import (
	"fmt"
	"io/fs"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// HiringKit is everything the hiring kit says, from hiringkit.yaml: the
// job-advert drafts, how an owner runs the hiring (Process), and for each
// kind of hire the scorecard, interview questions, work sample and
// mistakes that the hiring kit adds. Which
// words an advert uses depends on the answers: the server picks them (and
// checks at start-up that every answer has its words); this package only
// loads and checks the file.
type HiringKit struct {
	Words KitWords `yaml:"words"`
	// Situations say what the business is doing, by goal.
	Situations map[string]string `yaml:"situations"`
	// Today says what gets in the way, by problem.
	Today map[string]string `yaml:"today"`
	// Teams says whom the hire works with, by the size of the effort.
	Teams map[string]string `yaml:"teams"`
	// DeliverySituations open a delivery advert hired beside a product
	// manager, by goal; Work says what the kind of work involves, by goal,
	// in delivery adverts. Both optional for each goal.
	DeliverySituations map[string]string `yaml:"delivery_situations" kit:"optional"`
	Work               map[string]string `yaml:"work" kit:"optional"`
	Process            KitProcess        `yaml:"process"`
	Hires              []Hire            `yaml:"hires"`
	Competencies       []Competency      `yaml:"competencies"`
	Questions          []KitQuestion     `yaml:"questions"`
	WorkSamples        []WorkSample      `yaml:"work_samples"`
	Mistakes           []Mistake         `yaml:"mistakes"`
	NotYet             NotYet            `yaml:"not_yet"`

	yamlFile // for the server's checks of the words against the answers
}

// KitWords are the adverts' and the kit's headings and fixed lines.
type KitWords struct {
	PageTitle        string `yaml:"page_title"`
	PageTitlePlural  string `yaml:"page_title_plural"`
	Description      string `yaml:"description"`
	Lede             string `yaml:"lede"`
	DownloadMarkdown string `yaml:"download_markdown"`
	DownloadText     string `yaml:"download_text"`
	KitLink          string `yaml:"kit_link"`    // from the adverts to the brief
	JobAdLink        string `yaml:"job_ad_link"` // from the result and the brief to the adverts
	NoAdLink         string `yaml:"no_ad_link"`  // the same, when no hire is called for yet
	BackToResult     string `yaml:"back_to_result"`
	AboutCompany     string `yaml:"about_company"`
	AboutJob         string `yaml:"about_job"`
	Today            string `yaml:"today"` // before the problems ticked
	UnclearNeeds     string `yaml:"unclear_needs"`
	Decides          string `yaml:"decides"`
	Both             string `yaml:"both"` // {other}: the other role hired
	Team             string `yaml:"team"`
	First90Days      string `yaml:"first_90_days"`
	MustHaves        string `yaml:"must_haves"`
	Assessment       string `yaml:"assessment"`
	Timeline         string `yaml:"timeline"`
	Details          string `yaml:"details"`
	Location         string `yaml:"location"`
	RightToWork      string `yaml:"right_to_work"`
	ClosingDate      string `yaml:"closing_date"`
	Apply            string `yaml:"apply"`
	EqualOpportunity string `yaml:"equal_opportunity"`
	Adjustments      string `yaml:"adjustments"`
	// The employer's notes, kept out of the advert's text.
	BeforeYouPost string `yaml:"before_you_post"`
	FillNote      string `yaml:"fill_note"`
	PayNote       string `yaml:"pay_note"`
	PayLink       string `yaml:"pay_link"`
	PayLinkTo     string `yaml:"pay_link_to"`
	FirstHireNote string `yaml:"first_hire_note"`
	TaxNote       string `yaml:"tax_note"` // contract and fractional adverts
	// The kit's parts for each hire.
	Scorecard          string `yaml:"scorecard"`
	ScorecardHow       string `yaml:"scorecard_how"`
	Poor               string `yaml:"poor"` // the four anchors, 1 to 4
	Mixed              string `yaml:"mixed"`
	Good               string `yaml:"good"`
	Excellent          string `yaml:"excellent"`
	HireBar            string `yaml:"hire_bar"`
	HireBarText        string `yaml:"hire_bar_text"` // {competencies}
	ThenAsk            string `yaml:"then_ask"`
	GoodAnswer         string `yaml:"good_answer"`
	WorkSample         string `yaml:"work_sample"`
	Material           string `yaml:"material"` // heads the work sample's material
	Handout            string `yaml:"handout"`
	Judge              string `yaml:"judge"`
	RedFlags           string `yaml:"red_flags"`
	Fair               string `yaml:"fair"`
	Paid               string `yaml:"paid"`
	Unpaid             string `yaml:"unpaid"`
	Where              string `yaml:"where"`
	AdjustmentsWelcome string `yaml:"adjustments_welcome"`
	Mistakes           string `yaml:"mistakes"`
}

// KitProcess is how an owner runs the hiring, the same for every hire:
// the interview plan, the first call, references, what never to ask and
// the score sheet; each part with who uses it and when.
type KitProcess struct {
	Contents        string     `yaml:"contents"`
	Plan            string     `yaml:"plan"`
	PlanWhen        string     `yaml:"plan_when"`
	Step            string     `yaml:"step"`
	Who             string     `yaml:"who"`
	Length          string     `yaml:"length"`
	Steps           []PlanStep `yaml:"steps"`
	FirstCall       string     `yaml:"first_call"`
	FirstCallWhen   string     `yaml:"first_call_when"`
	FirstCallLines  []string   `yaml:"first_call_lines"`
	References      string     `yaml:"references"`
	ReferencesWhen  string     `yaml:"references_when"`
	ReferenceQs     []string   `yaml:"reference_questions"`
	NeverAsk        string     `yaml:"never_ask"`
	NeverAskWhen    string     `yaml:"never_ask_when"`
	NeverAskIntro   string     `yaml:"never_ask_intro"`
	NeverAskItems   []string   `yaml:"never_ask_items"`
	NeverAskInstead string     `yaml:"never_ask_instead"`
	ScoreSheet      string     `yaml:"score_sheet"`
	ScoreSheetWhen  string     `yaml:"score_sheet_when"`
	Candidate       string     `yaml:"candidate"`
	Interviewer     string     `yaml:"interviewer"`
	Date            string     `yaml:"date"`
	Competency      string     `yaml:"competency"`
	Score           string     `yaml:"score"`
	Evidence        string     `yaml:"evidence"`
	ScorecardWhen   string     `yaml:"scorecard_when"`
	QuestionsWhen   string     `yaml:"questions_when"`
	WorkSampleWhen  string     `yaml:"work_sample_when"`
	MistakesWhen    string     `yaml:"mistakes_when"`
}

// A PlanStep is one step of the interview plan: who runs it, how long it
// takes and what happens.
type PlanStep struct {
	Name   string `yaml:"name"`
	Who    string `yaml:"who"`
	Length string `yaml:"length"`
	What   string `yaml:"what"`
}

// A Hire is one kind of hire: its advert and its part of the kit.
type Hire struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"` // as in "the product manager"
	// Side is which problems the advert names: product, project or both.
	Side         string   `yaml:"side"`
	Ad           Ad       `yaml:"ad"`
	ScorecardIDs []string `yaml:"scorecard"`
	QuestionIDs  []string `yaml:"questions"`
	WorkSampleID string   `yaml:"work_sample"`
	MistakeIDs   []string `yaml:"mistakes"`
	// HireBarIDs are the scorecard's competencies a hire must score well.
	HireBarIDs []string `yaml:"hire_bar"`
	// PaidTask: the work sample is paid (contract and fractional hires).
	PaidTask bool `yaml:"paid_task"`

	// The parts named above, looked up when the file loads.
	HireBar    []Competency  `yaml:"-"`
	Scorecard  []Competency  `yaml:"-"`
	Questions  []KitQuestion `yaml:"-"`
	WorkSample WorkSample    `yaml:"-"`
	Mistakes   []Mistake     `yaml:"-"`
}

// An Ad is a hire's job advert, less the parts that depend on the answers.
type Ad struct {
	Title     string `yaml:"title"`
	Split     string `yaml:"split" kit:"optional"` // a combined job's only
	Problem   string `yaml:"problem"`
	FirstHire string `yaml:"first_hire"`
	// Decides says who decides what, by who decides what gets built today
	// (a decider answer, client-work, or default).
	Decides map[string]string `yaml:"decides"`
	Reports string            `yaml:"reports"`
	Hours   string            `yaml:"hours"` // the working pattern
	// Kind is employee or contractor (contract and fractional help: a day
	// rate or a retainer, never a salary, and a tax status to settle).
	Kind       string   `yaml:"kind"`
	Pay        string   `yaml:"pay"`
	Benefits   string   `yaml:"benefits"`
	Employment string   `yaml:"employment"` // the employment type, or the contract's term
	FirstDays  []string `yaml:"first_90_days"`
	MustHaves  []string `yaml:"must_haves"`
	Extra      string   `yaml:"extra" kit:"optional"`
	Assessment string   `yaml:"assessment"`
}

// DecidesFor returns what the hire decides for the first key that has
// words, else the default.
func (a Ad) DecidesFor(keys ...string) string {
	for _, k := range keys {
		if s, ok := a.Decides[k]; ok {
			return s
		}
	}
	return a.Decides["default"]
}

// Contractor reports whether the advert is for contract or fractional help.
func (a Ad) Contractor() bool { return a.Kind == "contractor" }

// A Competency is one line of a scorecard, with what a poor, mixed, good
// and excellent answer looks like (scores 1 to 4).
type Competency struct {
	ID        string `yaml:"id"`
	Name      string `yaml:"name"`
	Poor      string `yaml:"poor"`
	Mixed     string `yaml:"mixed"`
	Good      string `yaml:"good"`
	Excellent string `yaml:"excellent"`
}

// An Anchor is one of a competency's four scores: its label and what an
// answer that earns it looks like.
type Anchor struct{ Label, Text string }

// Anchors are the competency's four anchors, from 1 (poor) to 4.
func (c Competency) Anchors(k KitWords) []Anchor {
	return []Anchor{{k.Poor, c.Poor}, {k.Mixed, c.Mixed}, {k.Good, c.Good}, {k.Excellent, c.Excellent}}
}

// A KitQuestion is an interview question: a "tell us about a time…", a
// "how would you…" to follow it where useful, and what a good answer covers.
type KitQuestion struct {
	ID   string `yaml:"id"`
	Ask  string `yaml:"ask"`
	Then string `yaml:"then" kit:"optional"`
	Good string `yaml:"good"`
}

// A WorkSample is a task on made-up material, with how to judge it.
type WorkSample struct {
	ID       string   `yaml:"id"`
	Task     string   `yaml:"task"`
	Time     string   `yaml:"time"`
	Judge    []string `yaml:"judge"`
	RedFlags []string `yaml:"red_flags"`
	Pack     Pack     `yaml:"pack"`
}

// A Pack is a work sample's material, ready to hand out: a short text,
// lists and small tables, all made up.
type Pack struct {
	Intro  string      `yaml:"intro"`
	Lists  []PackList  `yaml:"lists"`
	Tables []PackTable `yaml:"tables" kit:"optional"`
}

// A PackList is a list in a work sample's material.
type PackList struct {
	Heading string   `yaml:"heading"`
	Items   []string `yaml:"items"`
}

// A PackTable is a small table in a work sample's material.
type PackTable struct {
	Heading string     `yaml:"heading"`
	Columns []string   `yaml:"columns"`
	Rows    [][]string `yaml:"rows"`
}

// A SamplePart is one list of a work sample, under its heading.
type SamplePart struct {
	Heading string
	Items   []string
}

// Parts are the work sample's lists in the order every format shows them,
// after its material: how to judge it, the red flags.
func (w WorkSample) Parts(k KitWords) []SamplePart {
	return []SamplePart{{k.Judge, w.Judge}, {k.RedFlags, w.RedFlags}}
}

// Fair is the hire's fair-process box for its work sample: whether it is
// paid, where it is done, and that adjustments are welcome.
func (h Hire) Fair(k KitWords) []string {
	paid := k.Unpaid
	if h.PaidTask {
		paid = k.Paid
	}
	return []string{paid, k.Where, k.AdjustmentsWelcome}
}

// HireBarText is the hire bar in words, naming its competencies.
func (h Hire) HireBarText(k KitWords) string {
	names := make([]string, len(h.HireBar))
	for i, c := range h.HireBar {
		names[i] = strings.ToLower(c.Name[:1]) + c.Name[1:]
	}
	list := strings.Join(names, ", ")
	if n := len(names); n > 1 {
		list = strings.Join(names[:n-1], ", ") + " and " + names[n-1]
	}
	return Fill(k.HireBarText, "competencies", list)
}

// A Mistake is a common hiring mistake, said as what to do instead.
type Mistake struct {
	ID   string `yaml:"id"`
	Text string `yaml:"text"`
}

// NotYet is the answer when it is too early to hire.
type NotYet struct {
	Title          string   `yaml:"title"`
	Why            string   `yaml:"why"`
	Meanwhile      string   `yaml:"meanwhile"`
	Cover          []string `yaml:"cover"`
	SignalsHeading string   `yaml:"signals_heading"`
	Signals        []string `yaml:"signals"`
	Link           string   `yaml:"link"`
	LinkTo         string   `yaml:"link_to"`
}

// Hire returns the hire with this id.
func (k *HiringKit) Hire(id string) (Hire, bool) {
	return find(k.Hires, func(h Hire) bool { return h.ID == id })
}

// The limits the contract sets on a kit.
const (
	maxMustHaves    = 6
	minCompetencies = 4
	maxCompetencies = 5
	minQuestions    = 4
	firstDays       = 3 // one a month
)

// exclusionary are the words and two-word phrases an advert must not use,
// in lower case. They are looked up word by word (Exclusionary), which
// costs a small fraction of a regular expression over every value at start.
var exclusionary = map[string]bool{
	"rockstar": true, "rockstars": true, "rock star": true, "rock stars": true,
	"ninja": true, "ninjas": true, "guru": true, "gurus": true,
	"young": true, "youthful": true, "digital native": true, "digital natives": true, "culture fit": true,
	"he": true, "his": true, "him": true, "himself": true,
	"pm": true, "pms": true,
}

// badTitle is what a job title must not say.
var badTitle = regexp.MustCompile(`(?i)\bPMs?\b|/|\bhead of\b`)

// kitPlaceholders are the placeholders a value must keep, by its key.
var kitPlaceholders = map[string][]string{"words.both": {"{other}"}, "words.hire_bar_text": {"{competencies}"}}

// bracketed are the advert lines that are the employer's to fill in, so
// must hold a [placeholder] (SPEC §8.2); each hire's pay, benefits,
// employment type and working pattern too.
var bracketed = []string{"words.location", "words.right_to_work", "words.closing_date", "words.apply", "words.timeline", "words.adjustments"}

// redFlagRight is what a work sample's red flag never names: asking for
// more time or an adjustment is a candidate's right.
var redFlagRight = regexp.MustCompile(`(?i)\b(time|adjust\w*|extension|disab\w*)\b`)

// salary is what a contract or fractional advert never says; rate is what
// its pay says instead.
var (
	salary = regexp.MustCompile(`(?i)\bsalar(y|ies)\b`)
	rate   = regexp.MustCompile(`(?i)\bday rate\b|\bretainer\b`)
)

// Exclusionary returns the first word or two-word phrase in s, as written,
// that an advert must not use; whole words, in any case.
func Exclusionary(s string) string {
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		lower := strings.ToLower(w)
		if i+1 < len(words) && exclusionary[lower+" "+strings.ToLower(words[i+1])] {
			return w + " " + words[i+1]
		}
		if exclusionary[lower] {
			return w
		}
	}
	return ""
}

func loadHiringKit(fsys fs.FS, file string) (HiringKit, []Link, error) {
	var k HiringKit
	lines, err := readYAML(fsys, file, &k)
	if err != nil {
		return HiringKit{}, nil, err
	}
	k.yamlFile = yamlFile{file, lines}
	var problems Problems
	bad := func(key, format string, args ...any) {
		problems.add(k.At(key, format, args...))
	}
	eachValue(reflect.ValueOf(&k).Elem(), "", false, func(key, s string, optional bool) {
		if strings.TrimSpace(s) == "" {
			if !optional {
				bad(key, "%s is required", key)
			}
			return
		}
		if w := Exclusionary(s); w != "" {
			bad(key, "%s: %q shuts some readers out or is jargon; say it another way", key, w)
		}
		for _, p := range kitPlaceholders[key] {
			if !strings.Contains(s, p) {
				bad(key, "%s must keep %s", key, p)
			}
		}
		if slices.Contains(bracketed, key) && !strings.Contains(s, "[") {
			bad(key, "%s is the employer's to fill in: keep a [placeholder]", key)
		}
	})

	competencies := index(k.Competencies, func(c Competency) string { return c.ID }, "competencies", bad)
	questions := index(k.Questions, func(q KitQuestion) string { return q.ID }, "questions", bad)
	samples := index(k.WorkSamples, func(w WorkSample) string { return w.ID }, "work_samples", bad)
	mistakes := index(k.Mistakes, func(m Mistake) string { return m.ID }, "mistakes", bad)
	index(k.Hires, func(h Hire) string { return h.ID }, "hires", bad)
	for i, w := range k.WorkSamples {
		for j, f := range w.RedFlags {
			if m := redFlagRight.FindString(f); m != "" {
				bad(fmt.Sprintf("work_samples[%d].red_flags[%d]", i, j), "work sample %s: a red flag never names %q: asking for more time or an adjustment is a candidate's right", w.ID, m)
			}
		}
		for j, tb := range w.Pack.Tables {
			for r, row := range tb.Rows {
				if len(row) != len(tb.Columns) {
					bad(fmt.Sprintf("work_samples[%d].pack.tables[%d].rows[%d]", i, j, r), "work sample %s: a row of %d cells under %d columns", w.ID, len(row), len(tb.Columns))
				}
			}
		}
	}
	for i, q := range k.Questions {
		key := fmt.Sprintf("questions[%d]", i)
		if !strings.HasPrefix(q.Ask, "Tell us about ") {
			bad(key+".ask", "question %s: ask for evidence: start with \"Tell us about \"", q.ID)
		}
		if q.Then != "" && !strings.HasPrefix(q.Then, "How would you ") {
			bad(key+".then", "question %s: the follow-up starts with \"How would you \"", q.ID)
		}
	}
	for i := range k.Hires {
		h := &k.Hires[i]
		key := fmt.Sprintf("hires[%d]", i)
		ad := h.Ad
		if !slices.Contains([]string{"product", "project", "both"}, h.Side) {
			bad(key+".side", "hire %s: side is product, project or both", h.ID)
		}
		if m := badTitle.FindString(ad.Title); m != "" {
			bad(key+".ad.title", "hire %s: write the title in full, as one job led by one role (not %q)", h.ID, m)
		}
		switch {
		case h.Side == "both" && !strings.Contains(ad.Split, "[about 70/30]"):
			bad(key+".ad.split", "hire %s: a combined job says its split, with the placeholder [about 70/30]", h.ID)
		case h.Side != "both" && ad.Split != "":
			bad(key+".ad.split", "hire %s: only a combined job has a split", h.ID)
		}
		for _, f := range []struct{ name, s string }{{"pay", ad.Pay}, {"benefits", ad.Benefits}, {"employment", ad.Employment}, {"hours", ad.Hours}} {
			if f.s != "" && !strings.Contains(f.s, "[") {
				bad(key+".ad."+f.name, "hire %s: %s is the employer's to fill in: keep a [placeholder]", h.ID, f.name)
			}
		}
		switch ad.Kind {
		case "employee":
		case "contractor":
			said := false
			eachValue(reflect.ValueOf(ad), "", false, func(k, s string, _ bool) {
				if m := salary.FindString(s); m != "" && !said {
					said = true
					bad(key+".ad."+k, "hire %s: contract or fractional help is never paid a %q: say day rate or a retainer", h.ID, m)
				}
			})
			if !said && !rate.MatchString(ad.Pay) {
				bad(key+".ad.pay", "hire %s: contract or fractional help is paid a day rate or a retainer: say which", h.ID)
			}
			if !h.PaidTask {
				bad(key+".paid_task", "hire %s: pay senior, contract and fractional candidates for the work sample", h.ID)
			}
		default:
			bad(key+".ad.kind", "hire %s: kind is employee or contractor", h.ID)
		}
		if ad.Decides["default"] == "" {
			bad(key+".ad.decides", "hire %s: decides needs a default", h.ID)
		}
		if len(ad.FirstDays) != firstDays {
			bad(key+".ad.first_90_days", "hire %s: first_90_days has one line a month: %d, not %d", h.ID, firstDays, len(ad.FirstDays))
		}
		if n := len(ad.MustHaves); n < 1 || n > maxMustHaves {
			bad(key+".ad.must_haves", "hire %s: 1 to %d must-haves, not %d", h.ID, maxMustHaves, n)
		}
		if h.Side == "product" {
			for j, m := range ad.MustHaves {
				if certificate.MatchString(m) {
					bad(fmt.Sprintf("%s.ad.must_haves[%d]", key, j), "hire %s: a product role asks for evidence of work, never a certificate or degree", h.ID)
				}
			}
		}
		if n := len(h.ScorecardIDs); n < minCompetencies || n > maxCompetencies {
			bad(key+".scorecard", "hire %s: a scorecard has %d to %d competencies, not %d", h.ID, minCompetencies, maxCompetencies, n)
		}
		if n := len(h.QuestionIDs); n < minQuestions {
			bad(key+".questions", "hire %s: at least %d questions, not %d", h.ID, minQuestions, n)
		}
		if len(h.MistakeIDs) == 0 {
			bad(key+".mistakes", "hire %s: mistakes is required", h.ID)
		}
		h.Scorecard = lookUp(h.ScorecardIDs, competencies, key+".scorecard", "competency", bad)
		h.HireBar = lookUp(h.HireBarIDs, competencies, key+".hire_bar", "competency", bad)
		for j, id := range h.HireBarIDs {
			if !slices.Contains(h.ScorecardIDs, id) {
				bad(fmt.Sprintf("%s.hire_bar[%d]", key, j), "hire %s: the hire bar names %s, which is not on its scorecard", h.ID, id)
			}
		}
		h.Questions = lookUp(h.QuestionIDs, questions, key+".questions", "question", bad)
		h.Mistakes = lookUp(h.MistakeIDs, mistakes, key+".mistakes", "mistake", bad)
		if ws := lookUp([]string{h.WorkSampleID}, samples, key+".work_sample", "work sample", bad); len(ws) == 1 {
			h.WorkSample = ws[0]
		}
	}
	var links []Link
	for _, l := range []struct{ key, url string }{{"words.pay_link_to", k.Words.PayLinkTo}, {"not_yet.link_to", k.NotYet.LinkTo}} {
		if l.url != "" {
			links = append(links, Link{File: file, Line: k.lines.nearest(l.key), URL: l.url})
		}
	}
	if err := problems.err(); err != nil {
		return HiringKit{}, nil, err
	}
	return k, links, nil
}

// certificate is what a product role's must-haves never ask for.
var certificate = regexp.MustCompile(`(?i)\b(PMP|PRINCE2|certifi\w*|certificate|degree|scrum|years?)\b`)

// index maps each item's id to the item, reporting repeated ids (eachValue
// reports missing ones).
func index[T any](items []T, id func(T) string, key string, bad func(key, format string, args ...any)) map[string]T {
	m := map[string]T{}
	for i, it := range items {
		name := id(it)
		if _, dup := m[name]; dup && name != "" {
			bad(fmt.Sprintf("%s[%d].id", key, i), "%s: %s appears twice", key, name)
		}
		m[name] = it
	}
	return m
}

// lookUp returns the items named by ids, reporting any that do not exist.
func lookUp[T any](ids []string, items map[string]T, key, kind string, bad func(key, format string, args ...any)) []T {
	var out []T
	for i, id := range ids {
		it, ok := items[id]
		if !ok {
			bad(fmt.Sprintf("%s[%d]", key, i), "no %s %q", kind, id)
			continue
		}
		out = append(out, it)
	}
	return out
}
