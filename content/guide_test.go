package content_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/guide/pmvspm/content"
)

func TestLoadGuideErrors(t *testing.T) {
	testLoadErrors(t, []loadErrorCase{
		{
			name: "a copy under another name",
			edit: copyFile(skills, "guide/zz-skills-copy.md"),
			file: "guide/zz-skills-copy.md", at: "slug: skills", reason: `slug "skills" is not the file's name: the page's address is /guide/zz-skills-copy`,
		},
		{
			name: "a slug that is not the file's name",
			edit: set(skills, "slug", "skill-set"),
			file: skills, field: "slug", reason: `slug "skill-set" is not the file's name: the page's address is /guide/skills; write slug: skills, or rename the file to skill-set.md if the address should change (a published address must not)`,
		},
		{
			name:   "missing required section",
			edit:   remove(skills),
			reason: `section "skills" is missing`,
		},
		{
			name:   "last required section missing",
			edit:   remove("guide/hiring.md"),
			reason: `section "hiring" is missing`,
		},
	})

	// The cases below take their numbers from the content as it is.
	site := mustLoad(t)
	last := site.Sections[len(site.Sections)-1].Order
	k := slices.Index(content.RequiredSections, "skills")
	next := "guide/" + content.RequiredSections[k+1] + ".md"
	second := site.Sections[1]
	testLoadErrors(t, []loadErrorCase{
		{
			// skills moves to the end: the published sections keep their order.
			name: "wrong section order",
			edit: set(skills, "order", fmt.Sprint(last+1)),
			file: next, field: "order", reason: fmt.Sprintf(`section %q comes where "skills" should`, content.RequiredSections[k+1]),
		},
		{
			// budgets.md sorts first, so the second file with the order is blamed.
			name: "two sections with one order",
			edit: write("guide/budgets.md", budgets(second.Order)),
			file: "guide/" + second.Slug + ".md", field: "order",
			reason: fmt.Sprintf("order %d is taken by guide/budgets.md: give each section an order of its own; %d is free", second.Order, last+1),
		},
	})
}

// budgets is a section that the guide does not have yet.
func budgets(order int) string {
	return fmt.Sprintf("---\ntitle: Budgets\nslug: budgets\ndescription: Who owns the budget.\norder: %d\nupdated: 2026-11-27\n---\n\n## Who pays {#who-pays}\n\nText.\n", order)
}

// Adding a section takes a file and nothing else: it is served at its slug,
// in its order, and links to it resolve.
func TestAddSection(t *testing.T) {
	before := mustLoad(t)
	var want []string
	for _, s := range before.Sections {
		want = append(want, s.Slug)
	}
	want = append(want, "budgets")
	site := mustLoad(t,
		write("guide/budgets.md", budgets(before.Sections[len(before.Sections)-1].Order+1)),
		appendTo("guide/hiring.md", "See [who pays](/guide/budgets#who-pays).\n"),
	)
	var slugs []string
	for _, s := range site.Sections {
		slugs = append(slugs, s.Slug)
	}
	if !slices.Equal(slugs, want) {
		t.Errorf("sections = %v; want %v", slugs, want)
	}
	if !site.HasAnchor("budgets", "who-pays") {
		t.Error("the new section's heading is not an anchor")
	}
}
