package templates

import (
	"fmt"
	"image/color"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
	"github.com/guide/pmvspm/content"
)

// The PDF's page: A4 in millimetres, with margins that also suit Letter.
const (
	pdfMargin = 16.0
	pdfFont   = "Go"        // the body: the Go fonts (BSD licence), embedded in the binary
	pdfSerif  = "CharisSIL" // headings and the wordmark: the site's serif (fonts.go)
)

// WritePDF writes the brief as a PDF: A4, its fonts embedded, real text
// (selectable and searchable), title and metadata set, dated made. The same
// headings and words as the HTML page and the Markdown file. fonts keeps
// the fonts cut for one document for the next with the same letters (nil:
// every document has its fonts cut anew).
func (b Brief) WritePDF(w io.Writer, made time.Time, fonts *FontCache) error {
	pdf := newPDF("P", "mm", "A4") // the fonts parsed once per process
	pdf.SetTitle(b.Title(), true)
	pdf.SetSubject(b.Summary, true)
	pdf.SetAuthor(SiteName, true)
	pdf.SetCreator(SiteName, true)
	pdf.SetKeywords("hiring kit, product manager, project manager", true)
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
	p := pdfWriter{pdf, PanelFills(b.Panel)}

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
		p.bullets(part.Items)
	}
	if b.Split != "" {
		p.heading(b.Words.Split, 13)
		p.para(b.Split)
	}
	for _, n := range b.Notes {
		p.para(n)
	}
	pr := b.Process
	if len(b.Roles) > 0 {
		p.heading(pr.Plan, 14)
		p.when(pr.PlanWhen)
		for _, st := range pr.Steps {
			p.heading(st.Name, 10)
			p.labelled(pr.Who, st.Who)
			p.labelled(pr.Length, st.Length)
			p.item("•", st.What)
		}
		p.heading(pr.FirstCall, 14)
		p.when(pr.FirstCallWhen)
		p.numbered(pr.FirstCallLines)
	}
	for _, role := range b.Roles {
		p.heading(b.RoleHeading(role), 14)
		p.heading(b.WhyHeading(role), 11.5)
		for _, r := range role.Why {
			p.item("•", r.Text)
		}
		p.heading(b.Words.Responsibilities, 11.5)
		p.checklist(role.Profile.Responsibilities)
		p.heading(b.Words.Skills, 11.5)
		p.checklist(role.Profile.Skills)
		p.kit(b, role)
	}
	if len(b.Roles) > 0 {
		p.heading(pr.References, 14)
		p.when(pr.ReferencesWhen)
		p.numbered(pr.ReferenceQs)
		p.heading(pr.NeverAsk, 14)
		p.when(pr.NeverAskWhen)
		p.para(pr.NeverAskIntro)
		p.bullets(pr.NeverAskItems)
		p.para(pr.NeverAskInstead)
	}
	if len(b.Mistakes) > 0 {
		p.heading(b.Kit.Mistakes, 14)
		p.when(pr.MistakesWhen)
		for _, m := range b.Mistakes {
			p.item("•", m.Text)
		}
	}
	for _, role := range b.Roles {
		p.scoreSheet(b, role)
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("brief PDF: %w", err)
	}
	return outputPDF(pdf, w, fonts) // pdfstreams.go
}

// A pdfWriter writes the brief's parts in its outcome's colours: the
// fills of its panel (PanelFills).
type pdfWriter struct {
	*fpdf.Fpdf
	fills []color.RGBA
}

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

// rgb is a colour as fpdf takes it.
func rgb(c color.RGBA) (r, g, b int) { return int(c.R), int(c.G), int(c.B) }

// pdfEdge is the height of the product and project managers' pair of
// colours along the band's foot, as on the site's masthead.
const pdfEdge = 1.4

// accent is the colour of the brief's larger headings: its outcome's
// (the teal for both roles, whose panel shows the pair, and for no hire).
func (p pdfWriter) accent() color.RGBA {
	if len(p.fills) != 1 {
		return AccentFill
	}
	return p.fills[0]
}

