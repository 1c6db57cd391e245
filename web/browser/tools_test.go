package browser

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// chromiumPath is Debian's Chromium headless shell, which
// .ci/browser-tools.sh installs: the same engine as the browser, without the
// desktop browser around it, for about 30 % less CPU over these tests.
const chromiumPath = "/usr/bin/chromium-headless-shell"

// inCI reports whether the tests run in CI, where a missing tool is a
// failure and not a reason to skip.
func inCI() bool { return os.Getenv("CI") == "true" }

// requireTool skips the test when a tool is missing, or fails it in CI.
func requireTool(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	msg := fmt.Sprintf("%v (install it with: sudo bash .ci/browser-tools.sh)", err)
	if inCI() {
		t.Fatal(msg)
	}
	skips.add(t.Name(), err.Error())
	t.Skip(msg)
}

// skips records the tests skipped for want of a tool, for the summary that
// runTests prints at the end: a skipped browser test must not pass unseen.
var skips skipList

type skipList struct {
	mu      sync.Mutex
	tests   []string
	reasons []string // distinct, in order of first appearance
}

func (s *skipList) add(test, reason string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tests = append(s.tests, test)
	if !slices.Contains(s.reasons, reason) {
		s.reasons = append(s.reasons, reason)
	}
}

// summary is the loud banner, or "" if nothing was skipped.
func (s *skipList) summary() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.tests) == 0 {
		return ""
	}
	line := strings.Repeat("!", 72) + "\n"
	var b strings.Builder
	b.WriteString(line)
	fmt.Fprintf(&b, "SKIPPED: %d browser tests did not run:\n", len(s.tests))
	// Exactly the tests that skipped, their subtests after their name.
	var parents []string
	subtests := map[string][]string{}
	for _, name := range s.tests {
		parent, sub, _ := strings.Cut(name, "/")
		if _, seen := subtests[parent]; !seen {
			parents = append(parents, parent)
		}
		if sub != "" {
			subtests[parent] = append(subtests[parent], sub)
		} else if subtests[parent] == nil {
			subtests[parent] = []string{}
		}
	}
	for _, p := range parents {
		if subs := subtests[p]; len(subs) > 0 {
			fmt.Fprintf(&b, "  %s: %s\n", p, strings.Join(subs, ", "))
		} else {
			fmt.Fprintf(&b, "  %s\n", p)
		}
	}
	b.WriteString("because of:\n")
	for _, r := range s.reasons {
		fmt.Fprintf(&b, "  - %s\n", r)
	}
	b.WriteString("Install the tools once with: sudo bash .ci/browser-tools.sh (CI fails instead of skipping).\n")
	b.WriteString(line)
	return b.String()
}

// printSkips prints the summary of the tests that skipped (see tell).
func printSkips() {
	if summary := skips.summary(); summary != "" {
		tell(summary)
	}
}

// tell prints msg where a person will see it: go test shows a passing
// package's output only with -v, so otherwise it goes to the terminal, if
// there is one.
func tell(msg string) {
	if !testing.Verbose() {
		if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
			defer tty.Close()
			fmt.Fprint(tty, msg)
			return
		}
	}
	fmt.Fprint(os.Stderr, msg)
}

// toolFile returns the absolute path of a file under the repository root,
// or an error naming it when it is missing.
func toolFile(rel string) (string, error) {
	root, err := repoRoot()
	if err != nil {
		return "", err
	}
	path := filepath.Join(root, filepath.FromSlash(rel))
	if _, err := os.Stat(path); err != nil {
		return "", fmt.Errorf("missing tool: %w", err)
	}
	return path, nil
}

func axePath() (string, error) { return toolFile(".tools/node_modules/axe-core/axe.min.js") }

func vnuPath() (string, error) { return toolFile(".tools/node_modules/vnu-jar/build/dist/vnu.jar") }

func javaPath() (string, error) {
	p, err := exec.LookPath("java")
	if err != nil {
		return "", fmt.Errorf("missing tool: %w", err)
	}
	return p, nil
}

func chromium() (string, error) {
	if _, err := os.Stat(chromiumPath); err != nil {
		return "", fmt.Errorf("missing tool: %w", err)
	}
	return chromiumPath, nil
}

var repoRoot = sync.OnceValues(func() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
})

func TestSkipSummary(t *testing.T) {
	var s skipList
	if got := s.summary(); got != "" {
		t.Errorf("summary with nothing skipped = %q; want none", got)
	}
	s.add("TestAxe/home", "missing tool: stat /usr/bin/chromium-headless-shell: no such file or directory")
	s.add("TestAxe/guide", "missing tool: stat /usr/bin/chromium-headless-shell: no such file or directory")
	s.add("TestVNU", `missing tool: exec: "java": executable file not found in $PATH`)
	got := s.summary()
	for _, want := range []string{
		"SKIPPED: 3 browser tests did not run:\n  TestAxe: home, guide\n  TestVNU\nbecause of:\n",
		"\n  - missing tool: stat /usr/bin/chromium-headless-shell: no such file or directory\n  - missing tool: exec: \"java\"",
		"sudo bash .ci/browser-tools.sh",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("summary lacks %q:\n%s", want, got)
		}
	}
	// Only the tests that skipped: none that ran.
	for _, ran := range []string{"TestKeyboard", "small screens", "axe-core"} {
		if strings.Contains(got, ran) {
			t.Errorf("summary names %q, which did not skip:\n%s", ran, got)
		}
	}
}
