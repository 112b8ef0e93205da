"""The worker: claims the emails that are due, sends them, and records what happened to each.

Several workers may run at once (cron overlapping a long pass, or one per server). Each claims
its emails in one statement, so no email is taken twice; a claim lasts MAIL_LEASE_SECONDS, after
which another worker may take over an email whose worker died.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime

from flask import current_app
from sqlalchemy import and_, or_, select, update

from portal.cases import begin_write
from portal.extensions import db
from portal.models import OutboxMessage
from portal.notifications.emails import sender
from portal.notifications.outbox import as_utc, utcnow
from portal.notifications.transport import (
    Transport, Unreachable, describe, is_permanent, transport_for,
)

log = logging.getLogger(__name__)


@dataclass
class Summary:
    """What one pass did."""

    sent: int = 0
    retrying: int = 0
    failed: int = 0
    released: int = 0  # claimed but handed back untried, the claim running short
    lost: int = 0  # taken over by another worker before this one could record the result

    @property
    def handled(self) -> int:
        return self.sent + self.retrying + self.failed


class Unsendable(Exception):
    """The stored email cannot be made into a message (a broken address, say): sending it again
    would fail again, and it must not block the queue."""


@dataclass
class Claimed:
    id: int
    attempts: int
    message: EmailMessage | None
    problem: Unsendable | None = None


def default_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def send_due(limit: int = 50, worker_id: str | None = None,
             transport: Transport | None = None) -> Summary:
    """Send up to `limit` emails that are due. Returns what happened to them."""
    me = worker_id or default_worker_id()
    config = current_app.config
    carrier = transport or transport_for(config)  # a settings mistake shows before any claim
    claimed, lease_until = claim(limit, me)
    summary = Summary()
    if not claimed:
        return summary
    # Stop starting new sends when one might outlast the claim: another worker could take over.
    last_start = lease_until - timedelta(seconds=float(config["MAIL_TIMEOUT"]) * 2)
    with carrier:
        for index, item in enumerate(claimed):
            if utcnow() >= last_start:
                summary.released += release(claimed[index:], me)
                break
            down = send_one(carrier, item, me, summary)
            if down is not None:
                # The server cannot be reached: the rest of this pass would fail the same way.
                for waiting in claimed[index + 1:]:
                    record_failure(waiting, me, down, summary)
                break
    return summary


def send_one(carrier: Transport, item: Claimed, me: str, summary: Summary) -> Unreachable | None:
    """Send one email and record what happened; returns the error if the server is unreachable."""
    try:
        if item.problem is not None:
            raise item.problem
        carrier.send(item.message)
    except Unreachable as error:
        record_failure(item, me, error, summary)
        return error
    except Exception as error:  # noqa: BLE001 (one bad email must not stop the rest)
        record_failure(item, me, error, summary)
    else:
        record_sent(item, me, summary)
    return None


def claim(limit: int, me: str) -> tuple[list[Claimed], datetime]:
    """Take up to `limit` due emails for this worker, in one statement, and count the attempt."""
    now = utcnow()
    config = current_app.config
    # Long enough for a few slow sends whatever the settings, or nothing would ever be tried.
    lease = max(float(config["MAIL_LEASE_SECONDS"]), float(config["MAIL_TIMEOUT"]) * 4)
    until = now + timedelta(seconds=lease)
    due = or_(
        and_(OutboxMessage.status == "pending", OutboxMessage.next_attempt_at <= now),
        and_(OutboxMessage.status == "sending", OutboxMessage.claimed_until < now),
    )
    ids = select(OutboxMessage.id).where(due).order_by(OutboxMessage.id).limit(limit)
    if db.engine.dialect.name == "postgresql":
        ids = ids.with_for_update(skip_locked=True)
    begin_write()
    taken = db.session.scalars(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(ids))
        .values(status="sending", claimed_by=me, claimed_until=until,
                attempts=OutboxMessage.attempts + 1)
        .returning(OutboxMessage.id)
        .execution_options(synchronize_session=False)
    ).all()
    rows = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.id.in_(taken)).order_by(OutboxMessage.id)
        .execution_options(populate_existing=True)
    ).all()
    claimed = [prepare(row) for row in rows]
    db.session.commit()
    return claimed, until


def prepare(row: OutboxMessage) -> Claimed:
    try:
        return Claimed(row.id, row.attempts, compose(row))
    except Exception as error:  # noqa: BLE001 (kept as the email's error, shown by `status`)
        return Claimed(row.id, row.attempts, None, Unsendable(describe(error)))


def compose(row: OutboxMessage) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender()
    message["To"] = row.to_address
    if row.reply_to:
        message["Reply-To"] = row.reply_to
    message["Subject"] = row.subject
    message["Message-ID"] = row.message_id
    # The moment it was written, so a resend is the same email, not a new one.
    message["Date"] = format_datetime(as_utc(row.created_at))
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office loops
    message.set_content(row.body_text)
    if row.body_html:
        message.add_alternative(row.body_html, subtype="html")
    # After the content: setting the content clears every Content-* header.
    message["Content-Language"] = row.language
    return message


def finish(item: Claimed, me: str, **values) -> bool:
    """Record the outcome, if this worker still holds the email."""
    begin_write()
    result = db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == item.id, OutboxMessage.claimed_by == me,
               OutboxMessage.status == "sending")
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return result.rowcount == 1


def record_sent(item: Claimed, me: str, summary: Summary) -> None:
    if finish(item, me, status="sent", sent_at=utcnow(), claimed_until=None, last_error=None):
        summary.sent += 1
    else:
        summary.lost += 1
        log.warning("Outbox email %s was sent, but another worker had taken it over.", item.id)


def record_failure(item: Claimed, me: str, error: BaseException, summary: Summary) -> None:
    config = current_app.config
    reason = str(error) if isinstance(error, Unreachable) else describe(error)
    permanent = is_permanent(error) or isinstance(error, Unsendable)
    if permanent or item.attempts >= int(config["MAIL_MAX_ATTEMPTS"]):
        done = finish(item, me, status="failed", claimed_until=None, last_error=reason)
        outcome = "failed"
    else:
        wait = backoff(item.attempts, config["MAIL_RETRY_SECONDS"],
                       config["MAIL_RETRY_MAX_SECONDS"])
        done = finish(item, me, status="pending", claimed_by=None, claimed_until=None,
                      next_attempt_at=utcnow() + timedelta(seconds=wait), last_error=reason)
        outcome = "retrying"
    if not done:
        summary.lost += 1
        return
    setattr(summary, outcome, getattr(summary, outcome) + 1)
    log.warning("Outbox email %s %s: %s", item.id, outcome, reason)


def backoff(attempts: int, base: float, cap: float) -> float:
    """Seconds to wait after the `attempts`th failure: base, then doubling, at most cap."""
    return min(float(base) * 2 ** max(attempts - 1, 0), float(cap))


def release(items: list[Claimed], me: str) -> int:
    """Hand back emails this worker claimed but did not try; their attempt does not count."""
    begin_write()
    result = db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_([item.id for item in items]),
               OutboxMessage.claimed_by == me, OutboxMessage.status == "sending")
        .values(status="pending", claimed_by=None, claimed_until=None,
                attempts=OutboxMessage.attempts - 1)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return result.rowcount
