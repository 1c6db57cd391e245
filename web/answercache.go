package web

import (
	"container/list"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/singleflight"
)

// The answer cache keeps the pages built for a questionnaire's answers (the
// result, the brief in each format, the pre-filled form) by "kind?canonical
// query". The key space is large (thousands of answer sets, each in several
// formats) and any client can walk it, so the cache is bounded by design:
//
//   - at most maxAnswerBytes of bodies (every encoding counted, each held
//     in a slice of exactly its size) plus answerEntryOverhead per entry;
//     the page used least recently is dropped first;
//   - concurrent misses for one key build it once (singleflight), and at
//     most GOMAXPROCS builds run at once, however many keys are missed, so
//     the memory a burst of new keys takes is a few builds' worth.
const (
	maxAnswerBytes = 8 << 20
	// answerEntryOverhead is what an entry costs beside its bodies: the key,
	// the list element, the representation and its header slices.
	answerEntryOverhead = 512
)

type answerCache struct {
	max    int
	flight singleflight.Group
	builds chan struct{} // semaphore: one token per running build

	mu      sync.Mutex
	entries map[string]*list.Element // of *answerEntry
	order   list.List                // front: used most recently
	bytes   int

	built atomic.Int64 // builds run, for tests and the measurements
}

type answerEntry struct {
	key  string
	page *representation
	size int
}

func newAnswerCache(maxBytes int) *answerCache {
	return &answerCache{
		max:     maxBytes,
		builds:  make(chan struct{}, runtime.GOMAXPROCS(0)),
		entries: map[string]*list.Element{},
	}
}

// get returns the page kept under key, building it on a miss.
func (c *answerCache) get(key string, build func() (*representation, error)) (*representation, error) {
	if p := c.lookup(key); p != nil {
		return p, nil
	}
	v, err, _ := c.flight.Do(key, func() (any, error) {
		if p := c.lookup(key); p != nil { // built while we queued
			return p, nil
		}
		c.builds <- struct{}{}
		defer func() { <-c.builds }()
		c.built.Add(1)
		p, err := build()
		if err != nil {
			return nil, err
		}
		c.add(key, p)
		return p, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*representation), nil
}

func (c *answerCache) lookup(key string) *representation {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok {
		return nil
	}
	c.order.MoveToFront(e)
	return e.Value.(*answerEntry).page
}

func (c *answerCache) add(key string, p *representation) {
	size := p.size() + len(key) + answerEntryOverhead
	if size > c.max {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.entries[key]; ok {
		return
	}
	for c.bytes+size > c.max {
		oldest := c.order.Back()
		old := oldest.Value.(*answerEntry)
		delete(c.entries, old.key)
		c.order.Remove(oldest)
		c.bytes -= old.size
	}
	c.entries[key] = c.order.PushFront(&answerEntry{key: key, page: p, size: size})
	c.bytes += size
}

// stats reports the entries kept and the bytes they count for.
func (c *answerCache) stats() (entries, bytes int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries), c.bytes
}

// serveCached serves the page kept under key, building it on first use.
func (s *server) serveCached(w http.ResponseWriter, r *http.Request, key string, build func() (*representation, error)) error {
	p, err := s.cached(key, build)
	if err != nil {
		return err
	}
	p.serve(w, r, http.StatusOK)
	return nil
}

// cached returns the page kept under key, building it on first use.
func (s *server) cached(key string, build func() (*representation, error)) (*representation, error) {
	return s.answers.get(key, build)
}

// servedFromCache answers a GET of a page kept under kind+"?"+its raw
// query straight from the answer cache: a shared link's query is the
// canonical one, so the common hit costs neither parsing nor checking the
// answers. Anything else (a miss, a query in another order, a bad one) goes
// on to the handler, which parses and keys the page by its canonical query.
func (s *server) servedFromCache(kind string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if q := r.URL.RawQuery; q != "" {
				if p := s.answers.lookup(kind + "?" + q); p != nil {
					p.serve(w, r, http.StatusOK)
					return
				}
			}
			next.ServeHTTP(w, r)
		})
	}
}
