package content

import "slices"

// Lookups only the tests make.

// Answer returns the FAQ answer with this slug.
func (s *Site) Answer(slug string) (*Answer, bool) {
	a, ok := s.answers[slug]
	return a, ok
}

// Page returns the standalone page with this slug.
func (s *Site) Page(slug string) (*Page, bool) {
	for _, p := range s.Pages {
		if p.Slug == slug {
			return p, true
		}
	}
	return nil, false
}

// SourceRunHashes returns the sorted, distinct hashes of every run of
// copiedRun words in text: what editorial/source-runs.txt holds for the
// article.
func SourceRunHashes(text string) []string {
	w := lowerWords(newProse("", text))
	var hashes []string
	for i := 0; i+copiedRun <= len(w); i++ {
		hashes = append(hashes, RunHash(w[i:i+copiedRun]))
	}
	slices.Sort(hashes)
	return slices.Compact(hashes)
}
