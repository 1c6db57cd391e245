package decision

import (
	"net/url"
	"slices"
	"testing"
)

// Valid reports whether r is one of the recommendations.
func (r Recommendation) Valid() bool { return slices.Contains(Recommendations, r) }

func ids(rs []Reason) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func mustParse(t testing.TB, query string) Answers {
	t.Helper()
	a, errs := Parse(mustQuery(t, query))
	if len(errs) > 0 {
		t.Fatalf("%s: %v", query, errs)
	}
	return a
}

// TestDecide pins the answers the issue found wrong, and one of each
// outcome.
func TestDecide(t *testing.T) {
	tests := []struct {
		name, query string
		want        string // Result.Key()
		reasons     []string
	}{
		{"one feature, one team, founder with time: no hire yet",
			"goal=new-feature&decider=founder-has-time&complexity=single-team&hires=one", "not-yet",
			[]string{"product-new-feature", "product-founder-has-time", "project-small-and-steady"}},
		{"one feature, one team, nobody deciding: a product manager, no project manager",
			"goal=new-feature&decider=nobody-clearly&complexity=single-team&hires=two", "product-manager",
			[]string{"product-new-feature", "product-nobody-decides"}},
		{"internal system touching customers, one team: one person, not both",
			"goal=internal-system&decider=nobody-clearly&customer_facing=yes&complexity=single-team&hires=two", "one-person/project-manager",
			[]string{"product-customer-facing-system", "product-nobody-decides", "project-internal-system"}},
		{"internal system for staff, complex: a project manager",
			"goal=internal-system&decider=nobody-clearly&customer_facing=no&complexity=complex-tech&hires=two", "project-manager",
			[]string{"product-staff-system", "project-internal-system", "project-complex-tech"}},
		{"new product, stretched founder, one team: one person leading with product",
			"goal=new-product&decider=founder-stretched&complexity=single-team&hires=one", "one-person/product-manager",
			[]string{"product-new-product", "product-founder-stretched", "project-new-product"}},
		{"new product, founder with time, one team, nothing wrong: not yet (rule 13)",
			"goal=new-product&decider=founder-has-time&complexity=single-team&hires=one", "not-yet",
			[]string{"product-new-product", "product-founder-has-time", "project-new-product", "project-small-and-steady"}},
		{"new product, founder with time, several teams: delivery help first",
			"goal=new-product&decider=founder-has-time&complexity=several-teams&hires=one", "project-manager",
			[]string{"product-new-product", "product-founder-has-time", "project-new-product", "project-several-teams"}},
		{"new product, two hires, slipping, one team: one person (rule 12)",
			"goal=new-product&problems=missed-deadlines&decider=nobody-clearly&complexity=single-team&hires=two", "one-person/project-manager",
			[]string{"product-new-product", "product-nobody-decides", "project-new-product", "project-missed-deadlines"}},
		{"new product, two hires, slipping, several teams: both",
			"goal=new-product&problems=missed-deadlines&decider=nobody-clearly&complexity=several-teams&hires=two", "both",
			[]string{"product-new-product", "product-nobody-decides", "project-new-product", "project-missed-deadlines", "project-several-teams"}},
		{"one-off project of our own, one hire: a fixed-term project manager (rule 14)",
			"goal=one-off&decider=founder-has-time&complexity=complex-tech&hires=one", "project-manager/contract",
			[]string{"product-one-off", "project-one-off", "project-complex-tech"}},
		{"new product, one hire, several teams: the lead role",
			"goal=new-product&decider=nobody-clearly&complexity=several-teams&hires=one", "product-manager",
			[]string{"product-new-product", "product-nobody-decides", "project-new-product", "project-several-teams"}},
		{"direction, part-time: fractional",
			"goal=direction&decider=founder-stretched&complexity=single-team&hires=part-time", "product-manager/fractional",
			[]string{"product-direction", "product-founder-stretched"}},
		{"client work with product problems: a contract project manager",
			"goal=client-work&problems=unclear-direction&decider=already-covered&complexity=single-team&hires=part-time", "project-manager/contract",
			[]string{"product-client-decides", "project-client-work"}},
		{"old link: SPEC §3",
			"goal=new-feature&customer_facing=no&complexity=single-team", "both",
			[]string{"product-new-feature", "project-new-feature"}},
		{"old link, internal system, no customers, unclear direction: both, as before",
			"goal=internal-system&problems=unclear-direction&customer_facing=no&complexity=single-team", "both",
			[]string{"product-unclear-direction", "project-internal-system"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Decide(mustParse(t, tt.query))
			if got.Key() != tt.want {
				t.Errorf("outcome = %q, want %q", got.Key(), tt.want)
			}
			if !slices.Equal(ids(got.Reasons), tt.reasons) {
				t.Errorf("reasons = %v, want %v", ids(got.Reasons), tt.reasons)
			}
		})
	}
}

