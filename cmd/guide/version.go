package main

import (
	"cmp"
	"runtime/debug"
	"strings"
)

// version and commit name the build. Release builds set them with
// -ldflags "-X main.version=v1.2.3 -X main.commit=abc1234" (the Dockerfile
// and .ci/run do); otherwise they come from what go build and go install
// record (debug.ReadBuildInfo): the version of the module (the tag, when
// the commit has one; a pseudo-version such as v0.0.0-20261206…-c6fa9a2cfbd9
// otherwise) and the git revision of the checkout, when it has one.
var version, commit string

// buildVersion returns the version and the commit of this binary, each
// "unknown" when nothing recorded it; a commit with uncommitted changes
// ends in "-dirty".
func buildVersion() (v, c string) {
	info, _ := debug.ReadBuildInfo()
	return versionOf(version, commit, info)
}

// versionOf is buildVersion over what the linker set (v, c) and what Go
// recorded (info, which may be nil).
func versionOf(v, c string, info *debug.BuildInfo) (string, string) {
	if info != nil {
		if v == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v = strings.TrimSuffix(info.Main.Version, "+dirty")
		}
		if c == "" {
			vcs := map[string]string{}
			for _, s := range info.Settings {
				vcs[s.Key] = s.Value
			}
			c = vcs["vcs.revision"]
			if c != "" && vcs["vcs.modified"] == "true" {
				c += "-dirty"
			}
		}
	}
	return cmp.Or(v, "unknown"), cmp.Or(c, "unknown")
}

// versionAsked reports whether the command line asks for -version: it wins
// over every other flag and setting, so that a binary whose other flags or
// environment are wrong still says what it is.
func versionAsked(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-version", "--version", "-version=true", "--version=true":
			return true
		}
	}
	return false
}
