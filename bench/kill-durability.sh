#!/usr/bin/env bash
# Durability under SIGKILL: publishes Destek.App in Release (or takes APP_DIR), starts it on a fresh data
# directory, creates tickets on the external API from 16 threads for SECONDS (default 8), kills the server
# with kill -9 mid-load, then checks that every create it acknowledged is in the database file and that the
# file passes SQLite's integrity check; finally restarts the server on that directory and waits for /health.
# Exits non-zero if an acknowledged ticket is missing.
# Usage: bench/kill-durability.sh      (env: APP_DIR, PORT, SECONDS_OF_LOAD, KEEP=1 keeps the temp dir)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
PORT=${PORT:-5096}
bench_init destek-kill
app=${APP_DIR:-$BENCH_WORK/app}
bench_publish "$bench_root" "$app"

bench_api_client "$app" "$BENCH_WORK/data" "Durability ERP"

echo "== start on http://127.0.0.1:$PORT, load for ${SECONDS_OF_LOAD:-8}s, then kill -9"
bench_start "$app" "$BENCH_WORK/data" "$PORT"
status=0
python3 "$bench_root/bench/kill-durability.py" "http://127.0.0.1:$PORT" "$BENCH_PID" "${SECONDS_OF_LOAD:-8}" "$BENCH_WORK/data/destek.db" || status=1
wait "$BENCH_PID" 2>/dev/null || true
BENCH_PID=""

echo "== restart on the same data directory"
bench_start "$app" "$BENCH_WORK/data" "$PORT"
echo "restarted: /health answered"
exit $status