// pdfBand is the height of the teal band at the top of the first page.
const pdfBand = 18.0

// masthead draws the site's band across the top of the page: the mark
// (the wordmark's two rings, their overlap filled) and the site's name, in
// white on the teal accent, as in the site's header.
func (p pdfWriter) masthead() {
	w, _ := p.GetPageSize()
	p.SetFillColor(rgb(AccentFill))
	p.Rect(0, 0, w, pdfBand, "F")
	p.SetFillColor(rgb(ProductFill))
	p.Rect(0, pdfBand, w/2, pdfEdge, "F")
	p.SetFillColor(rgb(ProjectFill))
	p.Rect(w/2, pdfBand, w/2, pdfEdge, "F")
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

	p.SetTextColor(255, 255, 255)
	p.SetXY(x+30*u+3, 0)
	const size = 15.0 // points
	p.SetFont(pdfSerif, "B", size)
	p.CellFormat(p.GetStringWidth(siteProduct), pdfBand, siteProduct, "", 0, "L", false, 0, "")
	// The "or" in the serif's italic, drawn from its outline (the
	// masthead's one use of that face), on the cell's baseline; under it
	// the word as invisible text, so the name reads whole when copied.
	if or := italicOr(); or != nil {
		space, em := p.GetStringWidth(" "), size*25.4/72
		start := p.GetX()
		x := start + 1.4*space // the italic leans back towards "Product"
		p.drawOutline(or, x, pdfBand/2+0.3*em, em)
		end := x + or.width(em) + 0.8*space
		p.SetXY(start, 0) // a path moves fpdf's position
		p.SetTextRenderingMode(3)
		p.CellFormat(end-start, pdfBand, " or ", "", 0, "C", false, 0, "")
		p.SetTextRenderingMode(0)
	} else {
		p.CellFormat(p.GetStringWidth(" or "), pdfBand, " or ", "", 0, "L", false, 0, "")
	}
	p.CellFormat(p.GetStringWidth(siteProject), pdfBand, siteProject, "", 0, "L", false, 0, "")
	p.SetXY(pdfMargin, pdfBand+7)
}

