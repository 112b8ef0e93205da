"""Where equalities answers are written, deleted and counted: the only code that can link them
to a case, through a keyed hash of the reference (EQUALITIES_KEY).

Case pages, the queue, exports and the investigating officer never call this module; the
statistics do, and only to count.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from datetime import date
from typing import Any

from flask import current_app
from sqlalchemy import delete, func, select

from portal.domain import equalities as eq
from portal.domain.retention import cutoff
from portal.extensions import db
from portal.models import EqualityAnswers

CODED = ("ethnicity", "sex", "age_band", "disability", "religion", "gender_same",
         "sexual_orientation")
BATCH = 500


def link(reference: str) -> str:
    key = current_app.config["EQUALITIES_KEY"].encode()
    return hmac.new(key, reference.encode(), hashlib.sha256).hexdigest()


def save(reference: str, subject: str, values: dict[str, Any], source: str,
         on: date | None = None) -> None:
    """Write one person's answers for a case, replacing any before (the person changed them).
    The caller commits."""
    if subject not in eq.SUBJECTS:
        raise ValueError(f"unknown subject {subject!r}")
    row = db.session.scalar(select(EqualityAnswers).where(
        EqualityAnswers.link == link(reference), EqualityAnswers.subject == subject))
    if row is None:
        row = EqualityAnswers(link=link(reference), subject=subject)
        db.session.add(row)
    row.source = source
    row.recorded_on = on or date.today()
    for name in CODED:
        setattr(row, name, values.get(name) or eq.NOT_RECORDED)
    for name in ("ethnicity_text", "condition_impact", "religion_text", "gender_text",
                 "sexual_orientation_text"):
        setattr(row, name, values.get(name))
    row.condition = values.get("condition") or eq.NOT_RECORDED


def forget(reference: str, commit: bool = True) -> int:
    """Delete a case's answers (the person asked us to stop: DPA 2018 Sch. 1 para 8(5))."""
    result = db.session.execute(delete(EqualityAnswers).where(EqualityAnswers.link == link(reference)))
    if commit:
        db.session.commit()
    return result.rowcount or 0


def _kept_since(today: date | None) -> date:
    years = current_app.extensions["council"].equalities_retention_years
    return cutoff(today or date.today(), years)


def due(today: date | None = None) -> int:
    """How many sets of answers are older than the council's retention period."""
    return db.session.scalar(select(func.count()).select_from(EqualityAnswers)
                             .where(EqualityAnswers.recorded_on < _kept_since(today)))


def purge(today: date | None = None, commit: bool = True) -> int:
    """Delete the answers older than the council's retention period; returns how many went."""
    result = db.session.execute(delete(EqualityAnswers).where(EqualityAnswers.recorded_on < _kept_since(today)))
    if commit:
        db.session.commit()
    return result.rowcount or 0


def coded_answers(references: Iterable[str]) -> dict[str, dict[str, dict[str, str]]]:
    """For counting only: reference -> subject -> coded measure -> code, for the references
    that have answers. No free text leaves this function."""
    by_link = {link(reference): reference for reference in references}
    links = list(by_link)
    found: dict[str, dict[str, dict[str, str]]] = {}
    for start in range(0, len(links), BATCH):
        rows = db.session.scalars(select(EqualityAnswers).where(
            EqualityAnswers.link.in_(links[start:start + BATCH])))
        for row in rows:
            found.setdefault(by_link[row.link], {})[row.subject] = {
                name: getattr(row, name) for name in CODED}
    return found
