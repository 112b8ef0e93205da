#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `tests/pg.sh start` prints the database URL,
# `tests/pg.sh stop` removes it; `halt` and `resume` restart it for the fault tests. Debian's
# initdb refuses root, so it runs as the postgres user.
set -euo pipefail
DIR=${PG_TEST_DIR:-/tmp/portal-pg}
PORT=${PG_TEST_PORT:-55432}
pgbin() { ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1; }
serve() {
  runuser -u postgres -- "$(pgbin)/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=200" start >/dev/null
}
case "${1:-}" in
  start)
    if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    fi
    "$0" stop >/dev/null 2>&1 || true
    mkdir -p "$DIR" && chown postgres:postgres "$DIR"
    runuser -u postgres -- "$(pgbin)/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    serve
    echo "postgresql+psycopg://postgres@127.0.0.1:$PORT/portal_test"
    ;;
  halt)    # stop the server as a restart would, keeping its data (the fault tests)
    runuser -u postgres -- "$(pgbin)/pg_ctl" -D "$DIR/data" -w -m fast stop >/dev/null
    ;;
  resume)  # start a halted server again
    serve
    ;;
  stop)
    if [ -d "$DIR/data" ]; then
      runuser -u postgres -- "$(pgbin)/pg_ctl" -D "$DIR/data" -w -m fast stop >/dev/null || true
    fi
    rm -rf "$DIR"
    ;;
  *) echo "usage: $0 start|halt|resume|stop" >&2; exit 2 ;;
esac
