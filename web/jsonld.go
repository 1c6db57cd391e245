package web

import (
	"time"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/templates"
)

// article is the Article structured data of a guide page.
func (s *server) article(m templates.Meta, updated time.Time) map[string]any {
	return map[string]any{
		"@context":         "https://schema.org",
		"@type":            "Article",
		"headline":         m.Title,
		"description":      m.Description,
		"dateModified":     updated.Format("2006-01-02"),
		"mainEntityOfPage": m.Canonical(),
		"url":              m.Canonical(),
		"isPartOf":         map[string]any{"@type": "WebSite", "name": templates.SiteName, "url": s.cfg.BaseURL + "/"},
	}
}

// faqPage is the FAQPage structured data of /faq, from the same answers.
func (s *server) faqPage(site *content.Site) map[string]any {
	var questions []map[string]any
	for _, a := range site.Answers {
		questions = append(questions, map[string]any{
			"@type": "Question",
			"name":  a.Question,
			"url":   s.cfg.BaseURL + "/faq/" + a.Slug,
			"acceptedAnswer": map[string]any{
				"@type": "Answer",
				"text":  a.Text,
			},
		})
	}
	return map[string]any{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": questions}
}
