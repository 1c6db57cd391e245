package templates

import (
	"reflect"
	"sync"
	"unsafe"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// pdfFace is one face of the PDF's fonts: its family, its fpdf style
// ("", "B" or "I") and its TrueType file.
type pdfFace struct {
	family, style string
	ttf           []byte
}

// pdfFaces are the faces every PDF embeds (subset to the letters used):
// the body's sans (pdfFont) and the headings' serif (pdfSerif). Changing a
// face is changing these bytes: the parse-once mechanism below does not
// depend on which font it is.
var pdfFaces = []pdfFace{
	{pdfFont, "", goregular.TTF},
	{pdfFont, "B", gobold.TTF},
	{pdfSerif, "B", SerifBold},
}

// newPDF is fpdf.New with pdfFaces added, parsed once per
// process rather than once per document.
//
// fpdf parses a UTF-8 TrueType font on every AddUTF8FontFromBytes (its
// glyph widths, and a JSON hash of a 65,536-entry width table), which was
// most of the cost of a PDF. fpdf has no API to share a parsed font, so the
// parsed definitions of a prototype document are copied into each new one:
// the width table and the font file are shared read-only, while what a
// document changes (the runes it used, the subsetting state) is its own.
// If fpdf's internals ever stop matching (a new version), newPDF falls
// back to parsing per document: slower, never wrong; TestPDFFontsParsedOnce
// says so.
//
// Its pages are not compressed by fpdf: write it with outputPDF, which
// compresses them for less (pdfstreams.go).
func newPDF(orientation, unit, size string) *fpdf.Fpdf {
	pdf := fpdf.New(orientation, unit, size, "")
	pdf.SetCompression(false)
	if set := parsedPDFFonts(); set != nil && set.copyInto(pdf) {
		return pdf
	}
	for _, f := range pdfFaces {
		pdf.AddUTF8FontFromBytes(f.family, f.style, f.ttf)
	}
	return pdf
}

// pdfFontSet is the fonts of a prototype document, parsed once.
type pdfFontSet struct {
	fonts reflect.Value // the prototype's map[string]fontDefType
}

var parsedPDFFonts = sync.OnceValue(func() *pdfFontSet {
	proto := fpdf.New("P", "mm", "A4", "")
	for _, f := range pdfFaces {
		proto.AddUTF8FontFromBytes(f.family, f.style, f.ttf)
	}
	if proto.Err() {
		return nil
	}
	fonts, ok := field(reflect.ValueOf(proto).Elem(), "fonts", reflect.Map)
	if !ok || fonts.Len() != len(pdfFaces) {
		return nil
	}
	// Check the shape of each definition once, so copyInto cannot fail
	// half-way.
	for it := fonts.MapRange(); it.Next(); {
		def := reflect.New(it.Value().Type()).Elem()
		def.Set(it.Value())
		file, ok1 := field(def, "utf8File", reflect.Pointer)
		_, ok2 := field(def, "usedRunes", reflect.Map)
		if !ok1 || !ok2 || file.IsNil() {
			return nil
		}
		reader, ok := field(file.Elem(), "fileReader", reflect.Pointer)
		if !ok || reader.IsNil() || reader.Elem().Kind() != reflect.Struct {
			return nil
		}
	}
	return &pdfFontSet{fonts: fonts}
})

// copyInto gives pdf its own copy of each parsed font definition.
func (s *pdfFontSet) copyInto(pdf *fpdf.Fpdf) bool {
	dst, ok := field(reflect.ValueOf(pdf).Elem(), "fonts", reflect.Map)
	if !ok || dst.Type() != s.fonts.Type() {
		return false
	}
	for it := s.fonts.MapRange(); it.Next(); {
		def := reflect.New(it.Value().Type()).Elem()
		def.Set(it.Value())
		// The used runes grow as the document is written.
		runes, _ := field(def, "usedRunes", reflect.Map)
		mine := reflect.MakeMapWithSize(runes.Type(), runes.Len())
		for r := runes.MapRange(); r.Next(); {
			mine.SetMapIndex(r.Key(), r.Value())
		}
		runes.Set(mine)
		// The font file's parser keeps a read position and the subset
		// it cuts: a shallow copy with its own reader. The TrueType bytes
		// are only read.
		file, _ := field(def, "utf8File", reflect.Pointer)
		fileCopy := reflect.New(file.Type().Elem())
		fileCopy.Elem().Set(file.Elem())
		reader, _ := field(fileCopy.Elem(), "fileReader", reflect.Pointer)
		readerCopy := reflect.New(reader.Type().Elem())
		readerCopy.Elem().Set(reader.Elem())
		reader.Set(readerCopy)
		file.Set(fileCopy)
		dst.SetMapIndex(it.Key(), def)
	}
	return true
}

// field is v's field name (unexported or not) as a settable value, if it
// exists and is of kind k.
func field(v reflect.Value, name string, k reflect.Kind) (reflect.Value, bool) {
	if v.Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	f := v.FieldByName(name)
	if !f.IsValid() || f.Kind() != k || !f.CanAddr() {
		return reflect.Value{}, false
	}
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem(), true
}
