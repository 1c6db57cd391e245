package templates

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// The PDF's page: A4 in millimetres, with margins that also suit Letter.
const (
	pdfMargin = 16.0
	pdfFont   = "Go" // the Go fonts (BSD licence), embedded in the binary
)

// WritePDF writes the brief as a PDF: A4, the Go fonts embedded, real text
// (selectable and searchable), title and metadata set, dated made. The same
// headings and words as the HTML page and the Markdown file.
func (b Brief) WritePDF(w io.Writer, made time.Time) error {
	pdf := newPDF("P", "mm", "A4") // the fonts parsed once per process
	pdf.SetTitle(b.Title(), true)
	pdf.SetSubject(b.Summary, true)
	pdf.SetAuthor(SiteName, true)
	pdf.SetCreator(SiteName, true)
	pdf.SetKeywords("hiring brief, product manager, project manager", true)
	pdf.SetLang("en")
	pdf.SetCreationDate(made)
	pdf.SetModificationDate(made)
	pdf.SetCatalogSort(true) // the same brief gives the same bytes
	pdf.SetMargins(pdfMargin, pdfMargin, pdfMargin)
	pdf.SetAutoPageBreak(true, pdfMargin)
	pdf.AliasNbPages("{nb}")
	pdf.SetFooterFunc(func() {
		pdf.SetY(-12)
		pdf.SetFont(pdfFont, "", 8)
		pdf.SetTextColor(90, 90, 90)
		pdf.CellFormat(0, 5, strings.NewReplacer("{site}", SiteName, "{title}", b.Title(), "{page}", strconv.Itoa(pdf.PageNo()), "{pages}", "{nb}").Replace(b.Words.PDFFooter), "", 0, "C", false, 0, "")
	})
	pdf.AddPage()
	p := pdfWriter{pdf}

	p.masthead()
	p.title(b.Title())
	p.address(b.Words.ResultLabel, b.URL)
	p.panel(b.Summary)
	if b.Why.Text != "" {
		p.para(b.Why.Text)
	}
	for _, part := range b.Parts {
		p.heading(part.Heading, 13)
		if part.Text != "" {
			p.para(part.Text)
		}
		for _, it := range part.Items {
			p.item("•", it)
		}
	}
	if b.Split != "" {
		p.heading(b.Words.Split, 13)
		p.para(b.Split)
	}
	for _, n := range b.Notes {
		p.para(n)
	}
	for _, role := range b.Roles {
		p.heading(b.RoleHeading(role), 14)
		p.heading(b.WhyHeading(role), 11.5)
		for _, r := range role.Why {
			p.item("•", r.Text)
		}
		p.heading(b.Words.Responsibilities, 11.5)
		for _, it := range role.Profile.Responsibilities {
			p.check(it.Term, it.Detail)
		}
		p.heading(b.Words.Skills, 11.5)
		for _, it := range role.Profile.Skills {
			p.check(it.Term, it.Detail)
		}
		p.kit(b, role)
	}
	if len(b.Mistakes) > 0 {
		p.heading(b.Kit.Mistakes, 14)
		for _, m := range b.Mistakes {
			p.item("•", m.Text)
		}
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("brief PDF: %w", err)
	}
	return pdf.Output(w)
}

type pdfWriter struct{ *fpdf.Fpdf }

// keep starts a new page unless height (in mm) fits on this one, so that
// no list item is split over two pages and no heading is left at a foot.
func (p pdfWriter) keep(height float64) {
	_, pageHeight := p.GetPageSize()
	if p.GetY()+height > pageHeight-pdfMargin {
		p.AddPage()
	}
}

// lines is the height of n lines of body text.
func lines(n int) float64 { return float64(n) * pdfLine }

// textWidth is the width between the margins.
func (p pdfWriter) textWidth() float64 {
	w, _ := p.GetPageSize()
	return w - 2*pdfMargin
}

// The site's colours (static/style.css): the teal accent and its tint.
var (
	pdfAccent     = [3]int{0x00, 0x67, 0x7f}
	pdfAccentSoft = [3]int{0xe6, 0xf3, 0xf6}
)

// pdfBand is the height of the teal band at the top of the first page.
const pdfBand = 18.0

