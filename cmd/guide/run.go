package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/guide/pmvspm/web"
)

// run is the whole program: it loads the content, builds the server and
// serves until ctx is cancelled, then lets in-flight requests finish.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, err := parseConfig(args, getenv, stderr)
	if err != nil {
		return err
	}
	if cfg.healthcheck {
		return healthcheck(ctx, cfg.addr)
	}
	if cfg.editor.check {
		return checkContent(cfg.editor, stdout)
	}

	logs := newAsyncWriter(stdout, 200*time.Millisecond)
	defer logs.Close()
	var handler slog.Handler = slog.NewTextHandler(logs, nil)
	if cfg.logFormat == "json" {
		handler = slog.NewJSONHandler(logs, nil)
	}
	logger := slog.New(handler)

	var metrics *web.Metrics
	if cfg.metricsAddr != "" {
		metrics = web.NewMetrics()
		ln, err := net.Listen("tcp", cfg.metricsAddr)
		if err != nil {
			return fmt.Errorf("-metrics-addr: %w", err)
		}
		ms := metricsServer(metrics)
		go ms.Serve(ln)
		defer ms.Close()
		logger.Info("metrics", "addr", ln.Addr().String())
	}
	h, err := siteHandler(ctx, cfg.editor, logger, web.Config{BaseURL: cfg.baseURL, HTTPS: cfg.https, TrustProxy: cfg.trustProxy, Metrics: metrics})
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: cfg.headerWait,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    16 << 10,
		ErrorLog:          slog.NewLogLogger(handler, slog.LevelWarn),
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	logger.Info("serving", "addr", ln.Addr().String(), "base_url", cfg.baseURL)

	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	select {
	case err := <-serveErr:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down", "timeout", cfg.shutdown)
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.shutdown)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-serveErr; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("stopped")
	return nil
}

// healthcheck asks the local server for /healthz: the Docker HEALTHCHECK,
// which needs no shell or curl in the image.
func healthcheck(ctx context.Context, addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+net.JoinHostPort(host, port)+"/healthz", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64))
	if resp.StatusCode != http.StatusOK || strings.TrimSpace(string(body)) != "ok" {
		return fmt.Errorf("healthz: %s", resp.Status)
	}
	return nil
}
