package browser

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"maps"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The tests of the site's third design round (issue 31), one a point, each
// numbered as the issue numbers it. Each measures what a reader sees in
// Chromium at 390×844 (a phone) and 1280×800 (a laptop).

// everyOutcome is a result of every kind: the resultPaths, and part-time
// help of both kinds.
func everyOutcome() map[string]string {
	out := maps.Clone(resultPaths)
	out["fractional"] = "/which-role/result?goal=direction&decider=founder-stretched&complexity=single-team&hires=part-time"
	out["contract"] = "/which-role/result?goal=client-work&problems=no-launches&decider=already-covered&complexity=single-team&hires=part-time"
	return out
}

// screens are the two screens the design is measured on.
var screens = []struct{ w, h int64 }{{390, 844}, {1280, 800}}

// A nextStepReport is how a result leads to what to do next.
type nextStepReport struct {
	AfterPanel bool     // the actions come straight after the panel
	Hrefs      []string // the actions' addresses, in order
	Primary    box      // the main action (not .secondary)
	PrimaryN   int
	WhyHeading string   // the first heading after the actions
	WhyPoints  []string // the points under it
	WhyFirst   bool     // "Why" comes before every other h2 after the panel but the aside's
}

const nextStepCheck = `(() => {
	const panel = document.querySelector("main .panel");
	const actions = document.querySelector("main .actions");
	if (!panel || !actions) return {};
	let next = panel.nextElementSibling;
	const after = !!next && (next === actions || next.firstElementChild === actions);
	const primary = [...actions.querySelectorAll("a.button:not(.secondary)")];
	const r = primary.length ? primary[0].getBoundingClientRect() : {};
	const follows = (a, b) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
	const h2s = [...document.querySelectorAll("main h2")].filter(h => follows(actions, h) && !h.closest(".result-aside"));
	const why = h2s[0];
	const list = why && why.nextElementSibling;
	return {
		AfterPanel: after,
		Hrefs: [...actions.querySelectorAll("a")].map(a => a.getAttribute("href").replace(/\?.*/, "?")),
		Primary: primary.length ? {Found: true, Top: r.top, Bottom: r.bottom, Left: r.left, Right: r.right, Width: r.width, Height: r.height} : {Found: false},
		PrimaryN: primary.length,
		WhyHeading: why ? why.textContent.trim() : "",
		WhyPoints: list && list.localName === "ul" ? [...list.children].map(li => li.textContent.replace(/\s+/g, " ").trim()) : [],
	};
})()`

// Point 1: every result puts its actions straight under the answer (the
// kit as a PDF first, then to view or print, then the job advert), with
// the main action on the first screen of a phone and of a laptop; then
// "Why" in at most three short points, the detail after.
func TestResultNextStep(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	outcomes := everyOutcome()
	for _, rec := range slices.Sorted(maps.Keys(outcomes)) {
		for _, s := range screens {
			viewport(t, ctx, s.w, s.h)
			open(t, ctx, page{path: outcomes[rec], status: 200})
			r := evaluate[nextStepReport](t, ctx, nextStepCheck)
			where := fmt.Sprintf("%s at %d×%d", rec, s.w, s.h)
			if !r.AfterPanel {
				t.Errorf("%s: the actions do not come straight after the answer panel", where)
			}
			if want := []string{"/which-role/brief.pdf?", "/which-role/brief?", "/which-role/job-ad?"}; fmt.Sprint(r.Hrefs) != fmt.Sprint(want) {
				t.Errorf("%s: the actions lead to %v, want %v", where, r.Hrefs, want)
			}
			if r.PrimaryN != 1 || !r.Primary.Found || r.Primary.Top < 0 || r.Primary.Bottom > float64(s.h) {
				t.Errorf("%s: the main action (%d of them) spans %.0f–%.0fpx, want it on the first screen (0–%dpx)", where, r.PrimaryN, r.Primary.Top, r.Primary.Bottom, s.h)
			}
			if r.WhyHeading != site.Words.Result.Why {
				t.Errorf("%s: the first heading after the actions is %q, want %q", where, r.WhyHeading, site.Words.Result.Why)
			}
			if n := len(r.WhyPoints); n == 0 || n > 3 {
				t.Errorf("%s: %q is followed by %d points, want one to three: %q", where, r.WhyHeading, n, r.WhyPoints)
			}
			for _, p := range r.WhyPoints {
				if n := len(strings.Fields(p)); n > 45 {
					t.Errorf("%s: a point of %q has %d words, want a short one: %q", where, r.WhyHeading, n, p)
				}
			}
		}
	}
}

