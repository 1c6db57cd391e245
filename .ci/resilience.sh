#!/usr/bin/env bash
# Resilience measurements (issue: hardening), each against a fresh build:
#
#   bash .ci/resilience.sh startup   # ms from exec to a healthy /healthz, and to Brotli /guide
#   bash .ci/resilience.sh 404       # req/s of Brotli vs identity 404s; RSS under 32 concurrent Brotli 404s
#   bash .ci/resilience.sh mix       # /guide alone vs /guide with 1 request in 50 a 404 (req/s, RSS)
#   bash .ci/resilience.sh stall     # stdout a pipe nobody reads: one client, back-to-back requests
#   bash .ci/resilience.sh soak [s]  # a mixed wrk soak (default 180 s): 5xx count, RSS at start and end
#   bash .ci/resilience.sh memory    # idle RSS; every answer key in every format cold, 60 clients; then 60 s mixed
#                                    # (MAX_SETS=n takes n answer sets at random: all of them is about 90,000 keys)
#   bash .ci/resilience.sh pdf       # 200 concurrent first requests for one PDF: CPU seconds and RSS
#   bash .ci/resilience.sh abandoned # 2,000 PDF links each sent and its connection closed at once: peak RSS,
#                                    # a fresh result's time meanwhile (from 127.0.0.2), CPU-s in the 20 s after
#   bash .ci/resilience.sh missflood # a second client's /guide req/s alone, then beside 16 connections cycling misses
#                                    # (three alternating rounds)
#   bash .ci/resilience.sh idle [n]  # n (6,000) idle keep-alive connections: RSS, and a normal request's time after
#   bash .ci/resilience.sh cards     # every social card at once on a fresh process: peak RSS
#
# GUIDE_ARGS adds flags to the server's (e.g. -miss-budget 1000000 to see a
# case without the miss budget); GOMEMLIMIT is passed on as set.
#
# GUIDE=path/to/binary measures another build (e.g. an older commit's).
# PORT_BASE (default 8190) sets the port. Needs wrk and curl. Every
# request says Accept-Encoding: gzip, deflate, br, as browsers do.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:?startup, 404, mix, stall, soak, memory, pdf, abandoned, missflood, idle or cards}
port=${PORT_BASE:-8190}
url="http://127.0.0.1:$port"
tmp=$(mktemp -d)
pid=
cleanup() { if [ -n "$pid" ]; then kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; fi; rm -rf "$tmp"; }
trap cleanup EXIT
if [ -z "${GUIDE:-}" ]; then go build -o "$tmp/guide" ./cmd/guide; GUIDE=$tmp/guide; fi
br=(-H "Accept-Encoding: gzip, deflate, br")

start() { # start [stdout-file]
  # shellcheck disable=SC2086
  "$GUIDE" -addr "127.0.0.1:$port" ${GUIDE_ARGS:-} >"${1:-/dev/null}" 2>&1 &
  pid=$!
  for _ in $(seq 1500); do curl -fs -o /dev/null "$url/healthz" && return; sleep 0.02; done
  echo "server did not start" >&2; exit 1
}
rss() { awk '/VmRSS/ {print int($2/1024) " MB"}' "/proc/$pid/status"; }
hwm() { awk '/VmHWM/ {print int($2/1024) " MB"}' "/proc/$pid/status"; }
rps() { awk '/Requests\/sec:/ {print int($2)}'; }
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
cpus() { awk -v t="$1" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t/hz}'; }
# answer_sets FILE: every answer set the form allows, read from the form
# itself (so the list follows the questionnaire), in a fixed random order.
answer_sets() {
  curl -fs "$url/which-role" | grep -o '<input[^>]*type="\(radio\|checkbox\)"[^>]*>' |
    sed -E 's/.*type="([a-z]+)".*name="([^"]+)" value="([^"]+)".*/\2 \1 \3/' >"$tmp/fields"
  awk '
    { if (!($1 in kind)) { order[++n] = $1; kind[$1] = $2 } vals[$1] = vals[$1] " " $3 }
    function walk(i, q,    f, k, v, m, mask, s, j) {
      if (i > n) { print substr(q, 2); return }
      f = order[i]; k = split(substr(vals[f], 2), v, " ")
      if (kind[f] == "radio") { for (j = 1; j <= k; j++) walk(i + 1, q "&" f "=" v[j]); return }
      for (mask = 0; mask < 2 ^ k; mask++) {
        s = ""; m = mask
        for (j = 1; j <= k; j++) { if (m % 2) s = s "&" f "=" v[j]; m = int(m / 2) }
        walk(i + 1, q s)
      }
    }
    END { walk(1, "") }' "$tmp/fields" | shuf --random-source=<(yes) >"$1"
}

