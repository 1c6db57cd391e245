package main

import (
	"bytes"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestAsyncWriterKeepsEveryLineInOrder(t *testing.T) {
	var out lockedBuffer
	w := newAsyncWriter(&out, time.Hour) // only Close flushes
	for i := range 1000 {
		fmt.Fprintf(w, "line %d\n", i)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 1000 || lines[0] != "line 0" || lines[999] != "line 999" {
		t.Fatalf("got %d lines, first %q, last %q", len(lines), lines[0], lines[len(lines)-1])
	}
}

func TestAsyncWriterFlushesOnItsOwn(t *testing.T) {
	var out lockedBuffer
	w := newAsyncWriter(&out, 10*time.Millisecond)
	defer w.Close()
	fmt.Fprintln(w, "hello")
	deadline := time.Now().Add(2 * time.Second)
	for !strings.Contains(out.String(), "hello") {
		if time.Now().After(deadline) {
			t.Fatal("line never flushed")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestAsyncWriterConcurrent(t *testing.T) {
	var out bytes.Buffer
	w := newAsyncWriter(&out, time.Millisecond)
	logger := slog.New(slog.NewJSONHandler(w, nil))
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				logger.Info("request", "g", g, "i", i)
			}
		})
	}
	wg.Wait()
	w.Close()
	if n := strings.Count(out.String(), "\n"); n != 1600 {
		t.Errorf("%d lines, want 1600", n)
	}
}

// BenchmarkRequestLog compares a request log line written straight to a
// file with one written through the asynchronous buffer:
//
//	go test ./cmd/guide -run '^$' -bench RequestLog -benchmem
func BenchmarkRequestLog(b *testing.B) {
	for _, mode := range []string{"sync", "async"} {
		b.Run(mode, func(b *testing.B) {
			f, err := os.Create(filepath.Join(b.TempDir(), "log"))
			if err != nil {
				b.Fatal(err)
			}
			defer f.Close()
			var h slog.Handler = slog.NewTextHandler(f, nil)
			if mode == "async" {
				w := newAsyncWriter(f, 200*time.Millisecond)
				defer w.Close()
				h = slog.NewTextHandler(w, nil)
			}
			logger := slog.New(h)
			b.ReportAllocs()
			for b.Loop() {
				logger.Info("request", "method", "GET", "path", "/guide", "status", 200, "bytes", 5128,
					"duration", 41*time.Microsecond, "request_id", "9cec7315-3")
			}
		})
	}
}