// A wideReport is how a result uses a laptop's width.
type wideReport struct {
	Column, Aside box
	Sticky        string
	AsideHas      []string // what the aside holds: its actions' and answers' selectors found
	AfterScroll   box      // the main action after scrolling down
}

const wideCheck = `(() => {
	const rect = el => { if (!el) return {Found: false}; const r = el.getBoundingClientRect(); return {Found: true, Top: r.top, Bottom: r.bottom, Left: r.left, Right: r.right, Width: r.width, Height: r.height}; };
	const aside = document.querySelector("main .result-aside");
	return {
		Column: rect(document.querySelector("main .panel")),
		Aside: rect(aside),
		Sticky: aside ? getComputedStyle(aside).position : "",
		AsideHas: aside ? [".actions", "dl.answers"].filter(s => aside.querySelector(s) && aside.querySelector(s).checkVisibility()) : [],
	};
})()`

// Point 2: from about 60rem a result is two columns: the answer and its
// reasons in two thirds, and beside them a sticky aside with the actions
// and the answers given; how-it-works gives its tables the page's width;
// prose keeps a measure of 75 characters or fewer.
func TestWideScreens(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	viewport(t, ctx, 1280, 800)
	outcomes := everyOutcome()
	for _, rec := range slices.Sorted(maps.Keys(outcomes)) {
		open(t, ctx, page{path: outcomes[rec], status: 200})
		r := evaluate[wideReport](t, ctx, wideCheck)
		if !r.Aside.Found {
			t.Errorf("%s at 1280px: no .result-aside", rec)
			continue
		}
		if r.Aside.Left < r.Column.Right || r.Aside.Top > r.Column.Top+1 {
			t.Errorf("%s at 1280px: the aside (%.0f–%.0fpx, top %.0f) is not beside the answer (%.0f–%.0fpx, top %.0f)", rec, r.Aside.Left, r.Aside.Right, r.Aside.Top, r.Column.Left, r.Column.Right, r.Column.Top)
		}
		if span := r.Aside.Right - r.Column.Left; span < 1000 {
			t.Errorf("%s at 1280px: the result spans %.0fpx, want 1000px or more", rec, span)
		}
		if w := r.Column.Width; w < 1000*2/3-40 {
			t.Errorf("%s at 1280px: the main column is %.0fpx wide, want about two thirds", rec, w)
		}
		if r.Sticky != "sticky" || fmt.Sprint(r.AsideHas) != fmt.Sprint([]string{".actions", "dl.answers"}) {
			t.Errorf("%s at 1280px: the aside is %s and shows %v, want it sticky with the actions and your answers", rec, r.Sticky, r.AsideHas)
		}
		run(t, ctx, chromedp.Evaluate[bool](`scrollTo(0, 600), true`))
		if b := mustRect(t, ctx, "main .actions a.button:not(.secondary)"); b.Top < 0 || b.Bottom > 800 {
			t.Errorf("%s at 1280px: scrolled 600px down, the main action is at %.0f–%.0fpx, want it still on screen", rec, b.Top, b.Bottom)
		}
		if m := evaluate[struct {
			Max   int
			Where string
		}](t, ctx, lineLengthJS); m.Max > 75 {
			t.Errorf("%s at 1280px: a line holds %d characters (%q…), want 75 or fewer", rec, m.Max, m.Where)
		}
	}
	// On a phone the aside is one column with the rest, under the answer.
	viewport(t, ctx, 390, 844)
	open(t, ctx, page{path: outcomes["both"], status: 200})
	if r := evaluate[wideReport](t, ctx, wideCheck); r.Aside.Top < r.Column.Bottom || r.Sticky == "sticky" {
		t.Errorf("at 390px the aside starts at %.0fpx (%s), want it under the panel (ends %.0fpx), not sticky", r.Aside.Top, r.Sticky, r.Column.Bottom)
	}

	// How it works: its tables take the page's width, and no guide link
	// in them wraps onto more than two lines.
	viewport(t, ctx, 1280, 800)
	open(t, ctx, page{path: "/which-role/how-it-works", status: 200})
	type tables struct {
		Widths   []float64
		MaxLines float64
		Where    string
	}
	r := evaluate[tables](t, ctx, `(() => {
		let max = 0, where = "";
		for (const a of document.querySelectorAll("main table.rules td:last-child a")) {
			const n = a.getClientRects().length;
			if (n > max) { max = n; where = a.textContent; }
		}
		return {Widths: [...document.querySelectorAll("main table.rules")].map(t => t.getBoundingClientRect().width), MaxLines: max, Where: where};
	})()`)
	if len(r.Widths) == 0 {
		t.Fatal("how-it-works has no rule tables")
	}
	for i, w := range r.Widths {
		if w < 1000 {
			t.Errorf("how-it-works at 1280px: table %d is %.0fpx wide, want 1000px or more", i+1, w)
		}
	}
	if r.MaxLines > 2 {
		t.Errorf("how-it-works at 1280px: the guide link %q wraps onto %.0f lines, want 2 or fewer", r.Where, r.MaxLines)
	}
	if m := evaluate[struct {
		Max   int
		Where string
	}](t, ctx, lineLengthJS); m.Max > 75 {
		t.Errorf("how-it-works at 1280px: a line holds %d characters (%q…), want 75 or fewer", m.Max, m.Where)
	}
}