case $what in
startup)
  t0=$(date +%s%N)
  "$GUIDE" -addr "127.0.0.1:$port" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 2000); do curl -fs -o /dev/null "$url/healthz" && break; sleep 0.005; done
  t1=$(date +%s%N)
  for _ in $(seq 500); do [ "$(curl -s "${br[@]}" -o /dev/null -D - "$url/guide" | tr -d '\r' | awk -F': ' 'tolower($1)=="content-encoding" {print $2}')" = br ] && break; sleep 0.01; done
  t2=$(date +%s%N)
  echo "healthy after $(( (t1 - t0) / 1000000 )) ms; Brotli /guide after $(( (t2 - t0) / 1000000 )) ms"
  ;;
404)
  start
  wrk -t2 -c32 -d5s "$url/favicon-32x32.png" >/dev/null # warm-up
  echo "identity 404: $(wrk -t2 -c32 -d5s "$url/favicon-32x32.png" | rps) req/s"
  echo "RSS before Brotli 404s: $(rss), peak so far $(hwm)"
  echo "Brotli 404, 32 connections: $(wrk -t2 -c32 -d10s "${br[@]}" "$url/favicon-32x32.png" | rps) req/s"
  echo "RSS after: $(rss), peak $(hwm)"
  ;;
mix)
  start
  wrk -t2 -c64 -d5s "${br[@]}" "$url/guide" >/dev/null # warm-up
  for round in 1 2 3; do
    echo "round $round: /guide only $(wrk -t2 -c64 -d5s "${br[@]}" "$url/guide" | rps) req/s;" \
      "1 in 50 a 404: $(wrk -t2 -c64 -d5s "${br[@]}" -s .ci/wrk/mix404.lua "$url" | rps) req/s; RSS $(rss), peak $(hwm)"
  done
  ;;
stall)
  # A reader that never reads: stdout fills the pipe, then the server's own buffer.
  mkfifo "$tmp/fifo"
  sleep 100000 <"$tmp/fifo" &
  sleeper=$!
  "$GUIDE" -addr "127.0.0.1:$port" >"$tmp/fifo" 2>&1 &
  pid=$!
  for _ in $(seq 200); do curl -fs -o /dev/null "$url/healthz" && break; sleep 0.02; done
  wrk -t1 -c1 -d10s --timeout 2s --latency "$url/faq" | awk '/requests in/ || /Latency/ || /99%/ || /timeout/'
  kill "$sleeper" 2>/dev/null || true
  ;;
soak)
  secs=${2:-180}
  start
  echo "RSS at start: $(rss)"
  wrk -t2 -c64 -d"${secs}s" "${br[@]}" -s .ci/wrk/soak.lua "$url" | awk '/requests in/ || /Requests\/sec/ || /Non-2xx/ || /5xx/ || /Socket errors/'
  echo "RSS at end: $(rss), peak $(hwm)"
  ;;
