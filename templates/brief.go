package templates

import (
	"fmt"
	"io"
	"strings"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/web/decision"
)

// A Brief is the hiring brief for one recommendation: what each recommended
// role does and needs (from the guide), why, and what to ask in interviews.
type Brief struct {
	Recommendation decision.Recommendation
	Roles          []BriefRole
	Reasons        []ReasonView
	Questions      []string
	Split          string // how the roles divide the work; only for Both
	URL            string // the result page the brief belongs to
}

// A BriefRole is one role to hire, with its checklists.
type BriefRole struct {
	Name    string
	Profile content.Profile
}

// A ReasonView is one reason that fired, in words, with its guide link.
type ReasonView struct {
	Text      string
	Link      string
	LinkLabel string
}

// RoleName is the recommendation in words.
func RoleName(r decision.Recommendation) string {
	switch r {
	case decision.ProductManager:
		return "a product manager"
	case decision.ProjectManager:
		return "a project manager"
	default:
		return "both a product manager and a project manager"
	}
}

// WriteMarkdown writes the brief as a Markdown document.
func (b Brief) WriteMarkdown(w io.Writer) error {
	var s strings.Builder
	fmt.Fprintf(&s, "# Hiring brief: %s\n\n", RoleName(b.Recommendation))
	fmt.Fprintf(&s, "Recommendation from the questionnaire at %s\n\n", b.URL)
	if b.Split != "" {
		fmt.Fprintf(&s, "## How the two roles split the work\n\n%s\n\n", b.Split)
	}
	s.WriteString("## Why this role\n\n")
	for _, r := range b.Reasons {
		fmt.Fprintf(&s, "- %s\n", r.Text)
	}
	for _, role := range b.Roles {
		fmt.Fprintf(&s, "\n## The %s\n\n### Responsibilities\n\n", role.Name)
		writeChecklist(&s, role.Profile.Responsibilities)
		s.WriteString("\n### Skills to look for\n\n")
		writeChecklist(&s, role.Profile.Skills)
	}
	s.WriteString("\n## Questions to ask in the interview\n\n")
	for i, q := range b.Questions {
		fmt.Fprintf(&s, "%d. %s\n", i+1, q)
	}
	_, err := io.WriteString(w, s.String())
	return err
}

func writeChecklist(s *strings.Builder, items []content.Item) {
	for _, it := range items {
		fmt.Fprintf(s, "- [ ] **%s**: %s\n", it.Term, it.Detail)
	}
}