// Point 5: on a phone a guide part's contents are one control at least
// 44px high that says where the reader is ("Contents · Part 2 of 8"), and
// the pager at the end has a link back to them, which opens them.
func TestGuideContentsOnPhones(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	viewport(t, ctx, 390, 844)
	n := len(site.Sections)
	for i, s := range site.Sections {
		open(t, ctx, page{path: "/guide/" + s.Slug, status: 200})
		type control struct {
			Height float64
			Text   string
		}
		c := evaluate[control](t, ctx, `(() => {
			const s = document.querySelector("main nav.toc summary");
			return s ? {Height: s.getBoundingClientRect().height, Text: s.textContent.replace(/\s+/g, " ").trim()} : {};
		})()`)
		part := fill(site.Words.Layout.Part, i+1, n)
		if c.Height < 44 || !strings.Contains(c.Text, site.Words.Layout.Contents) || !strings.Contains(c.Text, part) {
			t.Errorf("%s: the contents control reads %q and is %.0fpx high, want %q and %q in it, 44px or more", s.Slug, c.Text, c.Height, site.Words.Layout.Contents, part)
		}
		pager, link := mustRect(t, ctx, "main nav.pager"), rectOf(t, ctx, `main a[href="#contents-list"]`)
		if !link.Found || link.Top < pager.Top-80 || link.Bottom > pager.Bottom+80 {
			t.Errorf("%s: no link to the contents beside the pager (%.0f–%.0fpx; link found %v at %.0fpx)", s.Slug, pager.Top, pager.Bottom, link.Found, link.Top)
			continue
		}
		if link.Height < 44 {
			t.Errorf("%s: the link to the contents is %.0fpx high, want 44px or more", s.Slug, link.Height)
		}
		if i == n-1 {
			run(t, ctx, chromedp.Evaluate[bool](`document.querySelector('main a[href="#contents-list"]').click(), true`))
			waitFor(t, "the contents to open on screen", func() (bool, error) {
				b := rectOf(t, ctx, `main nav.toc a[aria-current="page"]`)
				return b.Found && b.Height > 0 && b.Top >= 0 && b.Bottom <= 844, nil
			})
		}
	}
}

