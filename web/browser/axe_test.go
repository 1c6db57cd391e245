package browser

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// axeTags are the rule sets the site must pass: WCAG 2.0, 2.1 and 2.2 at
// levels A and AA, and axe's best practices.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"}

// colorSchemes are checked separately: colour contrast differs in each.
var colorSchemes = []string{"light", "dark"}

// An axeViolation is one failed rule with the elements that fail it.
type axeViolation struct {
	ID      string    `json:"id"`
	Impact  string    `json:"impact"`
	Help    string    `json:"help"`
	HelpURL string    `json:"helpUrl"`
	Nodes   []axeNode `json:"nodes"`
}

type axeNode struct {
	Target  []string `json:"target"`
	HTML    string   `json:"html"`
	Summary string   `json:"summary"`
}

func (v axeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s <%s>", v.ID, v.Impact, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n\t%s\n\t\t%s\n\t\t%s", strings.Join(n.Target, " "), n.HTML,
			strings.ReplaceAll(n.Summary, "\n", "\n\t\t"))
	}
	return b.String()
}

// runAxe is the expression that runs axe in the page and returns the
// violations in the shape of axeViolation. What axe cannot decide on its
// own ("incomplete", such as the contrast of the diagram's text over its
// translucent circles) is not a violation and is not reported.
var runAxe = fmt.Sprintf(`axe.run(document, {
	runOnly: {type: "tag", values: %s},
	resultTypes: ["violations"],
}).then(r => r.violations.map(v => ({
	id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
	nodes: v.nodes.map(n => ({
		target: n.target.map(s => Array.isArray(s) ? s.join(" >>> ") : String(s)),
		html: n.html, summary: n.failureSummary || "",
	})),
})))`, jsStrings(axeTags))

func jsStrings(ss []string) string {
	return `["` + strings.Join(ss, `", "`) + `"]`
}

// TestAccessibility runs axe-core in every page, in the light and the dark
// colour scheme, and fails on any violation.
func TestAccessibility(t *testing.T) {
	t.Parallel()
	path, err := axePath()
	requireTool(t, err)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := newTab(t)
	axe := func(t *testing.T) []axeViolation {
		t.Helper()
		// Runtime.evaluate is not subject to the page's CSP, which
		// forbids inline and injected scripts. Once per page is enough:
		// the colour schemes share one load.
		if !evaluate[bool](t, ctx, `typeof axe === "object"`) {
			evaluate[chromedp.Void](t, ctx, string(src))
		}
		return evaluate[[]axeViolation](t, ctx, runAxe, chromedp.EvalAwaitPromise)
	}
	t.Run("canary", func(t *testing.T) {
		run(t, ctx, chromedp.Navigate(canaryURL()))
		for _, v := range axe(t) {
			if v.ID == "image-alt" {
				return
			}
		}
		t.Fatal("axe did not report the canary's image with no alt text: the check is broken")
	})
	for _, p := range pages() {
		t.Run(p.name, func(t *testing.T) {
			open(t, ctx, p)
			for _, scheme := range colorSchemes {
				t.Run(scheme, func(t *testing.T) {
					run(t, ctx, callAction(emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
						Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
					}))
					if !evaluate[bool](t, ctx, `matchMedia("(prefers-color-scheme: `+scheme+`)").matches`) {
						t.Fatalf("the page is not in the %s colour scheme", scheme)
					}
					violations := axe(t)
					for _, v := range violations {
						t.Errorf("%s %s: %s", p.path, scheme, v)
					}
					t.Logf("%s %s: %d axe violations", p.path, scheme, len(violations))
				})
			}
		})
	}
}
