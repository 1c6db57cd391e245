// Command baseline is the speed ceiling for the load test: a bare net/http
// server that answers every request with one file's bytes from memory, with
// no router, middleware or logging. Given -headers (a response's header
// block, as curl -D writes it), it sends those same headers too, so that
// both servers put the same bytes on the wire. See .ci/load-test.sh.
package main

import (
	"bufio"
	"flag"
	"log"
	"net/http"
	"net/textproto"
	"os"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8091", "listen address")
	file := flag.String("file", "", "file whose bytes every response carries")
	contentType := flag.String("type", "text/html; charset=utf-8", "Content-Type")
	encoding := flag.String("encoding", "", "Content-Encoding of the file, if any")
	headerFile := flag.String("headers", "", "file with the response headers to send (curl -D output); overrides -type and -encoding")
	timeouts := flag.Bool("timeouts", false, "set the same timeouts and header limit as cmd/guide (per-request deadlines cost about 5 % here)")
	flag.Parse()
	body, err := os.ReadFile(*file)
	if err != nil {
		log.Fatal(err)
	}
	header := http.Header{"Content-Type": {*contentType}}
	if *encoding != "" {
		header.Set("Content-Encoding", *encoding)
	}
	if *headerFile != "" {
		if header, err = readHeaders(*headerFile); err != nil {
			log.Fatal(err)
		}
	}
	srv := &http.Server{Addr: *addr, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for k, v := range header {
			h[k] = v
		}
		w.Write(body)
	})}
	if *timeouts {
		srv.ReadHeaderTimeout, srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout = 5*time.Second, 15*time.Second, 30*time.Second, 120*time.Second
		srv.MaxHeaderBytes = 16<<10 - 4096
	}
	log.Fatal(srv.ListenAndServe())
}

// readHeaders reads a header block as curl -D writes it, without the status
// line and the Date header (net/http adds its own).
func readHeaders(name string) (http.Header, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := textproto.NewReader(bufio.NewReader(f))
	if _, err := r.ReadLine(); err != nil { // HTTP/1.1 200 OK
		return nil, err
	}
	mime, err := r.ReadMIMEHeader()
	if err != nil && len(mime) == 0 {
		return nil, err
	}
	h := http.Header(mime)
	h.Del("Date")
	return h, nil
}
