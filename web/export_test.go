package web

import (
	"log/slog"
	"net/http"

	"github.com/guide/pmvspm/content"
)

// newServer is NewServer with the server itself, for tests that look
// inside (the answer cache's counts, the cards).
func newServer(logger *slog.Logger, site *content.Site, cfg Config) (*server, http.Handler, error) {
	h, err := NewServer(logger, site, cfg)
	if err != nil {
		return nil, nil, err
	}
	return h.(*server), h, nil
}
