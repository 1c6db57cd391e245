package browser

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The tests of the site's second design round (issue 21), one a point.
// Each measures what a reader sees in Chromium: positions at 390×844,
// contrast from computed colours, pages of a printed PDF.

// colourScheme makes the tab prefer dark or light colours.
func colourScheme(t *testing.T, ctx context.Context, dark bool) {
	t.Helper()
	scheme := "light"
	if dark {
		scheme = "dark"
	}
	run(t, ctx, callAction(emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	}))
	if got := evaluate[bool](t, ctx, `matchMedia("(prefers-color-scheme: dark)").matches`); got != dark {
		t.Fatalf("dark mode %v not emulated", dark)
	}
}

// contrastJS defines contrast(a, b): the WCAG contrast ratio of two
// computed colours ("rgb(…)" or "rgba(…)", alpha ignored).
const contrastJS = `const contrast = (a, b) => {
	const lum = c => {
		const [r, g, b] = c.match(/[\d.]+/g).slice(0, 3).map(v => { v = v / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
		return 0.2126 * r + 0.7152 * g + 0.0722 * b;
	};
	const x = lum(a), y = lum(b);
	return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};`

// Point 2: two-column tables stack on phones, with no word broken in two
// and nothing wider than the screen.
func TestTablesStackOnPhones(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	// brokenWords lists each word of the tables' cells that the browser
	// drew on more than one line.
	const brokenWords = `(() => {
		const out = [];
		for (const cell of document.querySelectorAll("main td, main th")) {
			const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
			for (let n; (n = walk.nextNode());) {
				for (const m of n.data.matchAll(/[^\s\-‐‑–—\/]+/g)) { // a line may end after a hyphen or slash
					const r = document.createRange();
					r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
					const tops = new Set([...r.getClientRects()].filter(b => b.width > 0).map(b => Math.round(b.top)));
					if (tops.size > 1) out.push(m[0]);
				}
			}
		}
		return out;
	})()`
	// The canary: a narrow cell with overflow-wrap:anywhere must be caught.
	run(t, ctx, chromedp.EmulateViewport(320, 600))
	run(t, ctx, chromedp.Navigate(`data:text/html,<main><table><tr><td style="width:40px;overflow-wrap:anywhere">Communication</td></tr></table></main>`))
	if got := evaluate[[]string](t, ctx, brokenWords); len(got) == 0 {
		t.Fatal("a word broken over two lines went unnoticed: the check is broken")
	}
	for _, width := range []int64{320, 390} {
		viewport(t, ctx, width, 844)
		for _, path := range []string{"/guide/skills", "/guide/responsibilities", "/guide", "/compare"} {
			open(t, ctx, page{path: path, status: 200})
			for _, w := range evaluate[[]string](t, ctx, brokenWords) {
				t.Errorf("%s at %dpx: the word %q is broken over two lines", path, width, w)
			}
			// Stacked: every body cell is as wide as its row.
			narrow := evaluate[[]string](t, ctx, `[...document.querySelectorAll("main tbody td")]
				.filter(td => td.getBoundingClientRect().width < td.closest("tr").getBoundingClientRect().width - 12)
				.map(td => td.textContent.slice(0, 30))`)
			if len(narrow) > 0 {
				t.Errorf("%s at %dpx: %d cells sit side by side, not stacked (first: %q)", path, width, len(narrow), narrow[0])
			}
			if r := evaluate[layoutReport](t, ctx, layoutCheck); r.ScrollWidth > r.ClientWidth {
				t.Errorf("%s at %dpx: scrolls sideways (%v in %v)", path, width, r.ScrollWidth, r.ClientWidth)
			}
		}
	}
}

// Point 3: /faq opens with its questions as a list of links, on the first
// screen of a phone, one per answer and in the answers' order.
func TestFAQIndex(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	viewport(t, ctx, 390, 844)
	open(t, ctx, page{path: "/faq", status: 200})
	type index struct {
		Hrefs, Texts []string
		Top          float64
		BeforeFirst  bool
	}
	r := evaluate[index](t, ctx, `(() => {
		const nav = document.querySelector("main nav");
		const first = document.querySelector("main section.answer");
		if (!nav || !first) return {Hrefs: [], Texts: []};
		const links = [...nav.querySelectorAll("a")];
		return {
			Hrefs: links.map(a => a.getAttribute("href")), Texts: links.map(a => a.textContent.trim()),
			Top: nav.getBoundingClientRect().top,
			BeforeFirst: !!(nav.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING),
		};
	})()`)
	if len(r.Hrefs) != len(site.Answers) {
		t.Fatalf("the index at the top of /faq has %d links, want one per answer (%d)", len(r.Hrefs), len(site.Answers))
	}
	for i, a := range site.Answers {
		if r.Hrefs[i] != "#"+a.Slug || r.Texts[i] != a.Question {
			t.Errorf("index link %d: %q → %s, want %q → #%s", i+1, r.Texts[i], r.Hrefs[i], a.Question, a.Slug)
		}
	}
	if !r.BeforeFirst || r.Top > 844 {
		t.Errorf("the index starts at %.0fpx (before the first answer: %v), want it on the first 390×844 screen, before the answers", r.Top, r.BeforeFirst)
	}
}

