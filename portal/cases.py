"""Making cases: a reference number that is never issued twice, and a case that is never made twice."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any, Callable
from zoneinfo import ZoneInfo

from sqlalchemy import select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from portal.documents import store
from portal.extensions import db
from portal.models import Case, Draft, ReferenceCounter

LONDON = ZoneInfo("Europe/London")


def begin_write() -> None:
    """Start a write transaction that takes SQLite's write lock at once.

    SQLite upgrades a reading transaction to a writing one only if nobody wrote in between;
    taking the lock first makes concurrent submissions wait their turn instead of failing.
    PostgreSQL needs nothing here: row locks do the same work.
    """
    db.session.commit()
    if db.engine.dialect.name == "sqlite":
        db.session.execute(text("BEGIN IMMEDIATE"))


def next_reference(prefix: str, year: int) -> str:
    insert = pg_insert if db.engine.dialect.name == "postgresql" else sqlite_insert
    db.session.execute(
        insert(ReferenceCounter).values(year=year, last=0).on_conflict_do_nothing()
    )
    number = db.session.execute(
        update(ReferenceCounter)
        .where(ReferenceCounter.year == year)
        .values(last=ReferenceCounter.last + 1)
        .returning(ReferenceCounter.last)
    ).scalar_one()
    return f"{prefix}-{year}-{number:05d}"


def create_from_draft(
    draft_id: int, prefix: str, fields: dict[str, Any],
    on_created: Callable[[Case], None] | None = None,
) -> Case:
    """Turn a draft into a case, once. A second call for the same draft returns the first case.

    `on_created(case)` runs inside the same transaction, before the commit: what it adds (the
    emails of the outbox) is saved with the case or not at all.
    """
    begin_write()
    draft = db.session.execute(
        select(Draft).where(Draft.id == draft_id).with_for_update()
    ).scalar_one()
    if draft.case_id:
        existing = db.session.get(Case, draft.case_id)
        db.session.commit()
        return existing
    moment = datetime.now(timezone.utc)
    local = moment.astimezone(LONDON)
    case = Case(
        reference=next_reference(prefix, local.year),
        received_at=moment,
        received_on=local.date(),
        created_at=moment,
        submission_key=draft.token,
        **fields,
    )
    db.session.add(case)
    try:
        db.session.flush()
        draft.case_id = case.id
        store.move_to_case(draft.id, case.id)
        if on_created is not None:
            on_created(case)
        db.session.commit()
    except IntegrityError:
        # Another request sent the same draft a moment ago: theirs is the case.
        db.session.rollback()
        case = db.session.scalar(select(Case).where(Case.submission_key == draft.token))
    return case


def create_entered(prefix: str, received_on: date, fields: dict[str, Any],
                   on_created: Callable[[Case], None] | None = None) -> Case:
    """A case a member of staff typed in from a call, letter, email or visit.

    `submission_key` (a token from the form) makes a double click land on the same case.
    """
    begin_write()
    key = fields.get("submission_key")
    if key:
        existing = db.session.scalar(select(Case).where(Case.submission_key == key))
        if existing:
            db.session.commit()
            return existing
    moment = datetime.now(timezone.utc)
    case = Case(reference=next_reference(prefix, received_on.year), received_at=moment,
                received_on=received_on, created_at=moment, **fields)
    db.session.add(case)
    try:
        db.session.flush()
        if on_created is not None:
            on_created(case)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        case = db.session.scalar(select(Case).where(Case.submission_key == key))
    return case


PROCEDURES = ("statutory", "corporate", "safeguarding", "not_a_complaint")


def override_procedure(case: Case, procedure: str, reason: str, by: str, on: date) -> None:
    """A person decides the procedure instead of the rules; their reason is kept with the case.

    The rules' own decision stays as it was, beside the overrides, so both can be read later.
    """
    if procedure not in PROCEDURES:
        raise ValueError(f"procedure must be one of {', '.join(PROCEDURES)}")
    if not reason.strip() or not by.strip():
        raise ValueError("an override needs a reason and the name of who decided")
    routing = dict(case.routing or {})
    routing["overrides"] = list(routing.get("overrides", [])) + [{
        "from": case.procedure, "to": procedure, "reason": reason.strip(), "by": by.strip(),
        "on": on.isoformat(),
    }]
    case.routing = routing
    case.procedure = procedure
    from portal.casework import refresh_clock

    refresh_clock(case)
