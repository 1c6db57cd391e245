package web

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/PuerkitoBio/goquery"
	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/templates"
	"github.com/guide/pmvspm/web/decision"
)

// jobAdQueries are one set of answers per outcome: the golden adverts.
var jobAdQueries = []struct{ name, query string }{
	{"product-manager", "goal=direction&problems=unclear-direction&customer_facing=yes&complexity=single-team"},
	{"project-manager", "goal=internal-system&problems=missed-deadlines&customer_facing=no&complexity=several-teams"},
	{"both", "goal=new-product&problems=no-launches&problems=over-budget&customer_facing=yes&complexity=complex-tech"},
}

// TestJobAdGolden pins each outcome's adverts in their three formats. The
// page is its <main>, so that changes to the site's frame do not touch it.
func TestJobAdGolden(t *testing.T) {
	srv, _ := newTestServer(t, Config{})
	for _, q := range jobAdQueries {
		for _, f := range []struct{ path, ext, contentType, file string }{
			{"/which-role/job-ad?", "html", "text/html; charset=utf-8", ""},
			{"/which-role/job-ad.md?", "md", "text/markdown; charset=utf-8", "job-ad-" + q.name + ".md"},
			{"/which-role/job-ad.txt?", "txt", "text/plain; charset=utf-8", "job-ad-" + q.name + ".txt"},
		} {
			t.Run(q.name+"."+f.ext, func(t *testing.T) {
				r := get(t, srv, f.path+q.query)
				wantStatus(t, r, http.StatusOK)
				if got := r.Header.Get("Content-Type"); got != f.contentType {
					t.Errorf("Content-Type = %q, want %q", got, f.contentType)
				}
				wantCD := ""
				if f.file != "" {
					wantCD = `attachment; filename="` + f.file + `"`
				}
				if got := r.Header.Get("Content-Disposition"); got != wantCD {
					t.Errorf("Content-Disposition = %q, want %q", got, wantCD)
				}
				if got := r.Header.Get("Cache-Control"); !strings.HasPrefix(got, "public, max-age=") {
					t.Errorf("Cache-Control = %q; want it cached like the brief", got)
				}
				body := r.body
				if f.ext == "html" {
					html, err := r.doc(t).Find("main").Html()
					if err != nil {
						t.Fatal(err)
					}
					body = []byte(blockLines.ReplaceAllString(strings.TrimSpace(html), "$1\n") + "\n")
				}
				golden(t, "job-ad-"+q.name+".golden."+f.ext, body)
			})
		}
	}
}

// TestJobAdSections checks the page's shape: a both result has two adverts,
// in sections with the ids the contract names; one role, one advert.
func TestJobAdSections(t *testing.T) {
	srv, _ := newTestServer(t, Config{})
	for _, tt := range []struct {
		query string
		ids   []string
	}{
		{jobAdQueries[0].query, []string{"product-manager"}},
		{jobAdQueries[1].query, []string{"project-manager"}},
		{jobAdQueries[2].query, []string{"product-manager", "project-manager"}},
	} {
		doc := get(t, srv, "/which-role/job-ad?"+tt.query).doc(t)
		var got []string
		doc.Find("main section[id]").Each(func(_ int, s *goquery.Selection) { got = append(got, s.AttrOr("id", "")) })
		if strings.Join(got, " ") != strings.Join(tt.ids, " ") {
			t.Errorf("%s: sections %v, want %v", tt.query, got, tt.ids)
		}
		if doc.Find("h1").Length() != 1 || doc.Find("main section h2").Length() != len(tt.ids) {
			t.Errorf("%s: want one h1 and one h2 per advert", tt.query)
		}
		for _, href := range []string{"/which-role/job-ad.txt?" + tt.query, "/which-role/job-ad.md?" + tt.query, "/which-role/brief?" + tt.query, "/which-role/result?" + tt.query} {
			if doc.Find(`main a[href="`+href+`"]`).Length() != 1 {
				t.Errorf("%s: no link to %s", tt.query, href)
			}
		}
	}
}