// masthead draws the site's band across the top of the page: the mark
// (the wordmark's two rings, their overlap filled) and the site's name, in
// white on the teal accent, as in the site's header.
func (p pdfWriter) masthead() {
	w, _ := p.GetPageSize()
	p.SetFillColor(pdfAccent[0], pdfAccent[1], pdfAccent[2])
	p.Rect(0, 0, w, pdfBand, "F")
	// The mark: 30×20 units at 0.45mm a unit, rings of radius 8.5 round
	// (10, 10) and (20, 10).
	const u = 0.45
	x, y := pdfMargin, (pdfBand-20*u)/2
	p.SetDrawColor(255, 255, 255)
	p.SetFillColor(255, 255, 255)
	p.SetLineWidth(2 * u)
	p.Circle(x+10*u, y+10*u, 8.5*u, "D")
	p.Circle(x+20*u, y+10*u, 8.5*u, "D")
	// The overlap: two arcs between the rings' crossing points at
	// (15, 10 ± 6.87).
	const half = 53.97 // degrees from the centre line to a crossing point
	p.MoveTo(x+15*u, y+(10-6.87)*u)
	p.ArcTo(x+10*u, y+10*u, 8.5*u, 8.5*u, 0, half, -half)
	p.ArcTo(x+20*u, y+10*u, 8.5*u, 8.5*u, 0, 180+half, 180-half)
	p.ClosePath()
	p.DrawPath("F")
	p.SetLineWidth(0.2)

	product, project := siteProduct, siteProject
	p.SetTextColor(255, 255, 255)
	p.SetXY(x+30*u+3, 0)
	p.SetFont(pdfFont, "B", 14)
	p.CellFormat(p.GetStringWidth(product), pdfBand, product, "", 0, "L", false, 0, "")
	p.SetFont(pdfFont, "", 14)
	p.CellFormat(p.GetStringWidth(" or "), pdfBand, " or ", "", 0, "L", false, 0, "")
	p.SetFont(pdfFont, "B", 14)
	p.CellFormat(p.GetStringWidth(project), pdfBand, project, "", 0, "L", false, 0, "")
	p.SetXY(pdfMargin, pdfBand+7)
}

// title is the brief's title, in the accent colour.
func (p pdfWriter) title(text string) {
	p.SetFont(pdfFont, "B", 18)
	p.SetTextColor(pdfAccent[0], pdfAccent[1], pdfAccent[2])
	p.MultiCell(0, 8, text, "", "L", false)
	p.Ln(1)
}

// address is the result's address, small, broken only before a "?" or
// an "&", never inside a word.
func (p pdfWriter) address(label, url string) {
	p.SetFont(pdfFont, "", 8)
	p.SetTextColor(60, 60, 60)
	p.Write(4, label+" ")
	w, _ := p.GetPageSize()
	right := w - pdfMargin
	for _, part := range urlParts(url) {
		if p.GetX()+p.GetStringWidth(part) > right {
			p.Ln(4)
		}
		p.WriteLinkString(4, part, url)
	}
	p.Ln(7)
}

// urlParts cuts an address before each "?" and "&", where a reader
// expects it may break.
func urlParts(url string) []string {
	var parts []string
	for {
		i := strings.IndexAny(url[1:], "?&")
		if i < 0 {
			return append(parts, url)
		}
		parts = append(parts, url[:i+1])
		url = url[i+1:]
	}
}

// Body text: its size in points and its line height in millimetres.
const (
	pdfBody = 9.5
	pdfLine = 4.4
)

func (p pdfWriter) heading(text string, size float64) {
	p.Ln(1.5)
	p.keep(size*0.6 + 12) // the heading and two lines of what follows it
	p.SetFont(pdfFont, "B", size)
	p.SetTextColor(0, 0, 0)
	if size >= 13 {
		p.SetTextColor(pdfAccent[0], pdfAccent[1], pdfAccent[2])
	}
	p.MultiCell(0, size*0.48, text, "", "L", false)
	p.Ln(1)
}

func (p pdfWriter) para(text string) {
	p.SetFont(pdfFont, "", pdfBody)
	p.SetTextColor(0, 0, 0)
	p.MultiCell(0, pdfLine, text, "", "L", false)
	p.Ln(2)
}

