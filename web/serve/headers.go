package serve

import (
	"log/slog"
	"net/http"
)

// contentSecurityPolicy allows only what the site uses: its own stylesheet
// and images, form posts to itself, and fetches to itself (audit tools read
// /robots.txt from inside the page). No scripts run; JSON-LD blocks are data.
const contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// SecurityHeaders sets the security headers on every response, errors and
// static files included; with https, Strict-Transport-Security too. The
// values are built once and shared.
func SecurityHeaders(https bool) func(http.Handler) http.Handler {
	type header struct {
		key   string
		value []string
	}
	headers := []header{
		{"Content-Security-Policy", []string{contentSecurityPolicy}},
		{"X-Content-Type-Options", []string{"nosniff"}},
		{"Referrer-Policy", []string{"strict-origin-when-cross-origin"}},
		{"Cross-Origin-Opener-Policy", []string{"same-origin"}},
		{"Permissions-Policy", []string{"camera=(), microphone=(), geolocation=()"}},
	}
	if https {
		headers = append(headers, header{"Strict-Transport-Security", []string{"max-age=63072000; includeSubDomains"}})
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h := w.Header()
			for _, kv := range headers {
				h[kv.key] = kv.value
			}
			next.ServeHTTP(w, r)
		})
	}
}

// CrossOriginProtection refuses cross-site form posts with deny (a 403
// page), using the standard library's Sec-Fetch-Site / Origin checks, and
// trusts posts from origin (the site's base URL). Clients that send
// neither header (curl, scripts) are let through.
func CrossOriginProtection(origin string, logger *slog.Logger, deny http.Handler) func(http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	if err := cop.AddTrustedOrigin(origin); err != nil {
		logger.Warn("base URL is not a valid origin; trusting only same-origin posts", "base_url", origin, "err", err)
	}
	cop.SetDenyHandler(deny)
	return cop.Handler
}
