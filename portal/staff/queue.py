"""The queue: every open case, what is due and overdue first. Filters and counts run in SQL on
the due dates kept with each case, so the page stays fast with a hundred thousand cases."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from flask import current_app, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import and_, func, select

from portal.casework import KIND_NAMES, kinds_in_use
from portal.extensions import db
from portal.forms.fields import whole_number
from portal.models import Case, StaffUser
from portal.staff import bp
from portal.staff.permissions import CASEWORK, requires

PAGE_SIZE = 50
REFERENCE = re.compile(r"[A-Za-z]{2,6}-\d{4}-\d{1,6}")
WINDOWS = ("stage2_request", "stage3_request")

STATES = {
    "overdue": "Overdue",
    "due_soon": "Due soon",
    "acknowledgement_due": "Acknowledgement due",
    "extended": "Extended",
    "paused": "Paused",
    "awaiting_complainant": "Awaiting the complainant",
    "new_information": "New information",
}
FILTERS = ("state", "procedure", "stage", "team", "assignee", "young_person", "received_via", "language", "interpreter")


@dataclass(frozen=True)
class Today:
    today: date
    soon: date


def today_and_soon() -> Today:
    calendar = current_app.extensions["calendar"]
    timescales = current_app.extensions["timescales"]
    today = date.today()
    return Today(today, calendar.add_working_days(today, timescales.due_soon_days))


def state_condition(state: str, when: Today):
    """The SQL for one state; the same rules as `row_states` below, for one row."""
    clock_running = and_(Case.paused_since.is_(None), Case.next_due_step.not_in(WINDOWS))
    return {
        "overdue": and_(clock_running, Case.next_due_on < when.today),
        "due_soon": and_(clock_running, Case.next_due_on >= when.today, Case.next_due_on <= when.soon),
        "acknowledgement_due": Case.acknowledged_on.is_(None),
        "extended": Case.extended.is_(True),
        "paused": Case.paused_since.is_not(None),
        "awaiting_complainant": Case.next_due_step.in_(WINDOWS),
        "new_information": Case.new_information.is_(True),
    }[state]


def row_states(case: Case, when: Today) -> list[str]:
    running = case.paused_since is None and case.next_due_step not in WINDOWS
    found = []
    if running and case.next_due_on and case.next_due_on < when.today:
        found.append("overdue")
    elif running and case.next_due_on and case.next_due_on <= when.soon:
        found.append("due_soon")
    if case.acknowledged_on is None:
        found.append("acknowledgement_due")
    if case.paused_since:
        found.append("paused")
    if case.extended:
        found.append("extended")
    if case.next_due_step in WINDOWS:
        found.append("awaiting_complainant")
    if case.new_information:
        found.append("new_information")
    return found


def visible_cases():
    """Open cases this person may see."""
    conditions = [Case.closed_on.is_(None), Case.withdrawn_on.is_(None)]
    if current_user.role == "investigator":
        conditions.append(Case.assignee_id == current_user.id)
    return conditions


def council_now():
    return current_app.extensions["council"]


def filter_conditions(args, when: Today) -> list:
    conditions = []
    if args.get("state") in STATES:
        conditions.append(state_condition(args["state"], when))
    if args.get("procedure"):
        conditions.append(Case.procedure == args["procedure"])
    stage, assignee = whole_number(args.get("stage")), whole_number(args.get("assignee"))
    if stage is not None:
        conditions.append(Case.stage == stage)
    if args.get("team"):
        conditions.append(Case.team == args["team"])
    if args.get("assignee") == "none":
        conditions.append(Case.assignee_id.is_(None))
    elif assignee is not None:
        conditions.append(Case.assignee_id == assignee)
    if args.get("mine"):
        conditions.append(Case.assignee_id == current_user.id)
    if args.get("young_person") == "yes":
        conditions.append(Case.made_by_young_person.is_(True))
    elif args.get("young_person") == "advocacy_request":
        conditions.append(Case.kind == "advocacy_request")
    elif args.get("young_person") == "advocate_wanted":
        conditions.append(Case.advocate_status == "wanted")
    if args.get("received_via"):
        conditions.append(Case.received_via == args["received_via"])
    if args.get("borough") == "none":
        conditions.append(Case.borough.is_(None))
    elif args.get("borough"):
        conditions.append(Case.borough == args["borough"])
    if args.get("kind"):
        conditions.append(Case.kind == args["kind"])
    if args.get("language"):
        conditions.append(Case.language == args["language"])
    if args.get("interpreter") == "yes":
        conditions.append(Case.interpreter.is_not(None))
    search = (args.get("q") or "").strip()[:100]
    if REFERENCE.fullmatch(search):
        # A reference: the unique index finds it at once.
        conditions.append(Case.reference == search.upper())
    elif search:
        escaped = search.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conditions.append(func.lower(Case.contact_name).like(f"%{escaped}%", escape="\\"))
    return conditions


def state_counts(base: list, when: Today) -> dict[str, int]:
    """How many cases are in each state, and in all, among those the other filters leave:
    one query, which the open-queue index answers without reading the table."""
    columns = [func.count().filter(state_condition(s, when)).label(s) for s in STATES]
    row = db.session.execute(select(*columns, func.count()).select_from(Case).where(*base)).one()
    return {**dict(zip(STATES, row)), "all": row[-1]}


@bp.get("/")
@requires(*CASEWORK)
def queue():
    when = today_and_soon()
    args = request.args
    base = visible_cases() + filter_conditions({k: v for k, v in args.items() if k != "state"}, when)
    conditions = visible_cases() + filter_conditions(args, when)
    counts = state_counts(base, when)
    total = counts.get(args.get("state"), counts["all"])
    page = max(1, whole_number(args.get("page"), maximum=1_000_000) or 1)
    rows = db.session.scalars(
        select(Case).where(*conditions)
        .order_by(Case.next_due_on.is_(None), Case.next_due_on, Case.received_on, Case.id)
        .limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)
    ).all()
    staff = {u.id: u for u in db.session.scalars(select(StaffUser))}
    return render_template(
        "staff/queue.html", rows=rows, total=total, page=page, pages=max(1, -(-total // PAGE_SIZE)),
        counts=counts, states=STATES, when=when, row_states=row_states,
        borough_choices=[(b.slug, b.name) for b in council_now().boroughs] + [("none", "Not recorded yet")],
        kind_choices=[(k, KIND_NAMES[k]) for k in kinds_in_use()],
        staff=staff, args=args, filter_url=lambda **change: filter_url(args, **change),
        teams=teams(), title="My cases" if args.get("mine") else "Queue",
    )


def filter_url(args, **change) -> str:
    values = {k: v for k, v in args.items() if k in FILTERS + ("q", "mine") and v}
    values.update({k: v for k, v in change.items()})
    return url_for("staff.queue", **{k: v for k, v in values.items() if v})


def teams() -> list[str]:
    council = current_app.extensions["council"]
    return [team for area in council.service_areas for team in area.teams]
