package templates

import (
	"bytes"
	"fmt"
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
		if err := outputPDF(pdf, &buf); err != nil {
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
// compressed, objects where the cross-reference table says they are.
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
	var want, got bytes.Buffer
	if err := doc(true).Output(&want); err != nil {
		t.Fatal(err)
	}
	if err := outputPDF(doc(false), &got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatalf("outputPDF wrote %d bytes, fpdf with compression %d, and they differ", got.Len(), want.Len())
	}
}
