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
			edit: replaceFirst(responsibilities, `\| \*\*[^*|]+\*\*: `, "| Fixture term without bold: "),
			file: responsibilities, at: "| Fixture term without bold: ", reason: `each role-table cell reads "**Term**: explanation"`,
		},
	})
}

func TestRoleTableItems(t *testing.T) {
	// The first cell of the table, whatever it says today, becomes ours.
	site := mustLoad(t, replaceFirst(responsibilities, `\| \*\*[^*|]+\*\*: [^|]+\|`, "| **Fixture term**: Fixture detail, with *emphasis* and `code`. |"))
	first := site.ProductManager.Responsibilities[0]
	if first.Term != "Fixture term" || first.Detail != "Fixture detail, with emphasis and code." {
		t.Errorf("first product-manager responsibility = %+v", first)
	}
}
