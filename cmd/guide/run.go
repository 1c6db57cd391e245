package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/guide/pmvspm/web"
	"github.com/guide/pmvspm/web/decision"
	"github.com/guide/pmvspm/web/serve"
)

// maxHeaderBytes is the request header limit: 16 KiB in all, since
// net/http allows MaxHeaderBytes plus 4096 bytes.
const maxHeaderBytes = 16<<10 - 4096

// run is the whole program: it loads the content, builds the server and
// serves until ctx is cancelled; then it drains (see serve.Health) and lets
// in-flight requests finish.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	return runWith(ctx, nil, args, getenv, stdout, stderr)
}

// runWith is run with a store of the pages' Brotli encodings to share
// between the servers one process builds (nil: each builds its own): the
// program builds one server; its tests build dozens, and pass one store so
// that each page is compressed once.
func runWith(ctx context.Context, encodings *serve.EncodingCache, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if versionAsked(args[1:]) {
		v, c := buildVersion()
		fmt.Fprintf(stdout, "guide %s (commit %s)\n", v, c)
		return nil
	}
	cfg, err := parseConfig(args, getenv, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil // -h: the usage went to stderr
	}
	if err != nil {
		return err
	}
	if cfg.healthcheck {
		return healthcheck(ctx, cfg.addr)
	}
	if cfg.editor.check {
		return checkContent(cfg.editor, encodings, stdout)
	}

	logs := newLogSink(stdout, 1<<20, 20*time.Millisecond)
	defer logs.Close(2 * time.Second)
	handler := serve.NewLogHandler(logs, cfg.logFormat, cfg.logLevel) // the request log's shape too
	logger := slog.New(handler)
	logs.note = func(n uint64) {
		logger.Warn(fmt.Sprintf("dropped %d log lines: the log output fell behind", n), "dropped", n)
	}
	v, c := buildVersion()
	logger.Info("starting", "version", v, "commit", c)
	for _, w := range cfg.warnings {
		logger.Warn(w)
	}
	if cfg.https && strings.HasPrefix(cfg.baseURL, "http://") {
		logger.Warn("HTTPS is on but the base URL starts with http://: canonical links and the sitemap will say http", "base_url", cfg.baseURL)
	}

	var metrics *serve.Metrics
	if cfg.metricsAddr != "" {
		metrics = serve.NewMetrics(decision.Recommendations...)
		metrics.SetBuild(buildVersion())
		metrics.CounterFunc("guide_log_lines_dropped_total", "Request log lines dropped because the log output fell behind.",
			func() float64 { return float64(logs.Dropped()) })
		ln, err := net.Listen("tcp", cfg.metricsAddr)
		if err != nil {
			return fmt.Errorf("-metrics-addr: %w", err)
		}
		ms := metricsServer(metrics)
		go ms.Serve(ln)
		defer ms.Close()
		logger.Info("metrics", "addr", ln.Addr().String())
	}
	health := new(serve.Health)
	var requestLog io.Writer = logs // a request's line is at level info
	if cfg.logLevel > slog.LevelInfo {
		requestLog = nil
	}
	h, err := siteHandler(ctx, cfg.editor, logger, web.Config{
		BaseURL: cfg.baseURL, HTTPS: cfg.https,
		TrustProxy: cfg.trustProxy, ClientIPHeader: cfg.ipHeader,
		LogFormat: cfg.logFormat, RequestLog: requestLog,
		Metrics: metrics, Health: health, Encodings: encodings,
		MissBurst: cfg.missBudget, MissRate: time.Minute / time.Duration(cfg.missBudget),
	})
	if err != nil {
		return err
	}
	// Start-up rendered and compressed every page: hand that garbage back
	// to the system now rather than keep it as idle memory.
	debug.FreeOSMemory()
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: cfg.headerWait,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(handler, slog.LevelWarn),
	}
	inner, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	ln := newConnLimiter(inner, cfg.maxConns)
	srv.ConnState = ln.connState
	if metrics != nil {
		metrics.GaugeFunc("guide_connections_open", "Connections open on the site's address.", func() float64 { return float64(ln.open()) })
		metrics.GaugeFunc("guide_connections_max", "The cap on connections open on the site's address (-max-conns).", func() float64 { return float64(cfg.maxConns) })
		metrics.GaugeFunc("guide_connections_waiting", "1 while a new connection waits for one to close (at the cap, none idle).", func() float64 { return float64(ln.waiting.Load()) })
		metrics.CounterFunc("guide_connections_shed_total", "Idle keep-alive connections closed to make room for new ones at the cap.", func() float64 { return float64(ln.shed.Load()) })
	}
	host, _, _ := net.SplitHostPort(cfg.addr)
	logger.Info("serving", "addr", ln.Addr().String(), "interfaces", interfaces(host), "base_url", cfg.baseURL, "max_conns", cfg.maxConns)

	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	select {
	case err := <-serveErr:
		return err
	case <-ctx.Done():
	}
	if cfg.drain > 0 {
		logger.Info("draining", "for", cfg.drain)
		health.Drain()
		time.Sleep(cfg.drain)
	}
	logger.Info("shutting down", "timeout", cfg.shutdown)
	// Pages waiting for a build slot are dropped (their clients get 503):
	// the shutdown waits for the few builds running, not for a queue.
	health.Stop()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.shutdown)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); errors.Is(err, context.DeadlineExceeded) {
		// What is still in flight after -shutdown-timeout is cut off: the
		// timeout is the operator's bound, and reaching it is not a failure
		// of the program.
		logger.Warn("shutdown timeout reached: closing the connections still open", "timeout", cfg.shutdown)
		srv.Close()
	} else if err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-serveErr; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("stopped")
	return nil
}

// interfaces says where a listen address's host listens: loopback only,
// every interface, or the one named.
func interfaces(host string) string {
	switch {
	case isLoopback(host):
		return "loopback"
	case host == "" || host == "0.0.0.0" || host == "::":
		return "all"
	}
	return host
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
