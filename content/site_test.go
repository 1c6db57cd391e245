package content

import (
	"testing"
	"time"
)

// BenchmarkLoad measures start-up: reading, checking and rendering every
// content file (each section parsed once, rendered twice).
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(Files); err != nil {
			b.Fatal(err)
		}
	}
}

func TestUpdated(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	site := &Site{
		Sections: []*Section{{Updated: day(3)}, {Updated: day(9)}, {Updated: day(5)}},
		Answers:  []*Answer{{Updated: day(7)}, {Updated: day(2)}},
	}
	if got := site.GuideUpdated(); !got.Equal(day(9)) {
		t.Errorf("GuideUpdated() = %v, want %v", got, day(9))
	}
	if got := site.FAQUpdated(); !got.Equal(day(7)) {
		t.Errorf("FAQUpdated() = %v, want %v", got, day(7))
	}
	if got := (&Site{}).GuideUpdated(); !got.IsZero() {
		t.Errorf("GuideUpdated() of no sections = %v, want the zero time", got)
	}
}

// BenchmarkCheckWords measures the editorial rules over every content file
// (guide -check, -dev's reloads and the tests run them), none of them
// checked before: what the first check of a process costs.
func BenchmarkCheckWords(b *testing.B) {
	for b.Loop() {
		lastChecked.Lock()
		clear(lastChecked.files)
		lastChecked.Unlock()
		_ = CheckWords(Files)
	}
}
