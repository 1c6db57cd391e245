#!/usr/bin/env bash
# Load test: the real server against a bare net/http server writing the same
# bytes, side by side with wrk, for /guide and a questionnaire result.
#
#   bash .ci/load-test.sh [seconds=5] [connections=64]
#
# Prints, per page, requests/s and p99 latency of both servers (median of
# three alternating rounds), the ratio real/bare, and each server's CPU
# per request in microseconds (from /proc: other load on the machine moves
# it far less than requests/s). Needs wrk (apt-get
# install wrk). ENCODING=br|gzip|identity picks the Accept-Encoding (br).
# The bare server sends the same bytes as the real one, headers included
# (security, caching, ETag); BARE=body makes it send only the body.
# BARE_TIMEOUTS=1 gives the bare server the same timeouts as cmd/guide.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-5}
CONNS=${2:-64}
ROUNDS=${ROUNDS:-3}
ENCODING=${ENCODING:-br}
command -v wrk >/dev/null || { echo "load-test: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }

tmp=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT

# GUIDE=binary measures another build; PORT_BASE (8090) moves both servers.
if [ -z "${GUIDE:-}" ]; then go build -o "$tmp/guide" ./cmd/guide; GUIDE=$tmp/guide; fi
go build -o "$tmp/baseline" ./cmd/baseline
"$GUIDE" -addr "127.0.0.1:${PORT_BASE:-8090}" >/dev/null 2>&1 &
pids+=($!)
real_pid=$!
# Start-up compresses every page (well under a second on a quiet machine).
for _ in $(seq 300); do curl -fs http://127.0.0.1:${PORT_BASE:-8090}/healthz >/dev/null && break; sleep 0.1; done

hdr=()
[ "$ENCODING" != identity ] && hdr=(-H "Accept-Encoding: $ENCODING")

# cpu_ticks PID -> the process's user+system CPU so far, in clock ticks
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# run_wrk URL PID -> "rps p99_ms cpu_us": the server's (PID's) CPU per
# request, which the machine's other load moves far less than req/s
run_wrk() {
  local t0 out t1
  t0=$(cpu_ticks "$2")
  out=$(wrk -t2 -c"$CONNS" -d"${SECS}s" --latency "${hdr[@]}" "$1")
  t1=$(cpu_ticks "$2")
  awk -v ticks=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" '
    /requests in/ {n=$1}
    /Requests\/sec:/ {rps=$2}
    /^ +99%/ {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; p99=v}
    /Non-2xx/ {print "load-test: non-2xx responses" > "/dev/stderr"}
    END {printf "%d %.2f %.1f\n", rps, p99, ticks / hz * 1e6 / (n > 0 ? n : 1)}' <<<"$out"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

port=$((${PORT_BASE:-8090} + 1))
printf '%-20s %12s %10s %12s %10s %7s %10s %12s %12s\n' page real_rps real_p99 bare_rps bare_p99 ratio bytes real_cpu_us bare_cpu_us
for path in "/guide" "/which-role/result?goal=new-product&problems=over-budget&customer_facing=yes&complexity=several-teams"; do
  # Every page has its Brotli before it is served; older builds made it in
  # the background: wait until the page has it.
  for _ in $(seq 100); do
    [ "$ENCODING" = identity ] && break
    enc=$(curl -s "${hdr[@]}" -o /dev/null -D - "http://127.0.0.1:${PORT_BASE:-8090}$path" | tr -d '\r' | awk -F': ' 'tolower($1)=="content-encoding" {print $2}')
    [ "$enc" = "$ENCODING" ] && break
    sleep 0.05
  done
  curl -fs "${hdr[@]}" -o "$tmp/page" -D "$tmp/headers" "http://127.0.0.1:${PORT_BASE:-8090}$path"
  enc=$(awk -F': ' 'tolower($1)=="content-encoding" {gsub(/\r/,"",$2); print $2}' "$tmp/headers")
  # BARE=body sends only the body and its type; the default replays the
  # real response's headers too, so both servers send the same bytes.
  if [ "${BARE:-same-bytes}" = body ]; then
    "$tmp/baseline" -addr "127.0.0.1:$port" -file "$tmp/page" -encoding "$enc" -timeouts="${BARE_TIMEOUTS:-0}" &
  else
    "$tmp/baseline" -addr "127.0.0.1:$port" -file "$tmp/page" -headers "$tmp/headers" -timeouts="${BARE_TIMEOUTS:-0}" &
  fi
  pids+=($!)
  bare_pid=$!
  for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
  run_wrk "http://127.0.0.1:${PORT_BASE:-8090}$path" "$real_pid" >/dev/null   # warm-up
  : >"$tmp/real"; : >"$tmp/bare"
  for _ in $(seq "$ROUNDS"); do
    run_wrk "http://127.0.0.1:${PORT_BASE:-8090}$path" "$real_pid" >>"$tmp/real"
    run_wrk "http://127.0.0.1:$port$path" "$bare_pid" >>"$tmp/bare"
  done
  real_rps=$(cut -d' ' -f1 "$tmp/real" | median); real_p99=$(cut -d' ' -f2 "$tmp/real" | median)
  bare_rps=$(cut -d' ' -f1 "$tmp/bare" | median); bare_p99=$(cut -d' ' -f2 "$tmp/bare" | median)
  real_cpu=$(cut -d' ' -f3 "$tmp/real" | median); bare_cpu=$(cut -d' ' -f3 "$tmp/bare" | median)
  name=${path%%\?*}
  printf '%-20s %12s %10s %12s %10s %7s %10s %12s %12s\n' "$name" "$real_rps" "${real_p99}ms" "$bare_rps" "${bare_p99}ms" \
    "$(awk -v a="$real_rps" -v b="$bare_rps" 'BEGIN {printf "%.2f", a/b}')" "$(wc -c <"$tmp/page")" "$real_cpu" "$bare_cpu"
  port=$((port + 1))
done
