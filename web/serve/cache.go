package serve

import (
	"container/list"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
)

// A Cache keeps pages built from a request's query (here, the
// questionnaire's result, brief, adverts and pre-filled form) by
// "kind?canonical query". The key space is large (thousands of answer
// sets, each in several formats) and any client can walk it, so the cache
// is bounded by design:
//
//   - at most its bound in bytes of bodies (every encoding counted, each
//     held in a slice of exactly its size) plus entryOverhead per entry;
//     the page used least recently is dropped first;
//   - concurrent misses for one key build it once, and at most GOMAXPROCS
//     builds run at once, however many keys are missed, so the memory a
//     burst of new keys takes is a few builds' worth;
//   - the builds waiting for a slot are bounded too (MaxQueued keys): past
//     that a miss gets ErrBusy, answered 503 with Retry-After at once, for
//     the cost of a prerendered page;
//   - work for a client who has gone is not done: a request waits for its
//     build as long as its client does, and a build whose every waiter has
//     left before it started is not started (one already running finishes
//     and is kept: it is paid for);
//   - at shutdown (the stop channel closing) the builds not yet started
//     are dropped and their waiters get ErrStopping, so that the shutdown
//     waits for a few running builds, not for a queue.
//
// Cache hits cost none of this, and the misses each client may cause are
// budgeted too (the admit function NewCache is given).
type Cache struct {
	max    int
	builds chan struct{}   // semaphore: one token per running build
	queued chan struct{}   // one token per build waiting or running
	stop   <-chan struct{} // closed at shutdown (nil: never)
	admit  func(*http.Request) error

	mu      sync.Mutex
	entries map[string]*list.Element // of *entry
	order   list.List                // front: used most recently
	bytes   int
	calls   map[string]*buildCall // builds waiting or running, by key

	built     atomic.Int64 // builds run
	abandoned atomic.Int64 // builds not started: every waiter had gone
	refused   atomic.Int64 // misses answered 503: the queue was full or the server stopping
}

// entryOverhead is what an entry costs beside its bodies: the key, the
// list element, the representation and its header slices.
const entryOverhead = 512

// MaxQueued is how many builds (distinct keys) may wait or run at once: a
// few hundred milliseconds of work on two cores, far more than real
// visitors' first views of new answers ever need at one moment.
func MaxQueued() int { return max(64, 16*runtime.GOMAXPROCS(0)) }

var (
	// ErrBusy: the build queue is full.
	ErrBusy = errors.New("too many pages waiting to be built")
	// ErrStopping: the server is shutting down; the build was dropped.
	ErrStopping = errors.New("shutting down: build not started")
	// errAbandoned: every client waiting for the build had gone.
	errAbandoned = errors.New("every client waiting for the build has gone")
)

// A buildCall is one build of one key, and the requests waiting for it.
type buildCall struct {
	done    chan struct{} // closed when page and err are set
	gone    chan struct{} // closed when every waiter left before the start
	waiters int           // under Cache.mu
	started bool          // under Cache.mu
	page    *Representation
	err     error
}

type entry struct {
	key  string
	page *Representation
	size int
}

// NewCache returns a cache of at most maxBytes that drops the builds not
// started when stop closes, and starts a build for a request only if admit
// (the client's budget of misses; nil: no budget) lets it.
func NewCache(maxBytes int, stop <-chan struct{}, admit func(*http.Request) error) *Cache {
	return &Cache{
		max:     maxBytes,
		builds:  make(chan struct{}, runtime.GOMAXPROCS(0)),
		queued:  make(chan struct{}, MaxQueued()),
		stop:    stop,
		admit:   admit,
		entries: map[string]*list.Element{},
		calls:   map[string]*buildCall{},
	}
}

// Do runs build for key in a build slot, once however many ask at once,
// if admit lets r's client start a new build, and gives its page to keep
// (in the build's goroutine, so that a build finished after its clients
// left is still kept). A caller waits until the page is made or r's
// context is done; a build not started when its last caller leaves is
// dropped.
func (c *Cache) Do(r *http.Request, key string, build func() (*Representation, error), keep func(*Representation)) (*Representation, error) {
	ctx := r.Context()
	c.mu.Lock()
	call := c.calls[key]
	if call == nil {
		if c.admit != nil {
			if err := c.admit(r); err != nil {
				c.mu.Unlock()
				return nil, err
			}
		}
		select {
		case c.queued <- struct{}{}:
		default:
			c.mu.Unlock()
			c.refused.Add(1)
			return nil, ErrBusy
		}
		call = &buildCall{done: make(chan struct{}), gone: make(chan struct{})}
		c.calls[key] = call
		go c.run(key, call, build, keep)
	}
	call.waiters++
	c.mu.Unlock()
	select {
	case <-call.done:
		return call.page, call.err
	case <-ctx.Done():
		c.mu.Lock()
		call.waiters--
		if call.waiters == 0 && !call.started {
			close(call.gone)
			c.forget(key, call) // whoever asks next starts afresh
		}
		c.mu.Unlock()
		return nil, ctx.Err()
	}
}

// forget removes call from the builds under way, if it is still there.
// c.mu must be held.
func (c *Cache) forget(key string, call *buildCall) {
	if c.calls[key] == call {
		delete(c.calls, key)
	}
}

