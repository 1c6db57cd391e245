package web

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/guide/pmvspm/web/decision"
)

// answerSets lists up to n valid answer sets as canonical queries, walking
// the contract's fields (so that it follows the questionnaire as it grows).
func answerSets(t testing.TB, n int) []string {
	t.Helper()
	var out []string
	var walk func(i int, form url.Values)
	walk = func(i int, form url.Values) {
		if len(out) >= n {
			return
		}
		if i == len(decision.Fields) {
			// Different forms can give one answer set (an answer that plays no part is dropped).
			if a, errs := decision.Parse(form); len(errs) == 0 && !slices.Contains(out, a.Query()) {
				out = append(out, a.Query())
			}
			return
		}
		f := decision.Fields[i]
		choices := [][]string{nil} // a field left out
		if f.Multiple {
			for mask := 1; mask < 1<<len(f.Values); mask++ {
				var set []string
				for j, v := range f.Values {
					if mask&(1<<j) != 0 {
						set = append(set, v)
					}
				}
				choices = append(choices, set)
			}
		} else {
			for _, v := range f.Values {
				choices = append(choices, []string{v})
			}
		}
		for _, c := range choices {
			next := url.Values{}
			for k, v := range form {
				next[k] = v
			}
			if c != nil {
				next[f.Name] = c
			}
			walk(i+1, next)
		}
	}
	walk(0, url.Values{})
	if len(out) < n {
		t.Fatalf("only %d valid answer sets, want %d", len(out), n)
	}
	return out
}

// The answer cache holds at most its bound in bytes, whatever the number of
// keys asked for; each body is held in a slice of exactly its size, and the
// bytes it counts are the bytes its pages hold.
func TestAnswerCacheBounded(t *testing.T) {
	t.Parallel()
	const bound = 64 << 10 // a few answers' pages in every encoding
	s, h, err := newServer(slogTo(io.Discard), loadSite(t), Config{answerBytes: bound, Encodings: testEncodings(t)})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptestServer(t, h)
	sets := answerSets(t, 10)
	paths := []string{"/which-role/result?", "/which-role/brief?", "/which-role/brief.md?", "/which-role?"}
	for _, q := range sets {
		for _, p := range paths {
			wantStatus(t, get(t, srv, p+q, "Accept-Encoding", "br"), http.StatusOK)
		}
	}
	entries, counted := s.answers.stats()
	if counted > bound {
		t.Errorf("the cache counts %d bytes, over its bound of %d", counted, bound)
	}
	if entries >= len(sets)*len(paths) {
		t.Errorf("%d entries kept for %d keys: nothing was dropped, so the bound was never tested", entries, len(sets)*len(paths))
	}
	held := 0
	s.answers.mu.Lock()
	for e := s.answers.order.Front(); e != nil; e = e.Next() {
		entry := e.Value.(*answerEntry)
		p := entry.page
		for _, enc := range []*encoded{&p.identity, p.gzip, p.br} {
			if enc == nil {
				continue
			}
			if len(enc.body) != cap(enc.body) {
				t.Errorf("%s: a %d-byte body holds %d bytes of memory", entry.key, len(enc.body), cap(enc.body))
			}
			held += cap(enc.body)
		}
		held += len(entry.key) + answerEntryOverhead
	}
	s.answers.mu.Unlock()
	if held != counted {
		t.Errorf("the pages hold %d bytes; the cache counts %d", held, counted)
	}
	// The page asked for last is kept; the first was dropped and comes back the same.
	first := get(t, srv, paths[0]+sets[0])
	wantStatus(t, first, http.StatusOK)
	// One more page may fit in the room the last eviction left, so the
	// count may grow by one; the bytes may not pass the bound.
	if e, c := s.answers.stats(); e > entries+1 || c > bound {
		t.Errorf("%d entries, %d bytes after one more page; the bound holds them at %d entries (one more if it fits), %d bytes", e, c, entries, bound)
	}
}

// Concurrent first requests for one page build it once; for twenty new
// pages, twenty builds.
func TestAnswerBuiltOnce(t *testing.T) {
	t.Parallel()
	s, h, err := newServer(slogTo(io.Discard), loadSite(t), Config{Encodings: testEncodings(t)})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptestServer(t, h)
	sets := answerSets(t, 21)
	fetchAll := func(paths []string) [][]byte {
		bodies := make([][]byte, len(paths))
		var wg sync.WaitGroup
		for i, p := range paths {
			wg.Go(func() {
				req, _ := http.NewRequest(http.MethodGet, srv.URL+p, nil)
				resp, err := testClient.Do(req)
				if err != nil {
					t.Error(err)
					return
				}
				defer resp.Body.Close()
				bodies[i], _ = io.ReadAll(resp.Body)
				if resp.StatusCode != http.StatusOK {
					t.Errorf("%s: status %d", p, resp.StatusCode)
				}
			})
		}
		wg.Wait()
		return bodies
	}
	pdf := "/which-role/brief.pdf?" + sets[0]
	paths := make([]string, 200)
	for i := range paths {
		paths[i] = pdf
	}
	bodies := fetchAll(paths)
	if n := s.answers.built.Load(); n != 1 {
		t.Errorf("200 concurrent first requests for one PDF: %d builds, want 1", n)
	}
	for _, b := range bodies {
		if !bytes.Equal(b, bodies[0]) || len(b) == 0 {
			t.Fatal("the 200 responses differ")
		}
	}
	paths = paths[:0]
	for _, q := range sets[1:] {
		for range 10 {
			paths = append(paths, "/which-role/result?"+q)
		}
	}
	fetchAll(paths)
	if n := s.answers.built.Load(); n != 21 {
		t.Errorf("20 new results, 10 clients each: %d builds in all, want 21", n)
	}
}

// The least recently used page goes first.
func TestAnswerCacheOrder(t *testing.T) {
	t.Parallel()
	page := func(b byte) *representation {
		return newUncompressed("application/pdf", noStore, bytes.Repeat([]byte{b}, 1000))
	}
	size := 1000 + 1 + answerEntryOverhead
	c := newAnswerCache(3*size, nil)
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
	if _, n := c.stats(); n != 3*size {
		t.Errorf("counts %d bytes, want %d", n, 3*size)
	}
	c.add("huge", newUncompressed("application/pdf", noStore, make([]byte, 4*size)))
	if c.lookup("huge") != nil || c.lookup("a") == nil {
		t.Error("a page larger than the whole cache replaced what was kept")
	}
}

// A shared link (its query canonical) is answered from the cache as it
// stands; the same answers in another order get the same page, built once.
func TestResultFromCacheByQuery(t *testing.T) {
	t.Parallel()
	s, h, err := newServer(slogTo(io.Discard), loadSite(t), Config{Encodings: testEncodings(t)})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptestServer(t, h)
	q := answerSets(t, 40)[39] // one with several problems
	first := get(t, srv, "/which-role/result?"+q)
	wantStatus(t, first, http.StatusOK)
	parts := strings.Split(q, "&")
	slices.Reverse(parts)
	again := get(t, srv, "/which-role/result?"+strings.Join(parts, "&"))
	wantStatus(t, again, http.StatusOK)
	if !bytes.Equal(first.body, again.body) {
		t.Error("the same answers in another order got another page")
	}
	if n := s.answers.built.Load(); n != 1 {
		t.Errorf("%d builds, want 1", n)
	}
}
