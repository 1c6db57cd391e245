package web

// The sitemap and robots.txt, prerendered with the pages.

import (
	"encoding/xml"
	"fmt"
	"time"
)

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemap lists every public GET page with its absolute URL and, where the
// content says, when it last changed.
func (s *server) sitemap() ([]byte, error) {
	site := s.site
	day := func(t time.Time) string { return t.Format("2006-01-02") }
	urls := []sitemapURL{
		{s.cfg.BaseURL + "/", day(site.Home.Updated)},
		{s.cfg.BaseURL + "/guide", day(site.GuideUpdated())},
	}
	for _, sec := range site.Sections {
		urls = append(urls, sitemapURL{s.cfg.BaseURL + "/guide/" + sec.Slug, day(sec.Updated)})
	}
	urls = append(urls,
		sitemapURL{s.cfg.BaseURL + "/compare", day(site.Comparison.Updated)},
		sitemapURL{s.cfg.BaseURL + "/which-role", ""},
		sitemapURL{s.cfg.BaseURL + "/which-role/how-it-works", ""},
		sitemapURL{s.cfg.BaseURL + "/faq", day(site.FAQUpdated())},
	)
	for _, a := range site.Answers {
		urls = append(urls, sitemapURL{s.cfg.BaseURL + "/faq/" + a.Slug, day(a.Updated)})
	}
	for _, p := range site.Pages {
		urls = append(urls, sitemapURL{s.cfg.BaseURL + "/" + p.Slug, day(p.Updated)})
	}
	out, err := xml.MarshalIndent(struct {
		XMLName xml.Name     `xml:"urlset"`
		NS      string       `xml:"xmlns,attr"`
		URLs    []sitemapURL `xml:"url"`
	}{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", URLs: urls}, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("sitemap: %w", err)
	}
	return append([]byte(xml.Header), out...), nil
}

func (s *server) robots() []byte {
	return fmt.Appendf(nil, "User-agent: *\nAllow: /\nDisallow: /which-role/brief.md\nDisallow: /which-role/brief.pdf\nDisallow: /which-role/job-ad\n\nSitemap: %s/sitemap.xml\n", s.cfg.BaseURL)
}
