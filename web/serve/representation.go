package serve

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"math/bits"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// A Representation is a response body prepared once: its bytes, a strong
// ETag, and its gzip and Brotli encodings. Header values are built once
// too, so serving one is a few map assignments and a write. Every body is
// held in a slice of exactly its length (see exact), so a cached page costs
// its bytes and no spare capacity.
//
// A Representation is complete before it is served: pages rendered at
// start are compressed by CompressAll (on every core, within start-up,
// Brotli at StartBrotli); pages built on request (answer pages) when they
// are built, Brotli at OnDemandBrotli, a thirtieth of the cost for about
// 15 % more bytes.
type Representation struct {
	contentType  []string
	cacheControl []string
	disposition  []string // Content-Disposition, for a file to download; nil for a page
	identity     encoded
	compress     bool     // worth compressing: gzip and br are set before it is served
	gzip         *encoded // nil when not compressible
	br           *encoded // nil when not compressible
}

// encoded is one encoding of a body with the headers that describe it.
type encoded struct {
	body     []byte
	etag     []string
	length   []string
	encoding []string
}

var varyAcceptEncoding = []string{"Accept-Encoding"}

// Immutable is the Cache-Control of a file whose address names its
// contents (a hash in its name), cached for a year.
const Immutable = "public, max-age=31536000, immutable"

// minCompress is the size under which compressing does not pay.
const minCompress = 512

// StartBrotli is the Brotli quality of pages made at start. Quality 11
// made /guide 3 % smaller than 10 (8,204 B against 8,489 B) but took start-up from about 350 ms to
// 700–900 ms on 2 cores (doc/performance.md), over the 500 ms bar.
const StartBrotli = 10

// OnDemandBrotli is the Brotli quality of bodies built on request: about
// 1 ms for a result page, against 30–60 ms at quality 11 (BenchmarkBrotli).
const OnDemandBrotli = 5

// NewRepresentation prepares a body built on request (an answer page): its
// gzip and Brotli encodings are made now, once. disposition is the
// Content-Disposition of a file to download, or nil.
func NewRepresentation(contentType, cacheControl string, disposition []string, body []byte) *Representation {
	p := NewUncompressed(contentType, cacheControl, body)
	p.disposition = disposition
	if p.compress {
		p.gzip, p.br = p.encodeGzip(), p.encodeBrotli(OnDemandBrotli)
	}
	return p
}

// NewUncompressed prepares a body made at start, leaving its encodings to
// CompressAll.
func NewUncompressed(contentType, cacheControl string, body []byte) *Representation {
	sum := sha256.Sum256(body)
	tag := base64.RawURLEncoding.EncodeToString(sum[:12])
	return &Representation{
		contentType:  []string{contentType},
		cacheControl: []string{cacheControl},
		identity:     newEncoded(exact(body), tag, ""),
		compress:     len(body) >= minCompress && isCompressible(contentType),
	}
}

// exact copies b into a slice of exactly its length: a buffer that grew
// while rendering holds up to twice what it was filled with.
func exact(b []byte) []byte {
	c := make([]byte, len(b))
	copy(c, b)
	return c
}

// Body is the body unencoded.
func (p *Representation) Body() []byte { return p.identity.body }

// size is the bytes the Representation holds in its bodies.
func (p *Representation) size() int {
	n := len(p.identity.body)
	if p.gzip != nil {
		n += len(p.gzip.body)
	}
	if p.br != nil {
		n += len(p.br.body)
	}
	return n
}

func newEncoded(body []byte, tag, encoding string) encoded {
	e := encoded{body: body, length: []string{strconv.Itoa(len(body))}}
	if encoding == "" {
		e.etag = []string{`"` + tag + `"`}
	} else {
		e.etag = []string{`"` + tag + "-" + encoding + `"`}
		e.encoding = []string{encoding}
	}
	return e
}

// compressible are the prefixes of the content types worth compressing.
var compressible = []string{"text/", "image/svg+xml", "application/xml", "application/json", "image/x-icon"}

func isCompressible(contentType string) bool {
	return slices.ContainsFunc(compressible, func(prefix string) bool { return strings.HasPrefix(contentType, prefix) })
}

// encodeGzip makes the gzip encoding, at gzip's best compression.
func (p *Representation) encodeGzip() *encoded {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(p.identity.body)
	zw.Close()
	gz := newEncoded(exact(buf.Bytes()), p.tag(), "gzip")
	return &gz
}

// encodeBrotli makes the Brotli encoding at quality, with a window no
// larger than the body: the same bytes out, about 40 % less memory
// allocated than the default 4 MiB window.
func (p *Representation) encodeBrotli(quality int) *encoded {
	body := p.identity.body
	var buf bytes.Buffer
	lgwin := min(max(bits.Len(uint(len(body))), 10), 24)
	bw := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: quality, LGWin: lgwin})
	bw.Write(body)
	bw.Close()
	br := newEncoded(exact(buf.Bytes()), p.tag(), "br")
	return &br
}

// tag is the body's hash, as in its ETag.
func (p *Representation) tag() string { return strings.Trim(p.identity.etag[0], `"`) }

// CompressAll gives each page prepared at start its gzip encoding and its
// Brotli encoding at StartBrotli, one page per core at a time, taking the
// ones store already holds.
func CompressAll(store *EncodingCache, pages []*Representation) {
	work := make(chan *Representation)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for p := range work {
				if e, ok := store.get(p.tag()); ok {
					p.gzip, p.br = e.gzip, e.br
					continue
				}
				p.gzip, p.br = p.encodeGzip(), p.encodeBrotli(StartBrotli)
				store.put(p.tag(), encodings{p.gzip, p.br})
			}
		})
	}
	for _, p := range pages {
		if p.compress && p.br == nil {
			work <- p
		}
	}
	close(work)
	wg.Wait()
}

