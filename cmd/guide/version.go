package main

import "runtime/debug"

// version and commit name the build. Release builds set them with
// -ldflags "-X main.version=v1.2.3 -X main.commit=abc1234" (the Dockerfile
// and .ci/run do); otherwise they come from what go build records: the
// module version and the git revision of the checkout, when it has one.
var version, commit string

// buildVersion returns the version and the commit of this binary, each
// "unknown" when nothing recorded it; a commit with uncommitted changes
// ends in "-dirty".
func buildVersion() (v, c string) {
	v, c = version, commit
	if info, ok := debug.ReadBuildInfo(); ok {
		if v == "" && info.Main.Version != "(devel)" {
			v = info.Main.Version
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
	if v == "" {
		v = "unknown"
	}
	if c == "" {
		c = "unknown"
	}
	return v, c
}
