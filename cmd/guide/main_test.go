package main

import (
	"os"
	"testing"

	"github.com/guide/pmvspm/web"
)

// TestMain shares one store of compressed pages among the many servers the
// tests start, as web's tests do: each page is compressed at Brotli's
// highest quality once, not once a server (which, under -race, took most
// of this package's time).
func TestMain(m *testing.M) {
	sharedEncodings = web.NewEncodingCache()
	os.Exit(m.Run())
}
