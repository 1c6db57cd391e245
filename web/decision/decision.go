// Package decision is the "which role do you need" logic: it reads the
// questionnaire's answers, checks them against the form's contract and
// decides which role the answers point to, with the reasons that fired.
// It knows nothing of HTTP or HTML; the words live in the content, keyed by
// each reason's ID.
package decision

// A Recommendation is the role (or roles) a business needs.
type Recommendation string

const (
	ProductManager Recommendation = "product-manager"
	ProjectManager Recommendation = "project-manager"
	Both           Recommendation = "both"
)

// Recommendations are the three outcomes, in the order pages list them.
var Recommendations = []Recommendation{ProductManager, ProjectManager, Both}

// Valid reports whether r is one of the three recommendations.
func (r Recommendation) Valid() bool {
	return r == ProductManager || r == ProjectManager || r == Both
}

// A Match is one answer a rule looks for: the field has this value.
type Match struct {
	Field string
	Value string
}

// A Reason is one decision rule: when every one of its matches holds, it
// fires and points to its role. Section and Anchor name the part of the
// guide that supports it.
type Reason struct {
	ID      string
	Role    Recommendation // ProductManager or ProjectManager
	If      []Match        // all must hold
	Section string
	Anchor  string
}

// When reports whether the rule fires for these answers.
func (r Reason) When(a Answers) bool {
	for _, m := range r.If {
		if !a.Has(m.Field, m.Value) {
			return false
		}
	}
	return len(r.If) > 0
}

// Link is the guide URL that supports the reason.
func (r Reason) Link() string { return "/guide/" + r.Section + "#" + r.Anchor }

func is(field, value string) Match { return Match{field, value} }

// Reasons is the rule table, product rules first: the only place the
// decision is written down. The result page, the brief and
// /which-role/how-it-works are all made from it.
//
// A product need exists when the goal is a new product, a new feature or
// long-term direction, when launches or direction are the problem, or when
// an internal system touches a customer-facing product. A project need
// exists when the goal is a new product, a new feature or an internal
// system, when budgets, deadlines or coordination are the problem, or when
// the work spans teams or is complex technology.
var Reasons = []Reason{
	{"product-new-product", ProductManager, []Match{is("goal", "new-product")}, "scenarios", "new-software-product"},
	{"product-new-feature", ProductManager, []Match{is("goal", "new-feature")}, "scenarios", "mobile-app-feature"},
	{"product-direction", ProductManager, []Match{is("goal", "direction")}, "hiring", "hire-a-product-manager"},
	{"product-no-launches", ProductManager, []Match{is("problems", "no-launches")}, "hiring", "hire-a-product-manager"},
	{"product-unclear-direction", ProductManager, []Match{is("problems", "unclear-direction")}, "hiring", "hire-a-product-manager"},
	{"product-customer-facing-system", ProductManager, []Match{is("goal", "internal-system"), is("customer_facing", "yes")}, "scenarios", "internal-it-system"},
	{"project-new-product", ProjectManager, []Match{is("goal", "new-product")}, "scenarios", "new-software-product"},
	{"project-new-feature", ProjectManager, []Match{is("goal", "new-feature")}, "scenarios", "mobile-app-feature"},
	{"project-internal-system", ProjectManager, []Match{is("goal", "internal-system")}, "scenarios", "internal-it-system"},
	{"project-over-budget", ProjectManager, []Match{is("problems", "over-budget")}, "hiring", "hire-a-project-manager"},
	{"project-missed-deadlines", ProjectManager, []Match{is("problems", "missed-deadlines")}, "hiring", "hire-a-project-manager"},
	{"project-poor-coordination", ProjectManager, []Match{is("problems", "poor-coordination")}, "hiring", "hire-a-project-manager"},
	{"project-several-teams", ProjectManager, []Match{is("complexity", "several-teams")}, "definitions", "project-manager"},
	{"project-complex-tech", ProjectManager, []Match{is("complexity", "complex-tech")}, "hiring", "hire-a-project-manager"},
}

// A Result is the recommendation for one set of answers.
type Result struct {
	Recommendation Recommendation
	Reasons        []Reason
}

// For returns the reasons that point to one role, in table order.
func (res Result) For(role Recommendation) []Reason {
	var out []Reason
	for _, r := range res.Reasons {
		if r.Role == role {
			out = append(out, r)
		}
	}
	return out
}

// Decide applies the rule table to valid answers: both roles when a product
// rule and a project rule fire, else the role whose rules fired.
func Decide(a Answers) Result {
	var res Result
	var product, project bool
	for _, r := range Reasons {
		if !r.When(a) {
			continue
		}
		res.Reasons = append(res.Reasons, r)
		product = product || r.Role == ProductManager
		project = project || r.Role == ProjectManager
	}
	res.Recommendation = combine(product, project)
	return res
}

func combine(product, project bool) Recommendation {
	switch {
	case product && project:
		return Both
	case product:
		return ProductManager
	default:
		return ProjectManager
	}
}

// Matters reports whether the answer to a single-choice field changed the
// recommendation: whether any other value of it would give another one.
func Matters(a Answers, field string) bool {
	want := Decide(a).Recommendation
	for _, f := range Fields {
		if f.Name != field || f.Multiple {
			continue
		}
		for _, v := range f.Values {
			b := a
			b.set(field, v)
			if Decide(b).Recommendation != want {
				return true
			}
		}
	}
	return false
}

// All returns every valid set of answers (4 goals × 32 sets of problems ×
// 2 × 3 = 768), in canonical order.
func All() []Answers {
	var out []Answers
	problems := Fields[1].Values
	for _, goal := range Fields[0].Values {
		for mask := range 1 << len(problems) {
			var ps []string
			for i, p := range problems {
				if mask&(1<<i) != 0 {
					ps = append(ps, p)
				}
			}
			for _, cf := range Fields[2].Values {
				for _, cx := range Fields[3].Values {
					out = append(out, Answers{Goal: goal, Problems: ps, CustomerFacing: cf, Complexity: cx})
				}
			}
		}
	}
	return out
}
