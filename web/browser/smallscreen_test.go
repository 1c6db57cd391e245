package browser

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// smallWidths are the phone widths every page must fit: the narrowest
// phones in use, and the most common small one.
var smallWidths = []int64{320, 375}

// minFontSize is the smallest text size, in CSS pixels, a page may show.
const minFontSize = 16

// A layoutReport is what layoutCheck finds in a page.
type layoutReport struct {
	ScrollWidth float64     `json:"scrollWidth"`
	ClientWidth float64     `json:"clientWidth"`
	Wide        []string    `json:"wide"`  // elements past the right edge
	Small       []smallText `json:"small"` // visible text under minFontSize
}

type smallText struct {
	Element string  `json:"element"`
	Text    string  `json:"text"`
	Size    float64 `json:"size"`
}

func (s smallText) String() string {
	return fmt.Sprintf("%s %q is %.1fpx", s.Element, s.Text, s.Size)
}

// layoutCheck measures the page. Text is every element with a non-blank
// text node of its own that the browser renders and that is larger than one
// pixel: the visually hidden texts for screen readers (.vh, clipped to 1px)
// are not seen, so their size does not matter. SVG text is included at the
// size it is drawn: its computed font-size is in the drawing's units, so it
// is scaled by the drawing's scale on screen (getScreenCTM).
var layoutCheck = fmt.Sprintf(`(() => {
	const root = document.documentElement;
	const out = {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide: [], small: []};
	const describe = el => {
		let s = el.localName;
		if (el.id) s += "#" + el.id;
		for (const c of el.classList) s += "." + c;
		const p = el.parentElement;
		return p && p !== document.body ? describe(p) + " > " + s : s;
	};
	for (const el of document.body.querySelectorAll("*")) {
		const r = el.getBoundingClientRect();
		const past = e => e.getBoundingClientRect().right > root.clientWidth + 0.5;
		// Only the outermost element past the edge: its children follow it.
		if (r.width > 0 && past(el) && !(el.parentElement && past(el.parentElement))) {
			out.wide.push(describe(el) + " (right edge at " + Math.round(r.right) + "px)");
		}
		const text = [...el.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.data).join("").trim();
		if (!text || r.width <= 1 || r.height <= 1) continue;
		if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
		let size = parseFloat(getComputedStyle(el).fontSize);
		if (el instanceof SVGElement) {
			const m = el.getScreenCTM();
			if (m) size *= Math.hypot(m.a, m.b);
		}
		if (size < %d - 0.01) out.small.push({element: describe(el), text: text.slice(0, 60), size});
	}
	return out;
})()`, minFontSize)

// TestSmallScreens checks every page on small phone screens: nothing makes
// the page scroll sideways, and no visible text is smaller than 16px.
func TestSmallScreens(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	// Each page is loaded once and laid out at each width, as a phone
	// turned or a window narrowed would: the layout follows the width.
	t.Run("canary", func(t *testing.T) {
		run(t, ctx, chromedp.EmulateViewport(smallWidths[0], 720))
		run(t, ctx, chromedp.Navigate(canaryURL()))
		for _, width := range smallWidths {
			run(t, ctx, chromedp.EmulateViewport(width, 720))
			r := evaluate[layoutReport](t, ctx, layoutCheck)
			if r.ClientWidth != float64(width) || r.ScrollWidth <= r.ClientWidth || len(r.Wide) == 0 || len(r.Small) == 0 {
				t.Fatalf("at %dpx the canary's wide element and tiny text went unnoticed: the check is broken: %+v", width, r)
			}
		}
	})
	for _, p := range pages() {
		t.Run(p.name, func(t *testing.T) {
			run(t, ctx, chromedp.EmulateViewport(smallWidths[0], 720))
			open(t, ctx, p)
			for _, width := range smallWidths {
				run(t, ctx, chromedp.EmulateViewport(width, 720))
				r := evaluate[layoutReport](t, ctx, layoutCheck)
				if r.ClientWidth != float64(width) {
					t.Fatalf("%s: viewport is %vpx wide, want %dpx", p.path, r.ClientWidth, width)
				}
				if r.ScrollWidth > r.ClientWidth {
					t.Errorf("%s at %dpx: scrolls sideways: %vpx of content in %vpx; too wide:", p.path, width, r.ScrollWidth, r.ClientWidth)
					for _, w := range r.Wide {
						t.Errorf("\t%s", w)
					}
				}
				for _, s := range r.Small {
					t.Errorf("%s at %dpx: text smaller than %dpx: %s", p.path, width, minFontSize, s)
				}
			}
		})
	}
}
