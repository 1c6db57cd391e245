package templates

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
	"github.com/guide/pmvspm/content"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
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
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes(pdfFont, "", goregular.TTF)
	pdf.AddUTF8FontFromBytes(pdfFont, "B", gobold.TTF)
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
		pdf.CellFormat(0, 5, strings.NewReplacer("{title}", b.Title(), "{page}", strconv.Itoa(pdf.PageNo()), "{pages}", "{nb}").Replace(b.Words.PDFFooter), "", 0, "C", false, 0, "")
	})
	pdf.AddPage()
	p := pdfWriter{pdf}

	p.heading(b.Title(), 18)
	pdf.SetFont(pdfFont, "", 9)
	pdf.SetTextColor(60, 60, 60)
	pdf.Write(4.5, b.Words.ResultLabel+" ")
	pdf.WriteLinkString(4.5, b.URL, b.URL)
	pdf.Ln(8)
	p.panel(b.Summary)
	if b.Split != "" {
		p.heading(b.Words.Split, 13)
		p.para(b.Split)
	}
	if b.Alone != "" {
		p.para(b.Alone)
	}
	for _, n := range b.Notes {
		p.para(n)
	}
	for _, role := range b.Roles {
		p.heading(role.Heading(), 14)
		p.heading(role.WhyHeading(), 11.5)
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
		p.kit(b.Kit, role)
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

// Body text: its size in points and its line height in millimetres.
const (
	pdfBody = 9.5
	pdfLine = 4.4
)

func (p pdfWriter) heading(text string, size float64) {
	p.Ln(1.5)
	// Keep a heading with at least two lines of what follows it.
	_, pageHeight := p.GetPageSize()
	if p.GetY()+size*0.6+12 > pageHeight-pdfMargin {
		p.AddPage()
	}
	p.SetFont(pdfFont, "B", size)
	p.SetTextColor(0, 0, 0)
	p.MultiCell(0, size*0.48, text, "", "L", false)
	p.Ln(1)
}

func (p pdfWriter) para(text string) {
	p.SetFont(pdfFont, "", pdfBody)
	p.SetTextColor(0, 0, 0)
	p.MultiCell(0, pdfLine, text, "", "L", false)
	p.Ln(2)
}

// panel is the recommendation in a shaded box, as on the result page.
func (p pdfWriter) panel(text string) {
	p.SetFont(pdfFont, "B", 11.5)
	p.SetFillColor(230, 238, 252)
	p.SetTextColor(0, 0, 0)
	p.MultiCell(0, 6.5, text, "", "L", true)
	p.Ln(3)
}

// item is a list item with its marker hanging in the margin of the text.
func (p pdfWriter) item(marker, text string) {
	p.SetFont(pdfFont, "", pdfBody)
	p.SetTextColor(0, 0, 0)
	p.keepTogether(text)
	p.SetX(pdfMargin)
	p.CellFormat(7, pdfLine, marker, "", 0, "L", false, 0, "")
	p.SetLeftMargin(pdfMargin + 7)
	p.MultiCell(0, pdfLine, text, "", "L", false)
	p.SetLeftMargin(pdfMargin)
	p.Ln(0.6)
}

// check is a checklist item: an empty box to tick, the term in bold.
func (p pdfWriter) check(term, detail string) {
	_, pageHeight := p.GetPageSize()
	if p.GetY()+10 > pageHeight-pdfMargin {
		p.AddPage()
	}
	y := p.GetY()
	p.SetDrawColor(80, 80, 80)
	p.Rect(pdfMargin+0.5, y+0.6, 3.2, 3.2, "D")
	p.SetLeftMargin(pdfMargin + 7)
	p.SetX(pdfMargin + 7)
	p.SetFont(pdfFont, "B", pdfBody)
	p.SetTextColor(0, 0, 0)
	p.Write(pdfLine, term+": ")
	p.SetFont(pdfFont, "", pdfBody)
	p.Write(pdfLine, detail)
	p.SetLeftMargin(pdfMargin)
	p.Ln(pdfLine + 0.8)
}

// kit writes a role's scorecard, interview questions and work sample.
func (p pdfWriter) kit(k content.KitWords, role BriefRole) {
	h := role.Hire
	p.heading(k.Scorecard, 11.5)
	p.para(k.ScorecardHow)
	for _, c := range h.Scorecard {
		p.heading(c.Name, 10)
		p.labelled(k.Strong, c.Strong)
		p.labelled(k.Weak, c.Weak)
		p.item("•", k.Score)
	}
	p.heading(role.QuestionsHeading(), 11.5)
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

// labelled is a list item that starts with a label in bold.
func (p pdfWriter) labelled(label, text string) {
	p.SetFont(pdfFont, "", pdfBody)
	p.SetTextColor(0, 0, 0)
	p.keepTogether(label + ": " + text)
	p.SetX(pdfMargin)
	p.CellFormat(7, pdfLine, "•", "", 0, "L", false, 0, "")
	p.SetLeftMargin(pdfMargin + 7)
	p.SetFont(pdfFont, "B", pdfBody)
	p.Write(pdfLine, label+": ")
	p.SetFont(pdfFont, "", pdfBody)
	p.Write(pdfLine, text)
	p.SetLeftMargin(pdfMargin)
	p.Ln(pdfLine + 0.6)
}

// keepTogether starts a new page if a list item of this text would not fit
// on this one, so that no item is cut in two.
func (p pdfWriter) keepTogether(text string) {
	pageWidth, pageHeight := p.GetPageSize()
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		lines += len(p.SplitText(para, pageWidth-2*pdfMargin-7))
	}
	if p.GetY()+float64(lines)*pdfLine > pageHeight-pdfMargin {
		p.AddPage()
	}
}
