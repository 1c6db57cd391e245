package browser

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestScreenshots is not a check: with SCREENSHOTS=dir set it saves a
// screenshot of each kind of page (its first screen, and the whole page) at 390 and 1280px wide, light
// and dark, and a print preview of /guide (as PDF), for a person to look
// at after a change to the design. Without it, it skips.
//
//	SCREENSHOTS=/tmp/shots go test ./web/browser -run TestScreenshots -count=1
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("SCREENSHOTS")
	if dir == "" {
		t.Skip("set SCREENSHOTS=dir to save screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx := newTab(t)
	shots := []page{
		{name: "home", path: "/", status: 200},
		{name: "guide", path: "/guide", status: 200},
		{name: "section", path: "/guide/working-together", status: 200},
		{name: "compare", path: "/compare", status: 200},
		{name: "faq", path: "/faq", status: 200},
		{name: "answer", path: "/faq/who-gets-paid-more", status: 200},
		{name: "form", path: "/which-role", status: 200},
		{name: "form-errors", path: "/which-role", status: 422, submitEmpty: true},
		{name: "how-it-works", path: "/which-role/how-it-works", status: 200},
		{name: "brief", path: "/which-role/brief?goal=new-product&problems=missed-deadlines&decider=nobody-clearly&complexity=several-teams&hires=two", status: 200},
		{name: "job-ad", path: "/which-role/job-ad?goal=new-product&problems=missed-deadlines&decider=nobody-clearly&complexity=several-teams&hires=two", status: 200},
		{name: "not-found", path: "/no-such-page", status: 404},
	}
	for rec, path := range resultPaths {
		shots = append(shots, page{name: "result-" + rec, path: path, status: 200})
	}
	for _, p := range shots {
		if only := os.Getenv("SCREENSHOTS_ONLY"); only != "" && !strings.Contains(p.name, only) {
			continue
		}
		for _, dark := range []bool{false, true} {
			colourScheme(t, ctx, dark)
			for _, w := range []int64{390, 1280} {
				h := int64(844)
				if w > 390 {
					h = 800
				}
				viewport(t, ctx, w, h)
				open(t, ctx, p)
				scheme := "light"
				if dark {
					scheme = "dark"
				}
				for kind, shot := range map[string]chromedp.Action[[]byte]{"top": chromedp.CaptureScreenshot(), "full": chromedp.FullScreenshot(100)} {
					name := filepath.Join(dir, fmt.Sprintf("%s-%d-%s-%s.png", p.name, w, scheme, kind))
					if err := os.WriteFile(name, run(t, ctx, shot), 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
	colourScheme(t, ctx, false)
	open(t, ctx, page{path: "/guide", status: 200})
	if err := os.WriteFile(filepath.Join(dir, "guide-print.pdf"), printA4(t, ctx), 0o644); err != nil {
		t.Fatal(err)
	}
}
