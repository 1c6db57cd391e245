package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/guide/pmvspm/content"
)

// contentDir copies the embedded content into a temporary directory, for
// -content and -dev.
func contentDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := fs.WalkDir(content.Files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, path), 0o755)
		}
		data, err := fs.ReadFile(content.Files, path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, path), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// edit rewrites one content file in dir, replacing old (which must occur
// once) with new, and returns the 1-based line where new starts.
func edit(t *testing.T, dir, file, old, new string) int {
	t.Helper()
	path := filepath.Join(dir, file)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if n := strings.Count(text, old); n != 1 {
		t.Fatalf("%s: %q occurs %d times", file, old, n)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(text, old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return strings.Count(text[:strings.Index(text, old)], "\n") + 1
}

func TestCheck(t *testing.T) {
	t.Run("embedded content", func(t *testing.T) {
		var stdout bytes.Buffer
		if err := runWith(context.Background(), sharedEncodings, []string{"guide", "-check"}, func(string) string { return "" }, &stdout, io.Discard); err != nil {
			t.Fatalf("guide -check: %v\n%s", err, stdout.String())
		}
		if got := stdout.String(); got != "content: no problems\n" {
			t.Errorf("stdout = %q", got)
		}
	})

	t.Run("every problem in a directory", func(t *testing.T) {
		dir := contentDir(t)
		l1 := edit(t, dir, "guide/hiring.md", "\n---\n\n", "\n---\n\n#### Small print {#small-print}\n\n") + 3
		l2 := edit(t, dir, "faq/who-gets-paid-more.md", "\n---\n", "\ntitel: x\n---\n") + 1
		l3 := edit(t, dir, "home.md", "\n---\n\n", "\n---\n\nSee [a section](/guide/nosuch).\n\n") + 3
		wantProblems(t, dir,
			"faq/who-gets-paid-more.md:"+strconv.Itoa(l2)+`: unknown field "titel": check its spelling against the fields this file takes`,
			"guide/hiring.md:"+strconv.Itoa(l1)+": a level-4 heading is not allowed: use ## or ###",
			"home.md:"+strconv.Itoa(l3)+`: link "/guide/nosuch": no guide section "nosuch"`,
		)
	})

	// The editorial rules run in the same check as every other problem:
	// what CI's tests refuse, -check refuses, at its file and line.
	t.Run("words the editorial rules refuse", func(t *testing.T) {
		dir := contentDir(t)
		l := edit(t, dir, "guide/skills.md", "\n---\n\n", "\n---\n\nWe organize the work, and the PM decides.\n\n") + 3
		at := "guide/skills.md:" + strconv.Itoa(l) + ": "
		wantProblems(t, dir,
			at+`American spelling "organize": write the UK form (organise, programme, towards, judgement, behaviour, colour, centre): "We organize the work, and the PM decides."`,
			at+`"PM": never write PM for either role: write product manager or project manager in full`,
		)
	})

	// Every page, with the stylesheet, fits the first round trip: a
	// section that makes a page (and the whole guide) too heavy is named.
	t.Run("a page over budget", func(t *testing.T) {
		dir := contentDir(t)
		var filler strings.Builder
		x := uint32(1)
		for filler.Len() < 40<<10 {
			x = x*1664525 + 1013904223 // made-up words that compress as prose does
			fmt.Fprintf(&filler, "%c%c%c%c ", 'a'+x>>8%26, 'a'+x>>13%26, 'a'+x>>18%26, 'a'+x>>23%26)
		}
		edit(t, dir, "guide/hiring.md", "\n---\n\n", "\n---\n\n"+filler.String()+"\n\n")
		var stdout bytes.Buffer
		err := runWith(context.Background(), sharedEncodings, []string{"guide", "-check", "-content", dir}, func(string) string { return "" }, &stdout, io.Discard)
		if err == nil || err.Error() != "content check: 2 problems" {
			t.Errorf("guide -check = %v; want content check: 2 problems", err)
		}
		over := regexp.MustCompile(`(?m)^(guide/hiring\.md:1: page /guide/hiring|page /guide) weighs \d+\.\d KiB with the stylesheet as browsers get it \(Brotli; gzip \d+\.\d KiB\): over the 14 KiB budget \(what a phone gets in the first round trip\); shorten it$`)
		if n := len(over.FindAllString(stdout.String(), -1)); n != 2 {
			t.Errorf("stdout names %d pages over budget, want /guide and /guide/hiring:\n%s", n, stdout.String())
		}
	})

	// A heading the questionnaire's answers link to, renamed: one problem,
	// in the section's file, naming the link and the rules that use it.
	t.Run("a renamed heading the answers link to", func(t *testing.T) {
		dir := contentDir(t)
		edit(t, dir, "guide/hiring.md", "{#hire-both}", "{#hire-two}")
		var stdout bytes.Buffer
		err := runWith(context.Background(), sharedEncodings, []string{"guide", "-check", "-content", dir}, func(string) string { return "" }, &stdout, io.Discard)
		if err == nil || err.Error() != "content check: 1 problem" {
			t.Errorf("guide -check = %v; want content check: 1 problem", err)
		}
		want := regexp.MustCompile(`^guide/hiring\.md:1: the questionnaire's answers link to /guide/hiring#hire-both \(for [a-z]+ [a-z-]+(, [a-z]+ [a-z-]+)*\), but this section has no heading with id "hire-both": keep that id on the heading that makes the point, as in "## Heading \{#hire-both\}"\n$`)
		if !want.MatchString(stdout.String()) {
			t.Errorf("stdout:\n%s\nwant one line matching %s", stdout.String(), want)
		}
	})

	// Links to pages that the templates make are checked by the server;
	// they are reported with every other problem, in one run.
	t.Run("links to site pages with other problems", func(t *testing.T) {
		dir := contentDir(t)
		l1 := edit(t, dir, "home.md", "\n---\n\n", "\n---\n\nSee [nowhere](/nowhere), [a row](/compare#x) and [an answer](/faq#x).\n\n") + 3
		l2 := edit(t, dir, "pages/privacy.md", "\n---\n", "\ntitel: x\n---\n") + 1
		at := "home.md:" + strconv.Itoa(l1) + ": "
		wantProblems(t, dir,
			at+`link "/nowhere": the site has no page /nowhere`,
			at+`link "/compare#x": /compare has no id "x"`,
			at+`link "/faq#x": /faq has no id "x"`,
			"pages/privacy.md:"+strconv.Itoa(l2)+`: unknown field "titel": check its spelling against the fields this file takes`,
		)
	})

	// An #anchor on a page built from a broken file is judged once that
	// file loads: its ids are unknown until then.
	t.Run("anchors on a page made from a broken file wait", func(t *testing.T) {
		dir := contentDir(t)
		edit(t, dir, "home.md", "\n---\n\n", "\n---\n\nSee [an answer](/faq#x).\n\n")
		l2 := edit(t, dir, "faq/who-gets-paid-more.md", "\n---\n", "\ntitel: x\n---\n") + 1
		wantProblems(t, dir,
			"faq/who-gets-paid-more.md:"+strconv.Itoa(l2)+`: unknown field "titel": check its spelling against the fields this file takes`,
		)
	})

	// A link from a broken file is checked once it loads.
	t.Run("links to other pages", func(t *testing.T) {
		dir := contentDir(t)
		l := edit(t, dir, "home.md", "\n---\n\n", "\n---\n\nSee [the comparison](/compare#nowhere) and [about](/abut).\n\n") + 3
		at := "home.md:" + strconv.Itoa(l) + ": "
		wantProblems(t, dir,
			at+`link "/compare#nowhere": /compare has no id "nowhere"`,
			at+`link "/abut": the site has no page /abut`,
		)
	})
}

// wantProblems runs guide -check -content dir and wants exactly these
// problems printed, and an error that counts them.
func wantProblems(t *testing.T, dir string, want ...string) {
	t.Helper()
	var stdout bytes.Buffer
	err := runWith(context.Background(), sharedEncodings, []string{"guide", "-check", "-content", dir}, func(string) string { return "" }, &stdout, io.Discard)
	wantErr := "content check: " + strconv.Itoa(len(want)) + " problems"
	if len(want) == 1 {
		wantErr = "content check: 1 problem"
	}
	if err == nil || err.Error() != wantErr {
		t.Errorf("guide -check = %v; want %s", err, wantErr)
	}
	if got, want := stdout.String(), strings.Join(want, "\n")+"\n"; got != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", got, want)
	}
}

// Files with problems, or gone, are reported alone with their problems:
// the server's checks of the rest, which run over what did load, blame
// them for nothing more, and still name a bad link in another file. The
// questionnaire's words, without which no page is rendered, are broken on
// their own, so that the others are broken while pages are rendered.
func TestCheckBrokenFile(t *testing.T) {
	for name, files := range map[string][]string{
		"eight files":    {"home.md", "guide/hiring.md", "faq/glossary.md", "pages/about.md", "compare.yaml", "words.yaml", "publisher.yaml", "hiringkit.yaml"},
		"whichrole.yaml": {"whichrole.yaml"},
	} {
		for _, how := range []string{"unknown field", "missing"} {
			t.Run(name+"/"+how, func(t *testing.T) {
				t.Parallel()
				dir := contentDir(t)
				for _, file := range files {
					breakFile(t, dir, file, how)
				}
				l := edit(t, dir, "pages/privacy.md", "\n---\n\n", "\n---\n\nSee [nowhere](/nowhere).\n\n") + 3
				// Load's problems and the editorial rules', as they stand.
				var want []string
				for _, err := range []error{loadErr(dir), content.CheckWords(os.DirFS(dir))} {
					var problems content.Problems
					errors.As(err, &problems)
					for _, p := range problems {
						want = append(want, p.Error())
					}
				}
				want = append(want, "pages/privacy.md:"+strconv.Itoa(l)+`: link "/nowhere": the site has no page /nowhere`)
				var stdout bytes.Buffer
				runWith(context.Background(), sharedEncodings, []string{"guide", "-check", "-content", dir}, func(string) string { return "" }, &stdout, io.Discard)
				got := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
				slices.Sort(got)
				slices.Sort(want)
				if !slices.Equal(got, want) {
					t.Errorf("guide -check printed:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
			})
		}
	}
}

// breakFile removes a content file, or gives it an unknown field, which
// keeps the whole file from loading.
func breakFile(t *testing.T, dir, file, how string) {
	t.Helper()
	path := filepath.Join(dir, file)
	data, err := os.ReadFile(path)
	switch {
	case err != nil:
	case how == "missing":
		err = os.Remove(path)
	case strings.HasSuffix(file, ".md"):
		edit(t, dir, file, "\n---\n", "\ntitel: x\n---\n")
	default:
		err = os.WriteFile(path, append([]byte("titel: x\n"), data...), 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
}

func loadErr(dir string) error {
	_, err := content.Load(os.DirFS(dir))
	return err
}
