package main

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/guide/pmvspm/web/decision"
)

// metricValue reads one unlabelled sample from the metrics listener.
func metricValue(t *testing.T, metricsAddr, name string) float64 {
	t.Helper()
	resp, err := http.Get("http://" + metricsAddr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	m := regexp.MustCompile(`(?m)^` + name + ` (\S+)$`).FindSubmatch(body)
	if m == nil {
		t.Fatalf("no %s in the metrics", name)
	}
	v, _ := strconv.ParseFloat(string(m[1]), 64)
	return v
}

// waitMetric polls a metric until cond holds of it.
func waitMetric(t *testing.T, metricsAddr, name string, cond func(float64) bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond(metricValue(t, metricsAddr, name)) {
		if time.Now().After(deadline) {
			t.Fatalf("%s never reached what the test waits for (now %v)", name, metricValue(t, metricsAddr, name))
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// The site's connections are capped: at the cap a new connection waits
// until one closes, while those open keep working; an idle keep-alive
// connection is closed first to make room.
func TestConnectionCap(t *testing.T) {
	metricsAddr := freeAddr(t)
	addr, _, _, _ := start(t, nil, "-max-conns", "4", "-metrics-addr", metricsAddr, "-read-header-timeout", "1m")
	// start's health checks left no connection open (each closed its
	// response's body, so one may be idle): make room for four silent ones.
	var silent []net.Conn
	for range 4 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		silent = append(silent, c)
	}
	waitMetric(t, metricsAddr, "guide_connections_open", func(v float64) bool { return v == 4 })

	fifth := make(chan error, 1)
	go func() {
		client := &http.Client{Transport: &http.Transport{}}
		resp, err := client.Get("http://" + addr + "/guide")
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				err = errors.New(resp.Status)
			}
		}
		fifth <- err
	}()
	waitMetric(t, metricsAddr, "guide_connections_waiting", func(v float64) bool { return v == 1 })
	select {
	case err := <-fifth:
		t.Fatalf("a fifth connection was served with four open and a cap of four (%v)", err)
	default:
	}
	if open := metricValue(t, metricsAddr, "guide_connections_open"); open != 4 {
		t.Fatalf("%v connections open, cap 4", open)
	}
	silent[0].Close()
	if err := <-fifth; err != nil {
		t.Fatalf("the waiting connection, once one closed: %v", err)
	}

	// Now the fifth client's connection is idle (keep-alive) and the
	// other three silent: a new client gets the idle one's place.
	shed := metricValue(t, metricsAddr, "guide_connections_shed_total")
	client := &http.Client{Transport: &http.Transport{}}
	resp, err := client.Get("http://" + addr + "/compare")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("new client at the cap with one idle connection: %s", resp.Status)
	}
	if now := metricValue(t, metricsAddr, "guide_connections_shed_total"); now != shed+1 {
		t.Errorf("idle connections shed: %v, want %v", now, shed+1)
	}
}