// TestTablesAreComplete checks each table's rows: ids unique, links set,
// and every outcome row and every lead row used by some answer set.
func TestTablesAreComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Reasons {
		if seen[r.ID] || r.Section == "" || r.Anchor == "" || len(r.If) == 0 || (r.Role != ProductManager && r.Role != ProjectManager) {
			t.Errorf("reason row %+v: repeated or incomplete", r)
		}
		seen[r.ID] = true
	}
	used := map[string]bool{}
	for _, a := range All() {
		res := Decide(a)
		used["outcome "+res.Outcome.ID] = true
		if res.LeadRule != nil {
			used["lead "+res.LeadRule.ID] = true
		}
		for _, c := range res.Checks {
			used["check "+c.ID] = true
		}
		for _, r := range res.Reasons {
			used["reason "+r.ID] = true
		}
	}
	for _, a := range AllOld() {
		for _, r := range Decide(a).Reasons {
			used["reason "+r.ID] = true
		}
	}
	for _, o := range Outcomes {
		if !used["outcome "+o.ID] {
			t.Errorf("outcome row %s never decides", o.ID)
		}
	}
	for _, l := range Leads {
		if !used["lead "+l.ID] {
			t.Errorf("lead row %s never decides", l.ID)
		}
	}
	for _, c := range Checks {
		if len(c.If) == 0 {
			t.Errorf("check %s has no conditions: it would fire for every answer", c.ID)
		}
		if !used["check "+c.ID] {
			t.Errorf("check %s never fires", c.ID)
		}
	}
	for _, r := range Reasons {
		if !used["reason "+r.ID] {
			t.Errorf("reason %s never fires", r.ID)
		}
	}
	keys := map[string]bool{}
	for _, a := range All() {
		keys[Decide(a).Key()] = true
	}
	for _, k := range Keys() {
		if !keys[k] {
			t.Errorf("outcome %s is never given", k)
		}
		delete(keys, k)
	}
	for k := range keys {
		t.Errorf("outcome %s is not in Keys()", k)
	}
}

