package content

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
