package browser

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// foldCheck reports how far down the page the result's panel and the
// first heading under it (the first reason's) end, and where the first
// screen ends.
const foldCheck = `(() => {
	const panel = document.querySelector("main .panel");
	const first = panel && [...document.querySelectorAll("main h2")].find(h => panel.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING);
	return {panel: panel ? panel.getBoundingClientRect().bottom : -1, reason: first ? first.getBoundingClientRect().bottom : -1, fold: window.innerHeight};
})()`

type foldReport struct {
	Panel  float64 `json:"panel"`
	Reason float64 `json:"reason"`
	Fold   float64 `json:"fold"`
}

func (r foldReport) above() bool {
	return r.Panel > 0 && r.Reason > 0 && r.Panel <= r.Fold && r.Reason <= r.Fold
}

// TestResultAboveTheFold checks that on a 390×844 phone a result's panel
// and the heading after it ("Why", after the actions) are on the first
// screen, for each recommendation (the longest h1 is "both"). Where the
// actions sit is TestResultNextStep's.
func TestResultAboveTheFold(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	results := map[string]string{
		"product-manager": "/which-role/result?goal=direction&customer_facing=no&complexity=single-team",
		"project-manager": "/which-role/result?goal=internal-system&customer_facing=no&complexity=single-team",
		"both":            "/which-role/result?goal=new-product&problems=no-launches&problems=unclear-direction&problems=over-budget&problems=missed-deadlines&problems=poor-coordination&customer_facing=yes&complexity=complex-tech",
		"one-person":      "/which-role/result?goal=new-feature&problems=over-budget&decider=nobody-clearly&complexity=single-team&hires=two",
		"not-yet":         "/which-role/result?goal=new-feature&decider=founder-has-time&complexity=single-team&hires=one",
		"fractional":      "/which-role/result?goal=direction&decider=founder-stretched&complexity=single-team&hires=part-time",
		"contract":        "/which-role/result?goal=client-work&problems=no-launches&decider=already-covered&complexity=single-team&hires=part-time",
	}
	// The canary: on a screen 300px high the first reason is below the fold, and
	// the check must say so.
	run(t, ctx, chromedp.EmulateViewport(390, 300))
	open(t, ctx, page{path: results["both"], status: 200})
	if r := evaluate[foldReport](t, ctx, foldCheck); r.above() {
		t.Fatalf("on a 300px screen the panel and first reason seem above the fold: the check is broken: %+v", r)
	}
	run(t, ctx, chromedp.EmulateViewport(390, 844))
	for rec, path := range results {
		t.Run(rec, func(t *testing.T) {
			open(t, ctx, page{path: path, status: 200})
			r := evaluate[foldReport](t, ctx, foldCheck)
			if !r.above() {
				t.Errorf("%s at 390×844: %s", path, fmt.Sprintf("panel ends at %.0fpx, the first reason's heading at %.0fpx, the screen at %.0fpx", r.Panel, r.Reason, r.Fold))
			}
		})
	}
}
