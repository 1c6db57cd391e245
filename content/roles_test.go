package content_test

import "testing"

const (
	responsibilities = "guide/responsibilities.md"
	roleHeader       = "| Product manager | Project manager |\n"
	roleDelimiter    = "| --- | --- |\n"
)

func TestLoadRoleTableErrors(t *testing.T) {
	testLoadErrors(t, []loadErrorCase{
		{
			// Without its header and delimiter rows the table is a paragraph.
			name: "responsibilities table missing",
			edit: replace(responsibilities, roleHeader+roleDelimiter, ""),
			file: responsibilities, line: 8, reason: `no "Product manager | Project manager" table`,
		},
		{
			name: "responsibilities table with a wrong header",
			edit: replace(responsibilities, roleHeader, "| Product | Project |\n"),
			file: responsibilities, at: "| Product | Project |", reason: `header must be "Product manager | Project manager"`,
		},
		{
			name: "responsibilities table with the columns swapped",
			edit: replace(responsibilities, roleHeader, "| Project manager | Product manager |\n"),
			file: responsibilities, at: "| Project manager | Product manager |", reason: `header must be "Product manager | Project manager"`,
		},
		{
			name: "skills table with three columns",
			edit: replace(skills, roleHeader+roleDelimiter, "| Product manager | Project manager | Both |\n| --- | --- | --- |\n"),
			file: skills, at: "| Product manager | Project manager | Both |", reason: "exactly two columns",
		},
		{
			name: "cell without a bold term",
			edit: replace(responsibilities, "| **Vision and strategy**: Sets", "| Vision and strategy: Sets"),
			file: responsibilities, at: "| Vision and strategy: Sets", reason: `each role-table cell reads "**Term**: explanation"`,
		},
	})
}

func TestRoleTableItems(t *testing.T) {
	site := mustLoad(t)
	first := site.ProductManager.Responsibilities[0]
	if first.Term != "Vision and strategy" || first.Detail != "Sets the product’s direction and roadmap, based on your business objectives and what the market is asking for." {
		t.Errorf("first product-manager responsibility = %+v", first)
	}
	last := site.ProjectManager.Skills[len(site.ProjectManager.Skills)-1]
	if last.Term != "Risk management and problem-solving" || last.Detail != "Catches roadblocks early and adjusts plans before trouble arrives." {
		t.Errorf("last project-manager skill = %+v", last)
	}
}
