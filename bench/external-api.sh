#!/usr/bin/env bash
# Load test of seed-000's external API: publishes Destek.App in Release, starts it on a fresh data
# directory on a loopback port, creates an API client with the admin CLI, then measures
#   creates/s  POST /api/external/tickets
#   reads/s    GET  /api/external/tickets?per_page=20
# with wrk (16 connections by default) and prints requests/s, p99 latency and error counts.
# Usage: bench/external-api.sh            (env: PORT, DURATION, CONNECTIONS, THREADS, WARMUP seconds, VERBOSE=1, KEEP=1 keeps the temp dir)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
PORT=${PORT:-5099}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
work=$(mktemp -d /tmp/destek-bench.XXXXXX)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  [ "${KEEP:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT

echo "== publish (Release) to $work/app"
dotnet publish "$root/Destek.App" -c Release -o "$work/app" --nologo -v quiet >/dev/null

export ASPNETCORE_ENVIRONMENT=Production
export Destek__DataDirectory="$work/data"
export Logging__LogLevel__Default=Warning

echo "== create the API client (admin CLI)"
creds=$(dotnet "$work/app/Destek.App.dll" api-clients create --name "Benchmark ERP" --rate-limit 1000000)
export DESTEK_API_KEY=$(echo "$creds" | sed -n 's/.*"api_key": *"\([^"]*\)".*/\1/p')
export DESTEK_API_SECRET=$(echo "$creds" | sed -n 's/.*"api_secret": *"\([^"]*\)".*/\1/p')

echo "== start on http://127.0.0.1:$PORT"
ASPNETCORE_URLS="http://127.0.0.1:$PORT" dotnet "$work/app/Destek.App.dll" >"$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "http://127.0.0.1:$PORT/health" >/dev/null || { echo "app did not start:"; cat "$work/app.log"; exit 1; }

run() { # name script
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$root/bench/$2" "http://127.0.0.1:$PORT" >"$work/$1.txt"
  local rps p99 non2xx errors
  rps=$(awk '/^Requests\/sec/ {print $2}' "$work/$1.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/$1.txt")
  non2xx=$(awk -F': ' '/Non-2xx/ {print $2}' "$work/$1.txt")
  errors=$(awk '/Socket errors/ {print $0}' "$work/$1.txt")
  printf '%-8s %10s req/s   p99 %-9s non-2xx %-6s %s\n' "$1" "$rps" "$p99" "${non2xx:-0}" "${errors:-socket errors 0}"
}

# The first seconds run tier-0 JIT code (several times slower); measure the steady state.
echo "== warm-up (${WARMUP:-10}s creates + 5s reads, not counted)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-10}s" -s "$root/bench/create-ticket.lua" "http://127.0.0.1:$PORT" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s "$root/bench/list-tickets.lua" "http://127.0.0.1:$PORT" >/dev/null

echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency ($(nproc) cores)"
run creates create-ticket.lua
run reads list-tickets.lua
total=$(curl -fs -H "X-API-Key: $DESTEK_API_KEY" -H "X-API-Secret: $DESTEK_API_SECRET" "http://127.0.0.1:$PORT/api/external/tickets?per_page=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
echo "tickets in the database after the run: $total"
if [ "${VERBOSE:-0}" = 1 ]; then cat "$work/creates.txt" "$work/reads.txt"; fi
