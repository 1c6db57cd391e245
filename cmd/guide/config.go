package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/http/httpguts"
)

// config is the program's configuration: flags, with environment fallbacks.
type config struct {
	addr        string
	baseURL     string
	logFormat   string
	logLevel    slog.Level
	https       bool
	trustProxy  bool
	healthcheck bool
	version     bool
	metricsAddr string
	shutdown    time.Duration
	headerWait  time.Duration
	editor      editorConfig // -check, -content, -dev: editor.go
	drain       time.Duration
	ipHeader    string
	maxConns    int // the site listener's open connections: connlimit.go
	missBudget  int // answer-page misses per client: that many at once, then that many a minute
	// warnings are settings that work but may not do what was meant; run
	// logs them once the log is set up.
	warnings []string
}

func parseConfig(args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.addr, "addr", envAddr(getenv), "listen address (env ADDR, or PORT as :PORT; with -dev, 127.0.0.1 and that port unless the address names a host)")
	fs.StringVar(&c.baseURL, "base-url", getenv("BASE_URL"), "public base URL for canonical links and the sitemap (env BASE_URL; default http://localhost plus the port)")
	fs.StringVar(&c.logFormat, "log-format", cmp.Or(getenv("LOG_FORMAT"), "text"), "log format: text or json (env LOG_FORMAT)")
	logLevel := cmp.Or(getenv("LOG_LEVEL"), "info")
	fs.StringVar(&logLevel, "log-level", logLevel, "log level: debug, info, warn or error; above info, requests are not logged (env LOG_LEVEL)")
	fs.BoolVar(&c.https, "https", envBool(getenv, "HTTPS"), "the site is served over HTTPS: send Strict-Transport-Security (env HTTPS)")
	fs.BoolVar(&c.trustProxy, "trust-proxy", envBool(getenv, "TRUST_PROXY"), "behind one proxy: the client IP (rate limit, log) is the right-most X-Forwarded-For entry (env TRUST_PROXY)")
	fs.StringVar(&c.ipHeader, "client-ip-header", getenv("CLIENT_IP_HEADER"), "with -trust-proxy: take the client IP from this header the proxy sets, e.g. X-Real-IP, instead of X-Forwarded-For (env CLIENT_IP_HEADER)")
	fs.StringVar(&c.metricsAddr, "metrics-addr", getenv("METRICS_ADDR"), "serve Prometheus /metrics and /debug/pprof/ on this separate address, e.g. 127.0.0.1:9090 (env METRICS_ADDR; off when empty)")
	fs.BoolVar(&c.healthcheck, "healthcheck", false, "check that the server on -addr answers /healthz, then exit")
	fs.BoolVar(&c.version, "version", false, "print the version and commit this binary was built from, then exit")
	fs.DurationVar(&c.shutdown, "shutdown-timeout", 15*time.Second, "how long to let in-flight requests finish on shutdown")
	fs.DurationVar(&c.headerWait, "read-header-timeout", 5*time.Second, "how long a client may take to send its request headers")
	maxConns, connsErr := envParse(getenv, "MAX_CONNS", 1024, strconv.Atoi, "a whole number")
	fs.IntVar(&c.maxConns, "max-conns", maxConns, "most connections open at once on the site's address; at the cap idle keep-alive ones are closed first, then new ones wait (env MAX_CONNS)")
	missBudget, missErr := envParse(getenv, "MISS_BUDGET", 60, strconv.Atoi, "a whole number")
	fs.IntVar(&c.missBudget, "miss-budget", missBudget, "answer pages not yet made that one client (an IPv4 address, an IPv6 /64) may have built: this many at once, then this many a minute; past it 429 (env MISS_BUDGET)")
	drain, drainErr := envParse(getenv, "DRAIN", 5*time.Second, time.ParseDuration, "a duration such as 5s")
	fs.DurationVar(&c.drain, "drain", drain, "on SIGTERM, how long /healthz answers 503 and responses close their connection before shutdown; 0 skips (env DRAIN; with -dev, 0)")
	c.editor.flags(fs)
	if err := fs.Parse(args[1:]); err != nil {
		return c, err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	// named says a setting as the operator wrote it: the flag if given,
	// else the environment variable that supplied it.
	named := func(flagName, value string, envs ...string) string {
		if !set[flagName] {
			for _, env := range envs {
				if v := getenv(env); v != "" {
					return fmt.Sprintf("%s=%q", env, v)
				}
			}
		}
		return fmt.Sprintf("-%s %q", flagName, value)
	}

	if err := errors.Join(drainErr, connsErr, missErr, checkEnv(getenv)); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	if c.logFormat != "text" && c.logFormat != "json" {
		return c, fmt.Errorf("%s: the log format is text or json", named("log-format", c.logFormat, "LOG_FORMAT"))
	}
	if err := c.logLevel.UnmarshalText([]byte(logLevel)); err != nil {
		return c, fmt.Errorf("%s is not a log level: use debug, info, warn or error", named("log-level", logLevel, "LOG_LEVEL"))
	}

	// Where to listen. -dev is for one editor's machine: localhost
	// whatever PORT says (only an address naming its host, such as
	// 0.0.0.0:8080, listens elsewhere, with a warning), and no drain, so
	// that Ctrl-C stops it at once.
	if c.editor.dev {
		if host, port, err := net.SplitHostPort(c.addr); err == nil && host == "" {
			c.addr = net.JoinHostPort("127.0.0.1", port)
		} else if err == nil && !isLoopback(host) {
			c.warnings = append(c.warnings, fmt.Sprintf("-dev is listening on %s, which %s: anyone who can reach this machine can see the draft content; leave the host out to listen on 127.0.0.1 only",
				named("addr", c.addr, "ADDR"), publicly(host)))
		}
	}
	if c.editor.dev && !set["drain"] && getenv("DRAIN") == "" {
		c.drain = 0
	}
	if !set["addr"] && getenv("ADDR") != "" && getenv("PORT") != "" {
		c.warnings = append(c.warnings, fmt.Sprintf("ADDR and PORT are both set: listening on ADDR=%q; PORT=%q is ignored", getenv("ADDR"), getenv("PORT")))
	}
	_, port, err := net.SplitHostPort(c.addr)
	n, perr := strconv.Atoi(port)
	switch p := getenv("PORT"); {
	case !set["addr"] && getenv("ADDR") == "" && p != "" && (err != nil || perr != nil || n < 1 || n > 65535):
		return c, fmt.Errorf("PORT=%q is not a valid port number: use 1 to 65535", p)
	case err != nil || perr != nil || n < 0 || n > 65535:
		return c, fmt.Errorf("%s is not host:port (e.g. :8080, 127.0.0.1:8080, [::1]:8080)", named("addr", c.addr, "ADDR"))
	}
	if host, _, err := net.SplitHostPort(c.metricsAddr); err == nil && !isLoopback(host) {
		c.warnings = append(c.warnings, fmt.Sprintf("%s %s: /metrics and /debug/pprof/ (profiles, the command line, goroutine stacks) are open to anyone who can reach that port; use 127.0.0.1:PORT, or let only the scraper reach it (a firewall, a NetworkPolicy)",
			named("metrics-addr", c.metricsAddr, "METRICS_ADDR"), publicly(host)))
	}
	if c.maxConns < 1 {
		return c, fmt.Errorf("%s must be at least 1", named("max-conns", strconv.Itoa(c.maxConns), "MAX_CONNS"))
	}
	if c.missBudget < 1 {
		return c, fmt.Errorf("%s must be at least 1", named("miss-budget", strconv.Itoa(c.missBudget), "MISS_BUDGET"))
	}
	if c.metricsAddr != "" && sameListener(c.addr, c.metricsAddr) {
		return c, fmt.Errorf("%s and %s collide: the metrics need an address of their own, e.g. 127.0.0.1:9090",
			named("metrics-addr", c.metricsAddr, "METRICS_ADDR"), named("addr", c.addr, "ADDR", "PORT"))
	}

	if c.drain < 0 {
		return c, fmt.Errorf("%s must not be negative (0 skips the drain)", named("drain", c.drain.String(), "DRAIN"))
	}
	if c.shutdown < 0 {
		return c, fmt.Errorf("-shutdown-timeout %s must not be negative: it is how long in-flight requests may take to finish", c.shutdown)
	}
	if c.shutdown == 0 {
		c.warnings = append(c.warnings, "-shutdown-timeout is 0: on shutdown, requests still in flight are cut off at once")
	}
	if c.headerWait <= 0 {
		return c, fmt.Errorf("-read-header-timeout %s must be more than 0: without it a client may hold a connection open forever by sending its headers slowly", c.headerWait)
	}

	if c.ipHeader != "" {
		switch {
		case !httpguts.ValidHeaderFieldName(c.ipHeader):
			return c, fmt.Errorf("%s is not a header name (letters, digits and hyphens, e.g. X-Real-IP)", named("client-ip-header", c.ipHeader, "CLIENT_IP_HEADER"))
		case !c.trustProxy:
			return c, fmt.Errorf("%s is set but TRUST_PROXY (-trust-proxy) is off, so it would be ignored: set TRUST_PROXY=true if a proxy sets that header, or leave it unset",
				named("client-ip-header", c.ipHeader, "CLIENT_IP_HEADER"))
		}
	}

	c.baseURL = cmp.Or(c.baseURL, "http://localhost:"+port)
	u, err := url.Parse(c.baseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") ||
		u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(c.baseURL, "#") || u.User != nil {
		return c, fmt.Errorf("%s must be an origin such as https://guide.example.com: a scheme and a host, with no path, query or fragment",
			named("base-url", c.baseURL, "BASE_URL"))
	}
	return c, nil
}

// sameListener reports whether two listen addresses would take the same
// port: the same port, and hosts that are equal or where one is every
// interface.
func sameListener(a, b string) bool {
	ha, pa, err1 := net.SplitHostPort(a)
	hb, pb, err2 := net.SplitHostPort(b)
	if err1 != nil || err2 != nil || pa != pb || pa == "0" {
		return false
	}
	any := func(h string) bool { return h == "" || h == "0.0.0.0" || h == "::" }
	return ha == hb || any(ha) || any(hb)
}

// isLoopback reports whether a listen address's host is this machine's
// loopback only.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// publicly says where a host that is not loopback listens.
func publicly(host string) string {
	if host == "" || host == "0.0.0.0" || host == "::" {
		return "is every interface"
	}
	return "is not loopback"
}

// envParse returns key's value read by parse, or def when key is unset; a
// value that does not parse is an error saying it is not what (a whole
// number).
func envParse[T any](getenv func(string) string, key string, def T, parse func(string) (T, error), what string) (T, error) {
	v := getenv(key)
	if v == "" {
		return def, nil
	}
	x, err := parse(v)
	if err != nil {
		return def, fmt.Errorf("%s=%q is not %s", key, v, what)
	}
	return x, nil
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
