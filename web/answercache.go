package web

import (
	"container/list"
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
)

// The answer cache keeps the pages built for a questionnaire's answers (the
// result, the brief in each format, the pre-filled form) by "kind?canonical
// query". The key space is large (thousands of answer sets, each in several
// formats) and any client can walk it, so the cache is bounded by design:
//
//   - at most maxAnswerBytes of bodies (every encoding counted, each held
//     in a slice of exactly its size) plus answerEntryOverhead per entry;
//     the page used least recently is dropped first;
//   - concurrent misses for one key build it once, and at most GOMAXPROCS
//     builds run at once, however many keys are missed, so the memory a
//     burst of new keys takes is a few builds' worth;
//   - the builds waiting for a slot are bounded too (maxQueued keys): past
//     that a miss is answered 503 with Retry-After at once, for the cost of
//     a prerendered page;
//   - work for a client who has gone is not done: a request waits for its
//     build as long as its client does, and a build whose every waiter has
//     left before it started is not started (one already running finishes
//     and is kept: it is paid for);
//   - at shutdown (Health.Stop) the builds not yet started are dropped and
//     their waiters answered 503, so that the shutdown waits for a few
//     running builds, not for a queue.
//
// Cache hits cost none of this, and the misses each client may cause are
// budgeted too (serve.Limiter; allow in errors.go).
const (
	maxAnswerBytes = 8 << 20
	// answerEntryOverhead is what an entry costs beside its bodies: the key,
	// the list element, the representation and its header slices.
	answerEntryOverhead = 512
)

// maxQueued is how many builds (distinct keys) may wait or run at once: a
// few hundred milliseconds of work on two cores, far more than real
// visitors' first views of new answers ever need at one moment.
func maxQueued() int { return max(64, 16*runtime.GOMAXPROCS(0)) }

var (
	// errBusy: the build queue is full.
	errBusy = errors.New("too many pages waiting to be built")
	// errStopping: the server is shutting down; the build was dropped.
	errStopping = errors.New("shutting down: build not started")
	// errAbandoned: every client waiting for the build had gone.
	errAbandoned = errors.New("every client waiting for the build has gone")
)

type answerCache struct {
	max    int
	builds chan struct{}   // semaphore: one token per running build
	queued chan struct{}   // one token per build waiting or running
	stop   <-chan struct{} // closed at shutdown (nil: never)

	mu      sync.Mutex
	entries map[string]*list.Element // of *answerEntry
	order   list.List                // front: used most recently
	bytes   int
	calls   map[string]*buildCall // builds waiting or running, by key

	built     atomic.Int64 // builds run, for the metrics and the tests
	abandoned atomic.Int64 // builds not started: every waiter had gone
	refused   atomic.Int64 // misses answered 503: the queue was full or the server stopping
}

// A buildCall is one build of one key, and the requests waiting for it.
type buildCall struct {
	done    chan struct{} // closed when page and err are set
	gone    chan struct{} // closed when every waiter left before the start
	waiters int           // under answerCache.mu
	started bool          // under answerCache.mu
	page    *representation
	err     error
}

type answerEntry struct {
	key  string
	page *representation
	size int
}

func newAnswerCache(maxBytes int, stop <-chan struct{}) *answerCache {
	return &answerCache{
		max:     maxBytes,
		builds:  make(chan struct{}, runtime.GOMAXPROCS(0)),
		queued:  make(chan struct{}, maxQueued()),
		stop:    stop,
		entries: map[string]*list.Element{},
		calls:   map[string]*buildCall{},
	}
}

// get returns the page kept under key, building and keeping it on a miss,
// for as long as ctx (the request's) lasts.
func (c *answerCache) get(ctx context.Context, key string, admit func() error, build func() (*representation, error)) (*representation, error) {
	if p := c.lookup(key); p != nil {
		return p, nil
	}
	return c.do(ctx, key, admit, build, func(p *representation) { c.add(key, p) })
}

