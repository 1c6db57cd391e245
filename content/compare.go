package content

import (
	"io/fs"
	"regexp"
	"strings"
	"time"
)

// A Comparison is the side-by-side table of the two roles.
type Comparison struct {
	Title       string
	Description string
	Summary     string
	Updated     time.Time
	Rows        []Row

	file        string
	summaryLine int
	rowLines    []int // the line on which each row starts, for error messages
}

// A Row is one dimension of the comparison, with the guide section (and
// optional heading) that explains it.
type Row struct {
	Dimension      string `yaml:"dimension"`
	ProductManager string `yaml:"product_manager"`
	ProjectManager string `yaml:"project_manager"`
	Section        string `yaml:"section"`
	Anchor         string `yaml:"anchor"`
}

// Link is the guide URL that explains the row.
func (r Row) Link() string {
	if r.Anchor == "" {
		return "/guide/" + r.Section
	}
	return "/guide/" + r.Section + "#" + r.Anchor
}

const minRows = 10

func loadComparison(fsys fs.FS, file string) (Comparison, error) {
	var raw struct {
		Title       string `yaml:"title"`
		Description string `yaml:"description"`
		Updated     string `yaml:"updated"`
		Summary     string `yaml:"summary"`
		Rows        []Row  `yaml:"rows"`
	}
	at, err := readYAML(fsys, file, &raw)
	if err != nil {
		return Comparison{}, err
	}
	switch {
	case raw.Title == "" || raw.Description == "" || raw.Summary == "":
		return Comparison{}, fileErrorf(file, 1, "title, description and summary are required")
	case len(raw.Rows) < minRows:
		return Comparison{}, fileErrorf(file, at.key("rows"), "the comparison needs at least %d rows, has %d", minRows, len(raw.Rows))
	}
	lines := at.entries("rows", len(raw.Rows))
	var problems Problems
	for i, r := range raw.Rows {
		if r.Dimension == "" || r.ProductManager == "" || r.ProjectManager == "" || r.Section == "" {
			problems.add(fileErrorf(file, lines[i], "row %d: dimension, product_manager, project_manager and section are required", i+1))
		}
	}
	if err := problems.err(); err != nil {
		return Comparison{}, err
	}
	updated, err := parseDate(file, at, raw.Updated)
	if err != nil {
		return Comparison{}, err
	}
	return Comparison{
		Title: raw.Title, Description: raw.Description, Summary: raw.Summary, Updated: updated, Rows: raw.Rows,
		file: file, summaryLine: at.key("summary"), rowLines: lines,
	}, nil
}

// checkShortAnswer makes sure that the comparison's summary, which leads
// /compare and the home page, states the short answer the diagram draws:
// every word of the product manager's part ("What & why"), then every word
// of the project manager's ("How & when").
func (c Comparison) checkShortAnswer(layout LayoutWords) error {
	if c.file == "" {
		return nil // compare.yaml did not load: its problem is reported
	}
	summary := " " + strings.ToLower(c.Summary) + " "
	from := 0
	for _, part := range []string{layout.DiagramProductPart, layout.DiagramProjectPart} {
		end := from
		for _, w := range letters.FindAllString(strings.ToLower(part), -1) {
			i := regexp.MustCompile(`\P{L}` + w + `\P{L}`).FindStringIndex(summary[from:])
			if i == nil {
				return fileErrorf(c.file, c.summaryLine, "summary must give the short answer in one line, each role's part as the diagram says it (%q for the product manager, then %q): %q is missing or out of place",
					layout.DiagramProductPart, layout.DiagramProjectPart, w)
			}
			end = max(end, from+i[1]-1)
		}
		from = end
	}
	return nil
}

var letters = regexp.MustCompile(`\pL+`)
