package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// With stdout a pipe that nobody reads, requests keep being answered: the
// log drops lines instead of waiting, and says how many once it drains.
func TestStalledStdoutNeverBlocks(t *testing.T) {
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	defer pw.Close()
	addr, cancel, done := startWriting(t, pw, nil)
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
	// Each request logs a line of about 700 bytes (path and user agent are
	// cut to 256 bytes each): 2,400 of them are half as much again as the sink
	// (1 MiB) and the pipe (64 KiB) hold together. Four clients at once.
	path := "/" + strings.Repeat("p", 300) // a 404, prerendered
	long := strings.Repeat("a", 300)
	const clients, each = 4, 600
	finished := make(chan error, clients)
	for c := range clients {
		go func() {
			for i := range each {
				req, _ := http.NewRequest("GET", "http://"+addr+path, nil)
				req.Header.Set("User-Agent", long)
				resp, err := client.Do(req)
				if err != nil {
					finished <- fmt.Errorf("client %d, request %d: %w", c, i, err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusNotFound {
					finished <- fmt.Errorf("client %d, request %d: %s", c, i, resp.Status)
					return
				}
			}
			finished <- nil
		}()
	}
	timeout := time.After(2 * time.Minute)
	for range clients {
		select {
		case err := <-finished:
			if err != nil {
				t.Fatal(err)
			}
		case <-timeout:
			t.Fatal("requests hang while nobody reads stdout")
		}
	}
	// Now read stdout: the sink drains and reports what it dropped.
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			if strings.Contains(sc.Text(), "dropped") {
				lines <- sc.Text()
				return
			}
		}
	}()
	client.Get("http://" + addr + "/faq") // wakes the sink's writer once more
	select {
	case line := <-lines:
		if !strings.Contains(line, "log lines") {
			t.Errorf("drop report: %s", line)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no report of dropped lines once stdout drained")
	}
	cancel()
	go io.Copy(io.Discard, pr)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// Keep-alive clients sending requests back to back across a SIGTERM lose
// none: during the drain every answer says Connection: close and /healthz
// says 503, so each client, like a load balancer, stops using the server
// after its current answer instead of writing onto a connection that
// Shutdown closes.
func TestDrainLosesNoRequest(t *testing.T) {
	addr, cancel, done := startWriting(t, io.Discard, nil, "-drain", "400ms")
	const clients = 16
	var lost, served, closed atomic.Int64
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range clients {
		wg.Go(func() {
			var conn net.Conn
			var br *bufio.Reader
			defer func() {
				if conn != nil {
					conn.Close()
				}
			}()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if conn == nil {
					// Reconnect only while the server says it is healthy.
					resp, err := http.Get("http://" + addr + "/healthz")
					if err != nil {
						return
					}
					resp.Body.Close()
					if resp.StatusCode != http.StatusOK {
						return
					}
					if conn, err = net.Dial("tcp", addr); err != nil {
						return
					}
					br = bufio.NewReader(conn)
				}
				conn.SetDeadline(time.Now().Add(10 * time.Second))
				if _, err := io.WriteString(conn, "GET /compare HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
					lost.Add(1)
					return
				}
				resp, err := http.ReadResponse(br, nil)
				if err != nil {
					lost.Add(1)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				served.Add(1)
				if resp.Close {
					closed.Add(1)
					conn.Close()
					conn = nil
				}
			}
		})
	}
	time.Sleep(300 * time.Millisecond)
	cancel() // SIGTERM
	if err := <-done; err != nil {
		t.Errorf("run: %v", err)
	}
	close(stop)
	wg.Wait()
	if lost.Load() != 0 || closed.Load() < clients {
		t.Errorf("served %d, lost %d requests; %d answers said Connection: close", served.Load(), lost.Load(), closed.Load())
	}
}

// The header limit is 16 KiB in all (net/http adds 4 KiB to MaxHeaderBytes).
func TestHeaderLimit(t *testing.T) {
	addr, _, _, _ := start(t, nil)
	for _, tt := range []struct {
		size int
		want int
	}{{15 << 10, http.StatusOK}, {17 << 10, http.StatusRequestHeaderFieldsTooLarge}} {
		req, _ := http.NewRequest("GET", "http://"+addr+"/compare", nil)
		req.Header.Set("X-Padding", strings.Repeat("a", tt.size))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.want {
			t.Errorf("%d KiB of headers: %d, want %d", tt.size>>10, resp.StatusCode, tt.want)
		}
	}
}

func TestWarnsOnHTTPSWithHTTPBaseURL(t *testing.T) {
	// The tests' base URL (see startWriting), here from the environment.
	_, cancel, done, stdout := start(t, map[string]string{"HTTPS": "true", "BASE_URL": "http://guide.test"})
	cancel()
	<-done
	if !strings.Contains(stdout.String(), "level=WARN") || !strings.Contains(stdout.String(), "http://guide.test") {
		t.Errorf("no warning:\n%s", stdout.String())
	}
}
