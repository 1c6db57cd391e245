package content

import (
	"fmt"
	"io/fs"
	"slices"
	"time"

	"github.com/yuin/goldmark"
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
	// Situation, if set, names the owner's situation the answer is written
	// for as the questionnaire's answers that show it: each field listed
	// must have one of its values (see Fits).
	Situation map[string][]string

	file        string
	slugLine    int
	orderLine   int
	relatedLine int
	fm          yamlLines // for the lines of situation's fields
}

func (a *Answer) origin() (string, int) { return a.Slug, a.slugLine }

type answerMeta struct {
	Question string   `yaml:"question"`
	Slug     string   `yaml:"slug"`
	Order    int      `yaml:"order"`
	Updated  string   `yaml:"updated"`
	Related  []string `yaml:"related"`
	// Situation: the questionnaire's answers this answer is written for.
	Situation map[string][]string `yaml:"situation"`
}

// loadAnswer loads one answer, for loadFolder.
func loadAnswer(md goldmark.Markdown, fsys fs.FS, file string) (*Answer, *document, error) {
	var meta answerMeta
	fm, body, bodyLine, err := readMarkdownFile(fsys, file, &meta)
	if err != nil {
		return nil, nil, err
	}
	var problems Problems
	if meta.Question == "" {
		problems.add(fileErrorf(file, frontMatterLine, "question is required"))
	}
	if !validSlug(meta.Slug) {
		problems.add(fileErrorf(file, fm.key("slug"), "slug %q must be lower-case words joined by hyphens", meta.Slug))
		return nil, nil, problems.err()
	}
	if meta.Order < 1 {
		problems.add(fileErrorf(file, fm.key("order"), "order must be a positive number"))
	}
	updated, err := parseDate(file, fm, meta.Updated)
	problems.add(err)
	// The question is the answer's heading, so check refuses every heading
	// in the body, nested ones too.
	doc, err := parseMarkdown(md, file, body, bodyLine, false)
	problems.add(err)
	a := &Answer{
		Question: meta.Question, Slug: meta.Slug, Order: meta.Order, Updated: updated,
		Related: meta.Related, Situation: meta.Situation, Summary: doc.firstSentence(), Text: doc.text(),
		file: file, slugLine: fm.key("slug"), orderLine: fm.key("order"), relatedLine: fm.key("related"), fm: fm,
	}
	if a.Summary == "" {
		problems.add(fileErrorf(file, bodyLine, "the answer is empty"))
	}
	a.HTML, err = doc.render(md, "", 0)
	problems.add(err)
	return a, doc, problems.err()
}

// loadAnswers reads faq/*.md sorted by order; the required questions come
// first, in their order.
func loadAnswers(md goldmark.Markdown, fsys fs.FS) (answers []*Answer, docs map[string]*document, err error) {
	var problems Problems
	answers, docs, failed, err := loadFolder(md, fsys, "faq", "/faq/", loadAnswer)
	problems.add(err)
	// Two answers with one order would be listed in the order of their
	// file names, whatever the editor meant.
	byOrder := map[int]*Answer{}
	for _, a := range answers {
		if other, dup := byOrder[a.Order]; dup && a.Order > 0 {
			problems.add(fileErrorf(a.file, a.orderLine, "order %d is taken by %s: give each answer an order of its own", a.Order, other.file))
			failed = true
			continue
		}
		byOrder[a.Order] = a
	}
	slices.SortStableFunc(answers, func(a, b *Answer) int { return a.Order - b.Order })
	if !failed { // else the order may be wrong only because of a file that failed
		for i, want := range RequiredAnswers {
			if i >= len(answers) || answers[i].Slug != want {
				problems.add(fmt.Errorf("faq: answer %d by order must be %q (required: %v)", i+1, want, RequiredAnswers))
				break
			}
		}
	}
	return answers, docs, problems.err()
}
