"""How a complaint was handled: its stages, issues and outcomes, ADR, remedies and learning.

These are the facts the annual statistics count (see portal.domain.statistics, later) and the
case exchange format carries (EXCHANGE.md): dates, not states, so that any year can be counted.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db


class CaseStage(db.Model):
    __tablename__ = "case_stages"
    __table_args__ = (UniqueConstraint("case_id", "stage"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    stage: Mapped[int] = mapped_column(Integer)  # 1, 2 or 3
    requested_on: Mapped[date | None] = mapped_column(Date)
    started_on: Mapped[date | None] = mapped_column(Date, index=True)
    extended: Mapped[bool] = mapped_column(Boolean, default=False)
    responded_on: Mapped[date | None] = mapped_column(Date, index=True)
    outcome: Mapped[str | None] = mapped_column(String(24))
    late_reason: Mapped[str | None] = mapped_column(String(32))
    # Stage 2: the investigating officer and the independent person; Stage 3: the panel.
    investigating_officer: Mapped[str | None] = mapped_column(String(200))
    independent_person: Mapped[str | None] = mapped_column(String(200))
    panel_on: Mapped[date | None] = mapped_column(Date)
    report_on: Mapped[date | None] = mapped_column(Date)


class CaseIssue(db.Model):
    """One issue of a complaint: its category and its outcome (counted per issue)."""

    __tablename__ = "case_issues"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    stage: Mapped[int] = mapped_column(Integer, default=1)
    category: Mapped[str] = mapped_column(String(60))
    outcome: Mapped[str | None] = mapped_column(String(24))
    summary: Mapped[str | None] = mapped_column(Text)


class AdrMeeting(db.Model):
    __tablename__ = "adr_meetings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


class Remedy(db.Model):
    __tablename__ = "remedies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    stage: Mapped[str] = mapped_column(String(12))  # "1", "2", "3" or "ombudsman"
    kind: Mapped[str] = mapped_column(String(20))  # apology | service_action | financial
    amount_pence: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text)


class LearningAction(db.Model):
    """"You said, we did": what a complaint taught, who owns the change, and how it stands."""

    __tablename__ = "learning_actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    you_said: Mapped[str] = mapped_column(Text)
    we_did: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | done
