#!/usr/bin/env bash
# Installs (Debian/Ubuntu) and starts the services the test suite uses: PostgreSQL, Redis,
# Tesseract with Indonesian data, and Chromium. Prints the environment to use them.
# Everything listens on 127.0.0.1 only; state lives under ${PANTAU_SERVICES_DIR:-/tmp/pantau-services}.
set -euo pipefail
DIR=${PANTAU_SERVICES_DIR:-/tmp/pantau-services}
PG_PORT=${PANTAU_PG_PORT:-54329}
REDIS_PORT=${PANTAU_REDIS_PORT:-63799}
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

need=()
command -v pg_ctlcluster >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
[ -e /usr/share/tesseract-ocr/5/tessdata/ind.traineddata ] || ls /usr/share/tesseract-ocr/*/tessdata/ind.traineddata >/dev/null 2>&1 || need+=(tesseract-ocr-ind)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# A font for Chromium to draw pages with (letters and reports carry their own: fontpkg-arimo).
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

mkdir -p "$DIR"
# PostgreSQL: a private cluster owned by the postgres user, trust auth on loopback only.
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
PGDATA="$DIR/pg"
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PGDATA" "$DIR"
  run_pg "$PG_BIN/initdb" -D "$PGDATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if ! run_pg "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  run_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PGDATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
fi
psql_q() { run_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "$1"; }
[ "$(psql_q "SELECT 1 FROM pg_roles WHERE rolname='pantau'")" = "1" ] || psql_q "CREATE ROLE pantau LOGIN CREATEDB PASSWORD 'pantau'" >/dev/null
[ "$(psql_q "SELECT 1 FROM pg_database WHERE datname='pantau'")" = "1" ] || psql_q "CREATE DATABASE pantau OWNER pantau" >/dev/null

# Redis on loopback.
if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --save "" --appendonly no \
    --dir "$DIR" --logfile "$DIR/redis.log" >/dev/null
  for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
fi

echo "export PANTAU_TEST_POSTGRES_URL=postgres://pantau:pantau@127.0.0.1:$PG_PORT/pantau"
echo "export PANTAU_TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0"
echo "export PANTAU_CHROMIUM=$(command -v chromium)"