// Point 4: a guide part opens on the guide's name and the part's h1, on
// the first screen of a phone; the contents fold into one line that opens
// without JavaScript.
func TestGuidePartFirstScreen(t *testing.T) {
	t.Parallel()
	ctx := newTabNoJS(t)
	for _, size := range []struct{ w, h int64 }{{390, 844}, {320, 640}} {
		viewport(t, ctx, size.w, size.h)
		for _, s := range site.Sections {
			open(t, ctx, page{path: "/guide/" + s.Slug, status: 200})
			h1 := mustRect(t, ctx, "h1")
			if h1.Top < 0 || h1.Bottom > float64(size.h) {
				t.Errorf("/guide/%s at %d×%d: the h1 spans %.0f–%.0fpx, want it on the first screen", s.Slug, size.w, size.h, h1.Top, h1.Bottom)
			}
			caption := evaluate[string](t, ctx, `document.querySelector("h1").previousElementSibling.textContent`)
			if !strings.Contains(caption, site.Words.Guide.Heading) {
				t.Errorf("/guide/%s: above the h1 %q, want the guide's name %q", s.Slug, caption, site.Words.Guide.Heading)
			}
		}
	}
	viewport(t, ctx, 390, 844)
	open(t, ctx, page{path: "/guide/skills", status: 200})
	const currentShown = `document.querySelector('main nav.toc a[aria-current="page"]').checkVisibility()`
	if evaluate[bool](t, ctx, currentShown) {
		t.Fatal("the contents are open on a phone")
	}
	run(t, ctx, chromedp.Click(chromedp.CSS("main nav.toc summary")))
	waitFor(t, "the contents to open", func() (bool, error) {
		return try(ctx, chromedp.Evaluate[bool](currentShown))
	})
}

// Point 5: the home page's cards take the site's yellow focus state, with
// readable text, in light and dark mode, and answer the pointer.
func TestHomeCardStates(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	viewport(t, ctx, 1280, 900)
	for _, dark := range []bool{false, true} {
		colourScheme(t, ctx, dark)
		open(t, ctx, page{path: "/", status: 200})
		n := evaluate[int](t, ctx, `document.querySelectorAll("main .cards a").length`)
		if n == 0 {
			t.Fatal("no cards on the home page")
		}
		for i := range n {
			sel := fmt.Sprintf("main .cards li:nth-child(%d) a", i+1)
			idle := evaluate[string](t, ctx, `getComputedStyle(document.querySelector(`+jsString(sel)+`)).borderTopColor + getComputedStyle(document.querySelector(`+jsString(sel)+`)).borderLeftColor`)
			run(t, ctx, chromedp.Evaluate[bool](`document.querySelector(`+jsString(sel)+`).scrollIntoView({block: "center"}), true`))
			b := mustRect(t, ctx, sel)
			run(t, ctx, chromedp.MouseEvent(chromedp.MouseMoved, b.Left+b.Width/2, b.Top+b.Height/2))
			hover := evaluate[string](t, ctx, `getComputedStyle(document.querySelector(`+jsString(sel)+`)).borderTopColor + getComputedStyle(document.querySelector(`+jsString(sel)+`)).borderLeftColor`)
			if hover == idle {
				t.Errorf("dark %v: card %d does not change under the pointer", dark, i+1)
			}
			run(t, ctx, chromedp.MouseEvent(chromedp.MouseMoved, 1, 1))
			tabTo(t, ctx, sel)
			type focusReport struct {
				Background    string
				Title, Text   float64 // contrast of the title and the text on the card
				Bar           string  // the box-shadow under it
				TitleColour   string
				FocusYellowed bool
			}
			r := evaluate[focusReport](t, ctx, `(() => {`+contrastJS+`
				const a = document.activeElement, s = getComputedStyle(a), title = a.querySelector("strong");
				return {Background: s.backgroundColor, Bar: s.boxShadow, TitleColour: getComputedStyle(title).color,
					Title: contrast(getComputedStyle(title).color, s.backgroundColor), Text: contrast(s.color, s.backgroundColor)};
			})()`)
			if r.Background != "rgb(255, 221, 0)" {
				t.Errorf("dark %v: focused card %d has background %s, want the site's focus yellow rgb(255, 221, 0)", dark, i+1, r.Background)
			}
			if r.Title < 7 || r.Text < 7 {
				t.Errorf("dark %v: focused card %d: title %s at %.1f:1, text at %.1f:1 on its background, want 7:1 or more", dark, i+1, r.TitleColour, r.Title, r.Text)
			}
			if !strings.Contains(r.Bar, "rgb(11, 12, 12)") {
				t.Errorf("dark %v: focused card %d has no black focus bar (box-shadow %s)", dark, i+1, r.Bar)
			}
		}
	}
}

