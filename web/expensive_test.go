package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/guide/pmvspm/web/serve"
)

// The tests of SPEC §8.3: expensive requests, abandoned work. Each drives
// the real server over HTTP; the build slots are filled by the test, so
// that requests queue as they would behind slow builds.

// expensiveServer is a server, its handler on a loopback port and its
// request log.
func expensiveServer(t *testing.T, cfg Config) (*server, *httptest.Server, *syncBuffer) {
	t.Helper()
	var logs syncBuffer
	cfg.RequestLog, cfg.LogFormat = &logs, "json"
	if cfg.Encodings == nil {
		cfg.Encodings = testEncodings(t)
	}
	if cfg.MissBurst == 0 {
		cfg.MissBurst = 1000 // these tests are one client building many pages
	}
	cfg.missPause = time.Millisecond
	s, h, err := newServer(slog.New(slog.NewJSONHandler(&logs, nil)), loadSite(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s, httptestServer(t, h), &logs
}

// holdSlots takes every build slot with builds that wait, as slow builds
// would, until the returned function is called. Its builds count among
// the cache's: held is how many.
func holdSlots(t *testing.T, c *serve.Cache) (release func(), held int64) {
	n := runtime.GOMAXPROCS(0)
	hold := make(chan struct{})
	for i := range n {
		go c.Do(httptest.NewRequest(http.MethodGet, "/", nil), fmt.Sprint("held ", i), func() (*serve.Representation, error) {
			<-hold
			return nil, errors.New("held")
		}, nil)
	}
	waitUntil(t, "every build slot held", func() bool { return c.Stats().Running == n })
	var once sync.Once
	return func() {
		once.Do(func() {
			close(hold)
			waitUntil(t, "every build slot free", func() bool { return c.Stats().Queued == 0 })
		})
	}, int64(n)
}

// waitUntil polls cond until it holds (a deadline only against a hang).
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("never: %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// A request whose client has gone is not built: PDFs asked for while every
// build slot is taken, their clients gone before a slot frees, are never
// built, and the log says 499 for them, not 200.
func TestCancelledWaitersBuildNothing(t *testing.T) {
	t.Parallel()
	s, srv, logs := expensiveServer(t, Config{})
	release, held := holdSlots(t, s.answers)
	defer release()
	sets := answerSets(t, 10)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for _, q := range sets {
		for range 3 { // three clients for each, all gone
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/which-role/brief.pdf?"+q, nil)
			wg.Go(func() {
				if resp, err := testClient.Do(req); err == nil {
					resp.Body.Close()
					t.Errorf("%s: answered %s while every build slot was taken", req.URL, resp.Status)
				}
			})
		}
	}
	// Every request must have reached the server before its client goes:
	// a request cancelled while still on its way is never seen, nor logged.
	waitUntil(t, "thirty waiters for ten queued builds", func() bool {
		st := s.answers.Stats()
		return st.Queued == len(sets)+int(held) && st.Waiting == 3*len(sets)+int(held)
	})
	cancel()
	wg.Wait()
	waitUntil(t, "the abandoned builds dropped", func() bool { return s.answers.Stats().Queued == int(held) })
	release()
	if n := s.answers.Stats().Built - held; n != 0 {
		t.Errorf("%d PDFs built for clients who had gone, want 0", n)
	}
	if n := s.answers.Stats().Abandoned; n != int64(len(sets)) {
		t.Errorf("%d builds abandoned, want %d", n, len(sets))
	}
	log := logs.waitFor(t, `"status":499`)
	if n := strings.Count(log, `"status":499`); n != 3*len(sets) {
		waitUntil(t, "30 lines of 499", func() bool { return strings.Count(logs.String(), `"status":499`) == 3*len(sets) })
	}
	if strings.Contains(logs.String(), `"status":200`) {
		t.Errorf("a request whose client had gone was logged 200:\n%s", logs.String())
	}
	// A client who stays gets the PDF, built once.
	r := get(t, srv, "/which-role/brief.pdf?"+sets[0])
	wantStatus(t, r, http.StatusOK)
	if n := s.answers.Stats().Built - held; n != 1 {
		t.Errorf("%d builds after one request, want 1", n)
	}
}

// The builds waiting for a slot are bounded: past the bound a miss is
// answered 503 with Retry-After at once, the waiting ones are served when
// slots free, and cache hits are served throughout.
func TestFullQueueGives503(t *testing.T) {
	t.Parallel()
	s, srv, _ := expensiveServer(t, Config{})
	hit := "/which-role/result?" + answerSets(t, 1)[0]
	wantStatus(t, get(t, srv, hit), http.StatusOK)
	release, held := holdSlots(t, s.answers)
	defer release()
	n := serve.MaxQueued() - int(held)
	sets := answerSets(t, n+2)[1:]
	statuses := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			resp, err := testClient.Get(srv.URL + "/which-role/result?" + sets[i])
			if err != nil {
				t.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			statuses[i] = resp.StatusCode
		})
	}
	waitUntil(t, "the queue full", func() bool { return s.answers.Stats().Queued == serve.MaxQueued() })
	r := get(t, srv, "/which-role/result?"+sets[n])
	wantStatus(t, r, http.StatusServiceUnavailable)
	if secs, err := strconv.Atoi(r.Header.Get("Retry-After")); err != nil || secs < 1 {
		t.Errorf("503 with Retry-After %q", r.Header.Get("Retry-After"))
	}
	check(t, r.doc(t), in("h1", hasText(s.site.Words.Errors.Busy.Heading)))
	wantStatus(t, get(t, srv, hit), http.StatusOK) // a hit is never queued
	release()
	wg.Wait()
	for i, st := range statuses {
		if st != http.StatusOK {
			t.Errorf("queued request %d: status %d, want 200", i, st)
		}
	}
}

// A HEAD of an answer page that is not kept builds nothing: it says what
// the GET would (status, type, attachment name) without a body or length.
func TestHeadBuildsNothing(t *testing.T) {
	t.Parallel()
	s, srv, _ := expensiveServer(t, Config{})
	q := answerSets(t, 1)[0]
	paths := []string{"/which-role/brief.pdf?", "/which-role/brief?", "/which-role/brief.md?", "/which-role/result?", "/which-role/job-ad.txt?", "/which-role?"}
	heads := map[string]response{}
	for _, path := range paths {
		req, _ := http.NewRequest(http.MethodHead, srv.URL+path+q, nil)
		heads[path] = do(t, req)
		wantStatus(t, heads[path], http.StatusOK)
	}
	var c *card
	for _, c = range s.cards {
		break
	}
	req, _ := http.NewRequest(http.MethodHead, srv.URL+c.path(), nil)
	wantStatus(t, do(t, req), http.StatusOK)
	if n := s.answers.Stats().Built; n != 0 || c.png.Load() != nil {
		t.Fatalf("HEADs of pages not yet made: %d built, card drawn %v; want none", n, c.png.Load() != nil)
	}
	for _, path := range paths {
		got := get(t, srv, path+q)
		for _, h := range []string{"Content-Type", "Content-Disposition"} {
			if heads[path].Header.Get(h) != got.Header.Get(h) {
				t.Errorf("HEAD %s: %s %q, the GET's %q", path, h, heads[path].Header.Get(h), got.Header.Get(h))
			}
		}
	}
}

// Cards are drawn inside the same bound as answer pages: while every build
// slot is taken a card waits for one, and its client leaving draws nothing.
func TestCardsInsideTheBound(t *testing.T) {
	t.Parallel()
	s, srv, _ := expensiveServer(t, Config{})
	release, held := holdSlots(t, s.answers)
	defer release()
	var c *card
	for _, c = range s.cards {
		break
	}
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+c.path(), nil)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if resp, err := testClient.Do(req); err == nil {
			resp.Body.Close()
			t.Errorf("card answered %s while every build slot was taken", resp.Status)
		}
	}()
	waitUntil(t, "the card queued", func() bool { return s.answers.Stats().Queued == 1+int(held) })
	cancel()
	<-done
	waitUntil(t, "the card's draw dropped", func() bool { return s.answers.Stats().Queued == int(held) })
	release()
	if c.png.Load() != nil || s.answers.Stats().Built != held {
		t.Fatal("a card was drawn for a client who had gone")
	}
	r := get(t, srv, c.path())
	wantStatus(t, r, http.StatusOK)
	if r.Header.Get("Content-Type") != "image/png" || s.answers.Stats().Built != held+1 {
		t.Errorf("card: %s, %d draws", r.Header.Get("Content-Type"), s.answers.Stats().Built-held)
	}
}

