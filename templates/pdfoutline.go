package templates

import (
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// A wordOutline is a word's glyphs in one face as outlines, 1 em = 1,000
// units (×64, fixed.Int26_6), the y axis pointing down from the baseline,
// with the word's advance. The PDF draws the wordmark's italic "or" from
// it: embedding a whole face for two letters would cost every PDF a font
// subset of its own (about 2 ms of CPU).
type wordOutline struct {
	segments sfnt.Segments
	advance  fixed.Int26_6
}

// outlineEm is the em the outlines are loaded at.
const outlineEm = 1000

// italicOr is the wordmark's "or" in the serif's italic, loaded once.
var italicOr = sync.OnceValue(func() *wordOutline {
	w, err := outlineOf(SerifItalic, "or")
	if err != nil {
		return nil // the wordmark falls back to the bold face (masthead)
	}
	return w
})

func outlineOf(ttf []byte, word string) (*wordOutline, error) {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, err
	}
	var b sfnt.Buffer
	ppem := fixed.I(outlineEm)
	w := &wordOutline{}
	for _, r := range word {
		x, err := f.GlyphIndex(&b, r)
		if err != nil {
			return nil, err
		}
		segs, err := f.LoadGlyph(&b, x, ppem, nil)
		if err != nil {
			return nil, err
		}
		for _, s := range segs {
			for i := range s.Args {
				s.Args[i].X += w.advance
			}
			w.segments = append(w.segments, s)
		}
		adv, err := f.GlyphAdvance(&b, x, ppem, font.HintingNone)
		if err != nil {
			return nil, err
		}
		w.advance += adv
	}
	return w, nil
}

// width is the word's advance at em millimetres to the em.
func (w *wordOutline) width(em float64) float64 {
	return float64(w.advance) / 64 / outlineEm * em
}

// draw fills the word's outline with the current fill colour, its
// baseline starting at (x, y), at em millimetres to the em.
func (p pdfWriter) drawOutline(w *wordOutline, x, y, em float64) {
	k := em / 64 / outlineEm
	at := func(q fixed.Point26_6) (float64, float64) { return x + float64(q.X)*k, y + float64(q.Y)*k }
	for i, s := range w.segments {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			if i > 0 {
				p.ClosePath()
			}
			p.MoveTo(at(s.Args[0]))
		case sfnt.SegmentOpLineTo:
			p.LineTo(at(s.Args[0]))
		case sfnt.SegmentOpQuadTo:
			cx, cy := at(s.Args[0])
			ex, ey := at(s.Args[1])
			p.CurveTo(cx, cy, ex, ey)
		case sfnt.SegmentOpCubeTo:
			c0x, c0y := at(s.Args[0])
			c1x, c1y := at(s.Args[1])
			ex, ey := at(s.Args[2])
			p.CurveBezierCubicTo(c0x, c0y, c1x, c1y, ex, ey)
		}
	}
	p.ClosePath()
	p.DrawPath("F")
}
