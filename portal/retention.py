"""Deleting what has been kept long enough: closed cases with all that belongs to them, equality
answers and audit entries, each after the council's period ([retention] and [equalities]).

`plan()` says what would go without touching anything (`retention purge --dry-run`); `purge()`
deletes it and writes an audit entry for each case and for each kind of record deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone

from flask import current_app
from sqlalchemy import delete, func, or_, select

from portal.audit import audit
from portal.domain.retention import case_ended_on, case_may_go, cutoff
from portal.equality import store as equality_store
from portal.extensions import db
from portal.documents import store
from portal.models import (
    AdrMeeting, AuditEntry, Case, CaseEvent, CaseIssue, CaseStage, Document, Draft, LearningAction, OutboxMessage,
    Remedy, TrackingLink,
)

# Everything that belongs to a case and goes with it (files on disk too: see purge).
CASE_PARTS = (CaseEvent, CaseStage, CaseIssue, AdrMeeting, Remedy, LearningAction, OutboxMessage, TrackingLink,
              Document, Draft)


@dataclass
class Plan:
    today: date
    cases: list[tuple[str, date]] = field(default_factory=list)  # reference, ended on
    held: list[tuple[str, date, str]] = field(default_factory=list)  # kept by a legal hold
    equalities: int = 0
    audit: int = 0
    documents: int = 0  # files that belong to the cases listed


def plan(today: date | None = None) -> Plan:
    council = current_app.extensions["council"]
    today = today or date.today()
    found = Plan(today)
    before = cutoff(today, council.case_retention_years)
    ended = select(Case.reference, Case.closed_on, Case.withdrawn_on, Case.legal_hold_since, Case.legal_hold_reason) \
        .where(or_(Case.closed_on < before, Case.withdrawn_on < before)).order_by(Case.reference)
    for reference, closed_on, withdrawn_on, hold, reason in db.session.execute(ended):
        if case_may_go(closed_on, withdrawn_on, hold is not None, before):
            found.cases.append((reference, case_ended_on(closed_on, withdrawn_on)))
        elif hold is not None:
            found.held.append((reference, hold, reason or ""))
    if found.cases:
        found.documents = db.session.scalar(
            select(func.count()).select_from(Document).join(Case, Document.case_id == Case.id)
            .where(Case.reference.in_([reference for reference, _ in found.cases])))
    found.equalities = equality_store.due(today)  # only the store touches the answers
    found.audit = db.session.scalar(
        select(func.count()).select_from(AuditEntry).where(AuditEntry.at < _start_of(
            cutoff(today, council.audit_retention_years))))
    return found


def purge(today: date | None = None) -> Plan:
    """Delete what `plan()` lists, in one transaction, auditing each deletion."""
    done = plan(today)
    council = current_app.extensions["council"]
    audit_before = _start_of(cutoff(done.today, council.audit_retention_years))
    # Old audit entries first, so that the entries this purge writes are never among them.
    db.session.execute(delete(AuditEntry).where(AuditEntry.at < audit_before))
    files: list[str] = []
    for reference, ended_on in done.cases:
        files += _delete_case(reference)
        audit("delete", f"case:{reference}", what="retention", ended_on=ended_on.isoformat(),
              years=council.case_retention_years)
    gone = equality_store.purge(done.today, commit=False)
    audit("delete", "equalities", what="retention", rows=gone, years=council.equalities_retention_years)
    audit("delete", "audit", what="retention", rows=done.audit, years=council.audit_retention_years)
    db.session.commit()
    store.discard_names(files)  # after the commit: a purge that failed keeps every file
    return done


def _delete_case(reference: str) -> list[str]:
    """Delete the case and all of it; returns its files' stored names, to remove from disk."""
    case_id = db.session.scalar(select(Case.id).where(Case.reference == reference))
    files = list(db.session.scalars(select(Document.stored_name).where(Document.case_id == case_id)))
    for part in CASE_PARTS:
        db.session.execute(delete(part).where(part.case_id == case_id))
    equality_store.forget(reference, commit=False)
    db.session.execute(delete(Case).where(Case.id == case_id))
    return files


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.utc)
