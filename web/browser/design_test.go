package browser

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/guide/pmvspm/content"
)

// The design tests check what a reader sees: where things sit on the
// screen, how big they are, what prints. Each reads the page's layout with
// getBoundingClientRect and getComputedStyle.

// A box is an element's rectangle on screen, in CSS pixels.
type box struct {
	Found                    bool
	Top, Bottom, Left, Right float64
	Width, Height            float64
}

// rectOf measures the first element matching selector.
func rectOf(t *testing.T, ctx context.Context, selector string) box {
	t.Helper()
	return evaluate[box](t, ctx, fmt.Sprintf(`(() => {
		const el = document.querySelector(%q);
		if (!el) return {Found: false};
		const r = el.getBoundingClientRect();
		return {Found: true, Top: r.top, Bottom: r.bottom, Left: r.left, Right: r.right, Width: r.width, Height: r.height};
	})()`, selector))
}

// mustRect is rectOf for an element that must be there.
func mustRect(t *testing.T, ctx context.Context, selector string) box {
	t.Helper()
	b := rectOf(t, ctx, selector)
	if !b.Found {
		t.Fatalf("no element matches %s", selector)
	}
	return b
}

// viewport sets the tab's window size.
func viewport(t *testing.T, ctx context.Context, width, height int64) {
	t.Helper()
	run(t, ctx, chromedp.EmulateViewport(width, height))
}

// Point 1: the home page answers the question on the first screen of a phone.
func TestHomeFirstScreen(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	viewport(t, ctx, 390, 844)
	open(t, ctx, page{path: "/", status: 200})
	const wantH1 = "Product manager or project manager: which does your business need?"
	if h1 := evaluate[string](t, ctx, `document.querySelector("h1").textContent.trim()`); h1 != wantH1 {
		t.Errorf("h1 = %q, want %q", h1, wantH1)
	}
	for _, c := range []struct{ what, selector string }{
		{"the one-line answer", "main .hero > h1 + .lede"},
		{"the diagram of the split", "main .hero > svg.split"},
		{"the button to the questionnaire", `main a.button[href="/which-role"]`},
	} {
		b := mustRect(t, ctx, c.selector)
		if b.Top < 0 || b.Bottom > 844 || b.Height == 0 {
			t.Errorf("%s (%s) spans %.0f–%.0fpx: not on the first 390×844 screen", c.what, c.selector, b.Top, b.Bottom)
		}
	}
	if text := evaluate[string](t, ctx, `document.querySelector('main a.button[href="/which-role"]').textContent`); text != site.Words.Layout.StartButton {
		t.Errorf("the questionnaire button reads %q, want %q", text, site.Words.Layout.StartButton)
	}
	// The audience paragraph comes after the answer, the picture and the link.
	order := evaluate[[]string](t, ctx, `[...document.querySelector("main .hero").children].slice(0, 4).map(e => e.localName + [...e.classList].map(c => "." + c).join(""))`)
	if want := []string{"h1", "p.lede", "svg.split", "p"}; fmt.Sprint(order) != fmt.Sprint(want) {
		t.Errorf("the home page opens with %v, want %v", order, want)
	}
}

// headerPages are the pages whose header must look the same: one of each
// kind, the questionnaire's states included.
func headerPages() []page {
	return []page{
		{name: "home", path: "/", status: 200},
		{name: "guide", path: "/guide", status: 200},
		{name: "section", path: "/guide/skills", status: 200},
		{name: "compare", path: "/compare", status: 200},
		{name: "faq", path: "/faq", status: 200},
		{name: "which-role", path: "/which-role", status: 200},
		{name: "which-role-post-empty", path: "/which-role", status: 422, submitEmpty: true},
		{name: "result", path: "/which-role/result?goal=new-product&customer_facing=yes&complexity=single-team", status: 200},
		{name: "not-found", path: "/no-such-page", status: 404},
	}
}

// A navReport is what the header looks like on one page.
type navReport struct {
	Header   float64   // height
	Tops     []float64 // each menu item's top
	Widths   []float64 // each menu item's width
	Weights  []string  // each menu item's font weight
	Current  int       // index of the aria-current item, -1 if none
	Marked   bool      // the current item has a visible bottom border the others lack
	NavWidth float64
}