// Point 6: /compare names each row by a link to the guide (no "Read
// more" twelve times). The short answer above the table is issue 30's
// (TestLessRepetition).
func TestCompareRowHeadings(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	for _, s := range screens {
		viewport(t, ctx, s.w, s.h)
		open(t, ctx, page{path: "/compare", status: 200})
		type row struct{ Links, Texts, Hrefs []string }
		r := evaluate[row](t, ctx, `(() => {
			const ths = [...document.querySelectorAll("table.compare tbody th")];
			return {
				Links: ths.map(th => String(th.querySelectorAll("a").length)),
				Texts: ths.map(th => th.textContent.replace(/\s+/g, " ").trim()),
				Hrefs: ths.map(th => th.querySelector("a") ? th.querySelector("a").getAttribute("href") : ""),
			};
		})()`)
		if len(r.Texts) != len(site.Comparison.Rows) {
			t.Fatalf("%d row headings, want %d", len(r.Texts), len(site.Comparison.Rows))
		}
		for i, row := range site.Comparison.Rows {
			if r.Links[i] != "1" || r.Texts[i] != row.Dimension || r.Hrefs[i] != row.Link() {
				t.Errorf("at %dpx row %d's heading reads %q with %s links to %s, want one link %q to %s", s.w, i+1, r.Texts[i], r.Links[i], r.Hrefs[i], row.Dimension, row.Link())
			}
		}
	}
}

// Point 7: how-it-works and the FAQ open with a list of their parts, and
// each part ends with a way back to it.
func TestInPageContents(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	viewport(t, ctx, 390, 844)
	for _, path := range []string{"/which-role/how-it-works", "/faq"} {
		open(t, ctx, page{path: path, status: 200})
		type report struct {
			Links, Sections []string
			Backs           int
			NavTop          float64
		}
		r := evaluate[report](t, ctx, `(() => {
			const nav = document.querySelector("main nav#contents");
			const sections = [...document.querySelectorAll("main section[id]")];
			return {
				Links: nav ? [...nav.querySelectorAll("a")].map(a => a.getAttribute("href")) : [],
				Sections: sections.map(s => "#" + s.id),
				Backs: sections.filter(s => s.lastElementChild && s.lastElementChild.querySelector('a[href="#contents"]')).length,
				NavTop: nav ? nav.getBoundingClientRect().top : -1,
			};
		})()`)
		if len(r.Sections) < 3 || fmt.Sprint(r.Links) != fmt.Sprint(r.Sections) {
			t.Errorf("%s: the contents (#contents) link to %v, want each of its parts %v", path, r.Links, r.Sections)
		}
		if r.Backs != len(r.Sections) {
			t.Errorf("%s: %d of %d parts end with a link back to the contents", path, r.Backs, len(r.Sections))
		}
		if r.NavTop < 0 || r.NavTop > 844 {
			t.Errorf("%s: the contents start at %.0fpx, want them on the first 390×844 screen", path, r.NavTop)
		}
	}
}