// title is the brief's title, in the serif, in ink.
func (p pdfWriter) title(text string) {
	p.SetFont(pdfSerif, "B", 20)
	p.SetTextColor(rgb(Ink))
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
	p.SetFont(pdfSerif, "B", size)
	p.SetTextColor(rgb(Ink))
	if size >= 13 {
		p.SetTextColor(rgb(p.accent()))
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

// panel is the recommendation in white on its outcome's fill, as the
// result page's panel: one colour, or the product and project managers'
// blending from one to the other for both.
func (p pdfWriter) panel(text string) {
	const pad, line = 3.5, 6.0
	p.SetFont(pdfFont, "B", 11)
	w := p.textWidth()
	h := float64(len(p.SplitText(text, w-2*pad)))*line + 2*pad
	p.keep(h)
	x, y := pdfMargin, p.GetY()
	a, b := p.fills[0], p.fills[len(p.fills)-1]
	if a == b {
		p.SetFillColor(rgb(a))
		p.Rect(x, y, w, h, "F")
	} else {
		p.LinearGradient(x, y, w, h, int(a.R), int(a.G), int(a.B), int(b.R), int(b.G), int(b.B), .2, 0, .8, 0)
	}
	p.SetTextColor(255, 255, 255)
	p.SetLeftMargin(x + pad)
	p.SetRightMargin(pdfMargin + pad)
	p.SetXY(x+pad, y+pad)
	p.MultiCell(w-2*pad, line, text, "", "L", false)
	p.SetLeftMargin(pdfMargin)
	p.SetRightMargin(pdfMargin)
	p.SetXY(pdfMargin, y+h)
	p.Ln(4)
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

// bullets is a bulleted list.
func (p pdfWriter) bullets(items []string) {
	for _, it := range items {
		p.item("•", it)
	}
}

// checklist is a list of items each with an empty box to tick, the term in
// bold.
func (p pdfWriter) checklist(items []content.Item) {
	for _, it := range items {
		p.termItem(it.Term, it.Detail, 0.8, func() {
			p.SetDrawColor(80, 80, 80)
			p.Rect(pdfMargin+0.5, p.GetY()+0.6, 3.2, 3.2, "D")
		})
	}
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
	p.write(pdfLine, term+": ")
	p.SetFont(pdfFont, "", pdfBody)
	p.write(pdfLine, text)
	p.SetLeftMargin(pdfMargin)
	p.Ln(pdfLine + gap)
}

// write is fpdf's Write, for text without a line break, its lines found
// in one pass: the same lines and bytes, without fpdf's cost of
// converting the whole text to runes again for each of its letters
// (quadratic in a paragraph's length: an eighth of a brief's cost). Where
// fpdf's rules are odd (a word too long for what is left of a line, a
// line break) it hands the rest to fpdf's.
func (p pdfWriter) write(h float64, text string) {
	if len(text) < 2 || strings.ContainsRune(text, '\n') {
		p.Write(h, text)
		return
	}
	pageWidth, _ := p.GetPageSize()
	left, _, right, _ := p.GetMargins()
	_, size := p.GetFontSize()
	w := pageWidth - right - p.GetX()
	fits := func(units int) bool { return float64(units) <= (w-2*p.GetCellMargin())*1000/size }
	space := p.GetStringSymbolWidth(" ")
	// The line so far is text[start:end], units wide; its words are
	// those between single spaces (an empty one between two).
	start, end, units, first := 0, 0, 0, true
	for at := 0; at <= len(text); {
		next := strings.IndexByte(text[at:], ' ')
		if next < 0 {
			next = len(text)
		} else {
			next += at
		}
		word := p.GetStringSymbolWidth(text[at:next])
		switch {
		case first && !fits(word):
			p.Write(h, text)
			return
		case first:
			units, first = word, false
		case fits(units + space + word):
			units += space + word
		default: // the line ends before the word
			p.CellFormat(w, h, text[start:end], "", 2, "", false, 0, "")
			if start == 0 {
				p.SetX(left)
				w = pageWidth - right - left
			}
			start, units = at, word
			if !fits(word) {
				p.Write(h, text[at:])
				return
			}
		}
		end, at = next, next+1
	}
	if start < len(text) {
		p.CellFormat(float64(p.GetStringSymbolWidth(text[start:]))*size/1000, h, text[start:], "", 0, "", false, 0, "")
	}
}

// when is the line under a part's heading that says who uses it and when.
func (p pdfWriter) when(text string) {
	p.SetFont(pdfFont, "", 9)
	p.SetTextColor(70, 70, 70)
	p.MultiCell(0, 4.2, text, "", "L", false)
	p.Ln(1.5)
}

// numbered is a numbered list.
func (p pdfWriter) numbered(items []string) {
	for i, it := range items {
		p.item(fmt.Sprintf("%d.", i+1), it)
	}
	p.Ln(1)
}

// kit writes a role's scorecard, hire bar, interview questions and work
// sample with its material.
func (p pdfWriter) kit(b Brief, role BriefRole) {
	k, h, pr := b.Kit, role.Hire, b.Process
	p.heading(k.Scorecard, 11.5)
	p.when(pr.ScorecardWhen)
	p.para(k.ScorecardHow)
	for _, c := range h.Scorecard {
		p.heading(c.Name, 10)
		for _, a := range c.Anchors(k) {
			p.labelled(a.Label, a.Text)
		}
	}
	p.Ln(1)
	p.labelled(k.HireBar, h.HireBarText(k))
	p.heading(b.QuestionsHeading(role), 11.5)
	p.when(pr.QuestionsWhen)
	for i, q := range h.Questions {
		text := q.Ask
		if q.Then != "" {
			text += "\n" + k.ThenAsk + " " + q.Then
		}
		p.item(fmt.Sprintf("%d.", i+1), text+"\n"+k.GoodAnswer+": "+q.Good)
	}
	p.heading(k.WorkSample, 11.5)
	p.when(pr.WorkSampleWhen)
	p.para(h.WorkSample.Task)
	p.para(h.WorkSample.Time)
	p.heading(k.Fair, 10)
	p.bullets(h.Fair(k))
	p.pack(k, h.WorkSample.Pack)
	for _, part := range h.WorkSample.Parts(k) {
		p.heading(part.Heading, 10)
		p.bullets(part.Items)
	}
}

// pack is a work sample's material: its text, lists and tables.
func (p pdfWriter) pack(k content.KitWords, pk content.Pack) {
	p.heading(k.Material, 10)
	p.when(k.Handout)
	p.para(pk.Intro)
	for _, l := range pk.Lists {
		p.heading(l.Heading, 9.5)
		p.bullets(l.Items)
	}
	for _, t := range pk.Tables {
		p.heading(t.Heading, 9.5)
		first := p.textWidth() * 0.4
		rest := (p.textWidth() - first) / float64(len(t.Columns)-1)
		width := func(i int) float64 {
			if i == 0 {
				return first
			}
			return rest
		}
		const h = 5.5
		p.keep(h * float64(len(t.Rows)+1))
		p.SetDrawColor(150, 150, 150)
		p.SetFont(pdfFont, "B", 8.5)
		for i, c := range t.Columns {
			p.CellFormat(width(i), h, c, "1", 0, "L", false, 0, "")
		}
		p.Ln(h)
		p.SetFont(pdfFont, "", 8.5)
		for _, r := range t.Rows {
			for i, c := range r {
				p.CellFormat(width(i), h, c, "1", 0, "L", false, 0, "")
			}
			p.Ln(h)
		}
		p.Ln(2)
	}
}

// scoreSheet is a role's score sheet on a page of its own, to copy for
// each candidate and interviewer: who, when, then a score and room for the
// evidence per competency, and the hire bar.
func (p pdfWriter) scoreSheet(b Brief, role BriefRole) {
	pr, k := b.Process, b.Kit
	p.AddPage()
	p.SetFont(pdfFont, "", 9)
	p.SetTextColor(70, 70, 70)
	p.MultiCell(0, 4.5, pr.ScoreSheet, "", "L", false)
	p.SetFont(pdfFont, "B", 14)
	p.SetTextColor(rgb(AccentFill))
	p.MultiCell(0, 7, b.RoleHeading(role), "", "L", false)
	p.Ln(1)
	p.when(pr.ScoreSheetWhen)
	p.SetFont(pdfFont, "", pdfBody)
	p.SetTextColor(0, 0, 0)
	w := p.textWidth()
	for _, label := range []string{pr.Candidate, pr.Interviewer, pr.Date} {
		p.CellFormat(w/3, 9, label, "B", 0, "L", false, 0, "")
	}
	p.Ln(13)
	cols := []float64{w * 0.34, w * 0.16, w * 0.5}
	p.SetDrawColor(120, 120, 120)
	p.SetFont(pdfFont, "B", pdfBody)
	for i, c := range []string{pr.Competency, pr.Score, pr.Evidence} {
		p.CellFormat(cols[i], 7, c, "1", 0, "L", false, 0, "")
	}
	p.Ln(7)
	// Each row as tall as fits: the page less what is above and the bar.
	_, pageHeight := p.GetPageSize()
	rowH := min(38, (pageHeight-pdfMargin-p.GetY()-24)/float64(len(role.Hire.Scorecard)))
	p.SetFont(pdfFont, "", pdfBody)
	for _, c := range role.Hire.Scorecard {
		x, y := p.GetX(), p.GetY()
		p.Rect(x, y, cols[0], rowH, "D")
		p.Rect(x+cols[0], y, cols[1], rowH, "D")
		p.Rect(x+cols[0]+cols[1], y, cols[2], rowH, "D")
		p.SetXY(x+1, y+1)
		p.MultiCell(cols[0]-2, pdfLine, c.Name, "", "L", false)
		p.SetXY(x, y+rowH)
	}
	p.Ln(4)
	p.labelled(k.HireBar, role.Hire.HireBarText(k))
}
