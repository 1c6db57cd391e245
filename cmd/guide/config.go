package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// config is the program's configuration: flags, with environment fallbacks.
type config struct {
	addr        string
	baseURL     string
	logFormat   string
	https       bool
	trustProxy  bool
	healthcheck bool
	metricsAddr string
	shutdown    time.Duration
	headerWait  time.Duration
	editor      editorConfig // -check, -content, -dev: editor.go
	drain       time.Duration
	ipHeader    string
}

func parseConfig(args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.addr, "addr", envAddr(getenv), "listen address (env ADDR, or PORT as :PORT)")
	fs.StringVar(&c.baseURL, "base-url", getenv("BASE_URL"), "public base URL for canonical links and the sitemap (env BASE_URL; default http://localhost plus the port)")
	fs.StringVar(&c.logFormat, "log-format", envOr(getenv, "LOG_FORMAT", "text"), "log format: text or json (env LOG_FORMAT)")
	fs.BoolVar(&c.https, "https", envBool(getenv, "HTTPS"), "the site is served over HTTPS: send Strict-Transport-Security (env HTTPS)")
	fs.BoolVar(&c.trustProxy, "trust-proxy", envBool(getenv, "TRUST_PROXY"), "behind one proxy: the client IP (rate limit, log) is the right-most X-Forwarded-For entry (env TRUST_PROXY)")
	fs.StringVar(&c.ipHeader, "client-ip-header", getenv("CLIENT_IP_HEADER"), "with -trust-proxy: take the client IP from this header the proxy sets, e.g. X-Real-IP, instead of X-Forwarded-For (env CLIENT_IP_HEADER)")
	fs.StringVar(&c.metricsAddr, "metrics-addr", getenv("METRICS_ADDR"), "serve Prometheus /metrics and /debug/pprof/ on this separate address, e.g. 127.0.0.1:9090 (env METRICS_ADDR; off when empty)")
	fs.BoolVar(&c.healthcheck, "healthcheck", false, "check that the server on -addr answers /healthz, then exit")
	fs.DurationVar(&c.shutdown, "shutdown-timeout", 15*time.Second, "how long to let in-flight requests finish on shutdown")
	fs.DurationVar(&c.headerWait, "read-header-timeout", 5*time.Second, "how long a client may take to send its request headers")
	drain, drainErr := envDuration(getenv, "DRAIN", 5*time.Second)
	fs.DurationVar(&c.drain, "drain", drain, "on SIGTERM, how long /healthz answers 503 and responses close their connection before shutdown; 0 skips (env DRAIN)")
	c.editor.flags(fs)
	if err := fs.Parse(args[1:]); err != nil {
		return c, err
	}
	if err := errors.Join(drainErr, checkEnv(getenv)); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	if c.logFormat != "text" && c.logFormat != "json" {
		return c, fmt.Errorf("-log-format must be text or json, not %q", c.logFormat)
	}
	_, port, err := net.SplitHostPort(c.addr)
	if n, perr := strconv.Atoi(port); err != nil || perr != nil || n < 0 || n > 65535 {
		if p := getenv("PORT"); p != "" && c.addr == ":"+p {
			return c, fmt.Errorf("PORT=%q is not a valid port number", p)
		}
		return c, fmt.Errorf("-addr %q is not host:port (e.g. :8080, 127.0.0.1:8080, [::1]:8080)", c.addr)
	}
	if c.drain < 0 {
		return c, errors.New("-drain must not be negative")
	}
	if c.baseURL == "" {
		c.baseURL = "http://localhost:" + port
	}
	u, err := url.Parse(c.baseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") {
		return c, errors.New("-base-url must be an origin such as https://guide.example.com")
	}
	return c, nil
}

func envAddr(getenv func(string) string) string {
	if a := getenv("ADDR"); a != "" {
		return a
	}
	if p := getenv("PORT"); p != "" {
		return ":" + p
	}
	return ":8080"
}

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

func envBool(getenv func(string) string, key string) bool {
	b, _ := strconv.ParseBool(getenv(key))
	return b
}

// checkEnv reports environment values that do not parse, naming them:
// HTTPS=yes must not silently mean false.
func checkEnv(getenv func(string) string) error {
	var errs []error
	for _, key := range []string{"HTTPS", "TRUST_PROXY"} {
		if v := getenv(key); v != "" {
			if _, err := strconv.ParseBool(v); err != nil {
				errs = append(errs, fmt.Errorf("%s=%q is not a boolean: use true or false", key, v))
			}
		}
	}
	return errors.Join(errs...)
}

func envDuration(getenv func(string) string, key string, def time.Duration) (time.Duration, error) {
	v := getenv(key)
	if v == "" {
		return def, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		return def, fmt.Errorf("%s=%q is not a duration such as 5s", key, v)
	}
	return d, nil
}
