// Package decision is the "which role do you need" logic: it reads the
// questionnaire's answers, checks them against the form's contract and
// decides which role the answers point to, with the reasons that fired.
// It knows nothing of HTTP or HTML; the words live in the content.
package decision

// A Recommendation is the role (or roles) a business needs.
type Recommendation string

const (
	ProductManager Recommendation = "product-manager"
	ProjectManager Recommendation = "project-manager"
	Both           Recommendation = "both"
)

// Valid reports whether r is one of the three recommendations.
func (r Recommendation) Valid() bool {
	return r == ProductManager || r == ProjectManager || r == Both
}

// A Reason is a decision rule that fired: which role it points to and the
// guide section (and heading) that supports it.
type Reason struct {
	ID      string
	Role    Recommendation // ProductManager or ProjectManager
	Section string
	Anchor  string
}

// Link is the guide URL that supports the reason.
func (r Reason) Link() string { return "/guide/" + r.Section + "#" + r.Anchor }

// Reasons lists every reason the rules can give, product ones first.
var Reasons = []Reason{
	{"product-new-product", ProductManager, "scenarios", "new-software-product"},
	{"product-new-feature", ProductManager, "scenarios", "mobile-app-feature"},
	{"product-direction", ProductManager, "hiring", "hire-a-product-manager"},
	{"product-no-launches", ProductManager, "hiring", "hire-a-product-manager"},
	{"product-unclear-direction", ProductManager, "hiring", "hire-a-product-manager"},
	{"product-customer-facing-system", ProductManager, "scenarios", "internal-it-system"},
	{"project-new-product", ProjectManager, "scenarios", "new-software-product"},
	{"project-new-feature", ProjectManager, "scenarios", "mobile-app-feature"},
	{"project-internal-system", ProjectManager, "scenarios", "internal-it-system"},
	{"project-over-budget", ProjectManager, "hiring", "hire-a-project-manager"},
	{"project-missed-deadlines", ProjectManager, "hiring", "hire-a-project-manager"},
	{"project-poor-coordination", ProjectManager, "hiring", "hire-a-project-manager"},
	{"project-several-teams", ProjectManager, "definitions", "project-manager"},
	{"project-complex-tech", ProjectManager, "hiring", "hire-both"},
}

// A Result is the recommendation for one set of answers.
type Result struct {
	Recommendation Recommendation
	Reasons        []Reason
}

// Decide applies the guide's rules to valid answers. A product need exists
// when the goal is a new product, a new feature or long-term direction, when
// launches or direction are the problem, or when an internal system touches
// a customer-facing product. A project need exists when the goal is a new
// product, a new feature or an internal system, when budgets, deadlines or
// coordination are the problem, or when the work spans teams or is complex
// technology. Both needs: both roles.
func Decide(a Answers) Result {
	fired := map[string]bool{
		"product-new-product":            a.Goal == "new-product",
		"product-new-feature":            a.Goal == "new-feature",
		"product-direction":              a.Goal == "direction",
		"product-no-launches":            a.HasProblem("no-launches"),
		"product-unclear-direction":      a.HasProblem("unclear-direction"),
		"product-customer-facing-system": a.Goal == "internal-system" && a.CustomerFacing == "yes",
		"project-new-product":            a.Goal == "new-product",
		"project-new-feature":            a.Goal == "new-feature",
		"project-internal-system":        a.Goal == "internal-system",
		"project-over-budget":            a.HasProblem("over-budget"),
		"project-missed-deadlines":       a.HasProblem("missed-deadlines"),
		"project-poor-coordination":      a.HasProblem("poor-coordination"),
		"project-several-teams":          a.Complexity == "several-teams",
		"project-complex-tech":           a.Complexity == "complex-tech",
	}
	var res Result
	var product, project bool
	for _, r := range Reasons {
		if !fired[r.ID] {
			continue
		}
		res.Reasons = append(res.Reasons, r)
		product = product || r.Role == ProductManager
		project = project || r.Role == ProjectManager
	}
	switch {
	case product && project:
		res.Recommendation = Both
	case product:
		res.Recommendation = ProductManager
	default:
		res.Recommendation = ProjectManager
	}
	return res
}
