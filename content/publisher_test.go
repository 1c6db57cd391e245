package content_test

import (
	"strings"
	"testing"
)

func TestLoadPublisherErrors(t *testing.T) {
	const file = "publisher.yaml"
	testLoadErrors(t, []loadErrorCase{
		{
			name: "no name",
			edit: write(file, "name: \"\"\ncontact: \"\"\n"),
			file: file, line: 1, reason: "name is required",
		},
		{
			name: "contact neither email nor web address",
			edit: write(file, "name: Acme Ltd\ncontact: acme\n"),
			file: file, line: 2, reason: "neither an email address",
		},
		{
			name: "contact a web address without a host",
			edit: write(file, "name: Acme Ltd\ncontact: \"https://\"\n"),
			file: file, line: 2, reason: "neither an email address",
		},
		{
			name: "contact an email address with a display name",
			edit: write(file, "name: Acme Ltd\ncontact: \"Acme <guide@acme.example>\"\n"),
			file: file, line: 2, reason: "neither an email address",
		},
		{
			name: "unknown key",
			edit: write(file, "name: Acme Ltd\nemail: guide@acme.example\n"),
			file: file, line: 2, reason: "email",
		},
	})
}

func TestPublisher(t *testing.T) {
	tests := []struct {
		yaml, href, about string
	}{
		{"name: Acme Ltd\ncontact: guide@acme.example\n", "mailto:guide@acme.example", `<a href="mailto:guide@acme.example">Acme Ltd</a>`},
		{"name: Acme & Co\ncontact: https://acme.example/contact\n", "https://acme.example/contact", `<a href="https://acme.example/contact">Acme &amp; Co</a>`},
		{"name: Acme Ltd\ncontact: \"\"\n", "/about#publisher", "published by Acme Ltd."},
	}
	for _, tt := range tests {
		site := mustLoad(t, write("publisher.yaml", tt.yaml))
		if got := site.Publisher.Href(); got != tt.href {
			t.Errorf("%q: Href() = %q, want %q", tt.yaml, got, tt.href)
		}
		about, _ := site.Page("about")
		if !strings.Contains(about.HTML, tt.about) || strings.Contains(about.HTML, "{publisher}") {
			t.Errorf("%q: /about does not name the publisher as %s", tt.yaml, tt.about)
		}
	}
	// The default works out of the box.
	site := mustLoad(t)
	if site.Publisher.Name == "" || site.Publisher.Href() == "" {
		t.Errorf("default publisher = %+v", site.Publisher)
	}
}
