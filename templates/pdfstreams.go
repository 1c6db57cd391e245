package templates

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"sync"

	"github.com/go-pdf/fpdf"
)

// outputPDF writes pdf, made with its page compression off
// (SetCompression(false)), with each page's content compressed here and
// its fonts cut once for every document with the same letters (kept in
// fonts; nil keeps none): the bytes fpdf would write with compression on, for a
// fraction of the cost. fpdf makes a new zlib writer (about 1.1 MB,
// zeroed) for every stream it compresses, and cuts and compresses every
// font for every document; here one pooled writer is Reset for each
// page, and fonts already cut are written as they were.
// TestPDFStreamsAsFpdf checks the bytes are fpdf's.
func outputPDF(pdf *fpdf.Fpdf, w io.Writer, cache *FontCache) error {
	// The fonts' letters are known once the last page's footer is drawn,
	// which fpdf does as it closes the document, the first thing Output
	// does.
	var fonts pdfFonts
	var ok bool
	var cached func() map[int]*cutFace
	closed := func() {
		if cache == nil {
			return
		}
		if fonts, ok = fontsOf(pdf); ok {
			cached = fonts.cached(cache)
		}
	}
	v := reflect.ValueOf(pdf).Elem()
	footer, ok1 := field(v, "footerFnc", reflect.Func)
	lpi, ok2 := field(v, "footerFncLpi", reflect.Func)
	switch {
	case !ok1 || !ok2 || !lpi.IsNil():
		// Not fpdf as we know it, or a footer told the last page: fpdf
		// cuts the fonts.
	case footer.IsNil():
		closed()
	default:
		last := footer.Interface().(func())
		footer.Set(reflect.ValueOf(func() { last(); closed() }))
	}
	var raw bytes.Buffer
	if err := pdf.Output(&raw); err != nil {
		return err
	}
	doc, err := indexPDF(raw.Bytes())
	if err != nil {
		return fmt.Errorf("brief PDF: %w", err)
	}
	var faces map[int]*cutFace
	switch {
	case cached != nil:
		faces = cached()
	case ok:
		fonts.keep(cache, doc)
	}
	out, err := doc.rewrite(faces)
	if err != nil {
		return fmt.Errorf("brief PDF: %w", err)
	}
	_, err = w.Write(out)
	return err
}

var (
	pageContents = regexp.MustCompile(`/Contents (\d+) 0 R>>`)
	xrefSection  = regexp.MustCompile(`\nxref\n0 (\d+)\n0000000000 65535 f \n`)
	trailerSize  = regexp.MustCompile(`^trailer\n<<\n/Size (\d+)\n`)
	zlibWriters  = sync.Pool{New: func() any {
		zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed) // fpdf's level
		return zw
	}}
)

// An indexedPDF is a PDF as fpdf writes it: a header, objects 1 to
// count-1 one after another, then the cross-reference table at xref and
// the trailer at trailer.
type indexedPDF struct {
	pdf           []byte
	offsets       []int // object j starts at pdf[offsets[j]:] with its "j 0 obj" line
	bodies        []int // and its body at pdf[bodies[j]:ends[j]], up to the next object or the table
	ends          []int
	order         []int // the objects in the order they appear
	xref, trailer int
}

func indexPDF(pdf []byte) (*indexedPDF, error) {
	x := xrefSection.FindSubmatchIndex(pdf)
	if x == nil {
		return nil, fmt.Errorf("no cross-reference table")
	}
	count, _ := strconv.Atoi(string(pdf[x[2]:x[3]]))
	// The objects' offsets, from the table (authoritative: streams may
	// hold anything).
	d := &indexedPDF{pdf: pdf, offsets: make([]int, count), bodies: make([]int, count), ends: make([]int, count),
		xref: x[0] + 1, trailer: x[1] + (count-1)*20}
	table := pdf[x[1]:]
	if len(table) < (count-1)*20 {
		return nil, fmt.Errorf("short cross-reference table")
	}
	for j := 1; j < count; j++ {
		line := table[(j-1)*20 : j*20] // "0000000123 00000 n \n"
		n, err := strconv.Atoi(string(line[:10]))
		head := fmt.Appendf(nil, "%d 0 obj\n", j)
		if err != nil || n < 0 || n >= x[0] {
			return nil, fmt.Errorf("cross-reference entry %d: %q", j, line)
		}
		if !bytes.HasPrefix(pdf[n:], head) {
			return nil, fmt.Errorf("object %d is not where the table says", j)
		}
		d.offsets[j], d.bodies[j] = n, n+len(head)
		d.order = append(d.order, j)
	}
	slices.SortFunc(d.order, func(a, b int) int { return d.offsets[a] - d.offsets[b] })
	for i, j := range d.order {
		d.ends[j] = d.xref
		if i+1 < len(d.order) {
			d.ends[j] = d.offsets[d.order[i+1]]
		}
	}
	return d, nil
}

