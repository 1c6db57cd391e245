package templates

import (
	"fmt"
	"io"
	"strings"

	"github.com/guide/pmvspm/content"
)

// A Brief is the hiring brief for one recommendation, and the hiring kit:
// for each role to hire, why, what it does and needs (from the guide), a
// scorecard, interview questions with what a good answer covers, and a
// work sample; then the mistakes to avoid. The HTML page, the PDF and the
// Markdown file all show exactly this, in this order.
type Brief struct {
	Need    string // whom to hire: "a product manager", or both roles
	Summary string // the recommendation in one sentence
	URL     string // the absolute address of the result
	// Why explains the outcome, with its guide link; empty for an old link.
	Why      ReasonView
	Parts    []BriefPart // what one person leads with, or who covers the work meanwhile
	Split    string      // how the roles divide the work; only for both
	Notes    []string
	Roles    []BriefRole       // none for "not yet"
	Mistakes []content.Mistake // for every role hired, each once
	Words    content.BriefWords
	Kit      content.KitWords
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
		for _, it := range p.Items {
			fmt.Fprintf(&s, "- %s\n", it)
		}
		if len(p.Items) > 0 {
			s.WriteString("\n")
		}
	}
	if b.Split != "" {
		fmt.Fprintf(&s, "## %s\n\n%s\n\n", b.Words.Split, b.Split)
	}
	for _, n := range b.Notes {
		fmt.Fprintf(&s, "%s\n\n", n)
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
	if len(b.Mistakes) > 0 {
		fmt.Fprintf(&s, "## %s\n\n", b.Kit.Mistakes)
		for _, m := range b.Mistakes {
			fmt.Fprintf(&s, "- %s\n", m.Text)
		}
	}
	_, err := io.WriteString(w, strings.TrimSuffix(s.String(), "\n"))
	return err
}

// writeKitMarkdown writes a role's scorecard, questions and work sample.
func writeKitMarkdown(s *strings.Builder, b Brief, role BriefRole) {
	k, h := b.Kit, role.Hire
	fmt.Fprintf(s, "\n### %s\n\n%s\n\n", k.Scorecard, k.ScorecardHow)
	for _, c := range h.Scorecard {
		fmt.Fprintf(s, "#### %s\n\n- **%s**: %s\n- **%s**: %s\n- %s\n\n", c.Name, k.Strong, c.Strong, k.Weak, c.Weak, k.Score)
	}
	fmt.Fprintf(s, "### %s\n\n", b.QuestionsHeading(role))
	for i, q := range h.Questions {
		fmt.Fprintf(s, "%d. %s\n", i+1, q.Ask)
		if q.Then != "" {
			fmt.Fprintf(s, "   %s %s\n", k.ThenAsk, q.Then)
		}
		fmt.Fprintf(s, "   %s: %s\n", k.GoodAnswer, q.Good)
	}
	ws := h.WorkSample
	fmt.Fprintf(s, "\n### %s\n\n%s\n\n%s\n\n", k.WorkSample, ws.Task, ws.Time)
	for _, part := range ws.Parts(k) {
		fmt.Fprintf(s, "#### %s\n\n", part.Heading)
		for _, it := range part.Items {
			fmt.Fprintf(s, "- %s\n", it)
		}
		s.WriteString("\n")
	}
}

func writeChecklist(s *strings.Builder, items []content.Item) {
	for _, it := range items {
		fmt.Fprintf(s, "- [ ] **%s**: %s\n", it.Term, it.Detail)
	}
}

func slugify(s string) string { return strings.ReplaceAll(strings.ToLower(s), " ", "-") }