// An EncodingCache keeps the start-up encodings of prerendered pages by
// their body's hash, for servers made one after another from much the same
// content (-dev reloads): only the pages that changed are compressed again.
// It holds at most maxEncodings; nil keeps nothing.
type EncodingCache struct {
	mu sync.Mutex
	m  map[string]encodings
}

// encodings are one body's start-up encodings.
type encodings struct{ gzip, br *encoded }

const maxEncodings = 1024

// NewEncodingCache returns an empty cache to pass to CompressAll.
func NewEncodingCache() *EncodingCache { return &EncodingCache{m: map[string]encodings{}} }

func (c *EncodingCache) get(tag string) (encodings, bool) {
	if c == nil {
		return encodings{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[tag]
	return e, ok
}

func (c *EncodingCache) put(tag string, e encodings) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= maxEncodings {
		clear(c.m) // the content has changed beyond recognition: start again
	}
	c.m[tag] = e
}

// pick chooses the smallest encoding the client accepts.
func (p *Representation) pick(r *http.Request) *encoded {
	if p.gzip == nil {
		return &p.identity
	}
	ae := r.Header["Accept-Encoding"]
	if len(ae) == 0 {
		return &p.identity
	}
	if p.br != nil && acceptsEncoding(ae, "br") {
		return p.br
	}
	if acceptsEncoding(ae, "gzip") {
		return p.gzip
	}
	return &p.identity
}

// Serve writes the Representation with status, answering a matching
// If-None-Match on a 200 with 304 Not Modified.
func (p *Representation) Serve(w http.ResponseWriter, r *http.Request, status int) {
	e := p.pick(r)
	h := w.Header()
	h["Content-Type"] = p.contentType
	h["Cache-Control"] = p.cacheControl
	if p.disposition != nil {
		h["Content-Disposition"] = p.disposition
	}
	if p.gzip != nil {
		h["Vary"] = varyAcceptEncoding
	}
	if e.encoding != nil {
		h["Content-Encoding"] = e.encoding
	}
	if status == http.StatusOK {
		h["Etag"] = e.etag
		if inm := r.Header["If-None-Match"]; inm != nil && etagMatches(inm, e.etag[0]) {
			delete(h, "Content-Type")
			delete(h, "Content-Encoding")
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	h["Content-Length"] = e.length
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(e.body)
	}
}

// etagMatches implements If-None-Match's weak comparison.
func etagMatches(headers []string, etag string) bool {
	for _, h := range headers {
		for t := range strings.SplitSeq(h, ",") {
			t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
			if t == etag || t == "*" {
				return true
			}
		}
	}
	return false
}

// acceptsEncoding reports whether Accept-Encoding accepts coding: listed
// (or matched by "*") with a q-value above 0. Names and parameters are
// case-insensitive (RFC 9110 §12.5.3), so "br;Q=0" refuses Brotli.
func acceptsEncoding(headers []string, coding string) bool {
	star := false
	for _, h := range headers {
		for part := range strings.SplitSeq(h, ",") {
			name, params, _ := strings.Cut(part, ";")
			name = strings.TrimSpace(name)
			switch {
			case strings.EqualFold(name, coding):
				return qValue(params) > 0
			case name == "*":
				star = qValue(params) > 0
			}
		}
	}
	return star
}

// qValue reads the q parameter of an Accept-Encoding entry: 1 when absent,
// 0 when it does not parse.
func qValue(params string) float64 {
	for param := range strings.SplitSeq(params, ";") {
		k, v, _ := strings.Cut(param, "=")
		if !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || q < 0 || q > 1 {
			return 0
		}
		return q
	}
	return 1
}

// cheapGzip is the level for bodies compressed per request: a fraction of
// a millisecond for a page, against tens of milliseconds for Brotli 11.
const cheapGzip = 5

// gzipWriters are Fresh's compressors, reset for each body.
var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(nil, cheapGzip)
	return zw
}}

// Fresh sends a body made for this request alone (a form with its
// errors), never cached: as it is when small or when the client does not
// take gzip, else gzipped at a cheap level.
func Fresh(w http.ResponseWriter, r *http.Request, status int, contentType string, body []byte) {
	h := w.Header()
	h["Content-Type"] = []string{contentType}
	h["Cache-Control"] = noStoreOnly
	h["Vary"] = varyAcceptEncoding
	if len(body) >= minCompress && acceptsEncoding(r.Header["Accept-Encoding"], "gzip") {
		var buf bytes.Buffer
		zw := gzipWriters.Get().(*gzip.Writer)
		zw.Reset(&buf)
		zw.Write(body)
		zw.Close()
		gzipWriters.Put(zw)
		body = buf.Bytes()
		h["Content-Encoding"] = []string{"gzip"}
	}
	h["Content-Length"] = []string{strconv.Itoa(len(body))}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// BrotliSize is the size of the body's Brotli encoding: the one it has, or
// one made now at quality.
func (p *Representation) BrotliSize(quality int) int {
	if p.br != nil {
		return len(p.br.body)
	}
	return len(p.encodeBrotli(quality).body)
}

// GzipSize is the size of the body's gzip encoding at gzip's best
// compression, made now.
func (p *Representation) GzipSize() int { return len(p.encodeGzip().body) }
