"""What happened to a case (its timeline) and who looked at or changed what (the audit trail).

Neither has an edit or delete route anywhere in the application: rows are only ever added.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db


class CaseEvent(db.Model):
    __tablename__ = "case_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    # When it was recorded, and the day it counts from (a letter received last Friday).
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(40))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    data: Mapped[dict] = mapped_column(JSON, default=dict)


class AuditEntry(db.Model):
    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    action: Mapped[str] = mapped_column(String(16))  # view | change | sign_in | export ...
    target: Mapped[str] = mapped_column(String(80))  # e.g. "case:CSC-2026-00042"
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    address: Mapped[str | None] = mapped_column(String(64))
