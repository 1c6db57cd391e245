package templates

import (
	"fmt"
	"io"
	"strings"

	"github.com/guide/pmvspm/content"
)

// A Brief is the hiring brief for one recommendation: for each role to
// hire, why, what it does and needs (from the guide), and what to ask in
// the interview. The HTML page, the PDF and the Markdown file all show
// exactly this, in this order.
type Brief struct {
	Need    string // whom to hire: "a product manager", or both roles
	Summary string // the recommendation in one sentence
	URL     string // the absolute address of the result
	// Why explains the outcome, with its guide link; empty for an old link.
	Why   ReasonView
	Parts []BriefPart // what one person leads with, or who covers the work meanwhile
	Split string      // how the roles divide the work; only for both
	Notes []string
	Roles []BriefRole // none for "not yet"
	Words content.BriefWords
}

// A BriefPart is one part of the result and the brief beside the reasons:
// a heading, a paragraph, a list, and the guide link that explains it.
type BriefPart struct {
	Heading string
	Text    string
	Items   []string
	Link    ReasonView // Text unused
}

// A BriefRole is one role to hire: why, its checklists, and the interview
// questions that follow from the reasons.
type BriefRole struct {
	Name      string // "product manager"
	Need      string // "a product manager"
	Words     content.BriefWords
	Why       []ReasonView
	Profile   content.Profile
	Questions []string
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
func (r BriefRole) Heading() string          { return content.Fill(r.Words.RoleHeading, "role", r.Name) }
func (r BriefRole) WhyHeading() string       { return content.Fill(r.Words.Why, "role", r.Need) }
func (r BriefRole) QuestionsHeading() string { return content.Fill(r.Words.Questions, "role", r.Name) }

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
		fmt.Fprintf(&s, "## %s\n\n### %s\n\n", role.Heading(), role.WhyHeading())
		for _, r := range role.Why {
			fmt.Fprintf(&s, "- %s\n", r.Text)
		}
		fmt.Fprintf(&s, "\n### %s\n\n", b.Words.Responsibilities)
		writeChecklist(&s, role.Profile.Responsibilities)
		fmt.Fprintf(&s, "\n### %s\n\n", b.Words.Skills)
		writeChecklist(&s, role.Profile.Skills)
		fmt.Fprintf(&s, "\n### %s\n\n", role.QuestionsHeading())
		for i, q := range role.Questions {
			fmt.Fprintf(&s, "%d. %s\n", i+1, q)
		}
		s.WriteString("\n")
	}
	_, err := io.WriteString(w, strings.TrimSuffix(s.String(), "\n"))
	return err
}

func writeChecklist(s *strings.Builder, items []content.Item) {
	for _, it := range items {
		fmt.Fprintf(s, "- [ ] **%s**: %s\n", it.Term, it.Detail)
	}
}

func slugify(s string) string { return strings.ReplaceAll(strings.ToLower(s), " ", "-") }
