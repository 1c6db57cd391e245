package content

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
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

	links       []Link
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

// loadAnswer loads one answer. Once its slug is known it returns the
// answer even with problems, so that links to it can still be checked.
func loadAnswer(md goldmark.Markdown, fsys fs.FS, file string) (*Answer, error) {
	var meta answerMeta
	fm, body, bodyLine, err := readMarkdownFile(fsys, file, &meta)
	if err != nil {
		return nil, err
	}
	var problems Problems
	if meta.Question == "" {
		problems.add(fileErrorf(file, 2, "question is required"))
	}
	if !validSlug(meta.Slug) {
		problems.add(fileErrorf(file, keyLine(fm, 2, "slug"), "slug %q must be lower-case words joined by hyphens", meta.Slug))
		return nil, problems.err()
	}
	if meta.Order < 1 {
		problems.add(fileErrorf(file, keyLine(fm, 2, "order"), "order must be a positive number"))
	}
	updated, err := parseDate(meta.Updated)
	if err != nil {
		problems.add(fileErrorf(file, keyLine(fm, 2, "updated"), "%v", err))
	}
	// Answers skip the heading transform, so check refuses every heading,
	// nested ones too: they would keep attributes such as style=.
	doc, err := parseMarkdown(md, file, body, bodyLine, false)
	problems.add(err)
	a := &Answer{
		Question: meta.Question, Slug: meta.Slug, Order: meta.Order, Updated: updated,
		Related: meta.Related, Summary: doc.firstSentence(), Text: doc.text(),
		links: doc.links,
		file:  file, slugLine: keyLine(fm, 2, "slug"), relatedLine: keyLine(fm, 2, "related"),
	}
	if a.Summary == "" {
		problems.add(fileErrorf(file, bodyLine, "the answer is empty"))
	}
	a.HTML, err = doc.render(md)
	problems.add(err)
	return a, problems.err()
}

// loadAnswers reads faq/*.md sorted by order; the required questions come
// first, in their order. The URL of each file that fails to load is added
// to broken.
func loadAnswers(md goldmark.Markdown, fsys fs.FS, broken map[string]bool) ([]*Answer, error) {
	files, err := fs.Glob(fsys, "faq/*.md")
	if err != nil {
		return nil, err
	}
	var problems Problems
	var answers []*Answer
	seen := map[string]string{}
	failed := false // then the order may be wrong only because of it
	for _, file := range files {
		a, err := loadAnswer(md, fsys, file)
		problems.add(err)
		failed = failed || err != nil
		if a == nil {
			broken["/faq/"+strings.TrimSuffix(path.Base(file), ".md")] = true
			continue
		}
		if other, dup := seen[a.Slug]; dup {
			problems.add(fileErrorf(file, a.slugLine, "duplicate slug %q: %s has it too", a.Slug, other))
			continue
		}
		seen[a.Slug] = file
		answers = append(answers, a)
	}
	slices.SortStableFunc(answers, func(a, b *Answer) int { return a.Order - b.Order })
	if !failed {
		for i, want := range RequiredAnswers {
			if i >= len(answers) || answers[i].Slug != want {
				problems.add(fmt.Errorf("faq: answer %d by order must be %q (required: %v)", i+1, want, RequiredAnswers))
				break
			}
		}
	}
	return answers, problems.err()
}
