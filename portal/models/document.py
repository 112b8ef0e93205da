"""A file someone sent us: held on disk outside the web root under a random name, described here."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db


class Document(db.Model):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # A file added before sending belongs to the draft, then to the case the draft became.
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    draft_id: Mapped[int | None] = mapped_column(ForeignKey("drafts.id"), index=True)
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    # The name the person's computer gave it, for staff to recognise; never used as a path.
    filename: Mapped[str] = mapped_column(String(200))
    # What the content is, found from its bytes (never what the browser said).
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # form (with the complaint) | tracking (sent afterwards)
    source: Mapped[str] = mapped_column(String(16))
