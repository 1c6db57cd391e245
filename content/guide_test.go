package content_test

import "testing"

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
			name: "section that the guide does not have",
			edit: write("guide/extra.md", "---\ntitle: Extra\nslug: extra\ndescription: An extra section.\norder: 9\nupdated: 2026-11-27\n---\n\nText.\n"),
			file: "guide/extra.md", at: "slug: extra", reason: `unexpected section "extra"`,
		},
		{
			// skills moves to the end, so differences is the first section
			// out of place.
			name: "wrong section order",
			edit: replace(skills, "order: 3", "order: 9"),
			file: "guide/differences.md", at: "slug: differences", reason: `the guide needs "skills" there`,
		},
	})
}