const navCheck = `(() => {
	const links = [...document.querySelectorAll("header nav a")];
	const border = a => { const s = getComputedStyle(a); return parseFloat(s.borderBottomWidth) > 0 && s.borderBottomColor !== "rgba(0, 0, 0, 0)" && s.borderBottomStyle !== "none"; };
	const cur = links.findIndex(a => a.getAttribute("aria-current") === "page");
	return {
		Header: document.querySelector("header").getBoundingClientRect().height,
		Tops: links.map(a => a.getBoundingClientRect().top),
		Widths: links.map(a => a.getBoundingClientRect().width),
		Weights: links.map(a => getComputedStyle(a).fontWeight),
		Current: cur,
		Marked: cur >= 0 && border(links[cur]) && links.every((a, i) => i === cur || !border(a)),
	};
})()`

// Point 2: the header has one height everywhere, its menu fits on one line,
// and the current item is marked without changing its width.
func TestHeader(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	var height float64
	widths := map[string][]float64{} // menu item widths on the first page, by viewport width
	for _, p := range headerPages() {
		viewport(t, ctx, 320, 900)
		open(t, ctx, p)
		for _, vw := range []int64{320, 390, 768, 1280} { // one load, laid out at each width
			viewport(t, ctx, vw, 900)
			r := evaluate[navReport](t, ctx, navCheck)
			where := fmt.Sprintf("%s at %dpx", p.path, vw)
			if height == 0 {
				height = r.Header
			} else if r.Header != height {
				t.Errorf("%s: header is %.1fpx high, elsewhere %.1fpx", where, r.Header, height)
			}
			for i, top := range r.Tops {
				if top != r.Tops[0] {
					t.Errorf("%s: menu item %d wraps to another line (top %.0f, first %.0f)", where, i, top, r.Tops[0])
				}
			}
			for i, w := range r.Weights {
				if w != r.Weights[0] {
					t.Errorf("%s: menu item %d has font weight %s, the first %s", where, i, w, r.Weights[0])
				}
			}
			key := fmt.Sprint(vw)
			if widths[key] == nil {
				widths[key] = r.Widths
			} else if fmt.Sprint(r.Widths) != fmt.Sprint(widths[key]) {
				t.Errorf("%s: menu item widths %v, on %s %v", where, r.Widths, headerPages()[0].path, widths[key])
			}
			if p.path != "/" && p.path != "/no-such-page" && !r.Marked {
				t.Errorf("%s: current item %d not marked by a bottom border of its own", where, r.Current)
			}
		}
	}
}

// Point 3: main keeps its padding: nothing touches the header or the footer.
func TestMainSpacing(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	const minGap = 24
	for _, vw := range []int64{390, 1280} {
		viewport(t, ctx, vw, 900)
		for _, c := range []struct {
			p              page
			first, last    string
			checkFirstOnly bool
		}{
			{page{path: "/guide/skills", status: 200}, "main > :first-child", "", true},
			{page{path: "/compare", status: 200}, "h1", "", true},
			{page{path: "/which-role", status: 422, submitEmpty: true}, ".error-summary", `button[type="submit"]`, false},
			{page{path: "/which-role", status: 200}, "h1", `button[type="submit"]`, false},
		} {
			open(t, ctx, c.p)
			header, first := mustRect(t, ctx, "header"), mustRect(t, ctx, c.first)
			if gap := first.Top - header.Bottom; gap < minGap {
				t.Errorf("%s at %dpx: %s sits %.0fpx under the header, want %dpx or more", c.p.path, vw, c.first, gap, minGap)
			}
			if c.checkFirstOnly {
				continue
			}
			last, footer := mustRect(t, ctx, c.last), mustRect(t, ctx, "footer")
			if gap := footer.Top - last.Bottom; gap < minGap {
				t.Errorf("%s at %dpx: %s sits %.0fpx above the footer, want %dpx or more", c.p.path, vw, c.last, gap, minGap)
			}
		}
	}
}

// A partReport is what a guide part shows around its text.
type partReport struct {
	ContentsTop, H1Top float64
	Current            string // text of the contents' aria-current link
	Caption            string // the line above the h1
	Prev, Next         string // the pager links' text
}

