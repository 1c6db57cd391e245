package web

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/templates"
	"github.com/guide/pmvspm/web/decision"
)

// jobAdQueries are one set of answers per outcome, with the outcome's Key
// (which names the files) and the sections its page must have.
var jobAdQueries = []struct{ key, query, sections string }{
	{"product-manager", "goal=direction&problems=unclear-direction&customer_facing=yes&complexity=single-team", "product-manager"},
	{"project-manager", "goal=internal-system&problems=missed-deadlines&customer_facing=no&complexity=several-teams", "project-manager"},
	{"both", "goal=new-product&problems=missed-deadlines&decider=nobody-clearly&complexity=several-teams&hires=two", "product-manager project-manager"},
	{"one-person/product-manager", "goal=new-product&decider=founder-stretched&complexity=single-team&hires=one", "one-person-product"},
	{"one-person/project-manager", "goal=new-product&problems=missed-deadlines&decider=founder-stretched&complexity=single-team&hires=one", "one-person-project"},
	{"product-manager/fractional", "goal=direction&problems=unclear-direction&decider=founder-stretched&complexity=single-team&hires=part-time", "fractional-product"},
	{"project-manager/contract", "goal=client-work&problems=no-launches&decider=already-covered&complexity=single-team&hires=part-time", "contract-project"},
	{"not-yet", "goal=new-feature&decider=founder-has-time&complexity=single-team&hires=one", "not-yet"},
}

// TestJobAdGolden pins the adverts' layout in their three formats: an
// advert (the both result's two, with their notes) and the answer when
// there is none yet. Like the brief's, the golden files are made from a
// fixture (every text replaced by its name), so rewording hiringkit.yaml
// never fails them; the words are checked by TestJobAdsEveryAnswer and
// TestServedAdverts. The HTML is the page's <main>.
func TestJobAdGolden(t *testing.T) {
	t.Parallel()
	s := newServerForTest(t)
	for _, q := range jobAdQueries {
		if q.key != "both" && q.key != "not-yet" {
			continue
		}
		a := mustAnswers(t, q.query)
		v := fixture(s.jobAds(a, decision.Decide(a)), "Query", "BaseURL", "LinkURL", "ID")
		name := "job-ad-" + q.key + ".golden."
		for _, f := range []struct {
			ext   string
			write func(*bytes.Buffer) error
		}{
			{"md", func(w *bytes.Buffer) error { return v.WriteMarkdown(w) }},
			{"txt", func(w *bytes.Buffer) error { return v.WriteText(w) }},
			{"html", func(w *bytes.Buffer) error {
				return templates.JobAdPage(s.meta("/which-role/job-ad?"+v.Query, v.Title, v.Words.Description, siteCard), v).Render(context.Background(), w)
			}},
		} {
			t.Run(name+f.ext, func(t *testing.T) {
				var buf bytes.Buffer
				if err := f.write(&buf); err != nil {
					t.Fatal(err)
				}
				body := buf.Bytes()
				if f.ext == "html" {
					body = goldenMain(t, body)
				}
				golden(t, name+f.ext, body)
			})
		}
	}
}

// TestJobAdFormats: each outcome's adverts come with their types, file
// names and caching, like the brief's.
func TestJobAdFormats(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	for _, q := range jobAdQueries {
		file := "job-ad-" + strings.ReplaceAll(q.key, "/", "-")
		for _, f := range []struct{ path, contentType, disposition string }{
			{"/which-role/job-ad?", "text/html; charset=utf-8", ""},
			{"/which-role/job-ad.md?", "text/markdown; charset=utf-8", `attachment; filename="` + file + `.md"`},
			{"/which-role/job-ad.txt?", "text/plain; charset=utf-8", `attachment; filename="` + file + `.txt"`},
		} {
			r := get(t, srv, f.path+q.query)
			wantStatus(t, r, http.StatusOK)
			if got := r.Header.Get("Content-Type"); got != f.contentType {
				t.Errorf("%s%s: Content-Type = %q, want %q", f.path, q.query, got, f.contentType)
			}
			if got := r.Header.Get("Content-Disposition"); got != f.disposition {
				t.Errorf("%s%s: Content-Disposition = %q, want %q", f.path, q.query, got, f.disposition)
			}
			if got := r.Header.Get("Cache-Control"); !strings.HasPrefix(got, "public, max-age=") {
				t.Errorf("%s%s: Cache-Control = %q; want it cached like the brief", f.path, q.query, got)
			}
		}
	}
}

