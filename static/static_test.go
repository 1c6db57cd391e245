package static

import (
	"bytes"
	"testing"
)

// TestStylesheetServedWithoutComments checks that the stylesheet is served
// without its comments, and with every rule of the source.
func TestStylesheetServedWithoutComments(t *testing.T) {
	a, ok := Get("style.css")
	if !ok {
		t.Fatal("no style.css")
	}
	src, err := files.ReadFile("style.css")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(src, []byte("/*")) {
		t.Fatal("the source has no comments: the test proves nothing")
	}
	if bytes.Contains(a.Body, []byte("/*")) || bytes.Contains(a.Body, []byte("*/")) {
		t.Error("the served stylesheet has comments")
	}
	if n, m := bytes.Count(src, []byte("{")), bytes.Count(a.Body, []byte("{")); n != m {
		t.Errorf("the served stylesheet has %d rules' braces, the source %d", m, n)
	}
}