// Misses are budgeted per client: an IPv4 address, an IPv6 /64, and the
// /48 around it (serve.WideFactor clients' worth), with 429 and Retry-After past
// the budget. Hits are never limited. Form posts have the same /48 bucket.
func TestMissBudget(t *testing.T) {
	t.Parallel()
	s, srv, _ := expensiveServer(t, Config{TrustProxy: true, MissBurst: 2, MissRate: time.Hour, PostBurst: 1, PostRate: time.Hour})
	sets := answerSets(t, 40)
	next := 0
	miss := func(ip string) response {
		next++
		return get(t, srv, "/which-role/brief.md?"+sets[next], "X-Forwarded-For", ip)
	}
	// One IPv4 address: two misses, then 429; a page already made is served.
	wantStatus(t, miss("192.0.2.1"), http.StatusOK)
	wantStatus(t, miss("192.0.2.1"), http.StatusOK)
	r := miss("192.0.2.1")
	wantStatus(t, r, http.StatusTooManyRequests)
	if secs, err := strconv.Atoi(r.Header.Get("Retry-After")); err != nil || secs < 1 {
		t.Errorf("429 with Retry-After %q", r.Header.Get("Retry-After"))
	}
	wantStatus(t, get(t, srv, "/which-role/brief.md?"+sets[1], "X-Forwarded-For", "192.0.2.1"), http.StatusOK)
	wantStatus(t, miss("192.0.2.2"), http.StatusOK) // another address
	// A card is a miss like any other, until drawn.
	for _, c := range s.cards {
		wantStatus(t, get(t, srv, c.path(), "X-Forwarded-For", "192.0.2.1"), http.StatusTooManyRequests)
		break
	}

	// One IPv6 /64: every address in it is one client.
	wantStatus(t, miss("2001:db8:1:1::1"), http.StatusOK)
	wantStatus(t, miss("2001:db8:1:1::2"), http.StatusOK)
	wantStatus(t, miss("2001:db8:1:1:ffff::3"), http.StatusTooManyRequests)
	// Its /48 has serve.WideFactor clients' budget, however many /64s ask.
	ok := 2
	for i := 2; i < 2+2*serve.WideFactor; i++ {
		if miss(fmt.Sprintf("2001:db8:1:%x::1", i)).StatusCode == http.StatusOK {
			ok++
		}
	}
	if ok != 2*serve.WideFactor {
		t.Errorf("one /48 rotating its /64s: %d misses allowed, want %d", ok, 2*serve.WideFactor)
	}
	wantStatus(t, miss("2001:db8:2::1"), http.StatusOK) // another /48

	// Posts: the same /48 bucket.
	posted := 0
	for i := range 2 * serve.WideFactor {
		if postForm(t, srv, "/which-role", "", "X-Forwarded-For", fmt.Sprintf("2001:db8:3:%x::1", i)).StatusCode != http.StatusTooManyRequests {
			posted++
		}
	}
	if posted != serve.WideFactor {
		t.Errorf("posts from one /48's /64s: %d allowed, want %d", posted, serve.WideFactor)
	}
}

// An answer page asked for by a query other than its canonical one (junk
// added, the answers in another order) is the same page, but not for a
// shared cache to keep under that URL: junk cannot split a cache in front.
func TestJunkQueryNotShared(t *testing.T) {
	t.Parallel()
	_, srv, _ := expensiveServer(t, Config{})
	q := answerSets(t, 1)[0]
	for _, path := range []string{"/which-role/result?", "/which-role/brief.pdf?", "/which-role/brief?", "/which-role/job-ad.md?", "/which-role?"} {
		canonical := get(t, srv, path+q)
		junk := get(t, srv, path+q+"&r=12345")
		wantStatus(t, canonical, http.StatusOK)
		wantStatus(t, junk, http.StatusOK)
		if cc := canonical.Header.Get("Cache-Control"); !strings.HasPrefix(cc, "public") {
			t.Errorf("%s (canonical): Cache-Control %q, want public", path, cc)
		}
		if cc := junk.Header.Get("Cache-Control"); !strings.HasPrefix(cc, "private") {
			t.Errorf("%s with junk: Cache-Control %q, want private", path, cc)
		}
		if string(junk.body) != string(canonical.body) {
			t.Errorf("%s with junk: another page", path)
		}
	}
}
