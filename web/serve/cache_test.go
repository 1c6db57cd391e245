package serve

import (
	"bytes"
	"fmt"
	"testing"
)

// A cache holds at most its bound in bytes, whatever the number of keys
// kept; each body is held in a slice of exactly its size, and the bytes it
// counts are the bytes its pages hold.
func TestCacheBounded(t *testing.T) {
	t.Parallel()
	const bound = 64 << 10 // a few pages in every encoding
	c := NewCache(bound, nil, nil)
	const keys = 40
	for i := range keys {
		var body bytes.Buffer
		for j := 0; body.Len() < 12_000; j++ {
			fmt.Fprintf(&body, "<p>page %d, paragraph %d: %x</p>\n", i, j, j*j*(i+1))
		}
		c.add(fmt.Sprintf("result?page=%d", i), NewRepresentation("text/html; charset=utf-8", "no-store", nil, body.Bytes()))
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.bytes > bound {
		t.Errorf("the cache counts %d bytes, over its bound of %d", c.bytes, bound)
	}
	if len(c.entries) >= keys {
		t.Errorf("%d entries kept for %d keys: nothing was dropped, so the bound was never tested", len(c.entries), keys)
	}
	held := 0
	for e := c.order.Front(); e != nil; e = e.Next() {
		entry := e.Value.(*entry)
		p := entry.page
		for _, enc := range []*encoded{&p.identity, p.gzip, p.br} {
			if len(enc.body) != cap(enc.body) {
				t.Errorf("%s: a %d-byte body holds %d bytes of memory", entry.key, len(enc.body), cap(enc.body))
			}
			held += cap(enc.body)
		}
		held += len(entry.key) + entryOverhead
	}
	if held != c.bytes {
		t.Errorf("the pages hold %d bytes; the cache counts %d", held, c.bytes)
	}
}

// The least recently used page goes first.
func TestCacheOrder(t *testing.T) {
	t.Parallel()
	page := func(b byte) *Representation {
		return NewUncompressed("application/pdf", "no-store", bytes.Repeat([]byte{b}, 1000))
	}
	size := 1000 + 1 + entryOverhead
	c := NewCache(3*size, nil, nil)
	for _, k := range []string{"a", "b", "c"} {
		c.add(k, page(k[0]))
	}
	c.lookup("a") // a is now the most recent; b the least
	c.add("d", page('d'))
	for k, want := range map[string]bool{"a": true, "b": false, "c": true, "d": true} {
		if got := c.lookup(k) != nil; got != want {
			t.Errorf("%s kept: %v, want %v", k, got, want)
		}
	}
	if c.bytes != 3*size {
		t.Errorf("counts %d bytes, want %d", c.bytes, 3*size)
	}
	c.add("huge", NewUncompressed("application/pdf", "no-store", make([]byte, 4*size)))
	if c.lookup("huge") != nil || c.lookup("a") == nil {
		t.Error("a page larger than the whole cache replaced what was kept")
	}
}