// Point 9: the diagram's role labels are bold, and its circles carry an
// outline in their role's colour, with a stronger fill in dark mode.
func TestDiagram(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	viewport(t, ctx, 390, 844)
	for _, dark := range []bool{false, true} {
		colourScheme(t, ctx, dark)
		open(t, ctx, page{path: "/", status: 200})
		type circle struct {
			Stroke, Colour string
			Width, Opacity float64
		}
		type report struct {
			Weights []string // computed, of the labels drawn bold
			Circles []circle
		}
		r := evaluate[report](t, ctx, `(() => {
			const svg = document.querySelector("main svg.split");
			const root = getComputedStyle(document.documentElement);
			const colour = v => { const d = document.createElement("i"); d.style.color = root.getPropertyValue(v); document.body.append(d); const c = getComputedStyle(d).color; d.remove(); return c; };
			return {
				Weights: [...svg.querySelectorAll("text[font-weight]")].map(t => getComputedStyle(t).fontWeight),
				Circles: [...svg.querySelectorAll("circle")].map(c => { const s = getComputedStyle(c); return {Stroke: s.stroke, Colour: colour(c.classList.contains("pm") ? "--product" : "--project"), Width: parseFloat(s.strokeWidth), Opacity: parseFloat(s.fillOpacity) * (s.fill.startsWith("rgba") ? parseFloat(s.fill.split(",")[3]) : 1)}; }),
			};
		})()`)
		if len(r.Weights) < 2 {
			t.Errorf("dark %v: %d label lines drawn bold, want the two roles' parts", dark, len(r.Weights))
		}
		for _, w := range r.Weights {
			if w != "700" {
				t.Errorf("dark %v: a bold label's computed weight is %s, want 700", dark, w)
			}
		}
		for i, c := range r.Circles {
			if c.Stroke != c.Colour || c.Width < 2 {
				t.Errorf("dark %v: circle %d's outline is %s %.1fpx, want its role's colour %s, 2px or more", dark, i+1, c.Stroke, c.Width, c.Colour)
			}
			if dark && c.Opacity < .3 {
				t.Errorf("dark mode: circle %d's fill is %.2f opaque, want .3 or more", i+1, c.Opacity)
			}
		}
	}
	colourScheme(t, ctx, false)
}

// Point 10: tap targets. The menu's links are 44px high; "Link to this
// answer" is 24px or more; on a phone each link of a contents list and of
// the footer's list is a row 44px high.
func TestTapTargets(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	const heights = `(sel => [...document.querySelectorAll(sel)].filter(a => a.checkVisibility()).map(a => a.getBoundingClientRect().height))`
	for _, s := range screens {
		viewport(t, ctx, s.w, s.h)
		open(t, ctx, page{path: "/faq", status: 200})
		for _, h := range evaluate[[]float64](t, ctx, heights+`("header nav a")`) {
			if h < 44 {
				t.Errorf("at %dpx a menu link is %.0fpx high, want 44", s.w, h)
			}
		}
		hs := evaluate[[]float64](t, ctx, heights+`("main .permalink a")`)
		if len(hs) != len(site.Answers) {
			t.Errorf("at %dpx %d permalinks, want %d", s.w, len(hs), len(site.Answers))
		}
		for _, h := range hs {
			if h < 24 {
				t.Errorf("at %dpx %q is %.0fpx high, want 24px or more", s.w, site.Words.FAQ.Permalink, h)
			}
		}
	}
	viewport(t, ctx, 390, 844)
	for _, c := range []struct{ path, sel string }{
		{"/faq", "main nav.toc li a"},
		{"/guide", "main nav.toc li a"},
		{"/which-role/how-it-works", "main nav.toc li a"},
		{"/", "main ol.parts li a"},
		{"/guide/skills#contents-list", "main nav.toc li a"},
		{"/", "footer li a"},
	} {
		open(t, ctx, page{path: c.path, status: 200})
		hs := evaluate[[]float64](t, ctx, heights+`(`+jsString(c.sel)+`)`)
		if len(hs) == 0 {
			t.Errorf("%s: no %s shown", c.path, c.sel)
		}
		for i, h := range hs {
			if h < 44 {
				t.Errorf("%s at 390px: %s %d is %.0fpx high, want a 44px row", c.path, c.sel, i+1, h)
			}
		}
	}
}

