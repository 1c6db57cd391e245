package decision

import (
	"net/url"
	"slices"
	"testing"
)

func ids(rs []Reason) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func TestDecide(t *testing.T) {
	tests := []struct {
		name    string
		answers Answers
		want    Recommendation
		reasons []string
	}{
		{"new product needs both", Answers{Goal: "new-product", CustomerFacing: "yes", Complexity: "single-team"},
			Both, []string{"product-new-product", "project-new-product"}},
		{"new feature needs both", Answers{Goal: "new-feature", CustomerFacing: "yes", Complexity: "single-team"},
			Both, []string{"product-new-feature", "project-new-feature"}},
		{"internal system, not customer-facing: project", Answers{Goal: "internal-system", CustomerFacing: "no", Complexity: "single-team"},
			ProjectManager, []string{"project-internal-system"}},
		{"internal system, customer-facing: both", Answers{Goal: "internal-system", CustomerFacing: "yes", Complexity: "single-team"},
			Both, []string{"product-customer-facing-system", "project-internal-system"}},
		{"direction alone: product", Answers{Goal: "direction", CustomerFacing: "no", Complexity: "single-team"},
			ProductManager, []string{"product-direction"}},
		{"direction, customer-facing is irrelevant", Answers{Goal: "direction", CustomerFacing: "yes", Complexity: "single-team"},
			ProductManager, []string{"product-direction"}},
		{"direction with several teams: both", Answers{Goal: "direction", CustomerFacing: "no", Complexity: "several-teams"},
			Both, []string{"product-direction", "project-several-teams"}},
		{"direction with complex tech: both", Answers{Goal: "direction", CustomerFacing: "no", Complexity: "complex-tech"},
			Both, []string{"product-direction", "project-complex-tech"}},
		{"direction with over-budget: both", Answers{Goal: "direction", Problems: []string{"over-budget"}, CustomerFacing: "no", Complexity: "single-team"},
			Both, []string{"product-direction", "project-over-budget"}},
		{"direction with missed deadlines: both", Answers{Goal: "direction", Problems: []string{"missed-deadlines"}, CustomerFacing: "no", Complexity: "single-team"},
			Both, []string{"product-direction", "project-missed-deadlines"}},
		{"direction with poor coordination: both", Answers{Goal: "direction", Problems: []string{"poor-coordination"}, CustomerFacing: "no", Complexity: "single-team"},
			Both, []string{"product-direction", "project-poor-coordination"}},
		{"internal system with no launches: both", Answers{Goal: "internal-system", Problems: []string{"no-launches"}, CustomerFacing: "no", Complexity: "single-team"},
			Both, []string{"product-no-launches", "project-internal-system"}},
		{"internal system with unclear direction: both", Answers{Goal: "internal-system", Problems: []string{"unclear-direction"}, CustomerFacing: "no", Complexity: "single-team"},
			Both, []string{"product-unclear-direction", "project-internal-system"}},
		{"internal system, every project problem, complex: project", Answers{Goal: "internal-system", Problems: []string{"over-budget", "missed-deadlines", "poor-coordination"}, CustomerFacing: "no", Complexity: "complex-tech"},
			ProjectManager, []string{"project-internal-system", "project-over-budget", "project-missed-deadlines", "project-poor-coordination", "project-complex-tech"}},
		{"everything at once", Answers{Goal: "new-product", Problems: []string{"no-launches", "unclear-direction", "over-budget", "missed-deadlines", "poor-coordination"}, CustomerFacing: "yes", Complexity: "several-teams"},
			Both, []string{"product-new-product", "product-no-launches", "product-unclear-direction", "project-new-product", "project-over-budget", "project-missed-deadlines", "project-poor-coordination", "project-several-teams"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Decide(tt.answers)
			if got.Recommendation != tt.want {
				t.Errorf("recommendation = %q, want %q", got.Recommendation, tt.want)
			}
			if !slices.Equal(ids(got.Reasons), tt.reasons) {
				t.Errorf("reasons = %v, want %v", ids(got.Reasons), tt.reasons)
			}
		})
	}
}

