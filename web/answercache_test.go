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
	if n := s.answers.Stats().Built; n != 1 {
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
	if n := s.answers.Stats().Built; n != 21 {
		t.Errorf("20 new results, 10 clients each: %d builds in all, want 21", n)
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
	if n := s.answers.Stats().Built; n != 1 {
		t.Errorf("%d builds, want 1", n)
	}
}
