package web

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/PuerkitoBio/goquery"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/templates"
	"github.com/guide/pmvspm/web/decision"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenQuery is the one set of answers the golden briefs are made for:
// both roles, with a reason of each kind and the customer-facing note.
const goldenQuery = "goal=new-product&problems=over-budget&customer_facing=no&complexity=single-team"

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./web -run %s -update to make it)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s; if the change is meant, run go test ./web -run %s -update and review the diff.\ngot:\n%.2000s", name, path, t.Name(), got)
	}
}

// blockLines ends a line after each block, to keep the HTML golden file's
// diffs readable.
var blockLines = regexp.MustCompile(`(</(?:h1|h2|h3|p|li|ul|ol|div|section)>)`)

// goldenMain is a page's <main> as its HTML golden file holds it, a line
// after each block.
func goldenMain(t *testing.T, page []byte) []byte {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	html, err := doc.Find("main").Html()
	if err != nil {
		t.Fatal(err)
	}
	return []byte(blockLines.ReplaceAllString(strings.TrimSpace(html), "$1\n") + "\n")
}

// TestBriefGolden pins the layout of the brief's three formats. The
// golden files are made from a fixture of the brief (see fixture), not the
// content, so that an editor's rewording or a new date never fails it; the
// words themselves are checked by TestBriefFormatsAgree. The HTML is the
// page's <main>, so that changes to the site's frame do not touch it.
func TestBriefGolden(t *testing.T) {
	t.Parallel()
	s := newServerForTest(t)
	b := fixture(s.hiringBrief(mustAnswers(t, goldenQuery), decision.Decide(mustAnswers(t, goldenQuery))), "URL", "Link")
	made := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		file  string
		write func(*bytes.Buffer) error
	}{
		{"brief.golden.md", func(w *bytes.Buffer) error { return b.WriteMarkdown(w) }},
		{"brief.golden.pdf", func(w *bytes.Buffer) error { return b.WritePDF(w, made, s.pdfFonts) }},
		{"brief.golden.html", func(w *bytes.Buffer) error {
			words := fixture(s.site.Words.Result)
			return templates.BriefPage(s.meta("/which-role/brief?"+goldenQuery, b.Title(), b.Summary, siteCard), b, words, goldenQuery).Render(context.Background(), w)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.write(&buf); err != nil {
				t.Fatal(err)
			}
			body := buf.Bytes()
			if strings.HasSuffix(tt.file, ".html") {
				body = goldenMain(t, body)
			}
			golden(t, tt.file, body)
		})
	}
}

// The server sends the brief's formats with their types and names, the
// same bytes each time.
func TestBriefFormats(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	tests := []struct {
		path, contentType, disposition string
	}{
		{"/which-role/brief.md?", "text/markdown; charset=utf-8", `attachment; filename="hiring-brief.md"`},
		{"/which-role/brief.pdf?", "application/pdf", `attachment; filename="hiring-brief-both.pdf"`},
		{"/which-role/brief?", "text/html; charset=utf-8", ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := get(t, srv, tt.path+goldenQuery)
			wantStatus(t, r, http.StatusOK)
			if got := r.Header.Get("Content-Type"); got != tt.contentType {
				t.Errorf("Content-Type = %q", got)
			}
			if got := r.Header.Get("Content-Disposition"); got != tt.disposition {
				t.Errorf("Content-Disposition = %q, want %q", got, tt.disposition)
			}
			if again := get(t, srv, tt.path+goldenQuery); !bytes.Equal(again.body, r.body) {
				t.Error("the same query gave different bytes")
			}
		})
	}
}

