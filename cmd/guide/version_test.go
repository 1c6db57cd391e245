package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// What go build and go install record names a build that no -ldflags
// stamped: the tag or pseudo-version, and the commit.
func TestVersionFromBuildInfo(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	for _, tt := range []struct {
		name         string
		ldV, ldC     string
		info         *debug.BuildInfo
		wantV, wantC string
	}{
		{"nothing recorded", "", "", nil, "unknown", "unknown"},
		{"go run", "", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "unknown", "unknown"},
		{"go build in a clone", "", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261206204511-c6fa9a2cfbd9"}, Settings: vcs("c6fa9a2cfbd9ff8bc2b235d6beea27e83ee02f66", "false")},
			"v0.0.0-20261206204511-c6fa9a2cfbd9", "c6fa9a2cfbd9ff8bc2b235d6beea27e83ee02f66"},
		{"go build of a tag", "", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.4.0"}, Settings: vcs("c6fa9a2cfbd9ff8bc2b235d6beea27e83ee02f66", "false")},
			"v0.4.0", "c6fa9a2cfbd9ff8bc2b235d6beea27e83ee02f66"},
		{"go build with changes", "", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.4.0+dirty"}, Settings: vcs("c6fa9a2", "true")},
			"v0.4.0", "c6fa9a2-dirty"},
		{"stamped by the Dockerfile", "v0.4.0", "abc1234", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("c6fa9a2", "true")},
			"v0.4.0", "abc1234"},
	} {
		if v, c := versionOf(tt.ldV, tt.ldC, tt.info); v != tt.wantV || c != tt.wantC {
			t.Errorf("%s: %s (commit %s), want %s (commit %s)", tt.name, v, c, tt.wantV, tt.wantC)
		}
	}
}

// -version wins over every other flag and setting, even wrong ones.
func TestVersionWins(t *testing.T) {
	v, c := buildVersion()
	want := "guide " + v + " (commit " + c + ")\n"
	env := map[string]string{"PORT": "0", "HTTPS": "yes"}
	for _, args := range [][]string{
		{"guide", "-version"},
		{"guide", "-addr", "nonsense", "-version"},
		{"guide", "-check", "-version", "-content", "/nonexistent"},
		{"guide", "-version", "-no-such-flag"},
	} {
		var stdout bytes.Buffer
		if err := run(context.Background(), args, func(k string) string { return env[k] }, &stdout, io.Discard); err != nil || stdout.String() != want {
			t.Errorf("%v: %q, %v; want %q", args, stdout.String(), err, want)
		}
	}
}

// The Dockerfile's own build command, the one a reader copies, stamps the
// version and the commit that its go build passes to -ldflags.
func TestDockerfileStampsVersion(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	header, _, _ := strings.Cut(text[strings.Index(text, "# Build:"):], "\n")
	for _, want := range []string{"docker build", "--build-arg VERSION=$(git describe --tags", "--build-arg COMMIT=$(git rev-parse HEAD)"} {
		if !strings.Contains(header, want) {
			t.Errorf("the Dockerfile's build command %q does not say %q", header, want)
		}
	}
	if !strings.Contains(text, "-X main.version=${VERSION} -X main.commit=${COMMIT}") {
		t.Error("the Dockerfile's go build does not pass VERSION and COMMIT to -ldflags")
	}
}