// jsString quotes s for JavaScript.
func jsString(s string) string { return fmt.Sprintf("%q", s) }

// lineLengthJS measures, for each paragraph and list item in main, the
// most characters the browser put on one line.
const lineLengthJS = `(() => {
	let max = 0, where = "";
	for (const el of document.querySelectorAll("main p, main li")) {
		if (el.closest("nav, table") || !el.checkVisibility()) continue;
		const lines = new Map();
		const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
		for (let n; (n = walk.nextNode());) {
			if (n.parentElement.closest(".vh")) continue; // read out, not shown
			for (let i = 0; i < n.data.length; i++) {
				const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
				const b = r.getBoundingClientRect();
				if (b.height === 0) continue;
				const k = Math.round(b.bottom / 4);
				lines.set(k, (lines.get(k) || 0) + 1);
			}
		}
		for (const c of lines.values()) if (c > max) { max = c; where = el.textContent.slice(0, 50); }
	}
	return {max, where};
})()`

// Point 6: body text is 17px on phones and 19px from 40rem, no line holds
// more than 75 characters, headings step down a clear scale, and a wide
// screen shows the guide's contents beside its text.
func TestTypography(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	type scale struct{ Body, Lede, H1, H2, H3 float64 }
	const scaleJS = `(() => {
		const px = s => { const el = document.querySelector(s); return el ? parseFloat(getComputedStyle(el).fontSize) : 0; };
		return {Body: px("main article > p:not([class])"), Lede: px(".lede"), H1: px("h1"), H2: px("main h2"), H3: px("main h3")};
	})()`
	for _, c := range []struct {
		width int64
		body  float64
	}{{390, 17}, {1280, 19}, {1920, 19}} {
		viewport(t, ctx, c.width, 900)
		open(t, ctx, page{path: "/guide/hiring", status: 200})
		s := evaluate[scale](t, ctx, scaleJS)
		if s.Body != c.body {
			t.Errorf("at %dpx body text is %.1fpx, want %.0fpx", c.width, s.Body, c.body)
		}
		if !(s.H1 >= s.H2*1.2 && s.H2 >= s.H3*1.15 && s.H3 >= s.Body*1.1) {
			t.Errorf("at %dpx the headings do not step down a clear scale: h1 %.1f, h2 %.1f, h3 %.1f, body %.1f", c.width, s.H1, s.H2, s.H3, s.Body)
		}
		for _, path := range []string{"/guide/hiring", "/faq/can-one-person-do-both-jobs", "/about", "/"} {
			open(t, ctx, page{path: path, status: 200})
			m := evaluate[struct {
				Max   int
				Where string
			}](t, ctx, lineLengthJS)
			if m.Max > 75 {
				t.Errorf("%s at %dpx: a line holds %d characters (%q…), want 75 or fewer", path, c.width, m.Max, m.Where)
			}
		}
	}
	// A wide screen: the contents beside the text, and the page using the width.
	viewport(t, ctx, 1920, 1080)
	open(t, ctx, page{path: "/guide/skills", status: 200})
	nav, article := mustRect(t, ctx, "main nav.toc"), mustRect(t, ctx, "main article")
	if nav.Right > article.Left || nav.Top > article.Top+200 {
		t.Errorf("at 1920px the contents (%.0f–%.0fpx, top %.0f) are not beside the text (from %.0fpx, top %.0f)", nav.Left, nav.Right, nav.Top, article.Left, article.Top)
	}
	if span := article.Right - nav.Left; span < 1000 {
		t.Errorf("at 1920px the guide part spans %.0fpx, want 1000px or more", span)
	}
	if open := evaluate[bool](t, ctx, `document.querySelector('main nav.toc a[aria-current="page"]').checkVisibility()`); !open {
		t.Error("at 1920px the contents beside the text are folded")
	}
}

