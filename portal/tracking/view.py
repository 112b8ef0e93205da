"""What a person following their case is shown: where it is, what to expect when, what we sent
them and what they sent us. The council's [tracking] settings decide which of these appear.

Only facts the person already has or is owed: never staff notes, names or internal steps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from portal import casework
from portal.documents import store
from portal.extensions import db
from portal.models import Case, CaseEvent, Document, OutboxMessage

# The steps a person waits for (or may take), in the order they come; internal steps such as a
# panel's report to the council are left out.
PERSON_STEPS = (
    "acknowledge", "stage1_response", "stage2_request", "stage2_response", "stage3_request",
    "panel", "stage3_response",
)
# Emails from us that are about the case (not the links they asked for).
NEWS_KINDS = ("acknowledgement", "status_update")
# What the person sent after the case was made, from the tracking page.
FROM_THEM = ("person_added", "withdrawal_asked")


@dataclass(frozen=True)
class Step:
    step: str
    due_on: date
    done_on: date | None
    window: bool


def where(case: Case) -> str:
    """Where the case is, as one word the page turns into a sentence."""
    if case.withdrawn_on:
        return "withdrawn"
    if case.closed_on:
        return "closed"
    if case.kind != "complaint":
        return "received"
    if case.ombudsman_referred_on and not case.ombudsman_decided_on:
        return "ombudsman"
    number = case.stage or 1
    row = casework.stages(case).get(number)
    if row is not None and row.responded_on:
        return f"stage{number}_responded"
    if not case.acknowledged_on:
        return "received"
    return f"stage{number}"


def steps(case: Case) -> list[Step]:
    found = casework.deadlines(case)
    if case.kind != "complaint":
        found = [d for d in found if d.step == "acknowledge"]
    ended = case.withdrawn_on or case.closed_on
    return [
        Step(d.step, d.due_on, d.done_on, d.window) for d in found
        if d.step in PERSON_STEPS and (d.done_on or not ended)
        # A window to ask for the next stage matters only while it is open.
        and not (d.window and (d.done_on or ended))
    ]


def messages(case: Case) -> list[OutboxMessage]:
    return list(db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.case_id == case.id, OutboxMessage.kind.in_(NEWS_KINDS))
        .order_by(OutboxMessage.created_at, OutboxMessage.id)
    ))


def sent_by_them(case: Case) -> list[CaseEvent]:
    return list(db.session.scalars(
        select(CaseEvent).where(CaseEvent.case_id == case.id, CaseEvent.kind.in_(FROM_THEM))
        .order_by(CaseEvent.recorded_at, CaseEvent.id)
    ))


def withdrawal_asked(case: Case) -> bool:
    return any(e.kind == "withdrawal_asked" for e in sent_by_them(case))


def documents(case: Case) -> list[Document]:
    return store.listed(case_id=case.id)
