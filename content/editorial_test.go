package content_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/guide/pmvspm/content"
)

// The shipped content keeps every editorial rule: what guide -check says,
// the tests say.
func TestCheckWords(t *testing.T) {
	t.Parallel()
	if err := content.CheckWords(content.Files); err != nil {
		t.Errorf("the content breaks the editorial rules (guide -check says the same):\n%v", err)
	}
}

// Each rule finds what it is for, at its file and line, in plain words,
// and nothing else.
func TestCheckWordsRules(t *testing.T) {
	t.Parallel()
	const pay = "guide/career-path.md"
	term := strings.ToLower(firstGlossaryTerm(t))
	tests := []struct {
		name string
		edit edit
		// want are the problems, each "file:line: reason" with the line
		// of at (the first occurrence of at in file) instead of the line.
		want []struct{ file, at, reason string }
	}{
		{"American spelling and PM", appendTo(skills, "We organize the work, and the PM decides.\n"), []struct{ file, at, reason string }{
			{skills, "We organize", `American spelling "organize": write the UK form (organise, programme, towards, judgement, behaviour, colour, centre): "We organize the work, and the PM decides."`},
			{skills, "We organize", `"PM": never write PM for either role: write product manager or project manager in full`},
		}},
		{"American spelling in YAML, across a line break", replace("words.yaml", `skip_link: "`, `skip_link: "Our
    favorite `), []struct{ file, at, reason string }{
			{"words.yaml", "favorite", `American spelling "favorite"`},
		}},
		{"spelling exceptions stay allowed", appendTo(skills, "The US Bureau of Labor Statistics says so.\n"), nil},
		{"a role name in capitals mid-sentence", appendTo("faq/who-gets-paid-more.md", "Ask any\nProduct Manager.\n"), []struct{ file, at, reason string }{
			{"faq/who-gets-paid-more.md", "Ask any", `"any Product Manager": role names are lower case mid-sentence`},
		}},
		{"a heading before a table is not mid-sentence", appendTo(skills, "## Side by side again {#again}\n\n| Product manager | Project manager |\n| --- | --- |\n| a | b |\n"), nil},
		{"a retired claim, wrapped and emphasised", appendTo(hiring, "They take on\n**one project** at a time.\n"), []struct{ file, at, reason string }{
			{hiring, "**one project**", `"one project at a time" is a claim a review found wrong`},
		}},
		{"a retired claim in other words", appendTo(hiring, "A product manager only makes sense where you sell software.\n"), []struct{ file, at, reason string }{
			{hiring, "only makes sense", `"only makes sense where you sell": a product manager only fits where something is sold is a claim a review found wrong`},
		}},
		{"a copied run, once for the passage", appendTo(hiring, "In short, they are two positions that often\noverlap but play distinct roles in a company’s success.\n"), []struct{ file, at, reason string }{
			{hiring, "In short, they", `12 words in a row copied from the source article: "two positions that often overlap but play distinct roles in a company's"`},
		}},
		{"money outside the pay section", appendTo("home.md", "A product manager costs $90,000 a year.\n"), []struct{ file, at, reason string }{
			{"home.md", "costs $90,000", `an amount of money ("$9") outside the guide's pay section`},
		}},
		{"money in the pay section without its source", replace(pay, "{#pay}\n", "{#pay}\n\nThey earn £50,000 a year.\n"), []struct{ file, at, reason string }{
			{pay, "earn £50,000", `an amount of money ("£5") with no link to its official source in the same paragraph`},
		}},
		{"money in the pay section with its source", replace(pay, "{#pay}\n", "{#pay}\n\nThey earn £50,000 a year ([ONS](https://www.ons.gov.uk/), checked 2026-11-01).\n"), nil},
		{"a link to an FAQ answer that does not say its question", appendTo(skills, "See [what they earn](/faq/who-gets-paid-more).\n"), []struct{ file, at, reason string }{
			{skills, "See [what they earn]", `the link to /faq/who-gets-paid-more says "what they earn": a link to an FAQ answer says its question`},
		}},
		{"a glossary term linked to the glossary", appendTo(skills, "See ["+term+"](/faq/glossary).\n"), nil},
		{"other words linked to the glossary", appendTo(skills, "See [these words](/faq/glossary).\n"), []struct{ file, at, reason string }{
			{skills, "See [these words]", `the link to /faq/glossary says "these words": a link to an FAQ answer says its question`},
		}},
		{"a fact dropped", replace("guide/definitions.md", "experienced teams sometimes", "teams sometimes"), []struct{ file, at, reason string }{
			{"guide/definitions.md", "---", `the source article's fact "even experienced teams sometimes confuse the roles" is no longer stated: the file no longer says "experienced teams sometimes"`},
		}},
		{"the rule of thumb outside its section", appendTo("home.md", "One decides what and why.\n"), []struct{ file, at, reason string }{
			{"home.md", "One decides", `the rule of thumb (what and why, how and when): said here, but it belongs in one place only`},
		}},
		{"a point made too often", appendTo("home.md", strings.Repeat("It ships on time.\n\n", 12)), []struct{ file, at, reason string }{
			{"home.md", "It ships on time.", `the on-time family (on time, on schedule, on budget, within scope…): said 13 times across the site by here, at most 12`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fsys := realFS(t)
			tt.edit(t, fsys)
			err := content.CheckWords(fsys)
			var problems content.Problems
			if err != nil {
				problems = err.(content.Problems)
			}
			if len(problems) != len(tt.want) {
				t.Fatalf("%d problems, want %d:\n%v", len(problems), len(tt.want), err)
			}
			for i, w := range tt.want {
				// The problem names the file, a line on which at is, and
				// the reason.
				got := problems[i].Error()
				var line int
				rest, ok := strings.CutPrefix(got, w.file+":")
				if ok {
					_, err := fmt.Sscanf(rest, "%d:", &line)
					ok = err == nil
				}
				lines := strings.Split(fileText(t, fsys, w.file), "\n")
				if !ok || line < 1 || line > len(lines) || !strings.Contains(lines[line-1], w.at) ||
					!strings.HasPrefix(rest, fmt.Sprintf("%d: %s", line, w.reason)) {
					t.Errorf("problem %d:\n got %s\nwant %s:{the line of %q}: %s…", i, got, w.file, w.at, w.reason)
				}
			}
		})
	}
}

// The spelling list catches what it is for, and leaves the UK forms alone.
func TestUSSpellings(t *testing.T) {
	t.Parallel()
	for _, us := range []string{"organization", "organizes", "toward", "prioritize", "behavior", "color", "center", "judgment", "analyze"} {
		if m := content.USSpellings("We " + us + ", mid-sentence."); len(m) != 1 || m[0] != [2]int{3, 3 + len(us)} {
			t.Errorf("the spelling list misses %q", us)
		}
	}
	for _, uk := range []string{"organisation", "organises", "towards", "prioritise", "behaviour", "colour", "centre", "judgement", "analyse", "size", "programme"} {
		if m := content.USSpellings("We " + uk + ", mid-sentence."); len(m) != 0 {
			t.Errorf("the spelling list flags the UK spelling %q", uk)
		}
	}
	for _, bad := range []string{"hire a Product Manager", "the Scrum master", "a PM", "each Product owner"} {
		if len(content.RoleNameSlips(bad)) == 0 {
			t.Errorf("the role-name pattern misses %q", bad)
		}
	}
	for _, good := range []string{"Product manager or project manager", "Scrum master. Helps", "Certified ScrumMaster", "PMP"} {
		if len(content.RoleNameSlips(good)) != 0 {
			t.Errorf("the role-name pattern flags %q", good)
		}
	}
}

var update = flag.Bool("update", false, "rewrite editorial/source-runs.txt from the source article")

// sourceFile is the article the guide's facts come from: beside the
// repository's folder, or beside the folder that holds the repository's
// worktrees. GUIDE_SOURCE overrides the path.
func sourceFile() string {
	if p := os.Getenv("GUIDE_SOURCE"); p != "" {
		return p
	}
	for _, p := range []string{"../../shared/source/guide-source.txt", "../../../shared/source/guide-source.txt"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return "../../shared/source/guide-source.txt"
}

// The stored hashes of the article's runs are those of the article, when
// the article is at hand; -update rewrites them.
func TestSourceRuns(t *testing.T) {
	t.Parallel()
	const stored = "editorial/source-runs.txt"
	src, err := os.ReadFile(sourceFile())
	if os.IsNotExist(err) && os.Getenv("GUIDE_SOURCE") == "" {
		t.Skipf("source article not found at %s; %s is checked against it where it is", sourceFile(), stored)
	}
	if err != nil {
		t.Fatal(err)
	}
	want := []byte(strings.Join(content.SourceRunHashes(string(src)), "\n") + "\n")
	if *update {
		if err := os.WriteFile(stored, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(stored)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not the article's runs; run go test ./content -run TestSourceRuns -update", stored)
	}
	if n := bytes.Count(got, []byte("\n")); n < 1000 {
		t.Errorf("%s has only %d runs; is it the article's?", stored, n)
	}
}
