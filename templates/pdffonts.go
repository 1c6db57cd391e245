package templates

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
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

// A cutFace is one face's font objects as fpdf writes them for a
// document: the Type0 font and the six objects under it (its CID font,
// ToUnicode map, CID system info, descriptor, CID-to-glyph map and the
// font file, cut to the letters the document uses and compressed). They
// depend only on the face and those letters, and fpdf cuts and
// compresses them anew for every document (three zlib streams and a
// 128 KB glyph map a face: most of a PDF's cost), so they are kept by
// face and letters (FontCache) and written into the next document that
// uses the same letters in the same face: the bytes fpdf would write.
type cutFace struct {
	objects [7]pdfObject
	size    int
}

// A pdfObject is an object's bytes after its "N 0 obj" line, cut where
// it names one of its face's objects: refs[i] (0 to 6, in the order
// above) follows parts[i].
type pdfObject struct {
	parts [][]byte
	refs  []int
}

// write writes the object as number[self], the face's objects numbered
// by number.
func (o *pdfObject) write(out *bytes.Buffer, self int, number *[7]int) {
	fmt.Fprintf(out, "%d 0 obj\n", number[self])
	for i, p := range o.parts {
		out.Write(p)
		if i < len(o.refs) {
			out.WriteString(strconv.Itoa(number[o.refs[i]]))
		}
	}
}

var objectRef = regexp.MustCompile(`(\d+) 0 R\b`)

// cutFaceOf is the face whose Type0 font is object first of doc, as
// fpdf wrote it; false if it is not as expected.
func cutFaceOf(doc *indexedPDF, first int) (*cutFace, bool) {
	face := &cutFace{}
	for k := range face.objects {
		body, err := doc.object(first + k)
		if err != nil {
			return nil, false
		}
		body = bytes.Clone(body) // not the whole document's bytes kept
		// Only the dictionary before a stream names objects.
		dict := body
		if i := bytes.Index(body, []byte("stream\n")); i >= 0 {
			dict = body[:i]
		}
		o := &face.objects[k]
		at := 0
		for _, m := range objectRef.FindAllSubmatchIndex(dict, -1) {
			ref, _ := strconv.Atoi(string(dict[m[2]:m[3]]))
			if ref < first || ref >= first+len(face.objects) {
				return nil, false // it names an object outside the face's
			}
			o.parts = append(o.parts, body[at:m[2]])
			o.refs = append(o.refs, ref-first)
			at = m[3]
		}
		o.parts = append(o.parts, body[at:])
		face.size += len(body)
	}
	return face, true
}

// A FontCache keeps the faces cut for earlier brief PDFs, by face and
// letters (a brief's letters come from the content and its answers, which
// the questionnaire's values bound: a few dozen sets a face), so that a
// later document with the same letters writes them as they were instead
// of having fpdf cut and compress them again. Past cutFacesBytes nothing
// more is kept, and documents with new letters have fpdf cut their fonts,
// as before: slower, never wrong. It is safe for concurrent use; the
// server that writes the PDFs owns one.
type FontCache struct {
	mu    sync.Mutex
	byKey map[string]*cutFace
	bytes int
}

// NewFontCache returns an empty cache for WritePDF.
func NewFontCache() *FontCache { return &FontCache{byKey: map[string]*cutFace{}} }

const cutFacesBytes = 4 << 20

// pdfFonts are a document's fonts, as fpdf keeps them, with the key
// each has in a FontCache.
type pdfFonts struct {
	defs reflect.Value // the document's map[string]fontDefType
	keys map[string]string
}

// fontsOf reads pdf's fonts and the letters each used; false if fpdf's
// internals are not as expected.
func fontsOf(pdf *fpdf.Fpdf) (pdfFonts, bool) {
	defs, ok := field(reflect.ValueOf(pdf).Elem(), "fonts", reflect.Map)
	if !ok {
		return pdfFonts{}, false
	}
	f := pdfFonts{defs: defs, keys: map[string]string{}}
	for it := defs.MapRange(); it.Next(); {
		def := it.Value()
		runes, n := def.FieldByName("usedRunes"), def.FieldByName("N")
		if def.FieldByName("Tp").Kind() != reflect.String || runes.Kind() != reflect.Map || n.Kind() != reflect.Int {
			return pdfFonts{}, false
		}
		// The map from each letter to itself, or to 0 for one fpdf
		// listed ahead but the document did not use: both cut the face.
		used := make([][2]rune, 0, runes.Len())
		for r, to := range runes.Seq2() {
			used = append(used, [2]rune{rune(r.Int()), rune(to.Int())})
		}
		slices.SortFunc(used, func(a, b [2]rune) int { return int(a[0] - b[0]) })
		key := []rune(it.Key().String() + "\x00")
		for _, u := range used {
			key = append(key, u[0], u[1])
		}
		f.keys[it.Key().String()] = string(key)
	}
	return f, true
}

// cached is each font's cut face by its object number, once fpdf has
// written the document, if every one is in c; then, before writing, it
// tells fpdf they are core fonts (one small object each, which rewrite
// replaces with the cut face). Otherwise nil.
func (f pdfFonts) cached(c *FontCache) (byNumber func() map[int]*cutFace) {
	faces := map[string]*cutFace{}
	c.mu.Lock()
	for name, key := range f.keys {
		faces[name] = c.byKey[key]
	}
	c.mu.Unlock()
	for _, face := range faces {
		if face == nil {
			return nil
		}
	}
	for name := range f.keys {
		key := reflect.ValueOf(name)
		def := reflect.New(f.defs.Type().Elem()).Elem()
		def.Set(f.defs.MapIndex(key))
		tp, _ := field(def, "Tp", reflect.String)
		tp.SetString("Core")
		f.defs.SetMapIndex(key, def)
	}
	return func() map[int]*cutFace {
		m := map[int]*cutFace{}
		for name, face := range faces {
			m[f.number(name)] = face
		}
		return m
	}
}

// keep keeps in c the faces fpdf cut for doc, while there is room.
func (f pdfFonts) keep(c *FontCache, doc *indexedPDF) {
	for name, key := range f.keys {
		face, ok := cutFaceOf(doc, f.number(name))
		if !ok {
			continue
		}
		c.mu.Lock()
		if c.byKey[key] == nil && c.bytes+face.size <= cutFacesBytes {
			c.byKey[key] = face
			c.bytes += face.size
		}
		c.mu.Unlock()
	}
}

// number is the object number fpdf gave the font name's Type0 font.
func (f pdfFonts) number(name string) int {
	return int(f.defs.MapIndex(reflect.ValueOf(name)).FieldByName("N").Int())
}