// TestJobAdSections checks the page's shape: a both result has two adverts,
// in sections with the ids the contract names; one role, one advert.
func TestJobAdSections(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	for _, q := range jobAdQueries {
		doc := get(t, srv, "/which-role/job-ad?"+q.query).doc(t)
		var got []string
		doc.Find("main section[id]").Each(func(_ int, s *goquery.Selection) { got = append(got, s.AttrOr("id", "")) })
		if strings.Join(got, " ") != q.sections {
			t.Errorf("%s: sections %v, want %s", q.key, got, q.sections)
		}
		rec, _, _ := strings.Cut(q.key, "/")
		// One h1, one h2 per advert at the top of its draft, and links on.
		checks := []checker{in("main", hasAttr("data-recommendation", rec)), in("h1", count(1))}
		links := []string{"/which-role/result?" + q.query}
		if ads := len(strings.Fields(q.sections)); q.key != "not-yet" {
			checks = append(checks, in("main section.job-ad h2", count(ads)), in("main section.job-ad .draft > h2:first-child", count(ads)))
			links = append(links, "/which-role/job-ad.txt?"+q.query, "/which-role/job-ad.md?"+q.query, "/which-role/brief?"+q.query)
		} else {
			checks = append(checks, notIn("main section.job-ad h2"), in(`main a[href="/guide/hiring#not-yet"]`, count(1)))
		}
		for _, href := range links {
			checks = append(checks, in(`main a[href="`+href+`"]`, count(1)))
		}
		checkPage(t, q.key, doc, checks...)
	}
}

// TestResultLinksJobAd: every result, and its brief, links its adverts
// (or why there are none) with words that say so.
func TestResultLinksJobAd(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	w := loadSite(t).HiringKit.Words
	for _, q := range jobAdQueries {
		want := w.JobAdLink
		if q.key == "not-yet" {
			want = w.NoAdLink
		}
		for _, page := range []string{"/which-role/result?", "/which-role/brief?"} {
			check(t, get(t, srv, page+q.query).doc(t), in(`main a[href="/which-role/job-ad?`+q.query+`"]`, hasText(want)))
		}
	}
}

// TestJobAdBadInput: every new route answers a bad or incomplete query
// with 400, the form and its errors, never cached and never an attachment,
// and reflects nothing unescaped; HEAD works.
func TestJobAdBadInput(t *testing.T) {
	t.Parallel()
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
		// A HEAD does not build the file (TestHeadBuildsNothing): once it
		// is made, a HEAD says its length too.
		get(t, srv, path+jobAdQueries[2].query)
		req, _ := http.NewRequest(http.MethodHead, srv.URL+path+jobAdQueries[2].query, nil)
		head := do(t, req)
		wantStatus(t, head, http.StatusOK)
		if len(head.body) != 0 || head.Header.Get("Content-Length") == "" {
			t.Errorf("HEAD %s: %d bytes of body, Content-Length %q", path, len(head.body), head.Header.Get("Content-Length"))
		}
	}
	robots := string(get(t, srv, "/robots.txt").body)
	sitemap := string(get(t, srv, "/sitemap.xml").body)
	// Like the brief's: the downloads are kept from crawlers, the page
	// (which Lighthouse's SEO audit must be allowed to crawl) is only left
	// out of the sitemap.
	for _, file := range []string{"/which-role/job-ad.md", "/which-role/job-ad.txt"} {
		if !strings.Contains(robots, "Disallow: "+file+"\n") {
			t.Errorf("robots.txt does not keep %s from crawlers:\n%s", file, robots)
		}
	}
	if strings.Contains(robots, "Disallow: /which-role/job-ad\n") {
		t.Errorf("robots.txt keeps the job advert page itself from crawlers, unlike the brief's:\n%s", robots)
	}
	if strings.Contains(sitemap, "job-ad") {
		t.Errorf("the sitemap lists a job advert:\n%s", sitemap)
	}
}

