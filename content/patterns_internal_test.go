package content

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
)

// The editorial patterns run only where they can match, for speed; these
// tests hold each to its plain pattern on the whole text.

// contentTexts returns every content file's text, as written (raw) and as
// the editorial rules read it (prose).
func contentTexts(t *testing.T) (raw, prose []string) {
	t.Helper()
	err := fs.WalkDir(Files, ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			src, err := fs.ReadFile(Files, path)
			raw, prose = append(raw, string(src)), append(prose, newProse(path, string(src)).text)
			return err
		}
		return err
	})
	if err != nil || len(raw) == 0 {
		t.Fatalf("no content: %v", err)
	}
	return raw, prose
}

func TestRoleNameSlipsIsThePattern(t *testing.T) {
	t.Parallel()
	_, prose := contentTexts(t)
	texts := append(prose, "a Product Manager", "PM\na Scrum Master\n", "the\nProduct Owner, a product Owner",
		"\n\nwe, Technical project Managers\n", "a project manager", "", "\n", "PMs\nPM")
	for _, text := range texts {
		if got, want := RoleNameSlips(text), roleCase.FindAllStringIndex(text, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("in %.60q: RoleNameSlips %v, the pattern %v", text, got, want)
		}
	}
}

// firstUse finds what the term's pattern finds, in every content file and
// in texts made to catch a window cut wrong: a use at the very start or
// end, one after a near miss, a plural, folding beyond ASCII.
func TestFirstUseIsThePatterns(t *testing.T) {
	t.Parallel()
	terms := glossaryTermsIn(Files)
	if len(terms) == 0 {
		t.Fatal("no glossary terms")
	}
	terms = append(terms, newTerm("Product-market fit"), newTerm("Kanban"), newTerm("Café"))
	texts := []string{
		"kanban", "Kanbans", "kanbanes.", "xkanban kanban", "KANBAN-", "the kanbanx kanban", "a \u212aanban", "ſaaS and SaaS",
		"product market fit", "Product-Market-Fits", "product-market fitness, product market fit!", "productproduct-market fit",
		"é kanban", "kanbané", "roadmap\u00a0", "CAFÉ", "cafés", "\xffkanban\xff",
	}
	raw, _ := contentTexts(t)
	texts = append(texts, raw...)
	for _, text := range texts {
		lower := lowerForTerms(text)
		for _, tm := range terms {
			if got, want := tm.firstUse(text, lower), tm.use.FindStringIndex(text); !slices.Equal(got, want) {
				t.Errorf("%s in %.40q: firstUse %v, the pattern %v", tm.name, strings.TrimSpace(text), got, want)
			}
		}
	}
}

func TestMoneyInIsThePattern(t *testing.T) {
	t.Parallel()
	_, prose := contentTexts(t)
	texts := append(prose, "$\n5", "5\nUSD and 5\ndollars", "£5,000.00\n€3", "x\n\n£", "EUR\n5\nx", "no\ndigits\n", "1\n", "\n2 euros",
		"costs $90,000 a year\nor 90,000\nGBP.", "¥\n1", "5\n5")
	for _, text := range texts {
		if got, want := moneyIn(text), money.FindAllStringIndex(text, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("in %.60q: moneyIn %v, the pattern %v", text, got, want)
		}
	}
}

func TestFindCheckedIsThePattern(t *testing.T) {
	t.Parallel()
	raw, prose := contentTexts(t)
	texts := append(append(raw, prose...), "Checked on 30 November 2026", "LAST CHECKED IN MAY 2020", "checked\n2026-11-30",
		"chec\u212aed 2026-11-30", // the Kelvin sign, which (?i)k matches
		"it was checked.", "check 2026-11-30", "")
	for _, text := range texts {
		gotT, gotOK := findChecked(text)
		wantT, wantOK := checkedIn(text)
		if gotOK != wantOK || !gotT.Equal(wantT) {
			t.Errorf("in %.60q: findChecked %v %v, the pattern %v %v", text, gotT, gotOK, wantT, wantOK)
		}
	}
}

func TestUnescapeTextAsTheRenderer(t *testing.T) {
	t.Parallel()
	raw, _ := contentTexts(t)
	texts := []string{`a \*b\* &amp; c`, "&quot;q&quot; <b> \"x\" &#x41;&#66;", "nul\x00here", "x > y < z", `\\`, "&nosuch; &", ""}
	for _, text := range raw {
		texts = append(texts, strings.Split(text, "\n")...)
	}
	for _, text := range texts {
		if got, want := unescapeText([]byte(text)), rendererUnescape([]byte(text)); got != want {
			t.Errorf("in %.60q: unescapeText %q, the renderer %q", text, got, want)
		}
	}
}
