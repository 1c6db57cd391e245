package content

import (
	"slices"
	"testing"
)

func TestYAMLLines(t *testing.T) {
	src := []byte("title: A\nrelated:\n  - one\n  - two\n\nrows:\n  - dimension: x\n    section: y\n  - dimension: z\nempty:\nquoted: \"q\"\n")
	y := newYAMLLines(src, 2)
	for _, tc := range []struct {
		key  string
		want int
	}{
		{"title", 2},
		{"related", 3}, // the key's line, not its first entry's
		{"rows", 7},
		{"empty", 11},
		{"quoted", 12},
		{"missing", 2},
		{"dimension", 2}, // not top-level
	} {
		if got := y.key(tc.key); got != tc.want {
			t.Errorf("key(%q) = %d, want %d", tc.key, got, tc.want)
		}
	}
	if got, want := y.entries("rows", 3), []int{8, 10, 7}; !slices.Equal(got, want) {
		t.Errorf("entries(rows, 3) = %v, want %v", got, want)
	}
	if got, want := y.entries("related", 2), []int{4, 5}; !slices.Equal(got, want) {
		t.Errorf("entries(related, 2) = %v, want %v", got, want)
	}
	if got, want := newYAMLLines([]byte("a: [unclosed\n"), 1).key("a"), 1; got != want {
		t.Errorf("key in a source that does not parse = %d, want %d", got, want)
	}
}
