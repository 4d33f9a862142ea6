#!/usr/bin/env bash
# Load test of the external API: publishes Destek.App in Release (or takes APP_DIR, already published),
# starts it on a fresh data directory on a loopback port, creates an API client with the admin CLI,
# then measures
#   creates/s  POST /api/external/tickets
#   reads/s    GET  /api/external/tickets?per_page=20
# with wrk (16 connections by default) and prints requests/s, p99 latency and error counts.
# Usage: bench/external-api.sh            (env: APP_DIR, PORT, DURATION, CONNECTIONS, THREADS, WARMUP seconds,
#                                          VERBOSE=1, KEEP=1 keeps the temp dir)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
PORT=${PORT:-5099}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
bench_init destek-bench
app=${APP_DIR:-$BENCH_WORK/app}
bench_publish "$bench_root" "$app"

echo "== create the API client (admin CLI)"
bench_api_client "$app" "$BENCH_WORK/data" "Benchmark ERP"

echo "== start on http://127.0.0.1:$PORT"
bench_start "$app" "$BENCH_WORK/data" "$PORT"

run() { # name script
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$bench_root/bench/$2" "http://127.0.0.1:$PORT" >"$BENCH_WORK/$1.txt"
  local rps p99 non2xx errors
  rps=$(awk '/^Requests\/sec/ {print $2}' "$BENCH_WORK/$1.txt")
  p99=$(awk '$1=="99%" {print $2}' "$BENCH_WORK/$1.txt")
  non2xx=$(awk -F': ' '/Non-2xx/ {print $2}' "$BENCH_WORK/$1.txt")
  errors=$(awk '/Socket errors/ {print $0}' "$BENCH_WORK/$1.txt")
  printf '%-8s %10s req/s   p99 %-9s non-2xx %-6s %s\n' "$1" "$rps" "$p99" "${non2xx:-0}" "${errors:-socket errors 0}"
}

# The first seconds run tier-0 JIT code (several times slower); measure the steady state.
echo "== warm-up (${WARMUP:-10}s creates + 5s reads, not counted)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-10}s" -s "$bench_root/bench/create-ticket.lua" "http://127.0.0.1:$PORT" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s "$bench_root/bench/list-tickets.lua" "http://127.0.0.1:$PORT" >/dev/null

echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency ($(nproc) cores)"
run creates create-ticket.lua
run reads list-tickets.lua
total=$(curl -fs -H "X-API-Key: $DESTEK_API_KEY" -H "X-API-Secret: $DESTEK_API_SECRET" "http://127.0.0.1:$PORT/api/external/tickets?per_page=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
echo "tickets in the database after the run: $total"
if [ "${VERBOSE:-0}" = 1 ]; then cat "$BENCH_WORK/creates.txt" "$BENCH_WORK/reads.txt"; fi
