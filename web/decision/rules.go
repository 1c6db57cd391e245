package decision

import "slices"

// A Cond is one condition on the answers: the field's answer is one of
// Values (for problems: one of them is ticked), or with Not, none is.
type Cond struct {
	Field  string
	Values []string
	Not    bool
}

// Holds reports whether the condition holds for the answers.
func (c Cond) Holds(a Answers) bool {
	any := slices.ContainsFunc(c.Values, func(v string) bool { return a.Has(c.Field, v) })
	return any != c.Not
}

func is(field string, values ...string) Cond    { return Cond{field, values, false} }
func isNot(field string, values ...string) Cond { return Cond{field, values, true} }

// all reports whether every condition holds (none: it does).
func all(a Answers, cs []Cond) bool {
	for _, c := range cs {
		if !c.Holds(a) {
			return false
		}
	}
	return true
}

// Links says which links a reason applies to.
type Links int

const (
	AllLinks Links = iota // old links and new
	NewLinks              // only links with the questions of SPEC §7.1
	OldLinks              // only old links (SPEC §3)
)

// Kind says what a reason does to its role's side.
type Kind int

const (
	// Shows: the answers show work of this role's kind.
	Shows Kind = iota
	// Covers: someone already does this role's work, or it has none here;
	// it needs no hire whatever else shows.
	Covers
)

// A Reason is one sign in the answers: when every condition holds, it
// fires. Section and Anchor name the part of the guide that says it.
type Reason struct {
	ID      string
	Role    Recommendation // ProductManager or ProjectManager: whose side
	Kind    Kind
	Links   Links
	If      []Cond // all must hold
	Section string
	Anchor  string
}

// When reports whether the reason fires for these answers.
func (r Reason) When(a Answers) bool {
	switch {
	case r.Links == NewLinks && a.Old(), r.Links == OldLinks && !a.Old():
		return false
	}
	return all(a, r.If)
}

// reasons are the reasons that apply to the answers (step 1), and whether
// each job needs a hire: some reason shows the work and none covers it.
func reasons(a Answers) (found []Reason, product, project bool) {
	shows := map[Recommendation]bool{}
	covered := map[Recommendation]bool{}
	for _, r := range Reasons {
		if !r.When(a) {
			continue
		}
		found = append(found, r)
		if r.Kind == Covers {
			covered[r.Role] = true
		} else {
			shows[r.Role] = true
		}
	}
	return found, shows[ProductManager] && !covered[ProductManager], shows[ProjectManager] && !covered[ProjectManager]
}

// customerFacingMoot reports whether an old link's answer to
// customer_facing changed nothing: each other answer to it decides rec too.
func customerFacingMoot(a Answers, rec Recommendation) bool {
	f, _ := FieldNamed("customer_facing")
	for _, v := range f.Values {
		if v == a.CustomerFacing {
			continue
		}
		if _, product, project := reasons(a.With(f.Name, v)); combine(product, project) != rec {
			return false
		}
	}
	return true
}

// Link is the guide URL that supports the rule.
func (r Reason) Link() string { return link(r.Section, r.Anchor) }

func link(section, anchor string) string { return "/guide/" + section + "#" + anchor }

var (
	productProblems  = []string{"no-launches", "unclear-direction"}
	deliveryProblems = []string{"over-budget", "missed-deadlines", "poor-coordination"}
	allProblems      = append(slices.Clone(productProblems), deliveryProblems...)
	// noProductGoals are the goals with no product to manage: what the
	// work must deliver is the client's, or the owner's own for one project.
	noProductGoals = []string{"client-work", "one-off"}
)

// ProductProblem reports whether a problem is about what to build (a
// product problem) rather than about delivery.
func ProductProblem(p string) bool { return slices.Contains(productProblems, p) }

