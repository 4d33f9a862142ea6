#!/usr/bin/env bash
# The one test command (README "Test"): installs what the tests need when missing, runs every test on
# SQLite, then the integration tests again on a throw-away PostgreSQL cluster. Non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pdftotext >/dev/null || need+=(poppler-utils)
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || need+=(python3-aiosmtpd)
/usr/bin/python3 -c 'import requests' 2>/dev/null || need+=(python3-requests)
# grep without -q: an early exit would SIGPIPE fc-list and, under pipefail, fail the check
fc-list 2>/dev/null | grep -i dejavu >/dev/null || need+=(fonts-dejavu-core)
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
[ -n "$pgbin" ] && [ -x "$pgbin/initdb" ] || need+=(postgresql)
command -v dovecot >/dev/null || [ -x /usr/sbin/dovecot ] || need+=(dovecot-imapd)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${need[@]}" >/dev/null
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

if [ -f Destek.Tests/clients/package.json ] && [ ! -d Destek.Tests/clients/node_modules ]; then
  (cd Destek.Tests/clients && npm ci --no-audit --no-fund)
fi

# A throw-away PostgreSQL cluster on a free loopback port, run as postgres (initdb refuses root).
pgdir=$(mktemp -d /tmp/destek-pg.XXXXXX)
pgport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" -ne 0 ] || chown postgres "$pgdir"
stop_pg() {
  as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
trap stop_pg EXIT
as_pg "$pgbin/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c max_connections=500 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
export DESTEK_TEST_PG="Host=127.0.0.1;Port=$pgport;Username=postgres"

status=0
echo "== all tests (SQLite; the two-node tests on PostgreSQL)"
dotnet test Destek.sln || status=1
echo "== integration tests on PostgreSQL"
DESTEK_TEST_PROVIDER=PostgreSQL dotnet test Destek.sln --no-build --filter "Category=Integration" || status=1
exit $status
