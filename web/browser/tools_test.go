package browser

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// chromiumPath is Debian's Chromium, which .ci/browser-tools.sh installs.
const chromiumPath = "/usr/bin/chromium"

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
	t.Skip(msg)
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