// Reasons is step 1, product side first. For an old link only the rows
// for all links and old links apply, and they are SPEC §3's rules: a
// product need when the goal is a new product, a new feature or
// direction, when launches or direction are the problem, or when an
// internal system touches a customer-facing product; a project need when
// the goal is a new product, a new feature or an internal system, when
// budgets, deadlines or coordination are the problem, or when the work
// spans teams.
//
// A row that covers a side says its work needs no hire whatever else
// shows: the product work of client work, a system only staff use or a
// one-off project of the owner's own, or one a founder or product person
// already does; the delivery work of one team with nothing going wrong
// and its decisions in hand (SPEC §8.1 rule 13: not yet, for every goal).
var Reasons = []Reason{
	{"product-new-product", ProductManager, Shows, AllLinks, []Cond{is("goal", "new-product")}, "scenarios", "new-software-product"},
	{"product-new-feature", ProductManager, Shows, AllLinks, []Cond{is("goal", "new-feature")}, "scenarios", "mobile-app-feature"},
	{"product-direction", ProductManager, Shows, AllLinks, []Cond{is("goal", "direction")}, "hiring", "hire-a-product-manager"},
	{"product-no-launches", ProductManager, Shows, AllLinks, []Cond{is("problems", "no-launches")}, "hiring", "hire-a-product-manager"},
	{"product-unclear-direction", ProductManager, Shows, AllLinks, []Cond{is("problems", "unclear-direction")}, "hiring", "hire-a-product-manager"},
	{"product-customer-facing-system", ProductManager, Shows, AllLinks, []Cond{is("goal", "internal-system"), is("customer_facing", "yes")}, "scenarios", "internal-it-system"},
	{"product-founder-stretched", ProductManager, Shows, NewLinks, []Cond{is("decider", "founder-stretched"), isNot("goal", noProductGoals...), isNot("customer_facing", "no")}, "hiring", "who-decides"},
	{"product-nobody-decides", ProductManager, Shows, NewLinks, []Cond{is("decider", "nobody-clearly"), isNot("goal", noProductGoals...), isNot("customer_facing", "no")}, "hiring", "who-decides"},
	{"product-founder-has-time", ProductManager, Covers, NewLinks, []Cond{is("decider", "founder-has-time"), isNot("problems", productProblems...), isNot("goal", noProductGoals...), isNot("customer_facing", "no")}, "hiring", "who-decides"},
	{"product-already-covered", ProductManager, Covers, NewLinks, []Cond{is("decider", "already-covered"), isNot("problems", productProblems...), isNot("goal", "client-work")}, "hiring", "who-decides"},
	{"product-client-decides", ProductManager, Covers, NewLinks, []Cond{is("goal", "client-work")}, "scenarios", "client-work"},
	{"product-staff-system", ProductManager, Covers, NewLinks, []Cond{is("goal", "internal-system"), is("customer_facing", "no")}, "scenarios", "internal-it-system"},
	{"product-one-off", ProductManager, Covers, NewLinks, []Cond{is("goal", "one-off")}, "scenarios", "one-off-project"},

	{"project-new-product", ProjectManager, Shows, AllLinks, []Cond{is("goal", "new-product")}, "scenarios", "new-software-product"},
	{"project-new-feature", ProjectManager, Shows, OldLinks, []Cond{is("goal", "new-feature")}, "scenarios", "mobile-app-feature"},
	{"project-internal-system", ProjectManager, Shows, AllLinks, []Cond{is("goal", "internal-system")}, "scenarios", "internal-it-system"},
	{"project-client-work", ProjectManager, Shows, NewLinks, []Cond{is("goal", "client-work")}, "scenarios", "client-work"},
	{"project-one-off", ProjectManager, Shows, NewLinks, []Cond{is("goal", "one-off")}, "scenarios", "one-off-project"},
	{"project-over-budget", ProjectManager, Shows, AllLinks, []Cond{is("problems", "over-budget")}, "hiring", "hire-a-project-manager"},
	{"project-missed-deadlines", ProjectManager, Shows, AllLinks, []Cond{is("problems", "missed-deadlines")}, "hiring", "hire-a-project-manager"},
	{"project-poor-coordination", ProjectManager, Shows, AllLinks, []Cond{is("problems", "poor-coordination")}, "hiring", "hire-a-project-manager"},
	{"project-several-teams", ProjectManager, Shows, AllLinks, []Cond{is("complexity", "several-teams")}, "hiring", "one-or-two"},
	{"project-complex-tech", ProjectManager, Shows, AllLinks, []Cond{is("complexity", "complex-tech")}, "hiring", "hire-both"},
	{"project-small-and-steady", ProjectManager, Covers, NewLinks, []Cond{isNot("problems", allProblems...), is("complexity", "single-team"), is("decider", "founder-has-time", "already-covered")}, "hiring", "not-yet"},
}

// Need is which hires the reasons call for.
type Need int

const (
	NeedNone Need = iota
	NeedProduct
	NeedProject
	NeedBoth
)

