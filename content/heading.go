package content

import (
	"bufio"
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// A Heading is an h2 or h3 inside a rendered Markdown body.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// headings returns the body's headings as written: level and id before
// any rendering moves them.
func (d *document) headings() []Heading {
	var headings []Heading
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		headings = append(headings, Heading{Level: h.Level, ID: headingID(h), Text: plainText(h, d.src)})
		return ast.WalkSkipChildren, nil
	})
	return headings
}

// headingLinks is the goldmark extension that renders every heading the
// site's way (see renderHeading), as Hugo's render hooks do
// (markup/goldmark/render_hooks.go).
type headingLinks struct{}

func (headingLinks) Extend(m goldmark.Markdown) {
	// 100 comes before the HTML renderer's 1000, so this one wins.
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(headingRenderer{}, 100)))
}

type headingRenderer struct{}

func (headingRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, renderHeading)
}

// A headingWriter is what render hands goldmark to write into: goldmark
// passes it on to every node renderer, so it carries one rendering's
// heading parameters to renderHeading (Hugo passes its render context the
// same way). The parsed tree is never changed, so one parse serves every
// rendering, and one goldmark instance serves them all at once.
type headingWriter struct {
	*bufio.Writer
	// idPrefix goes before every heading id, and in the link to it.
	idPrefix string
	// shift moves every heading down this many levels (h2 becomes h3 at 1),
	// to h6 at most.
	shift int
}

// renderHeading writes a heading with only its id attribute (so content
// cannot smuggle style= or other attributes in), prefixed and moved down as
// the headingWriter says, and its text a link to itself that a reader can
// copy. Written to any other writer, the heading keeps its id and level.
func renderHeading(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	h := node.(*ast.Heading)
	var prefix string
	level := h.Level
	if hw, ok := w.(*headingWriter); ok {
		prefix, level = hw.idPrefix, min(h.Level+hw.shift, 6)
	}
	if !entering {
		_, _ = w.WriteString("</a></h")
		_ = w.WriteByte("0123456"[level])
		_, _ = w.WriteString(">\n")
		return ast.WalkContinue, nil
	}
	id := []byte(prefix + headingID(h))
	_, _ = w.WriteString("<h")
	_ = w.WriteByte("0123456"[level])
	_, _ = w.WriteString(` id="`)
	_, _ = w.Write(util.EscapeHTML(id))
	_, _ = w.WriteString(`"><a href="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape(append([]byte("#"), id...), true)))
	_, _ = w.WriteString(`" class="self-link">`)
	return ast.WalkContinue, nil
}

// render renders the document as HTML, heading ids prefixed with idPrefix
// and heading levels moved down by shift.
func (d *document) render(md goldmark.Markdown, idPrefix string, shift int) (string, error) {
	var buf bytes.Buffer
	w := &headingWriter{Writer: bufio.NewWriter(&buf), idPrefix: idPrefix, shift: shift}
	if err := md.Renderer().Render(w, d.src, d.root); err != nil {
		return "", fileErrorf(d.file, d.bodyLine, "render: %v", err)
	}
	return buf.String(), nil
}
