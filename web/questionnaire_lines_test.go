package web

import (
	"io"
	"io/fs"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/guide/pmvspm/content"
)

// A question or option in whichrole.yaml that does not match the form is
// reported at its line, saying what the form has, so an editor can fix it.
func TestQuestionnaireMismatchNamesTheLine(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, old, new, want string
	}{
		{"option renamed", "value: complex-tech", "value: complicated", `question "complexity": option 3 is "complicated"; the form's option 3 is "complex-tech"`},
		{"field renamed", "field: complexity", "field: size", `question 5 is "size"; the form's question 5 is "complexity"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := contentCopy(t)
			src := string(fsys["whichrole.yaml"].Data)
			if strings.Count(src, tt.old) != 1 {
				t.Fatalf("whichrole.yaml: %q occurs %d times", tt.old, strings.Count(src, tt.old))
			}
			line := strings.Count(src[:strings.Index(src, tt.old)], "\n") + 1
			fsys["whichrole.yaml"].Data = []byte(strings.Replace(src, tt.old, tt.new, 1))
			site, err := content.Load(fsys)
			if err != nil {
				t.Fatal(err)
			}
			_, err = NewServer(slogTo(io.Discard), site, Config{})
			want := "whichrole.yaml:" + strconv.Itoa(line) + ": " + tt.want
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("NewServer error = %v, want it to start %q", err, want)
			}
		})
	}
}

// contentCopy returns a writable copy of the embedded content, for a test
// to change a file of.
func contentCopy(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(content.Files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(content.Files, path)
		fsys[path] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}