// TestRules is one table test per rule: the answers that make it fire,
// and the closest answers that do not.
func TestRules(t *testing.T) {
	base := Answers{Goal: "direction", CustomerFacing: "no", Complexity: "single-team"}
	with := func(f func(*Answers)) Answers { a := base; f(&a); return a }
	tests := []struct {
		id       string
		fires    Answers
		notFires Answers
	}{
		{"product-new-product", with(func(a *Answers) { a.Goal = "new-product" }), with(func(a *Answers) { a.Goal = "new-feature" })},
		{"product-new-feature", with(func(a *Answers) { a.Goal = "new-feature" }), with(func(a *Answers) { a.Goal = "new-product" })},
		{"product-direction", base, with(func(a *Answers) { a.Goal = "internal-system" })},
		{"product-no-launches", with(func(a *Answers) { a.Problems = []string{"no-launches"} }), with(func(a *Answers) { a.Problems = []string{"unclear-direction"} })},
		{"product-unclear-direction", with(func(a *Answers) { a.Problems = []string{"unclear-direction"} }), with(func(a *Answers) { a.Problems = []string{"no-launches"} })},
		{"product-customer-facing-system", with(func(a *Answers) { a.Goal, a.CustomerFacing = "internal-system", "yes" }), with(func(a *Answers) { a.Goal = "internal-system" })},
		{"project-new-product", with(func(a *Answers) { a.Goal = "new-product" }), base},
		{"project-new-feature", with(func(a *Answers) { a.Goal = "new-feature" }), base},
		{"project-internal-system", with(func(a *Answers) { a.Goal = "internal-system" }), base},
		{"project-over-budget", with(func(a *Answers) { a.Problems = []string{"over-budget"} }), with(func(a *Answers) { a.Problems = []string{"missed-deadlines"} })},
		{"project-missed-deadlines", with(func(a *Answers) { a.Problems = []string{"missed-deadlines"} }), with(func(a *Answers) { a.Problems = []string{"over-budget"} })},
		{"project-poor-coordination", with(func(a *Answers) { a.Problems = []string{"poor-coordination"} }), with(func(a *Answers) { a.Problems = []string{"over-budget"} })},
		{"project-several-teams", with(func(a *Answers) { a.Complexity = "several-teams" }), with(func(a *Answers) { a.Complexity = "complex-tech" })},
		{"project-complex-tech", with(func(a *Answers) { a.Complexity = "complex-tech" }), with(func(a *Answers) { a.Complexity = "several-teams" })},
	}
	if len(tests) != len(Reasons) {
		t.Fatalf("%d rules tested, the table has %d", len(tests), len(Reasons))
	}
	for i, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			r := Reasons[i]
			if r.ID != tt.id {
				t.Fatalf("rule %d is %s, want %s", i, r.ID, tt.id)
			}
			if !r.When(tt.fires) || !slices.Contains(ids(Decide(tt.fires).Reasons), r.ID) {
				t.Errorf("does not fire for %+v", tt.fires)
			}
			if r.When(tt.notFires) || slices.Contains(ids(Decide(tt.notFires).Reasons), r.ID) {
				t.Errorf("fires for %+v", tt.notFires)
			}
			if r.Section == "" || r.Anchor == "" || (r.Role != ProductManager && r.Role != ProjectManager) {
				t.Errorf("incomplete row %+v", r)
			}
		})
	}
}

// TestDecideMatchesSpec checks the table against the rules as SPEC §3
// writes them, for every one of the 768 sets of answers: the table may be
// reworded, never changed.
func TestDecideMatchesSpec(t *testing.T) {
	all := All()
	if len(all) != 768 {
		t.Fatalf("All() gave %d answer sets, want 768", len(all))
	}
	seen := map[string]bool{}
	for _, a := range all {
		if seen[a.Query()] {
			t.Fatalf("All() repeats %s", a.Query())
		}
		seen[a.Query()] = true
		goal := func(gs ...string) bool { return slices.Contains(gs, a.Goal) }
		product := goal("new-product", "new-feature", "direction") || a.HasProblem("no-launches") || a.HasProblem("unclear-direction") ||
			(a.Goal == "internal-system" && a.CustomerFacing == "yes")
		project := goal("new-product", "new-feature", "internal-system") || a.HasProblem("over-budget") || a.HasProblem("missed-deadlines") ||
			a.HasProblem("poor-coordination") || a.Complexity == "several-teams" || a.Complexity == "complex-tech"
		want := ProjectManager
		switch {
		case product && project:
			want = Both
		case product:
			want = ProductManager
		}
		got := Decide(a)
		if got.Recommendation != want {
			t.Errorf("%s: %s, SPEC says %s", a.Query(), got.Recommendation, want)
		}
		if len(got.Reasons) == 0 {
			t.Errorf("%s: no reason given", a.Query())
		}
		for _, r := range got.Reasons {
			if got.Recommendation != Both && r.Role != got.Recommendation {
				t.Errorf("%s: reason %s points to %s, the result is %s", a.Query(), r.ID, r.Role, got.Recommendation)
			}
		}
	}
}

