package templates

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"sync"

	"github.com/go-pdf/fpdf"
)

// outputPDF writes pdf, made with its page compression off
// (SetCompression(false)), with each page's content compressed here: the
// same bytes fpdf would write with compression on, for a fraction of the
// cost. fpdf makes a new zlib writer (about 1.1 MB, zeroed) for every
// stream it compresses, one per page; here one pooled writer is Reset for
// each. The fonts' streams, which fpdf compresses whatever the setting,
// are left as they are. TestPDFStreamsAsFpdf checks the bytes are fpdf's.
func outputPDF(pdf *fpdf.Fpdf, w io.Writer) error {
	var raw bytes.Buffer
	if err := pdf.Output(&raw); err != nil {
		return err
	}
	out, err := compressPages(raw.Bytes())
	if err != nil {
		return fmt.Errorf("brief PDF: %w", err)
	}
	_, err = w.Write(out)
	return err
}

var (
	pageContents = regexp.MustCompile(`/Contents (\d+) 0 R>>`)
	xrefSection  = regexp.MustCompile(`\nxref\n0 (\d+)\n0000000000 65535 f \n`)
	zlibWriters  = sync.Pool{New: func() any {
		zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed) // fpdf's level
		return zw
	}}
)

// compressPages rewrites a PDF written by fpdf without compression: each
// page content stream ("N 0 obj\n<</Length L>>\nstream\n…\nendstream")
// gets fpdf's "<</Filter /FlateDecode /Length L'>>" and its zlib bytes,
// and the cross-reference table its new offsets.
func compressPages(pdf []byte) ([]byte, error) {
	x := xrefSection.FindSubmatchIndex(pdf)
	if x == nil {
		return nil, fmt.Errorf("no cross-reference table")
	}
	count, _ := strconv.Atoi(string(pdf[x[2]:x[3]]))
	// The objects' offsets, from the table (authoritative: streams may
	// hold anything).
	offsets := make([]int, count)
	table := pdf[x[1]:]
	for j := 1; j < count; j++ {
		line := table[(j-1)*20 : j*20] // "0000000123 00000 n \n"
		n, err := strconv.Atoi(string(line[:10]))
		if err != nil {
			return nil, fmt.Errorf("cross-reference entry %d: %w", j, err)
		}
		offsets[j] = n
	}
	pages := map[int]bool{}
	for _, m := range pageContents.FindAllSubmatch(pdf[:x[0]], -1) {
		n, _ := strconv.Atoi(string(m[1]))
		pages[n] = true
	}

	// The page streams, in the order they appear.
	var order []int
	for j := range pages {
		if j < 1 || j >= count {
			return nil, fmt.Errorf("page content object %d is not in the table", j)
		}
		order = append(order, j)
	}
	slices.SortFunc(order, func(a, b int) int { return offsets[a] - offsets[b] })

	out := bytes.NewBuffer(make([]byte, 0, len(pdf)/2))
	zw := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(zw)
	var z bytes.Buffer
	type change struct{ at, by int } // from old offset at on, new = old + by
	changes := []change{{0, 0}}
	copied := 0 // pdf[:copied] is in out
	for _, j := range order {
		start := offsets[j]
		head := fmt.Sprintf("%d 0 obj\n<</Length ", j)
		if start < copied || start+len(head) > x[0] || string(pdf[start:start+len(head)]) != head {
			return nil, fmt.Errorf("object %d is not a page content stream", j)
		}
		rest := pdf[start+len(head) : x[0]]
		end := bytes.IndexByte(rest, '>')
		if end < 0 {
			return nil, fmt.Errorf("object %d: bad stream header", j)
		}
		length, err := strconv.Atoi(string(rest[:end]))
		if err != nil || !bytes.HasPrefix(rest[end:], []byte(">>\nstream\n")) {
			return nil, fmt.Errorf("object %d: bad stream header", j)
		}
		data := rest[end+len(">>\nstream\n"):]
		if length < 0 || length > len(data) || !bytes.HasPrefix(data[length:], []byte("\nendstream\n")) {
			return nil, fmt.Errorf("object %d: stream length %d does not fit", j, length)
		}
		z.Reset()
		zw.Reset(&z)
		zw.Write(data[:length])
		if err := zw.Close(); err != nil {
			return nil, err
		}
		out.Write(pdf[copied:start])
		fmt.Fprintf(out, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", j, z.Len())
		out.Write(z.Bytes())
		copied = x[0] - len(data[length:])
		changes = append(changes, change{at: copied, by: out.Len() - copied})
	}
	out.Write(pdf[copied : x[0]+1])
	xref := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", count)
	for j := 1; j < count; j++ {
		i, _ := slices.BinarySearchFunc(changes, offsets[j]+1, func(c change, t int) int { return c.at - t })
		fmt.Fprintf(out, "%010d 00000 n \n", offsets[j]+changes[i-1].by)
	}
	trailer := table[(count-1)*20:]
	at := bytes.Index(trailer, []byte("startxref\n"))
	if at < 0 {
		return nil, fmt.Errorf("no startxref")
	}
	out.Write(trailer[:at+len("startxref\n")])
	fmt.Fprintf(out, "%d\n%%%%EOF\n", xref)
	return out.Bytes(), nil
}