// Point 4: the guide's parts follow GOV.UK's multi-page guide.
func TestGuideParts(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	viewport(t, ctx, 390, 844)
	n := len(site.Sections)
	for i, s := range site.Sections {
		open(t, ctx, page{path: "/guide/" + s.Slug, status: 200})
		r := evaluate[partReport](t, ctx, `(() => {
			const q = s => document.querySelector(s);
			const text = s => q(s) ? q(s).textContent.replace(/\s+/g, " ").trim() : "";
			return {
				ContentsTop: q("main nav.toc").getBoundingClientRect().top,
				H1Top: q("h1").getBoundingClientRect().top,
				Current: text('main nav.toc a[aria-current="page"]'),
				Caption: q("h1").previousElementSibling ? q("h1").previousElementSibling.textContent.trim() : "",
				Prev: text("a[rel=prev]"), Next: text("a[rel=next]"),
			};
		})()`)
		if r.ContentsTop >= r.H1Top {
			t.Errorf("%s: the contents list is below the h1, want it at the top", s.Slug)
		}
		if r.Current != s.Title {
			t.Errorf("%s: the contents mark %q as current, want %q", s.Slug, r.Current, s.Title)
		}
		if want := fill(site.Words.Layout.Part, i+1, n); !strings.HasSuffix(r.Caption, want) {
			t.Errorf("%s: caption %q, want it to end %q", s.Slug, r.Caption, want)
		}
		if i > 0 && !strings.Contains(r.Prev, site.Sections[i-1].Title) {
			t.Errorf("%s: previous link %q lacks the title %q", s.Slug, r.Prev, site.Sections[i-1].Title)
		}
		if i < n-1 && !strings.Contains(r.Next, site.Sections[i+1].Title) {
			t.Errorf("%s: next link %q lacks the title %q", s.Slug, r.Next, site.Sections[i+1].Title)
		}
	}
	if title := site.Sections[n-1].Title; strings.EqualFold(title, site.Words.Pages.WhichRole.Title) {
		t.Errorf("the last part is called %q, like the questionnaire", title)
	}

	open(t, ctx, page{path: "/guide", status: 200})
	ends := evaluate[[]string](t, ctx, `[...document.querySelectorAll("section.guide-section")].map(s => {
		const a = s.lastElementChild && s.lastElementChild.querySelector('a[href="#contents"]');
		return a && document.getElementById("contents") ? a.firstChild.textContent.trim() : "";
	})`)
	if len(ends) != n {
		t.Fatalf("/guide has %d parts, want %d", len(ends), n)
	}
	for i, e := range ends {
		if e != site.Words.Layout.BackToContents {
			t.Errorf("/guide part %d ends with %q, want a %q link", i+1, e, site.Words.Layout.BackToContents)
		}
	}
}

// A compareReport is how /compare lays its table out.
type compareReport struct {
	Table     float64
	LinkTexts []string // the visible text of each row's link
	Names     []string // the accessible text of each row's link
	Cells     []cell   // the phone cards' cells
	Product   string   // the product manager column header's colour
	Project   string
}

type cell struct {
	Class, Border, Label string
	BorderWidth          float64
}

const compareCheck = `(() => {
	const links = [...document.querySelectorAll("table.compare tbody th a")];
	const visible = a => { const c = a.cloneNode(true); c.querySelectorAll(".vh").forEach(e => e.remove()); return c.textContent.trim(); };
	const colour = s => getComputedStyle(document.querySelector(s)).color;
	return {
		Table: document.querySelector("table.compare").getBoundingClientRect().width,
		LinkTexts: links.map(visible),
		Names: links.map(a => a.textContent.replace(/\s+/g, " ").trim()),
		Cells: [...document.querySelectorAll("table.compare tbody td")].map(td => ({
			Class: td.className, Border: getComputedStyle(td).borderLeftColor, BorderWidth: parseFloat(getComputedStyle(td).borderLeftWidth),
			Label: getComputedStyle(td, "::before").color,
		})),
		Product: colour("table.compare thead th.pm"), Project: colour("table.compare thead th.pj"),
	};
})()`

