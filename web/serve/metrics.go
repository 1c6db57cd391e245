package serve

import (
	"cmp"
	"net/http"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics counts what the server does, for Prometheus. It holds no answers
// and nothing personal: routes are patterns (/guide/{slug}), never paths.
// A nil *Metrics counts nothing.
type Metrics struct {
	registry        *prometheus.Registry
	requests        *prometheus.CounterVec
	duration        *prometheus.HistogramVec
	recommendations *prometheus.CounterVec
	// The build, for go_build_info: registered when the handler is made,
	// so that SetBuild can name it first.
	version, commit string
	buildOnce       sync.Once
	// builds is the answer cache of the server serving now (-dev makes a
	// new one on each reload), for the build gauges and counters.
	builds atomic.Pointer[Cache]
}

// NewMetrics registers the server's metrics, the Go and process collectors
// and build information in a registry of their own; recommendations are
// the questionnaire's outcomes, each a series from the start.
func NewMetrics[R ~string](recommendations ...R) *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "guide_http_requests_total",
			Help: "HTTP requests served, by route pattern, method and status code.",
		}, []string{"route", "method", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "guide_http_request_duration_seconds",
			Help:    "Time from the request's arrival to the handler's return, by route pattern.",
			Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, 1},
		}, []string{"route"}),
		recommendations: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "guide_recommendations_total",
			Help: "Questionnaires answered, by the recommendation they led to (product-manager, project-manager, both, one-person, not-yet).",
		}, []string{"recommendation"}),
	}
	m.registry.MustRegister(
		m.requests, m.duration, m.recommendations,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	stat := func(name, help string, counter bool, read func(CacheStats) float64) {
		fn := func() float64 {
			if c := m.builds.Load(); c != nil {
				return read(c.Stats())
			}
			return 0
		}
		if counter {
			m.CounterFunc(name, help, fn)
		} else {
			m.GaugeFunc(name, help, fn)
		}
	}
	stat("guide_builds_queued", "Answer pages and cards waiting for a build slot or being built (the queue's bound: 503 past it).", false,
		func(s CacheStats) float64 { return float64(s.Queued) })
	stat("guide_builds_running", "Answer pages and cards being built.", false,
		func(s CacheStats) float64 { return float64(s.Running) })
	stat("guide_builds_waiting", "Requests waiting for an answer page or card to be built.", false,
		func(s CacheStats) float64 { return float64(s.Waiting) })
	stat("guide_builds_total", "Answer pages and cards built.", true,
		func(s CacheStats) float64 { return float64(s.Built) })
	stat("guide_builds_abandoned_total", "Builds not started because every client waiting for them had gone.", true,
		func(s CacheStats) float64 { return float64(s.Abandoned) })
	stat("guide_builds_refused_total", "Misses answered 503: the build queue was full, or the server stopping.", true,
		func(s CacheStats) float64 { return float64(s.Refused) })
	// Every outcome is a series from the start, at 0 until given, so that
	// a rate over a rare one is a number, not a gap.
	for _, r := range recommendations {
		m.recommendations.WithLabelValues(string(r))
	}
	return m
}

// SetBuild names the build in go_build_info: the version and commit the
// binary was stamped with, which go build does not record itself when the
// source has no git history (as in a container build). Call it before
// Handler.
func (m *Metrics) SetBuild(version, commit string) {
	m.version, m.commit = version, commit
}

// registerBuild adds go_build_info: the module's path, version and
// checksum, as Prometheus' own collector gives them, and the commit.
func (m *Metrics) registerBuild() {
	labels := prometheus.Labels{"path": "", "version": m.version, "checksum": "", "commit": m.commit, "go_version": runtime.Version()}
	if info, ok := debug.ReadBuildInfo(); ok {
		labels["path"], labels["checksum"] = info.Main.Path, info.Main.Sum
		labels["version"] = cmp.Or(labels["version"], info.Main.Version)
	}
	m.registry.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "go_build_info", Help: "Build information about the main Go module.", ConstLabels: labels,
	}, func() float64 { return 1 }))
}

// CounterFunc adds a counter read from fn at each scrape, for counts kept
// elsewhere (such as dropped log lines).
func (m *Metrics) CounterFunc(name, help string, fn func() float64) {
	m.registry.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{Name: name, Help: help}, fn))
}

// GaugeFunc adds a gauge read from fn at each scrape.
func (m *Metrics) GaugeFunc(name, help string, fn func() float64) {
	m.registry.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help}, fn))
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	m.buildOnce.Do(m.registerBuild)
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry})
}

// Watch counts the builds of c, the answer cache of the server serving
// now, in place of the one before.
func (m *Metrics) Watch(c *Cache) {
	if m != nil {
		m.builds.Store(c)
	}
}

// Observe records one finished request.
func (m *Metrics) Observe(route, method string, status int, took time.Duration) {
	if m == nil {
		return
	}
	route = cmp.Or(route, "unmatched") // keeps probes for random paths from making new series
	m.requests.WithLabelValues(route, methodLabel(method), statusLabel(status)).Inc()
	m.duration.WithLabelValues(route).Observe(took.Seconds())
}

// Recommended counts one answered questionnaire.
func (m *Metrics) Recommended(recommendation string) {
	if m == nil {
		return
	}
	m.recommendations.WithLabelValues(recommendation).Inc()
}

// methodLabel keeps the method label to the methods the site knows, so a
// client cannot make a new series with each made-up method.
func methodLabel(method string) string {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut,
		http.MethodPatch, http.MethodDelete, http.MethodOptions:
		return method
	}
	return "other"
}

var statusLabels = func() map[int]string {
	m := map[int]string{}
	for code := 100; code < 600; code++ {
		if http.StatusText(code) != "" {
			m[code] = strconv.Itoa(code)
		}
	}
	return m
}()

// statusLabel is strconv.Itoa without an allocation for the codes net/http
// knows.
func statusLabel(code int) string {
	if s, ok := statusLabels[code]; ok {
		return s
	}
	return strconv.Itoa(code)
}
