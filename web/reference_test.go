package web

import (
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func TestComparePage(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	site := loadSite(t)
	r := get(t, srv, "/compare")
	wantStatus(t, r, 200)
	doc := r.doc(t)
	table := doc.Find("main table")
	if table.Length() != 1 || strings.TrimSpace(table.Find("caption").Text()) == "" {
		t.Fatal("want one table with a caption")
	}
	cols := table.Find(`thead th[scope=col]`).Map(func(_ int, s *goquery.Selection) string { return text(s) })
	if want := site.Words.Compare.ProductManager + "|" + site.Words.Compare.ProjectManager; strings.Join(cols, "|") != want {
		t.Errorf("column headers = %v", cols)
	}
	rows := table.Find("tbody tr")
	if rows.Length() != len(site.Comparison.Rows) || rows.Length() < 10 {
		t.Fatalf("%d rows, content has %d", rows.Length(), len(site.Comparison.Rows))
	}
	rows.Each(func(i int, tr *goquery.Selection) {
		want := site.Comparison.Rows[i]
		th := tr.Find(`th[scope=row]`)
		if !strings.HasPrefix(text(th), want.Dimension) {
			t.Errorf("row %d header = %q, want %q", i, text(th), want.Dimension)
		}
		if got := th.Find("a").AttrOr("href", ""); got != want.Link() {
			t.Errorf("row %d links to %q, want %q", i, got, want.Link())
		}
		if tds := tr.Find("td"); tds.Length() != 2 || text(tds.First()) != want.ProductManager || text(tds.Last()) != want.ProjectManager {
			t.Errorf("row %d cells = %q", i, text(tds))
		}
	})
	// The short answer leads the comparison, in one line, straight under
	// the title; the diagram stays the home page's.
	check(t, doc, in("main h1 + p.lede", count(1), hasText(site.Comparison.Summary)), notIn("main svg"))
	for _, page := range []string{"/", "/guide/differences"} {
		check(t, get(t, srv, page).doc(t), in(`svg[role=img]`, count(1), someAttr("aria-labelledby"), in("title", someText())))
	}
}

func TestFAQPage(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	site := loadSite(t)
	doc := get(t, srv, "/faq").doc(t)
	answers := doc.Find("section.answer")
	if answers.Length() != len(site.Answers) {
		t.Fatalf("%d answers on /faq, want %d", answers.Length(), len(site.Answers))
	}
	answers.Each(func(i int, s *goquery.Selection) {
		a := site.Answers[i]
		if s.AttrOr("id", "") != a.Slug {
			t.Errorf("answer %d id = %q, want %q", i, s.AttrOr("id", ""), a.Slug)
		}
		if text(s.Find("h2")) != a.Question {
			t.Errorf("answer %d question = %q", i, text(s.Find("h2")))
		}
		link := s.Find(`a[href="/faq/` + a.Slug + `"]`)
		if !strings.HasPrefix(text(link), site.Words.FAQ.Permalink) {
			t.Errorf("%s: no visible permalink", a.Slug)
		}
	})

	var ld struct {
		Type       string `json:"@type"`
		MainEntity []struct {
			Type           string `json:"@type"`
			Name           string `json:"name"`
			AcceptedAnswer struct {
				Type string `json:"@type"`
				Text string `json:"text"`
			} `json:"acceptedAnswer"`
		} `json:"mainEntity"`
	}
	if err := jsonLD(doc, &ld); err != nil {
		t.Fatal(err)
	}
	if ld.Type != "FAQPage" || len(ld.MainEntity) != len(site.Answers) {
		t.Fatalf("JSON-LD: %s with %d questions", ld.Type, len(ld.MainEntity))
	}
	for i, q := range ld.MainEntity {
		a := site.Answers[i]
		if q.Type != "Question" || q.Name != a.Question || q.AcceptedAnswer.Type != "Answer" || !strings.HasPrefix(q.AcceptedAnswer.Text, a.Summary) {
			t.Errorf("JSON-LD question %d = %+v", i, q)
		}
	}
}

func TestAnswerPages(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{}) // base URL https://guide.example
	for _, a := range loadSite(t).Answers {
		r := get(t, srv, "/faq/"+a.Slug)
		wantStatus(t, r, 200)
		doc := r.doc(t)
		url := "https://guide.example/faq/" + a.Slug
		check(t, doc,
			in(`link[rel=canonical]`, hasAttr("href", url)),
			in(`meta[property="og:url"]`, hasAttr("content", url)),
			in(`meta[property="og:title"]`, hasAttr("content", a.Question)),
			in(`meta[property="og:description"]`, hasAttr("content", a.Summary)),
			in(`meta[name=description]`, hasAttr("content", a.Summary)),
			in("title", startsWith(a.Question)),
			in(`a[href="/faq#`+a.Slug+`"]`, count(1)))
		for _, rel := range a.Related {
			check(t, doc, in(`a[href="/guide/`+rel+`"]`))
		}
	}
}

// TestLinksResolve crawls the site from / and fails on the first internal
// link whose page or #anchor the site does not serve.
func TestLinksResolve(t *testing.T) {
	t.Parallel()
	srv, _ := newTestServer(t, Config{})
	type page struct {
		status int
		ids    map[string]bool
	}
	pages := map[string]*page{}
	queue := []string{"/", "/which-role/result?goal=new-product&problems=no-launches&customer_facing=yes&complexity=several-teams"}
	for path := range publicPages(t) {
		queue = append(queue, path)
	}
	var links [][2]string // from, href
	for len(queue) > 0 {
		path := queue[0]
		queue = queue[1:]
		if pages[path] != nil {
			continue
		}
		r := get(t, srv, path)
		p := &page{status: r.StatusCode, ids: map[string]bool{}}
		pages[path] = p
		if r.StatusCode != 200 || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
			continue
		}
		doc := r.doc(t)
		doc.Find("[id]").Each(func(_ int, s *goquery.Selection) { p.ids[s.AttrOr("id", "")] = true })
		doc.Find("a[href], link[href]").Each(func(_ int, s *goquery.Selection) {
			href := s.AttrOr("href", "")
			href = strings.TrimPrefix(href, "https://guide.example")
			if !strings.HasPrefix(href, "/") && !strings.HasPrefix(href, "#") {
				if !strings.HasPrefix(href, "http") && !strings.HasPrefix(href, "mailto:?") {
					t.Errorf("%s: odd link %q", path, href)
				}
				return
			}
			if strings.HasPrefix(href, "#") {
				href = path + href
			}
			links = append(links, [2]string{path, href})
			target, _, _ := strings.Cut(href, "#")
			queue = append(queue, target)
		})
	}
	for _, l := range links {
		target, anchor, _ := strings.Cut(l[1], "#")
		p := pages[target]
		if p.status != http.StatusOK {
			t.Fatalf("%s links to %s: status %d", l[0], l[1], p.status)
		}
		if anchor != "" && !p.ids[anchor] {
			t.Fatalf("%s links to %s: no id %q there", l[0], l[1], anchor)
		}
	}
	if len(pages) < len(publicPages(t))+2 {
		t.Errorf("crawled only %d pages", len(pages))
	}
}
