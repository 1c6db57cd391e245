package content

import (
	"io/fs"
	"path"
	"strings"

	"github.com/yuin/goldmark"
)

// An entry is what one Markdown file of a folder loads into: a guide
// section, an FAQ answer or a standalone page.
type entry interface {
	comparable
	// origin returns the entry's slug and its line.
	origin() (slug string, slugLine int)
}

// loadFolder loads every dir/*.md file with load, in file name order, and
// returns the entries that loaded, each slug once: a second file with a
// slug is a problem. load returns an entry once its slug is known, even
// with problems, so that links to it can still be checked. docs holds each returned entry's parsed body, by slug, for Load to read
// links and role tables from; failed says whether load found any problem.
func loadFolder[T entry](md goldmark.Markdown, fsys fs.FS, dir, url string,
	load func(goldmark.Markdown, fs.FS, string) (T, *document, error),
) (entries []T, docs map[string]*document, failed bool, err error) {
	files, err := fs.Glob(fsys, dir+"/*.md")
	if err != nil {
		return nil, nil, true, err
	}
	var problems Problems
	docs = map[string]*document{}
	first := map[string]string{} // each slug's first file
	var none T
	for _, file := range files {
		e, doc, err := load(md, fsys, file)
		problems.add(err)
		failed = failed || err != nil
		if e == none {
			continue
		}
		slug, slugLine := e.origin()
		name := strings.TrimSuffix(path.Base(file), ".md")
		if slug != name {
			// The address is the file's name: a slug that differs would
			// serve the file at another address than its name says.
			problems.add(fileErrorf(file, slugLine, "slug %q is not the file's name: the page's address is %s%s; write slug: %s, or rename the file to %s.md if the address should change (a published address must not)",
				slug, url, name, name, slug))
			failed = true
			continue
		}
		if other, dup := first[slug]; dup {
			problems.add(fileErrorf(file, slugLine, "duplicate slug %q: %s has it too", slug, other))
			failed = true
			continue
		}
		first[slug] = file
		docs[slug] = doc
		entries = append(entries, e)
	}
	return entries, docs, failed, problems.err()
}

// checkCommonMeta checks the front matter that guide sections and
// standalone pages share: a title, a slug fit for a URL, a description
// that fits a search result, and a date.
func checkCommonMeta(problems *Problems, file string, fm yamlLines, title, slug, description, updated string) {
	if title == "" {
		problems.add(fileErrorf(file, frontMatterLine, "title is required"))
	}
	switch {
	case slug == "":
		problems.add(fileErrorf(file, frontMatterLine, "slug is required"))
	case !validSlug(slug):
		problems.add(fileErrorf(file, fm.key("slug"), "slug %q must be lower-case words joined by hyphens", slug))
	}
	switch n := len([]rune(description)); {
	case n == 0:
		problems.add(fileErrorf(file, frontMatterLine, "description is required"))
	case n > 160:
		problems.add(fileErrorf(file, fm.key("description"), "description is %d characters; the limit is 160", n))
	}
	_, err := parseDate(file, fm, updated)
	problems.add(err)
}

func validSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return false
		}
	}
	return true
}
