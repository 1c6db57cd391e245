package web

// The sitemap and robots.txt, prerendered with the pages.

import (
	"encoding/xml"
	"fmt"
)

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemap lists the pages marked for it, with their absolute URL and,
// where the content says, when each last changed.
func (s *server) sitemap(pages []page) ([]byte, error) {
	var urls []sitemapURL
	for _, p := range pages {
		if !p.sitemap {
			continue
		}
		u := sitemapURL{Loc: s.cfg.BaseURL + p.path}
		if !p.lastmod.IsZero() {
			u.LastMod = p.lastmod.Format("2006-01-02")
		}
		urls = append(urls, u)
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
	return fmt.Appendf(nil, "User-agent: *\nAllow: /\nDisallow: /which-role/brief.md\nDisallow: /which-role/brief.pdf\nDisallow: /which-role/job-ad.md\nDisallow: /which-role/job-ad.txt\n\nSitemap: %s/sitemap.xml\n", s.cfg.BaseURL)
}