func needOf(res Result) Need {
	switch {
	case res.Product && res.Project:
		return NeedBoth
	case res.Product:
		return NeedProduct
	case res.Project:
		return NeedProject
	}
	return NeedNone
}

// An Outcome is one row of step 2: when the hires needed are Need, the
// lead (if set) is Lead and every condition holds, the recommendation is
// Give (or, when Give is empty, the lead role), with Help.
type Outcome struct {
	ID      string
	Need    Need
	Lead    Recommendation // "": any
	If      []Cond
	Give    Recommendation
	Help    Help
	Section string
	Anchor  string
}

// Matches reports whether the row applies to a result of step 1.
func (o Outcome) Matches(res Result, a Answers) bool {
	if needOf(res) != o.Need || (o.Lead != "" && o.Lead != res.Lead) {
		return false
	}
	return all(a, o.If)
}

// Link is the guide URL that supports the row.
func (o Outcome) Link() string { return link(o.Section, o.Anchor) }

// Outcomes is step 2: the first row that matches decides. One team never
// gets two hires (SPEC §8.1 rule 12): where both jobs need doing there, one
// person covers them; two hires only when the work spans teams.
var Outcomes = []Outcome{
	{"no-hire-yet", NeedNone, "", nil, NotYet, "", "hiring", "not-yet"},
	{"one-off-fixed-term", NeedProject, "", []Cond{is("goal", "one-off")}, ProjectManager, Contract, "scenarios", "one-off-project"},
	{"product-part-time", NeedProduct, "", []Cond{is("hires", "part-time")}, ProductManager, Fractional, "hiring", "fractional"},
	{"product-only", NeedProduct, "", nil, ProductManager, "", "hiring", "hire-a-product-manager"},
	{"project-part-time", NeedProject, "", []Cond{is("hires", "part-time")}, ProjectManager, Contract, "hiring", "contract"},
	{"project-only", NeedProject, "", nil, ProjectManager, "", "hiring", "hire-a-project-manager"},
	{"both-part-time-product", NeedBoth, ProductManager, []Cond{is("hires", "part-time")}, ProductManager, Fractional, "hiring", "fractional"},
	{"both-part-time-project", NeedBoth, ProjectManager, []Cond{is("hires", "part-time")}, ProjectManager, Contract, "hiring", "contract"},
	{"one-team-one-person", NeedBoth, "", []Cond{is("complexity", "single-team")}, OnePerson, "", "scenarios", "one-team-one-manager"},
	{"two-hires-several-teams", NeedBoth, "", []Cond{is("hires", "two")}, Both, "", "hiring", "hire-both"},
	{"one-hire-product-first", NeedBoth, ProductManager, nil, "", "", "hiring", "lead-role"},
	{"one-hire-project-first", NeedBoth, ProjectManager, nil, "", "", "hiring", "lead-role"},
}

// A LeadRule is one row of step 3: when every condition holds (or, for
// the last row, always), the lead is Lead.
type LeadRule struct {
	ID   string
	If   []Cond
	Lead Recommendation
}

// When reports whether the row applies.
func (l LeadRule) When(a Answers) bool { return all(a, l.If) }

// Link is the guide URL that explains the lead order.
func (LeadRule) Link() string { return link("hiring", "lead-role") }

// Leads is step 3, SPEC §7.1 rule 5's order: the first row that holds
// decides which job comes first.
var Leads = []LeadRule{
	{"founder-owns-product", []Cond{is("decider", "founder-has-time")}, ProjectManager},
	{"direction-problems", []Cond{is("problems", productProblems...)}, ProductManager},
	{"direction-goal", []Cond{is("goal", "direction")}, ProductManager},
	{"delivery-problems", []Cond{is("problems", deliveryProblems...)}, ProjectManager},
	{"project-shaped-goal", []Cond{is("goal", "internal-system", "client-work")}, ProjectManager},
	{"otherwise-product", nil, ProductManager},
}

// A CheckKind is what a check points out; the result shows it in an
// element with data-check set to its name.
type CheckKind string

const (
	// Disagree: answers that pull against each other, and which decided.
	Disagree CheckKind = "answers-disagree"
	// NoOwner: nobody owns what the work must deliver (SPEC §8.1 rule 15).
	NoOwner CheckKind = "no-owner"
)