// do runs build for key in a build slot, once however many ask at once,
// if admit (the client's budget: nil, none) lets a new build start, and
// gives its page to keep (in the build's goroutine, so that a build
// finished after its clients left is still kept). A caller waits until the
// page is made or ctx is done; a build not started when its last caller
// leaves is dropped.
func (c *answerCache) do(ctx context.Context, key string, admit func() error, build func() (*representation, error), keep func(*representation)) (*representation, error) {
	c.mu.Lock()
	call := c.calls[key]
	if call == nil {
		if admit != nil {
			if err := admit(); err != nil {
				c.mu.Unlock()
				return nil, err
			}
		}
		select {
		case c.queued <- struct{}{}:
		default:
			c.mu.Unlock()
			c.refused.Add(1)
			return nil, errBusy
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
func (c *answerCache) forget(key string, call *buildCall) {
	if c.calls[key] == call {
		delete(c.calls, key)
	}
}

// run waits for a build slot, unless every waiter leaves or the server
// stops first, and then builds.
func (c *answerCache) run(key string, call *buildCall, build func() (*representation, error), keep func(*representation)) {
	defer func() { <-c.queued }()
	finish := func(p *representation, err error) {
		c.mu.Lock()
		c.forget(key, call)
		c.mu.Unlock()
		call.page, call.err = p, err
		close(call.done)
	}
	select {
	case c.builds <- struct{}{}:
	case <-call.gone:
		c.abandoned.Add(1)
		finish(nil, errAbandoned)
		return
	case <-c.stop:
		c.refused.Add(1)
		finish(nil, errStopping)
		return
	}
	defer func() { <-c.builds }()
	c.mu.Lock()
	select {
	case <-call.gone: // the last waiter left as the slot came free
		c.mu.Unlock()
		c.abandoned.Add(1)
		finish(nil, errAbandoned)
		return
	case <-c.stop:
		c.mu.Unlock()
		c.refused.Add(1)
		finish(nil, errStopping)
		return
	default:
	}
	call.started = true
	c.mu.Unlock()
	c.built.Add(1)
	p, err := safeBuild(key, build)
	if err == nil {
		keep(p)
	}
	finish(p, err)
}

// safeBuild is build, with a panic turned into an error: a build runs in a
// goroutine of its own, where a panic would end the process.
func safeBuild(key string, build func() (*representation, error)) (p *representation, err error) {
	defer func() {
		if v := recover(); v != nil {
			p, err = nil, fmt.Errorf("building %s: panic: %v\n%s", key, v, debug.Stack())
		}
	}()
	return build()
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

// serveCached serves the HTML page kept under key ("kind?canonical
// query"), building it on a miss (see cached).
func (s *server) serveCached(w http.ResponseWriter, r *http.Request, key string, build func() (*representation, error)) error {
	p, err := s.cached(r, key, build)
	if err != nil {
		return err
	}
	if p == nil {
		headOnly(w, http.StatusOK, htmlType, nil)
		return nil
	}
	_, query, _ := strings.Cut(key, "?")
	serveAnswer(w, r, p, query)
	return nil
}

// serveAnswer serves an answer page made for the canonical query. Asked
// for by another query (the answers in another order, a parameter the page
// does not read), it is the same page, but a shared cache must not keep it
// under that URL: any number of such URLs can be made up, each of which
// would be another copy (a cache in front keys by the whole URL). The
// canonical URL, the one links and the form give, is cached as usual.
func serveAnswer(w http.ResponseWriter, r *http.Request, p *representation, canonical string) {
	if r.URL.RawQuery != canonical && len(p.cacheControl) == 1 && strings.HasPrefix(p.cacheControl[0], "public") {
		private := *p
		private.cacheControl = []string{"private" + strings.TrimPrefix(p.cacheControl[0], "public")}
		p = &private
	}
	p.serve(w, r, http.StatusOK)
}

// cached returns the page kept under key, building it on a miss: within
// the client's budget of misses (429 past it: a miss that joins a build
// already under way costs nothing), for as long as the client waits (the
// build queue: see answerCache). A HEAD builds nothing: when the
// page is not kept it gets a nil page, for headOnly.
func (s *server) cached(r *http.Request, key string, build func() (*representation, error)) (*representation, error) {
	if p := s.answers.lookup(key); p != nil {
		return p, nil
	}
	if r.Method == http.MethodHead {
		return nil, nil
	}
	return s.answers.get(r.Context(), key, s.missBudget(r), build)
}

// missBudget admits a new build for r's client while its budget of misses
// lasts.
func (s *server) missBudget(r *http.Request) func() error {
	return func() error { return s.allow(s.misses, r, s.cfg.missPause) }
}

var noCache = []string{"no-cache"}

// headOnly answers a HEAD of a page not yet made with its status, type and
// attachment name: what the GET would say, but for the length and ETag of
// a body that making would cost a build.
func headOnly(w http.ResponseWriter, status int, contentType string, disposition []string) {
	h := w.Header()
	h["Content-Type"] = []string{contentType}
	h["Cache-Control"] = noCache
	if disposition != nil {
		h["Content-Disposition"] = disposition
	}
	w.WriteHeader(status)
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