// printA4 prints the page on A4 paper, the way a reader in Europe would.
func printA4(t *testing.T, ctx context.Context) []byte {
	t.Helper()
	res := run(t, ctx, chromedp.Action[cdppage.PrintToPDFResult](func(ctx context.Context, tg *chromedp.Target) (cdppage.PrintToPDFResult, error) {
		return cdp.Call(ctx, tg, cdppage.PrintToPDF, cdppage.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69, PreferCSSPageSize: new(true)})
	}))
	return res.Data
}

// pdfPageTexts is the text of each page of a PDF, by pdftotext.
func pdfPageTexts(t *testing.T, pdf []byte) []string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	requireTool(t, err)
	file := filepath.Join(t.TempDir(), "print.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-layout", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

// lines counts a page's lines of text.
func lines(page string) int {
	n := 0
	for l := range strings.SplitSeq(page, "\n") {
		if strings.TrimSpace(l) != "" {
			n++
		}
	}
	return n
}

// Point 7: print. /guide fits ten A4 pages with no near-empty one; /compare
// prints no "Read more" and never splits a row over two pages; links to the
// site's other pages print their full address.
func TestPrintA4(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	viewport(t, ctx, 1280, 900)

	open(t, ctx, page{path: "/guide", status: 200})
	pages := pdfPageTexts(t, printA4(t, ctx))
	if len(pages) > 10 {
		t.Errorf("/guide prints on %d A4 pages, want 10 or fewer", len(pages))
	}
	for i, p := range pages {
		// The last page may be short, but must hold more than the footer.
		min := 20
		if i == len(pages)-1 {
			min = 6
		}
		if n := lines(p); n < min {
			t.Errorf("/guide: printed page %d of %d holds %d lines, want %d or more: %q", i+1, len(pages), n, min, strings.Join(strings.Fields(p), " "))
		}
	}

	open(t, ctx, page{path: "/compare", status: 200})
	pages = pdfPageTexts(t, printA4(t, ctx))
	all := strings.Join(pages, "\n")
	if n := strings.Count(all, "/guide/"); n > 0 {
		t.Errorf("/compare prints a guide address %d times: its row names are links on screen only", n)
	}
	// Each row's first and last words print on the same page.
	for _, r := range site.Comparison.Rows {
		first, last := strings.Fields(r.Dimension)[0], lastWord(r.ProjectManager)
		on := -1
		for i, p := range pages {
			if strings.Contains(p, first) {
				on = i
				break
			}
		}
		if on < 0 || !strings.Contains(strings.Join(strings.Fields(pages[on]), " "), lastWord(r.ProjectManager)) {
			t.Errorf("/compare: the row %q is split over two pages (it ends with %q)", r.Dimension, last)
		}
	}

	open(t, ctx, page{path: "/guide/differences", status: 200})
	printMedia(t, ctx, true)
	defer printMedia(t, ctx, false)
	after := evaluate[[]string](t, ctx, `[...document.querySelectorAll('main a[href^="/"]')].filter(a => a.checkVisibility()).map(a => a.getAttribute("href") + " " + getComputedStyle(a, "::after").content)`)
	if len(after) == 0 {
		t.Fatal("/guide/differences has no links to the site's pages")
	}
	for _, a := range after {
		href, content, _ := strings.Cut(a, " ")
		if !strings.Contains(content, baseURL+href) {
			t.Errorf("/guide/differences in print: the link to %s prints %s, want its full address %s", href, content, baseURL+href)
		}
	}
}

// lastWord is s's last word, without its punctuation.
func lastWord(s string) string {
	f := strings.Fields(s)
	return strings.TrimRight(f[len(f)-1], ".,;:")
}

// Point 9: the site's mark and name in the header and the footer, and a
// footer that names the publisher and lists every page of the site.
func TestIdentity(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	viewport(t, ctx, 390, 844)
	for _, p := range headerPages() {
		open(t, ctx, p)
		type marks struct {
			Header, Footer int // marks (svg) in each wordmark
			Name           string
			Links          []string
			FooterText     string
		}
		r := evaluate[marks](t, ctx, `(() => ({
			Header: document.querySelectorAll("header .wordmark svg circle").length,
			Footer: document.querySelectorAll("footer .wordmark svg circle").length,
			Name: (document.querySelector("header .wordmark") || {}).textContent || "",
			Links: [...document.querySelectorAll("footer a")].map(a => a.getAttribute("href")),
			FooterText: document.querySelector("footer").textContent.replace(/\s+/g, " "),
		}))()`)
		if !strings.Contains(r.FooterText, site.Publisher.Name) {
			t.Errorf("%s: the footer does not name the publisher %q", p.path, site.Publisher.Name)
		}
		if r.Header != 2 || r.Footer != 2 {
			t.Errorf("%s: the mark (two circles) is in the header %d, the footer %d times", p.path, r.Header, r.Footer)
		}
		if name := strings.Join(strings.Fields(r.Name), " "); strings.HasSuffix(name, "?") || name == "" {
			t.Errorf("%s: the wordmark reads %q: a name, not a question", p.path, name)
		}
		for _, want := range []string{"/guide", "/compare", "/which-role", "/faq", "/about", "/privacy"} {
			if !strings.Contains(" "+strings.Join(r.Links, " ")+" ", " "+want+" ") {
				t.Errorf("%s: the footer lacks a link to %s (has %v)", p.path, want, r.Links)
			}
		}
	}
}

// Point 10: /compare shows its short answer and then its table early on a
// phone; the home page has one way into the guide; the diagram's labels
// sit inside their circles.
func TestLessRepetition(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	viewport(t, ctx, 390, 844)
	open(t, ctx, page{path: "/compare", status: 200})
	// The short answer (one line, issue 30) leads, and the table follows it
	// at once, still in the first screen.
	lede, table := mustRect(t, ctx, "main h1 + .lede"), mustRect(t, ctx, "main table")
	if lede.Top > 320 || table.Top > 480 || table.Top-(lede.Top+lede.Height) > 48 {
		t.Errorf("/compare at 390×844: the short answer starts at %.0fpx (want 320px or less), the table at %.0fpx (want straight after it, 480px or less)", lede.Top, table.Top)
	}
	if n := evaluate[int](t, ctx, `document.querySelectorAll("main svg.split").length`); n > 0 {
		t.Errorf("/compare repeats the home page's diagram (%d elements)", n)
	}

	open(t, ctx, page{path: "/", status: 200})
	ways := evaluate[[]string](t, ctx, `[...document.querySelectorAll("main a")].map(a => a.getAttribute("href")).filter(h => h === "/guide" || /^\/guide\/[^#]+$/.test(h))`)
	seen := map[string]int{}
	for _, h := range ways {
		seen[h]++
	}
	for h, n := range seen {
		if n > 1 || h == "/guide" {
			t.Errorf("the home page links to %s %d times: want one list of the guide's parts as the way in", h, n)
		}
	}
	if len(seen) != len(site.Sections) {
		t.Errorf("the home page links to %d guide parts, want all %d", len(seen), len(site.Sections))
	}

	// The labels: each role's words inside its circle and outside the
	// other; "The roadmap" inside both.
	type label struct {
		Text  string
		Where []bool // inside the product circle, the project circle
	}
	for _, width := range []int64{320, 390, 1280} {
		viewport(t, ctx, width, 900)
		open(t, ctx, page{path: "/", status: 200})
		labels := evaluate[[]label](t, ctx, `(() => {
			const svg = document.querySelector("svg.split");
			const circles = [...svg.querySelectorAll("circle")].map(c => ({x: c.cx.baseVal.value, y: c.cy.baseVal.value, r: c.r.baseVal.value}));
			return [...svg.querySelectorAll("text")].map(t => {
				const b = t.getBBox();
				const corners = [[b.x, b.y + b.height * .2], [b.x + b.width, b.y + b.height * .2], [b.x, b.y + b.height * .9], [b.x + b.width, b.y + b.height * .9]];
				return {Text: t.textContent, Where: circles.map(c => corners.every(([x, y]) => Math.hypot(x - c.x, y - c.y) <= c.r - 1))};
			});
		})()`)
		if len(labels) == 0 {
			t.Fatal("no labels in the diagram")
		}
		for i, l := range labels {
			want := []bool{true, false}
			switch {
			case i >= len(labels)-2:
				want = []bool{true, true}
			case i >= 4:
				want = []bool{false, true}
			}
			if fmt.Sprint(l.Where) != fmt.Sprint(want) {
				t.Errorf("at %dpx the diagram's %q is inside the product, project circle: %v, want %v", width, l.Text, l.Where, want)
			}
		}
	}
}

// Point 11: in dark mode the main button stands out from the page (3:1)
// and its words from the button (4.5:1).
func TestDarkModeButton(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	viewport(t, ctx, 390, 844)
	for _, dark := range []bool{false, true} {
		colourScheme(t, ctx, dark)
		for _, p := range []page{{path: "/", status: 200}, {path: "/compare", status: 200}, {path: "/which-role", status: 200}} {
			open(t, ctx, p)
			r := evaluate[map[string]float64](t, ctx, `(() => {`+contrastJS+`
				const el = document.querySelector("main .button");
				if (!el) return {page: 0, text: 0};
				const b = getComputedStyle(el), page = getComputedStyle(document.body).backgroundColor;
				return {page: contrast(b.backgroundColor, page), text: contrast(b.color, b.backgroundColor)};
			})()`)
			if r["page"] < 3 || r["text"] < 4.5 {
				t.Errorf("dark %v, %s: the main button is %.2f:1 against the page (want 3), its text %.2f:1 (want 4.5)", dark, p.path, r["page"], r["text"])
			}
		}
	}
}

// Point 12: one wording for the buttons to the questionnaire, a home button
// that holds a label of any length at 390px, and "Updated" straight under the h1 on every page
// that has it.
func TestConsistency(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	viewport(t, ctx, 390, 844)
	want := site.Words.Layout.StartButton
	for _, path := range []string{"/", "/guide", "/compare", "/which-role/how-it-works"} {
		open(t, ctx, page{path: path, status: 200})
		texts := evaluate[[]string](t, ctx, `[...document.querySelectorAll('main a.button[href="/which-role"]')].map(a => a.textContent.trim())`)
		if len(texts) == 0 {
			t.Errorf("%s has no button to the questionnaire", path)
		}
		for _, text := range texts {
			if text != want {
				t.Errorf("%s: the button to the questionnaire reads %q, want %q", path, text, want)
			}
		}
	}
	// The home button holds its label, whatever its length: an editor may
	// reword it. At 390px the label, and one three times as long, wrap
	// inside the button: it stays one box on the page, with no text
	// spilling out of it and nothing wider than the screen.
	open(t, ctx, page{path: "/", status: 200})
	for _, label := range []string{want, strings.TrimSpace(strings.Repeat(want+" ", 3))} {
		fit := evaluate[map[string]float64](t, ctx, `((label) => {
			const a = document.querySelector("main a.button");
			a.textContent = label;
			const r = a.getBoundingClientRect(), root = document.documentElement;
			return {boxes: a.getClientRects().length, left: r.left, right: r.right, textWidth: a.scrollWidth, width: a.clientWidth,
				textHeight: a.scrollHeight, height: a.clientHeight, screen: root.clientWidth, page: root.scrollWidth};
		})(`+strconv.Quote(label)+`)`)
		switch {
		case fit["boxes"] != 1:
			t.Errorf("home button labelled %q at 390px: it breaks into %.0f boxes across lines, want one box whose text wraps inside it", label, fit["boxes"])
		case fit["left"] < 0 || fit["right"] > fit["screen"] || fit["page"] > fit["screen"]:
			t.Errorf("home button labelled %q at 390px: it runs from %.0fpx to %.0fpx (page %.0fpx wide), off a %.0fpx screen", label, fit["left"], fit["right"], fit["page"], fit["screen"])
		case fit["textWidth"] > fit["width"] || fit["textHeight"] > fit["height"]:
			t.Errorf("home button labelled %q at 390px: its text (%.0f×%.0fpx) overflows the button (%.0f×%.0fpx)", label, fit["textWidth"], fit["textHeight"], fit["width"], fit["height"])
		}
	}
	for _, p := range []string{"/guide/skills", "/faq/" + site.Answers[0].Slug, "/about", "/privacy"} {
		open(t, ctx, page{path: p, status: 200})
		where := evaluate[string](t, ctx, `(() => { const t = document.querySelector("main time"); return t ? t.parentElement.previousElementSibling.localName : "none"; })()`)
		if where != "h1" {
			t.Errorf("%s: the Updated date follows %s, want the h1", p, where)
		}
	}
}

// resultPaths are a result of each kind: the product manager's, the
// project manager's, both (and both from a link shared before the
// questionnaire's last round), one person, and no hire yet.
var resultPaths = map[string]string{
	"product-manager": "/which-role/result?goal=direction&decider=founder-stretched&complexity=several-teams&hires=one",
	"project-manager": "/which-role/result?goal=client-work&decider=already-covered&complexity=several-teams&hires=one",
	"both":            "/which-role/result?goal=new-product&problems=missed-deadlines&decider=nobody-clearly&complexity=several-teams&hires=two",
	"both-old-link":   "/which-role/result?goal=new-product&problems=no-launches&problems=unclear-direction&problems=over-budget&problems=missed-deadlines&problems=poor-coordination&customer_facing=yes&complexity=complex-tech",
	"one-person":      "/which-role/result?goal=new-feature&problems=over-budget&decider=nobody-clearly&complexity=single-team&hires=two",
	"not-yet":         "/which-role/result?goal=new-feature&decider=founder-has-time&complexity=single-team&hires=one",
}

// A resultReport is how a result page lays out its answer.
type resultReport struct {
	H1InPanel   bool
	PanelAlign  string
	PanelTexts  []string // the panel's paragraphs
	PanelBG     string
	PanelText   float64 // contrast of the panel's text on its fill
	FirstReason box     // the first heading after the panel
	Buttons     []string
	Secondary   []string // the other links beside the main button
	ShareAfter  bool     // "Save or share" comes after the first reason heading
	ShareHas    []string // hrefs and inputs inside it
}

const resultCheck = `(() => {` + contrastJS + `
	const panel = document.querySelector("main .panel");
	if (!panel) return {};
	const first = [...document.querySelectorAll("main h2")].find(h => panel.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING);
	const r = first ? first.getBoundingClientRect() : {};
	const actions = document.querySelector("main .actions");
	const share = document.querySelector("main .share");
	const ps = getComputedStyle(panel);
	return {
		H1InPanel: !!panel.querySelector("h1"),
		PanelAlign: ps.textAlign,
		PanelTexts: [...panel.querySelectorAll("p")].map(p => p.textContent.trim()),
		PanelBG: ps.backgroundColor,
		PanelText: contrast(ps.color, ps.backgroundColor),
		FirstReason: first ? {Found: true, Top: r.top, Bottom: r.bottom} : {Found: false},
		Buttons: [...document.querySelectorAll("main a.button:not(.secondary)")].map(a => a.getAttribute("href")),
		Secondary: actions ? [...actions.querySelectorAll("a:not(.button), a.secondary")].map(a => a.getAttribute("href")) : [],
		ShareAfter: !!(share && first && (first.compareDocumentPosition(share) & Node.DOCUMENT_POSITION_FOLLOWING)),
		ShareHas: share ? [...share.querySelectorAll("a, input")].map(e => (e.getAttribute("href") || e.localName).slice(0, 40)) : [],
	};
})()`

// Point 1: a result is GOV.UK's result panel: the h1 inside it, one
// left-aligned sentence, the first reason on the first screen of a phone,
// one main action (the hiring kit as a PDF) and its secondary ones, then
// "Save or share" lower down; the panel in its role's colour, as /compare.
func TestResultPanel(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	viewport(t, ctx, 390, 844)
	fills := map[string]string{}
	for _, dark := range []bool{false, true} {
		colourScheme(t, ctx, dark)
		for rec, path := range resultPaths {
			open(t, ctx, page{path: path, status: 200})
			r := evaluate[resultReport](t, ctx, resultCheck)
			where := fmt.Sprintf("%s (dark %v)", rec, dark)
			if !r.H1InPanel {
				t.Errorf("%s: the h1 is not inside the panel", where)
			}
			if r.PanelAlign != "left" && r.PanelAlign != "start" {
				t.Errorf("%s: the panel's text is aligned %s, want left", where, r.PanelAlign)
			}
			if len(r.PanelTexts) != 1 || strings.Count(strings.TrimSuffix(r.PanelTexts[0], "."), ". ") > 0 {
				t.Errorf("%s: the panel says %q, want one sentence", where, r.PanelTexts)
			}
			if r.PanelText < 4.5 {
				t.Errorf("%s: the panel's text is %.1f:1 on its fill, want 4.5:1 or more", where, r.PanelText)
			}
			if !r.FirstReason.Found || r.FirstReason.Bottom > 844 {
				t.Errorf("%s: the first heading under the panel ends at %.0fpx, want it on the first 390×844 screen", where, r.FirstReason.Bottom)
			}
			if len(r.Buttons) != 1 || !strings.HasPrefix(r.Buttons[0], "/which-role/brief.pdf?") {
				t.Errorf("%s: main buttons %v, want one: the hiring kit as a PDF", where, r.Buttons)
			}
			joined := strings.Join(r.Secondary, " ")
			if !strings.Contains(joined, "/which-role/brief?") || !strings.Contains(joined, "/which-role/job-ad?") {
				t.Errorf("%s: beside the main button %v, want the kit to view or print and the job advert", where, r.Secondary)
			}
			share := strings.Join(r.ShareHas, " ")
			if !r.ShareAfter || !strings.Contains(share, "input") || !strings.Contains(share, "mailto:") || !strings.Contains(share, "/which-role/brief.md?") {
				t.Errorf("%s: \"Save or share\" (after the reasons: %v) holds %v, want the address, the email link and the Markdown", where, r.ShareAfter, r.ShareHas)
			}
			if !dark {
				fills[rec] = r.PanelBG
			}
		}
	}
	// The roles' colours, as /compare's: the product manager's fill is the
	// light sheet's --product, the project manager's its --project.
	colourScheme(t, ctx, false)
	open(t, ctx, page{path: "/compare", status: 200})
	colours := evaluate[map[string]string](t, ctx, `({pm: getComputedStyle(document.querySelector("table.compare thead th.pm")).color, pj: getComputedStyle(document.querySelector("table.compare thead th.pj")).color})`)
	if fills["product-manager"] != colours["pm"] || fills["project-manager"] != colours["pj"] {
		t.Errorf("the panels are %s (product) and %s (project); /compare's roles are %s and %s", fills["product-manager"], fills["project-manager"], colours["pm"], colours["pj"])
	}
	if fills["both"] == fills["product-manager"] || fills["both"] == fills["project-manager"] {
		t.Errorf("a result for both roles has one role's colour %s", fills["both"])
	}
}

// A briefReport is how the hiring brief opens, on screen or in print.
type briefReport struct {
	AfterH1        string  // the class of the element after the h1
	RawURLBefore   bool    // an address spelled out between the h1 and the first h2
	H1, Summary    float64 // font sizes
	Mark           bool    // the site's mark and name are shown
	Hanging        []float64
	HangingChecked int
}

const briefCheck = `(() => {
	const h1 = document.querySelector("main h1"), h2 = document.querySelector("main h2");
	let raw = false;
	// The h1 sits in the summary panel, as on the result page.
	const start = h1.parentElement.classList.contains("panel") ? h1.parentElement : h1;
	for (let el = start.nextElementSibling; el && el !== h2 && !el.contains(h2); el = el.nextElementSibling) {
		if (el.checkVisibility() && /https?:\/\//.test(el.textContent)) raw = true;
	}
	const summary = document.querySelector("main .panel-body");
	const mark = document.querySelector("header .wordmark");
	// Each checklist item that wraps: how far its later lines start from
	// where its first line's words start.
	const hanging = [];
	let checked = 0;
	for (const li of document.querySelectorAll("main .checklist li")) {
		const range = document.createRange(); range.selectNodeContents(li);
		const rects = [...range.getClientRects()].filter(r => r.width > 0);
		const tops = [...new Set(rects.map(r => Math.round(r.top)))].sort((a, b) => a - b);
		if (tops.length < 2) continue;
		checked++;
		const left = top => Math.min(...rects.filter(r => Math.round(r.top) === top).map(r => r.left));
		hanging.push(Math.abs(left(tops[1]) - left(tops[0])));
	}
	return {
		AfterH1: start !== h1 && h1.nextElementSibling && h1.nextElementSibling.matches(".panel-body") ? "panel" : (h1.nextElementSibling ? h1.nextElementSibling.className : ""),
		RawURLBefore: raw,
		H1: parseFloat(getComputedStyle(h1).fontSize), Summary: summary ? parseFloat(getComputedStyle(summary).fontSize) : 0,
		Mark: !!mark && mark.checkVisibility() && !!mark.querySelector("svg") && mark.textContent.trim() !== "",
		Hanging: hanging, HangingChecked: checked,
	};
})()`

// Point 8: the hiring brief opens on its title and its summary, no raw
// address; the summary is smaller than the title; checklist items hang
// their box in the margin; on screen and in print the page carries the
// site's mark and name.
func TestBriefLook(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	const path = "/which-role/brief?goal=new-product&problems=over-budget&customer_facing=no&complexity=single-team"
	for _, print := range []bool{false, true} {
		printMedia(t, ctx, false)
		viewport(t, ctx, 390, 844)
		open(t, ctx, page{path: path, status: 200})
		printMedia(t, ctx, print)
		r := evaluate[briefReport](t, ctx, briefCheck)
		where := "on screen"
		if print {
			where = "in print"
		}
		if r.RawURLBefore || r.AfterH1 != "panel" {
			t.Errorf("%s: the brief's h1 is followed by %q (a raw address before the first h2: %v), want the summary panel", where, r.AfterH1, r.RawURLBefore)
		}
		if r.Summary == 0 || r.Summary >= r.H1 {
			t.Errorf("%s: the summary is %.1fpx, the h1 %.1fpx: want the summary smaller", where, r.Summary, r.H1)
		}
		if !r.Mark {
			t.Errorf("%s: the brief does not show the site's mark and name", where)
		}
		if r.HangingChecked == 0 {
			t.Fatalf("%s: no checklist item wraps: the hanging indent is not measured", where)
		}
		for i, d := range r.Hanging {
			if d > 2 {
				t.Errorf("%s: checklist item %d's second line starts %.0fpx from its first line's words, want a hanging indent", where, i+1, d)
			}
		}
	}
	printMedia(t, ctx, false)
}
