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
			name: "duplicate slug",
			edit: copyFile(skills, "guide/zz-skills-copy.md"),
			file: "guide/zz-skills-copy.md", at: "slug: skills", reason: `duplicate slug "skills": guide/skills.md has it too`,
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
		{
			// skills moves to the end: the published sections keep their order.
			name: "wrong section order",
			edit: replace(skills, "order: 3", "order: 9"),
			file: "guide/differences.md", at: "order: 4", reason: `section "differences" comes where "skills" should`,
		},
		{
			name: "two sections with one order",
			edit: write("guide/budgets.md", budgets(2)),
			file: "guide/responsibilities.md", at: "order: 2", reason: "order 2 is taken by guide/budgets.md",
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
	site := mustLoad(t,
		write("guide/budgets.md", budgets(9)),
		appendTo("guide/hiring.md", "See [who pays](/guide/budgets#who-pays).\n"),
	)
	var slugs []string
	for _, s := range site.Sections {
		slugs = append(slugs, s.Slug)
	}
	if want := append(slices.Clone(content.RequiredSections), "budgets"); !slices.Equal(slugs, want) {
		t.Errorf("sections = %v; want %v", slugs, want)
	}
	if !site.HasAnchor("budgets", "who-pays") {
		t.Error("the new section's heading is not an anchor")
	}
}
