# Shared by the bench scripts (source it): a temp directory cleaned on exit, publishing Destek.App in
# Release, starting a published server on a fresh data directory and waiting for /health, stopping it.
#   bench_init NAME            makes $BENCH_WORK (/tmp/NAME.XXXXXX); KEEP=1 keeps it
#   bench_publish SRC OUT      publishes SRC/Destek.App to OUT unless OUT already has it
#   bench_start APP DATA PORT  starts APP/Destek.App.dll (Production, logs at Warning) with DATA as its
#                              data directory; extra environment via the caller's exports; sets BENCH_PID
#   bench_stop                 stops the server bench_start started
#   bench_gc_hook OUT          builds the GC startup hook (bench/GcHook) into OUT
#   bench_api_client APP DATA NAME  creates an external API client with the admin CLI (no rate limit to speak of)
#                              and exports DESTEK_API_KEY and DESTEK_API_SECRET, as the wrk scripts read them
#   median N...                the median of the numbers
bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_PID=""

bench_init() {
  BENCH_WORK=$(mktemp -d "/tmp/$1.XXXXXX")
  trap bench_cleanup EXIT
}

bench_cleanup() {
  bench_stop
  [ "${KEEP:-0}" = 1 ] || rm -rf "$BENCH_WORK"
}

bench_publish() {
  [ -f "$2/Destek.App.dll" ] && return 0
  echo "== publish $1 (Release) to $2" >&2
  dotnet publish "$1/Destek.App" -c Release -o "$2" --nologo -v quiet >/dev/null
}

bench_gc_hook() {
  [ -f "$1/Destek.Bench.GcHook.dll" ] && return 0
  dotnet build "$bench_root/bench/GcHook" -c Release -o "$1" --nologo -v quiet >/dev/null
}

bench_api_client() {
  local creds
  creds=$(ASPNETCORE_ENVIRONMENT=Production Destek__DataDirectory="$2" Logging__LogLevel__Default=Warning \
    dotnet "$1/Destek.App.dll" api-clients create --name "$3" --rate-limit 1000000)
  DESTEK_API_KEY=$(echo "$creds" | sed -n 's/.*"api_key": *"\([^"]*\)".*/\1/p')
  DESTEK_API_SECRET=$(echo "$creds" | sed -n 's/.*"api_secret": *"\([^"]*\)".*/\1/p')
  export DESTEK_API_KEY DESTEK_API_SECRET
}

bench_start() {
  local app=$1 data=$2 port=$3
  mkdir -p "$data"
  (cd "$app" && ASPNETCORE_ENVIRONMENT=Production Destek__DataDirectory="$data" Logging__LogLevel__Default=Warning \
    ASPNETCORE_URLS="http://127.0.0.1:$port" exec dotnet Destek.App.dll) >"$data.log" 2>&1 &
  BENCH_PID=$!
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
    kill -0 "$BENCH_PID" 2>/dev/null || break
    sleep 0.2
  done
  echo "app did not start:" >&2; cat "$data.log" >&2; return 1
}

bench_stop() {
  if [ -n "$BENCH_PID" ]; then kill "$BENCH_PID" 2>/dev/null || true; wait "$BENCH_PID" 2>/dev/null || true; fi
  BENCH_PID=""
}

median() {
  printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {if (NR==0) print "-"; else if (NR%2) print v[(NR+1)/2]; else printf "%.2f\n", (v[NR/2]+v[NR/2+1])/2}'
}