// Point 11: an old link missing answers asks only for questions the form
// shows (not the one revealed under another goal), so every error link
// lands on a question on screen; the revealed question's "skip this"
// hint shows only where :has() cannot reveal it.
func TestFormShowsWhatItAsks(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	viewport(t, ctx, 390, 844)
	for _, path := range []string{"/which-role/result?goal=new-product", "/which-role/result?problems=over-budget", "/which-role/result?goal=internal-system"} {
		open(t, ctx, page{path: path, status: 400})
		type link struct {
			Href    string
			Visible bool
		}
		links := evaluate[[]link](t, ctx, `[...document.querySelectorAll(".error-summary a")].map(a => {
			const el = document.querySelector(a.getAttribute("href"));
			return {Href: a.getAttribute("href"), Visible: !!el && el.checkVisibility()};
		})`)
		if len(links) == 0 {
			t.Errorf("%s: no errors listed", path)
		}
		for _, l := range links {
			if !l.Visible {
				t.Errorf("%s: the error link %s leads to a question that is not shown", path, l.Href)
			}
		}
	}
	open(t, ctx, page{path: "/which-role?goal=internal-system", status: 200})
	type hint struct {
		Revealed, HintShown, Described bool
	}
	h := evaluate[hint](t, ctx, `(() => {
		const c = document.querySelector(".conditional");
		const p = c && c.querySelector("fieldset > .hint");
		const fs = c && c.querySelector("fieldset");
		return {
			Revealed: !!c && c.checkVisibility(),
			HintShown: !!p && p.checkVisibility(),
			Described: !!p && !!fs && (fs.getAttribute("aria-describedby") || "").split(" ").includes(p.id),
		};
	})()`)
	if !h.Revealed || h.HintShown || h.Described {
		t.Errorf("the question revealed under an internal system (shown: %v) shows its skip hint %v and is described by it %v; want it shown without that hint", h.Revealed, h.HintShown, h.Described)
	}
}

// Point 12: the product manager's blue and the project manager's amber
// edge the masthead and fill the "both" panel; the wordmark is larger.
func TestIdentityPair(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	viewport(t, ctx, 390, 844)
	for _, dark := range []bool{false, true} {
		colourScheme(t, ctx, dark)
		open(t, ctx, page{path: resultPaths["both"], status: 200})
		type report struct {
			Product, Project   string
			EdgeWidth          float64
			EdgeImage, PanelBG string
			Wordmark           float64
		}
		r := evaluate[report](t, ctx, `(() => {
			const d = document.createElement("i"); document.body.append(d);
			const colour = v => { d.style.color = "var(" + v + ")"; return getComputedStyle(d).color; };
			const m = getComputedStyle(document.querySelector(".masthead"));
			const out = {
				Product: colour("--product-fill"), Project: colour("--project-fill"),
				EdgeWidth: parseFloat(m.borderBottomWidth), EdgeImage: m.borderImageSource + " " + m.backgroundImage,
				PanelBG: getComputedStyle(document.querySelector("main .panel")).backgroundImage,
				Wordmark: parseFloat(getComputedStyle(document.querySelector("header .wordmark")).fontSize),
			};
			d.remove();
			return out;
		})()`)
		for _, c := range []string{r.Product, r.Project} {
			if c == "" || !strings.Contains(r.EdgeImage, c) || !strings.Contains(r.PanelBG, c) {
				t.Errorf("dark %v: the masthead's edge (%s, %.0fpx) and the both panel (%s) lack %s", dark, r.EdgeImage, r.EdgeWidth, r.PanelBG, c)
			}
		}
		if r.EdgeWidth < 4 {
			t.Errorf("dark %v: the masthead's edge is %.0fpx, want 4px or more", dark, r.EdgeWidth)
		}
		if r.Wordmark < 24 {
			t.Errorf("the wordmark is %.1fpx, want 24px or more", r.Wordmark)
		}
	}
	colourScheme(t, ctx, false)
}