// TestBriefFormatsAgree checks that the three formats carry the same
// words: every heading, reason, checklist item and question of the brief.
func TestBriefFormatsAgree(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is missing (bash .ci/browser-tools.sh installs it)")
		}
		t.Log("pdftotext not found: the PDF's text is not checked (bash .ci/browser-tools.sh installs it)")
	}
	for _, q := range []string{
		goldenQuery,
		"goal=direction&customer_facing=yes&complexity=single-team",
		"goal=internal-system&problems=over-budget&customer_facing=no&complexity=complex-tech",
		"goal=new-feature&problems=no-launches&problems=unclear-direction&problems=over-budget&problems=missed-deadlines&problems=poor-coordination&customer_facing=yes&complexity=complex-tech",
		"goal=new-product&decider=founder-stretched&complexity=single-team&hires=one",
		"goal=new-feature&decider=founder-has-time&complexity=single-team&hires=one",
		"goal=client-work&problems=missed-deadlines&decider=already-covered&complexity=several-teams&hires=part-time",
	} {
		t.Run(q, func(t *testing.T) {
			srvImpl := newServerForTest(t)
			a := mustAnswers(t, q)
			b := srvImpl.hiringBrief(a, decision.Decide(a))
			var want []string
			want = append(want, b.Title(), b.Summary, b.URL)
			if b.Split != "" {
				want = append(want, b.Split)
			}
			if b.Why.Text != "" {
				want = append(want, b.Why.Text)
			}
			for _, p := range b.Parts {
				want = append(want, p.Heading, p.Text)
				want = append(want, p.Items...)
			}
			want = append(want, b.Notes...)
			for _, role := range b.Roles {
				want = append(want, b.RoleHeading(role), b.WhyHeading(role), b.QuestionsHeading(role))
				for _, r := range role.Why {
					want = append(want, r.Text)
				}
				for _, it := range append(role.Profile.Responsibilities, role.Profile.Skills...) {
					want = append(want, it.Term, it.Detail)
				}
				want = append(want, kitPieces(b.Kit, role)...)
			}
			if (len(b.Roles) > 0) != (len(b.Mistakes) > 0) {
				t.Errorf("%d roles to hire, %d mistakes to avoid", len(b.Roles), len(b.Mistakes))
			}
			if len(b.Roles) > 0 {
				want = append(want, processTexts(b.Process)...)
			}
			if len(b.Mistakes) > 0 {
				want = append(want, b.Kit.Mistakes)
			}
			for _, m := range b.Mistakes {
				want = append(want, m.Text)
			}
			html := get(t, srv, "/which-role/brief?"+q)
			wantStatus(t, html, http.StatusOK)
			md := get(t, srv, "/which-role/brief.md?"+q)
			wantStatus(t, md, http.StatusOK)
			texts := map[string]string{"HTML": text(html.doc(t).Find("main")), "Markdown": string(md.body)}
			if pdftotext != "" {
				texts["PDF"] = pdfText(t, pdftotext, get(t, srv, "/which-role/brief.pdf?"+q).body)
			}
			for format, got := range texts {
				flat := squeeze(got)
				for _, w := range want {
					if !strings.Contains(flat, squeeze(w)) {
						t.Errorf("%s brief lacks %q", format, w)
					}
				}
				if len(b.Roles) == 2 && strings.Contains(got, "Why this role") {
					t.Errorf("%s brief for both roles says \"Why this role\"", format)
				}
			}
			for _, role := range b.Roles {
				if n := strings.Count(string(md.body), "### "+b.QuestionsHeading(role)+"\n"); n != 1 {
					t.Errorf("Markdown has %d lists headed %q, want one", n, b.QuestionsHeading(role))
				}
			}
		})
	}
}

// kitPieces are the words of a role's part of the kit, which every format
// of the brief must carry.
func kitPieces(k content.KitWords, role templates.BriefRole) []string { return hireTexts(k, role.Hire) }

// hireTexts are the words of one hire's part of the kit.
func hireTexts(k content.KitWords, h content.Hire) []string {
	out := []string{k.Scorecard, k.ScorecardHow, k.HireBar, h.HireBarText(k), k.WorkSample, h.WorkSample.Task, h.WorkSample.Time, k.Fair, k.Handout}
	for _, c := range h.Scorecard {
		out = append(out, c.Name)
		for _, a := range c.Anchors(k) {
			out = append(out, a.Label, a.Text)
		}
	}
	for _, q := range h.Questions {
		out = append(out, q.Ask, q.Then, k.GoodAnswer, q.Good)
	}
	out = append(out, h.Fair(k)...)
	for _, part := range h.WorkSample.Parts(k) {
		out = append(out, part.Heading)
		out = append(out, part.Items...)
	}
	p := h.WorkSample.Pack
	out = append(out, p.Intro)
	for _, l := range p.Lists {
		out = append(out, l.Heading)
		out = append(out, l.Items...)
	}
	for _, t := range p.Tables {
		out = append(out, t.Heading)
		out = append(out, t.Columns...)
		for _, r := range t.Rows {
			out = append(out, r...)
		}
	}
	return out
}

