// Package decision is the "which role do you need" logic: it reads the
// questionnaire's answers, checks them against the form's contract and
// decides what the answers point to, with every rule that fired. It knows
// nothing of HTTP or HTML; the words live in the content, keyed by each
// rule's ID, and contract.go checks that the content has them all (and the
// hiring kit a hire for every outcome): a rule change touches this package
// and its words.
//
// The rules are tables (rules.go), read in five steps:
//
//  1. Reasons: signs of product work and of delivery work in the answers,
//     and what already covers either (a founder with the time, a product
//     person, the client; one small team with nothing going wrong).
//  2. Outcomes: from which hires are needed and the answers about size and
//     hires, the first row that matches gives the recommendation.
//  3. Leads: when one role has to come first, the first row that matches
//     says which.
//  4. Checks: answers that pull against each other, and which one decided;
//     a decision nobody owns.
//  5. Other jobs: when one job is hired for, who covers the other and when
//     to add a hire for it.
//
// An old link (one without the questions of SPEC §7.1) is decided by the
// reasons alone, as SPEC §3 does: both roles when both kinds of work show.
package decision

import "slices"

// A Recommendation is what a business needs.
type Recommendation string

const (
	ProductManager Recommendation = "product-manager"
	ProjectManager Recommendation = "project-manager"
	Both           Recommendation = "both"
	OnePerson      Recommendation = "one-person" // one person covers both jobs for now
	NotYet         Recommendation = "not-yet"    // no hire yet
)

// Recommendations are the outcomes, in the order pages list them.
var Recommendations = []Recommendation{ProductManager, ProjectManager, Both, OnePerson, NotYet}

// Roles are the two roles, in the order pages list them.
var Roles = []Recommendation{ProductManager, ProjectManager}

// Help is the kind of part-time help a part-time answer gets.
type Help string

const (
	Fractional Help = "fractional" // ongoing, often a day or two a week: product work
	Contract   Help = "contract"   // fixed term: a project
)

// A Result is the recommendation for one set of answers, with every rule
// that fired.
type Result struct {
	Recommendation Recommendation
	// Lead is the role that comes first when both jobs need doing and one
	// person, one hire or part-time help has to start with one of them.
	Lead Recommendation
	Help Help // for a part-time answer
	// Product and Project report whether each job needs a hire.
	Product, Project bool
	Reasons          []Reason
	Outcome          *Outcome // nil for an old link
	LeadRule         *LeadRule
	Checks           []Check
	// OtherJob says who covers the job not hired for, when a result hires
	// for one job only (a product or a project manager); nil otherwise.
	OtherJob *OtherJob
	// CustomerFacingMoot is set on an old link that answered
	// customer_facing when no other answer to it would change the
	// recommendation: the page says the answer changed nothing.
	CustomerFacingMoot bool
}

// For returns the reasons on one role's side, in table order.
func (res Result) For(role Recommendation) []Reason {
	return filter(res.Reasons, func(r Reason) bool { return r.Role == role })
}

// Hired returns the roles the recommendation hires, in page order: one
// person is hired for the role they lead with.
func (res Result) Hired() []Recommendation {
	switch res.Recommendation {
	case Both:
		return Roles
	case OnePerson:
		return []Recommendation{res.Lead}
	case NotYet:
		return nil
	}
	return []Recommendation{res.Recommendation}
}

// Decide applies the rule tables to valid answers.
func Decide(a Answers) Result {
	var res Result
	res.Reasons, res.Product, res.Project = reasons(a)
	if a.Old() {
		res.Recommendation = combine(res.Product, res.Project)
		res.CustomerFacingMoot = a.CustomerFacing != "" && customerFacingMoot(a, res.Recommendation)
		return res
	}
	for i := range Leads {
		if Leads[i].When(a) {
			res.LeadRule = &Leads[i]
			res.Lead = Leads[i].Lead
			break
		}
	}
	for i := range Outcomes {
		if Outcomes[i].Matches(res, a) {
			o := &Outcomes[i]
			res.Outcome = o
			res.Recommendation, res.Help = o.Give, o.Help
			if o.Give == "" {
				res.Recommendation = res.Lead
			}
			break
		}
	}
	if res.Recommendation != OnePerson && !(res.Product && res.Project) {
		res.Lead, res.LeadRule = "", nil
	}
	var overruled []string
	for _, c := range Checks {
		if c.When(a) {
			res.Checks = append(res.Checks, c)
			overruled = append(overruled, c.Overrules...)
		}
	}
	res.Reasons = slices.DeleteFunc(res.Reasons, func(r Reason) bool { return slices.Contains(overruled, r.ID) })
	if other := res.otherJob(); other != "" {
		for i := range OtherJobs {
			if OtherJobs[i].Job == other && OtherJobs[i].When(a) {
				res.OtherJob = &OtherJobs[i]
				break
			}
		}
	}
	return res
}

// otherJob is the job a result leaves to someone else: the project job when
// it hires only a product manager, the product job when only a project
// manager; none when it hires for both jobs or for neither yet.
func (res Result) otherJob() Recommendation {
	switch res.Recommendation {
	case ProductManager:
		return ProjectManager
	case ProjectManager:
		return ProductManager
	}
	return ""
}

// ChecksOf returns the result's checks of one kind, in table order.
func (res Result) ChecksOf(kind CheckKind) []Check {
	return filter(res.Checks, func(c Check) bool { return c.Kind == kind })
}

// filter returns the items keep accepts, in order; nil if none.
func filter[T any](items []T, keep func(T) bool) []T {
	var out []T
	for _, it := range items {
		if keep(it) {
			out = append(out, it)
		}
	}
	return out
}

// combine is SPEC §3: both roles when both kinds of work show.
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

// Key names the outcome's words: the recommendation, with its kind of help
// or the job one person leads with after a slash ("one-person/product-manager").
func (res Result) Key() string {
	switch {
	case res.Help != "":
		return string(res.Recommendation) + "/" + string(res.Help)
	case res.Recommendation == OnePerson:
		return string(res.Recommendation) + "/" + string(res.Lead)
	}
	return string(res.Recommendation)
}

// Keys are every outcome's Key, in page order.
func Keys() []string {
	return []string{
		string(ProductManager), string(ProductManager) + "/" + string(Fractional),
		string(ProjectManager), string(ProjectManager) + "/" + string(Contract),
		string(Both),
		string(OnePerson) + "/" + string(ProductManager), string(OnePerson) + "/" + string(ProjectManager),
		string(NotYet),
	}
}
