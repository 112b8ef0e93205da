"""One-time links to follow a case, and the short spell of access one of them opens.

Asking needs the reference and the email address the case was made with; the link goes only to
that address. Whatever was typed, the answer on screen is the same, so a guessed reference
learns nothing. Only a hash of the link's secret is stored.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta, timezone

from flask import current_app, session
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Case, TrackingLink
from portal.notifications.emails import wants_acknowledgement

GRANT_KEY = "tracking"


def now() -> datetime:
    return datetime.now(timezone.utc)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def minutes() -> int:
    return current_app.config["TRACKING_LINK_MINUTES"]


def matching_case(reference: str, email: str) -> Case | None:
    """The case with this reference made with this email address, if we may email it."""
    reference = "".join(reference.split()).upper()
    case = db.session.scalar(select(Case).where(func.upper(Case.reference) == reference))
    if case is None or not case.contact_email:
        return None
    if case.contact_email.strip().casefold() != email.strip().casefold():
        return None
    # Someone who said email may not be safe is not sent one, even one they asked for here.
    return case if wants_acknowledgement(case) else None


def new_link(case: Case) -> str:
    """Make a link for `case`; returns its secret. Never commits (the email goes with it)."""
    secret = secrets.token_urlsafe(32)
    moment = now()
    db.session.add(TrackingLink(token_hash=digest(secret), case_id=case.id, created_at=moment,
                                expires_at=moment + timedelta(minutes=minutes())))
    return secret


def usable(secret: str) -> TrackingLink | None:
    link = db.session.scalar(select(TrackingLink).where(TrackingLink.token_hash == digest(secret)))
    if link is None or link.used_at is not None or _aware(link.expires_at) < now():
        return None
    return link


def spend(link: TrackingLink) -> None:
    """Use the link up and let this browser see its case for a while."""
    link.used_at = now()
    db.session.commit()
    session[GRANT_KEY] = {"case": link.case_id, "until": (now() + timedelta(minutes=minutes())).isoformat()}


def granted_case() -> Case | None:
    """The case this browser may see, if its spell has not run out; each visit renews it."""
    grant = session.get(GRANT_KEY)
    if not grant:
        return None
    if datetime.fromisoformat(grant["until"]) < now():
        session.pop(GRANT_KEY, None)
        return None
    session[GRANT_KEY] = {**grant, "until": (now() + timedelta(minutes=minutes())).isoformat()}
    return db.session.get(Case, grant["case"])


def end() -> None:
    session.pop(GRANT_KEY, None)
