"""Answers in progress, held on the server: the browser only carries a random token."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db


class Draft(db.Model):
    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    journey: Mapped[str] = mapped_column(String(24))
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    # "Save and come back later": a hash of the secret in the emailed link or the code written
    # down (never the secret itself), and the day until which it opens these answers.
    resume_hash: Mapped[str | None] = mapped_column(String(64), index=True, unique=True)
    saved_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
