package serve

import "testing"

func TestMethodAndStatusLabels(t *testing.T) {
	t.Parallel()
	if got := methodLabel("BREW"); got != "other" {
		t.Errorf("methodLabel(BREW) = %q, want other", got)
	}
	if got := statusLabel(431); got != "431" {
		t.Errorf("statusLabel(431) = %q", got)
	}
	if got := statusLabel(599); got != "599" {
		t.Errorf("statusLabel(599) = %q", got)
	}
}