// TestCustomerFacingMoot: an old link's result says its answer to
// customer_facing changed nothing exactly when it answered it and the
// other answer decides the same; named cases first, then every old link.
func TestCustomerFacingMoot(t *testing.T) {
	tests := []struct {
		query string
		want  bool
	}{
		{"goal=internal-system&customer_facing=no&complexity=single-team", false},
		{"goal=internal-system&problems=no-launches&customer_facing=yes&complexity=single-team", true},
		{"goal=new-product&customer_facing=no&complexity=single-team", true},                                                                // no sign turns on it
		{"goal=internal-system&problems=no-launches&decider=founder-stretched&customer_facing=yes&complexity=single-team&hires=one", false}, // a new link
	}
	for _, tt := range tests {
		if got := Decide(mustParse(t, tt.query)).CustomerFacingMoot; got != tt.want {
			t.Errorf("Decide(%s).CustomerFacingMoot = %v, want %v", tt.query, got, tt.want)
		}
	}
	f, _ := FieldNamed("customer_facing")
	for _, a := range AllOld() {
		res := Decide(a)
		want := a.CustomerFacing != ""
		for _, v := range f.Values {
			if other := Decide(a.With(f.Name, v)); other.Recommendation != res.Recommendation || other.Lead != res.Lead || other.Help != res.Help {
				want = false
			}
		}
		if res.CustomerFacingMoot != want {
			t.Errorf("Decide(%s).CustomerFacingMoot = %v, want %v", a.Query(), res.CustomerFacingMoot, want)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name       string
		query      string
		form       bool // read as the form, not as a link
		want       Answers
		wantFields []string // fields with errors
	}{
		{"old link", "goal=new-product&problems=over-budget&customer_facing=yes&complexity=single-team", false,
			Answers{Goal: "new-product", Problems: []string{"over-budget"}, CustomerFacing: "yes", Complexity: "single-team"}, nil},
		{"old link: problems in canonical order, deduplicated", "problems=poor-coordination&problems=no-launches&problems=poor-coordination&goal=direction&customer_facing=no&complexity=complex-tech", false,
			Answers{Goal: "direction", Problems: []string{"no-launches", "poor-coordination"}, CustomerFacing: "no", Complexity: "complex-tech"}, nil},
		// The customer-facing question shows only under an internal
		// system: it is not asked for until that goal is chosen.
		{"old link missing everything", "", false, Answers{}, []string{"goal", "complexity"}},
		{"old link: another goal, no customer-facing answer", "goal=new-product&complexity=single-team", false,
			Answers{Goal: "new-product", Complexity: "single-team"}, nil},
		{"old link: internal system, no customer-facing answer", "goal=internal-system&complexity=single-team", false,
			Answers{Goal: "internal-system", Complexity: "single-team"}, []string{"customer_facing"}},
		{"old link: another goal, a customer-facing answer kept", "goal=new-feature&customer_facing=no&complexity=single-team", false,
			Answers{Goal: "new-feature", CustomerFacing: "no", Complexity: "single-team"}, nil},
		{"old link: unknown value dropped, the rest kept", "goal=ceo&customer_facing=yes&complexity=several-teams", false,
			Answers{CustomerFacing: "yes", Complexity: "several-teams"}, []string{"goal"}},
		{"new link", "goal=new-product&decider=nobody-clearly&complexity=single-team&hires=one", false,
			Answers{Goal: "new-product", Decider: "nobody-clearly", Complexity: "single-team", Hires: "one"}, nil},
		{"new link: customer_facing dropped where it plays no part", "goal=new-product&decider=nobody-clearly&customer_facing=yes&complexity=single-team&hires=one", false,
			Answers{Goal: "new-product", Decider: "nobody-clearly", Complexity: "single-team", Hires: "one"}, nil},
		{"new link: customer_facing required for an internal system", "goal=internal-system&decider=nobody-clearly&complexity=single-team&hires=one", false,
			Answers{Goal: "internal-system", Decider: "nobody-clearly", Complexity: "single-team", Hires: "one"}, []string{"customer_facing"}},
		{"new link missing hires", "goal=direction&decider=nobody-clearly&complexity=single-team", false,
			Answers{Goal: "direction", Decider: "nobody-clearly", Complexity: "single-team"}, []string{"hires"}},
		{"client work is a new link", "goal=client-work&complexity=single-team", false,
			Answers{Goal: "client-work", Complexity: "single-team"}, []string{"decider", "hires"}},
		{"unknown decider", "goal=direction&decider=ceo&complexity=single-team&hires=one", false,
			Answers{Goal: "direction", Complexity: "single-team", Hires: "one"}, []string{"decider"}},
		{"unknown hires", "goal=direction&decider=nobody-clearly&complexity=single-team&hires=three", false,
			Answers{Goal: "direction", Decider: "nobody-clearly", Complexity: "single-team"}, []string{"hires"}},
		{"hires twice", "goal=direction&decider=nobody-clearly&complexity=single-team&hires=one&hires=two", false,
			Answers{Goal: "direction", Decider: "nobody-clearly", Complexity: "single-team"}, []string{"hires"}},
		{"decider twice", "goal=direction&decider=nobody-clearly&decider=nobody-clearly&complexity=single-team&hires=one", false,
			Answers{Goal: "direction", Complexity: "single-team", Hires: "one"}, []string{"decider"}},
		{"customer_facing twice for an internal system", "goal=internal-system&decider=nobody-clearly&customer_facing=yes&customer_facing=no&complexity=single-team&hires=one", false,
			Answers{Goal: "internal-system", Decider: "nobody-clearly", Complexity: "single-team", Hires: "one"}, []string{"customer_facing"}},
		{"the form: an old body is missing the new fields", "goal=new-product&customer_facing=yes&complexity=single-team", true,
			Answers{Goal: "new-product", Complexity: "single-team"}, []string{"decider", "hires"}},
		{"the form: goal missing keeps customer_facing", "customer_facing=no", true,
			Answers{CustomerFacing: "no"}, []string{"goal", "decider", "complexity", "hires"}},
		{"invalid UTF-8", "goal=%ff%fe&decider=nobody-clearly&complexity=single-team&hires=one", false,
			Answers{Decider: "nobody-clearly", Complexity: "single-team", Hires: "one"}, []string{"goal"}},
		{"unknown fields are ignored", "goal=direction&decider=nobody-clearly&complexity=single-team&hires=one&submit=go", false,
			Answers{Goal: "direction", Decider: "nobody-clearly", Complexity: "single-team", Hires: "one"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form := mustQuery(t, tt.query)
			parse := Parse
			if tt.form {
				parse = ParseForm
			}
			got, errs := parse(form)
			if got.Query() != tt.want.Query() {
				t.Errorf("answers = %s, want %s", got.Query(), tt.want.Query())
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
	for in, want := range map[string]string{
		"complexity=complex-tech&problems=missed-deadlines&customer_facing=no&problems=no-launches&goal=new-feature":            "goal=new-feature&problems=no-launches&problems=missed-deadlines&customer_facing=no&complexity=complex-tech",
		"hires=one&complexity=single-team&customer_facing=no&decider=already-covered&problems=over-budget&goal=internal-system": "goal=internal-system&problems=over-budget&decider=already-covered&customer_facing=no&complexity=single-team&hires=one",
	} {
		if got := mustParse(t, in).Query(); got != want {
			t.Errorf("Query() = %q, want %q", got, want)
		}
	}
	for _, a := range append(All(), AllOld()...) {
		if again := mustParse(t, a.Query()); again.Query() != a.Query() || again.Old() != a.Old() {
			t.Fatalf("%s does not round-trip", a.Query())
		}
	}
}

// FuzzParse feeds arbitrary form bodies to the decoder: it must never panic,
// and must give either errors or answers that decide to a valid outcome.
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
		"goal=client-work&decider=already-covered&complexity=complex-tech&hires=part-time",
		"goal=internal-system&decider=founder-has-time&customer_facing=no&complexity=single-team&hires=one",
		"goal=internal-system&decider=founder-has-time&complexity=single-team&hires=one",
		"goal=new-product&decider=nobody-clearly&decider=founder-stretched&complexity=single-team&hires=two",
		"goal=new-product&decider=nobody-clearly&complexity=single-team&hires=two&hires=two",
		"goal=new-product&decider=ceo&complexity=single-team&hires=%ff",
		"hires=one",
		"decider=nobody-clearly&goal=direction&customer_facing=yes&customer_facing=no&complexity=single-team",
		"goal=client-work&customer_facing=yes&complexity=single-team",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		form, err := url.ParseQuery(body)
		if err != nil && form == nil {
			return
		}
		for _, parse := range []func(url.Values) (Answers, []FieldError){Parse, ParseForm} {
			a, errs := parse(form)
			if len(errs) > 0 {
				for _, e := range errs {
					if e.Field == "" || e.Problem == 0 {
						t.Fatalf("empty error %+v", e)
					}
				}
				continue
			}
			res := Decide(a)
			if !res.Recommendation.Valid() || len(res.Reasons) == 0 {
				t.Fatalf("answers %+v decided %+v", a, res)
			}
			again, errs := Parse(mustQuery(t, a.Query()))
			if len(errs) > 0 || again.Query() != a.Query() {
				t.Fatalf("canonical query %q does not round-trip", a.Query())
			}
		}
	})
}

func mustQuery(t testing.TB, q string) url.Values {
	v, err := url.ParseQuery(q)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
