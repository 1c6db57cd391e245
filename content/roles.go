package content

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// An Item is one responsibility or skill: a short term and what it means.
type Item struct {
	Term   string
	Detail string
}

// A Profile is what the guide says one role does and needs.
type Profile struct {
	Responsibilities []Item
	Skills           []Item
}

// roleTable reads a section's "Product manager | Project manager" table:
// column one is the product manager's list, column two the project manager's.
func roleTable(d *document) (product, project []Item, err error) {
	var table *east.Table
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*east.Table); ok && entering && table == nil {
			table = t
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if table == nil {
		return nil, nil, fileErrorf(d.file, d.bodyLine, `no "Product manager | Project manager" table: the hiring brief is built from it`)
	}
	for row := table.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []ast.Node
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, c)
		}
		if len(cells) != 2 {
			return nil, nil, fileErrorf(d.file, d.line(row), "the role table needs exactly two columns")
		}
		if _, isHeader := row.(*east.TableHeader); isHeader {
			if !strings.EqualFold(plainText(cells[0], d.src), "Product manager") || !strings.EqualFold(plainText(cells[1], d.src), "Project manager") {
				return nil, nil, fileErrorf(d.file, d.line(row), `the role table's header must be "Product manager | Project manager"`)
			}
			continue
		}
		for i, list := range []*[]Item{&product, &project} {
			item, ok := cellItem(cells[i], d.src)
			if !ok {
				if plainText(cells[i], d.src) == "" {
					continue
				}
				return nil, nil, fileErrorf(d.file, d.line(row), `each role-table cell reads "**Term**: explanation"`)
			}
			*list = append(*list, item)
		}
	}
	return product, project, nil
}

// cellItem splits a "**Term**: explanation" cell.
func cellItem(cell ast.Node, src []byte) (Item, bool) {
	strong, ok := cell.FirstChild().(*ast.Emphasis)
	if !ok || strong.Level != 2 {
		return Item{}, false
	}
	term := plainText(strong, src)
	var detail strings.Builder
	for c := strong.NextSibling(); c != nil; c = c.NextSibling() {
		detail.WriteString(rawText(c, src))
	}
	text := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(detail.String()), ":–—-"))
	return Item{Term: strings.TrimSuffix(term, ":"), Detail: text}, term != "" && text != ""
}
