package serve

import (
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"
)

// Redirects sends the site's redirects, only ever to a place on the site:
// BaseURL is the site's origin, Logger hears of a refused one, and
// NotFound answers what cannot be redirected (the 404 page).
type Redirects struct {
	BaseURL  string
	Logger   *slog.Logger
	NotFound http.Handler
}

// Slashes sends /guide/ to /guide, as people type it. Unlike chi's
// RedirectSlashes it redirects only clean paths: a path that would point
// off the site once a browser strips its tabs or reads its backslashes
// (/%09/evil.example/, /\evil.example/) gets the 404 page instead.
func (d *Redirects) Slashes(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if len(p) < 2 || p[len(p)-1] != '/' {
			next.ServeHTTP(w, r)
			return
		}
		clean := strings.TrimRight(p, "/")
		q := r.URL.RawQuery
		// A query that is a client's junk is not an attack on the redirect.
		if clean != "" && isSafePath(clean) && utf8.ValidString(q) && !hasControl(q) {
			loc := (&url.URL{Path: clean}).EscapedPath()
			if q != "" {
				loc += "?" + q
			}
			if d.Send(w, r, loc, http.StatusMovedPermanently) {
				return
			}
		}
		d.NotFound.ServeHTTP(w, r)
	})
}

// BareURL is the middleware of the routes that take no query (the pages
// made at start, the static files, the cards): a request sent with a query
// (utm_ tags, a cache-buster, junk) is sent to the bare path with a 301,
// so that a cache in front keeps one copy of each page, however many
// queries are made up. The questionnaire's pages read their query, and
// keep their own canonical handling.
func (d *Redirects) BareURL(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.RawQuery == "" && !r.URL.ForceQuery {
			next.ServeHTTP(w, r)
			return
		}
		if !d.Send(w, r, (&url.URL{Path: r.URL.Path}).EscapedPath(), http.StatusMovedPermanently) {
			d.NotFound.ServeHTTP(w, r)
		}
	})
}

// Send sends a redirect to loc, which must stay on the site, and reports
// whether it did; a Location that does not is never sent (the caller
// answers 404). Callers refuse a client's bad input themselves, so the
// warning here means a bug.
func (d *Redirects) Send(w http.ResponseWriter, r *http.Request, loc string, status int) bool {
	if !d.isSafeLocation(loc) {
		d.Logger.Warn("refused an off-site redirect", "path", r.URL.Path, "location", loc)
		return false
	}
	w.Header()["Location"] = []string{loc}
	w.WriteHeader(status)
	return true
}

// isSafeLocation reports whether loc keeps the browser on this site: a path
// (see isSafePath) with an optional query free of control characters, or an
// absolute URL on the configured base URL.
func (d *Redirects) isSafeLocation(loc string) bool {
	if rest, ok := strings.CutPrefix(loc, d.BaseURL); ok && d.BaseURL != "" {
		if rest == "" {
			return true
		}
		loc = rest
	}
	path, query, _ := strings.Cut(loc, "?")
	return isSafePath(path) && utf8.ValidString(query) && !hasControl(query)
}

// isSafePath reports whether p is a path on this site however a browser
// reads it: exactly one leading '/', not followed by '/' or '\', no
// backslash or control character anywhere, valid UTF-8 and no empty
// segment.
func isSafePath(p string) bool {
	if len(p) == 0 || p[0] != '/' {
		return false
	}
	if !utf8.ValidString(p) || hasControl(p) {
		return false
	}
	return !strings.Contains(p, "//") && !strings.Contains(p, `\`)
}

// hasControl reports whether s holds a C0 or C1 control character or DEL,
// which browsers strip or misread in a URL.
func hasControl(s string) bool {
	return strings.ContainsFunc(s, func(c rune) bool { return c < 0x20 || (c >= 0x7f && c <= 0x9f) })
}
