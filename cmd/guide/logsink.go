package main

import (
	"bytes"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// logSink takes log lines without ever blocking the caller: Write appends
// the line to an in-memory buffer and returns; one goroutine writes the
// buffer to the real output. If the output stalls (stdout a pipe nobody
// reads) the buffer fills and further lines are dropped and counted, so a
// request never waits and memory stays bounded (two buffers of size max).
// Once the output takes writes again, the sink says how many were lost.
// Lines a write fails to deliver (an error: a full disk, a closed pipe)
// are counted as dropped too.
//
// The writer waits for the interval every between batches, so that under
// load a batch holds many lines (one write, one wake-up) instead of one; a
// line reaches the output at most about that interval after it was logged.
// max must hold an interval's worth of lines at the peak rate: 1 MiB is
// 3,000 lines of 300 bytes (fields are cut to 256 bytes), 150,000 a second.
type logSink struct {
	out   io.Writer
	max   int
	every time.Duration
	note  func(dropped uint64) // logs the count of dropped lines; set before the first Write

	mu      sync.Mutex
	buf     []byte // lines waiting for the writer
	closed  bool
	wake    chan struct{} // capacity 1: there is something to write
	done    chan struct{} // closed when the writer has stopped
	dropped atomic.Uint64 // since start, for metrics
	unsaid  atomic.Uint64 // dropped and not yet reported
}

func newLogSink(out io.Writer, max int, every time.Duration) *logSink {
	s := &logSink{out: out, max: max, every: every, buf: make([]byte, 0, max),
		wake: make(chan struct{}, 1), done: make(chan struct{})}
	go s.run()
	return s
}

// Write queues one or more whole lines; it never blocks on the output.
func (s *logSink) Write(p []byte) (int, error) {
	s.mu.Lock()
	if s.closed || len(s.buf)+len(p) > s.max {
		s.mu.Unlock()
		s.dropped.Add(1)
		s.unsaid.Add(1)
		return len(p), nil
	}
	s.buf = append(s.buf, p...)
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
	return len(p), nil
}

// Dropped is how many lines were dropped since start.
func (s *logSink) Dropped() uint64 { return s.dropped.Load() }

func (s *logSink) run() {
	defer close(s.done)
	spare := make([]byte, 0, s.max)
	for range s.wake {
		s.mu.Lock()
		batch := s.buf
		s.buf = spare[:0]
		closed := s.closed
		s.mu.Unlock()
		// The last write has returned, so the output takes lines again, and
		// the buffer is empty, so the note fits: say what was lost.
		if n := s.unsaid.Swap(0); n > 0 && s.note != nil && !closed {
			s.note(n)
		}
		if len(batch) > 0 {
			// May block: only this goroutine waits. The lines a failed
			// write did not finish (stdout a full disk, a closed pipe) are
			// lost: counted like those dropped.
			if n, err := s.out.Write(batch); err != nil || n < len(batch) {
				n = max(0, min(n, len(batch)))
				start := bytes.LastIndexByte(batch[:n], '\n') + 1
				if lost := uint64(bytes.Count(batch[start:], []byte{'\n'})); lost > 0 {
					s.dropped.Add(lost)
					s.unsaid.Add(lost)
				}
			}
		}
		spare = batch
		if closed {
			return
		}
		time.Sleep(s.every) // let lines gather; Write wakes us after if any came
	}
}

// Close writes what is buffered, waiting at most wait for a stalled output.
func (s *logSink) Close(wait time.Duration) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	s.mu.Unlock()
	// The writer may be blocked on the output: wake it without blocking.
	go func() { s.wake <- struct{}{} }()
	select {
	case <-s.done:
	case <-time.After(wait):
	}
}
