package serve

import (
	"bufio"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"
)

// lineChan hands each request line to the test as it is written.
type lineChan chan string

func (c lineChan) Write(p []byte) (int, error) {
	c <- string(p)
	return len(p), nil
}

// TestClientGoneOnlyWhenCut: the log says 499 when the client left before
// it had the whole answer, and the status sent when it read the whole
// answer and closed its connection at once, before the handler returned
// (as curl does after a page built on request).
func TestClientGoneOnlyWhenCut(t *testing.T) {
	body := strings.Repeat("x", 10_000)
	tests := []struct {
		name string
		// handle answers; gone is closed once the client has gone.
		handle    func(w http.ResponseWriter, gone <-chan struct{})
		readWhole bool // the client reads the whole answer before closing
		want      string
	}{
		{"read whole, then closed", func(w http.ResponseWriter, gone <-chan struct{}) {
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			io.WriteString(w, body)
			http.NewResponseController(w).Flush()
			<-gone // the handler is still returning when the client closes
		}, true, "status=200"},
		{"closed before the answer", func(w http.ResponseWriter, gone <-chan struct{}) {
			<-gone
			io.WriteString(w, body)
		}, false, "status=499"},
		{"closed before anything was written", func(w http.ResponseWriter, gone <-chan struct{}) {
			<-gone
		}, false, "status=499"},
		{"closed halfway", func(w http.ResponseWriter, gone <-chan struct{}) {
			w.Header().Set("Content-Length", strconv.Itoa(2*len(body)))
			io.WriteString(w, body)
			http.NewResponseController(w).Flush()
			<-gone
			io.WriteString(w, body)
		}, false, "status=499"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			logs := make(lineChan, 1)
			r := chi.NewRouter()
			r.Use(LogRequests(RequestLog{Out: logs, Logger: slog.New(slog.DiscardHandler),
				ClientAddr: func(*http.Request) string { return "" }, Observe: func(string, string, int, time.Duration) {}}))
			r.Get("/", func(w http.ResponseWriter, r *http.Request) { tt.handle(w, r.Context().Done()) })
			srv := httptest.NewServer(r)
			defer srv.Close()

			conn, err := net.Dial("tcp", srv.Listener.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(conn, "GET / HTTP/1.1\r\nHost: guide.test\r\n\r\n")
			if tt.readWhole {
				resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
				if err != nil {
					t.Fatal(err)
				}
				if got, err := io.ReadAll(resp.Body); err != nil || len(got) != len(body) {
					t.Fatalf("read %d bytes (%v), want %d", len(got), err, len(body))
				}
			} else {
				time.Sleep(20 * time.Millisecond) // the request reaches the handler
			}
			conn.Close()
			select {
			case line := <-logs:
				if !strings.Contains(line, " "+tt.want+" ") {
					t.Errorf("log line %q, want %s", line, tt.want)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("no request line")
			}
		})
	}
}
