package serve

import "testing"

func TestSafeLocation(t *testing.T) {
	t.Parallel()
	d := &Redirects{BaseURL: "https://guide.example"}
	for loc, want := range map[string]bool{
		"/guide":                              true,
		"/which-role/result?goal=new-product": true,
		"https://guide.example":               true,
		"https://guide.example/faq":           true,
		"https://guide.example.evil.example/": false,
		"https://guide.example@evil.example/": false,
		"//evil.example":                      false,
		`/\evil.example`:                      false,
		"/\t/evil.example":                    false,
		"/guide?\n":                           false,
		"guide":                               false,
		"":                                    false,
		"/\xff":                               false,
		"https://evil.example/":               false,
		"https://guide.example//evil.example": false,
		"/which-role/result?goal=%0d%0anew-product": true,
	} {
		if got := d.isSafeLocation(loc); got != want {
			t.Errorf("isSafeLocation(%q) = %v, want %v", loc, got, want)
		}
	}
}
