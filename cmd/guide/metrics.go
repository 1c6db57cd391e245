package main

import (
	"net/http"
	"net/http/pprof"
	"time"

	"github.com/guide/pmvspm/web/serve"
)

// metricsServer serves Prometheus metrics and the runtime profiles on their
// own listener (-metrics-addr), which is never the public one: profiles
// and process details are for operators only.
func metricsServer(m *serve.Metrics) *http.Server {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", m.Handler())
	mux.HandleFunc("GET /debug/pprof/", pprof.Index)
	mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
	return &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		// A CPU profile or trace runs for its ?seconds= before it answers.
		WriteTimeout: 2 * time.Minute,
		// Idle scrapers' connections close, so that they do not hold the
		// process's file descriptors; headers are as bounded as the site's.
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: maxHeaderBytes,
	}
}
