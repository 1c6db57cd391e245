// Package templates holds the site's HTML: one Layout and one component per
// page, each taking what it shows: content values, or a view model defined
// here and filled by web. It imports only content and static, never web.
// Rendered Markdown enters the HTML only through the markdown helper below.
package templates

import (
	"cmp"
	"strings"
	"time"

	"github.com/a-h/templ"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/static"
)

// SiteName is the name in the header, titles and Open Graph tags. The
// wordmark sets its "or" apart: siteProduct, then "or", then siteProject.
const SiteName = "Product or Project"

var siteProduct, siteProject, _ = strings.Cut(SiteName, " or ")

// Meta is what every page says about itself in <head>.
type Meta struct {
	Title       string // without the site name
	Description string
	Path        string // canonical path, e.g. /guide/skills
	BaseURL     string // e.g. https://example.com, no trailing slash
	Nav         string // which primary navigation entry is current: guide, compare, which-role, faq
	OGType      string // website (default) or article
	NoIndex     bool   // error pages
	JSONLD      any    // structured data, marshalled as application/ld+json
	MainAttrs   templ.Attributes
	Image       Image // the social card: og:image
	// Layout are the words on every page: skip link and footer.
	Layout content.LayoutWords
	// Publisher is who publishes the site, named in the footer.
	Publisher content.Publisher
}

// Image is a page's social card: an absolute URL, its size and its text.
type Image struct {
	URL           string
	Width, Height int
	Alt           string
}

// Canonical is the page's absolute URL.
func (m Meta) Canonical() string { return m.BaseURL + m.Path }

// FullTitle is the <title>: the page title, then the site name.
func (m Meta) FullTitle() string {
	if m.Title == SiteName {
		return m.Title
	}
	return m.Title + " · " + SiteName
}

func (m Meta) ogType() string { return cmp.Or(m.OGType, "website") }

// markdown is the one way rendered Markdown enters a page. The HTML comes
// from our own goldmark instance with raw HTML disabled, so it is trusted.
func markdown(html string) templ.Component { return templ.Raw(html) }

func css() string     { return static.Path("style.css") }
func favicon() string { return static.Path("favicon.svg") }

func date(t time.Time) string { return t.Format("2 January 2006") }

func isoDate(t time.Time) string { return t.Format("2006-01-02") }

type navItem struct{ key, href, label string }

func navItems(w content.LayoutWords) []navItem {
	return []navItem{
		{"guide", "/guide", w.NavGuide},
		{"compare", "/compare", w.NavCompare},
		{"which-role", "/which-role", w.NavWhichRole},
		{"faq", "/faq", w.NavFAQ},
	}
}

// ErrorLinks are the words of the ways back in that every error page shows.
type ErrorLinks struct {
	GuideHeading, FAQHeading             string
	HomeLink, CompareLink, WhichRoleLink string
}

// boldText is a diagram label's weight: bold, or the drawing's own.
func boldText(bold bool) templ.Attributes {
	if bold {
		return templ.Attributes{"font-weight": "700"}
	}
	return nil
}
