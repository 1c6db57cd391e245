package main

import (
	"runtime/debug"
	"runtime/metrics"
	"testing"
)

// gcSettings reads the collector's percent and soft memory limit as the
// runtime reports them (and /metrics shows them: go_gc_gogc_percent,
// go_gc_gomemlimit_bytes).
func gcSettings() (percent, limit uint64) {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64(), s[1].Value.Uint64()
}

// TestSetGC: the server's pace and soft limit apply unless the environment
// sets GOGC or GOMEMLIMIT, which the runtime has then read itself.
// It changes the whole process's settings, so it runs alone and puts them
// back.
func TestSetGC(t *testing.T) {
	oldPercent, oldLimit := gcSettings()
	t.Cleanup(func() {
		debug.SetGCPercent(int(oldPercent))
		debug.SetMemoryLimit(int64(oldLimit))
	})
	debug.SetGCPercent(100)
	debug.SetMemoryLimit(1 << 40)

	setGC(func(string) string { return "" })
	if p, l := gcSettings(); p != gcPercent || l != memoryLimit {
		t.Errorf("with neither set: GOGC %d, GOMEMLIMIT %d; want %d and %d", p, l, gcPercent, memoryLimit)
	}

	debug.SetGCPercent(100)
	debug.SetMemoryLimit(1 << 40)
	setGC(func(k string) string { return map[string]string{"GOGC": "100", "GOMEMLIMIT": "1TiB"}[k] })
	if p, l := gcSettings(); p != 100 || l != 1<<40 {
		t.Errorf("with both set: GOGC %d, GOMEMLIMIT %d; want the environment's (100 and %d)", p, l, uint64(1<<40))
	}

	debug.SetGCPercent(200)
	debug.SetMemoryLimit(1 << 40)
	setGC(func(k string) string { return map[string]string{"GOGC": "200"}[k] })
	if p, l := gcSettings(); p != 200 || l != memoryLimit {
		t.Errorf("with GOGC=200 alone: GOGC %d, GOMEMLIMIT %d; want 200 and %d", p, l, memoryLimit)
	}
}
