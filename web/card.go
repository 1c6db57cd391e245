package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/templates"
	"github.com/guide/pmvspm/web/decision"
	"github.com/guide/pmvspm/web/serve"
)

// Social cards: the picture a link shows when it is shared. Each page
// names one in og:image. A card's URL is a hash of what it shows and of
// cardVersion, so it is known at start without drawing anything; the PNG
// is drawn on its first request and kept, and its URL never changes
// meaning, so it is cached for a year.
const (
	cardWidth  = 1200
	cardHeight = 630
	// cardVersion changes whenever the drawing changes, to give every card
	// a new URL.
	cardVersion = "3"
)

// A card is one social card: what it shows, where it is served, and its
// PNG once drawn.
type card struct {
	kicker, title string // the kind of page, and its title
	panel         string // an outcome's colour class (templates.PanelClass); "" for other pages
	name          string // as served under /static/cards/
	alt           string

	png atomic.Pointer[serve.Representation] // once drawn; kept for good
}

func newCard(kicker, title, panel string) *card {
	sum := sha256.Sum256([]byte(cardVersion + "\x00" + kicker + "\x00" + title + "\x00" + panel))
	return &card{
		kicker: kicker, title: title, panel: panel,
		name: "card." + hex.EncodeToString(sum[:6]) + ".png",
		alt:  kicker + ": “" + title + "”, from " + templates.SiteName,
	}
}

func (c *card) path() string { return "/static/cards/" + c.name }

// draw draws the card.
func (c *card) draw() (*serve.Representation, error) {
	var buf bytes.Buffer
	if err := drawCard(&buf, c.kicker, c.title, c.panel); err != nil {
		return nil, err
	}
	return serve.NewRepresentation("image/png", serve.Immutable, nil, buf.Bytes()), nil
}

// Keys of the cards in server.cards.
const siteCard = "site"

func sectionCard(slug string) string           { return "guide/" + slug }
func answerCard(slug string) string            { return "faq/" + slug }
func cardForResult(res decision.Result) string { return resultCard(res.Key()) }
func resultCard(key string) string             { return "result/" + key }

// newCards names every card the site has, by key and by served name: one
// per guide section, per FAQ answer and per outcome (each kind of
// part-time help and each lead apart), and one for every other page.
func newCards(site *content.Site) (byKey, byName map[string]*card) {
	words := site.Words
	byKey = map[string]*card{siteCard: newCard(words.Cards.SiteKicker, words.Cards.SiteTitle, "")}
	for _, sec := range site.Sections {
		byKey[sectionCard(sec.Slug)] = newCard(words.Cards.GuideKicker, sec.Title, "")
	}
	for _, a := range site.Answers {
		byKey[answerCard(a.Slug)] = newCard(words.Cards.FAQKicker, a.Question, "")
	}
	for _, key := range decision.Keys() {
		rec, _ := site.Questionnaire.Recommendation(key)
		byKey[resultCard(key)] = newCard(words.Cards.ResultKicker, rec.Title, panelOfKey(key))
	}
	byName = map[string]*card{}
	for _, c := range byKey {
		byName[c.name] = c
	}
	return byKey, byName
}

// panelOfKey is the colour class of the panel on the card of the outcome
// with that key (decision.Result.Key: the recommendation, then its help or
// lead after a slash): its result panel's (templates.PanelClass), or
// "accent", the site's teal, for no hire yet.
func panelOfKey(key string) string {
	rec, detail, _ := strings.Cut(key, "/")
	if class := templates.PanelClass(rec, detail); class != "" {
		return class
	}
	return "accent"
}

// cardFonts are the card's faces, parsed once: immutable once made. The
// wordmark and the title are in the site's serif (its bold, and its
// italic for the "or"), the kind of page in the sans.
type cardFaces struct{ serifBold, serifItalic, sansBold *opentype.Font }

var cardFonts = sync.OnceValues(func() (cardFaces, error) {
	var f cardFaces
	for _, x := range []struct {
		to  **opentype.Font
		ttf []byte
	}{{&f.serifBold, templates.SerifBold}, {&f.serifItalic, templates.SerifItalic}, {&f.sansBold, gobold.TTF}} {
		font, err := opentype.Parse(x.ttf)
		if err != nil {
			return cardFaces{}, err
		}
		*x.to = font
	}
	return f, nil
})

// The card's white, behind the title and on the teal band; its ink, teal,
// blue and amber are templates' (Ink, AccentFill, ProductFill,
// ProjectFill).
var (
	cardBG     = color.RGBA{0xff, 0xff, 0xff, 0xff}
	cardOnTeal = color.RGBA{0xff, 0xff, 0xff, 0xff}
)

// The card's layout, in pixels.
const (
	cardBand     = 120                  // the teal band at the top, with the mark and the name
	cardStripe   = 8                    // the two roles' colours along the band's foot
	cardLeft     = 96                   // the text's left edge
	cardMarkX    = cardLeft             // the mark's top left corner
	cardMarkY    = 30                   //
	cardMarkPx   = 3                    // pixels per unit of the mark's 30×20 drawing
	cardLastRow  = cardHeight - 70      // the title's last baseline, at most
	cardRight    = cardWidth - cardLeft // the text's right edge
	cardTitleY   = cardBand + 115       // the kicker's baseline
	cardPanelTop = cardTitleY + 24      // an outcome's panel, under the kicker: the title's box
)