// object is object j's body: its bytes after its "j 0 obj" line.
func (d *indexedPDF) object(j int) ([]byte, error) {
	if j < 1 || j >= len(d.offsets) {
		return nil, fmt.Errorf("no object %d", j)
	}
	return d.pdf[d.bodies[j]:d.ends[j]], nil
}

// rewrite writes the PDF with each page content stream
// ("N 0 obj\n<</Length L>>\nstream\n…\nendstream\n") given fpdf's
// "<</Filter /FlateDecode /Length L'>>" and its zlib bytes, and each core
// font object that fonts names replaced by its cut face: the Type0 font
// in its place and the six objects under it after it, as fpdf numbers
// them, the objects after moved up to make room (and every reference to
// them), and a cross-reference table and trailer to match.
func (d *indexedPDF) rewrite(fonts map[int]*cutFace) ([]byte, error) {
	pdf := d.pdf
	pages := map[int]bool{}
	for _, m := range pageContents.FindAllSubmatch(pdf[:d.xref], -1) {
		n, _ := strconv.Atoi(string(m[1]))
		pages[n] = true
	}
	const under = len(cutFace{}.objects) - 1 // objects under a Type0 font
	cut := slices.Sorted(maps.Keys(fonts))
	number := func(j int) int { // object j's number once the faces are in
		before, _ := slices.BinarySearch(cut, j)
		return j + under*before
	}
	renumber := func(b []byte) []byte {
		if len(cut) == 0 {
			return b
		}
		return objectRef.ReplaceAllFunc(b, func(ref []byte) []byte {
			j, _ := strconv.Atoi(string(ref[:len(ref)-len(" 0 R")]))
			return fmt.Appendf(nil, "%d 0 R", number(j))
		})
	}

	count := number(len(d.offsets))
	out := bytes.NewBuffer(make([]byte, 0, len(pdf)+len(cut)*40<<10))
	offsets := make([]int, count)
	zw := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(zw)
	var z bytes.Buffer
	out.Write(pdf[:d.offsets[d.order[0]]])
	for _, j := range d.order {
		n := number(j)
		offsets[n] = out.Len()
		body := pdf[d.bodies[j]:d.ends[j]]
		switch {
		case pages[j]:
			head := []byte("<</Length ")
			length, rest, ok := bytes.Cut(bytes.TrimPrefix(body, head), []byte(">>\nstream\n"))
			size, err := strconv.Atoi(string(length))
			if !ok || !bytes.HasPrefix(body, head) || err != nil || size < 0 || size > len(rest) || !bytes.Equal(rest[size:], []byte("\nendstream\nendobj\n")) {
				return nil, fmt.Errorf("object %d is not a page content stream", j)
			}
			z.Reset()
			zw.Reset(&z)
			zw.Write(rest[:size])
			if err := zw.Close(); err != nil {
				return nil, err
			}
			fmt.Fprintf(out, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", n, z.Len())
			out.Write(z.Bytes())
			out.Write(rest[size:])
		case fonts[j] != nil:
			var numbers [under + 1]int
			for k := range numbers {
				numbers[k] = n + k
			}
			for k := range fonts[j].objects {
				offsets[n+k] = out.Len()
				fonts[j].objects[k].write(out, k, &numbers)
			}
		default:
			// Only a dictionary names objects, never a stream.
			dict, stream, isStream := bytes.Cut(body, []byte("stream\n"))
			fmt.Fprintf(out, "%d 0 obj\n", n)
			out.Write(renumber(dict))
			if isStream {
				out.WriteString("stream\n")
				out.Write(stream)
			}
		}
	}
	xref := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", count)
	for j := 1; j < count; j++ {
		fmt.Fprintf(out, "%010d 00000 n \n", offsets[j])
	}
	trailer := pdf[d.trailer:]
	at := bytes.Index(trailer, []byte("startxref\n"))
	if !trailerSize.Match(trailer) || at < 0 {
		return nil, fmt.Errorf("no trailer")
	}
	out.Write(trailerSize.ReplaceAll(renumber(trailer[:at+len("startxref\n")]), fmt.Appendf(nil, "trailer\n<<\n/Size %d\n", count)))
	fmt.Fprintf(out, "%d\n%%%%EOF\n", xref)
	return out.Bytes(), nil
}
