// Command guide serves the "Product manager or project manager?" guide.
//
// Usage:
//
//	guide [-addr :8080] [-base-url URL] [-log-format text|json] [-https] [-trust-proxy]
//	guide -healthcheck    # exits 0 if the server on -addr answers /healthz
//
// Every flag has an environment fallback; see README.md.
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
	defer stop()
	if err := run(ctx, os.Args, os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "guide:", err)
		os.Exit(1)
	}
}
