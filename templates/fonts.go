package templates

import (
	_ "embed"
	"image/color"
)

// The heading face of the site's identity, embedded in the binary so a
// fresh clone builds: Charis SIL (SIL Open Font License 1.1, fonts/OFL.txt),
// SIL's version of Bitstream Charter, the first face of the page's serif
// stack (style.css --serif). The brief's PDF and the social cards set their
// headings and the wordmark in it; the page names it after Charter rather
// than serving it (a woff2 of the two faces weighs about 560 KB).
var (
	//go:embed fonts/CharisSIL-Bold.ttf
	SerifBold []byte
	//go:embed fonts/CharisSIL-Italic.ttf
	SerifItalic []byte
)

// The fills the result panel puts white text on (style.css --product-fill,
// --project-fill and --accent-bg): the product manager's blue, the project
// manager's amber, and the site's teal; and Ink, the text on white (--fg),
// for the pictures and files drawn outside the stylesheet.
var (
	ProductFill = color.RGBA{0x1f, 0x4f, 0xbf, 0xff}
	ProjectFill = color.RGBA{0x9a, 0x44, 0x00, 0xff}
	AccentFill  = color.RGBA{0x00, 0x67, 0x7f, 0xff}
	Ink         = color.RGBA{0x1c, 0x1c, 0x21, 0xff}
)

// PanelClass is an outcome's panel colour class, from its recommendation
// (and a one-person result's lead): "pm" for the product manager's blue,
// "pj" for the project manager's amber, "both" for the two together, ""
// (the site's teal) for no hire yet.
func PanelClass(recommendation, lead string) string {
	if recommendation == "one-person" {
		recommendation = lead
	}
	switch recommendation {
	case "product-manager":
		return "pm"
	case "project-manager":
		return "pj"
	case "both":
		return "both"
	}
	return ""
}

// PanelFills are the colours of a panel of that class, as the page paints
// it: one fill, or two that blend from the first to the second.
func PanelFills(class string) []color.RGBA {
	switch class {
	case "pm":
		return []color.RGBA{ProductFill}
	case "pj":
		return []color.RGBA{ProjectFill}
	case "both":
		return []color.RGBA{ProductFill, ProjectFill}
	}
	return []color.RGBA{AccentFill}
}
