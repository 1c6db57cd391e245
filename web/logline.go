package web

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

// requestLine appends a log line in slog's text or JSON shape.
type requestLine struct {
	b    []byte
	json bool
	sec  *stampCache
}

func (l *requestLine) begin(t time.Time) {
	if l.json {
		l.b = append(l.b, `{"time":"`...)
		l.b = l.sec.appendTime(l.b, t)
		l.b = append(l.b, `","level":"INFO","msg":"request"`...)
		return
	}
	l.b = append(l.b, "time="...)
	l.b = l.sec.appendTime(l.b, t)
	l.b = append(l.b, " level=INFO msg=request"...)
}

// A stampCache keeps the current second formatted, for one request log:
// formatting a time with a layout costs a fifth of a cached page,
// appending millis almost nothing.
type stampCache struct {
	last atomic.Pointer[stampedSecond]
}

type stampedSecond struct {
	unix  int64
	stamp []byte // 2006-01-02T15:04:05 in UTC
}

// appendTime appends t in UTC as 2006-01-02T15:04:05.000Z (logTimeFormat).
func (c *stampCache) appendTime(b []byte, t time.Time) []byte {
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

func (l *requestLine) key(k string) {
	if l.json {
		l.b = append(l.b, `,"`...)
		l.b = append(l.b, k...)
		l.b = append(l.b, `":`...)
		return
	}
	l.b = append(l.b, ' ')
	l.b = append(l.b, k...)
	l.b = append(l.b, '=')
}

// str appends a field; limit (< 0: none) cuts what a client chose, and
// characters a terminal or viewer would act on are written as escapes, as
// NewLogHandler does for every other line.
func (l *requestLine) str(k, v string, limit int) {
	if !isSafeLogString(v, limit) {
		v = safeLogString(v, limit)
	}
	l.key(k)
	if l.json {
		l.b = appendJSONString(l.b, v)
	} else if needsQuoting(v) {
		l.b = strconv.AppendQuote(l.b, v)
	} else {
		l.b = append(l.b, v...)
	}
}

func (l *requestLine) int(k string, v int) {
	l.key(k)
	l.b = strconv.AppendInt(l.b, int64(v), 10)
}

// millis appends d in milliseconds with three decimals (microseconds).
func (l *requestLine) millis(k string, d time.Duration) {
	l.key(k)
	us := max(d.Microseconds(), 0)
	l.b = strconv.AppendInt(l.b, us/1000, 10)
	l.b = appendMilli(append(l.b, '.'), int(us%1000))
}

func (l *requestLine) end() {
	if l.json {
		l.b = append(l.b, '}')
	}
	l.b = append(l.b, '\n')
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
