package templates

import (
	"fmt"
	"io"
	"strings"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/web/decision"
)

// A Brief is the hiring brief for one recommendation: for each role to
// hire, why, what it does and needs (from the guide), and what to ask in
// the interview. The HTML page, the PDF and the Markdown file all show
// exactly this, in this order.
type Brief struct {
	Recommendation decision.Recommendation
	Summary        string // the recommendation in one sentence
	URL            string // the absolute address of the result
	Split          string // how the roles divide the work; only for Both
	Alone          string // why one role is enough, and when to add the other
	Notes          []string
	Roles          []BriefRole
}

// A BriefRole is one role to hire: why, its checklists, and the interview
// questions that follow from the reasons.
type BriefRole struct {
	Name      string // "product manager"
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

// Title is the brief's title, the same in every format.
func (b Brief) Title() string { return "Hiring brief: " + RoleName(b.Recommendation) }

// Headings of a role's part of the brief, the same in every format.
func (r BriefRole) WhyHeading() string       { return "Why " + article(r.Name) + " " + r.Name }
func (r BriefRole) QuestionsHeading() string { return "Interview questions for the " + r.Name }

const (
	briefResponsibilities = "Responsibilities"
	briefSkills           = "Skills to look for"
	briefSplit            = "How the two roles split the work"
)

func article(name string) string {
	if name != "" && strings.ContainsRune("aeiou", rune(name[0])) {
		return "an"
	}
	return "a"
}

// WriteMarkdown writes the brief as a Markdown document.
func (b Brief) WriteMarkdown(w io.Writer) error {
	var s strings.Builder
	fmt.Fprintf(&s, "# %s\n\n", b.Title())
	fmt.Fprintf(&s, "Result: <%s>\n\n", b.URL)
	fmt.Fprintf(&s, "%s\n\n", b.Summary)
	if b.Split != "" {
		fmt.Fprintf(&s, "## %s\n\n%s\n\n", briefSplit, b.Split)
	}
	if b.Alone != "" {
		fmt.Fprintf(&s, "%s\n\n", b.Alone)
	}
	for _, n := range b.Notes {
		fmt.Fprintf(&s, "%s\n\n", n)
	}
	for _, role := range b.Roles {
		fmt.Fprintf(&s, "## The %s\n\n### %s\n\n", role.Name, role.WhyHeading())
		for _, r := range role.Why {
			fmt.Fprintf(&s, "- %s\n", r.Text)
		}
		fmt.Fprintf(&s, "\n### %s\n\n", briefResponsibilities)
		writeChecklist(&s, role.Profile.Responsibilities)
		fmt.Fprintf(&s, "\n### %s\n\n", briefSkills)
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
