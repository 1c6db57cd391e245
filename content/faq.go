package content

import (
	"fmt"
	"io/fs"
	"slices"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
)

// RequiredAnswers are the FAQ's first questions, in order; their slugs are
// permalinks that people share.
var RequiredAnswers = []string{
	"is-a-product-manager-above-a-project-manager",
	"does-product-management-replace-project-management",
	"best-degree-for-a-product-manager",
	"who-gets-paid-more",
}

// An Answer is one FAQ entry.
type Answer struct {
	Question string
	Slug     string
	Order    int
	Updated  time.Time
	Related  []string // guide section slugs
	// Summary is the answer's first sentence: meta description and preview.
	Summary string
	// Text is the whole answer as plain text, for structured data.
	Text string
	HTML string

	file        string
	slugLine    int
	relatedLine int
}

type answerMeta struct {
	Question string   `yaml:"question"`
	Slug     string   `yaml:"slug"`
	Order    int      `yaml:"order"`
	Updated  string   `yaml:"updated"`
	Related  []string `yaml:"related"`
}

func loadAnswer(md goldmark.Markdown, fsys fs.FS, file string) (*Answer, error) {
	var meta answerMeta
	fm, body, bodyLine, err := readMarkdownFile(fsys, file, &meta)
	if err != nil {
		return nil, err
	}
	switch {
	case meta.Question == "":
		return nil, fileErrorf(file, 2, "question is required")
	case !validSlug(meta.Slug):
		return nil, fileErrorf(file, keyLine(fm, 2, "slug"), "slug %q must be lower-case words joined by hyphens", meta.Slug)
	case meta.Order < 1:
		return nil, fileErrorf(file, keyLine(fm, 2, "order"), "order must be a positive number")
	}
	updated, err := parseDate(meta.Updated)
	if err != nil {
		return nil, fileErrorf(file, keyLine(fm, 2, "updated"), "%v", err)
	}
	doc, err := parseMarkdown(md, file, body, bodyLine)
	if err != nil {
		return nil, err
	}
	// Walk the whole tree: a heading nested in a quote or list would keep
	// its attributes (style=…), since answers do not go through linkHeadings.
	var heading ast.Node
	_ = ast.Walk(doc.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := n.(*ast.Heading); ok && entering {
			heading = n
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if heading != nil {
		return nil, fileErrorf(file, doc.line(heading), "an answer has no headings: the question is its heading")
	}
	a := &Answer{
		Question: meta.Question, Slug: meta.Slug, Order: meta.Order, Updated: updated,
		Related: meta.Related, Summary: doc.firstSentence(), Text: doc.text(),
		file: file, slugLine: keyLine(fm, 2, "slug"), relatedLine: keyLine(fm, 2, "related"),
	}
	if a.Summary == "" {
		return nil, fileErrorf(file, bodyLine, "the answer is empty")
	}
	if a.HTML, err = doc.render(md); err != nil {
		return nil, err
	}
	return a, nil
}

// loadAnswers reads faq/*.md sorted by order; the required questions come
// first, in their order.
func loadAnswers(md goldmark.Markdown, fsys fs.FS) ([]*Answer, error) {
	files, err := fs.Glob(fsys, "faq/*.md")
	if err != nil {
		return nil, err
	}
	var answers []*Answer
	seen := map[string]string{}
	for _, file := range files {
		a, err := loadAnswer(md, fsys, file)
		if err != nil {
			return nil, err
		}
		if other, dup := seen[a.Slug]; dup {
			return nil, fileErrorf(file, a.slugLine, "duplicate slug %q: %s has it too", a.Slug, other)
		}
		seen[a.Slug] = file
		answers = append(answers, a)
	}
	slices.SortFunc(answers, func(a, b *Answer) int { return a.Order - b.Order })
	for i, want := range RequiredAnswers {
		if i >= len(answers) || answers[i].Slug != want {
			return nil, fmt.Errorf("faq: answer %d by order must be %q (required: %v)", i+1, want, RequiredAnswers)
		}
	}
	return answers, nil
}
