package content

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
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

// Problems is every problem that Load found, in file and line order;
// problems that lie in no single file come first. Its Error has one problem
// a line, each "file:line: reason".
type Problems []error

func (p Problems) Error() string {
	lines := make([]string, len(p))
	for i, err := range p {
		lines[i] = err.Error()
	}
	return strings.Join(lines, "\n")
}

func (p Problems) Unwrap() []error { return p }

// add records err, if any; the problems of another Problems are added one
// by one.
func (p *Problems) add(err error) {
	if more, ok := err.(Problems); ok {
		*p = append(*p, more...)
	} else if err != nil {
		*p = append(*p, err)
	}
}

// err returns the problems sorted, or nil if there are none.
func (p Problems) err() error {
	if len(p) == 0 {
		return nil
	}
	p.Sort()
	return p
}

// Sort puts problems in no file first, then the rest by file and line.
func (p Problems) Sort() {
	slices.SortStableFunc(p, func(a, b error) int {
		var fa, fb *FileError
		inA, inB := errors.As(a, &fa), errors.As(b, &fb)
		if !inA || !inB {
			return cmp.Compare(boolInt(inA), boolInt(inB))
		}
		return cmp.Or(strings.Compare(fa.File, fb.File), cmp.Compare(fa.Line, fb.Line))
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
