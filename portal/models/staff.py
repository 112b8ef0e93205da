"""People of the complaints team who sign in, and what each may do."""

from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db

# The roles of the back office, from the widest to the narrowest view of cases.
ROLES = {
    "admin": "Administrator",
    "manager": "Complaints manager",
    "officer": "Complaints officer",
    "investigator": "Investigating officer",
    "statistics": "Statistics viewer",
}


class StaffUser(UserMixin, db.Model):
    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(24))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_sign_in_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Sign-in throttling: failures in a row, and when the next try is allowed.
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    @property
    def is_active(self) -> bool:  # Flask-Login asks this
        return self.active

    @property
    def role_name(self) -> str:
        return ROLES.get(self.role, self.role)
