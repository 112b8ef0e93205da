"""Equalities answers: one row per person (the child, or the person who complained) per case.

Kept apart on purpose (UK GDPR Art. 9; DPA 2018 Sch. 1 para 8): no foreign key, no relationship,
nothing on the case that points here. `link` is a keyed hash of the case reference, so only code
holding the key (portal.equality.store, used by the statistics) can tell which case a row
belongs to; anyone reading the cases table, or this one, cannot join the two.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db


class EqualityAnswers(db.Model):
    __tablename__ = "equality_answers"
    __table_args__ = (UniqueConstraint("link", "subject"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    link: Mapped[str] = mapped_column(String(64), index=True)
    subject: Mapped[str] = mapped_column(String(16))  # child | complainant
    # online_form | young_person_form | staff | import
    source: Mapped[str] = mapped_column(String(24))
    # For the retention period, which runs from here.
    recorded_on: Mapped[date] = mapped_column(Date, index=True)
    ethnicity: Mapped[str] = mapped_column(String(40), default="not_recorded")
    ethnicity_text: Mapped[str | None] = mapped_column(String(200))
    sex: Mapped[str] = mapped_column(String(24), default="not_recorded")
    age_band: Mapped[str] = mapped_column(String(24), default="not_recorded")
    condition: Mapped[str] = mapped_column(String(24), default="not_recorded")
    condition_impact: Mapped[str | None] = mapped_column(String(24))
    disability: Mapped[str] = mapped_column(String(24), default="not_recorded")
    religion: Mapped[str] = mapped_column(String(24), default="not_recorded")
    religion_text: Mapped[str | None] = mapped_column(String(200))
    gender_same: Mapped[str] = mapped_column(String(24), default="not_recorded")
    gender_text: Mapped[str | None] = mapped_column(String(200))
    sexual_orientation: Mapped[str] = mapped_column(String(24), default="not_recorded")
    sexual_orientation_text: Mapped[str | None] = mapped_column(String(200))