memory)
  # Every answer set the form allows (read from the form itself, so the list
  # follows the questionnaire), in every format the server caches.
  # One client asking for every key: the miss budget is not what this
  # measures.
  # (a build from before the budget has no such flag).
  if "$GUIDE" -h 2>&1 | grep -q -- -miss-budget; then GUIDE_ARGS="${GUIDE_ARGS:-} -miss-budget 10000000"; fi
  start
  sleep 2
  echo "idle: RSS $(rss), peak $(hwm)"
  answer_sets "$tmp/all-sets"
  head -n "${MAX_SETS:-1000000}" "$tmp/all-sets" >"$tmp/sets"
  formats="/which-role/result /which-role/brief /which-role/brief.md /which-role/brief.pdf /which-role"
  for f in /which-role/job-ad /which-role/job-ad.md /which-role/job-ad.txt; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url$f?$(head -1 "$tmp/sets")")" = 404 ] || formats="$formats $f"
  done
  for f in $formats; do sed "s|^|$f?|" "$tmp/sets"; done | shuf --random-source=<(yes) >"$tmp/keys"
  echo "$(wc -l <"$tmp/sets") answer sets x $(echo $formats | wc -w) formats: $(wc -l <"$tmp/keys") keys"
  t0=$(date +%s)
  awk -v u="$url" '{print "url = \"" u $0 "\"\noutput = \"/dev/null\""}' "$tmp/keys" >"$tmp/curlrc"
  # 60 at a time: under the build queue's bound (64), past which misses
  # are answered 503 at once (PARALLEL=200 shows that).
  curl -s --no-progress-meter --parallel --parallel-max "${PARALLEL:-60}" -K "$tmp/curlrc" -w '%{http_code}\n' "${br[@]}" >"$tmp/codes" || true
  echo "every key cold, ${PARALLEL:-60} at a time, in $(( $(date +%s) - t0 )) s: $(sort "$tmp/codes" | uniq -c | awk '{printf "%s × %s, ", $1, $2}') RSS $(rss), peak $(hwm)"
  wrk -t2 -c64 -d60s "${br[@]}" -s .ci/wrk/soak.lua "$url" | awk '/requests in/ || /Requests\/sec/ || /5xx/'
  echo "after 60 s mixed: RSS $(rss), peak $(hwm)"
  ;;
pdf)
  start
  q="goal=new-product&problems=over-budget&problems=missed-deadlines&customer_facing=yes&complexity=complex-tech"
  c0=$(ticks)
  echo "before: RSS $(rss), peak $(hwm)"
  seq 200 | xargs -P 200 -I{} curl -s -o /dev/null "$url/which-role/brief.pdf?$q"
  c1=$(ticks)
  echo "200 concurrent first requests for one PDF: $(awk -v t=$((c1 - c0)) -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t/hz}') CPU-s; RSS $(rss), peak $(hwm)"
  ;;
abandoned)
  # 2,000 different PDF links, each written to a new connection that is
  # closed at once (bash's /dev/tcp: no process per request), as a client
  # that asks and leaves would; meanwhile a visitor from another address
  # asks for a result nobody has asked for before.
  start
  answer_sets "$tmp/sets"
  sleep 1
  echo "before: RSS $(rss), peak $(hwm)"
  fresh=$(tail -1 "$tmp/sets")
  c0=$(ticks)
  t0=$(date +%s%N)
  (
    head -2000 "$tmp/sets" | while read -r q; do
      exec 3<>"/dev/tcp/127.0.0.1/$port" || continue
      printf 'GET /which-role/brief.pdf?%s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n' "$q" >&3
      exec 3>&-
    done
  ) &
  attack=$!
  sleep 0.1
  took=$(curl -s --max-time 60 --interface 127.0.0.2 -o /dev/null -w '%{http_code} in %{time_total} s' "$url/which-role/result?$fresh" || true)
  wait "$attack"
  c1=$(ticks)
  echo "2,000 abandoned PDF requests sent in $(( ($(date +%s%N) - t0) / 1000000 )) ms; a fresh result meanwhile: $took"
  echo "during the attack: $(cpus $((c1 - c0))) CPU-s; RSS $(rss), peak $(hwm)"
  sleep 20
  c2=$(ticks)
  echo "the 20 s after: $(cpus $((c2 - c1))) CPU-s; RSS $(rss), peak $(hwm)"
  ;;
