package serve

import (
	"strconv"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// The request line is written by hand, in the shape NewLogHandler gives
// every other line: through slog it cost three times the rest of serving a
// cached page, 7 points of /guide against a bare server
// (doc/performance.md).

// A RequestLine appends a log line to B in slog's text shape (with JSON,
// its JSON shape): Begin, then the fields, then End.
type RequestLine struct {
	B      []byte
	JSON   bool
	Stamps *StampCache // the formatted second, shared by one log's lines
}

// Begin starts the line: its time, level and msg=request.
func (l *RequestLine) Begin(t time.Time) {
	if l.JSON {
		l.B = append(l.B, `{"time":"`...)
		l.B = l.Stamps.appendTime(l.B, t)
		l.B = append(l.B, `","level":"INFO","msg":"request"`...)
		return
	}
	l.B = append(l.B, "time="...)
	l.B = l.Stamps.appendTime(l.B, t)
	l.B = append(l.B, " level=INFO msg=request"...)
}

// A StampCache keeps the current second formatted, for one request log:
// formatting a time with a layout costs a fifth of a cached page,
// appending millis almost nothing.
type StampCache struct {
	last atomic.Pointer[stampedSecond]
}

type stampedSecond struct {
	unix  int64
	stamp []byte // 2006-01-02T15:04:05 in UTC
}

// appendTime appends t in UTC as 2006-01-02T15:04:05.000Z (logTimeFormat).
func (c *StampCache) appendTime(b []byte, t time.Time) []byte {
	t = t.UTC()
	sec := c.last.Load()
	if sec == nil || sec.unix != t.Unix() {
		sec = &stampedSecond{unix: t.Unix(), stamp: t.AppendFormat(nil, "2006-01-02T15:04:05")}
		c.last.Store(sec)
	}
	b = append(b, sec.stamp...)
	return append(appendMilli(append(b, '.'), t.Nanosecond()/1e6), 'Z')
}

// appendMilli appends 0 <= n < 1000 as three digits.
func appendMilli(b []byte, n int) []byte {
	return append(b, byte('0'+n/100), byte('0'+n/10%10), byte('0'+n%10))
}

func (l *RequestLine) key(k string) {
	if l.JSON {
		l.B = append(l.B, `,"`...)
		l.B = append(l.B, k...)
		l.B = append(l.B, `":`...)
		return
	}
	l.B = append(l.B, ' ')
	l.B = append(l.B, k...)
	l.B = append(l.B, '=')
}

// Str appends a field; limit (< 0: none) cuts what a client chose, and
// characters a terminal or viewer would act on are written as escapes, as
// NewLogHandler does for every other line.
func (l *RequestLine) Str(k, v string, limit int) {
	if !isSafeLogString(v, limit) {
		v = safeLogString(v, limit)
	}
	l.key(k)
	if l.JSON {
		l.B = appendJSONString(l.B, v)
	} else if needsQuoting(v) {
		l.B = strconv.AppendQuote(l.B, v)
	} else {
		l.B = append(l.B, v...)
	}
}

// Int appends an integer field.
func (l *RequestLine) Int(k string, v int) {
	l.key(k)
	l.B = strconv.AppendInt(l.B, int64(v), 10)
}

// Millis appends d in milliseconds with three decimals (microseconds).
func (l *RequestLine) Millis(k string, d time.Duration) {
	l.key(k)
	us := max(d.Microseconds(), 0)
	l.B = strconv.AppendInt(l.B, us/1000, 10)
	l.B = appendMilli(append(l.B, '.'), int(us%1000))
}

// End ends the line.
func (l *RequestLine) End() {
	if l.JSON {
		l.B = append(l.B, '}')
	}
	l.B = append(l.B, '\n')
}

// needsQuoting reports whether a text value must be quoted to stay one
// unambiguous key=value pair, as slog's text handler decides.
func needsQuoting(s string) bool {
	if s == "" {
		return true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c == '=' || c == '"' || c == '\\' || c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// appendJSONString appends s as a JSON string: quotes, backslashes and
// control characters escaped, invalid UTF-8 replaced, and U+2028/U+2029
// escaped for JavaScript readers.
func appendJSONString(b []byte, s string) []byte {
	const hexDigits = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != 0x7f {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
