package templates

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/guide/pmvspm/content"
)

// A Brief is the hiring kit for one recommendation: the answer, then the
// interview plan and the first-call script; for each role to hire, why,
// what it does and needs (from the guide), a scorecard with four anchors
// and a hire bar, interview questions with what a good answer covers, and
// a work sample with its material; then reference questions, what never
// to ask, the mistakes to avoid and a score sheet per role. The HTML page,
// the PDF and the Markdown file all show exactly this, in this order.
type Brief struct {
	Need    string // whom to hire: "a product manager", or both roles
	Summary string // the recommendation in one sentence
	URL     string // the absolute address of the result
	Panel   string // the outcome's colour class (PanelClass): its panel's, and its PDF's
	// Why explains the outcome, with its guide link; empty for an old link.
	Why      ReasonView
	Parts    []BriefPart // what one person leads with, or who covers the work meanwhile
	Split    string      // how the roles divide the work; only for both
	Notes    []string
	Roles    []BriefRole       // none for "not yet"
	Mistakes []content.Mistake // for every role hired, each once
	Words    content.BriefWords
	Kit      content.KitWords
	Process  content.KitProcess
}

// A BriefPart is one part of the result and the brief beside the reasons:
// a heading, a paragraph, a list, and the guide link that explains it.
type BriefPart struct {
	Heading string
	Text    string
	Items   []string
	Link    ReasonView // Text unused
}

// A BriefRole is one role to hire: why, its checklists, and its part of
// the kit.
type BriefRole struct {
	Name    string // "product manager"
	Need    string // "a product manager"
	Why     []ReasonView
	Profile content.Profile
	Hire    content.Hire // its scorecard, questions and work sample
}

// A ReasonView is one reason that fired, in words, with its guide link.
type ReasonView struct {
	Text      string
	Link      string
	LinkLabel string
}

// Title is the brief's title, the same in every format.
func (b Brief) Title() string { return content.Fill(b.Words.Title, "role", b.Need) }

// Headings of a role's part of the brief, the same in every format.
func (b Brief) RoleHeading(r BriefRole) string {
	return content.Fill(b.Words.RoleHeading, "role", r.Name)
}
func (b Brief) WhyHeading(r BriefRole) string { return content.Fill(b.Words.Why, "role", r.Need) }
func (b Brief) QuestionsHeading(r BriefRole) string {
	return content.Fill(b.Words.Questions, "role", r.Name)
}

// WriteMarkdown writes the brief as a Markdown document.
func (b Brief) WriteMarkdown(w io.Writer) error {
	var s strings.Builder
	fmt.Fprintf(&s, "# %s\n\n", b.Title())
	fmt.Fprintf(&s, "%s <%s>\n\n", b.Words.ResultLabel, b.URL)
	fmt.Fprintf(&s, "%s\n\n", b.Summary)
	if b.Why.Text != "" {
		fmt.Fprintf(&s, "%s\n\n", b.Why.Text)
	}
	for _, p := range b.Parts {
		fmt.Fprintf(&s, "## %s\n\n", p.Heading)
		if p.Text != "" {
			fmt.Fprintf(&s, "%s\n\n", p.Text)
		}
		if len(p.Items) > 0 {
			writeBullets(&s, p.Items)
		}
	}
	if b.Split != "" {
		fmt.Fprintf(&s, "## %s\n\n%s\n\n", b.Words.Split, b.Split)
	}
	for _, n := range b.Notes {
		fmt.Fprintf(&s, "%s\n\n", n)
	}
	pr := b.Process
	if len(b.Roles) > 0 {
		fmt.Fprintf(&s, "## %s\n\n_%s_\n\n", pr.Plan, pr.PlanWhen)
		for _, st := range pr.Steps {
			fmt.Fprintf(&s, "- **%s** (%s: %s; %s: %s). %s\n", st.Name, pr.Who, st.Who, pr.Length, st.Length, st.What)
		}
		fmt.Fprintf(&s, "\n## %s\n\n_%s_\n\n", pr.FirstCall, pr.FirstCallWhen)
		writeNumbered(&s, pr.FirstCallLines)
	}
	for _, role := range b.Roles {
		fmt.Fprintf(&s, "## %s\n\n### %s\n\n", b.RoleHeading(role), b.WhyHeading(role))
		for _, r := range role.Why {
			fmt.Fprintf(&s, "- %s\n", r.Text)
		}
		fmt.Fprintf(&s, "\n### %s\n\n", b.Words.Responsibilities)
		writeChecklist(&s, role.Profile.Responsibilities)
		fmt.Fprintf(&s, "\n### %s\n\n", b.Words.Skills)
		writeChecklist(&s, role.Profile.Skills)
		writeKitMarkdown(&s, b, role)
	}
	if len(b.Roles) > 0 {
		fmt.Fprintf(&s, "## %s\n\n_%s_\n\n", pr.References, pr.ReferencesWhen)
		writeNumbered(&s, pr.ReferenceQs)
		fmt.Fprintf(&s, "## %s\n\n_%s_\n\n%s\n\n", pr.NeverAsk, pr.NeverAskWhen, pr.NeverAskIntro)
		writeBullets(&s, pr.NeverAskItems)
		fmt.Fprintf(&s, "%s\n\n", pr.NeverAskInstead)
	}
	if len(b.Mistakes) > 0 {
		fmt.Fprintf(&s, "## %s\n\n_%s_\n\n", b.Kit.Mistakes, pr.MistakesWhen)
		for _, m := range b.Mistakes {
			fmt.Fprintf(&s, "- %s\n", m.Text)
		}
		s.WriteString("\n")
	}
	for _, role := range b.Roles {
		fmt.Fprintf(&s, "## %s: %s\n\n_%s_\n\n", pr.ScoreSheet, b.RoleHeading(role), pr.ScoreSheetWhen)
		fmt.Fprintf(&s, "%s ____________  %s ____________  %s ________\n\n", pr.Candidate, pr.Interviewer, pr.Date)
		fmt.Fprintf(&s, "| %s | %s | %s |\n| --- | --- | --- |\n", pr.Competency, pr.Score, pr.Evidence)
		for _, c := range role.Hire.Scorecard {
			fmt.Fprintf(&s, "| %s |  |  |\n", c.Name)
		}
		fmt.Fprintf(&s, "\n**%s**: %s\n\n", b.Kit.HireBar, role.Hire.HireBarText(b.Kit))
	}
	_, err := io.WriteString(w, strings.TrimSuffix(s.String(), "\n"))
	return err
}

