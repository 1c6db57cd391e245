package content_test

import (
	"strings"
	"testing"

	"github.com/guide/pmvspm/content"
)

func TestLoadHiringKitErrors(t *testing.T) {
	const file = "hiringkit.yaml"
	testLoadErrors(t, []loadErrorCase{
		{
			name: "unknown key in an advert",
			edit: replace(file, "      title: \"Project manager\"\n", "      title: \"Project manager\"\n      salary: \"£1\"\n"),
			file: file, at: "      salary: \"£1\"", reason: `unknown field "salary"`,
		},
		{
			name: "missing problem, reported at its advert",
			edit: replace(file, "      problem: \"We need someone to plan the work and see it through: dates that hold, spending in check, and everyone knowing what is due from whom.\"\n", ""),
			file: file, line: 0, at: "    ad:\n      title: \"Project manager\"", reason: "hires[1].ad.problem is required",
		},
		{
			name: "empty heading",
			edit: replace(file, `  scorecard: "Scorecard"`, `  scorecard: ""`),
			file: file, at: `  scorecard: ""`, reason: "words.scorecard is required",
		},
		{
			name: "exclusionary word",
			edit: replace(file, "You have kept a list of risks that", "You are a rockstar who keeps a list of risks that"),
			file: file, at: "You are a rockstar", reason: `"rockstar"`,
		},
		{
			name: "he instead of they",
			edit: replace(file, "default: \"You decide the plan, and whether", "default: \"He decides the plan, and whether"),
			file: file, at: "He decides the plan", reason: `"He"`,
		},
		{
			name: "a combined title with a slash",
			edit: replace(file, `title: "Product manager, also running delivery for one team"`, `title: "Product/Project Manager"`),
			file: file, at: `title: "Product/Project Manager"`, reason: "write the title in full",
		},
		{
			name: "head of for a first hire",
			edit: replace(file, `title: "Project manager"`, `title: "Head of Projects"`),
			file: file, at: `title: "Head of Projects"`, reason: "write the title in full",
		},
		{
			name: "the abbreviation",
			edit: replace(file, `title: "Product manager"`, `title: "Senior PM"`),
			file: file, at: `title: "Senior PM"`, reason: `"PM"`,
		},
		{
			name: "split without its placeholder",
			edit: replace(file, `split: "The job is [about 70/30] product work and delivery`, `split: "The job is mostly product work and delivery`),
			file: file, at: `split: "The job is mostly`, reason: "[about 70/30]",
		},
		{
			name: "a certificate as a product must-have",
			edit: replace(file, "        - \"You have measured whether something you shipped worked, and acted on it.\"\n", "        - \"You hold a PMP certificate.\"\n"),
			file: file, at: "You hold a PMP certificate.", reason: "never a certificate",
		},
		{
			name: "seven must-haves",
			edit: replace(file, "        - \"You have kept a list of risks that changed decisions.\"\n", "        - \"You have kept a list of risks that changed decisions.\"\n        - \"You have run a meeting.\"\n"),
			file: file, at: "      must_haves:\n        - \"You have planned and delivered a project with a budget, a schedule and several people.\"\n        - \"You have spotted a date at risk early, and changed the date or scope in time.\"\n        - \"You have brought an overspending project back within budget, or said plainly why not.\"\n        - \"You have kept people who do not report to you working to one plan.\"\n        - \"You have kept a list", reason: "1 to 6 must-haves, not 7",
		},
		{
			name: "unknown competency",
			edit: replace(file, "scorecard: [planning, risk, budget, coordination, reporting]", "scorecard: [planning, risk, budget, coordination, reportng]"),
			file: file, at: "scorecard: [planning, risk, budget, coordination, reportng]", reason: `no competency "reportng"`,
		},
		{
			name: "a scorecard too short",
			edit: replace(file, "scorecard: [planning, risk, budget, handover]", "scorecard: [planning, risk, budget]"),
			file: file, at: "scorecard: [planning, risk, budget]", reason: "4 to 5 competencies, not 3",
		},
		{
			name: "a hypothetical question only",
			edit: replace(file, `ask: "Tell us about a time you turned down a request from someone senior."`, `ask: "How would you turn down a request from someone senior?"`),
			file: file, at: `ask: "How would you turn down`, reason: "ask for evidence",
		},
		{
			name: "a competency written twice",
			edit: replace(file, "competencies:\n", "competencies:\n  - id: discovery\n    name: \"x\"\n    poor: \"x\"\n    mixed: \"x\"\n    good: \"x\"\n    excellent: \"x\"\n"),
			file: file, at: "  - id: discovery\n    name: \"Finding out", reason: "discovery appears twice",
		},
		{
			name: "a competency with three anchors",
			edit: replace(file, "    mixed: \"Bad news waited for the next meeting, or was softened.\"\n", ""),
			file: file, line: 0, at: "  - id: reporting\n", reason: "competencies[9].mixed is required",
		},
		{
			name: "a salary for contract help",
			edit: replace(file, `pay: "Day rate: [rate, from lowest to highest]"`, `pay: "Salary: [rate, from lowest to highest]"`),
			file: file, at: `pay: "Salary: [rate`, reason: "day rate or a retainer",
		},
		{
			name: "a salary elsewhere in a fractional advert",
			edit: replace(file, `employment: "Contract: a contract for services,`, `employment: "Contract: not a salary,`),
			file: file, at: `employment: "Contract: not a salary,`, reason: `never paid a "salary"`,
		},
		{
			name: "an unpaid task for contract help",
			edit: replace(file, "    hire_bar: [planning, handover]\n    paid_task: true", "    hire_bar: [planning, handover]\n    paid_task: false"),
			file: file, at: "    paid_task: false\n    mistakes: [title-mix-up, project-manager-decides, live-problem]", reason: "pay senior, contract and fractional candidates",
		},
		{
			name: "a red flag for asking for time",
			edit: replace(file, `"Everything fits into six weeks."`, `"They ask for more time."`),
			file: file, at: `"They ask for more time."`, reason: `never names "time"`,
		},
		{
			name: "a detail with nothing to fill in",
			edit: replace(file, `closing_date: "Closing date: [date]"`, `closing_date: "Closing date: soon"`),
			file: file, at: `closing_date: "Closing date: soon"`, reason: "keep a [placeholder]",
		},
		{
			name: "a hire bar off the scorecard",
			edit: replace(file, "hire_bar: [planning, risk]", "hire_bar: [planning, discovery]"),
			file: file, at: "hire_bar: [planning, discovery]", reason: "not on its scorecard",
		},
		{
			name: "a pack's row short of a cell",
			edit: replace(file, `- ["Go-live", "15 September", "30 September", "At risk"]`, `- ["Go-live", "15 September", "30 September"]`),
			file: file, at: `- ["Go-live", "15 September", "30 September"]`, reason: "a row of 3 cells under 4 columns",
		},
		{
			name: "a link to a heading the guide lacks",
			edit: replace(file, `pay_link_to: "/guide/career-path#pay"`, `pay_link_to: "/guide/career-path#salary"`),
			file: file, at: `pay_link_to:`, reason: `no heading with id "salary"`,
		},
	})
}

