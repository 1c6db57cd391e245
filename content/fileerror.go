package content

import (
	"bytes"
	"fmt"
)

// A FileError is a problem in one content file, at one line.
type FileError struct {
	File   string
	Line   int
	Reason string
}

func (e *FileError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Reason)
}

func fileErrorf(file string, line int, format string, args ...any) *FileError {
	return &FileError{File: file, Line: line, Reason: fmt.Sprintf(format, args...)}
}

// lineAt returns the 1-based line number of byte offset off in src.
func lineAt(src []byte, off int) int {
	if off > len(src) {
		off = len(src)
	}
	return bytes.Count(src[:off], []byte("\n")) + 1
}

// keyLine returns the line of a top-level YAML key in a front-matter block
// that starts on line first, or first if the key is absent.
func keyLine(yamlSrc []byte, first int, key string) int {
	for i, line := range bytes.Split(yamlSrc, []byte("\n")) {
		if bytes.HasPrefix(line, []byte(key+":")) {
			return first + i
		}
	}
	return first
}
