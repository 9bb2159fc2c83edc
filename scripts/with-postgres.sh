#!/usr/bin/env bash
# Run a command with DATABASE_URL pointing at a fresh PostgreSQL 15+ server on loopback,
# initialised in a temporary directory and stopped (and removed) afterwards.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    local version; version="$(basename "$(dirname "$dir")")"
    if [ "${version%%.*}" -ge 15 ] && [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
  done
}

PGBIN="$(pg_bin)"
if [ -z "$PGBIN" ]; then
  echo "Installing PostgreSQL for the database tests…"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql
  PGBIN="$(pg_bin)"
fi

PGROOT="$(mktemp -d -t bridgework-pg-XXXXXX)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

# PostgreSQL refuses to run as root: run it as the postgres user when we are root.
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
  chown postgres "$PGROOT"
  RUN=(runuser -u postgres --)
else
  RUN=()
fi

stop() {
  "${RUN[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PGROOT"
}
trap stop EXIT

"${RUN[@]}" "$PGBIN/initdb" -D "$PGROOT/data" -U bridgework -A trust -E UTF8 --no-locale >/dev/null
"${RUN[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"

export DATABASE_URL="postgres://bridgework@127.0.0.1:$PORT/bridgework"
"${RUN[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U bridgework bridgework
"$@"