// Point 3: one identity from page to PDF to card. Each outcome's hiring
// kit PDF embeds the site's serif (bold, for its headings and wordmark,
// whose italic "or" it draws as an outline) beside the body's sans, and
// paints its panel in the outcome's colour; each outcome's social card
// shows its title on a panel of that colour.
func TestOneIdentity(t *testing.T) {
	t.Parallel()
	pdffonts, err := exec.LookPath("pdffonts")
	requireTool(t, err)
	pdftoppm, err := exec.LookPath("pdftoppm")
	requireTool(t, err)
	blue, amber, teal := color.RGBA{0x1f, 0x4f, 0xbf, 0xff}, color.RGBA{0x9a, 0x44, 0x00, 0xff}, color.RGBA{0x00, 0x67, 0x7f, 0xff}
	for _, c := range []struct {
		outcome string
		want    []color.RGBA // the panel's colours
		not     []color.RGBA // colours it must not have
	}{
		{"product-manager", []color.RGBA{blue}, []color.RGBA{amber}},
		{"project-manager", []color.RGBA{amber}, []color.RGBA{blue}},
		{"both", []color.RGBA{blue, amber}, nil},
		{"not-yet", []color.RGBA{teal}, []color.RGBA{blue, amber}},
	} {
		query := strings.SplitN(resultPaths[c.outcome], "?", 2)[1]
		dir := t.TempDir()
		pdf := filepath.Join(dir, "kit.pdf")
		if err := os.WriteFile(pdf, httpGet(t, "/which-role/brief.pdf?"+query), 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(pdffonts, pdf).Output()
		if err != nil {
			t.Fatalf("pdffonts: %v", err)
		}
		fonts := map[string]bool{}
		for _, l := range strings.Split(string(out), "\n")[2:] {
			if f := strings.Fields(l); len(f) > 4 && f[len(f)-5] == "yes" {
				fonts[strings.ToLower(f[0])] = true
			}
		}
		for _, want := range []string{"charissilb"} {
			if !slices.ContainsFunc(slices.Collect(maps.Keys(fonts)), func(f string) bool { return strings.HasSuffix(f, want) }) {
				t.Errorf("%s: the kit PDF embeds %v, want the serif %s among them", c.outcome, slices.Sorted(maps.Keys(fonts)), want)
			}
		}
		// The first page at 50 dpi, below the band and its edge (20mm).
		if out, err := exec.Command(pdftoppm, "-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v %s", err, out)
		}
		page := decodePNG(t, must(os.ReadFile(filepath.Join(dir, "page.png"))))
		count := func(want color.RGBA) int {
			n := 0
			b := page.Bounds()
			for y := b.Min.Y + 20*50*10/254; y < b.Max.Y; y++ {
				for x := b.Min.X; x < b.Max.X; x++ {
					if near(page.At(x, y), want) {
						n++
					}
				}
			}
			return n
		}
		for _, col := range c.want {
			if n := count(col); n < 1500 {
				t.Errorf("%s: the kit PDF's first page has %d pixels of %v under its band, want its panel in that colour", c.outcome, n, col)
			}
		}
		for _, col := range c.not {
			if n := count(col); n > 300 {
				t.Errorf("%s: the kit PDF's first page has %d pixels of %v under its band, another outcome's colour", c.outcome, n, col)
			}
		}

		// The card the result page names.
		html := string(httpGet(t, resultPaths[c.outcome]))
		m := regexp.MustCompile(`property="og:image" content="[^"]*(/static/cards/[^"]+)"`).FindStringSubmatch(html)
		if m == nil {
			t.Fatalf("%s: no og:image", c.outcome)
		}
		card := decodePNG(t, httpGet(t, m[1]))
		left, right := card.At(20, 600), card.At(1180, 600)
		wantLeft, wantRight := c.want[0], c.want[len(c.want)-1]
		if !near(left, wantLeft) || !near(right, wantRight) {
			t.Errorf("%s: the card's panel is %v at its left and %v at its right, want %v and %v", c.outcome, left, right, wantLeft, wantRight)
		}
	}
	// A page's card that is no outcome's keeps a white ground.
	html := string(httpGet(t, "/faq"))
	m := regexp.MustCompile(`property="og:image" content="[^"]*(/static/cards/[^"]+)"`).FindStringSubmatch(html)
	if m == nil {
		t.Fatal("/faq: no og:image")
	}
	if c := decodePNG(t, httpGet(t, m[1])).At(1180, 600); !near(c, color.RGBA{0xff, 0xff, 0xff, 0xff}) {
		t.Errorf("/faq's card is %v at its foot, want white", c)
	}
}

