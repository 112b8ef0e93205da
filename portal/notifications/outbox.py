"""The outbox: emails saved with the event that causes them, sent later by the worker."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

from sqlalchemy import func, select

from portal.extensions import db
from portal.models import OutboxMessage
from portal.models.outbox import KINDS


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def as_utc(moment: datetime | None) -> datetime | None:
    """SQLite gives back naive datetimes; every datetime stored here is UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=timezone.utc)


def make_message_id(domain: str) -> str:
    return f"<{uuid.uuid4().hex}@{domain}>"


def enqueue(
    kind: str, to_address: str, subject: str, body_text: str, body_html: str | None = None, *,
    language: str = "en", case_id: int | None = None, reply_to: str | None = None,
    domain: str = "portal.invalid",
) -> OutboxMessage:
    """Add an email to the session's transaction. Never commits: the caller's commit saves the
    email with the event that caused it, or neither."""
    if kind not in KINDS:
        raise ValueError(f"kind: expected one of {list(KINDS)}, got {kind!r}")
    now = utcnow()
    message = OutboxMessage(
        created_at=now, kind=kind, case_id=case_id, to_address=to_address, reply_to=reply_to,
        subject=subject, body_text=body_text, body_html=body_html, language=language,
        message_id=make_message_id(domain), status="pending", attempts=0, next_attempt_at=now,
    )
    db.session.add(message)
    return message


def counts() -> dict[str, int]:
    """How many emails are in each state."""
    rows = db.session.execute(
        select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
    )
    found = dict(rows.all())
    return {status: found.get(status, 0) for status in ("pending", "sending", "sent", "failed")}


def failed(limit: int = 50) -> list[OutboxMessage]:
    return list(db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.status == "failed")
        .order_by(OutboxMessage.id.desc()).limit(limit)
    ))


def retry(ids: list[int]) -> int:
    """Put failed emails back in the queue, for when what stopped them has been put right."""
    messages = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.id.in_(ids), OutboxMessage.status == "failed")
    ).all()
    for message in messages:
        message.status, message.attempts, message.next_attempt_at = "pending", 0, utcnow()
        message.claimed_by = message.claimed_until = None
    db.session.commit()
    return len(messages)
