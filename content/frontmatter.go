package content

import (
	"bytes"
	"io/fs"
	"time"

	"github.com/goccy/go-yaml"
)

const dateLayout = "2006-01-02"

// splitFrontMatter separates a file into its YAML front matter and its
// Markdown body. bodyLine is the line on which the body starts.
func splitFrontMatter(file string, src []byte) (fm, body []byte, bodyLine int, err error) {
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return nil, nil, 0, fileErrorf(file, 1, `front matter missing: the file must start with a "---" line`)
	}
	rest := src[len("---\n"):]
	end := bytes.Index(rest, []byte("\n---\n"))
	if end < 0 {
		if bytes.HasSuffix(rest, []byte("\n---")) {
			end = len(rest) - len("\n---")
		} else {
			return nil, nil, 0, fileErrorf(file, 1, `front matter not closed: no second "---" line`)
		}
	}
	fm = rest[:end+1]
	body = rest[min(end+len("\n---\n"), len(rest)):]
	bodyLine = lineAt(src, len(src)-len(body))
	return fm, body, bodyLine, nil
}

// readMarkdownFile reads a Markdown file and decodes its front matter
// strictly into meta. It returns where the front matter's keys are (for
// error lines), the body and the line on which the body starts.
func readMarkdownFile(fsys fs.FS, file string, meta any) (fm yamlLines, body []byte, bodyLine int, err error) {
	src, err := readFile(fsys, file)
	if err != nil {
		return yamlLines{}, nil, 0, err
	}
	yamlSrc, body, bodyLine, err := splitFrontMatter(file, src)
	if err != nil {
		return yamlLines{}, nil, 0, err
	}
	fm, err = decodeYAML(file, yamlSrc, frontMatterLine, meta)
	return fm, body, bodyLine, err
}

// readYAML reads a YAML content file into v and returns its keys' lines.
func readYAML(fsys fs.FS, file string, v any) (yamlLines, error) {
	src, err := readFile(fsys, file)
	if err != nil {
		return yamlLines{}, err
	}
	return decodeYAML(file, src, 1, v)
}

// decodeYAML decodes src strictly into v: unknown keys and duplicate keys
// are errors. first is the file line on which src starts. The source is
// parsed once, and its tree returned to find the lines of later problems.
func decodeYAML(file string, src []byte, first int, v any) (yamlLines, error) {
	lines := newYAMLLines(src, first)
	var err error
	if lines.doc != nil && lines.doc.Body != nil {
		err = yaml.NodeToValue(lines.doc.Body, v, yaml.DisallowUnknownField())
	} else {
		// Empty, or it does not parse: decoding says which.
		err = yaml.UnmarshalWithOptions(src, v, yaml.DisallowUnknownField())
	}
	if err != nil {
		return lines, plainYAMLError(file, src, first, err)
	}
	return lines, checkWholeNumbers(file, lines, v)
}

// parseDate parses value, the updated date (such as 2026-11-27) of file;
// a problem with it is reported at the key's line, from at.
func parseDate(file string, at yamlLines, value string) (time.Time, error) {
	if value == "" {
		return time.Time{}, fileErrorf(file, at.key("updated"), "updated is required (YYYY-MM-DD)")
	}
	t, err := time.Parse(dateLayout, value)
	if err != nil {
		return time.Time{}, fileErrorf(file, at.key("updated"), "updated %q is not a date like 2026-11-27", value)
	}
	return t, nil
}
