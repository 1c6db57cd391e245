package main

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// A JSON log says durations as Go durations ("10ms"), not nanoseconds; and
// LOG_LEVEL (or -log-level) leaves out the lines below it, requests
// included above info.
func TestLogLevelAndDurations(t *testing.T) {
	for _, tt := range []struct {
		env      map[string]string
		args     []string
		requests bool // the request is logged
		infos    bool // "serving" and the other info lines are
	}{
		{map[string]string{"LOG_FORMAT": "json"}, nil, true, true},
		{map[string]string{"LOG_FORMAT": "json", "LOG_LEVEL": "warn"}, nil, false, false},
		{map[string]string{"LOG_FORMAT": "json", "LOG_LEVEL": "warn"}, []string{"-log-level", "debug"}, true, true},
	} {
		addr, cancel, done, stdout := start(t, tt.env, append([]string{"-drain", "10ms"}, tt.args...)...)
		resp, err := http.Get("http://" + addr + "/guide")
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		cancel()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		var requests, infos int
		var draining map[string]any
		for _, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
			var entry map[string]any
			if err := json.Unmarshal([]byte(line), &entry); err != nil {
				continue
			}
			switch {
			case entry["path"] == "/guide":
				requests++
			case entry["level"] == "INFO":
				infos++
				if entry["msg"] == "draining" {
					draining = entry
				}
			}
		}
		what := tt.env["LOG_LEVEL"] + " " + strings.Join(tt.args, " ")
		if (requests > 0) != tt.requests || (infos > 0) != tt.infos {
			t.Errorf("%s: %d request lines, %d info lines; want requests %v, info %v:\n%s", what, requests, infos, tt.requests, tt.infos, stdout.String())
		}
		if tt.infos {
			if d, ok := draining["for"].(string); !ok || d != (10*time.Millisecond).String() {
				t.Errorf("%s: the drain's duration is logged as %#v, want \"10ms\"", what, draining["for"])
			}
		}
	}
	// A level that is not one is refused by name.
	_, err := parseConfig([]string{"guide"}, func(k string) string { return map[string]string{"LOG_LEVEL": "verbose"}[k] }, io.Discard)
	if err == nil || err.Error() != `LOG_LEVEL="verbose" is not a log level: use debug, info, warn or error` {
		t.Errorf("LOG_LEVEL=verbose: %v", err)
	}
}
