package content

import (
	"bufio"
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// newMarkdown builds the one goldmark instance the site uses: CommonMark,
// GFM tables (alignment not rendered, since style= attributes would break
// the Content-Security-Policy), strikethrough, the typographer, heading
// ids (auto or explicit "{#id}") and raw HTML left out.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
			extension.Strikethrough,
			extension.Typographer,
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithAttribute(),
		),
	)
}

// A Heading is an h2 or h3 inside a rendered Markdown body.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// A document is one parsed Markdown body.
type document struct {
	file     string
	src      []byte
	bodyLine int
	root     ast.Node
}

func parseMarkdown(md goldmark.Markdown, file string, body []byte, bodyLine int) (*document, error) {
	doc := &document{file: file, src: body, bodyLine: bodyLine}
	doc.root = md.Parser().Parse(text.NewReader(body))
	if err := doc.check(); err != nil {
		return nil, err
	}
	return doc, nil
}

// line returns the file line of a node, as well as it can be known.
func (d *document) line(n ast.Node) int {
	for c := n; c != nil; c = c.FirstChild() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return d.bodyLine + lineAt(d.src, c.Lines().At(0).Start) - 1
		}
		if t, ok := c.(*ast.Text); ok {
			return d.bodyLine + lineAt(d.src, t.Segment.Start) - 1
		}
		// Inline raw HTML has no Text child; without this it would report
		// the first line of its paragraph.
		if r, ok := c.(*ast.RawHTML); ok && r.Segments.Len() > 0 {
			return d.bodyLine + lineAt(d.src, r.Segments.At(0).Start) - 1
		}
	}
	if p := n.Parent(); p != nil {
		return d.line(p)
	}
	return d.bodyLine
}

// check refuses what the site does not allow in Markdown: raw HTML, an h1
// (the page title comes from front matter) and duplicate heading ids.
func (d *document) check() error {
	seen := map[string]bool{}
	var err error
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock, *ast.RawHTML:
			err = fileErrorf(d.file, d.line(n), "raw HTML is not allowed in content; use Markdown")
		case *ast.Heading:
			id := headingID(n)
			switch {
			case n.Level == 1:
				err = fileErrorf(d.file, d.line(n), "a level-1 heading is not allowed: the title comes from front matter; use ## or ###")
			case seen[id]:
				err = fileErrorf(d.file, d.line(n), "duplicate heading id %q", id)
			}
			seen[id] = true
		}
		if err != nil {
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return err
}

func headingID(h *ast.Heading) string {
	if v, ok := h.AttributeString("id"); ok {
		if b, ok := v.([]byte); ok {
			return string(b)
		}
		if s, ok := v.(string); ok {
			return s
		}
	}
	return ""
}

// linkHeadings is the one AST transform the site applies to every body. For
// each heading it keeps only the id attribute (so content cannot smuggle
// style= or other attributes in), prefixes the id with idPrefix, moves the
// level down by shift, and turns the heading's text into a link to itself,
// which a reader can copy. It returns the headings as written (unprefixed).
func (d *document) linkHeadings(idPrefix string, shift int) []Heading {
	var headings []Heading
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		id := headingID(h)
		headings = append(headings, Heading{Level: h.Level, ID: id, Text: plainText(h, d.src)})
		h.RemoveAttributes()
		h.SetAttributeString("id", []byte(idPrefix+id))
		h.Level = min(h.Level+shift, 6)

		link := ast.NewLink()
		link.Destination = []byte("#" + idPrefix + id)
		link.SetAttributeString("class", []byte("self-link"))
		for c := h.FirstChild(); c != nil; {
			next := c.NextSibling()
			link.AppendChild(link, c)
			c = next
		}
		h.AppendChild(h, link)
		return ast.WalkSkipChildren, nil
	})
	return headings
}

func (d *document) render(md goldmark.Markdown) (string, error) {
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, d.src, d.root); err != nil {
		return "", fileErrorf(d.file, d.bodyLine, "render: %v", err)
	}
	return buf.String(), nil
}

// plainText returns the text of n and its descendants, without markup, with
// the typographer's entities, backslash escapes and entity references
// decoded as the HTML renderer would.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			if p := c.Parent(); p != nil && p.Kind() == ast.KindCodeSpan {
				b.Write(c.Segment.Value(src)) // code is literal
			} else {
				b.WriteString(unescapeText(c.Segment.Value(src)))
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.WriteString(html.UnescapeString(string(c.Value)))
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// unescapeText resolves backslash escapes and entity references in a text
// segment with the renderer's own writer, then decodes the resulting HTML.
func unescapeText(v []byte) string {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	gmhtml.DefaultWriter.Write(w, v)
	_ = w.Flush()
	return html.UnescapeString(buf.String())
}

// firstSentence returns the first sentence of the first paragraph of a
// document: the summary used for meta descriptions and share previews.
func (d *document) firstSentence() string {
	var para string
	for c := d.root.FirstChild(); c != nil; c = c.NextSibling() {
		if p, ok := c.(*ast.Paragraph); ok {
			para = plainText(p, d.src)
			break
		}
	}
	for i := 0; i < len(para); i++ {
		switch para[i] {
		case '.', '?', '!':
			if i+1 == len(para) || para[i+1] == ' ' {
				return para[:i+1]
			}
		}
	}
	return para
}

// text returns the document's paragraphs as plain text, one space apart.
func (d *document) text() string {
	var parts []string
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock:
			if entering {
				parts = append(parts, plainText(n, d.src))
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(parts, " ")
}
