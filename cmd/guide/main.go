// Command guide serves the "Product manager or project manager?" guide.
//
// Usage:
//
//	guide [-addr :8080] [-base-url URL] [-log-format text|json] [-https] [-trust-proxy [-client-ip-header NAME]] [-drain 5s]
//	guide -healthcheck    # exits 0 if the server on -addr answers /healthz
//	guide -check [-content DIR]    # prints every content problem; exits 1 if any
//	guide -dev [-content DIR]      # serves DIR (./content), reloading it on every save
//
// Every flag has an environment fallback; see README.md. On SIGINT or
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
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop() // a second signal now ends the program at once
	}()
	if err := run(ctx, os.Args, os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "guide:", err)
		os.Exit(1)
	}
}
