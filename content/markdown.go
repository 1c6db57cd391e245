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
// ids (explicit "{#id}": check refuses a heading without one), headings
// rendered as links to themselves (headingLinks) and raw HTML left out.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
			extension.Strikethrough,
			extension.Typographer,
			headingLinks{},
		),
		goldmark.WithParserOptions(
			parser.WithAttribute(),
		),
	)
}

// A document is one parsed Markdown body. It is only read after parsing:
// rendering it again gives the same HTML.
type document struct {
	file     string
	src      []byte
	bodyLine int
	root     ast.Node
	links    []Link // every link written in the body, to check once all files are loaded
}

// parseMarkdown parses a body and checks it (see check). headings says
// whether the body may have headings at all. The document comes back even
// with problems, so that what it links to can be checked too.
func parseMarkdown(md goldmark.Markdown, file string, body []byte, bodyLine int, headings bool) (*document, error) {
	doc := &document{file: file, src: body, bodyLine: bodyLine}
	doc.root = md.Parser().Parse(text.NewReader(body))
	return doc, doc.check(headings)
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

// check returns every problem in the body: raw HTML, headings other than
// ## and ###, headings without an explicit id, duplicate ids, and (when
// headings is false) any heading. It records the body's links in d.links.
func (d *document) check(headings bool) error {
	var problems Problems
	add := func(n ast.Node, format string, args ...any) {
		problems.add(fileErrorf(d.file, d.line(n), format, args...))
	}
	seen := map[string]bool{}
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock, *ast.RawHTML:
			add(n, "raw HTML is not allowed in content; use Markdown")
		case *ast.Heading:
			id := headingID(n)
			switch {
			case !headings:
				add(n, "an answer has no headings: the question is its heading")
			case n.Level == 1:
				add(n, "a level-1 heading is not allowed: the title comes from front matter; use ## or ###")
			case n.Level > 3:
				add(n, "a level-%d heading is not allowed: use ## or ###", n.Level)
			case id == "":
				add(n, "heading %q has no id: write it as %q", plainText(n, d.src), headingMarkup(n, d.src))
			case seen[id]:
				add(n, "duplicate heading id %q", id)
			}
			seen[id] = true
		case *ast.Link:
			d.links = append(d.links, Link{File: d.file, Line: d.line(n), URL: string(n.Destination)})
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkURL {
				d.links = append(d.links, Link{File: d.file, Line: d.line(n), URL: string(n.URL(d.src))})
			}
		}
		return ast.WalkContinue, nil
	})
	return problems.err()
}

// headingMarkup suggests how to write a heading with an explicit id made
// from its text.
func headingMarkup(h *ast.Heading, src []byte) string {
	text := plainText(h, src)
	var id strings.Builder
	for _, r := range strings.ToLower(text) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			id.WriteRune(r)
		case id.Len() > 0 && !strings.HasSuffix(id.String(), "-"):
			id.WriteByte('-')
		}
	}
	return strings.Repeat("#", h.Level) + " " + text + " {#" + strings.TrimSuffix(id.String(), "-") + "}"
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

// plainText returns the text of n and its descendants, without markup, with
// the typographer's entities, backslash escapes and entity references
// decoded as the HTML renderer would.
func plainText(n ast.Node, src []byte) string {
	return strings.TrimSpace(rawText(n, src))
}

// rawText is plainText with the spaces at its ends kept, for joining the
// text of sibling nodes.
func rawText(n ast.Node, src []byte) string {
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
	return b.String()
}

// unescapeText resolves backslash escapes and entity references in a text
// segment with the renderer's own writer, then decodes the resulting HTML.
// A segment with no backslash, ampersand or NUL (most of them) comes back
// as it is: the writer only escapes its <, >, " and the decoding undoes
// that; TestUnescapeTextAsTheRenderer holds it to the writer.
func unescapeText(v []byte) string {
	if !bytes.ContainsAny(v, "\\&\x00") {
		return string(v)
	}
	return rendererUnescape(v)
}

// rendererUnescape is unescapeText by the renderer's writer alone.
func rendererUnescape(v []byte) string {
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
