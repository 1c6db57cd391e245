package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/guide/pmvspm/web"
	"github.com/guide/pmvspm/web/serve"
)

// checkContent is guide -check: it loads the content as the server would,
// prints every problem, one "file:line: message" a line, and fails if
// there is any. encodings, if not nil, keeps the pages' encodings that
// the page budget weighs (see runWith).
func checkContent(e editorConfig, encodings *serve.EncodingCache, stdout io.Writer) error {
	if err := e.checkDir(); err != nil {
		return err
	}
	_, problems := buildSite(e.contentFS(), slog.New(slog.DiscardHandler), web.Config{CheckOnly: true, Encodings: encodings})
	if problems == nil {
		fmt.Fprintln(stdout, "content: no problems")
		return nil
	}
	fmt.Fprintln(stdout, problems)
	if len(problems) == 1 {
		return errors.New("content check: 1 problem")
	}
	return fmt.Errorf("content check: %d problems", len(problems))
}
