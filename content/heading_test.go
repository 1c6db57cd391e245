package content

import (
	"slices"
	"sync"
	"testing"
)

// One parse serves every rendering: rendering never changes the tree, so
// the order of renderings and renderings at once do not matter.
func TestRenderLeavesTheTreeAlone(t *testing.T) {
	md := newMarkdown()
	body := []byte("Intro.\n\n## Pay {#pay}\n\nText.\n\n### The *fine* print {#fine-print}\n")
	doc, err := parseMarkdown(md, "guide/x.md", body, 8, true)
	if err != nil {
		t.Fatal(err)
	}
	const (
		page   = "<p>Intro.</p>\n<h2 id=\"pay\"><a href=\"#pay\" class=\"self-link\">Pay</a></h2>\n<p>Text.</p>\n<h3 id=\"fine-print\"><a href=\"#fine-print\" class=\"self-link\">The <em>fine</em> print</a></h3>\n"
		inline = "<p>Intro.</p>\n<h3 id=\"x-pay\"><a href=\"#x-pay\" class=\"self-link\">Pay</a></h3>\n<p>Text.</p>\n<h4 id=\"x-fine-print\"><a href=\"#x-fine-print\" class=\"self-link\">The <em>fine</em> print</a></h4>\n"
	)
	var wg sync.WaitGroup
	for range 4 {
		for _, tc := range []struct {
			prefix string
			shift  int
			want   string
		}{{"x-", 1, inline}, {"", 0, page}} {
			wg.Go(func() {
				got, err := doc.render(md, tc.prefix, tc.shift)
				if err != nil || got != tc.want {
					t.Errorf("render(%q, %d) = %q, %v; want %q", tc.prefix, tc.shift, got, err, tc.want)
				}
			})
		}
	}
	wg.Wait()
	want := []Heading{{2, "pay", "Pay"}, {3, "fine-print", "The fine print"}}
	if got := doc.headings(); !slices.Equal(got, want) {
		t.Errorf("headings() = %v, want %v", got, want)
	}
}