// TestHiringKitLoaded checks what the real file gives: every hire the
// outcomes need, each with its parts looked up.
func TestHiringKitLoaded(t *testing.T) {
	site := mustLoad(t)
	k := site.HiringKit
	for _, id := range []string{"product-manager", "project-manager", "one-person-product", "one-person-project", "fractional-product", "contract-project"} {
		h, ok := k.Hire(id)
		if !ok {
			t.Errorf("no hire %s", id)
			continue
		}
		if len(h.Scorecard) < 4 || len(h.Scorecard) > 5 || len(h.Questions) < 4 || h.WorkSample.Task == "" || len(h.Mistakes) == 0 || len(h.HireBar) == 0 || h.WorkSample.Pack.Intro == "" {
			t.Errorf("%s: %d competencies, %d questions, work sample %q, %d mistakes", id, len(h.Scorecard), len(h.Questions), h.WorkSample.ID, len(h.Mistakes))
		}
		if h.Ad.DecidesFor("no-such-answer") != h.Ad.Decides["default"] {
			t.Errorf("%s: DecidesFor does not fall back to the default", id)
		}
	}
	for s, want := range map[string]string{
		"a rock star": "rock star", "Rockstars wanted": "Rockstars", "Young team": "Young", "his team": "his",
		"for digital natives.": "digital natives", "a PM’s week": "PM", "(he)": "he", "our culture fit": "culture fit",
	} {
		if got := content.Exclusionary(s); got != want {
			t.Errorf("Exclusionary(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range []string{"the team", "this job", "PMP or PRINCE2", "theirs", "a rock, a star", "digital", "hero"} {
		if got := content.Exclusionary(s); got != "" {
			t.Errorf("Exclusionary(%q) = %q", s, got)
		}
	}
	if !strings.Contains(k.Words.Both, "{other}") {
		t.Error("words.both lost {other}")
	}
}