// Point 5: /compare uses a desktop's width, names each row by its link,
// and keeps each role's colour on a phone.
func TestCompareLayout(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	viewport(t, ctx, 1280, 900)
	open(t, ctx, page{path: "/compare", status: 200})
	desk := evaluate[compareReport](t, ctx, compareCheck)
	if desk.Table < 760 {
		t.Errorf("the table is %.0fpx wide at 1280px, want 760 or more", desk.Table)
	}
	if len(desk.LinkTexts) != len(site.Comparison.Rows) {
		t.Fatalf("%d row links, want %d", len(desk.LinkTexts), len(site.Comparison.Rows))
	}
	seen := map[string]bool{}
	for i, text := range desk.LinkTexts {
		if want := site.Comparison.Rows[i].Dimension; text != want {
			t.Errorf("row %d link reads %q, want the row's name %q", i+1, text, want)
		}
		if seen[desk.Names[i]] {
			t.Errorf("row %d link's name %q is not unique", i+1, desk.Names[i])
		}
		seen[desk.Names[i]] = true
	}
	if desk.Product == desk.Project {
		t.Fatalf("both roles' headers are %s", desk.Product)
	}

	viewport(t, ctx, 390, 844)
	phone := evaluate[compareReport](t, ctx, compareCheck)
	if len(phone.Cells) == 0 {
		t.Fatal("no cells")
	}
	for i, c := range phone.Cells {
		want := desk.Product
		if c.Class == "pj" {
			want = desk.Project
		}
		if c.Border != want || c.BorderWidth < 3 || c.Label != want {
			t.Errorf("phone card cell %d (%s): border %.0fpx %s, label %s; want the role's colour %s", i, c.Class, c.BorderWidth, c.Border, c.Label, want)
		}
	}
}

// Point 6: the questionnaire, after GOV.UK's question pages.
func TestQuestionPages(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	viewport(t, ctx, 390, 844)
	open(t, ctx, page{path: "/which-role", status: 200})
	// The numbered questions; the one revealed under an answer is not numbered.
	legends := evaluate[[]string](t, ctx, `[...document.querySelectorAll("form > .question > fieldset > legend")].map(l => l.textContent.replace(/\s+/g, " ").trim())`)
	if len(legends) == 0 {
		t.Fatal("no questions")
	}
	for i, l := range legends {
		if want := fill(site.Words.Form.Question, i+1, len(legends)) + " "; !strings.HasPrefix(l, want) {
			t.Errorf("legend %d = %q, want it to start with %q", i+1, l, want)
		}
	}
	// Inputs shown (a revealed question's are hidden until its answer is chosen).
	small := evaluate[[]string](t, ctx, `[...document.querySelectorAll("input[type=radio], input[type=checkbox]")]
		.filter(i => i.getClientRects().length > 0)
		.map(i => [i.id, i.getBoundingClientRect()]).filter(([, r]) => r.width < 24 || r.height < 24)
		.map(([id, r]) => id + " " + r.width + "×" + r.height)`)
	for _, s := range small {
		t.Errorf("input %s px: smaller than 24×24", s)
	}

	for _, vw := range []struct{ w, h int64 }{{320, 568}, {390, 844}, {1280, 800}} {
		viewport(t, ctx, vw.w, vw.h)
		open(t, ctx, page{path: "/which-role", status: 422, submitEmpty: true})
		// The browser applies autofocus at its next rendering step, not at load.
		waitFor(t, "the error summary to take the focus (autofocus)", func() (bool, error) {
			el, err := querySelector(ctx, ".error-summary:focus")
			return el.found, err
		})
		focus := evaluate[map[string]string](t, ctx, `(() => {
			const a = document.activeElement, s = getComputedStyle(a);
			return {cls: a.className, outlineColor: s.outlineColor, outlineStyle: s.outlineStyle, err: getComputedStyle(a).borderTopColor};
		})()`)
		if focus["cls"] != "error-summary" {
			t.Fatalf("at %dpx, after an invalid submit the focus is on %q, want the error summary", vw.w, focus["cls"])
		}
		if focus["outlineStyle"] == "none" || focus["outlineColor"] == focus["err"] {
			t.Errorf("the focused error summary's ring is %s %s, its red border %s: want a distinct colour", focus["outlineStyle"], focus["outlineColor"], focus["err"])
		}
		links := evaluate[[]string](t, ctx, `[...document.querySelectorAll(".error-summary a")].map(a => a.getAttribute("href"))`)
		if len(links) == 0 {
			t.Fatal("the error summary has no links")
		}
		for _, href := range links {
			run(t, ctx, chromedp.Evaluate[bool](`scrollTo(0, 0), true`))
			run(t, ctx, chromedp.Click(chromedp.CSS(`.error-summary a[href="`+href+`"]`)))
			var legend box
			waitFor(t, "the page to scroll to "+href, func() (bool, error) {
				target := rectOf(t, ctx, href)
				legend = rectOf(t, ctx, `fieldset:has(`+href+`) legend`)
				return target.Found && target.Top >= 0 && target.Bottom <= float64(vw.h), nil
			})
			if !legend.Found || legend.Top < 0 || legend.Bottom > float64(vw.h) {
				t.Errorf("at %d×%d, the error link %s leaves its question's legend out of view (%.0f–%.0fpx)", vw.w, vw.h, href, legend.Top, legend.Bottom)
			}
		}
	}
}

