#!/usr/bin/env bash
# The public journey under load: its pages and its submission, served by gunicorn (2 workers) on
# 127.0.0.1 and measured with wrk against a baseline page served the same way, in the same run.
# Writes bench/results/public.md. See bench/README.md.
#
#   bash bench/public.sh
#
# Settings (environment): BENCH_DURATION (15s), BENCH_THREADS (2), BENCH_CONNECTIONS (8),
# BENCH_PEOPLE (4: people going through the form at once), BENCH_KEEP=1 keeps the directory.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
PEOPLE="${BENCH_PEOPLE:-4}"
# Every complaint is accepted: the limit per address is for people, and wrk is one address.
export PORTAL_LIMIT_SEND="1000000 per minute"
export EQUALITIES_KEY="bench-$("$PY" -c 'import secrets; print(secrets.token_hex(16))')"

echo "== Database: $WORK/bench.sqlite3"
"$ROOT/.venv/bin/flask" --app portal db upgrade > "$WORK/upgrade.log" 2>&1 || { cat "$WORK/upgrade.log" >&2; exit 1; }

measure_baseline

echo "== The portal"
start_server portal "portal:create_app()"
BEGUN="$("$PY" "$HERE/visitor.py" "http://127.0.0.1:$PORT" --pages 0)"
ANSWERED="$("$PY" "$HERE/visitor.py" "http://127.0.0.1:$PORT")"
measure start /
measure young /young-people
measure question /tell-us/what-to-tell-us -H "Cookie: $BEGUN"
measure check /tell-us/check -H "Cookie: $ANSWERED"
SCRIPT="$HERE/journey.lua" measure journey /tell-us/start "-t$PEOPLE" "-c$PEOPLE"
stop_server
CASES="$("$PY" -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from cases").fetchone()[0])' "$WORK/bench.sqlite3")"

echo "== Results (bench/results/public.md), $((SECONDS - started)) s in all"
echo
"$PY" "$HERE/public_report.py" --wrk "$WORK/wrk.tsv" --cases "$CASES" --people "$PEOPLE" \
    --wrk-options "wrk $WRK_OPTIONS" --out "$HERE/results/public.md"