// processTexts are the words of the kit's process parts, which every
// format of a kit with a hire must carry.
func processTexts(pr content.KitProcess) []string {
	out := []string{pr.Plan, pr.PlanWhen, pr.FirstCall, pr.FirstCallWhen, pr.References, pr.ReferencesWhen, pr.NeverAsk, pr.NeverAskWhen, pr.NeverAskIntro, pr.NeverAskInstead,
		pr.ScoreSheet, pr.ScoreSheetWhen, pr.Candidate, pr.Interviewer, pr.Date, pr.Competency, pr.Score, pr.Evidence, pr.ScorecardWhen, pr.QuestionsWhen, pr.WorkSampleWhen, pr.MistakesWhen}
	for _, st := range pr.Steps {
		out = append(out, st.Name, st.Who, st.Length, st.What)
	}
	out = append(out, pr.FirstCallLines...)
	out = append(out, pr.ReferenceQs...)
	return append(out, pr.NeverAskItems...)
}

// squeeze drops all white space and makes apostrophes plain, so that text
// wrapped onto lines (a long address in the PDF) and Markdown's spacing
// compare equal.
func squeeze(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
		case r == '’':
			b.WriteByte('\'')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// pdfText extracts a PDF's text, which proves it is real, selectable text.
func pdfText(t *testing.T, pdftotext string, pdf []byte) string {
	t.Helper()
	cmd := exec.Command(pdftotext, "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	// Each page's footer lands between the lines of whatever a page break
	// cut; without it, a list item carried over reads whole again.
	return pdfFooter.ReplaceAllString(string(out), "")
}

var pdfFooter = regexp.MustCompile(`(?m)^.* · page \d+ of \d+\n`)

var pdfPageCount = regexp.MustCompile(`/Type /Pages\s*/Kids \[[^\]]*\]\s*/Count (\d+)`)

// TestBriefPDF checks that the PDF is a PDF: header, trailer, a page tree
// with pages, the fonts embedded, and the title and language set.
func TestBriefPDF(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	r := get(t, srv, "/which-role/brief.pdf?"+goldenQuery)
	wantStatus(t, r, http.StatusOK)
	pdf := string(r.body)
	if !strings.HasPrefix(pdf, "%PDF-1.") || !strings.HasSuffix(strings.TrimSpace(pdf), "%%EOF") {
		t.Fatalf("not a PDF: starts %q", pdf[:min(20, len(pdf))])
	}
	m := pdfPageCount.FindStringSubmatch(pdf)
	if m == nil {
		t.Fatal("no page tree")
	}
	// Two roles, each with its checklists, scorecard, questions, work
	// sample and material, and a score sheet a page: several pages, not
	// dozens.
	if n, _ := strconv.Atoi(m[1]); n < 4 || n > 14 || strings.Count(pdf, "/Type /Page\n") != n {
		t.Errorf("%s pages, %d page objects; want 4 to 14", m[1], strings.Count(pdf, "/Type /Page\n"))
	}
	for _, want := range []string{"/FontFile2", "/Title (", "/Lang (en)", "/CreationDate (D:"} {
		if !strings.Contains(pdf, want) {
			t.Errorf("PDF lacks %s", want)
		}
	}
	// A bad query is the form with its errors, not an attachment.
	bad := get(t, srv, "/which-role/brief.pdf?goal=boss")
	wantStatus(t, bad, http.StatusBadRequest)
	if cd := bad.Header.Get("Content-Disposition"); cd != "" {
		t.Errorf("400 sent as an attachment: %q", cd)
	}
}

// newServerForTest is the server value itself, for building views.
func newServerForTest(t *testing.T) *server {
	t.Helper()
	s := &server{cfg: Config{BaseURL: "https://guide.example"}, site: loadSite(t)}
	s.cfg.defaults()
	s.cards, s.cardsByName = newCards(s.site)
	s.rules = newRuleWords(s.site)
	return s
}

// mustAnswers parses a canonical query that the test knows is valid.
func mustAnswers(t *testing.T, query string) decision.Answers {
	t.Helper()
	form, err := url.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	a, errs := decision.Parse(form)
	if len(errs) > 0 {
		t.Fatalf("%s: %v", query, errs)
	}
	return a
}

// BenchmarkBriefPDF is the cost of one PDF, paid once per canonical query
// (go test ./web -run '^$' -bench BriefPDF).
func BenchmarkBriefPDF(b *testing.B) {
	s := &server{cfg: Config{BaseURL: "https://guide.example"}, site: loadSite(b), pdfFonts: templates.NewFontCache()}
	form, _ := url.ParseQuery(goldenQuery)
	a, _ := decision.Parse(form)
	brief := s.hiringBrief(a, decision.Decide(a)) // as served: with its kit
	for b.Loop() {
		var buf bytes.Buffer
		if err := brief.WritePDF(&buf, s.contentDate, s.pdfFonts); err != nil {
			b.Fatal(err)
		}
	}
}

// TestHiringKitEveryAnswer checks every brief's kit against the contract:
// each role has 4 or 5 competencies, at least 4 questions each with what a
// good answer covers (as many for one role as for the other), a work
// sample and the mistakes to avoid, in words that fit the answers.
func TestHiringKitEveryAnswer(t *testing.T) {
	t.Parallel()
	s := newServerForTest(t)
	seen := map[string]bool{}
	for _, a := range append(allAnswers(), oldAnswers()...) {
		// The kit's words depend only on whom to hire; the rules, on these
		// answers too. One brief per combination is enough.
		key := fmt.Sprint(hiresFor(decision.Decide(a)), a.CustomerFacing == "no" || a.Goal == "client-work", a.Complexity == "single-team")
		if seen[key] {
			continue
		}
		seen[key] = true
		b := s.hiringBrief(a, decision.Decide(a))
		q := a.Query()
		hires := hiresFor(decision.Decide(a))
		if len(b.Roles) != len(hires) || (len(hires) > 0) != (len(b.Mistakes) > 0) {
			t.Fatalf("%s: %d roles for the hires %v, %d mistakes", q, len(b.Roles), hires, len(b.Mistakes))
		}
		for _, role := range b.Roles {
			h := role.Hire
			if n := len(h.Scorecard); n < 4 || n > 5 {
				t.Errorf("%s: the %s has %d competencies", q, role.Name, n)
			}
			if len(h.Questions) < 4 || len(h.Questions) != len(b.Roles[0].Hire.Questions) {
				t.Errorf("%s: the %s has %d questions; the first role %d", q, role.Name, len(h.Questions), len(b.Roles[0].Hire.Questions))
			}
			for _, kq := range h.Questions {
				if kq.Good == "" || !strings.HasPrefix(kq.Ask, "Tell us about ") {
					t.Errorf("%s: question %q", q, kq.Ask)
				}
			}
			if h.WorkSample.Task == "" || len(h.WorkSample.RedFlags) == 0 {
				t.Errorf("%s: the %s has no work sample", q, role.Name)
			}
			all := strings.Join(kitPieces(b.Kit, role), "\n")
			if bad := content.Exclusionary(all); bad != "" {
				t.Errorf("%s: the kit says %q", q, bad)
			}
			if (a.CustomerFacing == "no" || a.Goal == "client-work") && marketWords.MatchString(all) {
				t.Errorf("%s: the kit speaks of %q", q, marketWords.FindString(all))
			}
			if a.Complexity == "single-team" && severalTeams.MatchString(all) {
				t.Errorf("%s: the kit speaks of %q after \"one team\"", q, severalTeams.FindString(all))
			}
		}
		if t.Failed() {
			return
		}
	}
}

// TestBriefPDFIdentity reads the brief's PDF as a reader sees it: the
// site's name and mark in white on its teal band at the top of the first
// page, and the result's address broken only before a "?" or an "&".
func TestBriefPDFIdentity(t *testing.T) {
	t.Parallel()
	pdftotext, err1 := exec.LookPath("pdftotext")
	pdftoppm, err2 := exec.LookPath("pdftoppm")
	if err1 != nil || err2 != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext or pdftoppm is missing (bash .ci/browser-tools.sh installs them)")
		}
		t.Skip("pdftotext or pdftoppm not found (bash .ci/browser-tools.sh installs them)")
	}
	srv, _ := newTestServer(t, Config{})
	const longest = "goal=new-feature&problems=no-launches&problems=unclear-direction&problems=over-budget&problems=missed-deadlines&problems=poor-coordination&customer_facing=yes&complexity=complex-tech"
	pdf := get(t, srv, "/which-role/brief.pdf?"+longest).body

	text := pdfText(t, pdftotext, pdf)
	words := loadSite(t).Words.Brief
	// The title's words before the role it names ("Hiring brief:").
	heading, _, _ := strings.Cut(words.Title, "{")
	name, title := strings.Index(text, templates.SiteName), strings.Index(text, strings.TrimSpace(heading))
	if name < 0 || title < 0 || name > title {
		t.Errorf("the PDF's first page does not open with the site's name %q (at %d) above its title (at %d)", templates.SiteName, name, title)
	}
	// The address: from "Result:" to its end, each line break before ? or &.
	lines := strings.Split(text, "\n")
	found := false
	for i, l := range lines {
		if !strings.HasPrefix(l, words.ResultLabel) {
			continue
		}
		found = true
		addr := strings.TrimSpace(strings.TrimPrefix(l, words.ResultLabel))
		for j := i + 1; j < len(lines) && !strings.HasSuffix(addr, "complexity=complex-tech"); j++ {
			next := strings.TrimSpace(lines[j])
			if next == "" || (next[0] != '?' && next[0] != '&') {
				t.Errorf("the address breaks inside a word: %q | %q", addr[max(0, len(addr)-20):], next)
				break
			}
			addr += next
		}
		if !strings.HasSuffix(addr, "/which-role/result?"+longest) {
			t.Errorf("the address reads %q", addr)
		}
	}
	if !found {
		t.Errorf("no line starts %q: the PDF does not give the result's address", words.ResultLabel)
	}

	// The pixels: page 1 at 30 dots an inch, as a PPM.
	file := filepath.Join(t.TempDir(), "brief.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftoppm, "-r", "30", "-f", "1", "-l", "1", file).Output()
	if err != nil {
		t.Fatalf("pdftoppm: %v", err)
	}
	img, err := readPPM(out)
	if err != nil {
		t.Fatal(err)
	}
	mm := func(v float64) int { return int(v / 25.4 * 30) }
	at := func(x, y float64) [3]int { return img.at(mm(x), mm(y)) }
	near := func(got, want [3]int) bool {
		for i := range got {
			if d := got[i] - want[i]; d > 6 || d < -6 {
				return false
			}
		}
		return true
	}
	teal, white := [3]int{0x00, 0x67, 0x7f}, [3]int{255, 255, 255}
	// The band is 18mm high; the mark 13.5×9mm from (16, 4.5): its overlap
	// is round (22.75, 9).
	for _, p := range []struct {
		what string
		x, y float64
		want [3]int
	}{
		{"the band, right", 190, 9, teal},
		{"the band, left", 5, 9, teal},
		{"the mark's overlap", 22.75, 9, white},
		{"under the band", 190, 21, white},
	} {
		if got := at(p.x, p.y); !near(got, p.want) {
			t.Errorf("%s (%.0fmm, %.0fmm) is %v, want %v", p.what, p.x, p.y, got, p.want)
		}
	}
}

// A ppm is a binary PPM (P6) image with 8-bit channels.
type ppm struct {
	w, h int
	px   []byte
}

func (p ppm) at(x, y int) [3]int {
	i := (y*p.w + x) * 3
	return [3]int{int(p.px[i]), int(p.px[i+1]), int(p.px[i+2])}
}

func readPPM(b []byte) (ppm, error) {
	var p ppm
	var maxval int
	r := bytes.NewReader(b)
	if _, err := fmt.Fscan(r, new(string), &p.w, &p.h, &maxval); err != nil || maxval != 255 || !bytes.HasPrefix(b, []byte("P6")) {
		return p, fmt.Errorf("not an 8-bit P6 image: %v", err)
	}
	r.ReadByte() // the one white-space character after the header
	p.px = make([]byte, p.w*p.h*3)
	if _, err := io.ReadFull(r, p.px); err != nil {
		return p, err
	}
	return p, nil
}
