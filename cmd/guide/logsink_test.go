package main

import (
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestLogSinkKeepsEveryLineInOrder(t *testing.T) {
	var out lockedBuffer
	s := newLogSink(&out, 1<<20, time.Millisecond)
	for i := range 1000 {
		fmt.Fprintf(s, "line %d\n", i)
	}
	s.Close(5 * time.Second)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 1000 || lines[0] != "line 0" || lines[999] != "line 999" {
		t.Fatalf("got %d lines, first %q, last %q", len(lines), lines[0], lines[len(lines)-1])
	}
	if s.Dropped() != 0 {
		t.Errorf("dropped %d lines with room to spare", s.Dropped())
	}
}

// gate is an output that blocks every write until it is opened.
type gate struct {
	open chan struct{}
	out  lockedBuffer
}

func (g *gate) Write(p []byte) (int, error) {
	<-g.open
	return g.out.Write(p)
}

// A stalled output never blocks a writer: lines beyond the buffer are
// dropped and counted, and once the output drains the sink says so.
func TestLogSinkDropsWhenStalled(t *testing.T) {
	g := &gate{open: make(chan struct{})}
	s := newLogSink(g, 1000, time.Millisecond)
	// said is the sum of every note (there may be more than one), counted
	// once the note is written: counted first, the test could see every
	// drop said and close the sink before the note's line went in, which
	// the closed sink then drops.
	var said atomic.Uint64
	s.note = func(n uint64) { fmt.Fprintf(s, "dropped %d lines\n", n); said.Add(n) }
	line := strings.Repeat("x", 99) + "\n" // 100 bytes
	finished := make(chan struct{})
	go func() {
		for range 100 {
			io.WriteString(s, line)
		}
		close(finished)
	}()
	select {
	case <-finished:
	case <-time.After(10 * time.Second):
		t.Fatal("Write blocked on a stalled output")
	}
	// The writer holds at most one batch, the buffer at most 10 lines.
	if d := s.Dropped(); d < 80 || d > 99 {
		t.Errorf("dropped %d of 100 lines", d)
	}
	close(g.open)
	deadline := time.Now().Add(5 * time.Second)
	for said.Load() != s.Dropped() && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	s.Close(5 * time.Second)
	if said.Load() != s.Dropped() || !strings.Contains(g.out.String(), "dropped ") {
		t.Errorf("notes said %d, dropped %d; output ends %q", said.Load(), s.Dropped(), g.out.String()[max(0, len(g.out.String())-60):])
	}
}
