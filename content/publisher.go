package content

import (
	"html"
	"io/fs"
	"net/mail"
	"net/url"
	"strings"
)

// Publisher is who publishes this copy of the site and how to reach them
// (SPEC §7.3), from publisher.yaml. Whoever deploys the site sets it; every
// page's footer and /about show it.
type Publisher struct {
	Name string `yaml:"name"`
	// Contact is an email address or an http(s) web address; it may be
	// empty, and then the site names no contact.
	Contact string `yaml:"contact"`
}

// aboutPublisher is where /about says who publishes the site.
const aboutPublisher = "/about#publisher"

// publisherToken in a standalone page's Markdown becomes the publisher's
// name, linked to their contact when there is one.
const publisherToken = "{publisher}"

// Href is where the publisher's name links to: their email address
// (mailto:) or web address, or, with no contact, the part of /about that
// names them.
func (p Publisher) Href() string {
	switch {
	case p.Contact == "":
		return aboutPublisher
	case strings.HasPrefix(p.Contact, "http://"), strings.HasPrefix(p.Contact, "https://"):
		return p.Contact
	default:
		return "mailto:" + p.Contact
	}
}

// html is the publisher as /about shows it: the name, linked to the contact
// when there is one.
func (p Publisher) html() string {
	name := html.EscapeString(p.Name)
	if p.Contact == "" {
		return name
	}
	return `<a href="` + html.EscapeString(p.Href()) + `">` + name + `</a>`
}

func loadPublisher(fsys fs.FS, file string) (Publisher, error) {
	var p Publisher
	at, err := readYAML(fsys, file, &p)
	if err != nil {
		return Publisher{}, err
	}
	var problems Problems
	p.Name = strings.TrimSpace(p.Name)
	p.Contact = strings.TrimSpace(p.Contact)
	switch {
	case p.Name == "":
		problems.add(fileErrorf(file, at.nearest("name"), "name is required: who publishes this site"))
	case len(p.Name) > 100 || strings.ContainsAny(p.Name, "\n{}"):
		problems.add(fileErrorf(file, at.key("name"), "name must be one line of at most 100 characters, without braces"))
	}
	if p.Contact != "" && !validContact(p.Contact) {
		problems.add(fileErrorf(file, at.key("contact"), "contact %q is neither an email address (name@example.org) nor a web address (https://…)", p.Contact))
	}
	if err := problems.err(); err != nil {
		return Publisher{}, err
	}
	return p, nil
}

// validContact reports whether s is a bare email address or an absolute
// http or https URL with a host.
func validContact(s string) bool {
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		u, err := url.Parse(s)
		return err == nil && u.Host != "" && !strings.ContainsAny(s, " \"<>")
	}
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && a.Name == ""
}
