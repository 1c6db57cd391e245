package browser

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// maxTabs bounds the Tab presses to reach one element; the pages have
// fewer focusable elements than this.
const maxTabs = 80

// TestKeyboardQuestionnaire answers the questionnaire with the keyboard
// alone, JavaScript off: Tab to each question, arrows and Space to answer,
// Enter to send, and lands on the result for those answers.
func TestKeyboardQuestionnaire(t *testing.T) {
	t.Parallel()
	ctx := newTabNoJS(t)
	open(t, ctx, page{path: "/which-role", status: 200})

	steps := []struct {
		what    string
		focus   string // Tab until this element has the focus
		keys    string // then press these
		checked string // and this input must be checked
	}{
		// Arrow keys move through a radio group and check the option.
		// Choosing an internal system reveals its question, next in the Tab order.
		{"goal", `input[name="goal"]`, kb.ArrowDown + kb.ArrowDown, "#goal-internal-system"},
		{"customer_facing", `input[name="customer_facing"]`, kb.ArrowDown, "#customer_facing-no"},
		{"problems", `#problems-missed-deadlines`, " ", "#problems-missed-deadlines"},
		{"decider", `input[name="decider"]`, " ", "#decider-founder-has-time"},
		{"complexity", `input[name="complexity"]`, " ", "#complexity-single-team"},
		{"hires", `input[name="hires"]`, " ", "#hires-one"},
	}
	for _, s := range steps {
		tabTo(t, ctx, s.focus)
		run(t, ctx, chromedp.KeyEvent(s.keys))
		if el, err := querySelector(ctx, s.checked+":checked"); err != nil || !el.found {
			t.Fatalf("%s: %s is not checked after the keys %q (err: %v)", s.what, s.checked, s.keys, err)
		}
	}
	tabTo(t, ctx, `button[type="submit"]`)
	tctx, cancel := context.WithTimeout(ctx, actionTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(tctx, chromedp.KeyEvent(kb.Enter))
	if err != nil {
		t.Fatalf("send the form with Enter: %v", err)
	}
	if resp.Status != 200 {
		t.Fatalf("send the form: status %d, want 200", resp.Status)
	}
	const wantURL = "/which-role/result?goal=internal-system&problems=missed-deadlines&decider=founder-has-time&customer_facing=no&complexity=single-team&hires=one"
	if got := describeURL(run(t, ctx, chromedp.Location())); got != wantURL {
		t.Errorf("landed on %s, want %s", got, wantURL)
	}
	result, err := querySelector(ctx, "main[data-recommendation]")
	switch {
	case err != nil:
		t.Fatal(err)
	case !result.found:
		t.Fatal("the result page has no main[data-recommendation]")
	case result.attrs["data-recommendation"] != "project-manager":
		t.Errorf("data-recommendation = %q, want project-manager", result.attrs["data-recommendation"])
	}
}

// tabTo presses Tab until the element matching selector has the focus, and
// checks that the focus is visible on it.
func tabTo(t *testing.T, ctx context.Context, selector string) {
	t.Helper()
	for range maxTabs {
		run(t, ctx, chromedp.KeyEvent(kb.Tab))
		el, err := querySelector(ctx, selector+":focus")
		if err != nil {
			t.Fatal(err)
		}
		if el.found {
			checkFocusVisible(t, ctx, selector+":focus")
			return
		}
	}
	t.Fatalf("%d Tab presses did not reach %s", maxTabs, selector)
}

// checkFocusVisible checks that the focused element draws a focus outline.
func checkFocusVisible(t *testing.T, ctx context.Context, selector string) {
	t.Helper()
	style := map[string]string{}
	for _, p := range run(t, ctx, chromedp.ComputedStyle(chromedp.CSS(selector))) {
		style[p.Name] = p.Value
	}
	if style["outline-style"] == "none" || style["outline-width"] == "0px" {
		t.Errorf("%s has the focus but no visible outline (outline: %s %s)", selector, style["outline-style"], style["outline-width"])
	}
}

// TestFAQLinks follows, JavaScript off and with the keyboard alone, each
// answer's self link on /faq (the answer becomes the :target) and then its
// "Link to this answer", which opens the answer's own page. The first
// answer is reached from the top of the page; each other from the answer
// before it, where a reader who followed that answer's link stands (the
// browser starts Tab from the target). Tab follows the page's order, so
// each is reached from the top too, without pressing Tab through every
// answer before it again.
func TestFAQLinks(t *testing.T) {
	t.Parallel()
	ctx := newTabNoJS(t)
	for i, a := range site.Answers {
		t.Run(a.Slug, func(t *testing.T) {
			start := "/faq"
			if i > 0 {
				start += "#" + site.Answers[i-1].Slug
			}
			open(t, ctx, page{path: start, status: 200})
			section := `section.answer[id="` + a.Slug + `"]`
			selfLink := section + ` > h2 > a.self-link[href="#` + a.Slug + `"]`
			tabTo(t, ctx, selfLink)
			run(t, ctx, chromedp.KeyEvent(kb.Enter))
			waitFor(t, "#"+a.Slug+" in the address", func() (bool, error) {
				loc, err := try(ctx, chromedp.Location())
				return strings.HasSuffix(loc, "/faq#"+a.Slug), err
			})
			target, err := querySelector(ctx, ":target")
			switch {
			case err != nil:
				t.Fatal(err)
			case !target.found:
				t.Fatal("no element matches :target")
			case target.attrs["id"] != a.Slug:
				t.Fatalf(":target is #%s, want #%s", target.attrs["id"], a.Slug)
			}
			if el, err := querySelector(ctx, section+":target"); err != nil || !el.found {
				t.Fatalf("the :target is not the answer's section (err: %v)", err)
			}

			permalink := section + ` a[href="/faq/` + a.Slug + `"]`
			if text := run(t, ctx, chromedp.TextContent(chromedp.CSS(permalink))); !strings.HasPrefix(text, site.Words.FAQ.Permalink) {
				t.Errorf("permalink text = %q, want it to start with %q", text, site.Words.FAQ.Permalink)
			}
			tabTo(t, ctx, permalink) // Tab goes on from the followed link
			tctx, cancel := context.WithTimeout(ctx, actionTimeout)
			defer cancel()
			resp, err := chromedp.RunResponse(tctx, chromedp.KeyEvent(kb.Enter))
			if err != nil {
				t.Fatalf("follow the permalink: %v", err)
			}
			if resp.Status != 200 {
				t.Fatalf("follow the permalink: status %d, want 200", resp.Status)
			}
			if got := describeURL(run(t, ctx, chromedp.Location())); got != "/faq/"+a.Slug {
				t.Errorf("landed on %s, want /faq/%s", got, a.Slug)
			}
			if h1 := strings.TrimSpace(run(t, ctx, chromedp.Text(chromedp.CSS("h1")))); h1 != a.Question {
				t.Errorf("h1 = %q, want the question %q", h1, a.Question)
			}
		})
	}
}
