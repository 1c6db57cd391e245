package main

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/guide/pmvspm/static"
)

// -dev serves the content directory, reloads it on a save, shows a broken
// file's problem as a 500 page while staying up, and serves pages again
// once the file is fixed.
func TestDevReloads(t *testing.T) {
	dir := contentDir(t)
	addr, _, _, _ := start(t, nil, "-dev", "-content", dir)
	page := "http://" + addr + "/guide/hiring"

	status, header, _ := fetch(t, page)
	if status != http.StatusOK || header.Get("Cache-Control") != "no-store" {
		t.Fatalf("GET /guide/hiring: %d, Cache-Control %q; want 200, no-store", status, header.Get("Cache-Control"))
	}

	file := filepath.Join(dir, "guide/hiring.md")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	line := edit(t, dir, "guide/hiring.md", "\n---\n\n", "\n---\n\n#### Small print {#small-print}\n\n") + 3
	want := "guide/hiring.md:" + strconv.Itoa(line) + ": a level-4 heading is not allowed"
	_, header, body := waitFor(t, page, http.StatusInternalServerError)
	if !strings.Contains(body, want) || header.Get("Cache-Control") != "no-store" {
		t.Errorf("broken content: Cache-Control %q, page:\n%s\nwant it to show %q", header.Get("Cache-Control"), body, want)
	}
	if status, _, _ := fetch(t, "http://"+addr+"/healthz"); status != http.StatusOK {
		t.Errorf("/healthz while the content is broken: %d; want 200", status)
	}
	// The stylesheet and the icon feed on no content: still served.
	for p, name := range map[string]string{static.Path("style.css"): "style.css", "/favicon.ico": "favicon.ico"} {
		a, _ := static.Get(name)
		status, header, body := fetch(t, "http://"+addr+p)
		if status != http.StatusOK || header.Get("Content-Type") != a.ContentType || body != string(a.Body) {
			t.Errorf("GET %s while the content is broken: %d %s; want 200 %s and the file", p, status, header.Get("Content-Type"), a.ContentType)
		}
	}

	// Fixed, with a new sentence that must show.
	fixed := strings.Replace(string(orig), "\n---\n\n", "\n---\n\nA sentence added while the server runs.\n\n", 1)
	if err := os.WriteFile(file, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, body = waitFor(t, page, http.StatusOK)
	if !strings.Contains(body, "A sentence added while the server runs.") {
		t.Error("the fixed page does not show the new sentence")
	}
}

func fetch(t *testing.T, url string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(body)
}

// waitFor polls url until it answers with status: the reload happens in
// the background. (How fast it happens is not this test's business.)
func waitFor(t *testing.T, url string, status int) (int, http.Header, string) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute) // only against a hang
	for {
		got, header, body := fetch(t, url)
		if got == status {
			return got, header, body
		}
		if time.Now().After(deadline) {
			t.Fatalf("GET %s: still %d; want %d", url, got, status)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// -dev and -content DIR name a missing folder in one sentence, not as a
// "missing" problem for every file it should hold.
func TestContentDirMissing(t *testing.T) {
	noEnv := func(string) string { return "" }
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"guide", "-check", "-content", "/nonexistent"}, "-content /nonexistent: no such directory"},
		{[]string{"guide", "-content", "/nonexistent", "-addr", "127.0.0.1:0"}, "-content /nonexistent: no such directory"},
		{[]string{"guide", "-dev", "-addr", "127.0.0.1:0"}, "has no content folder: run it from the repository's top folder, or say where the content is with -content DIR"},
	} {
		t.Chdir(t.TempDir()) // outside the repository: no ./content
		var stdout strings.Builder
		err := run(t.Context(), tc.args, noEnv, &stdout, io.Discard)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %v; want %q", tc.args, err, tc.want)
		}
		if strings.Contains(stdout.String(), "missing") {
			t.Errorf("%v: printed:\n%s", tc.args, stdout.String())
		}
	}
}
