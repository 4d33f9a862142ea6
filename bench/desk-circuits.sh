#!/usr/bin/env bash
# Server memory per desk circuit: publishes Destek.App in Release, starts it on a fresh data directory
# with the demo data, opens CIRCUITS (default 40) queue tabs in Debian's Chromium as one agent and
# prints the server's RSS before and after and the difference per circuit.
# Usage: bench/desk-circuits.sh   (env: PORT, CIRCUITS, PAGE_PATH=/masa, KEEP=1 keeps the temp dir; DOTNET_* runtime
# settings such as DOTNET_gcServer=0 reach the server, to compare GC modes without rebuilding)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
PORT=${PORT:-5098}
[ -x /usr/bin/chromium ] || { echo "chromium is missing: apt-get install -y chromium" >&2; exit 1; }
[ -d bench/desk-circuits/node_modules ] || (cd bench/desk-circuits && npm ci --no-audit --no-fund >/dev/null)
work=$(mktemp -d /tmp/destek-circuits.XXXXXX)
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
export Destek__Demo__Seed=true
export Destek__Demo__Password='Bench.Circuits.2026!'
export Logging__LogLevel__Default=Warning

echo "== start on http://127.0.0.1:$PORT"
(cd "$work/app" && ASPNETCORE_URLS="http://127.0.0.1:$PORT" exec dotnet Destek.App.dll) >"$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 150); do
  curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "http://127.0.0.1:$PORT/health" >/dev/null || { echo "app did not start:"; cat "$work/app.log"; exit 1; }

BASE="http://127.0.0.1:$PORT" APP_PID=$pid PASSWORD="$Destek__Demo__Password" node bench/desk-circuits/circuits.js
