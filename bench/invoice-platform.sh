#!/usr/bin/env bash
# Creates per second on the invoice platform (seed-001): publishes Destek.App in Release, starts it on a
# fresh SQLite data directory, makes one organization and a key with the admin CLI (sandbox with
# SANDBOX=1), then POSTs /v1/invoices with a fresh X-Idempotency-Key per request under wrk and
# reports creates/s, p99, non-2xx and the load average. The provider job is slowed down so it does
# not compete with the creates (the simulator's work is not what is measured).
# Usage: bench/invoice-platform.sh   (env: PORT, DURATION, CONNECTIONS, THREADS, WARMUP seconds, SANDBOX=1, KEEP=1)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
PORT=${PORT:-5099}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
work=$(mktemp -d /tmp/destek-invoice-platform-bench.XXXXXX)
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
export Destek__InvoicePlatform__ProviderPollSeconds=3600
export Logging__LogLevel__Default=Warning

echo "== migrate, organization and key (admin CLI)"
dotnet "$work/app/Destek.App.dll" users create --email bench-admin@destek.local --role Admin --password "Bench.Admin.2026!" >/dev/null
org=$(python3 "$root/bench/einvoice-seed.py" "$work/data/destek.db" 0)
dotnet "$work/app/Destek.App.dll" org-keys rate-limit --organization "$org" --per-minute 1000000 >/dev/null
created=$(dotnet "$work/app/Destek.App.dll" org-keys create --organization "$org" $([ "${SANDBOX:-0}" = 1 ] && echo --sandbox))
export DESTEK_ORG_KEY=$(echo "$created" | sed -n 's/.*"key": *"\([^"]*\)".*/\1/p')

echo "== start on http://127.0.0.1:$PORT"
ASPNETCORE_URLS="http://127.0.0.1:$PORT" dotnet "$work/app/Destek.App.dll" >"$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 150); do
  curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "http://127.0.0.1:$PORT/health" >/dev/null || { echo "app did not start:"; cat "$work/app.log"; exit 1; }

# The first seconds run tier-0 JIT code (several times slower: 761/s after 5 s, 2,285/s after 30 s on
# the group commit's first run); measure the steady state.
echo "== warm-up (${WARMUP:-30}s, not counted)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-30}s" -s "$root/bench/create-invoice.lua" "http://127.0.0.1:$PORT" >/dev/null

wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$root/bench/create-invoice.lua" "http://127.0.0.1:$PORT" >"$work/create.txt"
rps=$(awk '/^Requests\/sec/ {print $2}' "$work/create.txt")
p99=$(awk '$1=="99%" {print $2}' "$work/create.txt")
non2xx=$(awk -F': ' '/Non-2xx/ {print $2}' "$work/create.txt")
printf 'POST /v1/invoices %10s creates/s   p99 %-9s non-2xx %s   (%s connections, %s)\n' "$rps" "$p99" "${non2xx:-0}" "$CONNECTIONS" "$DURATION"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)   cores: $(nproc)"
count=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from e_invoices').fetchone()[0])" "$work/data/destek.db")
keys=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from IdempotencyRecords').fetchone()[0])" "$work/data/destek.db" 2>/dev/null || echo "?")
echo "invoices stored: $count   idempotency keys stored: $keys"
