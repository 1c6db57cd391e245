package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/guide/pmvspm/web"
)

// checkContent is guide -check: it loads the content as the server would,
// prints every problem, one "file:line: message" a line, and fails if
// there is any.
func checkContent(e editorConfig, stdout io.Writer) error {
	if err := e.checkDir(); err != nil {
		return err
	}
	_, problems := buildSite(e.contentFS(), slog.New(slog.DiscardHandler), web.Config{CheckOnly: true})
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