// run waits for a build slot, unless every waiter leaves or the server
// stops first, and then builds.
func (c *Cache) run(key string, call *buildCall, build func() (*Representation, error), keep func(*Representation)) {
	defer func() { <-c.queued }()
	finish := func(p *Representation, err error) {
		c.mu.Lock()
		c.forget(key, call)
		c.mu.Unlock()
		call.page, call.err = p, err
		close(call.done)
	}
	select {
	case c.builds <- struct{}{}:
		defer func() { <-c.builds }()
	case <-call.gone:
	case <-c.stop:
	}
	var dropped error
	c.mu.Lock()
	select {
	case <-call.gone: // every waiter has left, perhaps as the slot came free
		dropped = errAbandoned
	case <-c.stop:
		dropped = ErrStopping
	default:
		call.started = true
	}
	c.mu.Unlock()
	if dropped != nil {
		if dropped == errAbandoned {
			c.abandoned.Add(1)
		} else {
			c.refused.Add(1)
		}
		finish(nil, dropped)
		return
	}
	c.built.Add(1)
	p, err := safeBuild(key, build)
	if err == nil {
		keep(p)
	}
	finish(p, err)
}

// safeBuild is build, with a panic turned into an error: a build runs in a
// goroutine of its own, where a panic would end the process.
func safeBuild(key string, build func() (*Representation, error)) (p *Representation, err error) {
	defer func() {
		if v := recover(); v != nil {
			p, err = nil, fmt.Errorf("building %s: panic: %v\n%s", key, v, debug.Stack())
		}
	}()
	return build()
}

func (c *Cache) lookup(key string) *Representation {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok {
		return nil
	}
	c.order.MoveToFront(e)
	return e.Value.(*entry).page
}

func (c *Cache) add(key string, p *Representation) {
	size := p.size() + len(key) + entryOverhead
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
		old := oldest.Value.(*entry)
		delete(c.entries, old.key)
		c.order.Remove(oldest)
		c.bytes -= old.size
	}
	c.entries[key] = c.order.PushFront(&entry{key: key, page: p, size: size})
	c.bytes += size
}

// Respond answers r with the page kept under key, "kind?canonical query",
// building it on a miss within the client's budget of misses (Do: a miss
// that joins a build already under way costs nothing). A HEAD builds
// nothing: for a page not kept it gets what the GET would say, but for
// the length and ETag of a body that making would cost a build.
//
// Asked for by another query (the answers in another order, a parameter
// the page does not read), a page is the same, but a shared cache must not
// keep it under that URL: any number of such URLs can be made up, each of
// which would be another copy (a cache in front keys by the whole URL).
// The canonical URL, the one links and the form give, is cached as usual.
func (c *Cache) Respond(w http.ResponseWriter, r *http.Request, status int, key, contentType string, disposition []string, build func() (*Representation, error)) error {
	p := c.lookup(key)
	if p == nil && r.Method == http.MethodHead {
		HeadOnly(w, status, contentType, disposition)
		return nil
	}
	if p == nil {
		var err error
		if p, err = c.Do(r, key, build, func(p *Representation) { c.add(key, p) }); err != nil {
			return err
		}
	}
	if _, canonical, _ := strings.Cut(key, "?"); r.URL.RawQuery != canonical && len(p.cacheControl) == 1 && strings.HasPrefix(p.cacheControl[0], "public") {
		private := *p
		private.cacheControl = []string{"private" + strings.TrimPrefix(p.cacheControl[0], "public")}
		p = &private
	}
	p.Serve(w, r, status)
	return nil
}

var noCache = []string{"no-cache"}

// HeadOnly answers a HEAD of a page not yet made with its status, type and
// attachment name.
func HeadOnly(w http.ResponseWriter, status int, contentType string, disposition []string) {
	h := w.Header()
	h["Content-Type"] = []string{contentType}
	h["Cache-Control"] = noCache
	if disposition != nil {
		h["Content-Disposition"] = disposition
	}
	w.WriteHeader(status)
}

// Served answers a GET of a page kept under kind+"?"+its raw query
// straight from the cache: a shared link's query is the canonical one, so
// the common hit costs neither parsing nor checking the answers. Anything
// else (a miss, a query in another order, a bad one) goes on to the
// handler, which parses and keys the page by its canonical query.
func (c *Cache) Served(kind string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if q := r.URL.RawQuery; q != "" {
				if p := c.lookup(kind + "?" + q); p != nil {
					p.Serve(w, r, http.StatusOK)
					return
				}
			}
			next.ServeHTTP(w, r)
		})
	}
}

// CacheStats are a Cache's counts, for the metrics.
type CacheStats struct {
	Queued, Running, Waiting  int // builds waiting or running; running; requests waiting for one
	Built, Abandoned, Refused int64
}

// Stats returns the cache's counts now.
func (c *Cache) Stats() CacheStats {
	c.mu.Lock()
	waiting := 0
	for _, call := range c.calls {
		waiting += call.waiters
	}
	c.mu.Unlock()
	return CacheStats{Queued: len(c.queued), Running: len(c.builds), Waiting: waiting,
		Built: c.built.Load(), Abandoned: c.abandoned.Load(), Refused: c.refused.Load()}
}
