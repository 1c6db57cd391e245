package templates

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
)

// TestPDFFontsParsedOnce checks that a PDF's fonts come from the set
// parsed once per process (not parsed again per document, the cost this
// removes), and that a document made from that set is byte for byte the
// one made by parsing the fonts afresh, however many are made at once.
func TestPDFFontsParsedOnce(t *testing.T) {
	if parsedPDFFonts() == nil {
		t.Fatal("the parsed font set could not be made from fpdf's fonts: every PDF parses its fonts again (has fpdf changed?)")
	}
	fonts := NewFontCache() // shared, as a server shares its own
	sample := func(pdf *fpdf.Fpdf, n int) []byte {
		made := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
		pdf.SetCreationDate(made)
		pdf.SetModificationDate(made)
		pdf.SetCatalogSort(true)
		pdf.AddPage()
		pdf.SetFont(pdfSerif, "B", 14)
		pdf.MultiCell(0, 6, fmt.Sprintf("Heading %d — “quoted” £25 • naïve", n), "", "L", false)
		pdf.SetFont(pdfFont, "", 10)
		pdf.MultiCell(0, 5, fmt.Sprintf("Body text %d with letters only this one uses: %c%c", n, 'A'+n, 'z'-n), "", "L", false)
		var buf bytes.Buffer
		if err := outputPDF(pdf, &buf, fonts); err != nil {
			t.Error(err)
		}
		return buf.Bytes()
	}
	parsed := func() *fpdf.Fpdf {
		pdf := fpdf.New("P", "mm", "A4", "")
		pdf.SetCompression(false)
		for _, f := range pdfFaces {
			pdf.AddUTF8FontFromBytes(f.family, f.style, f.ttf)
		}
		return pdf
	}
	ttf := make([][]byte, len(pdfFaces))
	for i, f := range pdfFaces {
		ttf[i] = bytes.Clone(f.ttf)
	}
	var wg sync.WaitGroup
	for n := range 8 {
		wg.Go(func() {
			got, want := sample(newPDF("P", "mm", "A4"), n), sample(parsed(), n)
			if !bytes.Equal(got, want) {
				t.Errorf("document %d from the shared fonts (%d bytes) differs from one with its own fonts (%d bytes)", n, len(got), len(want))
			}
		})
	}
	wg.Wait()
	for i, f := range pdfFaces {
		if !bytes.Equal(ttf[i], f.ttf) {
			t.Errorf("font file %d was changed by writing documents", i)
		}
	}
}

// TestPDFStreamsAsFpdf checks that outputPDF writes, for a document made
// without page compression, the very bytes fpdf writes with it: pages
// compressed, fonts cut for its letters, objects where the
// cross-reference table says they are, whether its fonts are cut for it
// or kept from a document with the same letters.
func TestPDFStreamsAsFpdf(t *testing.T) {
	doc := func(compress bool) *fpdf.Fpdf {
		pdf := fpdf.New("P", "mm", "A4", "")
		pdf.SetCompression(compress)
		for _, f := range pdfFaces {
			pdf.AddUTF8FontFromBytes(pdfFont, f.style, f.ttf)
		}
		made := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
		pdf.SetCreationDate(made)
		pdf.SetModificationDate(made)
		pdf.SetCatalogSort(true)
		pdf.AliasNbPages("{nb}")
		pdf.SetFooterFunc(func() { pdf.SetFont(pdfFont, "", 8); pdf.CellFormat(0, 5, "page {nb}", "", 0, "C", false, 0, "") })
		for page := range 4 {
			pdf.AddPage()
			pdf.SetFont(pdfFont, "B", 14)
			pdf.MultiCell(0, 6, fmt.Sprintf("Page %d — “quoted” £25 • stream\nendstream 3 0 obj", page), "", "L", false)
			pdf.SetFont(pdfFont, "", 10)
			for i := range 40 {
				pdf.MultiCell(0, 5, fmt.Sprintf("Line %d of page %d, with enough words to wrap now and then across the width of the page.", i, page), "", "L", false)
			}
		}
		return pdf
	}
	var want bytes.Buffer
	if err := doc(true).Output(&want); err != nil {
		t.Fatal(err)
	}
	// The first has fpdf cut its fonts and keeps them; the second, with
	// the same letters, writes the kept ones.
	fonts := NewFontCache()
	for i, how := range []string{"cut for it", "kept from the first"} {
		if f, _ := fontsOf(doc(false)); (f.cached(fonts) != nil) != (i == 1) {
			t.Fatalf("document %d: its fonts kept is %v", i+1, i == 0)
		}
		var got bytes.Buffer
		if err := outputPDF(doc(false), &got, fonts); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("outputPDF, with fonts %s, wrote %d bytes, fpdf with compression %d, and they differ", how, got.Len(), want.Len())
		}
	}
}

// TestWriteAsFpdf checks that pdfWriter.write lays out a term item's text
// as fpdf's Write does, byte for byte: lines broken at the same spaces, a
// first line after a term, double and trailing spaces, letters beyond
// ASCII, and the cases it hands to fpdf (a word too long for a line or
// for what is left of the first, a line break).
func TestWriteAsFpdf(t *testing.T) {
	words := strings.Fields(`Tell us about a time you had to say no to a customer who paid well
		— and how you kept them; naïve £25 “quoted” co-ordinated, stakeholder-management
		Supercalifragilisticexpialidociousandthensomemorelettersuntilitcannotfitonanylineofthepageatall`)
	texts := []string{"", " ", "a", "ab", "one two", "trailing space ", "double  space", "line\nbreak here"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		var b strings.Builder
		for range rng.IntN(120) {
			b.WriteString(words[rng.IntN(len(words)-1)]) // not the long word
			b.WriteString([]string{" ", " ", " ", "  "}[rng.IntN(4)])
		}
		if rng.IntN(10) == 0 {
			b.WriteString(words[len(words)-1])
		}
		texts = append(texts, strings.TrimRight(b.String(), " "))
	}
	terms := []string{"", "Strong: ", "A term long enough that the text's first word will not fit after it on the line: "}
	doc := func(write func(p pdfWriter, h float64, text string)) []byte {
		pdf := newPDF("P", "mm", "A4")
		pdf.SetCompression(false)
		made := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
		pdf.SetCreationDate(made)
		pdf.SetModificationDate(made) // else now: the two differ when a second ticks between them
		pdf.SetCatalogSort(true)
		pdf.SetMargins(pdfMargin, pdfMargin, pdfMargin)
		pdf.SetAutoPageBreak(true, pdfMargin)
		pdf.AddPage()
		p := pdfWriter{Fpdf: pdf}
		for i, text := range texts {
			p.SetLeftMargin(pdfMargin + 7)
			p.SetX(pdfMargin + 7)
			p.SetFont(pdfFont, "B", pdfBody)
			write(p, pdfLine, terms[i%len(terms)])
			p.SetFont(pdfFont, "", pdfBody)
			write(p, pdfLine, text)
			p.SetLeftMargin(pdfMargin)
			p.Ln(pdfLine)
		}
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	want := doc(func(p pdfWriter, h float64, text string) { p.Write(h, text) })
	got := doc(pdfWriter.write)
	if !bytes.Equal(got, want) {
		t.Fatalf("write gave a %d-byte PDF, fpdf's Write %d bytes, and they differ", len(got), len(want))
	}
}