// TestJobAdBadInput: every new route answers a bad or incomplete query
// with 400, the form and its errors, never cached and never an attachment,
// and reflects nothing unescaped; HEAD works.
func TestJobAdBadInput(t *testing.T) {
	srv, _ := newTestServer(t, Config{})
	for _, path := range []string{"/which-role/job-ad?", "/which-role/job-ad.md?", "/which-role/job-ad.txt?"} {
		for _, q := range []string{"", "goal=boss", "goal=direction&goal=new-product&customer_facing=no&complexity=single-team", "goal=%zz", "goal=%3Cscript%3Ealert(1)%3C/script%3E&complexity=%22%3E%3Cb%3E", "goal=" + strings.Repeat("x", 5000)} {
			r := get(t, srv, path+q)
			wantStatus(t, r, http.StatusBadRequest)
			if r.Header.Get("Cache-Control") != "no-store" || r.Header.Get("Content-Disposition") != "" {
				t.Errorf("%s%.40s: Cache-Control %q, Content-Disposition %q", path, q, r.Header.Get("Cache-Control"), r.Header.Get("Content-Disposition"))
			}
			if !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") || r.doc(t).Find(".error-summary li").Length() == 0 {
				t.Errorf("%s%.40s: no form with an error summary", path, q)
			}
			if strings.Contains(string(r.body), "<script>alert") || strings.Contains(string(r.body), `"><b>`) {
				t.Errorf("%s%.40s: the query is reflected unescaped", path, q)
			}
		}
		req, _ := http.NewRequest(http.MethodHead, srv.URL+path+jobAdQueries[2].query, nil)
		head := do(t, req)
		wantStatus(t, head, http.StatusOK)
		if len(head.body) != 0 || head.Header.Get("Content-Length") == "" {
			t.Errorf("HEAD %s: %d bytes of body, Content-Length %q", path, len(head.body), head.Header.Get("Content-Length"))
		}
	}
	robots := string(get(t, srv, "/robots.txt").body)
	sitemap := string(get(t, srv, "/sitemap.xml").body)
	if !strings.Contains(robots, "Disallow: /which-role/job-ad\n") || strings.Contains(sitemap, "job-ad") {
		t.Errorf("the job adverts must be kept out of search like the brief:\n%s", robots)
	}
}

var (
	// externalMarket is what adverts must not say when the work is not for
	// outside customers (SPEC §7.1 rule 10).
	externalMarket = regexp.MustCompile(`(?i)\bcustomers?\b|\bmarkets?\b`)
	// severalTeams is what they must not say after "one team".
	severalTeams = regexp.MustCompile(`(?i)\bteams\b|several teams|2–3`)
	// mustHaveCertificate is what a product role never asks for.
	mustHaveCertificate = regexp.MustCompile(`(?i)PMP|PRINCE2|certif|degree|scrum`)
	badTitle            = regexp.MustCompile(`(?i)\bPMs?\b|/|head of`)
)

