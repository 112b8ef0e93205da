"""Figures the annual report sets beside the complaints: how many children the council's
services worked with in a year, in all and by group, and the other measures a council
configures (referrals, looked-after children...). Entered by staff, once a year."""

from __future__ import annotations

from sqlalchemy import Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db

# The Census 2021 high-level ethnic groups, which the reports compare complaints against.
GROUPS = {
    "all": "All children supported",
    "white": "White",
    "mixed": "Mixed or Multiple ethnic groups",
    "asian": "Asian or Asian British",
    "black": "Black, Black British, Caribbean or African",
    "other": "Other ethnic group",
}


# The groups a figure may be broken down by ([[context.measures]] `by` in the configuration).
BREAKDOWNS = {
    "ethnicity": {code: label for code, label in GROUPS.items() if code != "all"},
    "sex": {"female": "Female", "male": "Male"},
}


class ContextFigure(db.Model):
    __tablename__ = "context_figures"
    __table_args__ = (UniqueConstraint("year", "measure", "group_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[str] = mapped_column(String(7))  # "2023-24"
    measure: Mapped[str] = mapped_column(String(40), default="children_supported")
    group_code: Mapped[str] = mapped_column(String(20))
    count: Mapped[int] = mapped_column(Integer)
