#!/usr/bin/env bash
# Server memory per desk circuit. Publishes Destek.App in Release (or takes APP_DIR, already published),
# starts it (Production, server GC as shipped) on a fresh data directory with the demo data, signs in
# one agent in Debian's Chromium and opens CIRCUITS (default 40) queue tabs, each its own circuit.
# Method, so that two builds compare fairly and a run repeats:
#   - warm-up first (WARMUP circuits, default as many as measured, opened and closed; one kept): JIT, caches
#     and the first circuit's fixed costs are not per-circuit memory. Three were too few: tier-1 code was
#     still being written during the sample (the "JIT code" line shows it);
#   - before each sample the circuits are settled: no WebSocket frame for QUIET_MS (default 2000) on
#     any tab, so no render is in flight;
#   - then the server runs a full blocking, compacting, decommitting GC (GCCollectionMode.Aggressive,
#     twice with finalizers between) and hands the C allocator's free pages back (malloc_trim), asked through a startup hook (bench/GcHook, loaded only by
#     DOTNET_STARTUP_HOOKS in this script's environment: nothing in the product, nothing over HTTP);
#   - the samples are the server's RSS (/proc/PID/status VmRSS) and the managed heap after that GC;
#     per circuit = (after - before) / CIRCUITS. The last line is machine-readable for compare.sh.
# Usage: bench/desk-circuits.sh   (env: APP_DIR, PORT, CIRCUITS, WARMUP, PAGE_PATH=/masa, QUIET_MS, SNAPSHOT_CMD runs after each sample with label and pid, NO_GC=1 samples
#        without the forced GC, KEEP=1 keeps the temp dir; DOTNET_* runtime settings reach the server)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
PORT=${PORT:-5098}
[ -x /usr/bin/chromium ] || { echo "chromium is missing: apt-get install -y chromium" >&2; exit 1; }
[ -d "$bench_root/bench/desk-circuits/node_modules" ] || (cd "$bench_root/bench/desk-circuits" && npm ci --no-audit --no-fund >/dev/null)
bench_init destek-circuits
app=${APP_DIR:-$BENCH_WORK/app}
bench_publish "$bench_root" "$app"
hook=${HOOK_DIR:-$BENCH_WORK/gchook}
bench_gc_hook "$hook"
mkdir -p "$BENCH_WORK/gc"

export Destek__Demo__Seed=true
export Destek__Demo__Password='Bench.Circuits.2026!'
if [ "${NO_GC:-0}" != 1 ]; then
  export DOTNET_STARTUP_HOOKS="$hook/Destek.Bench.GcHook.dll" DESTEK_BENCH_GC_DIR="$BENCH_WORK/gc"
  export GC_DIR="$BENCH_WORK/gc"
fi
echo "== start on http://127.0.0.1:$PORT"
bench_start "$app" "$BENCH_WORK/data" "$PORT"
unset DOTNET_STARTUP_HOOKS

BASE="http://127.0.0.1:$PORT" APP_PID=$BENCH_PID PASSWORD="$Destek__Demo__Password" node "$bench_root/bench/desk-circuits/circuits.js"
