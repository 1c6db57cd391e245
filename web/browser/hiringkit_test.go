package browser

import (
	"fmt"
	"strings"
	"testing"
)

// The hiring kit and the job advert as a reader sees them (issue 31,
// points 4 and 8; issue 29): measured in Chromium at 390×844 and 1280×800,
// light and dark.

// A kitLook is how a page shows its answer: the panel's fill and where its
// h1 is, its actions, and (for the kit) its contents list.
type kitLook struct {
	Panel, PanelImage string // the panel's computed background colour and image
	H1InPanel         bool
	H1                string
	Actions           []string // each action's class
	Primary           string   // the main button's background colour
	KitActions        []string // the words of the actions that lead to the kit
	Contents          box      // the kit's contents list
	ContentsLinks     int
	ContentsLand      bool // every contents link lands on an element of the page
	FirstPart         box  // the first part of the kit the contents list
}

const kitLookCheck = `(() => {
	const panel = document.querySelector("main .panel");
	const rect = el => { if (!el) return {Found: false}; const r = el.getBoundingClientRect(); return {Found: true, Top: r.top, Bottom: r.bottom, Left: r.left, Right: r.right, Width: r.width, Height: r.height}; };
	const h1 = document.querySelector("main h1");
	const actions = [...document.querySelectorAll("main .actions a")];
	const primary = document.querySelector("main .actions a.button:not(.secondary)");
	const links = [...document.querySelectorAll("main nav.kit-contents a")];
	return {
		Panel: panel ? getComputedStyle(panel).backgroundColor : "",
		PanelImage: panel ? getComputedStyle(panel).backgroundImage : "",
		H1InPanel: !!panel && panel.contains(h1),
		H1: h1 ? h1.textContent.trim() : "",
		Actions: actions.map(a => a.className),
		Primary: primary ? getComputedStyle(primary).backgroundColor : "",
		KitActions: actions.filter(a => /\/which-role\/brief[.?]/.test(a.getAttribute("href"))).map(a => a.textContent.trim()),
		Contents: rect(document.querySelector("main nav.kit-contents")),
		ContentsLinks: links.length,
		ContentsLand: links.every(a => !!document.getElementById(a.getAttribute("href").slice(1))),
		FirstPart: rect(document.querySelector("main #plan")),
	};
})()`

// Point 4: the kit looks like the result it came from: the same panel, in
// the same colour, with the h1 in it; its actions are buttons like the
// result's; its name is the one the result's buttons use; and a contents
// list opens it, above its first part (or, on a wide screen, beside it).
func TestKitLooksLikeResult(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	for name, result := range everyOutcome() {
		kit := strings.Replace(result, "/which-role/result?", "/which-role/brief?", 1)
		for _, s := range screens {
			viewport(t, ctx, s.w, s.h)
			open(t, ctx, page{path: result, status: 200})
			r := evaluate[kitLook](t, ctx, kitLookCheck)
			open(t, ctx, page{path: kit, status: 200})
			k := evaluate[kitLook](t, ctx, kitLookCheck)
			at := fmt.Sprintf("%s at %d", name, s.w)
			if !k.H1InPanel || k.Panel != r.Panel || k.PanelImage != r.PanelImage {
				t.Errorf("%s: the kit's panel (h1 in it %v, %s %s) is not the result's (%s %s)", at, k.H1InPanel, k.Panel, k.PanelImage, r.Panel, r.PanelImage)
			}
			if len(k.Actions) < 3 || k.Primary == "" || k.Primary != r.Primary {
				t.Errorf("%s: the kit's actions %q (main button %q) are not buttons like the result's (%q)", at, k.Actions, k.Primary, r.Primary)
			}
			for _, c := range k.Actions {
				if !strings.Contains(" "+c+" ", " button ") {
					t.Errorf("%s: a kit action is a plain link (class %q)", at, c)
				}
			}
			// One name: the kit's title names it as the result's buttons do.
			kitName, _, _ := strings.Cut(strings.ToLower(k.H1), ":")
			if len(r.KitActions) == 0 || kitName == "" {
				t.Errorf("%s: no action leads from the result to the kit, or the kit has no title", at)
			}
			for _, a := range r.KitActions {
				if !strings.Contains(strings.ToLower(a), kitName) {
					t.Errorf("%s: the result calls the kit %q, its title %q", at, a, k.H1)
				}
			}
			if name == "not-yet" {
				continue
			}
			if !k.Contents.Found || k.ContentsLinks < 5 || !k.ContentsLand {
				t.Errorf("%s: the kit's contents list: found %v, %d links, all land %v", at, k.Contents.Found, k.ContentsLinks, k.ContentsLand)
			} else if beside := k.Contents.Left >= k.FirstPart.Right; !k.FirstPart.Found || !beside && k.Contents.Bottom > k.FirstPart.Top {
				t.Errorf("%s: the contents list (bottom %.0f) is neither above the kit's first part (top %.0f) nor beside it (its column from x=%.0f)", at, k.Contents.Bottom, k.FirstPart.Top, k.Contents.Left)
			}
		}
	}
}

