"""Fill a fresh database with N fictional cases, fast, for the queue benchmark.

    .venv/bin/python bench/seed.py --database-url sqlite:////tmp/x/bench.sqlite3 [--cases 100000]

1. The schema comes from the migrations (`flask --app portal db upgrade`), so the indexes are the
   ones a real installation has.
2. One officer account with a known password is made with `flask --app portal users create`;
   a few more accounts (investigators, a manager) are added directly, only to be assignees.
3. The cases go in with SQLAlchemy Core bulk inserts (`insert(Case.__table__)`, lists of dicts,
   5,000 a chunk, one transaction).

Everything is fictional: names from short lists, emails at example.org, phone numbers from
Ofcom's drama range. The data is random but reproducible (--seed). No ANALYZE is run: a real
installation never runs it either, so the planner sees what it would see in production.

Writes a JSON file of facts the benchmark needs (--meta): the officer's email, a reference to
search for, a case to open.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import time
import tomllib
from datetime import date, datetime, time as clock, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHUNK = 5_000
OFFICER_EMAIL = "bench.officer@example.org"
OFFICER_NAME = "Bench Officer"
DEFAULT_PASSWORD = "bench-password-not-secret"

FIRST = ["Amira", "Ben", "Chloe", "Dylan", "Efa", "Farah", "George", "Hana", "Iwan", "Jade",
         "Kai", "Leila", "Mason", "Nia", "Oscar", "Priya", "Quinn", "Rhys", "Sara", "Tomos",
         "Una", "Victor", "Wren", "Yusuf", "Zara"]
LAST = ["Ahmed", "Bevan", "Clarke", "Davies", "Evans", "Fisher", "Griffiths", "Hughes", "Iqbal",
        "Jones", "Khan", "Lewis", "Morgan", "Nowak", "Owen", "Patel", "Roberts", "Smith",
        "Thomas", "Williams"]
ROLES = ["parent"] * 40 + ["young_person"] * 15 + ["foster_carer"] * 8 + ["relative"] * 8 + \
        ["advocate"] * 8 + ["person_with_parental_responsibility"] * 6 + ["special_guardian"] * 5 + \
        ["professional"] * 5 + ["other"] * 5
VIA = ["online_form"] * 55 + ["young_person_form"] * 5 + ["email"] * 15 + ["telephone"] * 10 + \
      ["letter"] * 6 + ["in_person"] * 3 + ["advocate"] * 3 + ["councillor_or_mp"] * 2 + ["other"]
SUMMARIES = [
    "Visits by the social worker were cancelled without notice.",
    "The assessment contains information that is not correct.",
    "No reply to several emails about family time arrangements.",
    "Support agreed at the review has not started.",
    "Concerns about how a meeting was conducted.",
    "Delay in the personal education plan being agreed.",
    "Leaving care allowance paid late again.",
    "Thanks to the family support worker for their help.",
    "A suggestion about how review meetings are arranged.",
]
# The next open step for a case at each stage (portal.staff.cases.STEP_NAMES).
STEPS = {
    1: ["stage1_response"] * 8 + ["stage2_request"] * 2,
    2: ["stage2_acknowledge"] + ["stage2_response"] * 7 + ["stage3_request"] * 2,
    3: ["panel"] * 4 + ["panel_report"] * 2 + ["stage3_response"] * 4,
}
# Extra staff who only appear as assignees: (email, name, role).
ASSIGNEES = [
    ("m.hughes@example.org", "Megan Hughes", "manager"),
    ("t.evans@example.org", "Tomos Evans", "investigator"),
    ("p.shah@example.org", "Priya Shah", "investigator"),
    ("d.clarke@example.org", "Dan Clarke", "investigator"),
    ("s.morgan@example.org", "Sian Morgan", "officer"),
]


def flask(args: list[str], env: dict[str, str], stdin: str | None = None) -> None:
    subprocess.run([sys.executable, "-m", "flask", "--app", "portal", *args], cwd=ROOT, env=env,
                   input=stdin, text=True, check=True, stdout=subprocess.DEVNULL)


def teams() -> list[tuple[str, str]]:
    council = tomllib.loads((ROOT / "portal/councils/demo.toml").read_text())
    return [(area["name"], team) for area in council["service_areas"] for team in area["teams"]]


def make_cases(n: int, staff_ids: list[int], rng: random.Random, today: date,
               closed_share: float = 0.20) -> list[dict]:
    areas = teams()
    start = today - timedelta(days=3 * 365)
    received = sorted(start + timedelta(days=rng.randrange(3 * 365 + 1)) for _ in range(n))
    per_year: dict[int, int] = {}
    rows = []
    for received_on in received:
        number = per_year[received_on.year] = per_year.get(received_on.year, 0) + 1
        kind = rng.choices(["complaint", "compliment", "comment"], [85, 10, 5])[0]
        complaint = kind == "complaint"
        procedure = (rng.choices(["statutory", "corporate", "safeguarding", "not_a_complaint"],
                                 [60, 35, 3, 2])[0] if complaint else None)
        stage = rng.choices([1, 2, 3], [80, 15, 5])[0] if complaint else None
        role = rng.choice(ROLES)
        via = rng.choice(VIA)
        area, team = rng.choice(areas)
        first, last = rng.choice(FIRST), rng.choice(LAST)
        name = f"{first} {last}"
        received_at = datetime.combine(received_on, clock(rng.randrange(8, 18), rng.randrange(60)),
                                       tzinfo=timezone.utc)
        # By default about 20% closed, 1% withdrawn; the rest are open and in the queue.
        fate = rng.random()
        closed_on = withdrawn_on = None
        if fate < closed_share:
            closed_on = min(today, received_on + timedelta(days=rng.randrange(5, 120)))
        elif fate < closed_share + 0.01:
            withdrawn_on = min(today, received_on + timedelta(days=rng.randrange(1, 40)))
        is_open = closed_on is None and withdrawn_on is None
        acknowledged = not is_open or rng.random() > 0.10
        acknowledged_on = (min(today, received_on + timedelta(days=rng.randrange(0, 5)))
                           if acknowledged else None)
        next_due_on = next_due_step = None
        if is_open:
            if not acknowledged:
                next_due_step = "acknowledge"
            elif complaint:
                next_due_step = rng.choice(STEPS[stage])
            if next_due_step:
                # Around today: about a quarter overdue, many due in the next weeks.
                next_due_on = today + timedelta(days=round(rng.gauss(12, 25)))
        paused = is_open and complaint and rng.random() < 0.05
        extended = is_open and complaint and rng.random() < 0.10
        assignee = rng.choice(staff_ids) if rng.random() < 0.85 else None
        status = "closed" if closed_on else "withdrawn" if withdrawn_on else (
            "open" if acknowledged else "new")
        rows.append({
            "reference": f"CSC-{received_on.year}-{number:05d}",
            "kind": kind,
            "procedure": procedure,
            "stage": stage,
            "status": status,
            "received_on": received_on,
            "received_at": received_at,
            "received_via": via,
            "language": "cy" if rng.random() < 0.08 else "en",
            "complainant_role": role,
            "made_by_young_person": role == "young_person",
            "advocate_involved": role == "advocate" or rng.random() < 0.05,
            "child_looked_after": rng.choice([True, False, None]),
            "service_area": area,
            "team": team,
            "contact_name": name,
            "contact_email": f"{first}.{last}{rng.randrange(1000)}@example.org".lower(),
            "contact_phone": f"07700 900{rng.randrange(1000):03d}" if rng.random() < 0.4 else None,
            "summary": rng.choice(SUMMARIES),
            "answers": {},
            "acknowledge_due_on": received_on + timedelta(days=4),
            "response_due_on": received_on + timedelta(days=rng.choice([14, 28, 35, 91])) if complaint else None,
            "next_due_on": next_due_on,
            "next_due_step": next_due_step,
            "assignee_id": assignee,
            "acknowledged_on": acknowledged_on,
            "acknowledged_by": rng.choice(["email", "letter", "phone"]) if acknowledged else None,
            "withdrawn_on": withdrawn_on,
            "closed_on": closed_on,
            "paused_since": today - timedelta(days=rng.randrange(1, 30)) if paused else None,
            "extended": extended,
            "passed_to_front_door_on": None,
            "iro_told_on": None,
            "ombudsman_referred_on": None,
            "ombudsman_decided_on": None,
            "ombudsman_decision": None,
            "complainant_key": hashlib.sha256(name.encode()).hexdigest()[:32],
            "new_information": is_open and rng.random() < 0.05,
            "submission_key": None,
            "created_at": received_at,
        })
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"), required=False)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--password", default=os.environ.get("BENCH_PASSWORD", DEFAULT_PASSWORD))
    parser.add_argument("--closed-share", type=float, default=0.20,
                        help="share of cases closed (0.20; a real council's history is mostly closed)")
    parser.add_argument("--seed", type=int, default=20261124)
    parser.add_argument("--meta", type=Path, help="where to write the facts run.sh needs (JSON)")
    options = parser.parse_args()
    if not options.database_url:
        parser.error("give --database-url or set DATABASE_URL")
    env = {**os.environ, "DATABASE_URL": options.database_url}
    env.setdefault("PORTAL_COUNCIL", "demo")
    # Never let the app fall back to (or create) instance/secret_key for a throwaway database.
    env.setdefault("SECRET_KEY", "bench-" + os.urandom(16).hex())
    os.environ.update(env)

    began = time.perf_counter()
    flask(["db", "upgrade"], env)
    flask(["users", "create", "--email", OFFICER_EMAIL, "--name", OFFICER_NAME, "--role", "officer",
           "--password-stdin"], env, stdin=options.password + "\n")
    schema_done = time.perf_counter()

    sys.path.insert(0, str(ROOT))
    from sqlalchemy import insert, select

    from portal import create_app
    from portal.extensions import db
    from portal.models import Case, CaseEvent, CaseStage, ReferenceCounter, StaffUser

    app = create_app()
    rng = random.Random(options.seed)
    today = date.today()
    now = datetime.now(timezone.utc)
    with app.app_context():
        with db.engine.begin() as connection:
            connection.execute(insert(StaffUser.__table__), [
                {"email": email, "name": name, "role": role, "password_hash": "!unusable",
                 "active": True, "created_at": now, "failed_attempts": 0}
                for email, name, role in ASSIGNEES
            ])
            staff_ids = list(connection.scalars(select(StaffUser.id)))
            rows = make_cases(options.cases, staff_ids, rng, today, options.closed_share)
            generated = time.perf_counter()
            for first in range(0, len(rows), CHUNK):
                connection.execute(insert(Case.__table__), rows[first:first + CHUNK])
            last: dict[int, int] = {}
            for row in rows:
                year, number = row["reference"].split("-")[1:]
                last[int(year)] = max(last.get(int(year), 0), int(number))
            connection.execute(insert(ReferenceCounter.__table__),
                               [{"year": y, "last": n} for y, n in sorted(last.items())])
            inserted = time.perf_counter()

            # The case page: an open, assigned stage 1 complaint, with a short timeline.
            shown = connection.execute(
                select(Case.id, Case.reference, Case.received_on, Case.acknowledged_on, Case.assignee_id)
                .where(Case.closed_on.is_(None), Case.withdrawn_on.is_(None), Case.kind == "complaint",
                       Case.stage == 1, Case.assignee_id.is_not(None), Case.acknowledged_on.is_not(None))
                .order_by(Case.id.desc()).limit(1)
            ).one()
            events = [("assigned", shown.received_on, {"assignee_id": shown.assignee_id}),
                      ("acknowledged", shown.acknowledged_on, {"method": "email"}),
                      ("note", shown.acknowledged_on, {"text": "Called the parent to agree the issues."})]
            connection.execute(insert(CaseEvent.__table__), [
                {"case_id": shown.id, "recorded_at": now, "on": on, "kind": kind,
                 "actor_id": staff_ids[0], "data": data} for kind, on, data in events
            ])
            connection.execute(insert(CaseStage.__table__), [
                {"case_id": shown.id, "stage": 1, "started_on": shown.acknowledged_on, "extended": False}
            ])
    search = f"CSC-{today.year - 2}-00042"
    meta = {
        "cases": options.cases,
        "open_cases": sum(1 for r in rows if r["closed_on"] is None and r["withdrawn_on"] is None),
        "officer_email": OFFICER_EMAIL,
        "search_reference": search,
        "case_reference": shown.reference,
        "seconds": {"schema_and_user": round(schema_done - began, 2),
                    "generate": round(generated - schema_done, 2),
                    "insert": round(inserted - generated, 2),
                    "total": round(time.perf_counter() - began, 2)},
    }
    if options.meta:
        options.meta.write_text(json.dumps(meta, indent=2))
    print(f"Seeded {options.cases:,} cases ({meta['open_cases']:,} open) in "
          f"{meta['seconds']['total']} s (insert {meta['seconds']['insert']} s); "
          f"search {search}, case page {shown.reference}.")


if __name__ == "__main__":
    main()
