package main

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"

	"github.com/guide/pmvspm/content"
	"github.com/guide/pmvspm/web"
)

// buildSite loads the content in fsys and builds the site's handler; start-
// up, -check and -dev all call it. When the content has problems it reports
// all of them in one go: those Load finds, and those the server finds
// checking what Load could load against the pages it makes (links to
// /compare, /which-role, /faq#…; the questionnaire's contract; page
// weight), which web.NewServer leaves out where they may come of a file
// with problems.
//
// The content's words are held to the editorial rules too
// (content.CheckWords: spelling, role names, copied runs…), in the same
// run, so that -check, -dev and -content say what CI says. The embedded
// content skips them when serving: CI checked it when the binary was built.
func buildSite(fsys fs.FS, logger *slog.Logger, cfg web.Config) (http.Handler, error) {
	site, err := content.Load(fsys)
	var problems content.Problems
	errors.As(err, &problems)
	if embedded, ok := fsys.(embed.FS); !ok || embedded != content.Files || cfg.CheckOnly {
		var words content.Problems
		errors.As(content.CheckWords(fsys), &words)
		problems = append(problems, words...)
	}
	if len(problems) > 0 { // content with problems is built only to check it
		logger, cfg.CheckOnly = slog.New(slog.DiscardHandler), true
	}
	h, err := web.NewServer(logger, site, cfg)
	var more content.Problems
	if errors.As(err, &more) {
		problems = append(problems, more...)
	} else if err != nil {
		problems = append(problems, err)
	}
	if len(problems) == 0 {
		return h, nil
	}
	problems.Sort()
	return nil, problems
}

// problemCount says how many problems err holds.
func problemCount(err error) string {
	n := 1
	var problems content.Problems
	if errors.As(err, &problems) {
		n = len(problems)
	}
	if n == 1 {
		return "1 problem"
	}
	return fmt.Sprintf("%d problems", n)
}
