package web

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/guide/pmvspm/content"
)

// The content's links to pages that the templates make are checked against
// the pages the server serves, with their ids, and reported at file:line.
func TestNewServerChecksLinks(t *testing.T) {
	t.Parallel()
	fsys := contentCopy(t)
	const file = "guide/hiring.md"
	orig := string(fsys[file].Data)
	line := strings.Count(orig, "\n") + 2 // the appended text starts after a blank line
	fsys[file] = &fstest.MapFile{Data: []byte(orig + "\n" +
		"Fine: [compare](/compare), [an answer](/faq#who-gets-paid-more), [the form](/which-role?goal=new-product), [a result](/which-role/result?goal=x).\n" +
		"Broken: [no page](/nowhere), [no id](/compare#nowhere), [an anchor on a result](/which-role/result#top), [a file](/static/style.css).\n")}
	site, err := content.Load(fsys)
	if err != nil {
		t.Fatalf("content.Load: %v", err)
	}
	_, err = NewServer(slogTo(&syncBuffer{}), site, Config{Encodings: testEncodings(t)})
	if err == nil {
		t.Fatal("NewServer accepted broken links")
	}
	got := strings.Split(err.Error(), "\n")
	at := file + ":" + strconv.Itoa(line+1) + ": "
	want := []string{
		at + `link "/nowhere": the site has no page /nowhere`,
		at + `link "/compare#nowhere": /compare has no id "nowhere"`,
		at + `link "/which-role/result#top": /which-role/result is made per request, so its #top cannot be checked: link to the page alone`,
		at + `link "/static/style.css": the site has no page /static/style.css`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("NewServer error:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