// TestJobAdsEveryAnswer checks every advert the questionnaire can produce
// against the contract's rules, and that its three formats carry the same
// words.
func TestJobAdsEveryAnswer(t *testing.T) {
	s := newServerForTest(t)
	w := s.site.HiringKit.Words
	seen := map[string]bool{}
	onPage := map[string]bool{} // pieces a rendered page has carried
	for _, a := range decision.All() {
		v := s.jobAds(a)
		q := a.Query()
		if len(v.Ads) == 0 {
			t.Errorf("%s: no advert", q)
			continue
		}
		var md, txt bytes.Buffer
		if err := v.WriteMarkdown(&md); err != nil {
			t.Fatal(err)
		}
		if err := v.WriteText(&txt); err != nil {
			t.Fatal(err)
		}
		// Answers that give the same adverts need checking once; the
		// rules below depend on these answers too.
		key := fmt.Sprint(md.String(), a.CustomerFacing == "no" || a.Goal == "client-work", a.Complexity == "single-team")
		if seen[key] {
			continue
		}
		seen[key] = true
		formats := map[string]string{"Markdown": squeeze(md.String()), "text": squeeze(txt.String())}
		// The page is made by one template whatever the answers: render
		// it only for answers with a piece no page has shown yet.
		if slices.ContainsFunc(v.Ads, func(ad templates.JobAd) bool {
			return slices.ContainsFunc(adPieces(ad), func(p string) bool { return !onPage[p] })
		}) {
			page, err := render(templates.JobAdPage(s.meta("/which-role/job-ad?"+q, v.Title, w.Description), v))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
			if err != nil {
				t.Fatal(err)
			}
			formats["HTML"] = squeeze(doc.Find("main").Text())
			for _, ad := range v.Ads {
				for _, p := range adPieces(ad) {
					onPage[p] = true
				}
			}
		}
		for _, ad := range v.Ads {
			all := adText(ad)
			if bad := content.Exclusionary(all); bad != "" {
				t.Errorf("%s: %s says %q", q, ad.ID, bad)
			}
			if (a.CustomerFacing == "no" || a.Goal == "client-work") && externalMarket.MatchString(all) {
				t.Errorf("%s: %s speaks of %q, but the work is not for outside customers", q, ad.ID, externalMarket.FindString(all))
			}
			if a.Complexity == "single-team" && severalTeams.MatchString(all) {
				t.Errorf("%s: %s speaks of %q after \"one team\"", q, ad.ID, severalTeams.FindString(all))
			}
			if ad.ID == "not-yet" {
				continue
			}
			if n := ad.WordCount(); n > 450 {
				t.Errorf("%s: %s advert has %d words; at most 450", q, ad.ID, n)
			}
			for _, p := range []string{"[Company]", w.Salary, w.Location, w.Apply, "[name, role]"} {
				if !strings.Contains(all, p) {
					t.Errorf("%s: %s advert lacks the placeholder %q", q, ad.ID, p)
				}
			}
			if badTitle.MatchString(ad.Title) {
				t.Errorf("%s: title %q", q, ad.Title)
			}
			if h, _ := s.site.HiringKit.Hire(ad.ID); h.Side == "product" {
				for _, m := range h.Ad.MustHaves {
					if mustHaveCertificate.MatchString(m) {
						t.Errorf("%s: a product role asks for %q", ad.ID, m)
					}
				}
			}
		}
		for _, ad := range v.Ads {
			for _, piece := range adPieces(ad) {
				for name, got := range formats {
					if !strings.Contains(got, squeeze(piece)) {
						t.Errorf("%s: the %s lacks %q", q, name, piece)
					}
				}
			}
		}
		if t.Failed() {
			return // one answer set's failures are enough to read
		}
	}
}

// adPieces are the texts of an advert that every format must carry.
func adPieces(ad templates.JobAd) []string {
	out := []string{ad.Title, ad.Split}
	for _, b := range ad.Blocks {
		out = append(out, b.Heading)
		for _, l := range append(append(append([]templates.AdLine{}, b.Before...), b.Items...), b.After...) {
			out = append(out, l.Text, l.LinkText)
		}
	}
	return out
}

func adText(ad templates.JobAd) string { return strings.Join(adPieces(ad), "\n") }

// TestHiringKitMustMatchAnswers: the server refuses to start when an answer
// the adverts depend on has no words, or an outcome has no hire, and says
// where in hiringkit.yaml.
func TestHiringKitMustMatchAnswers(t *testing.T) {
	for _, tt := range []struct{ name, old, new, want string }{
		{"no situation for a goal", "  new-feature: \"We are adding", "  new-featur: \"We are adding", "hiringkit.yaml:{line situations:}: situations: no words for the answer goal=new-feature"},
		{"no words for a problem", "  over-budget: \"Work costs", "  overbudget: \"Work costs", "today: no words for the answer problems=over-budget"},
		{"no hire for an outcome", "  - id: project-manager\n", "  - id: project-lead\n", "hires: no hire project-manager"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := contentCopy(t)
			src := string(fsys["hiringkit.yaml"].Data)
			if strings.Count(src, tt.old) != 1 {
				t.Fatalf("%q occurs %d times", tt.old, strings.Count(src, tt.old))
			}
			fsys["hiringkit.yaml"].Data = []byte(strings.Replace(src, tt.old, tt.new, 1))
			want := tt.want
			if key, ok := strings.CutPrefix(want, "hiringkit.yaml:{line "); ok {
				key, rest, _ := strings.Cut(key, "}")
				line := strings.Count(src[:strings.Index(src, "\n"+key)+1], "\n") + 1
				want = "hiringkit.yaml:" + strconv.Itoa(line) + rest
			}
			site, err := content.Load(fsys)
			if err != nil {
				t.Fatal(err)
			}
			_, err = NewServer(slogTo(io.Discard), site, Config{})
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("NewServer error = %v, want one with %q", err, tt.want)
			}
		})
	}
}

// contentCopy is the real content as a map the test can edit.
func contentCopy(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(content.Files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(content.Files, path)
		fsys[path] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}
