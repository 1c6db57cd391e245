package content

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"unicode/utf8"
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
	return bytes.Count(src[:min(off, len(src))], []byte("\n")) + 1
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

// A missingFile is a file the content must have, missing: its problem
// lies in no file, but names the file that would end it.
type missingFile struct {
	file   string
	reason string
}

func (e *missingFile) Error() string { return e.reason }

// files returns the files that have problems, with "" standing for
// problems in no file; a file that could not be read is named too.
func (p Problems) files() map[string]bool {
	files := map[string]bool{}
	for _, err := range p {
		var fe *FileError
		var pe *fs.PathError
		var mf *missingFile
		switch {
		case errors.As(err, &fe):
			files[fe.File] = true
		case errors.As(err, &pe):
			files[pe.Path] = true
		case errors.As(err, &mf):
			files[mf.file] = true
		default:
			files[""] = true
		}
	}
	return files
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

// maxFileBytes is the most a content file may hold: the longest today is
// under 40 KiB; a file many times that is a mistake (a paste gone wrong),
// and would make a page no reader's phone should load.
const maxFileBytes = 256 << 10

// readFile reads a content file as text: UTF-8, at most maxFileBytes, a
// byte-order mark (which some editors write) dropped, Windows line ends
// made plain.
func readFile(fsys fs.FS, file string) ([]byte, error) {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", file, err)
	}
	if len(src) > maxFileBytes {
		return nil, fileErrorf(file, 1, "the file is %s, more than the %d KiB a content file may hold: was something pasted in by mistake? (a page must stay within 14 KiB compressed)",
			formatSize(len(src)), maxFileBytes>>10)
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	for off := 0; off < len(src); {
		r, n := utf8.DecodeRune(src[off:])
		if r == utf8.RuneError && n == 1 {
			line := lineAt(src, off)
			col := utf8.RuneCount(src[bytes.LastIndexByte(src[:off], '\n')+1:off]) + 1
			return nil, fileErrorf(file, line, "the file is not UTF-8 text: byte 0x%02X in column %d is not a UTF-8 character; save the file as UTF-8 (in most editors: Save with encoding, UTF-8)", src[off], col)
		}
		off += n
	}
	return src, nil
}

// formatSize says a size in KiB or MiB.
func formatSize(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KiB", (n+1023)/1024)
}