missflood)
  # A second client's /guide throughput alone, then while one client keeps
  # 16 connections asking only for pages not yet made (PDFs and results
  # of every answer set in turn).
  start
  answer_sets "$tmp/sets"
  { sed 's|^|/which-role/brief.pdf?|' "$tmp/sets"; sed 's|^|/which-role/result?|' "$tmp/sets"; } | shuf --random-source=<(yes) >"$tmp/misses"
  wrk -t1 -c16 -d3s "${br[@]}" "$url/guide" >/dev/null # warm-up
  # Alternating rounds, as the machine's other load comes and goes.
  for round in 1 2 3; do
    alone=$(wrk -t1 -c16 -d5s "${br[@]}" "$url/guide" | rps)
    wrk -t1 -c16 -d7s "${br[@]}" -s .ci/wrk/paths.lua "$url" -- "$tmp/misses" >"$tmp/attack" &
    attack=$!
    sleep 1
    beside=$(wrk -t1 -c16 -d5s "${br[@]}" "$url/guide" | rps)
    wait "$attack"
    echo "round $round: second client alone $alone req/s /guide, beside the attacker $beside req/s" \
      "($(awk -v a="$alone" -v b="$beside" 'BEGIN {printf "%.0f", 100*b/a}') %); attacker $(rps <"$tmp/attack") req/s, $(grep answers "$tmp/attack"); RSS $(rss), peak $(hwm)"
  done
  ;;
idle)
  # n connections that each ask for /healthz once and then stay open,
  # idle, as keep-alive clients do; then a normal request.
  n=${2:-6000}
  start
  echo "before: RSS $(rss), peak $(hwm)"
  python3 - "$port" "$n" >"$tmp/idle.log" 2>&1 <<'PY' &
import socket, sys, time, resource
port, n = int(sys.argv[1]), int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_NOFILE, (n + 100, n + 100))
conns, answered = [], 0
for i in range(n):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=0.5)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        conns.append(s)
    except OSError:
        pass
for s in conns:
    try:
        if s.recv(4096):
            answered += 1
    except OSError:
        pass
print(f"{len(conns)} opened, {answered} answered", flush=True)
time.sleep(30)
PY
  holder=$!
  for _ in $(seq 600); do grep -q opened "$tmp/idle.log" && break; sleep 0.1; done
  cat "$tmp/idle.log"
  echo "with them open: RSS $(rss), peak $(hwm)"
  echo "a normal request meanwhile: $(curl -s -o /dev/null -w '%{http_code} in %{time_total} s' "$url/guide")"
  kill "$holder" 2>/dev/null || true
  ;;
cards)
  start
  echo "before: RSS $(rss), peak $(hwm)"
  for p in $(curl -fs "$url/sitemap.xml" | grep -o '<loc>[^<]*</loc>' | sed -E 's|<loc>https?://[^/]+||; s|</loc>||'); do
    curl -fs "$url$p" | grep -o '/static/cards/card\.[0-9a-f]*\.png'
  done | sort -u >"$tmp/cards"
  c0=$(ticks)
  sed "s|^|$url|" "$tmp/cards" | xargs -P 64 -n 1 curl -s -o /dev/null -w '%{http_code}\n' | sort | uniq -c | tr '\n' ' '
  echo "for $(wc -l <"$tmp/cards") cards at once: $(cpus $(( $(ticks) - c0 ))) CPU-s; RSS $(rss), peak $(hwm)"
  ;;
*) echo "unknown measurement $what" >&2; exit 2 ;;
esac
