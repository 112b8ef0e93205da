"""A one-time link to follow a case: emailed to the address the case was made with."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db


class TrackingLink(db.Model):
    __tablename__ = "tracking_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # A hash of the secret in the link: a copy of the database opens nobody's case.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
