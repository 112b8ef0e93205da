"""Drafts: a person's answers between pages, kept on the server under a random token.

Flask's session cookie is signed, not encrypted, so it carries only the token. A draft expires
after a spell without activity, so that what a person wrote on a shared computer does not stay.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta, timezone
from typing import Any

from flask import current_app, g, session
from sqlalchemy import delete, select

from portal.extensions import db
from portal.models import Draft

SESSION_KEY = "drafts"


def now() -> datetime:
    return datetime.now(timezone.utc)


def aware(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything we store is UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _idle() -> timedelta:
    return timedelta(minutes=current_app.config["DRAFT_IDLE_MINUTES"])


def load(journey: str) -> Draft | None:
    """The person's open draft for this journey, if it has not expired or been sent."""
    token = session.get(SESSION_KEY, {}).get(journey)
    if not token:
        return None
    draft = db.session.scalar(select(Draft).where(Draft.token == token))
    if draft is None or aware(draft.expires_at) < now():
        if draft is not None and draft.case_id is None:
            from portal.documents import store

            files = store.forget_drafts([draft.id])
            db.session.delete(draft)
            db.session.commit()
            store.discard_names(files)
        g.draft_expired = True
        forget(journey)
        return None
    return draft


def start(journey: str) -> Draft:
    moment = now()
    draft = Draft(
        token=secrets.token_urlsafe(32), journey=journey, answers={},
        updated_at=moment, expires_at=moment + _idle(),
    )
    db.session.add(draft)
    db.session.flush()
    tokens = dict(session.get(SESSION_KEY, {}))
    tokens[journey] = draft.token
    session[SESSION_KEY] = tokens
    session.permanent = True
    return draft


# What was typed on a page that was not finished when the person chose to save and leave: kept
# beside the answers (never one of them) and shown on that page when they come back.
UNFINISHED = "_unfinished"


def save_page(draft: Draft, slug: str, page_answers: dict[str, Any]) -> None:
    moment = now()
    unfinished = {k: v for k, v in (draft.answers or {}).get(UNFINISHED, {}).items() if k != slug}
    # A new dict, so that SQLAlchemy sees the JSON column change.
    draft.answers = {**(draft.answers or {}), slug: page_answers, UNFINISHED: unfinished}
    draft.updated_at = moment
    # A saved draft keeps its saved days; any other lasts while the person keeps going.
    draft.expires_at = max(moment + _idle(), aware(draft.saved_until or moment))
    db.session.commit()


def save_unfinished(draft: Draft, slug: str, formdata) -> None:
    """Keep what was typed on a page whose answer is not whole yet, as typed."""
    typed = {name: formdata.getlist(name) for name in formdata if name not in ("csrf_token", "save", "change")}
    unfinished = {**(draft.answers or {}).get(UNFINISHED, {}), slug: typed}
    draft.answers = {**(draft.answers or {}), UNFINISHED: unfinished}
    draft.updated_at = now()
    db.session.commit()


def unfinished(draft: Draft | None, slug: str):
    """What was typed on this page before saving to come back later, as form data; or None."""
    typed = ((draft.answers or {}).get(UNFINISHED, {}) if draft else {}).get(slug)
    if not typed:
        return None
    from werkzeug.datastructures import MultiDict

    return MultiDict([(name, value) for name, values in typed.items() for value in values])


def forget(journey: str) -> None:
    tokens = dict(session.get(SESSION_KEY, {}))
    tokens.pop(journey, None)
    session[SESSION_KEY] = tokens


def purge_expired() -> int:
    """Delete expired drafts that never became a case; returns how many went."""
    from portal.documents import store

    gone = select(Draft.id).where(Draft.expires_at < now(), Draft.case_id.is_(None))
    files = store.forget_drafts(list(db.session.scalars(gone)))
    result = db.session.execute(
        delete(Draft).where(Draft.expires_at < now(), Draft.case_id.is_(None))
    )
    db.session.commit()
    store.discard_names(files)
    return result.rowcount or 0
