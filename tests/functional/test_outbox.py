"""The outbox and its worker: nothing lost, nothing sent twice, failures in plain view."""

from __future__ import annotations

import email
import email.policy
import threading
from datetime import timedelta

from sqlalchemy import func, select, update

from portal.extensions import db
from portal.models import OutboxMessage
from portal.notifications.outbox import as_utc, enqueue, utcnow
from portal.notifications.worker import send_due
from tests.journeys import COMPLAINT
from tests.smtp import (  # noqa: F401 (smtp_server is a fixture)
    mail_settings, smtp_server, smtp_settings, submit, text_of,
)

PERSON = "alex.jones@example.com"


def rows(app) -> list[OutboxMessage]:
    with app.app_context():
        found = list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
        db.session.expunge_all()
        return found


def acknowledgement(app) -> OutboxMessage:
    return next(row for row in rows(app) if row.kind == "acknowledgement")


def make_due(app) -> None:
    with app.app_context():
        db.session.execute(update(OutboxMessage).values(next_attempt_at=utcnow()))
        db.session.commit()


def pass_(app, **kw):
    with app.app_context():
        return send_due(**kw)


def queue(app, count: int) -> None:
    with app.app_context():
        for n in range(count):
            enqueue("team_notification", f"team+{n}@example.org.uk", f"Test {n}", f"Body {n}",
                    domain="example.org.uk")
        db.session.commit()


def test_enqueue_leaves_the_commit_to_the_event_that_causes_the_email(app):
    with app.app_context():
        enqueue("team_notification", "team@example.org.uk", "Subject", "Body")
        db.session.rollback()
        assert db.session.scalar(select(func.count()).select_from(OutboxMessage)) == 0


def test_an_email_waits_while_the_server_is_down_and_is_sent_once_it_is_back(
        app, client, smtp_server):
    smtp_server.stop()
    with mail_settings(app, **smtp_settings(smtp_server)):
        reference = submit(client, COMPLAINT)
        assert reference.startswith("CSC-")
        summary = pass_(app)
        assert (summary.sent, summary.retrying) == (0, 2)
        waiting = acknowledgement(app)
        assert waiting.status == "pending" and waiting.attempts == 1
        assert as_utc(waiting.next_attempt_at) > utcnow() + timedelta(seconds=30)
        assert "Could not connect to the mail server" in waiting.last_error
        assert pass_(app).handled == 0, "not tried again before its time"

        smtp_server.start()
        make_due(app)
        assert pass_(app).sent == 2
        assert pass_(app).handled == 0
    [ack] = smtp_server.to(PERSON)
    assert ack["Message-ID"] == waiting.message_id and reference in text_of(ack)
    done = acknowledgement(app)
    assert done.status == "sent" and done.sent_at and done.attempts == 2


def test_an_email_fails_after_its_last_attempt(app, smtp_server):
    queue(app, 1)
    smtp_server.stop()
    with mail_settings(app, **smtp_settings(smtp_server), MAIL_MAX_ATTEMPTS=2,
                       MAIL_RETRY_SECONDS=0):
        assert pass_(app).retrying == 1
        assert pass_(app).failed == 1
        assert pass_(app).handled == 0
    [row] = rows(app)
    assert row.status == "failed" and row.attempts == 2 and "Connection refused" in row.last_error


