package web

import "net/http"

var (
	textPlain   = []string{"text/plain; charset=utf-8"}
	healthzBody = []byte("ok\n")
)

// handleHealthz is GET /healthz: the server is up and serving. Load
// balancers, the container's HEALTHCHECK and the tests wait on it.
func handleHealthz(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h["Content-Type"] = textPlain
	h["Cache-Control"] = noStoreOnly
	w.Write(healthzBody)
}
