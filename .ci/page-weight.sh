#!/usr/bin/env bash
# Page weight: each page's HTML plus the stylesheet, as sent compressed
# (gzip and Brotli), against the 14 KiB budget (one TCP round trip). The
# budget holds the Brotli sizes, what every browser gets over HTTPS, as
# guide -check does (web/checks.go), which CI runs; "gzip over" marks a page
# over the budget for clients without Brotli. This script is for measuring.
#
#   bash .ci/page-weight.sh [base URL]   # default: builds and starts the server
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:-}
if [ -z "$BASE" ]; then
  tmp=$(mktemp -d)
  go build -o "$tmp/guide" ./cmd/guide
  "$tmp/guide" -addr 127.0.0.1:${PORT:-8095} >/dev/null 2>&1 &
  pid=$!
  trap 'kill $pid; rm -rf "$tmp"' EXIT
  BASE=http://127.0.0.1:${PORT:-8095}
  for _ in $(seq 50); do curl -fs "$BASE/healthz" >/dev/null && break; sleep 0.1; done
fi
size() { curl -fs -H "Accept-Encoding: $2" "$BASE$1" | wc -c; }
css=$(curl -fs "$BASE/" | grep -o '/static/style\.[0-9a-f]*\.css' | head -1)
# Every page the sitemap lists (its paths, whatever origin it names), then
# the questionnaire's answer pages, which it does not list: the result and
# the brief for the longest answers.
pages=()
for p in $(curl -fs "$BASE/sitemap.xml" | sed -n 's#.*<loc>[a-z]*://[^/]*\([^<]*\)</loc>.*#\1#p'); do pages+=("$p"); done
[ ${#pages[@]} -gt 0 ] || { echo "page-weight: no pages in $BASE/sitemap.xml" >&2; exit 1; }
all="goal=new-product&problems=no-launches&problems=unclear-direction&problems=over-budget&problems=missed-deadlines&problems=poor-coordination&customer_facing=yes&complexity=complex-tech"
pages+=("/which-role/result?$all" "/which-role/brief?$all")
# Brotli is made in the background (result pages after their first request):
# ask for every page once, then wait until the last one has it.
for p in "${pages[@]}"; do size "$p" br >/dev/null; done
for _ in $(seq 100); do
  curl -fs -o /dev/null -D - -H "Accept-Encoding: br" "$BASE${pages[-1]}" | grep -qi '^content-encoding: br' && break
  sleep 0.05
done
css_gz=$(size "$css" gzip); css_br=$(size "$css" br)
budget=$((14 * 1024)); worst=0; fail=0
printf '%-22s %8s %8s %8s %8s\n' page html html+css html+css budget
printf '%-22s %8s %8s %8s %8s\n' "" raw gzip br ""
for p in "${pages[@]}"; do
  raw=$(size "$p" identity); gz=$(( $(size "$p" gzip) + css_gz )); br=$(( $(size "$p" br) + css_br ))
  ok=ok; [ "$gz" -gt "$budget" ] && ok="gzip-over"
  [ "$br" -gt "$budget" ] && { ok=OVER; fail=1; }
  [ "$br" -gt "$worst" ] && worst=$br
  printf '%-22s %8d %8d %8d %8s\n' "${p%%\?*}" "$raw" "$gz" "$br" "$ok"
done
echo "stylesheet: gzip $css_gz B, br $css_br B; heaviest page with CSS (Brotli): $worst B of $budget B"
exit $fail
