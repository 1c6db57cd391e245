package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// A representation is a response body prepared once: its bytes, a strong
// ETag, and its gzip and Brotli encodings, each made on first use and then
// kept. Header values are built once too, so serving one is a few map
// assignments and a write.
type representation struct {
	contentType  []string
	cacheControl []string
	identity     encoded
	compressible bool

	gzipOnce, brOnce sync.Once
	gzip, br         encoded
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
		compressible: len(body) >= minCompress && isCompressible(contentType),
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

func (p *representation) tag() string {
	return strings.Trim(p.identity.etag[0], `"`)
}

func (p *representation) gzipped() *encoded {
	p.gzipOnce.Do(func() {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(p.identity.body)
		zw.Close()
		p.gzip = newEncoded(buf.Bytes(), p.tag(), "gzip")
	})
	return &p.gzip
}

func (p *representation) brotli() *encoded {
	p.brOnce.Do(func() {
		var buf bytes.Buffer
		bw := brotli.NewWriterLevel(&buf, brotli.BestCompression)
		bw.Write(p.identity.body)
		bw.Close()
		p.br = newEncoded(buf.Bytes(), p.tag(), "br")
	})
	return &p.br
}

// pick chooses the encoding the client accepts that is smallest.
func (p *representation) pick(r *http.Request) *encoded {
	if !p.compressible {
		return &p.identity
	}
	ae := r.Header["Accept-Encoding"]
	if len(ae) == 0 {
		return &p.identity
	}
	br, gz := acceptsEncoding(ae, "br"), acceptsEncoding(ae, "gzip")
	switch {
	case br:
		return p.brotli()
	case gz:
		return p.gzipped()
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
	if p.compressible {
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
