package templates

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/guide/pmvspm/content"
)

// JobAds is /which-role/job-ad and its two files: one advert per hire the
// answers call for, or the reason there is none yet. The page, the
// Markdown file and the plain-text file all show exactly these words, in
// this order.
type JobAds struct {
	Title   string // the page's heading
	Lede    string // what to do with the drafts; empty when there are none
	Query   string // the answers, canonical
	BaseURL string // for the files' links: absolute, since they leave the site
	Words   content.KitWords
	Ads     []JobAd
	// NotesHeading heads the employer's notes: beside each advert on the
	// page, one list before the adverts in Markdown, never in the text.
	NotesHeading string
	// NotYet: no hire is called for yet, so Ads holds only why, under
	// the page's heading, and there is nothing to download.
	NotYet bool
}

// A JobAd is one advert (or the not-yet answer): a title, the split of a
// combined job, then its parts; and the employer's notes, which are not
// part of the advert.
type JobAd struct {
	ID     string // the section's id on the page
	Title  string
	Split  string
	Blocks []AdBlock
	Notes  []AdLine
}

// An AdBlock is one part of an advert: an optional heading, then
// paragraphs, a list and more paragraphs.
type AdBlock struct {
	Heading string
	Before  []AdLine
	Items   []AdLine
	After   []AdLine
}

// An AdLine is a paragraph or list item: text, then, if LinkURL is set, a
// link in brackets after it (or alone, when there is no text).
type AdLine struct {
	Text     string
	LinkText string
	LinkURL  string // a path on the site
}

// Line is a line of text with no link.
func Line(text string) AdLine { return AdLine{Text: text} }

// Lines turns texts into lines.
func Lines(texts ...string) []AdLine {
	out := make([]AdLine, len(texts))
	for i, t := range texts {
		out[i] = Line(t)
	}
	return out
}

// WriteMarkdown writes the adverts as one Markdown document: the
// employer's notes first, as a "Before you post" list (each note once),
// then each advert under its own level-1 heading, separated by a rule.
func (v JobAds) WriteMarkdown(w io.Writer) error {
	var notes []AdLine
	for _, ad := range v.Ads {
		for _, n := range ad.Notes {
			if !slices.Contains(notes, n) {
				notes = append(notes, n)
			}
		}
	}
	var s strings.Builder
	if len(notes) > 0 {
		fmt.Fprintf(&s, "# %s\n\n", v.NotesHeading)
		v.writeLines(&s, notes, "- ", markdownLink)
		s.WriteString("---\n\n")
	}
	if _, err := io.WriteString(w, s.String()); err != nil {
		return err
	}
	return v.write(w, adFormat{rule: "---", title: "# ", heading: "## ", link: markdownLink})
}

// WriteText writes the adverts alone, as plain text for pasting into a job
// site: no markup, headings on their own lines, list items after "- ", and
// nothing for the employer (no notes, no links).
func (v JobAds) WriteText(w io.Writer) error {
	return v.write(w, adFormat{rule: strings.Repeat("-", 40)})
}

// An adFormat is how a file marks the adverts' parts.
type adFormat struct {
	rule           string                        // between two adverts
	title, heading string                        // before an advert's title and a part's heading
	link           func(text, url string) string // nil: no links
}

func (v JobAds) write(w io.Writer, f adFormat) error {
	var s strings.Builder
	for i, ad := range v.Ads {
		if i > 0 {
			s.WriteString(f.rule + "\n\n")
		}
		fmt.Fprintf(&s, "%s%s\n\n", f.title, ad.Title)
		if ad.Split != "" {
			fmt.Fprintf(&s, "%s\n\n", ad.Split)
		}
		for _, b := range ad.Blocks {
			if b.Heading != "" {
				fmt.Fprintf(&s, "%s%s\n\n", f.heading, b.Heading)
			}
			v.writeLines(&s, b.Before, "", f.link)
			v.writeLines(&s, b.Items, "- ", f.link)
			v.writeLines(&s, b.After, "", f.link)
		}
	}
	_, err := io.WriteString(w, strings.TrimSuffix(s.String(), "\n"))
	return err
}

// writeLines writes paragraphs (no prefix: a blank line after each) or a
// list (a prefix: one blank line after the list).
func (v JobAds) writeLines(s *strings.Builder, lines []AdLine, prefix string, link func(text, url string) string) {
	for _, l := range lines {
		if link == nil {
			l.LinkURL = ""
		}
		if l.Text == "" && l.LinkURL == "" {
			continue
		}
		s.WriteString(prefix)
		s.WriteString(l.Text)
		if l.LinkURL != "" {
			if l.Text == "" {
				s.WriteString(link(l.LinkText, v.BaseURL+l.LinkURL))
			} else {
				s.WriteString(" (" + link(l.LinkText, v.BaseURL+l.LinkURL) + ")")
			}
		}
		s.WriteString("\n")
		if prefix == "" {
			s.WriteString("\n")
		}
	}
	if prefix != "" && len(lines) > 0 {
		s.WriteString("\n")
	}
}

func markdownLink(text, url string) string { return "[" + text + "](" + url + ")" }

// placeholder is a part of an advert for the employer to fill in.
var placeholder = regexp.MustCompile(`\[[^\]]*\]`)

// A TextPart is a run of text, marked when it is a [placeholder].
type TextPart struct {
	Text string
	Mark bool
}

// Placeholders cuts text into runs, each [placeholder] a marked run of
// its own, for the page to highlight.
func Placeholders(text string) []TextPart {
	var out []TextPart
	last := 0
	for _, m := range placeholder.FindAllStringIndex(text, -1) {
		if m[0] > last {
			out = append(out, TextPart{Text: text[last:m[0]]})
		}
		out = append(out, TextPart{Text: text[m[0]:m[1]], Mark: true})
		last = m[1]
	}
	if last < len(text) {
		out = append(out, TextPart{Text: text[last:]})
	}
	return out
}
