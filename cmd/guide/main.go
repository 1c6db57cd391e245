// Command guide serves the "Product manager or project manager?" guide.
//
// Usage:
//
//	guide [-addr :8080] [-base-url URL] [-log-format text|json] [-log-level info] [-https] [-trust-proxy [-client-ip-header NAME]] [-drain 5s]
//	guide -healthcheck    # exits 0 if the server on -addr answers /healthz
//	guide -check [-content DIR]    # prints every content problem; exits 1 if any
//	guide -dev [-content DIR]      # serves DIR (./content), reloading it on every save
//	guide -version        # the version and commit, whatever else is set
//
// Most flags have an environment fallback (guide -h says which; so does
// README.md). On SIGINT or
// SIGTERM the server drains, then shuts down gracefully; a second signal
// ends it at once.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

func main() {
	setGC(os.Getenv)
	signalled, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// run sees the signal only once a second one would end the program at
	// once: stop happens before the drain starts, so no second signal can
	// fall between them and be swallowed.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		<-signalled.Done()
		stop()
		cancel()
	}()
	if err := run(ctx, os.Args, os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "guide:", err)
		os.Exit(1)
	}
}

// The garbage collector's pace, unless GOGC or GOMEMLIMIT set their own.
// What the server keeps is small (about 6 MB live: the pages and their
// encodings, the content, the caches), and every request allocates a few
// KB, so at Go's default (GOGC=100) the heap's goal was 13 MB and a
// collection ran about 16 times a second under load, marking the same 6 MB
// each time: a tenth of a request's CPU. At 400 the goal is about 32 MB and
// a request costs 7 % (a page) to 11 % (a result) less CPU
// (doc/performance.md, round eight).
// The soft limit keeps the worst case, every answer asked for at once,
// under the 100 MB the server may use: the collector works harder as the
// heap nears it, instead of letting it grow to five times what is live.
const (
	gcPercent   = 400
	memoryLimit = 64 << 20
)

// setGC sets gcPercent and memoryLimit where getenv has no GOGC or
// GOMEMLIMIT.
func setGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
