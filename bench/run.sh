#!/usr/bin/env bash
# The queue benchmark: seed N cases (default 100,000) into a throwaway SQLite database, serve the
# portal with gunicorn (2 workers) on 127.0.0.1, and measure the queue with wrk against a baseline
# page served the same way. Writes bench/results/queue.md. See bench/README.md.
#
#   bash bench/run.sh [N]
#
# Settings (environment): BENCH_DURATION (15s), BENCH_THREADS (2), BENCH_CONNECTIONS (8),
# BENCH_REPEAT (20, for the test-client timings), BENCH_KEEP=1 keeps the temporary directory.
set -euo pipefail

N="${1:-100000}"
REPEAT="${BENCH_REPEAT:-20}"
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ "$N" =~ ^[0-9]+$ && "$N" -ge 100 ]] || { echo "N must be a whole number of cases, 100 or more." >&2; exit 2; }

PASSWORD="bench-$("$PY" -c 'import secrets; print(secrets.token_hex(12))')"

echo "== Seeding $N cases into $WORK/bench.sqlite3"
"$PY" bench/seed.py --cases "$N" --password "$PASSWORD" --meta "$WORK/meta.json" 2> "$WORK/seed.log" \
    || { cat "$WORK/seed.log" >&2; exit 1; }
read -r OFFICER SEARCH CASE_REF < <("$PY" -c 'import json,sys; m=json.load(open(sys.argv[1])); print(m["officer_email"], m["search_reference"], m["case_reference"])' "$WORK/meta.json")

echo "== Server time without HTTP (test client, median of $REPEAT)"
"$PY" bench/sqltime.py --meta "$WORK/meta.json" --password "$PASSWORD" --repeat "$REPEAT" --out "$WORK/sql.json"

measure_baseline

echo "== The portal"
start_server portal "portal:create_app()"
JAR="$WORK/cookies.txt"
curl -s -c "$JAR" -b "$JAR" -o "$WORK/sign-in.html" "http://127.0.0.1:$PORT/staff/sign-in"
TOKEN="$(sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' "$WORK/sign-in.html" | head -1)"
[[ -n "$TOKEN" ]] || { echo "No csrf_token on the sign-in page." >&2; exit 1; }
status="$(curl -s -c "$JAR" -b "$JAR" -o /dev/null -w '%{http_code}' \
    --data-urlencode "csrf_token=$TOKEN" --data-urlencode "email=$OFFICER" \
    --data-urlencode "password=$PASSWORD" "http://127.0.0.1:$PORT/staff/sign-in")"
COOKIE="$(awk '$6 == "portal_session" { print $7 }' "$JAR" | tail -1)"
[[ "$status" == 302 && -n "$COOKIE" ]] || { echo "Signing in failed (HTTP $status)." >&2; exit 1; }

# check PATH TEXT: the signed-in page answers 200 and shows TEXT (not the sign-in page).
check() {
    local body="$WORK/check.html" code
    code="$(curl -s -o "$body" -w '%{http_code}' -H "Cookie: portal_session=$COOKIE" "http://127.0.0.1:$PORT$1")"
    [[ "$code" == 200 ]] && grep -q -- "$2" "$body" || { echo "$1 answered $code without '$2'." >&2; exit 1; }
}
check "/staff/" "open cases"
check "/staff/?state=overdue" "open cases overdue"
check "/staff/?q=$SEARCH" "$SEARCH"
check "/staff/cases/$CASE_REF" "$CASE_REF"

measure queue "/staff/" -H "Cookie: portal_session=$COOKIE"
measure overdue "/staff/?state=overdue" -H "Cookie: portal_session=$COOKIE"
measure search "/staff/?q=$SEARCH" -H "Cookie: portal_session=$COOKIE"
measure case "/staff/cases/$CASE_REF" -H "Cookie: portal_session=$COOKIE"
stop_server

echo "== Results (bench/results/queue.md), $((SECONDS - started)) s in all"
echo
"$PY" bench/report.py --wrk "$WORK/wrk.tsv" --sql "$WORK/sql.json" --meta "$WORK/meta.json" \
    --wrk-options "wrk $WRK_OPTIONS" --out "$HERE/results/queue.md"
