package content

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
)

// firstUse finds what the term's pattern finds, in every content file and
// in texts made to catch a window cut wrong: a use at the very start or
// end, one after a near miss, a plural, folding beyond ASCII.
func TestFirstUseIsThePatterns(t *testing.T) {
	terms := glossaryTermsIn(Files)
	if len(terms) == 0 {
		t.Fatal("no glossary terms")
	}
	terms = append(terms, newTerm("Product-market fit"), newTerm("Kanban"), newTerm("Café"))
	texts := []string{
		"kanban", "Kanbans", "kanbanes.", "xkanban kanban", "KANBAN-", "the kanbanx kanban", "a \u212aanban", "ſaaS and SaaS",
		"product market fit", "Product-Market-Fits", "product-market fitness, product market fit!", "productproduct-market fit",
		"é kanban", "kanbané", "roadmap\u00a0", "CAFÉ", "cafés", "\xffkanban\xff",
	}
	_ = fs.WalkDir(Files, ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			src, _ := fs.ReadFile(Files, path)
			texts = append(texts, string(src))
		}
		return nil
	})
	for _, text := range texts {
		lower := asciiLower(text)
		for _, tm := range terms {
			if got, want := tm.firstUse(text, lower), tm.use.FindStringIndex(text); !slices.Equal(got, want) {
				t.Errorf("%s in %.40q: firstUse %v, the pattern %v", tm.name, strings.TrimSpace(text), got, want)
			}
		}
	}
}