// drawCard draws a card in the site's colours: the teal band with the mark
// and the site's name, the product and project managers' colours along its
// foot as on the site's masthead, the kind of page in teal, its title as
// large as fits. An outcome's card (panel set) puts its title in white on
// the outcome's panel, as its result page does.
func drawCard(w *bytes.Buffer, kicker, title, panel string) error {
	fonts, err := cardFonts()
	if err != nil {
		return fmt.Errorf("card fonts: %w", err)
	}
	img := image.NewRGBA(image.Rect(0, 0, cardWidth, cardHeight))
	fill := func(r image.Rectangle, c color.Color) {
		draw.Draw(img, r, image.NewUniform(c), image.Point{}, draw.Src)
	}
	fill(img.Bounds(), cardBG)
	fill(image.Rect(0, 0, cardWidth, cardBand), templates.AccentFill)
	fill(image.Rect(0, cardBand, cardWidth/2, cardBand+cardStripe), templates.ProductFill)
	fill(image.Rect(cardWidth/2, cardBand, cardWidth, cardBand+cardStripe), templates.ProjectFill)
	ink := templates.Ink
	if panel != "" {
		fills := templates.PanelFills(panel)
		drawPanel(img, image.Rect(0, cardPanelTop, cardWidth, cardHeight), fills[0], fills[len(fills)-1])
		ink = cardOnTeal
	}
	drawMark(img, cardMarkX, cardMarkY, cardMarkPx, cardOnTeal)

	face := func(f *opentype.Font, size float64) (font.Face, error) {
		return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	}
	text := func(f font.Face, c color.Color, x, y int, s string) int {
		d := font.Drawer{Dst: img, Src: image.NewUniform(c), Face: f, Dot: fixed.P(x, y)}
		d.DrawString(s)
		return d.Dot.X.Ceil()
	}

	// The name, its "or" set apart as in the site's wordmark.
	nameBold, err := face(fonts.serifBold, 46)
	if err != nil {
		return err
	}
	nameItalic, err := face(fonts.serifItalic, 46)
	if err != nil {
		return err
	}
	product, project, _ := strings.Cut(templates.SiteName, " or ")
	x := text(nameBold, cardOnTeal, cardMarkX+30*cardMarkPx+28, 76, product)
	x = text(nameItalic, cardOnTeal, x, 76, " or ")
	text(nameBold, cardOnTeal, x, 76, project)

	small, err := face(fonts.sansBold, 34)
	if err != nil {
		return err
	}
	text(small, templates.AccentFill, cardLeft, cardTitleY, kicker)

	// The largest size at which the title fits above the foot.
	var lines []string
	var big font.Face
	size := 76.0
	for ; size >= 36; size -= 4 {
		if big, err = face(fonts.serifBold, size); err != nil {
			return err
		}
		lines = wrap(big, title, cardRight-cardLeft)
		if lastBaseline(size, len(lines)) <= cardLastRow {
			break
		}
	}
	for i, l := range lines {
		text(big, ink, cardLeft, lastBaseline(size, i+1), l)
	}
	return (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(w, img)
}

// drawPanel fills r with a, or, where b differs, blends from a to b
// between a fifth and four fifths of its width (style.css's .panel.both).
func drawPanel(img *image.RGBA, r image.Rectangle, a, b color.RGBA) {
	for x := r.Min.X; x < r.Max.X; x++ {
		t := max(0, min(1, (float64(x-r.Min.X)/float64(r.Dx())-.2)/.6))
		mix := func(p, q uint8) uint8 { return uint8(float64(p)*(1-t) + float64(q)*t + .5) }
		c := color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
		for y := r.Min.Y; y < r.Max.Y; y++ {
			img.SetRGBA(x, y, c)
		}
	}
}

// drawMark draws the site's mark (templates' wordmark: two rings 8.5 units
// across on a 30×20 drawing, their overlap filled) at (x, y), scale pixels
// a unit, in c, smoothing the edges.
func drawMark(img *image.RGBA, x, y, scale int, c color.RGBA) {
	s := float64(scale)
	r, half := 8.5*s, 1.0*s // radius and half the stroke
	c1x, c2x, cy := float64(x)+10*s, float64(x)+20*s, float64(y)+10*s
	clamp := func(v float64) float64 { return max(0, min(1, v)) }
	for py := y; py < y+20*scale; py++ {
		for px := x; px < x+30*scale; px++ {
			fx, fy := float64(px)+.5, float64(py)+.5
			d1, d2 := math.Hypot(fx-c1x, fy-cy), math.Hypot(fx-c2x, fy-cy)
			cover := max(
				clamp(half-math.Abs(d1-r)+.5), // the first ring
				clamp(half-math.Abs(d2-r)+.5), // the second
				clamp(min(r-d1, r-d2)+.5),     // the overlap
			)
			if cover == 0 {
				continue
			}
			under := img.RGBAAt(px, py)
			mix := func(a, b uint8) uint8 { return uint8(float64(a)*(1-cover) + float64(b)*cover + .5) }
			img.SetRGBA(px, py, color.RGBA{mix(under.R, c.R), mix(under.G, c.G), mix(under.B, c.B), 0xff})
		}
	}
}

// lastBaseline is where the nth line of a title at size sits.
func lastBaseline(size float64, n int) int {
	return cardTitleY + 24 + int(size) + (n-1)*int(size*1.22)
}

// wrap breaks s into lines no wider than width pixels in face.
func wrap(face font.Face, s string, width int) []string {
	var lines []string
	var line string
	for _, word := range strings.Fields(s) {
		try := strings.TrimSpace(line + " " + word)
		if line != "" && font.MeasureString(face, try).Ceil() > width {
			lines = append(lines, line)
			try = word
		}
		line = try
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
