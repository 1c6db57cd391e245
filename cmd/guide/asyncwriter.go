package main

import (
	"bufio"
	"io"
	"sync"
	"time"
)

// asyncWriter buffers log lines in memory and flushes them every interval
// and on Close, so that a request never waits on a write to stdout.
type asyncWriter struct {
	mu   sync.Mutex
	buf  *bufio.Writer
	done chan struct{}
	wg   sync.WaitGroup
}

func newAsyncWriter(w io.Writer, every time.Duration) *asyncWriter {
	a := &asyncWriter{buf: bufio.NewWriterSize(w, 64<<10), done: make(chan struct{})}
	a.wg.Go(func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				a.flush()
			case <-a.done:
				return
			}
		}
	})
	return a
}

func (a *asyncWriter) Write(p []byte) (int, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.buf.Write(p)
}

func (a *asyncWriter) flush() {
	a.mu.Lock()
	a.buf.Flush()
	a.mu.Unlock()
}

// Close stops the flusher and writes what is left.
func (a *asyncWriter) Close() error {
	close(a.done)
	a.wg.Wait()
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.buf.Flush()
}
