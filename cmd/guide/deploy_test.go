package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml"
)

// The parts of a Kubernetes Deployment and Service that the checks read.
type k8sObject struct {
	Kind     string `yaml:"kind"`
	Metadata struct {
		Labels map[string]string `yaml:"labels"`
	} `yaml:"metadata"`
	Spec struct {
		// Deployment
		Template struct {
			Metadata struct {
				Labels map[string]string `yaml:"labels"`
			} `yaml:"metadata"`
			Spec struct {
				TerminationGracePeriodSeconds int `yaml:"terminationGracePeriodSeconds"`
				TopologySpreadConstraints     []struct {
					MaxSkew       int    `yaml:"maxSkew"`
					TopologyKey   string `yaml:"topologyKey"`
					LabelSelector struct {
						MatchLabels map[string]string `yaml:"matchLabels"`
					} `yaml:"labelSelector"`
				} `yaml:"topologySpreadConstraints"`
				SecurityContext struct {
					RunAsNonRoot bool `yaml:"runAsNonRoot"`
					RunAsUser    int  `yaml:"runAsUser"`
				} `yaml:"securityContext"`
				Containers []k8sContainer `yaml:"containers"`
			} `yaml:"spec"`
		} `yaml:"template"`
		// Service; a PodDisruptionBudget's selector has matchLabels
		Selector map[string]any `yaml:"selector"`
		// PodDisruptionBudget
		MinAvailable int `yaml:"minAvailable"`
		// NetworkPolicy
		PodSelector struct {
			MatchLabels map[string]string `yaml:"matchLabels"`
		} `yaml:"podSelector"`
		PolicyTypes []string `yaml:"policyTypes"`
		Ingress     []struct {
			Ports []struct {
				Port string `yaml:"port"`
			} `yaml:"ports"`
			From []map[string]any `yaml:"from"`
		} `yaml:"ingress"`

		Ports []struct {
			Port       int    `yaml:"port"`
			TargetPort string `yaml:"targetPort"`
		} `yaml:"ports"`
	} `yaml:"spec"`
}

type k8sContainer struct {
	Args  []string `yaml:"args"`
	Ports []struct {
		Name          string `yaml:"name"`
		ContainerPort int    `yaml:"containerPort"`
	} `yaml:"ports"`
	Env []struct {
		Name  string `yaml:"name"`
		Value string `yaml:"value"`
	} `yaml:"env"`
	Resources struct {
		Requests map[string]string `yaml:"requests"`
		Limits   map[string]string `yaml:"limits"`
	} `yaml:"resources"`
	ReadinessProbe  k8sProbe `yaml:"readinessProbe"`
	LivenessProbe   k8sProbe `yaml:"livenessProbe"`
	SecurityContext struct {
		AllowPrivilegeEscalation *bool `yaml:"allowPrivilegeEscalation"`
		ReadOnlyRootFilesystem   bool  `yaml:"readOnlyRootFilesystem"`
		Capabilities             struct {
			Drop []string `yaml:"drop"`
		} `yaml:"capabilities"`
	} `yaml:"securityContext"`
}

type k8sProbe struct {
	HTTPGet *struct {
		Path string `yaml:"path"`
		Port string `yaml:"port"`
	} `yaml:"httpGet"`
	TCPSocket *struct {
		Port string `yaml:"port"`
	} `yaml:"tcpSocket"`
	PeriodSeconds    int `yaml:"periodSeconds"`
	TimeoutSeconds   int `yaml:"timeoutSeconds"`
	FailureThreshold int `yaml:"failureThreshold"`
}

func readDeployFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "deploy", path))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// portOf returns the port of a listen address, as a number.
func portOf(t *testing.T, addr string) int {
	t.Helper()
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	n, err := strconv.Atoi(port)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// bytesOf reads a memory size as Kubernetes (128Mi), systemd (128M) or the
// Go runtime's GOMEMLIMIT (64MiB) writes it.
func bytesOf(t *testing.T, s string) int64 {
	t.Helper()
	m := regexp.MustCompile(`^(\d+)(Ki|Mi|Gi|KiB|MiB|GiB|K|M|G)?$`).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("%q is not a memory size", s)
	}
	n, _ := strconv.ParseInt(m[1], 10, 64)
	switch strings.TrimSuffix(m[2], "B") {
	case "Ki", "K":
		n <<= 10
	case "Mi", "M":
		n <<= 20
	case "Gi", "G":
		n <<= 30
	}
	return n
}

