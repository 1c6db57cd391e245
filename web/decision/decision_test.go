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

// Every value of every field changes the outcome in the way the rules say.
func TestDecideEveryValue(t *testing.T) {
	base := Answers{Goal: "direction", CustomerFacing: "no", Complexity: "single-team"}
	for _, f := range Fields {
		for _, v := range f.Values {
			a := base
			a.Problems = nil
			switch f.Name {
			case "goal":
				a.Goal = v
			case "problems":
				a.Goal = "internal-system" // a pure project need, so product problems show
				a.Problems = []string{v}
			case "customer_facing":
				a.Goal = "internal-system"
				a.CustomerFacing = v
			case "complexity":
				a.Complexity = v
			}
			got := Decide(a)
			if !got.Recommendation.Valid() || len(got.Reasons) == 0 {
				t.Fatalf("%s=%s: %+v", f.Name, v, got)
			}
			for _, r := range got.Reasons {
				if r.Section == "" || r.Anchor == "" {
					t.Errorf("%s=%s: reason %s has no guide link", f.Name, v, r.ID)
				}
			}
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
				if e.Message == "" {
					t.Errorf("%s: empty message", e.Field)
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
				if e.Field == "" || e.Message == "" {
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