// A Check is one thing in the answers the result points out (step 4):
// answers that pull against each other, saying which one decided, or a
// decision nobody owns.
type Check struct {
	ID   string
	Kind CheckKind
	If   []Cond
	// Overrules are the reasons whose answer lost: the result names them
	// in the check instead of listing them as signs, so that nothing on
	// it argues from that answer (SPEC §8.1 rule 17).
	Overrules []string
	Section   string
	Anchor    string
}

// When reports whether the answers pull this way.
func (c Check) When(a Answers) bool { return !a.Old() && all(a, c.If) }

// Link is the guide URL that explains the answer that decided.
func (c Check) Link() string { return link(c.Section, c.Anchor) }

// productProblemReasons are the reasons product problems fire.
var productProblemReasons = []string{"product-no-launches", "product-unclear-direction"}

// Checks is step 4.
var Checks = []Check{
	{"client-work-product-problems", Disagree, []Cond{is("goal", "client-work"), is("problems", productProblems...)}, productProblemReasons, "scenarios", "client-work"},
	{"one-off-product-problems", Disagree, []Cond{is("goal", "one-off"), is("problems", productProblems...)}, productProblemReasons, "scenarios", "one-off-project"},
	{"staff-system-product-problems", Disagree, []Cond{is("goal", "internal-system"), is("customer_facing", "no"), is("problems", productProblems...)}, productProblemReasons, "scenarios", "internal-it-system"},
	{"founder-has-time-product-problems", Disagree, []Cond{is("decider", "founder-has-time"), is("problems", productProblems...), isNot("goal", noProductGoals...), isNot("customer_facing", "no")}, nil, "hiring", "who-decides"},
	{"already-covered-product-problems", Disagree, []Cond{is("decider", "already-covered"), is("problems", productProblems...), isNot("goal", noProductGoals...), isNot("customer_facing", "no")}, nil, "hiring", "who-decides"},
	{"no-owner-staff-system", NoOwner, []Cond{is("goal", "internal-system"), is("customer_facing", "no"), is("decider", "nobody-clearly")}, nil, "scenarios", "system-owner"},
	{"no-owner-customer-system", NoOwner, []Cond{is("goal", "internal-system"), is("customer_facing", "yes"), is("decider", "nobody-clearly")}, nil, "scenarios", "system-owner"},
	{"no-owner-one-off", NoOwner, []Cond{is("goal", "one-off"), is("decider", "nobody-clearly")}, nil, "scenarios", "one-off-project"},
}

// An OtherJob is one row of step 5: when a result hires for one job only,
// who covers the other (Job) meanwhile, and when to add a hire for it.
// The first row for that job whose conditions hold decides.
type OtherJob struct {
	ID      string
	Job     Recommendation // the job not hired for
	If      []Cond
	Section string
	Anchor  string
}

// When reports whether the row applies.
func (o OtherJob) When(a Answers) bool { return all(a, o.If) }

// Link is the guide URL that explains the row.
func (o OtherJob) Link() string { return link(o.Section, o.Anchor) }

// OtherJobs is step 5: the words follow who decides (SPEC §8.1 rule 16),
// and whether the decision about what to build has an owner (rule 15).
var OtherJobs = []OtherJob{
	{"delivery-by-the-team", ProjectManager, []Cond{is("complexity", "single-team")}, "scenarios", "one-team-one-manager"},
	{"delivery-meanwhile", ProjectManager, nil, "hiring", "part-time-help"},

	{"product-sponsor-one-off", ProductManager, []Cond{is("goal", "one-off")}, "scenarios", "one-off-project"},
	{"product-by-the-client", ProductManager, []Cond{is("goal", "client-work")}, "scenarios", "client-work"},
	{"product-no-owner", ProductManager, []Cond{is("goal", "internal-system"), is("customer_facing", "no"), is("decider", "nobody-clearly")}, "scenarios", "system-owner"},
	{"product-staff-system", ProductManager, []Cond{is("goal", "internal-system"), is("customer_facing", "no"), is("decider", "founder-has-time", "founder-stretched")}, "scenarios", "internal-it-system"},
	{"product-by-product-person", ProductManager, []Cond{is("decider", "already-covered")}, "hiring", "who-decides"},
	{"product-founder-gap", ProductManager, []Cond{is("decider", "founder-has-time"), is("problems", productProblems...)}, "hiring", "who-decides"},
	{"product-by-founder", ProductManager, []Cond{is("decider", "founder-has-time")}, "hiring", "who-decides"},
	{"product-meanwhile", ProductManager, nil, "hiring", "part-time-help"},
}
