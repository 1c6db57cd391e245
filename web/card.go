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
	"net/http"
	"strings"
	"sync"

	"github.com/go-chi/chi/v5"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/guide/pmvspm/templates"
	"github.com/guide/pmvspm/web/decision"
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
	cardVersion = "1"
)

// A card is one social card: what it shows, where it is served, and its
// PNG once drawn.
type card struct {
	kicker, title string // the kind of page, and its title
	name          string // as served under /static/cards/
	alt           string

	once sync.Once
	png  *representation
	err  error
}

func newCard(kicker, title string) *card {
	sum := sha256.Sum256([]byte(cardVersion + "\x00" + kicker + "\x00" + title))
	return &card{
		kicker: kicker, title: title,
		name: "card." + hex.EncodeToString(sum[:6]) + ".png",
		alt:  kicker + ": “" + title + "”, from " + templates.SiteName,
	}
}

func (c *card) path() string { return "/static/cards/" + c.name }

// image draws the card once and keeps it.
func (c *card) image() (*representation, error) {
	c.once.Do(func() {
		var buf bytes.Buffer
		if c.err = drawCard(&buf, c.kicker, c.title); c.err == nil {
			c.png = newRepresentation("image/png", staticCache, buf.Bytes())
		}
	})
	return c.png, c.err
}

// Keys of the cards in server.cards.
const siteCard = "site"

func sectionCard(slug string) string           { return "guide/" + slug }
func answerCard(slug string) string            { return "faq/" + slug }
func cardForResult(res decision.Result) string { return resultCard(res.Key()) }
func resultCard(key string) string             { return "result/" + key }

// makeCards names every card the site has: one per guide section, per FAQ
// answer and per outcome (each kind of part-time help and each lead
// apart), and one for every other page.
func (s *server) makeCards() {
	words := s.site.Words
	s.cards = map[string]*card{siteCard: newCard(words.Cards.SiteKicker, words.Cards.SiteTitle)}
	for _, sec := range s.site.Sections {
		s.cards[sectionCard(sec.Slug)] = newCard(words.Cards.GuideKicker, sec.Title)
	}
	for _, a := range s.site.Answers {
		s.cards[answerCard(a.Slug)] = newCard(words.Cards.FAQKicker, a.Question)
	}
	for _, key := range decision.Keys() {
		rec, _ := s.site.Questionnaire.Recommendation(key)
		s.cards[resultCard(key)] = newCard(words.Cards.ResultKicker, rec.Title)
	}
	s.cardsByName = map[string]*card{}
	for _, c := range s.cards {
		s.cardsByName[c.name] = c
	}
}

// withCard makes the card under key the page's og:image.
func (s *server) withCard(m *templates.Meta, key string) {
	c, ok := s.cards[key]
	if !ok {
		c, ok = s.cards[siteCard]
	}
	if !ok {
		return // a server made without its cards, in a test
	}
	m.Image = templates.Image{URL: s.cfg.BaseURL + c.path(), Width: cardWidth, Height: cardHeight, Alt: c.alt}
}

// handleCard is GET /static/cards/{name}.
func (s *server) handleCard(w http.ResponseWriter, r *http.Request) {
	c, ok := s.cardsByName[chi.URLParam(r, "name")]
	if !ok {
		s.handleNotFound(w, r)
		return
	}
	p, err := c.image()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p.serve(w, r, http.StatusOK)
}

// The card's faces, parsed once.
var (
	cardFontsOnce    sync.Once
	cardBold, cardRg *opentype.Font
	cardFontsErr     error
)

func cardFonts() (bold, regular *opentype.Font, err error) {
	cardFontsOnce.Do(func() {
		if cardBold, cardFontsErr = opentype.Parse(gobold.TTF); cardFontsErr != nil {
			return
		}
		cardRg, cardFontsErr = opentype.Parse(goregular.TTF)
	})
	return cardBold, cardRg, cardFontsErr
}

var (
	cardBG      = color.RGBA{0xf2, 0xf4, 0xf8, 0xff}
	cardInk     = color.RGBA{0x1c, 0x1c, 0x21, 0xff}
	cardMuted   = color.RGBA{0x4b, 0x4b, 0x57, 0xff}
	cardProduct = color.RGBA{0x0b, 0x57, 0xd0, 0xff}
	cardProject = color.RGBA{0x9a, 0x44, 0x00, 0xff}
)

// drawCard draws a card: the two roles' colours down the left edge, the
// kind of page, its title as large as fits in four lines, and the site's
// name at the foot.
func drawCard(w *bytes.Buffer, kicker, title string) error {
	bold, regular, err := cardFonts()
	if err != nil {
		return fmt.Errorf("card fonts: %w", err)
	}
	img := image.NewRGBA(image.Rect(0, 0, cardWidth, cardHeight))
	draw.Draw(img, img.Bounds(), image.NewUniform(cardBG), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, 0, 24, cardHeight/2), image.NewUniform(cardProduct), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, cardHeight/2, 24, cardHeight), image.NewUniform(cardProject), image.Point{}, draw.Src)

	const left, right = 96, cardWidth - 96
	face := func(f *opentype.Font, size float64) (font.Face, error) {
		return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	}
	text := func(f font.Face, c color.Color, x, y int, s string) {
		d := font.Drawer{Dst: img, Src: image.NewUniform(c), Face: f, Dot: fixed.P(x, y)}
		d.DrawString(s)
	}

	small, err := face(bold, 34)
	if err != nil {
		return err
	}
	text(small, cardProduct, left, 130, kicker)

	// The largest size at which the title fits above the site's name.
	var lines []string
	var big font.Face
	size := 76.0
	for ; size >= 36; size -= 4 {
		if big, err = face(bold, size); err != nil {
			return err
		}
		lines = wrap(big, title, right-left)
		if lastBaseline(size, len(lines)) <= 480 {
			break
		}
	}
	for i, l := range lines {
		text(big, cardInk, left, lastBaseline(size, i+1), l)
	}

	foot, err := face(regular, 32)
	if err != nil {
		return err
	}
	text(foot, cardMuted, left, cardHeight-72, templates.SiteName)
	return (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(w, img)
}

// lastBaseline is where the nth line of a title at size sits.
func lastBaseline(size float64, n int) int {
	return 200 + int(size) + (n-1)*int(size*1.22)
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
