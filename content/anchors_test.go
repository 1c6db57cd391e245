package content_test

import (
	"strings"
	"testing"
)

// guideAnchors are the guide's headings that other parts of the site link
// to by address: the questionnaire's reasons, the hiring kit, and every
// link shared before. Renaming one breaks those links, so each must stay.
var guideAnchors = []string{
	"/guide/hiring#hire-a-product-manager", "/guide/hiring#hire-a-project-manager", "/guide/hiring#hire-both",
	"/guide/hiring#who-decides", "/guide/hiring#one-or-two", "/guide/hiring#lead-role", "/guide/hiring#second-hire",
	"/guide/hiring#part-time-help", "/guide/hiring#fractional", "/guide/hiring#contract",
	"/guide/hiring#not-yet", "/guide/hiring#existing-employee",
	"/guide/hiring#first-90-days", "/guide/hiring#reporting", "/guide/hiring#wrong-hire",
	"/guide/scenarios#new-software-product", "/guide/scenarios#internal-it-system",
	"/guide/scenarios#mobile-app-feature", "/guide/scenarios#client-work",
	"/guide/scenarios#one-off-project", "/guide/scenarios#system-owner", "/guide/scenarios#one-team-one-manager",
	"/guide/definitions#product-manager", "/guide/definitions#project-manager", "/guide/definitions#outside-software",
	"/guide/career-path#pay", "/guide/differences#what-and-why-vs-how-and-when",
}

func TestGuideAnchorsStay(t *testing.T) {
	site := mustLoad(t)
	for _, link := range guideAnchors {
		slug, anchor, _ := strings.Cut(strings.TrimPrefix(link, "/guide/"), "#")
		if !site.HasAnchor(slug, anchor) {
			t.Errorf("%s is gone: other pages link to it", link)
		}
	}
}
