package content

import (
	"fmt"
	"io/fs"
	"reflect"
	"strings"
)

// Words are the sentences the server puts on the pages it builds itself
// (titles, error pages, form messages, captions), from words.yaml. Every
// key is required; a few hold a {placeholder} the server fills in.
type Words struct {
	Pages struct {
		Guide      PageWords `yaml:"guide"`
		FAQ        PageWords `yaml:"faq"`
		HowItWorks PageWords `yaml:"how_it_works"`
		WhichRole  PageWords `yaml:"which_role"`
	} `yaml:"pages"`
	Form struct {
		ErrorTitle  string `yaml:"error_title"` // {title}: the form's title
		MoreThanOne string `yaml:"more_than_one"`
		NotAChoice  string `yaml:"not_a_choice"`
		NotOnList   string `yaml:"not_on_list"`
		Unreadable  string `yaml:"unreadable"`
		DamagedLink string `yaml:"damaged_link"`
	} `yaml:"form"`
	Result struct {
		Title       string `yaml:"title"`      // {role}
		NoAnswer    string `yaml:"no_answer"`  // a question left unanswered
		GuideLink   string `yaml:"guide_link"` // {title}: the section's
		MailSubject string `yaml:"mail_subject"`
		MailLink    string `yaml:"mail_link"` // before the result's address
	} `yaml:"result"`
	Cards struct {
		SiteKicker   string `yaml:"site_kicker"`
		SiteTitle    string `yaml:"site_title"`
		GuideKicker  string `yaml:"guide_kicker"`
		FAQKicker    string `yaml:"faq_kicker"`
		ResultKicker string `yaml:"result_kicker"`
	} `yaml:"cards"`
	Errors struct {
		Forbidden        ErrorWords `yaml:"forbidden"`
		NotFound         ErrorWords `yaml:"not_found"`
		MethodNotAllowed ErrorWords `yaml:"method_not_allowed"`
		TooLarge         ErrorWords `yaml:"too_large"`
		TooManyRequests  ErrorWords `yaml:"too_many_requests"`
		ServerError      ErrorWords `yaml:"server_error"`
	} `yaml:"errors"`
}

// PageWords are a page's title and meta description.
type PageWords struct {
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
}

// ErrorWords are an error page's heading and message.
type ErrorWords struct {
	Heading string `yaml:"heading"`
	Message string `yaml:"message"`
}

// placeholders are the keys that must keep their {placeholder}.
var placeholders = map[string]string{
	"form.error_title":    "{title}",
	"result.title":        "{role}",
	"result.guide_link":   "{title}",
	"result.mail_subject": "{role}",
}

// Fill returns text with {name} replaced by value.
func Fill(text, name, value string) string {
	return strings.ReplaceAll(text, "{"+name+"}", value)
}

func loadWords(fsys fs.FS, file string) (Words, error) {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return Words{}, fmt.Errorf("read %s: %w", file, err)
	}
	var w Words
	if err := decodeYAML(file, src, 1, &w); err != nil {
		return Words{}, err
	}
	at := newYAMLLines(src, 1)
	var problems Problems
	eachString(reflect.ValueOf(&w).Elem(), "", func(key string, s string) {
		switch {
		case strings.TrimSpace(s) == "":
			problems.add(fileErrorf(file, at.nearest(key), "%s is required", key))
		case placeholders[key] != "" && !strings.Contains(s, placeholders[key]):
			problems.add(fileErrorf(file, at.key(key), "%s must keep %s", key, placeholders[key]))
		}
	})
	if err := problems.err(); err != nil {
		return Words{}, err
	}
	return w, nil
}

// eachString calls f with the dotted YAML key and value of every string
// field in v, a struct, in declaration order.
func eachString(v reflect.Value, prefix string, f func(key, s string)) {
	t := v.Type()
	for i := range t.NumField() {
		key := prefix + t.Field(i).Tag.Get("yaml")
		switch fv := v.Field(i); fv.Kind() {
		case reflect.String:
			f(key, fv.String())
		case reflect.Struct:
			eachString(fv, key+".", f)
		}
	}
}
