package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/web"
)

// checkContent is guide -check: it loads the content as the server would,
// prints every problem, one "file:line: message" a line, and fails if
// there is any.
func checkContent(e editorConfig, stdout io.Writer) error {
	site, err := content.Load(e.contentFS())
	if err == nil {
		// The server checks the links to pages that only it knows.
		_, err = web.NewServer(slog.New(slog.DiscardHandler), site, web.Config{})
	}
	if err == nil {
		fmt.Fprintln(stdout, "content: no problems")
		return nil
	}
	fmt.Fprintln(stdout, err)
	n := 1
	var problems content.Problems
	if errors.As(err, &problems) {
		n = len(problems)
	}
	if n == 1 {
		return errors.New("content check: 1 problem")
	}
	return fmt.Errorf("content check: %d problems", n)
}
