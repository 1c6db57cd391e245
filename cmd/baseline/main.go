// Command baseline is the speed ceiling for the load test: a bare net/http
// server that answers every GET with one file's bytes from memory, with no
// router, middleware or logging. See .ci/load-test.sh.
package main

import (
	"flag"
	"log"
	"net/http"
	"os"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8091", "listen address")
	file := flag.String("file", "", "file whose bytes every response carries")
	contentType := flag.String("type", "text/html; charset=utf-8", "Content-Type")
	encoding := flag.String("encoding", "", "Content-Encoding of the file, if any")
	flag.Parse()
	body, err := os.ReadFile(*file)
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(http.ListenAndServe(*addr, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", *contentType)
		if *encoding != "" {
			w.Header().Set("Content-Encoding", *encoding)
		}
		w.Write(body)
	})))
}
