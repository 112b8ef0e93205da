#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `tests/pg.sh start` prints the database URL,
# `tests/pg.sh stop` removes it. Debian's initdb refuses root, so it runs as the postgres user.
set -euo pipefail
DIR=${PG_TEST_DIR:-/tmp/portal-pg}
PORT=${PG_TEST_PORT:-55432}
case "${1:-}" in
  start)
    if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    fi
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    "$0" stop >/dev/null 2>&1 || true
    mkdir -p "$DIR" && chown postgres:postgres "$DIR"
    runuser -u postgres -- "$PGBIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=200" start >/dev/null
    echo "postgresql+psycopg://postgres@127.0.0.1:$PORT/portal_test"
    ;;
  stop)
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    if [ -d "$DIR/data" ]; then
      runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DIR/data" -w -m fast stop >/dev/null || true
    fi
    rm -rf "$DIR"
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