// A draftLook is how the job advert page shows its drafts.
type draftLook struct {
	Drafts       int
	Placeholders int // [bracketed] runs in the drafts' text
	Marked       int // of them, inside a mark.ph, whole
	MarkBg       string
	SiteMark     string // the site's highlight colour (--mark), computed
	PageBg       string
	MarkContrast float64
	Framed       bool // each draft has a border and a shadow
	NotesInDraft bool
	Draft, Notes box // the first advert's
	Downloads    []string
	DownloadMinH float64
	ScrollX      bool
}

const draftLookCheck = contrastJS + `(() => {
	const rect = el => { if (!el) return {Found: false}; const r = el.getBoundingClientRect(); return {Found: true, Top: r.top, Bottom: r.bottom, Left: r.left, Right: r.right, Width: r.width, Height: r.height}; };
	const drafts = [...document.querySelectorAll("main .draft")];
	let placeholders = 0, marked = 0;
	for (const d of drafts) {
		placeholders += (d.textContent.match(/\[[^\]]*\]/g) || []).length;
		marked += [...d.querySelectorAll("mark.ph")].filter(m => /^\[[^\]]*\]$/.test(m.textContent)).length;
	}
	const mark = document.querySelector("main .draft mark.ph");
	const probe = document.createElement("div");
	probe.style.backgroundColor = "var(--mark)";
	document.body.append(probe);
	const site = getComputedStyle(probe).backgroundColor;
	probe.remove();
	const bg = getComputedStyle(document.body).backgroundColor;
	const downloads = [...document.querySelectorAll("main .actions a[download]")];
	return {
		Drafts: drafts.length, Placeholders: placeholders, Marked: marked,
		MarkBg: mark ? getComputedStyle(mark).backgroundColor : "",
		SiteMark: site, PageBg: bg,
		MarkContrast: mark ? contrast(getComputedStyle(mark).color, getComputedStyle(mark).backgroundColor) : 0,
		Framed: drafts.length > 0 && drafts.every(d => parseFloat(getComputedStyle(d).borderTopWidth) >= 1 && getComputedStyle(d).boxShadow !== "none"),
		NotesInDraft: drafts.some(d => !!d.querySelector(".ad-notes")),
		Draft: rect(drafts[0]), Notes: rect(document.querySelector("main .job-ad .ad-notes")),
		Downloads: downloads.map(a => a.className),
		DownloadMinH: Math.min(...downloads.map(a => a.getBoundingClientRect().height)),
		ScrollX: document.documentElement.scrollWidth > innerWidth,
	};
})()`

// Point 8: the job advert page marks every [placeholder] in the site's
// highlight colour, frames each draft as a document, makes the downloads
// buttons, and shows the employer's notes beside the draft (below it on a
// phone), never inside it.
func TestJobAdLook(t *testing.T) {
	t.Parallel()
	ctx := newTab(t)
	for _, path := range []string{
		strings.Replace(resultPaths["both"], "/result?", "/job-ad?", 1),
		strings.Replace(everyOutcome()["contract"], "/result?", "/job-ad?", 1),
	} {
		for _, dark := range []bool{false, true} {
			colourScheme(t, ctx, dark)
			for _, s := range screens {
				viewport(t, ctx, s.w, s.h)
				open(t, ctx, page{path: path, status: 200})
				r := evaluate[draftLook](t, ctx, draftLookCheck)
				at := fmt.Sprintf("%s at %d (dark %v)", path, s.w, dark)
				if r.Drafts == 0 || r.Placeholders == 0 || r.Marked != r.Placeholders {
					t.Errorf("%s: %d of %d placeholders in %d drafts are marked", at, r.Marked, r.Placeholders, r.Drafts)
				}
				if r.MarkBg != r.SiteMark || r.MarkBg == r.PageBg || r.MarkContrast < 4.5 {
					t.Errorf("%s: placeholders on %s (contrast %.1f), want the site's highlight %s, unlike the page's %s", at, r.MarkBg, r.MarkContrast, r.SiteMark, r.PageBg)
				}
				if !r.Framed {
					t.Errorf("%s: a draft is not framed as a document (border and shadow)", at)
				}
				if len(r.Downloads) != 2 || r.DownloadMinH < 44 {
					t.Errorf("%s: downloads %q, the smallest %.0fpx high: want two buttons at least 44px high", at, r.Downloads, r.DownloadMinH)
				}
				for _, c := range r.Downloads {
					if !strings.Contains(" "+c+" ", " button ") {
						t.Errorf("%s: a download is a plain link (class %q)", at, c)
					}
				}
				if r.NotesInDraft || !r.Notes.Found || r.ScrollX {
					t.Errorf("%s: notes inside the draft %v, found %v; sideways scroll %v", at, r.NotesInDraft, r.Notes.Found, r.ScrollX)
					continue
				}
				if s.w >= 1280 && (r.Notes.Left < r.Draft.Right || r.Notes.Top > r.Draft.Top+r.Draft.Height/4) {
					t.Errorf("%s: the notes (%.0f,%.0f) are not beside the draft (right %.0f, top %.0f)", at, r.Notes.Left, r.Notes.Top, r.Draft.Right, r.Draft.Top)
				}
				if s.w < 1280 && r.Notes.Top < r.Draft.Bottom {
					t.Errorf("%s: on a phone the notes (top %.0f) overlap the draft (bottom %.0f)", at, r.Notes.Top, r.Draft.Bottom)
				}
			}
		}
	}
	colourScheme(t, ctx, false)
}