var (
	// mustHaveCertificate is what a product role never asks for.
	mustHaveCertificate = regexp.MustCompile(`(?i)PMP|PRINCE2|certif|degree|scrum`)
	badTitle            = regexp.MustCompile(`(?i)\bPMs?\b|/|head of`)
)

// TestJobAdsEveryAnswer checks every advert the questionnaire can produce
// against the contract's rules, and that its three formats carry the same
// words.
func TestJobAdsEveryAnswer(t *testing.T) {
	t.Parallel()
	s := newServerForTest(t)
	w := s.site.HiringKit.Words
	seen := map[string]bool{}
	onPage := map[string]bool{} // pieces a rendered page has carried
	// The rules below read an advert's words, so each distinct advert (and,
	// for the word lists, each distinct piece: no listed word or phrase
	// spans two pieces) is checked once, under the answers that matter.
	adChecked := map[string]bool{}
	pieceMatches := map[string][3]string{}
	matches := func(piece string) [3]string {
		m, ok := pieceMatches[piece]
		if !ok {
			m = [3]string{content.Exclusionary(piece), marketWords.FindString(piece), severalTeams.FindString(piece)}
			pieceMatches[piece] = m
		}
		return m
	}
	squeezed := map[string]string{}
	squeezeOnce := func(piece string) string {
		sq, ok := squeezed[piece]
		if !ok {
			sq = squeeze(piece)
			squeezed[piece] = sq
		}
		return sq
	}
	for _, a := range sweep(t, append(allAnswers(), oldAnswers()...)) {
		v := s.jobAds(a, decision.Decide(a))
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
		notMarket, oneTeam := a.CustomerFacing == "no" || a.Goal == "client-work", a.Complexity == "single-team"
		key := fmt.Sprint(md.String(), notMarket, oneTeam)
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
			page, err := render(templates.JobAdPage(s.meta("/which-role/job-ad?"+q, v.Title, w.Description, siteCard), v))
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
			if k := fmt.Sprint(all, notMarket, oneTeam); adChecked[k] {
				continue
			} else {
				adChecked[k] = true
			}
			for _, piece := range adPieces(ad) {
				m := matches(piece)
				if m[0] != "" {
					t.Errorf("%s: %s says %q", q, ad.ID, m[0])
				}
				if notMarket && m[1] != "" {
					t.Errorf("%s: %s speaks of %q, but the work is not for outside customers", q, ad.ID, m[1])
				}
				if oneTeam && m[2] != "" {
					t.Errorf("%s: %s speaks of %q after \"one team\"", q, ad.ID, m[2])
				}
			}
			if ad.ID == "not-yet" {
				continue
			}
			// Its words as a reader sees them: title, split, headings and
			// every line, links' words included, addresses not.
			if n := len(strings.Fields(all)); n > 550 {
				t.Errorf("%s: %s advert has %d words; at most 550", q, ad.ID, n)
			}
			h, _ := s.site.HiringKit.Hire(ad.ID)
			for _, p := range append(adPlaceholders(w, h), "[Company]", "[name, role]") {
				if !strings.Contains(all, p) {
					t.Errorf("%s: %s advert lacks the placeholder %q", q, ad.ID, p)
				}
			}
			if badTitle.MatchString(ad.Title) {
				t.Errorf("%s: title %q", q, ad.Title)
			}
			if h.Side == "product" {
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
					if name == "text" && adLinkText(ad, piece) {
						continue // the text is the advert alone: no links
					}
					if !strings.Contains(got, squeezeOnce(piece)) {
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

// adLinkText reports whether piece is the words of one of the advert's
// links, which only the page and the Markdown carry.
func adLinkText(ad templates.JobAd, piece string) bool {
	for _, b := range ad.Blocks {
		for _, l := range append(append(append([]templates.AdLine{}, b.Before...), b.Items...), b.After...) {
			if l.LinkURL != "" && l.LinkText == piece {
				return true
			}
		}
	}
	return false
}

func adText(ad templates.JobAd) string { return strings.Join(adPieces(ad), "\n") }

// TestHiringKitMustMatchAnswers: the server refuses to start when an answer
// the adverts depend on has no words, or an outcome has no hire, and says
// where in hiringkit.yaml.
func TestHiringKitMustMatchAnswers(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ name, old, new, want string }{
		{"no situation for a goal", "  new-feature: \"We are adding [the feature] to [product name], which", "  new-featur: \"We are adding [the feature] to [product name], which", "hiringkit.yaml:{line situations:}: situations: no words for the answer goal=new-feature"},
		{"no words for a problem", "  over-budget: \"Keeping spending", "  overbudget: \"Keeping spending", "today: no words for the answer problems=over-budget"},
		{"no hire for an outcome", "  - id: project-manager\n", "  - id: project-lead\n", "hires: no hire project-manager"},
		{"decides for an answer nobody gives", "        founder-has-time: \"Our founder, [name], decides what we build. You decide", "        founder-has-tim: \"Our founder, [name], decides what we build. You decide", "decides: founder-has-tim is neither default, client-work, both nor an answer to decider"},
		{"no both for a hire of a both result", "        both: \"Our product manager decides what gets built and why.", "        bothe: \"Our product manager decides what gets built and why.", "hire project-manager: decides needs both"},
		{"work for a goal nobody has", "  client-work: \"Each project is for a client", "  client-job: \"Each project is for a client", "work: client-job is not an answer to goal"},
		{"a situation for a goal nobody has", "  client-work: \"We deliver", "  client-job: \"We deliver", "situations: client-job is not an answer to goal"},
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

// Every outcome names its hires (decision.HiresByOutcome, which the start-up check
// reads), and for every answer set they are the roles the result hires, in
// its order: each hire's side is the role's, or both jobs for one person.
func TestHiresByOutcome(t *testing.T) {
	t.Parallel()
	keys := decision.Keys()
	for key := range decision.HiresByOutcome {
		if !slices.Contains(keys, key) {
			t.Errorf("hires for %q, which is no outcome", key)
		}
	}
	for _, key := range keys {
		if _, ok := decision.HiresByOutcome[key]; !ok {
			t.Errorf("no hires for the outcome %s", key)
		}
	}
	kit := loadSite(t).HiringKit
	side := map[decision.Recommendation]string{decision.ProductManager: "product", decision.ProjectManager: "project"}
	for _, a := range append(allAnswers(), oldAnswers()...) {
		res := decision.Decide(a)
		ids, roles := hiresFor(res), res.Hired()
		if len(ids) != len(roles) {
			t.Fatalf("%s: hires %v for the roles %v", a.Query(), ids, roles)
		}
		for i, id := range ids {
			h, ok := kit.Hire(id)
			want := side[roles[i]]
			if res.Recommendation == decision.OnePerson {
				want = "both"
			}
			if !ok || h.Side != want {
				t.Fatalf("%s: hire %s (side %q) for the role %s, want side %q", a.Query(), id, h.Side, roles[i], want)
			}
		}
	}
}

// adPlaceholders are the lines every advert must carry for the employer
// to fill in (SPEC §8.2): pay, benefits, employment type, working pattern
// and location, right to work, the interview steps and their dates, the
// closing date and how to apply; and the equal-opportunity statement with
// how to ask for adjustments.
func adPlaceholders(w content.KitWords, h content.Hire) []string {
	return []string{h.Ad.Pay, h.Ad.Benefits, h.Ad.Employment, h.Ad.Hours, w.Location, w.RightToWork, h.Ad.Assessment, w.Timeline, w.ClosingDate, w.Apply, w.EqualOpportunity, w.Adjustments}
}
