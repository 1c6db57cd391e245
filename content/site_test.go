package content

import "testing"

// BenchmarkLoad measures start-up: reading, checking and rendering every
// content file (each section parsed once, rendered twice).
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(Files); err != nil {
			b.Fatal(err)
		}
	}
}
