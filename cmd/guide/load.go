package main

import (
	"embed"
	"errors"
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
func buildSite(fsys fs.FS, logger *slog.Logger, cfg web.Config) (http.Handler, content.Problems) {
	site, err := content.Load(fsys)
	problems := problemsIn(err)
	if embedded, ok := fsys.(embed.FS); !ok || embedded != content.Files || cfg.CheckOnly {
		problems = append(problems, problemsIn(content.CheckWords(fsys))...)
	}
	if len(problems) > 0 { // content with problems is built only to check it
		logger, cfg.CheckOnly = slog.New(slog.DiscardHandler), true
	}
	h, err := web.NewServer(logger, site, cfg)
	if problems = append(problems, problemsIn(err)...); len(problems) == 0 {
		return h, nil
	}
	problems.Sort()
	return nil, problems
}

// problemsIn returns the problems err holds, one by one.
func problemsIn(err error) content.Problems {
	var problems content.Problems
	if err != nil && !errors.As(err, &problems) {
		problems = content.Problems{err}
	}
	return problems
}