// SIGTERM with builds queued: the queued ones are dropped (their clients
// get 503 with Retry-After, not a cut connection), the running ones
// finish, and the program stops cleanly, saying so, within the timeout.
// The queue: every social card (about 120 ms each to draw) and PDFs, more
// work than the shutdown timeout allows.
func TestShutdownWithQueueExitsZero(t *testing.T) {
	metricsAddr := freeAddr(t)
	// Long enough for the builds running (a card or two), short of the
	// queue's work; the race detector makes a build many times slower.
	timeout := "1s"
	if raceDetector {
		timeout = "15s"
	}
	addr, cancel, done, stdout := start(t, nil, "-miss-budget", "100000", "-shutdown-timeout", timeout, "-metrics-addr", metricsAddr)
	paths := cardPaths(t, addr)
	for _, q := range answerQueries(t, 60-len(paths)) {
		paths = append(paths, "/which-role/brief.pdf?"+q)
	}
	statuses := make(chan int, len(paths))
	var wg sync.WaitGroup
	for _, p := range paths {
		wg.Go(func() {
			client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
			resp, err := client.Get("http://" + addr + p)
			if err != nil {
				// One still connecting when the listener closed: a drain
				// (here 0) is for those.
				t.Logf("not served: %v", err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusServiceUnavailable && resp.Header.Get("Retry-After") == "" {
				t.Error("503 without Retry-After")
			}
			statuses <- resp.StatusCode
		})
	}
	// The SIGTERM comes with a queue.
	waitMetric(t, metricsAddr, "guide_builds_queued", func(v float64) bool { return v >= 20 })
	cancel()
	wg.Wait()
	close(statuses)
	counts := map[int]int{}
	for s := range statuses {
		counts[s]++
	}
	if len(counts) > 2 || counts[503] == 0 {
		t.Errorf("answers: %v; want each 200 or 503, the queued ones 503", counts)
	}
	if strings.Contains(stdout.String(), "shutdown timeout reached") {
		t.Error("the shutdown waited for the queue until its timeout")
	}
	if err := <-done; err != nil {
		t.Fatalf("run: %v, want a clean stop", err)
	}
	if !strings.Contains(stdout.String(), "msg=stopped") {
		t.Errorf("no stop line:\n%s", tail(stdout.String(), 600))
	}
}

// cardPaths are the social cards the site's pages (its sitemap's) name.
func cardPaths(t *testing.T, addr string) []string {
	t.Helper()
	body := func(url string) string {
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	seen := map[string]bool{}
	var out []string
	for _, m := range regexp.MustCompile(`<loc>https?://[^/<]+(/[^<]*)</loc>`).FindAllStringSubmatch(body("http://"+addr+"/sitemap.xml"), -1) {
		for _, c := range regexp.MustCompile(`/static/cards/card\.[0-9a-f]+\.png`).FindAllString(body("http://"+addr+m[1]), -1) {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	if len(out) < 10 {
		t.Fatalf("only %d cards named by the sitemap's pages", len(out))
	}
	return out
}

// answerQueries is n distinct answer sets' canonical queries (n up to 72:
// each goal with each decider and each size).
func answerQueries(t *testing.T, n int) []string {
	t.Helper()
	var out []string
	for _, goal := range decision.Fields[0].Values {
		for _, d := range decision.Fields[2].Values {
			for _, cx := range decision.Fields[4].Values {
				a := decision.Answers{Goal: goal, Decider: d, Complexity: cx, Hires: decision.Fields[5].Values[0]}
				if goal == "internal-system" {
					a.CustomerFacing = decision.Fields[3].Values[0]
				}
				out = append(out, a.Query())
			}
		}
	}
	if len(out) < n {
		t.Fatalf("only %d answer sets, want %d", len(out), n)
	}
	return out[:n]
}

func tail(s string, n int) string { return s[max(0, len(s)-n):] }

// With stdout failing every write (a full disk: /dev/full), the lines lost
// are counted in guide_log_lines_dropped_total.
func TestDroppedLinesCountedOnWriteError(t *testing.T) {
	metricsAddr := freeAddr(t)
	addr, _, _ := startWriting(t, failingWriter{}, nil, "-metrics-addr", metricsAddr)
	for range 5 {
		resp, err := http.Get("http://" + addr + "/guide")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	waitMetric(t, metricsAddr, "guide_log_lines_dropped_total", func(v float64) bool { return v >= 5 })
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// -dev listens on loopback whatever PORT says.
func TestDevBindsLoopbackWithPort(t *testing.T) {
	_, port, _ := net.SplitHostPort(freeAddr(t))
	var stdout lockedBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- runWith(ctx, sharedEncodings, []string{"guide", "-dev", "-content", contentDir(t), "-base-url", "http://guide.test"},
			func(k string) string { return map[string]string{"PORT": port}[k] }, &stdout, io.Discard)
	}()
	defer func() {
		cancel()
		<-done
	}()
	deadline := time.Now().Add(2 * time.Minute)
	for !strings.Contains(stdout.String(), "msg=serving") {
		if time.Now().After(deadline) {
			t.Fatalf("never served:\n%s", stdout.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if want := "addr=127.0.0.1:" + port + " interfaces=loopback"; !strings.Contains(stdout.String(), want) {
		t.Errorf("-dev with PORT=%s: want %q in\n%s", port, want, stdout.String())
	}
}

// TestIdleListOrder: the idle connections come off the list the one idle
// longest first, whichever of them went active again in between.
func TestIdleListOrder(t *testing.T) {
	var l idleList
	c := make([]*limitedConn, 4)
	for i := range c {
		c[i] = &limitedConn{}
		l.push(c[i])
	}
	l.remove(c[1]) // active again
	l.remove(c[3])
	l.push(c[1]) // idle again: now the newest
	var got []*limitedConn
	for l.first != nil {
		got = append(got, l.first)
		l.remove(l.first)
	}
	if want := []*limitedConn{c[0], c[2], c[1]}; !slices.Equal(got, want) || l.last != nil {
		t.Errorf("idle order %v, want %v (last %v)", got, want, l.last)
	}
}
