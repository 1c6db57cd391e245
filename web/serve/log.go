package serve

import (
	"fmt"
	"io"
	"log/slog"
	"strings"
	"unicode/utf8"
)

// NewLogHandler is the handler of every log line, the request log's and
// the program's alike, so that they share one shape: slog's text or JSON
// ("json") format, times in UTC with milliseconds, every string made safe
// for a terminal or log viewer (safeLogString), and the fields a client
// chooses cut to MaxLogField bytes; durations as Go durations ("5s").
// Lines below level are not written.
func NewLogHandler(w io.Writer, format string, level slog.Leveler) slog.Handler {
	opts := &slog.HandlerOptions{ReplaceAttr: replaceLogAttr, Level: level}
	if format == "json" {
		return slog.NewJSONHandler(w, opts)
	}
	return slog.NewTextHandler(w, opts)
}

// MaxLogField bounds the fields a client chooses (the path, the user
// agent…): one client sending 15 KB user agents must not write megabytes
// of log a second.
const MaxLogField = 256

const logTimeFormat = "2006-01-02T15:04:05.000Z"

func replaceLogAttr(groups []string, a slog.Attr) slog.Attr {
	switch a.Value.Kind() {
	case slog.KindDuration:
		// slog's JSON handler writes nanoseconds ("for":5000000000): a
		// Go duration ("5s") reads the same in both formats.
		a.Value = slog.StringValue(a.Value.Duration().String())
	case slog.KindTime:
		if a.Key == slog.TimeKey && len(groups) == 0 {
			// slog's JSON handler writes nanoseconds, its text handler
			// milliseconds: one fixed shape for both.
			a.Value = slog.StringValue(a.Value.Time().UTC().Format(logTimeFormat))
		}
	case slog.KindString:
		limit := -1
		switch a.Key {
		case "path", "user_agent", "method", "location", "request_id", "client_ip":
			limit = MaxLogField
		}
		if v := a.Value.String(); !isSafeLogString(v, limit) {
			a.Value = slog.StringValue(safeLogString(v, limit))
		}
	}
	return a
}

// isSafeLogString reports whether s needs no change: no longer than limit
// (< 0: any length) and no rune that UnsafeRune names.
func isSafeLogString(s string, limit int) bool {
	if limit >= 0 && len(s) > limit {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == 0x7f || c == 0xc2 || c == 0xd8 || c == 0xe2 || c == 0xef { // how the runes below begin
			return !strings.ContainsFunc(s[i:], UnsafeRune)
		}
	}
	return true
}

// UnsafeRune reports whether r may not reach a log raw: DEL, the C1
// controls (a terminal obeys U+009B as it does ESC [), the bidirectional
// controls (U+202E shows the rest of a line reversed in a viewer) and the
// byte-order mark. slog itself escapes the C0 controls, U+2028, U+2029 and
// invalid UTF-8 in both formats.
func UnsafeRune(r rune) bool {
	switch {
	case r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x200e && r <= 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069,
		r == 0x061c, r == 0xfeff:
		return true
	}
	return false
}

// safeLogString cuts s to limit bytes (< 0: no limit), marking the cut with
// "…", and writes each unsafe rune as its \u escape in plain text, so the
// line shows what was sent without a terminal acting on it.
func safeLogString(s string, limit int) string {
	cut := false
	if limit >= 0 && len(s) > limit {
		s, cut = s[:limit], true
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		if r == utf8.RuneError && cut && len(s)-i < utf8.UTFMax {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				break // a rune split by the cut
			}
		}
		switch {
		case UnsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		case r == utf8.RuneError:
			// Invalid bytes pass through as they came, for slog to escape.
			_, size := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[i : i+size])
		default:
			b.WriteRune(r)
		}
	}
	if cut {
		b.WriteString("…")
	}
	return b.String()
}
