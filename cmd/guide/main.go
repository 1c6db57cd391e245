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
	"syscall"
)

func main() {
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
