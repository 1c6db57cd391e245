package templates

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every word an editor may change lives in content/: a template's text is
// all expressions ({ words.Heading }), never a word written in it. The
// page's furniture (markup, the words of SiteName, punctuation) is not, and
// neither is the Go a template file holds beside its components.
func TestNoWordsInTemplates(t *testing.T) {
	files, err := filepath.Glob("*.templ")
	if err != nil || len(files) == 0 {
		t.Fatalf("no templates: %v", err)
	}
	var (
		expression = regexp.MustCompile(`\{\{.*?\}\}|\{[^{}]*\}|@[A-Za-z.]+\([^()]*\)`)
		tag        = regexp.MustCompile(`<[^<>]*>|<[a-z][a-z0-9-]*\b.*$|^[^<>]*>`)
		word       = regexp.MustCompile(`[A-Za-z]{2,}`)
		statement  = regexp.MustCompile(`^(//|templ |if |} else|else|for |switch |case |default:|@|package |import|\)|"|[a-z-]+\??=)`)
		goDecl     = regexp.MustCompile(`^(func|const|var|type) `) // at the start of a line
	)
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		inImport, inGo := false, false
		for i, line := range strings.Split(string(src), "\n") {
			// A Go declaration runs to its closing line ("}" or ")").
			if goDecl.MatchString(line) {
				inGo = strings.HasSuffix(line, "{") || strings.HasSuffix(line, "(")
				continue
			}
			if inGo {
				inGo = line != "}" && line != ")"
				continue
			}
			line = strings.TrimSpace(line)
			if line == "import (" {
				inImport = true
			}
			if inImport || statement.MatchString(line) {
				inImport = inImport && line != ")"
				continue
			}
			text := tag.ReplaceAllString(expression.ReplaceAllString(line, ""), "")
			if w := word.FindString(text); w != "" && !strings.Contains(" "+SiteName+" ", " "+w+" ") {
				t.Errorf("%s:%d: %q is written in the template: put it in content/words.yaml", file, i+1, strings.TrimSpace(text))
			}
		}
	}
}