// writeNumbered writes a numbered list and the blank line after it.
func writeNumbered(s *strings.Builder, items []string) {
	for i, it := range items {
		fmt.Fprintf(s, "%d. %s\n", i+1, it)
	}
	s.WriteString("\n")
}

// writeKitMarkdown writes a role's scorecard, hire bar, questions and work
// sample with its material.
func writeKitMarkdown(s *strings.Builder, b Brief, role BriefRole) {
	k, h, pr := b.Kit, role.Hire, b.Process
	fmt.Fprintf(s, "\n### %s\n\n_%s_\n\n%s\n\n", k.Scorecard, pr.ScorecardWhen, k.ScorecardHow)
	for _, c := range h.Scorecard {
		fmt.Fprintf(s, "#### %s\n\n", c.Name)
		for _, a := range c.Anchors(k) {
			fmt.Fprintf(s, "- **%s**: %s\n", a.Label, a.Text)
		}
		s.WriteString("\n")
	}
	fmt.Fprintf(s, "**%s**: %s\n\n", k.HireBar, h.HireBarText(k))
	fmt.Fprintf(s, "### %s\n\n_%s_\n\n", b.QuestionsHeading(role), pr.QuestionsWhen)
	for i, q := range h.Questions {
		fmt.Fprintf(s, "%d. %s\n", i+1, q.Ask)
		if q.Then != "" {
			fmt.Fprintf(s, "   %s %s\n", k.ThenAsk, q.Then)
		}
		fmt.Fprintf(s, "   %s: %s\n", k.GoodAnswer, q.Good)
	}
	ws := h.WorkSample
	fmt.Fprintf(s, "\n### %s\n\n_%s_\n\n%s\n\n%s\n\n", k.WorkSample, pr.WorkSampleWhen, ws.Task, ws.Time)
	fmt.Fprintf(s, "#### %s\n\n", k.Fair)
	writeBullets(s, h.Fair(k))
	writePackMarkdown(s, k, ws.Pack)
	for _, part := range ws.Parts(k) {
		fmt.Fprintf(s, "#### %s\n\n", part.Heading)
		writeBullets(s, part.Items)
	}
}

// writePackMarkdown writes a work sample's material: its text, lists and
// tables.
func writePackMarkdown(s *strings.Builder, k content.KitWords, p content.Pack) {
	fmt.Fprintf(s, "#### %s\n\n_%s_\n\n%s\n\n", k.Material, k.Handout, p.Intro)
	for _, l := range p.Lists {
		fmt.Fprintf(s, "**%s**\n\n", l.Heading)
		writeBullets(s, l.Items)
	}
	for _, t := range p.Tables {
		fmt.Fprintf(s, "**%s**\n\n| %s |\n|%s\n", t.Heading, strings.Join(t.Columns, " | "), strings.Repeat(" --- |", len(t.Columns)))
		for _, r := range t.Rows {
			fmt.Fprintf(s, "| %s |\n", strings.Join(r, " | "))
		}
		s.WriteString("\n")
	}
}

// writeBullets writes a bulleted list and the blank line after it.
func writeBullets(s *strings.Builder, items []string) {
	for _, it := range items {
		fmt.Fprintf(s, "- %s\n", it)
	}
	s.WriteString("\n")
}

func writeChecklist(s *strings.Builder, items []content.Item) {
	for _, it := range items {
		fmt.Fprintf(s, "- [ ] **%s**: %s\n", it.Term, it.Detail)
	}
}

// A ContentsEntry is one line of the kit's contents: a part's heading
// and its id on the page.
type ContentsEntry struct{ ID, Text string }

// Contents are the kit's parts, in the page's order, for its contents list.
func (b Brief) Contents() []ContentsEntry {
	pr := b.Process
	out := []ContentsEntry{{"plan", pr.Plan}, {"first-call", pr.FirstCall}}
	for _, r := range b.Roles {
		out = append(out, ContentsEntry{"role-" + slugify(r.Name), b.RoleHeading(r)})
	}
	out = append(out, ContentsEntry{"references", pr.References}, ContentsEntry{"never-ask", pr.NeverAsk})
	if len(b.Mistakes) > 0 {
		out = append(out, ContentsEntry{"mistakes", b.Kit.Mistakes})
	}
	for _, r := range b.Roles {
		out = append(out, ContentsEntry{"score-sheet-" + slugify(r.Name), pr.ScoreSheet + ": " + b.RoleHeading(r)})
	}
	return out
}

// slugify makes an id of a name: lower case, words joined by hyphens,
// nothing but letters, digits and hyphens.
func slugify(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), "-")
}
