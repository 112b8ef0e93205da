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
    if send_acknowledgement(case) and not case.acknowledged_on:
        # The email is the acknowledgement the law's first clock asks for: record it as sent.
        from portal import casework

        casework.acknowledge(case, "email", None, case.received_on)
    _queue(emails.team_notification(case), case)


def send_acknowledgement(case: Case) -> bool:
    """Queue the acknowledgement to the person; False when they gave no email or said it is
    not safe to email them."""
    email = emails.acknowledgement(case)
    _queue(email, case)
    return email is not None


def refer_to_advocacy(case: Case) -> None:
    """Email a young person's wish for an advocate to the provider, if the council asks for
    that, and record it as passed on."""
    email = emails.advocacy_referral(case)
    if email is None:
        return
    _queue(email, case)
    from portal import casework

    casework.record_advocacy(case, "referred", None, case.received_on, "Emailed to the advocacy service.")


def status_changed(case: Case, news: str) -> None:
    """Email the person that their case moved on (a response sent, a new stage, withdrawn or
    closed), in their language, if they gave an email address that is safe to use."""
    _queue(emails.status_update(case, news), case)


def send_tracking_link(case: Case, link: str, minutes: int) -> None:
    _queue(emails.tracking_link(case, link, minutes), case)


def send_save_link(to: str, link: str, until, language: str, young: bool) -> None:
    _queue(emails.save_link(to, link, until, language, young), None)


def _queue(email, case: Case | None) -> None:
    if email is None:
        return
    enqueue(
        email.kind, email.to, email.subject, email.text, email.html,
        language=email.language, case_id=case.id if case else None, reply_to=email.reply_to,
        domain=emails.sender_domain(),
    )


__all__ = [
    "case_received", "refer_to_advocacy", "send_acknowledgement", "send_save_link",
    "send_tracking_link", "status_changed",
]
