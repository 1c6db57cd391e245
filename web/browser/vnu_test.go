package browser

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A vnuMessage is one message of the Nu HTML Checker's JSON output.
type vnuMessage struct {
	Type     string `json:"type"` // error, info, non-document-error
	URL      string `json:"url"`
	LastLine int    `json:"lastLine"`
	FirstCol int    `json:"firstColumn"`
	Message  string `json:"message"`
	Extract  string `json:"extract"`
}

// TestValidHTML fetches every page's HTML and runs the Nu HTML Checker once
// over all of them (the JVM start-up is most of its time), then reports
// each page's errors in its own subtest.
func TestValidHTML(t *testing.T) {
	t.Parallel()
	jar, err := vnuPath()
	requireTool(t, err)
	java, err := javaPath()
	requireTool(t, err)

	dir := t.TempDir()
	files := map[string]bool{} // the pages' file names
	var args []string
	for _, p := range pages() {
		body := fetch(t, p)
		name := p.name + ".html"
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o644); err != nil {
			t.Fatal(err)
		}
		files[name] = true
		args = append(args, filepath.Join(dir, name))
	}

	canary := filepath.Join(dir, "canary.html")
	if err := os.WriteFile(canary, []byte(canaryHTML), 0o644); err != nil {
		t.Fatal(err)
	}
	args = append(args, canary)

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	// One short run: the quick compiler alone (TieredStopAtLevel=1) checks
	// the pages for half the CPU of the full JIT. Its frames are larger, so
	// the checker's schema needs a bigger stack.
	jvm := []string{"-XX:TieredStopAtLevel=1", "-Xss8m", "-jar", jar}
	cmd := exec.CommandContext(ctx, java, append(append(jvm, "--errors-only", "--format", "json"), args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run() // exits 1 when it found errors; the JSON says which
	var out struct {
		Messages []vnuMessage `json:"messages"`
	}
	if err := json.Unmarshal(stderr.Bytes(), &out); err != nil {
		t.Fatalf("vnu: %v (run: %v)\nstdout: %s\nstderr: %s", err, runErr, stdout.Bytes(), stderr.Bytes())
	}

	byFile := map[string][]vnuMessage{}
	for _, m := range out.Messages {
		name := filepath.Base(strings.TrimPrefix(m.URL, "file:"))
		if (!files[name] && name != "canary.html") || m.Type == "non-document-error" {
			t.Errorf("vnu: %s: %s: %s", m.URL, m.Type, m.Message)
			continue
		}
		byFile[name] = append(byFile[name], m)
	}
	if len(byFile["canary.html"]) == 0 {
		t.Fatalf("vnu found no error in the canary page: the check is broken\nstderr: %s", stderr.Bytes())
	}
	for _, p := range pages() {
		t.Run(p.name, func(t *testing.T) {
			msgs := byFile[p.name+".html"]
			for _, m := range msgs {
				t.Errorf("%s:%d:%d: %s: %s\n\t%s", p.path, m.LastLine, m.FirstCol, m.Type, m.Message,
					strings.ReplaceAll(m.Extract, "\n", "⏎"))
			}
			t.Logf("%s: %d vnu errors", p.path, len(msgs))
		})
	}
}

// fetch gets the page's HTML with a plain HTTP client and checks its status.
func fetch(t *testing.T, p page) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), actionTimeout)
	defer cancel()
	method, body := http.MethodGet, io.Reader(nil)
	if p.submitEmpty {
		method, body = http.MethodPost, strings.NewReader("")
	}
	req, err := http.NewRequestWithContext(ctx, method, p.url(), body)
	if err != nil {
		t.Fatal(err)
	}
	if p.submitEmpty {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != p.status {
		t.Fatalf("%s %s: status %d, want %d", method, p.path, resp.StatusCode, p.status)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Fatalf("%s %s: Content-Type %q, want HTML", method, p.path, ct)
	}
	return b
}