// TestKubernetesManifest decodes deploy/kubernetes/guide.yaml and checks it
// against what the program does with the same settings: the port it
// listens on, the probe it answers, how long it takes to stop, and memory.
func TestKubernetesManifest(t *testing.T) {
	dec := yaml.NewDecoder(bytes.NewReader(readDeployFile(t, "kubernetes/guide.yaml")))
	objects := map[string]k8sObject{}
	for {
		var o k8sObject
		err := dec.Decode(&o)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		objects[o.Kind] = o
	}
	d, svc := objects["Deployment"], objects["Service"]
	if len(d.Spec.Template.Spec.Containers) != 1 || svc.Kind == "" {
		t.Fatalf("want a Deployment with one container and a Service; got %v", objects)
	}
	pod := d.Spec.Template.Spec
	c := pod.Containers[0]
	env := map[string]string{}
	for _, e := range c.Env {
		env[e.Name] = e.Value
	}
	cfg, err := parseConfig(append([]string{"guide"}, c.Args...), func(k string) string { return env[k] }, io.Discard)
	if err != nil {
		t.Fatalf("the manifest's settings do not start the program: %v", err)
	}
	ports := map[string]int{}
	for _, p := range c.Ports {
		ports[p.Name] = p.ContainerPort
	}
	if ports["http"] != portOf(t, cfg.addr) {
		t.Errorf("containerPort http = %d; the program listens on %s", ports["http"], cfg.addr)
	}
	if cfg.metricsAddr == "" || ports["metrics"] != portOf(t, cfg.metricsAddr) {
		t.Errorf("containerPort metrics = %d; METRICS_ADDR is %q", ports["metrics"], cfg.metricsAddr)
	}
	if !cfg.trustProxy || !cfg.https || !strings.HasPrefix(cfg.baseURL, "https://") {
		t.Errorf("behind an HTTPS ingress: want TRUST_PROXY, HTTPS and an https BASE_URL; got %v %v %q", cfg.trustProxy, cfg.https, cfg.baseURL)
	}

	// Readiness is /healthz, which answers 503 while draining: the pod
	// leaves the Service within the drain, and not on one slow answer.
	r := c.ReadinessProbe
	if r.HTTPGet == nil || r.HTTPGet.Path != "/healthz" || ports[r.HTTPGet.Port] != ports["http"] {
		t.Errorf("readinessProbe = %+v; want httpGet /healthz on the http port", r)
	} else if took := time.Duration(r.PeriodSeconds*max(r.FailureThreshold, 1)+max(r.TimeoutSeconds, 1)) * time.Second; took >= cfg.drain {
		t.Errorf("readiness notices the drain after up to %v; the drain lasts %v", took, cfg.drain)
	}
	if r.FailureThreshold < 3 || r.TimeoutSeconds < 2 {
		t.Errorf("readinessProbe failureThreshold %d, timeoutSeconds %d: one slow answer in a CPU stall takes the pod out; want 3 failures of 2 s or more", r.FailureThreshold, r.TimeoutSeconds)
	}
	// Liveness must not fail during the drain and shutdown.
	l := c.LivenessProbe
	switch {
	case l.TCPSocket != nil:
		if ports[l.TCPSocket.Port] != ports["http"] {
			t.Errorf("livenessProbe checks port %q, not http", l.TCPSocket.Port)
		}
	case l.HTTPGet != nil && l.HTTPGet.Path == "/healthz":
		if time.Duration(l.PeriodSeconds*l.FailureThreshold)*time.Second <= cfg.drain+cfg.shutdown {
			t.Errorf("livenessProbe on /healthz would kill a draining pod")
		}
	default:
		t.Errorf("no livenessProbe")
	}

	if grace := time.Duration(pod.TerminationGracePeriodSeconds) * time.Second; grace <= cfg.drain+cfg.shutdown {
		t.Errorf("terminationGracePeriodSeconds %v is not above the drain (%v) plus -shutdown-timeout (%v)", grace, cfg.drain, cfg.shutdown)
	}

	limit, ok := c.Resources.Limits["memory"]
	if !ok || c.Resources.Requests["cpu"] == "" || c.Resources.Requests["memory"] == "" {
		t.Fatalf("resources = %+v; want cpu and memory requests and a memory limit", c.Resources)
	}
	if soft := bytesOf(t, env["GOMEMLIMIT"]); soft != memoryLimit || soft >= bytesOf(t, limit) {
		t.Errorf("GOMEMLIMIT=%q; want the binary's own soft limit (%d MiB), under the memory limit %s", env["GOMEMLIMIT"], memoryLimit>>20, limit)
	}

	sc := c.SecurityContext
	if !pod.SecurityContext.RunAsNonRoot || pod.SecurityContext.RunAsUser == 0 || !sc.ReadOnlyRootFilesystem ||
		sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation || strings.Join(sc.Capabilities.Drop, ",") != "ALL" {
		t.Errorf("security: non-root %v (uid %d), read-only root %v, privilege escalation %v, drop %v",
			pod.SecurityContext.RunAsNonRoot, pod.SecurityContext.RunAsUser, sc.ReadOnlyRootFilesystem, sc.AllowPrivilegeEscalation, sc.Capabilities.Drop)
	}
	// The image runs as distroless "nonroot", uid 65532.
	dockerfile, _ := os.ReadFile(filepath.Join("..", "..", "Dockerfile"))
	if want := fmt.Sprintf("ENV GOMEMLIMIT=%dMiB\n", memoryLimit>>20); !bytes.Contains(dockerfile, []byte(want)) {
		t.Errorf("the Dockerfile has no %q: the image names the binary's own soft limit", strings.TrimSpace(want))
	}
	if !bytes.Contains(dockerfile, []byte("USER nonroot")) || pod.SecurityContext.RunAsUser != 65532 {
		t.Errorf("runAsUser %d; the Dockerfile's user is nonroot (65532)", pod.SecurityContext.RunAsUser)
	}

	for k, v := range svc.Spec.Selector {
		if pod := d.Spec.Template.Metadata.Labels[k]; pod != fmt.Sprint(v) {
			t.Errorf("the Service selects %s=%s; the pods have %q", k, v, pod)
		}
	}
	if len(svc.Spec.Ports) != 1 || ports[svc.Spec.Ports[0].TargetPort] != ports["http"] {
		t.Errorf("Service ports = %+v; want one, to the http port", svc.Spec.Ports)
	}

	// A drained node leaves a replica serving; replicas spread over nodes.
	selects := func(labels map[string]string) bool {
		for k, v := range labels {
			if d.Spec.Template.Metadata.Labels[k] != v {
				return false
			}
		}
		return len(labels) > 0
	}
	pdb := objects["PodDisruptionBudget"]
	pdbLabels := map[string]string{}
	if m, ok := pdb.Spec.Selector["matchLabels"].(map[string]any); ok {
		for k, v := range m {
			pdbLabels[k] = fmt.Sprint(v)
		}
	}
	if pdb.Kind == "" || pdb.Spec.MinAvailable < 1 || !selects(pdbLabels) {
		t.Errorf("PodDisruptionBudget = %+v; want minAvailable 1 or more for the guide's pods", pdb.Spec)
	}
	hostSpread := false
	for _, c := range pod.TopologySpreadConstraints {
		hostSpread = hostSpread || c.TopologyKey == "kubernetes.io/hostname" && c.MaxSkew == 1 && selects(c.LabelSelector.MatchLabels)
	}
	if !hostSpread {
		t.Errorf("topologySpreadConstraints = %+v; want the guide's pods spread over nodes (maxSkew 1)", pod.TopologySpreadConstraints)
	}

	// The metrics port (with /debug/pprof/) is open only to the pods a
	// rule names; the site's port to all.
	np := objects["NetworkPolicy"]
	if np.Kind == "" || !selects(np.Spec.PodSelector.MatchLabels) || !slices.Contains(np.Spec.PolicyTypes, "Ingress") {
		t.Fatalf("NetworkPolicy = %+v; want one for the guide's pods, of type Ingress", np.Spec)
	}
	open := map[string]bool{}
	for _, rule := range np.Spec.Ingress {
		for _, p := range rule.Ports {
			if p.Port != "http" && p.Port != "metrics" {
				t.Errorf("NetworkPolicy opens port %q, which the pod does not name", p.Port)
			}
			if p.Port == "metrics" && len(rule.From) == 0 {
				t.Error("NetworkPolicy opens the metrics port to every pod")
			}
			open[p.Port] = true
		}
	}
	if !open["http"] || !open["metrics"] {
		t.Errorf("NetworkPolicy lets in %v; want the http port for all, the metrics port for the monitoring pods", open)
	}
}