// httpGet fetches a path from the test server and checks it is 200.
func httpGet(t *testing.T, path string) []byte {
	t.Helper()
	resp, err := http.Get(baseURL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d, %v", path, resp.StatusCode, err)
	}
	return b
}

func decodePNG(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// near reports whether c is want, give or take a little rounding.
func near(c color.Color, want color.RGBA) bool {
	r, g, b, _ := c.RGBA()
	d := func(x uint32, y uint8) bool { return max(int(x>>8)-int(y), int(y)-int(x>>8)) <= 6 }
	return d(r, want.R) && d(g, want.G) && d(b, want.B)
}

// The hiring kit uses a wide screen as the result does: from 60rem its
// actions and its contents list sit in a third column beside the kit,
// kept on screen while the reader scrolls, and the kit's words start
// right under its panel; on a phone they stay in one column under the
// panel.
func TestKitWideScreen(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	path := strings.Replace(everyOutcome()["both"], "/which-role/result?", "/which-role/brief?", 1)
	sticky := func() string {
		return evaluate[string](t, ctx, `getComputedStyle(document.querySelector(".brief-page>.kit-aside")).position`)
	}
	viewport(t, ctx, 1280, 800)
	open(t, ctx, page{path: path, status: 200})
	panel, actions, contents := mustRect(t, ctx, ".brief-page>.panel"), mustRect(t, ctx, ".kit-aside .actions"), mustRect(t, ctx, ".kit-aside .kit-contents")
	for name, b := range map[string]box{"actions": actions, "contents": contents} {
		if b.Left < panel.Right {
			t.Errorf("at 1280px the kit's %s start at x=%.0f, inside the main column (to x=%.0f); want them beside it", name, b.Left, panel.Right)
		}
	}
	if actions.Top > panel.Top+6 { // the aside's padding keeps focus rings inside its scroll box
		t.Errorf("at 1280px the kit's actions start at y=%.0f, below the panel's top (%.0f)", actions.Top, panel.Top)
	}
	// The kit goes on right under its panel, however tall the actions
	// beside it (they once set the height of the panel's grid row).
	if next := mustRect(t, ctx, ".brief-page>.kit-aside + *"); next.Top-panel.Bottom > 48 {
		t.Errorf("at 1280px the kit's first words start %.0fpx under its panel, want 48px or less", next.Top-panel.Bottom)
	}
	if span := contents.Right - panel.Left; span < 1000 {
		t.Errorf("at 1280px the kit spans %.0fpx, want 1000px or more", span)
	}
	if p := sticky(); p != "sticky" {
		t.Errorf("at 1280px the kit's contents are %s, want sticky", p)
	}
	viewport(t, ctx, 390, 844)
	open(t, ctx, page{path: path, status: 200})
	panel, actions = mustRect(t, ctx, ".brief-page>.panel"), mustRect(t, ctx, ".kit-aside .actions")
	if actions.Top < panel.Bottom || sticky() == "sticky" {
		t.Errorf("at 390px the kit's actions start at y=%.0f (panel ends %.0f) and its contents are %s; want one column, not sticky", actions.Top, panel.Bottom, sticky())
	}
}
