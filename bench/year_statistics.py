"""How long a year's statistics take, against one full scan of the cases table, in the same run.

    .venv/bin/python bench/year_statistics.py [--cases 1000000] [--keep]

1. A fresh SQLite file in a temporary directory under /tmp; the schema from the migrations
   (`flask --app portal db upgrade`, as bench/seed.py does), so the indexes are the real ones.
2. N fictional cases, all received in 2023-24, with their Stage 1, 2 and 3 rows, issues, ADR
   meetings, remedies and Ombudsman dates: SQLAlchemy Core bulk inserts, 5,000 cases a chunk,
   generated chunk by chunk so memory stays flat. Reproducible (--seed).
3. Times, each the best of --repeat runs after a warm-up (so both read from a warm cache):
   - the yardstick: `SELECT count(*), sum(length(reference)) FROM cases`, which reads every row;
   - `build_report("2023-24")`, everything the JSON holds (S1-S21);
   and prints both and their ratio, with the slowest statements of one report run.

Not part of the tests. Nothing outside the temporary directory is touched; it is removed at the
end unless --keep is given.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHUNK = 5_000
YEAR = "2023-24"
YEAR_START = date(2023, 4, 1)
AREAS = [
    ("Assessment and family support", ["Children's Front Door (MASH)", "Assessment Team",
                                       "Family Support"]),
    ("Children in care and care leavers", ["Children in Care Team 1", "Children in Care Team 2",
                                           "Leaving Care"]),
    ("Children with disabilities", ["Disability 0-17", "Disability 0-25"]),
    ("Fostering and adoption", ["Fostering", "Adoption"]),
    ("Youth justice", ["Youth Offending Service"]),
]
CATEGORIES = ["lack_of_communication", "behaviour_attitude_of_staff", "lack_of_support",
              "service_provided", "delay_in_providing_support", "family_time",
              "incorrect_information_in_assessment", "cancelled_visit"]
OUTCOMES = ["upheld", "partially_upheld", "not_upheld"]
VIA = ["online_form"] * 55 + ["young_person_form"] * 5 + ["email"] * 15 + ["telephone"] * 10 + \
      ["letter"] * 6 + ["in_person"] * 3 + ["advocate"] * 3 + ["councillor_or_mp"] * 2 + ["other"]
LATE = ["extension_agreed", "further_information", "staff_unavailable", "service_delay", None]
DECISIONS = ["closed_after_initial_enquiries", "premature", "not_upheld_no_fault",
             "upheld_fault_injustice"]


class Rows:
    """The rows of one chunk, table by table."""

    def __init__(self) -> None:
        self.cases: list[dict] = []
        self.stages: list[dict] = []
        self.issues: list[dict] = []
        self.adr: list[dict] = []
        self.remedies: list[dict] = []


def make_chunk(first_id: int, count: int, total: int, rng: random.Random, now: datetime) -> Rows:
    rows = Rows()
    for case_id in range(first_id, first_id + count):
        # Cases are made as they arrive, so ids follow the date received, as in a real portal.
        received_on = YEAR_START + timedelta(days=(case_id - 1) * 366 // total)
        kind = rng.choices(["complaint", "compliment", "comment"], [85, 10, 5])[0]
        procedure = rng.choices(["statutory", "corporate"], [65, 35])[0] if kind == "complaint" else None
        area, teams = rng.choice(AREAS)
        young = rng.random() < 0.12
        withdrawn_on = received_on + timedelta(days=rng.randrange(2, 30)) if rng.random() < 0.02 else None
        case = {
            "id": case_id, "reference": f"CSC-2023-{case_id:07d}", "kind": kind,
            "procedure": procedure, "stage": 1 if kind == "complaint" else None,
            "status": "imported", "received_on": received_on,
            "received_at": datetime.combine(received_on, clock(10), UTC),
            "received_via": rng.choice(VIA), "language": "en",
            "complainant_role": "young_person" if young else "parent",
            "made_by_young_person": young, "advocate_involved": young and rng.random() < 0.5,
            "service_area": area, "team": rng.choice(teams), "answers": {},
            "acknowledged_on": received_on + timedelta(days=rng.randrange(0, 6)),
            "withdrawn_on": withdrawn_on, "extended": False, "new_information": False,
            "complainant_key": f"k-{rng.randrange(total * 4)}",
            "created_at": now,
        }
        rows.cases.append(case)
        if kind == "complaint" and withdrawn_on is None:
            add_handling(rows, case, rng)
    return rows


def add_handling(rows: Rows, case: dict, rng: random.Random) -> None:
    """Stage rows, issues, ADR, remedies and Ombudsman dates for one complaint."""
    case_id, start = case["id"], case["received_on"]
    for _ in range(rng.choice([1, 1, 2, 3])):
        rows.issues.append({"case_id": case_id, "stage": 1, "category": rng.choice(CATEGORIES),
                            "outcome": rng.choice(OUTCOMES)})
    if rng.random() < 0.1:
        return  # still open at Stage 1
    responded = start + timedelta(days=rng.randrange(5, 45))
    rows.stages.append({"case_id": case_id, "stage": 1, "started_on": start, "extended": False,
                        "responded_on": responded, "outcome": rng.choice(OUTCOMES),
                        "late_reason": rng.choice(LATE) if responded > start + timedelta(14) else None})
    if rng.random() < 0.02:
        rows.adr.append({"case_id": case_id, "held_on": start + timedelta(days=3),
                         "resolved": rng.random() < 0.6})
    if case["procedure"] != "statutory" or rng.random() > 0.12:
        return
    started = responded + timedelta(days=rng.randrange(3, 20))
    stage2_done = started + timedelta(days=rng.randrange(20, 90)) if rng.random() < 0.8 else None
    rows.stages.append({"case_id": case_id, "stage": 2, "requested_on": started,
                        "started_on": started, "extended": rng.random() < 0.3,
                        "responded_on": stage2_done,
                        "outcome": rng.choice(OUTCOMES) if stage2_done else None})
    if stage2_done and rng.random() < 0.25:
        requested = stage2_done + timedelta(days=10)
        rows.stages.append({"case_id": case_id, "stage": 3, "requested_on": requested,
                            "panel_on": requested + timedelta(days=30), "extended": False,
                            "responded_on": requested + timedelta(days=50),
                            "outcome": rng.choice(OUTCOMES)})
        rows.remedies.append({"case_id": case_id, "stage": "3", "kind": "financial",
                              "amount_pence": rng.randrange(5, 100) * 1000})
        if rng.random() < 0.3:
            case["ombudsman_referred_on"] = requested + timedelta(days=60)
            case["ombudsman_decided_on"] = requested + timedelta(days=150)
            case["ombudsman_decision"] = rng.choice(DECISIONS)


def seed(n: int, rng: random.Random) -> None:
    from sqlalchemy import insert

    from portal.extensions import db
    from portal.models import AdrMeeting, Case, CaseIssue, CaseStage, Remedy

    # Every case dict must carry the same keys for an executemany insert.
    optional = {"ombudsman_referred_on": None, "ombudsman_decided_on": None,
                "ombudsman_decision": None}
    now = datetime.now(UTC)
    with db.engine.begin() as connection:
        for first in range(1, n + 1, CHUNK):
            rows = make_chunk(first, min(CHUNK, n + 1 - first), n, rng, now)
            connection.execute(insert(Case.__table__), [{**optional, **c} for c in rows.cases])
            for table, batch in ((CaseStage, rows.stages), (CaseIssue, rows.issues),
                                 (AdrMeeting, rows.adr), (Remedy, rows.remedies)):
                if batch:
                    keys = set().union(*batch)
                    connection.execute(insert(table.__table__),
                                       [{k: row.get(k) for k in keys} for row in batch])


def best_of(action, repeat: int) -> float:
    action()  # warm-up: the file in the page cache, statements compiled
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return min(times)


def slowest_statements(app, run) -> list[tuple[float, str]]:
    """Each statement of one run of `run`, with its time, slowest first."""
    from sqlalchemy import event

    from portal.extensions import db

    found: list[tuple[float, str]] = []

    def before(conn, cursor, statement, parameters, context, executemany):
        conn.info["began"] = time.perf_counter()

    def after(conn, cursor, statement, parameters, context, executemany):
        found.append((time.perf_counter() - conn.info["began"], " ".join(statement.split())))

    engine = db.engine
    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    try:
        run()
    finally:
        event.remove(engine, "before_cursor_execute", before)
        event.remove(engine, "after_cursor_execute", after)
    return sorted(found, reverse=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20231)
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    options = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="portal-statistics-bench."))
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{work / 'bench.sqlite3'}",
           "PORTAL_COUNCIL": "demo", "SECRET_KEY": "bench-" + os.urandom(16).hex()}
    os.environ.update(env)
    try:
        began = time.perf_counter()
        subprocess.run([sys.executable, "-m", "flask", "--app", "portal", "db", "upgrade"],
                       cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        sys.path.insert(0, str(ROOT))
        from portal import create_app
        from portal.statistics import queries
        from portal.statistics.report import build_report

        app = create_app()
        with app.app_context():
            seed(options.cases, random.Random(options.seed))
            seeded = time.perf_counter() - began
            scan = best_of(queries.full_scan, options.repeat)
            report = best_of(lambda: build_report(YEAR), options.repeat)
            statements = slowest_statements(app, lambda: build_report(YEAR))
            figures = build_report(YEAR)["statutory"]["stage1"]
        print(f"Seeded {options.cases:,} cases in {seeded:.1f} s ({work}).")
        print(f"Full scan of cases:        {scan * 1000:9.1f} ms")
        print(f"Statistics for {YEAR}:     {report * 1000:9.1f} ms "
              f"({len(statements)} statements)")
        print(f"Ratio (statistics / scan): {report / scan:9.1f}")
        print(f"Stage 1: received {figures['received']:,}, responded {figures['responded']:,}.")
        print("Slowest statements:")
        for seconds, sql in statements[:5]:
            print(f"  {seconds * 1000:8.1f} ms  {sql[:110]}")
    finally:
        if options.keep:
            print(f"Kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
