package templates

import (
	"go/build"
	"strings"
	"testing"
)

// TestImportsNoWeb keeps the arrows pointing down: web fills the view
// models, so templates must never import web or a package below it.
func TestImportsNoWeb(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	const module = "github.com/guide/pmvspm/"
	for _, imp := range pkg.Imports {
		if rest, ok := strings.CutPrefix(imp, module); ok && rest != "content" && rest != "static" {
			t.Errorf("templates imports %s; it may import only content and static from this module", imp)
		}
	}
}