// TestSystemdUnit reads deploy/systemd/guide.service and checks it against
// the program's flags and the nginx config, and for its hardening.
func TestSystemdUnit(t *testing.T) {
	unit := readDeployFile(t, "systemd/guide.service")
	service := map[string][]string{}
	section := ""
	sc := bufio.NewScanner(bytes.NewReader(unit))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "["):
			section = line
		case section == "[Service]":
			k, v, _ := strings.Cut(line, "=")
			service[k] = append(service[k], v)
		}
	}
	env := map[string]string{}
	for _, e := range service["Environment"] {
		k, v, _ := strings.Cut(e, "=")
		env[k] = v
	}
	execStart := strings.Fields(strings.Join(service["ExecStart"], " "))
	if len(execStart) == 0 || !strings.HasSuffix(execStart[0], "/guide") {
		t.Fatalf("ExecStart = %q", service["ExecStart"])
	}
	cfg, err := parseConfig(append([]string{"guide"}, execStart[1:]...), func(k string) string { return env[k] }, io.Discard)
	if err != nil {
		t.Fatalf("the unit's settings do not start the program: %v", err)
	}
	host, _, _ := net.SplitHostPort(cfg.addr)
	if host != "127.0.0.1" || !cfg.trustProxy {
		t.Errorf("behind nginx on the same machine: want ADDR on 127.0.0.1 and TRUST_PROXY; got %s, %v", cfg.addr, cfg.trustProxy)
	}
	if !bytes.Contains(readDeployFile(t, "nginx/guide.conf"), []byte("server "+cfg.addr+" ")) {
		t.Errorf("deploy/nginx/guide.conf does not proxy to the unit's ADDR %s", cfg.addr)
	}
	if mh, _, _ := net.SplitHostPort(cfg.metricsAddr); cfg.metricsAddr != "" && mh != "127.0.0.1" {
		t.Errorf("METRICS_ADDR %s is reachable from outside the machine", cfg.metricsAddr)
	}
	stop, err := time.ParseDuration(strings.Join(service["TimeoutStopSec"], "") + "s")
	if err != nil || stop <= cfg.drain+cfg.shutdown {
		t.Errorf("TimeoutStopSec %v is not above the drain (%v) plus -shutdown-timeout (%v)", service["TimeoutStopSec"], cfg.drain, cfg.shutdown)
	}
	if max := strings.Join(service["MemoryMax"], ""); max == "" || bytesOf(t, env["GOMEMLIMIT"]) != memoryLimit || memoryLimit >= bytesOf(t, max) {
		t.Errorf("GOMEMLIMIT=%q; want the binary's own soft limit (%d MiB), under MemoryMax=%q", env["GOMEMLIMIT"], memoryLimit>>20, max)
	}
	for key, want := range map[string]string{
		"DynamicUser": "yes", "NoNewPrivileges": "yes", "CapabilityBoundingSet": "", "ProtectSystem": "strict",
		"ProtectHome": "yes", "PrivateTmp": "yes", "PrivateDevices": "yes", "ProtectKernelTunables": "yes",
		"ProtectControlGroups": "yes", "RestrictNamespaces": "yes", "MemoryDenyWriteExecute": "yes",
		"RestrictAddressFamilies": "AF_INET AF_INET6", "KillSignal": "SIGTERM",
	} {
		if got := service[key]; len(got) != 1 || got[0] != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}

	// systemd's own check, where systemd is installed.
	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Log("systemd-analyze not installed: the unit's syntax is not checked")
		return
	}
	dir := t.TempDir()
	copyPath := filepath.Join(dir, "guide.service")
	self, _ := os.Executable()
	if err := os.WriteFile(copyPath, bytes.Replace(unit, []byte("ExecStart="+execStart[0]), []byte("ExecStart="+self), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(analyze, "verify", copyPath).CombinedOutput(); err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
}
