package web

import (
	"log/slog"
	"testing"

	"github.com/guide/pmvspm/content"
)

// Content with problems is never served: NewServer builds from what
// content.Load could load only to check it (CheckOnly), and then returns
// no handler.
func TestContentWithProblemsIsNotServed(t *testing.T) {
	fsys := contentCopy(t)
	delete(fsys, "publisher.yaml")
	site, err := content.Load(fsys)
	if err == nil || site == nil {
		t.Fatalf("content.Load without publisher.yaml: site %v, error %v; want what loaded and a problem", site != nil, err)
	}
	if h, err := NewServer(slog.New(slog.DiscardHandler), site, Config{}); h != nil || err == nil {
		t.Errorf("NewServer over content with problems: handler %v, error %v; want no handler and an error", h != nil, err)
	}
	if h, err := NewServer(slog.New(slog.DiscardHandler), site, Config{CheckOnly: true}); h != nil || err != nil {
		t.Errorf("NewServer checking content with problems (CheckOnly): handler %v, error %v; want no handler and no problem of its own", h != nil, err)
	}
}