func TestMatters(t *testing.T) {
	tests := []struct {
		a     Answers
		field string
		want  bool
	}{
		{Answers{Goal: "internal-system", CustomerFacing: "no", Complexity: "single-team"}, "customer_facing", true},
		{Answers{Goal: "internal-system", CustomerFacing: "yes", Complexity: "single-team"}, "customer_facing", true},
		{Answers{Goal: "internal-system", Problems: []string{"no-launches"}, CustomerFacing: "yes", Complexity: "single-team"}, "customer_facing", false},
		{Answers{Goal: "new-product", CustomerFacing: "no", Complexity: "single-team"}, "customer_facing", false},
		{Answers{Goal: "direction", CustomerFacing: "no", Complexity: "single-team"}, "complexity", true},
		{Answers{Goal: "new-feature", CustomerFacing: "no", Complexity: "single-team"}, "complexity", false},
	}
	for _, tt := range tests {
		if got := Matters(tt.a, tt.field); got != tt.want {
			t.Errorf("Matters(%s, %s) = %v, want %v", tt.a.Query(), tt.field, got, tt.want)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name       string
		query      string
		want       Answers
		wantFields []string // fields with errors
	}{
		{"valid", "goal=new-product&problems=over-budget&customer_facing=yes&complexity=single-team",
			Answers{"new-product", []string{"over-budget"}, "yes", "single-team"}, nil},
		{"problems are put in canonical order and deduplicated", "problems=poor-coordination&problems=no-launches&problems=poor-coordination&goal=direction&customer_facing=no&complexity=complex-tech",
			Answers{"direction", []string{"no-launches", "poor-coordination"}, "no", "complex-tech"}, nil},
		{"missing everything", "", Answers{}, []string{"goal", "customer_facing", "complexity"}},
		{"unknown value is dropped, the rest kept", "goal=ceo&customer_facing=yes&complexity=several-teams",
			Answers{"", nil, "yes", "several-teams"}, []string{"goal"}},
		{"single choice given twice", "goal=new-product&goal=direction&customer_facing=yes&complexity=single-team",
			Answers{"", nil, "yes", "single-team"}, []string{"goal"}},
		{"unknown problem, known ones kept", "goal=direction&problems=bad&problems=over-budget&customer_facing=no&complexity=single-team",
			Answers{"direction", []string{"over-budget"}, "no", "single-team"}, []string{"problems"}},
		{"invalid UTF-8", "goal=%ff%fe&customer_facing=no&complexity=single-team",
			Answers{"", nil, "no", "single-team"}, []string{"goal"}},
		{"unknown fields are ignored", "goal=direction&customer_facing=no&complexity=single-team&submit=go",
			Answers{"direction", nil, "no", "single-team"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			got, errs := Parse(form)
			if got.Goal != tt.want.Goal || got.CustomerFacing != tt.want.CustomerFacing || got.Complexity != tt.want.Complexity || !slices.Equal(got.Problems, tt.want.Problems) {
				t.Errorf("answers = %+v, want %+v", got, tt.want)
			}
			var fields []string
			for _, e := range errs {
				fields = append(fields, e.Field)
				if e.Problem == 0 {
					t.Errorf("%s: no problem named", e.Field)
				}
			}
			if !slices.Equal(fields, tt.wantFields) {
				t.Errorf("error fields = %v, want %v", fields, tt.wantFields)
			}
		})
	}
}

func TestQueryIsCanonical(t *testing.T) {
	form, _ := url.ParseQuery("complexity=complex-tech&problems=missed-deadlines&customer_facing=no&problems=no-launches&goal=new-feature")
	a, errs := Parse(form)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := "goal=new-feature&problems=no-launches&problems=missed-deadlines&customer_facing=no&complexity=complex-tech"
	if got := a.Query(); got != want {
		t.Errorf("Query() = %q, want %q", got, want)
	}
}

// FuzzParse feeds arbitrary form bodies to the decoder: it must never panic,
// and must give either errors or answers that decide to a valid role.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"goal=new-product&customer_facing=yes&complexity=single-team",
		"goal=new-product&goal=new-product&customer_facing=yes&complexity=single-team",
		"goal=%ff%fe%fd&customer_facing=%00&complexity=%C0%AF",
		"goal=" + string(make([]byte, 4096)),
		"problems=no-launches&problems=no-launches&problems=no-launches",
		"goal=<script>alert(1)</script>&complexity=';DROP TABLE",
		"%%%&&&===;;",
		"goal=direction&customer_facing=no&complexity=single-team&problems=",
		"",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		form, err := url.ParseQuery(body)
		if err != nil && form == nil {
			return
		}
		a, errs := Parse(form)
		if len(errs) > 0 {
			for _, e := range errs {
				if e.Field == "" || e.Problem == 0 {
					t.Fatalf("empty error %+v", e)
				}
			}
			return
		}
		res := Decide(a)
		if !res.Recommendation.Valid() || len(res.Reasons) == 0 {
			t.Fatalf("answers %+v decided %+v", a, res)
		}
		again, errs := Parse(mustQuery(t, a.Query()))
		if len(errs) > 0 || again.Query() != a.Query() {
			t.Fatalf("canonical query %q does not round-trip", a.Query())
		}
	})
}

func mustQuery(t *testing.T, q string) url.Values {
	v, err := url.ParseQuery(q)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
