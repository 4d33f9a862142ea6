#!/usr/bin/env bash
# Load test of the e-invoice API v1 (seed-003) list: publishes Destek.App in Release, starts it on a
# fresh data directory, adds one organization with INVOICES invoices (bench/einvoice-seed.py),
# creates an admin, switches feature.einvoice_api on and creates an einvoices:read token with the admin CLI, then
# measures GET /api/v1/einvoices?per_page=20 (page 1; then filtered by status) with wrk.
# Usage: bench/einvoice-api.sh   (env: PORT, DURATION, CONNECTIONS, THREADS, INVOICES, WARMUP seconds, VERBOSE=1, KEEP=1)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
PORT=${PORT:-5098}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
INVOICES=${INVOICES:-20000}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
work=$(mktemp -d /tmp/destek-einvoice-bench.XXXXXX)
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
export Destek__EInvoiceApi__RateLimitPerMinute=100000000
export Logging__LogLevel__Default=Warning

echo "== migrate, seed $INVOICES invoices, module and token (admin CLI)"
dotnet "$work/app/Destek.App.dll" users create --email bench-admin@destek.local --role Admin --password "Bench.Admin.2026!" >/dev/null
org=$(python3 "$root/bench/einvoice-seed.py" "$work/data/destek.db" "$INVOICES")
dotnet "$work/app/Destek.App.dll" modules set --organization "$org" --module feature.einvoice_api --until 2099-12-31 >/dev/null
created=$(dotnet "$work/app/Destek.App.dll" einvoice-tokens create --organization "$org" --name "Benchmark ERP" --abilities einvoices:read --expires-days 30 --owner bench-admin@destek.local)
export DESTEK_EINVOICE_TOKEN=$(echo "$created" | sed -n 's/.*"token": *"\([^"]*\)".*/\1/p')

echo "== start on http://127.0.0.1:$PORT"
ASPNETCORE_URLS="http://127.0.0.1:$PORT" dotnet "$work/app/Destek.App.dll" >"$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 150); do
  curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "http://127.0.0.1:$PORT/health" >/dev/null || { echo "app did not start:"; cat "$work/app.log"; exit 1; }
curl -fs -H "Authorization: Bearer $DESTEK_EINVOICE_TOKEN" "http://127.0.0.1:$PORT/api/v1/einvoices?per_page=1" | sed -n 's/.*"meta":\(.*\)}$/meta \1/p'

run() { # name extra-query
  EINVOICE_QUERY="$2" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$root/bench/list-einvoices.lua" "http://127.0.0.1:$PORT" >"$work/$1.txt"
  local rps p99 non2xx
  rps=$(awk '/^Requests\/sec/ {print $2}' "$work/$1.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/$1.txt")
  non2xx=$(awk -F': ' '/Non-2xx/ {print $2}' "$work/$1.txt")
  printf '%-16s %10s req/s   p99 %-9s non-2xx %s\n' "$1" "$rps" "$p99" "${non2xx:-0}"
}

echo "== warm-up (${WARMUP:-8}s, not counted)"
EINVOICE_QUERY="&page=1" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-8}s" -s "$root/bench/list-einvoices.lua" "http://127.0.0.1:$PORT" >/dev/null

echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency ($(nproc) cores, $INVOICES invoices)"
run "list" "&page=1"
run "list status" "&status=issued"
run "list page 50" "&page=50"
# The same machine's figure for the external API's ticket list (seed-000), for comparison under the same load.
creds=$(dotnet "$work/app/Destek.App.dll" api-clients create --name "Benchmark ERP" --rate-limit 1000000)
export DESTEK_API_KEY=$(echo "$creds" | sed -n 's/.*"api_key": *"\([^"]*\)".*/\1/p')
export DESTEK_API_SECRET=$(echo "$creds" | sed -n 's/.*"api_secret": *"\([^"]*\)".*/\1/p')
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$root/bench/list-tickets.lua" "http://127.0.0.1:$PORT" >"$work/tickets.txt"
printf '%-16s %10s req/s   p99 %s   (GET /api/external/tickets, for comparison)\n' "tickets list" "$(awk '/^Requests\/sec/ {print $2}' "$work/tickets.txt")" "$(awk '$1=="99%" {print $2}' "$work/tickets.txt")"
if [ "${VERBOSE:-0}" = 1 ]; then cat "$work"/list*.txt; fi
