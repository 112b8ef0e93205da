"""Server time of the queue without HTTP: the page through Flask's test client, and its queries.

    DATABASE_URL=... SECRET_KEY=... PORTAL_INSECURE_COOKIES=1 \
        .venv/bin/python bench/sqltime.py --meta meta.json --password ... --out sql.json

For each request of the benchmark (first page, ?state=overdue, ?q=<reference>) this measures,
signed in as the seeded officer, the median of --repeat runs (after one warm-up run) of:

- the whole page: `GET` through the test client (routing, the queries, the template);
  (wall-clock time, and the process's CPU time, which other work on the machine does not inflate)
- each of the queue's three queries on its own, built with portal.staff.queue's own functions
  (`visible_cases`, `filter_conditions`, `state_counts`), the way `queue()` builds them:
  `total` (the count of matching cases), `rows` (the page of 50, sorted by next_due_on) and
  `counts` (the per-state counts, one query).

It also records each query's SQL plan (EXPLAIN QUERY PLAN on SQLite, EXPLAIN on PostgreSQL), and
times the case page (`GET /staff/cases/<reference>`) the same way.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flask_login import login_user  # noqa: E402
from sqlalchemy import event, func, select  # noqa: E402

from portal import create_app  # noqa: E402
from portal.extensions import db  # noqa: E402
from portal.models import Case, StaffUser  # noqa: E402
from portal.staff import queue as q  # noqa: E402


def median_ms(action, repeat: int) -> dict[str, float]:
    """Wall-clock median and minimum, and the median of this process's CPU time: SQLite runs
    inside the process, so CPU time is the work itself even when other work shares the CPUs."""
    action()  # warm-up: caches, compiled statements, templates
    wall, cpu = [], []
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        action()
        cpu.append((time.process_time() - began_cpu) * 1000)
        wall.append((time.perf_counter() - began) * 1000)
    return {"median": round(statistics.median(wall), 2), "min": round(min(wall), 2),
            "cpu": round(statistics.median(cpu), 2)}


def statements(args: dict[str, str]):
    """The queue's three queries for these query-string arguments, as queue() builds them."""
    when = q.today_and_soon()
    base = q.visible_cases() + q.filter_conditions({k: v for k, v in args.items() if k != "state"}, when)
    conditions = q.visible_cases() + q.filter_conditions(args, when)
    total = select(func.count()).select_from(Case).where(*conditions)
    rows = (select(Case).where(*conditions)
            .order_by(Case.next_due_on.is_(None), Case.next_due_on, Case.received_on, Case.id)
            .limit(q.PAGE_SIZE).offset(0))
    columns = [func.count().filter(q.state_condition(s, when)).label(s) for s in q.STATES]
    counts = select(*columns).select_from(Case).where(*base)
    return when, base, {"total": total, "rows": rows, "counts": counts}


def plan(statement) -> tuple[str, list[str]]:
    """The SQL a statement really sends, and the database's plan for it."""
    engine = db.engine
    sent = []

    def grab(_conn, _cursor, sql, parameters, _context, _many):
        sent.append((sql, parameters))

    event.listen(engine, "before_cursor_execute", grab)
    try:
        db.session.execute(statement).all()
    finally:
        event.remove(engine, "before_cursor_execute", grab)
    sql, parameters = sent[-1]
    explain = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN "
    found = db.session.connection().exec_driver_sql(explain + sql, parameters).all()
    return sql, [row[-1] if engine.dialect.name == "sqlite" else row[0] for row in found]


def sign_in(client, email: str, password: str) -> None:
    page = client.get("/staff/sign-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = client.post("/staff/sign-in", data={"email": email, "password": password, "csrf_token": token})
    if response.status_code != 302:
        raise SystemExit(f"Signing in failed: {response.status_code}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meta", type=Path, required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--out", type=Path, required=True)
    options = parser.parse_args()
    meta = json.loads(options.meta.read_text())

    app = create_app()
    requests = {
        "queue": "/staff/",
        "overdue": "/staff/?state=overdue",
        "search": f"/staff/?q={meta['search_reference']}",
    }
    result: dict = {"repeat": options.repeat, "pages": {}, "queries": {}, "plans": {}, "sql": {}}
    client = app.test_client()
    with app.app_context():
        sign_in(client, meta["officer_email"], options.password)
        officer = db.session.scalar(select(StaffUser).where(StaffUser.email == meta["officer_email"]))
        officer_id = officer.id

    def get(url: str):
        def action():
            response = client.get(url)
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")
        return action

    for name, url in {**requests, "case": f"/staff/cases/{meta['case_reference']}"}.items():
        result["pages"][name] = median_ms(get(url), options.repeat)

    for name, url in requests.items():
        args = dict(parse_qsl(urlsplit(url).query))
        with app.test_request_context(url):
            login_user(db.session.get(StaffUser, officer_id))
            when, base, found = statements(args)
            timed = {
                "total": lambda: db.session.scalar(found["total"]),
                "rows": lambda: db.session.scalars(found["rows"]).all(),
                # state_counts itself, exactly as the page calls it
                "counts": lambda: q.state_counts(base, when),
            }
            result["queries"][name] = {k: median_ms(action, options.repeat) for k, action in timed.items()}
            planned = {k: plan(statement) for k, statement in found.items()}
            result["plans"][name] = {k: steps for k, (_, steps) in planned.items()}
            result["sql"][name] = {k: sql for k, (sql, _) in planned.items()}
            db.session.rollback()
    options.out.write_text(json.dumps(result, indent=2))
    for name in requests:
        parts = ", ".join(f"{k} {v['median']} ms (cpu {v['cpu']})" for k, v in result["queries"][name].items())
        page = result["pages"][name]
        print(f"{name:8} page {page['median']} ms (cpu {page['cpu']}); {parts}")
    print(f"{'case':8} page {result['pages']['case']['median']} ms (cpu {result['pages']['case']['cpu']})")


if __name__ == "__main__":
    main()
