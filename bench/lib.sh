# Shared by bench/run.sh and bench/public.sh (sourced, not run): wrk, a throwaway directory and
# database, one gunicorn at a time on a free port of 127.0.0.1, and wrk runs recorded in wrk.tsv.
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
cd "$ROOT"
PY="$ROOT/.venv/bin/python"
GUNICORN="$ROOT/.venv/bin/gunicorn"
[[ -x "$PY" && -x "$GUNICORN" ]] || { echo "No .venv with gunicorn: run 'make install' first." >&2; exit 1; }
DURATION="${BENCH_DURATION:-15s}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-8}"
WORKERS=2

if ! command -v wrk >/dev/null; then
    echo "Installing wrk (Debian package)..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi

WORK="$(mktemp -d /tmp/portal-bench.XXXXXX)"
SERVER_PID=""
stop_server() {
    if [[ -n "$SERVER_PID" ]]; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
        SERVER_PID=""
    fi
}
cleanup() {
    stop_server
    if [[ "${BENCH_KEEP:-}" == "1" ]]; then echo "Kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export DATABASE_URL="sqlite:///$WORK/bench.sqlite3"
export SECRET_KEY="bench-$("$PY" -c 'import secrets; print(secrets.token_hex(16))')"
export PORTAL_INSECURE_COOKIES=1      # the session cookie travels over plain http to 127.0.0.1
export PORTAL_COUNCIL=demo            # the shipped demo council, whatever instance/ holds
export MAIL_FILE_DIR="$WORK/outbox"   # emails wait in the outbox; none leave the machine
started=$SECONDS

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_server NAME APP [gunicorn options...]: one server at a time, so they never share the CPUs.
start_server() {
    local name="$1" app="$2"; shift 2
    PORT="$(free_port)"
    "$GUNICORN" --no-control-socket -w "$WORKERS" -b "127.0.0.1:$PORT" --timeout 60 \
        --error-logfile "$WORK/$name.log" "$@" "$app" &
    SERVER_PID=$!
    for _ in $(seq 1 150); do
        if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then return 0; fi
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.2
    done
    echo "The $name server did not start:" >&2; cat "$WORK/$name.log" >&2; exit 1
}

WRK_OPTIONS="-t$THREADS -c$CONNECTIONS -d$DURATION --timeout 30s --latency"
: > "$WORK/wrk.tsv"
# measure NAME PATH [wrk options...]: wrk through bench/wrkrun.py, which also says how much of
# the machine other work took during the run (other_pct). Options after PATH come after ours,
# and wrk keeps the last of each (-c2 after -c8 means 2). SCRIPT= names another wrk script.
measure() {
    local name="$1" path="$2"; shift 2
    echo "   wrk $name: $path"
    # shellcheck disable=SC2086
    "$PY" "$HERE/wrkrun.py" --server-pid "$SERVER_PID" -- \
        wrk $WRK_OPTIONS -s "${SCRIPT:-$HERE/report.lua}" "$@" "http://127.0.0.1:$PORT$path" > "$WORK/wrk-$name.txt"
    printf '%s\t%s\t%s\t%s\n' "$name" "$path" "$(grep '^BENCH ' "$WORK/wrk-$name.txt")" \
        "$(grep '^CPU ' "$WORK/wrk-$name.txt")" >> "$WORK/wrk.tsv"
}

# measure_baseline: (a), the ceiling every other figure is divided by, then stop its server.
measure_baseline() {
    echo "== (a) Baseline: bench/baseline.py"
    start_server baseline "baseline:app" --pythonpath "$HERE"
    measure baseline /
    stop_server
}
