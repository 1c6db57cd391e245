package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"math/bits"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/andybalholm/brotli"
)

// A representation is a response body prepared once: its bytes, a strong
// ETag, and its gzip and Brotli encodings. Header values are built once
// too, so serving one is a few map assignments and a write.
//
// Gzip (best compression, under a millisecond for a page) is made at once.
// Brotli at quality 11 costs 10–30 ms and tens of MB of allocation a page,
// so it is made in the background, one body at a time for the whole
// process (see compressor); until it is ready, Brotli clients get gzip.
type representation struct {
	contentType  []string
	cacheControl []string
	identity     encoded
	gzip         *encoded // nil when not compressible
	br           atomic.Pointer[encoded]
}

// encoded is one encoding of a body with the headers that describe it.
type encoded struct {
	body     []byte
	etag     []string
	length   []string
	encoding []string
}

var varyAcceptEncoding = []string{"Accept-Encoding"}

// minCompress is the size under which compressing does not pay.
const minCompress = 512

func newRepresentation(contentType, cacheControl string, body []byte) *representation {
	sum := sha256.Sum256(body)
	tag := base64.RawURLEncoding.EncodeToString(sum[:12])
	p := &representation{
		contentType:  []string{contentType},
		cacheControl: []string{cacheControl},
		identity:     newEncoded(body, tag, ""),
	}
	if len(body) >= minCompress && isCompressible(contentType) {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(body)
		zw.Close()
		gz := newEncoded(buf.Bytes(), tag, "gzip")
		p.gzip = &gz
		background.add(p)
	}
	return p
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

func isCompressible(contentType string) bool {
	for _, prefix := range []string{"text/", "image/svg+xml", "application/xml", "application/json", "image/x-icon"} {
		if strings.HasPrefix(contentType, prefix) {
			return true
		}
	}
	return false
}

// compressBrotli makes the Brotli encoding, at the best quality, with a
// window no larger than the body: the same bytes out, about 40 % less
// memory allocated than the default 4 MiB window.
func (p *representation) compressBrotli() {
	tag := strings.Trim(p.identity.etag[0], `"`)
	if br, ok := brotliByTag.Load(tag); ok {
		p.br.Store(br.(*encoded))
		return
	}
	var buf bytes.Buffer
	lgwin := min(max(bits.Len(uint(len(p.identity.body))), 10), 24)
	bw := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: lgwin})
	bw.Write(p.identity.body)
	bw.Close()
	br := newEncoded(buf.Bytes(), tag, "br")
	p.br.Store(&br)
	if brotliKept.Add(1) <= maxQueued {
		brotliByTag.Store(tag, &br)
	}
}

// brotliByTag keeps each Brotli encoding by its body's hash, so that a body
// rendered again (a -dev reload that left a page unchanged, or the many
// servers a test makes) is not compressed again. At most maxQueued are kept.
var (
	brotliByTag sync.Map // tag -> *encoded
	brotliKept  atomic.Int64
)

// pick chooses the smallest encoding the client accepts that is ready.
func (p *representation) pick(r *http.Request) *encoded {
	if p.gzip == nil {
		return &p.identity
	}
	ae := r.Header["Accept-Encoding"]
	if len(ae) == 0 {
		return &p.identity
	}
	if br := p.br.Load(); br != nil && acceptsEncoding(ae, "br") {
		return br
	}
	if acceptsEncoding(ae, "gzip") {
		return p.gzip
	}
	return &p.identity
}

// serve writes the representation with status, answering a matching
// If-None-Match on a 200 with 304 Not Modified.
func (p *representation) serve(w http.ResponseWriter, r *http.Request, status int) {
	e := p.pick(r)
	h := w.Header()
	h["Content-Type"] = p.contentType
	h["Cache-Control"] = p.cacheControl
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

// background makes Brotli encodings one at a time, so that however many
// pages are built at once (start-up, a burst of new result pages), at most
// one quality-11 compression runs and memory stays bounded.
var background compressor

type compressor struct {
	mu      sync.Mutex
	queue   []*representation
	running bool
	held    int // while > 0, bodies queue up but wait (start-up renders first)
	idle    *sync.Cond
}

// maxQueued bounds the queue; a body that finds it full keeps serving gzip.
const maxQueued = 4096

func (c *compressor) add(p *representation) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.queue) >= maxQueued {
		return
	}
	c.queue = append(c.queue, p)
	c.startLocked()
}

func (c *compressor) startLocked() {
	if !c.running && c.held == 0 && len(c.queue) > 0 {
		c.running = true
		go c.work()
	}
}

// hold keeps the worker from starting until release, so that compressing
// does not slow start-up down.
func (c *compressor) hold() {
	c.mu.Lock()
	c.held++
	c.mu.Unlock()
}

func (c *compressor) release() {
	c.mu.Lock()
	c.held--
	c.startLocked()
	c.mu.Unlock()
}

func (c *compressor) work() {
	for {
		c.mu.Lock()
		if len(c.queue) == 0 {
			c.running = false
			if c.idle != nil {
				c.idle.Broadcast()
			}
			c.mu.Unlock()
			return
		}
		p := c.queue[0]
		c.queue[0] = nil
		c.queue = c.queue[1:]
		c.mu.Unlock()
		p.compressBrotli()
	}
}

// wait blocks until every queued body has its Brotli encoding.
func (c *compressor) wait() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.idle == nil {
		c.idle = sync.NewCond(&c.mu)
	}
	for c.running || (c.held == 0 && len(c.queue) > 0) {
		c.idle.Wait()
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

// acceptsEncoding reports whether Accept-Encoding lists coding with q > 0.
func acceptsEncoding(headers []string, coding string) bool {
	for _, h := range headers {
		for part := range strings.SplitSeq(h, ",") {
			name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
			if !strings.EqualFold(strings.TrimSpace(name), coding) {
				continue
			}
			q, found := strings.CutPrefix(strings.TrimSpace(params), "q=")
			if !found {
				return true
			}
			v, err := strconv.ParseFloat(q, 64)
			return err == nil && v > 0
		}
	}
	return false
}

// serveCached serves the page kept under key, building it on first use.
func (s *server) serveCached(w http.ResponseWriter, r *http.Request, key string, build func() (*representation, error)) {
	p, err := s.cached(key, build)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p.serve(w, r, http.StatusOK)
}

// cached returns the representation kept under key, building it on first
// use. Keys are "kind?canonical query", so there are at most a few
// thousand: every page the questionnaire can produce is made and
// compressed once.
func (s *server) cached(key string, build func() (*representation, error)) (*representation, error) {
	if p, ok := s.answerPages.Load(key); ok {
		return p.(*representation), nil
	}
	built, err := build()
	if err != nil {
		return nil, err
	}
	p, _ := s.answerPages.LoadOrStore(key, built)
	return p.(*representation), nil
}