def test_two_workers_at_once_send_each_email_exactly_once(app, smtp_server):
    queue(app, 30)
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def work(name: str) -> None:
        try:
            with app.app_context():
                start.wait()
                while send_due(limit=3, worker_id=name).handled:
                    pass
        except BaseException as error:  # noqa: BLE001 (reported by the test below)
            errors.append(error)

    with mail_settings(app, **smtp_settings(smtp_server)):
        workers = [threading.Thread(target=work, args=(f"worker-{n}",)) for n in (1, 2)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(30)
    assert not errors, errors
    ids = smtp_server.message_ids()
    assert len(ids) == 30 and len(set(ids)) == 30
    assert {row.status for row in rows(app)} == {"sent"}
    assert {row.message_id for row in rows(app)} == set(ids)


def test_a_refused_recipient_fails_at_once_in_plain_view_and_is_not_sent_again(
        app, client, smtp_server):
    smtp_server.refuse(PERSON)
    runner = app.test_cli_runner()
    with mail_settings(app, **smtp_settings(smtp_server)):
        submit(client, COMPLAINT)
        sent = runner.invoke(args=["outbox", "send"])
        assert "Sent 1, retrying later 0, failed 1." in sent.output
        failed = acknowledgement(app)
        assert failed.status == "failed" and failed.attempts == 1
        assert "550" in failed.last_error and "No such user" in failed.last_error
        status = runner.invoke(args=["outbox", "status"]).output
        assert "failed: 1" in status and PERSON in status and "550 5.1.1 No such user" in status

        make_due(app)
        again = runner.invoke(args=["outbox", "send"]).output
        assert again.startswith("Sent 0, retrying later 0, failed 0.")
        assert smtp_server.to(PERSON) == [] and len(smtp_server.messages) == 1

        # Once the address is put right, the email can be queued again by hand.
        smtp_server.accept(PERSON)
        assert "Queued 1" in runner.invoke(args=["outbox", "retry", str(failed.id)]).output
        runner.invoke(args=["outbox", "send"])
    assert len(smtp_server.to(PERSON)) == 1


def test_a_busy_mailbox_is_tried_again_later(app, smtp_server):
    queue(app, 1)
    smtp_server.refuse("team+0@example.org.uk", "450 4.2.1 Mailbox busy, try later")
    with mail_settings(app, **smtp_settings(smtp_server)):
        assert pass_(app).retrying == 1
        [row] = rows(app)
        assert row.status == "pending" and "450" in row.last_error
        smtp_server.accept("team+0@example.org.uk")
        make_due(app)
        assert pass_(app).sent == 1
    assert len(smtp_server.messages) == 1


def test_an_email_whose_worker_died_is_taken_over_when_its_claim_runs_out(app, smtp_server):
    queue(app, 1)
    with app.app_context():
        db.session.execute(update(OutboxMessage).values(
            status="sending", claimed_by="dead-worker", attempts=1,
            claimed_until=utcnow() - timedelta(seconds=1)))
        db.session.commit()
    with mail_settings(app, **smtp_settings(smtp_server)):
        assert pass_(app, worker_id="new-worker").sent == 1
    [row] = rows(app)
    assert row.status == "sent" and row.claimed_by == "new-worker"
    assert len(smtp_server.messages) == 1


def test_without_a_mail_server_emails_are_written_as_files(app, client, tmp_path):
    folder = tmp_path / "outbox"
    with mail_settings(app, MAIL_HOST="", MAIL_FILE_DIR=str(folder)):
        reference = submit(client, COMPLAINT)
        result = app.test_cli_runner().invoke(
            args=["outbox", "run", "--passes", "2", "--interval", "0"])
    assert "Sent 2" in result.output and result.exit_code == 0
    files = sorted(folder.glob("*.eml"))
    assert len(files) == 2
    messages = [email.message_from_bytes(f.read_bytes(), policy=email.policy.default)
                for f in files]
    [ack] = [m for m in messages if m["To"].addresses[0].addr_spec == PERSON]
    assert ack["Subject"] == f"We have received your complaint: {reference}"
    assert ack["Message-ID"].strip("<>") in files[messages.index(ack)].name
    assert reference in text_of(ack)


def test_an_email_that_cannot_be_made_fails_without_holding_up_the_others(app, smtp_server):
    with app.app_context():
        enqueue("team_notification", "team@example.org.uk\nBcc: x@example.com", "Broken", "Body")
        db.session.commit()
    queue(app, 1)
    with mail_settings(app, **smtp_settings(smtp_server)):
        summary = pass_(app)
    assert (summary.sent, summary.failed) == (1, 1)
    broken = rows(app)[0]
    assert broken.status == "failed" and broken.last_error
    assert len(smtp_server.messages) == 1 and "Bcc" not in str(smtp_server.messages[0])