// panel is the recommendation in a box tinted with the accent, a bar of
// the accent down its left edge, as on the result page.
func (p pdfWriter) panel(text string) {
	p.SetFont(pdfFont, "B", 11)
	p.SetFillColor(pdfAccentSoft[0], pdfAccentSoft[1], pdfAccentSoft[2])
	p.SetTextColor(0, 0, 0)
	y := p.GetY()
	p.SetLeftMargin(pdfMargin + 1.5)
	p.SetX(pdfMargin + 1.5)
	p.MultiCell(0, 6, text, "", "L", true)
	p.SetLeftMargin(pdfMargin)
	p.SetFillColor(pdfAccent[0], pdfAccent[1], pdfAccent[2])
	p.Rect(pdfMargin, y, 1.5, p.GetY()-y, "F")
	p.Ln(3)
}

// item is a list item with its marker hanging in the margin of the text.
func (p pdfWriter) item(marker, text string) {
	p.SetFont(pdfFont, "", pdfBody)
	p.SetTextColor(0, 0, 0)
	p.keep(lines(len(p.SplitText(text, p.textWidth()-7))))
	p.SetX(pdfMargin)
	p.CellFormat(7, pdfLine, marker, "", 0, "L", false, 0, "")
	p.SetLeftMargin(pdfMargin + 7)
	p.MultiCell(0, pdfLine, text, "", "L", false)
	p.SetLeftMargin(pdfMargin)
	p.Ln(0.6)
}

// check is a checklist item: an empty box to tick, the term in bold.
func (p pdfWriter) check(term, detail string) {
	p.termItem(term, detail, 0.8, func() {
		p.SetDrawColor(80, 80, 80)
		p.Rect(pdfMargin+0.5, p.GetY()+0.6, 3.2, 3.2, "D")
	})
}

// labelled is a list item that starts with a label in bold.
func (p pdfWriter) labelled(label, text string) {
	p.termItem(label, text, 0.6, func() {
		p.SetX(pdfMargin)
		p.CellFormat(7, pdfLine, "•", "", 0, "L", false, 0, "")
	})
}

// termItem is a list item that starts with a term in bold, its marker
// (drawn by mark) hanging in the margin; gap is the space after it.
func (p pdfWriter) termItem(term, text string, gap float64, mark func()) {
	p.SetFont(pdfFont, "", pdfBody)
	p.SetTextColor(0, 0, 0)
	p.keep(lines(len(p.SplitText(term+": "+text, p.textWidth()-7))))
	mark()
	p.SetLeftMargin(pdfMargin + 7)
	p.SetX(pdfMargin + 7)
	p.SetFont(pdfFont, "B", pdfBody)
	p.Write(pdfLine, term+": ")
	p.SetFont(pdfFont, "", pdfBody)
	p.Write(pdfLine, text)
	p.SetLeftMargin(pdfMargin)
	p.Ln(pdfLine + gap)
}

// kit writes a role's scorecard, interview questions and work sample.
func (p pdfWriter) kit(b Brief, role BriefRole) {
	k, h := b.Kit, role.Hire
	p.heading(k.Scorecard, 11.5)
	p.para(k.ScorecardHow)
	for _, c := range h.Scorecard {
		p.heading(c.Name, 10)
		p.labelled(k.Strong, c.Strong)
		p.labelled(k.Weak, c.Weak)
		p.item("•", k.Score)
	}
	p.heading(b.QuestionsHeading(role), 11.5)
	for i, q := range h.Questions {
		text := q.Ask
		if q.Then != "" {
			text += "\n" + k.ThenAsk + " " + q.Then
		}
		p.item(fmt.Sprintf("%d.", i+1), text+"\n"+k.GoodAnswer+": "+q.Good)
	}
	p.heading(k.WorkSample, 11.5)
	p.para(h.WorkSample.Task)
	p.para(h.WorkSample.Time)
	for _, part := range h.WorkSample.Parts(k) {
		p.heading(part.Heading, 10)
		for _, it := range part.Items {
			p.item("•", it)
		}
	}
}
