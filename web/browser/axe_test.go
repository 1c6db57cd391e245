package browser

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// axeTags are the rule sets the site must pass: WCAG 2.0, 2.1 and 2.2 at
// levels A and AA, and axe's best practices.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"}

// colorSchemes are checked separately: colour contrast differs in each.
// In the light scheme every rule of axeTags runs; in the dark one, the
// rules a colour can change (axeColourRules): the dark scheme changes
// colours and nothing else (TestDarkChangesOnlyColours), so every other
// rule finds in the dark what it found in the light.
var colorSchemes = []string{"light", "dark"}

// axeColourRules are the rules of axeTags whose outcome depends on colour:
// text contrast, and links told from the text around them by colour.
var axeColourRules = []string{"color-contrast", "link-in-text-block"}

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

// runAxe is, by colour scheme, the expression that runs axe in the page
// and returns the violations in the shape of axeViolation. What axe cannot
// decide on its own ("incomplete", such as the contrast of the diagram's
// text over its translucent circles) is not a violation and is not
// reported.
var runAxe = map[string]string{
	"light": axeRun("tag", axeTags),
	"dark":  axeRun("rule", axeColourRules),
}

func axeRun(kind string, values []string) string {
	return fmt.Sprintf(`axe.run(document, {
	runOnly: {type: %q, values: %s},
	resultTypes: ["violations"],
}).then(r => r.violations.map(v => ({
	id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
	nodes: v.nodes.map(n => ({
		target: n.target.map(s => Array.isArray(s) ? s.join(" >>> ") : String(s)),
		html: n.html, summary: n.failureSummary || "",
	})),
})))`, kind, jsStrings(values))
}

func jsStrings(ss []string) string {
	return `["` + strings.Join(ss, `", "`) + `"]`
}

// TestAccessibility runs axe-core in every page, every rule in the light
// colour scheme and the colour rules in the dark one, and fails on any
// violation.
func TestAccessibility(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	// The tab runs axe in every document it loads, before the page's own
	// scripts: a script the browser adds is not subject to the page's CSP,
	// which forbids inline and injected ones. Sent once, not once a page
	// (half a megabyte each time).
	run(t, ctx, callAction(cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: axeSource(t)}))
	axe := func(t *testing.T, scheme string) []axeViolation {
		t.Helper()
		if !evaluate[bool](t, ctx, `typeof axe === "object"`) {
			t.Fatal("axe is not loaded in the page")
		}
		return evaluate[[]axeViolation](t, ctx, runAxe[scheme], chromedp.EvalAwaitPromise)
	}
	t.Run("canary", func(t *testing.T) {
		setScheme(t, ctx, "light")
		run(t, ctx, chromedp.Navigate(canaryURL()))
		for _, v := range axe(t, "light") {
			if v.ID == "image-alt" {
				return
			}
		}
		t.Fatal("axe did not report the canary's image with no alt text: the check is broken")
	})
	t.Run("canary-dark", func(t *testing.T) {
		setScheme(t, ctx, "dark")
		run(t, ctx, chromedp.Navigate(darkCanaryURL))
		for _, v := range axe(t, "dark") {
			if v.ID == "color-contrast" {
				return
			}
		}
		t.Fatal("axe did not report the dark canary's grey on black: the dark check is broken")
	})
	for _, p := range pages() {
		t.Run(p.name, func(t *testing.T) {
			open(t, ctx, p)
			for _, scheme := range colorSchemes {
				t.Run(scheme, func(t *testing.T) {
					setScheme(t, ctx, scheme)
					violations := axe(t, scheme)
					for _, v := range violations {
						t.Errorf("%s %s: %s", p.path, scheme, v)
					}
					t.Logf("%s %s: %d axe violations", p.path, scheme, len(violations))
				})
			}
		})
	}
}

// axeSource is axe-core's script, from .tools.
func axeSource(t *testing.T) string {
	t.Helper()
	path, err := axePath()
	requireTool(t, err)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// setScheme emulates the colour scheme a reader has chosen.
func setScheme(t *testing.T, ctx context.Context, scheme string) {
	t.Helper()
	run(t, ctx, callAction(emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	}))
	if !evaluate[bool](t, ctx, `matchMedia("(prefers-color-scheme: `+scheme+`)").matches`) {
		t.Fatalf("the page is not in the %s colour scheme", scheme)
	}
}

// darkCanaryURL is a page readable in the light scheme and grey on black
// in the dark one.
var darkCanaryURL = "data:text/html," + url.PathEscape(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Dark canary</title>`+
	`<style>@media (prefers-color-scheme:dark){body{background:#000;color:#333}}</style></head>`+
	`<body><main><h1>Dark canary</h1><p>Grey on black</p></main></body></html>`)

var (
	// darkBlock is a dark scheme in the stylesheet: custom properties only.
	darkBlock = regexp.MustCompile(`@media ?\(prefers-color-scheme: ?dark\) ?\{:root\{([^{}]*)\}\}`)
	// colourDecl is a custom property set to a colour.
	colourDecl = regexp.MustCompile(`^--[a-z0-9-]+:#[0-9a-fA-F]{3,8}$`)
	// stylesheetLink is a page's link to a stylesheet.
	stylesheetLink = regexp.MustCompile(`<link rel="stylesheet" href="([^"]+)"`)
)

// TestDarkChangesOnlyColours is what lets the dark scheme's accessibility
// pass run the colour rules alone: the stylesheet's dark scheme sets colours
// and nothing else (no size, no spacing, nothing shown or hidden), no page
// asks for the scheme itself, and the colour rules are rules the light pass
// runs too. It fails on a stylesheet or page that lets the scheme change
// anything but colour.
func TestDarkChangesOnlyColours(t *testing.T) {
	t.Parallel()
	sheets := map[string]bool{}
	for _, p := range pages() {
		body := string(fetch(t, p))
		if strings.Contains(body, "prefers-color-scheme") {
			t.Errorf("%s: the page itself asks for the colour scheme", p.path)
		}
		for _, m := range stylesheetLink.FindAllStringSubmatch(body, -1) {
			sheets[m[1]] = true
		}
	}
	if len(sheets) == 0 {
		t.Fatal("no page links a stylesheet")
	}
	for sheet := range sheets {
		resp, err := http.Get(baseURL + sheet)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d, %v", sheet, resp.StatusCode, err)
		}
		css := string(b)
		blocks := darkBlock.FindAllStringSubmatch(css, -1)
		if n := strings.Count(css, "prefers-color-scheme"); len(blocks) == 0 || n != len(blocks) {
			t.Errorf("%s: %d dark blocks of custom properties, %d mentions of prefers-color-scheme", sheet, len(blocks), n)
		}
		for _, b := range blocks {
			for decl := range strings.SplitSeq(strings.TrimSuffix(b[1], ";"), ";") {
				if !colourDecl.MatchString(strings.TrimSpace(decl)) {
					t.Errorf("%s: the dark scheme sets %q, which is not a colour", sheet, decl)
				}
			}
		}
	}
	src := axeSource(t)
	ctx := newTab(t)
	evaluate[chromedp.Void](t, ctx, src)
	ids := evaluate[[]string](t, ctx, fmt.Sprintf(`axe.getRules(%s).map(r => r.ruleId)`, jsStrings(axeTags)))
	for _, r := range axeColourRules {
		if !slices.Contains(ids, r) {
			t.Errorf("axe has no rule %s among %v", r, axeTags)
		}
	}
}