// printMedia switches the tab to print styles, or back.
func printMedia(t *testing.T, ctx context.Context, on bool) {
	t.Helper()
	media := ""
	if on {
		media = "print"
	}
	run(t, ctx, callAction(emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media}))
}

// A printReport is what a printed page shows of its links.
type printReport struct {
	Shown      []string // visible links' hrefs
	AfterTexts []string // ::after content of links with a relative href
	Absolute   []string // ::after content of links with an absolute href
	Address    string   // the visible print-only address
}

const printCheck = `(() => {
	const vis = e => e.checkVisibility({visibilityProperty: true});
	// /compare's row names are links on screen and plain names on paper.
	const links = [...document.querySelectorAll("main a[href]")].filter(a => vis(a) && !a.closest("table.compare th"));
	const after = a => getComputedStyle(a, "::after").content;
	const addr = [...document.querySelectorAll(".print-only")].filter(vis).map(e => e.textContent.trim());
	return {
		Shown: links.map(a => a.getAttribute("href")),
		AfterTexts: links.filter(a => a.getAttribute("href").startsWith("/")).map(after),
		Absolute: links.filter(a => /^https?:/.test(a.getAttribute("href"))).map(after),
		Address: addr.join(" "),
	};
})()`

// Point 7: print. A result prints without its Change links and with its
// own address; relative links print their full address (never a bare
// path). How many pages /guide takes is TestPrintA4's.
func TestPrint(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	viewport(t, ctx, 1280, 900)
	const result = "/which-role/result?goal=new-product&customer_facing=yes&complexity=single-team"
	for _, p := range []page{
		{path: result, status: 200},
		{path: "/guide", status: 200},
		{path: "/compare", status: 200},
		{path: "/faq", status: 200},
	} {
		printMedia(t, ctx, false)
		open(t, ctx, p)
		printMedia(t, ctx, true)
		if !evaluate[bool](t, ctx, `matchMedia("print").matches`) {
			t.Fatal("print media not emulated")
		}
		r := evaluate[printReport](t, ctx, printCheck)
		for _, a := range r.AfterTexts {
			if !strings.Contains(a, baseURL+"/") {
				t.Errorf("%s: a relative link prints %s after it, want its full address", p.path, a)
			}
		}
		for _, a := range r.Absolute {
			if !strings.Contains(a, "http") {
				t.Errorf("%s: an absolute link prints %s, want its address", p.path, a)
			}
		}
		if want := baseURL + p.path; r.Address != want {
			t.Errorf("%s: prints the address %q, want %q", p.path, r.Address, want)
		}
		if n := evaluate[int](t, ctx, `[...document.querySelectorAll("main li")].filter(li => li.checkVisibility() && li.innerText.trim() === "").length`); n > 0 {
			t.Errorf("%s prints %d empty list items (their only link hidden in print)", p.path, n)
		}
		if p.path == result {
			for _, href := range r.Shown {
				if strings.HasPrefix(href, "/which-role?") {
					t.Errorf("the result prints its change link %s", href)
				}
			}
		}
	}
}

// fill puts n and total into words such as "Part {n} of {total}".
func fill(words string, n, total int) string {
	return content.Fill(content.Fill(words, "n", strconv.Itoa(n)), "total", strconv.Itoa(total))
}

// A printed answer panel, on a result or its hiring kit, is a black
// outline on white whatever its role's colour on screen: a fill or
// gradient would print dark text on a dark ground (or not at all).
func TestPrintedPanelsHaveNoFill(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	viewport(t, ctx, 1280, 900)
	for _, rec := range slices.Sorted(maps.Keys(everyOutcome())) {
		result := everyOutcome()[rec]
		for _, path := range []string{result, strings.Replace(result, "/which-role/result?", "/which-role/brief?", 1)} {
			printMedia(t, ctx, false)
			open(t, ctx, page{path: path, status: 200})
			printMedia(t, ctx, true)
			bg := evaluate[[]string](t, ctx, `(() => { const s = getComputedStyle(document.querySelector("main .panel")); return [s.backgroundImage, s.backgroundColor]; })()`)
			if bg[0] != "none" || (bg[1] != "rgba(0, 0, 0, 0)" && bg[1] != "rgb(255, 255, 255)") {
				t.Errorf("%s (%s) prints its panel on %v, want no fill", rec, path, bg)
			}
		}
	}
}
