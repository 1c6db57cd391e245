package serve

import (
	"bytes"
	"testing"
)

// A body built on request gets both encodings at once, each held in a
// slice of exactly its size.
func TestRepresentationExactSize(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	for buf.Len() < 10_000 {
		buf.WriteString("<p>a page, ")
	}
	p := NewRepresentation("text/html; charset=utf-8", "no-store", nil, buf.Bytes())
	if p.gzip == nil || p.br == nil {
		t.Fatal("a compressible body lacks an encoding")
	}
	for _, e := range []*encoded{&p.identity, p.gzip, p.br} {
		if len(e.body) != cap(e.body) {
			t.Errorf("%v: %d bytes in a slice of %d", e.encoding, len(e.body), cap(e.body))
		}
	}
	if cap(buf.Bytes()) == buf.Len() {
		t.Fatal("the test's buffer has no spare capacity, so it proves nothing")
	}
}
