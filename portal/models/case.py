"""A case: one complaint, compliment or comment, however it reached us."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db


OPEN = "closed_on IS NULL AND withdrawn_on IS NULL"


class Case(db.Model):
    __tablename__ = "cases"
    __table_args__ = (
        # The queue reads open cases in due order: this index holds them in that order, with
        # what the filters and counts need, so a page is read without touching closed cases.
        Index(
            "ix_cases_open_queue", text("(next_due_on IS NULL)"), "next_due_on", "received_on", "id",
            "next_due_step", "paused_since", "acknowledged_on", "extended", "new_information",
            "closed_on", "withdrawn_on",
            sqlite_where=text(OPEN), postgresql_where=text(OPEN),
        ),
        # Closed cases by date, for the statistics; partial, so the queue's planner never
        # mistakes it for a way to find open ones.
        Index("ix_cases_closed_on", "closed_on", sqlite_where=text("closed_on IS NOT NULL"),
              postgresql_where=text("closed_on IS NOT NULL")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(24), unique=True)
    # complaint | compliment | comment | advocacy_request, or a record the council counts apart:
    # representation | enquiry | member_enquiry (portal.council.RECORD_KINDS).
    kind: Mapped[str] = mapped_column(String(16))
    # What a complaint was first recorded as, when it began as a representation or an enquiry,
    # and the day it became a complaint: the statistics count both.
    recorded_as: Mapped[str | None] = mapped_column(String(16))
    became_complaint_on: Mapped[date | None] = mapped_column(Date)
    # The council area it belongs to, when one installation serves more than one (a slug of
    # [[boroughs]]); None where there is only one, or until staff set it.
    borough: Mapped[str | None] = mapped_column(String(40), index=True)
    # A complaint handled jointly with the NHS (counted apart where the council records them).
    joint_nhs: Mapped[bool] = mapped_column(Boolean, default=False)
    # statutory | corporate | safeguarding | not_a_complaint; None until routed.
    procedure: Mapped[str | None] = mapped_column(String(24))
    stage: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(24), default="new")
    received_on: Mapped[date] = mapped_column(Date, index=True)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    received_via: Mapped[str] = mapped_column(String(24))
    language: Mapped[str] = mapped_column(String(8))
    # A legal hold keeps the case past its retention period (a claim, an inquiry); None when none.
    legal_hold_since: Mapped[date | None] = mapped_column(Date)
    legal_hold_reason: Mapped[str | None] = mapped_column(Text)
    # The language someone needs an interpreter in, as they wrote it; None when they did not ask.
    interpreter: Mapped[str | None] = mapped_column(String(200))
    complainant_role: Mapped[str | None] = mapped_column(String(40))
    made_by_young_person: Mapped[bool] = mapped_column(Boolean, default=False)
    advocate_involved: Mapped[bool] = mapped_column(Boolean, default=False)
    # wanted | referred | involved | has_one | not_wanted | unsure; None when nobody asked.
    advocate_status: Mapped[str | None] = mapped_column(String(16))
    child_looked_after: Mapped[bool | None] = mapped_column(Boolean)
    service_area: Mapped[str | None] = mapped_column(String(80))
    team: Mapped[str | None] = mapped_column(String(200))
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_email: Mapped[str | None] = mapped_column(String(254))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    summary: Mapped[str | None] = mapped_column(Text)
    # The answers exactly as given, page by page: what the person told us, kept whole.
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    # The routing decision with its reasons and the matters a person must decide.
    routing: Mapped[dict | None] = mapped_column(JSON)
    # Due dates worked out from the events so far (see portal.domain.clocks), kept for the
    # queue to sort and filter on; the clock itself is always recomputed from events.
    acknowledge_due_on: Mapped[date | None] = mapped_column(Date)
    response_due_on: Mapped[date | None] = mapped_column(Date, index=True)
    # The next open deadline, recomputed from the case's events whenever they change
    # (portal.casework.refresh_clock): the queue sorts and filters on it.
    next_due_on: Mapped[date | None] = mapped_column(Date, index=True)
    next_due_step: Mapped[str | None] = mapped_column(String(32))
    # The life of the case. Dates, so that any year's statistics can be counted from them.
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"), index=True)
    acknowledged_on: Mapped[date | None] = mapped_column(Date)
    acknowledged_by: Mapped[str | None] = mapped_column(String(16))  # email | letter | phone | in_person | advocacy
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    paused_since: Mapped[date | None] = mapped_column(Date)
    extended: Mapped[bool] = mapped_column(Boolean, default=False)
    passed_to_front_door_on: Mapped[date | None] = mapped_column(Date)
    iro_told_on: Mapped[date | None] = mapped_column(Date)
    ombudsman_referred_on: Mapped[date | None] = mapped_column(Date)
    ombudsman_decided_on: Mapped[date | None] = mapped_column(Date)
    ombudsman_decision: Mapped[str | None] = mapped_column(String(40))
    # A stable pseudonymous key for the person, so repeat complainants can be counted.
    complainant_key: Mapped[str | None] = mapped_column(String(64), index=True)
    # Something arrived from the person that staff have not looked at yet.
    new_information: Mapped[bool] = mapped_column(Boolean, default=False)
    # One per draft: a second submission of the same answers can never make a second case.
    submission_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ReferenceCounter(db.Model):
    """The last reference number issued in a year; a row per year, updated under a lock."""

    __tablename__ = "reference_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer, default=0)
