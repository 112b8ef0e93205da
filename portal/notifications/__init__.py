"""Emails: what a new case sends, saved in the outbox with the case and sent by the worker."""

from __future__ import annotations

from portal.extensions import db
from portal.models import Case
from portal.notifications import emails
from portal.notifications.outbox import enqueue


def case_received(case: Case) -> None:
    """Queue the acknowledgement (if the person can have one) and the team's notification.

    Runs inside the transaction that makes the case: the emails are saved with it or not at all.
    """
    if case.id is None:
        db.session.flush()  # the emails point at the case
    domain = emails.sender_domain()
    for email in (emails.acknowledgement(case), emails.team_notification(case)):
        if email is None:
            continue
        enqueue(
            email.kind, email.to, email.subject, email.text, email.html,
            language=email.language, case_id=case.id, reply_to=email.reply_to, domain=domain,
        )


__all__ = ["case_received"]
