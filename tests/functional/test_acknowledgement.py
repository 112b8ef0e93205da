"""The emails a submission causes, delivered through a real SMTP server."""

from __future__ import annotations

from babel.dates import format_date
from sqlalchemy import select

from portal.extensions import db
from portal.models import Case, OutboxMessage
from portal.notifications.worker import send_due
from tests.journeys import COMPLAINT, COMPLIMENT
from tests.smtp import (  # noqa: F401 (smtp_server is a fixture)
    html_of, mail_settings, smtp_server, smtp_settings, submit, text_of,
)

PERSON = "alex.jones@example.com"
TEAM = "childrens.complaints@example.org.uk"


def deliver(app, server) -> None:
    with mail_settings(app, **smtp_settings(server)), app.app_context():
        send_due()


def the_case(app, reference: str) -> Case:
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.reference == reference))
        db.session.expunge(case)
        return case


def with_answer(steps, slug: str, **changes):
    return [(s, {**d, **changes} if s == slug else d) for s, d in steps]


def test_a_complaint_gets_one_acknowledgement_and_the_team_one_notification(
        app, client, smtp_server):
    reference = submit(client, COMPLAINT)
    promised = client.get("/tell-us/sent").soup.get_text(" ", strip=True)
    deliver(app, smtp_server)
    case = the_case(app, reference)

    [ack] = smtp_server.to(PERSON)
    assert ack["Subject"] == f"We have received your complaint: {reference}"
    assert ack["Reply-To"] == TEAM
    assert ack["From"].addresses[0].addr_spec == "no-reply@example.org.uk"
    assert ack["Content-Language"] == "en"
    text, html = text_of(ack), html_of(ack)
    ack_by = format_date(case.acknowledge_due_on, "EEEE d MMMM y", locale="en")
    reply_by = format_date(case.response_due_on, "EEEE d MMMM y", locale="en")
    for body in (text, html):
        assert reference in body and "Assessment and family support" in body
        assert "This email confirms that we have received your complaint" in body
        assert f"full reply by {reply_by}" in body
        assert "Children Act 1989" in body and "Northbrook Young People" in body
        assert "0808 800 0000" in body and "NB1 1AA" in body
    # The same dates as the confirmation page promised.
    assert "We have sent you an email to confirm" in promised and f"full reply by {reply_by}" in promised
    # The email is the acknowledgement: it is recorded, on the day, for the statistics.
    assert case.acknowledged_on == case.received_on and case.acknowledged_by == "email"
    assert '<html lang="en-GB" dir="ltr">' in html and "<script" not in html and "<img" not in html

    [team] = smtp_server.to(TEAM)
    assert team["Subject"] == f"New complaint: {reference}"
    assert f"/staff/cases/{reference}" in text_of(team)
    assert f"Acknowledged: by email, {format_date(case.received_on, 'EEEE d MMMM y', locale='en')}" in text_of(team)
    assert ack_by
    assert len(smtp_server.messages) == 2
    with app.app_context():
        ids = set(db.session.scalars(select(OutboxMessage.message_id)))
    assert ids == {ack["Message-ID"], team["Message-ID"]}


def test_a_welsh_complaint_gets_its_email_in_welsh(app, client, smtp_server):
    client.get("/language/cy?next=/", expect=303)
    reference = submit(client, COMPLAINT)
    deliver(app, smtp_server)
    case = the_case(app, reference)
    assert case.language == "cy"

    [ack] = smtp_server.to(PERSON)
    text = text_of(ack)
    assert ack["Content-Language"] == "cy" and '<html lang="cy" dir="ltr">' in html_of(ack)
    assert reference in ack["Subject"] and reference in text
    # Texts that already have their Welsh: dates, the advocacy heading, the council's own texts.
    assert format_date(case.response_due_on, "EEEE d MMMM y", locale="cy") in text
    assert "Help gan eiriolwr" in text and "Help from an advocate" not in text
    assert "Asesu a chymorth i deuluoedd" in text and "Tîm Cwynion Plant" in text
    # The team reads English whatever language the person used.
    [team] = smtp_server.to(TEAM)
    assert team["Subject"] == f"New complaint: {reference}"
    assert "Language: Welsh" in text_of(team)
    assert '<html lang="en-GB" dir="ltr">' in html_of(team) and "Language: Welsh" in html_of(team)


def test_no_email_holds_the_childs_name_or_what_the_person_wrote(app, client, smtp_server):
    submit(client, COMPLAINT)
    deliver(app, smtp_server)
    assert len(smtp_server.messages) == 2
    for message in smtp_server.messages:
        whole = message["Subject"] + text_of(message) + html_of(message)
        for secret in ["Sam Jones", "Sam", "missed three visits", "named worker", "Alex Jones"]:
            assert secret not in whole, (secret, message["To"])


def test_no_email_goes_to_a_person_who_said_email_may_not_be_safe(app, client, smtp_server):
    steps = []
    for slug, data in COMPLAINT:
        if slug == "safe-contact":
            steps += [(slug, {"safe": "no"}), ("safe-contact-how", {"safe_how": "Only after 6pm"})]
        else:
            steps.append((slug, data))
    reference = submit(client, steps)
    deliver(app, smtp_server)
    assert smtp_server.to(PERSON) == []
    [team] = smtp_server.to(TEAM)
    assert reference in team["Subject"]
    assert "may not be safe" in text_of(team) and "Only after 6pm" not in text_of(team)


def test_a_compliment_without_an_email_address_only_tells_the_team(app, client, smtp_server):
    reference = submit(client, COMPLIMENT)
    deliver(app, smtp_server)
    [team] = smtp_server.messages
    assert team["To"].addresses[0].addr_spec == TEAM
    assert team["Subject"] == f"New compliment: {reference}"


def test_a_compliment_with_an_email_address_gets_a_short_thank_you(app, client, smtp_server):
    steps = with_answer(COMPLIMENT, "contact", method="email") + [
        ("contact-details", {"email": PERSON}), ("safe-contact", {"safe": "yes"}),
    ]
    reference = submit(client, steps)
    deliver(app, smtp_server)
    [thanks] = smtp_server.to(PERSON)
    assert thanks["Subject"] == f"Thank you for your compliment: {reference}"
    text = text_of(thanks)
    assert reference in text and "We will pass it to the people it is about." in text
    assert "Help from an advocate" not in text and "full reply" not in text


def test_an_urdu_complaint_gets_its_email_in_urdu_written_right_to_left(app, client, smtp_server):
    client.get("/language/ur?next=/", expect=303)
    needs = [("support", {"support": "interpreter", "interpreter_language": "Pahari", "other_support": ""})
             if slug == "support" else (slug, data) for slug, data in COMPLAINT]
    reference = submit(client, needs)
    deliver(app, smtp_server)
    case = the_case(app, reference)
    assert case.language == "ur" and case.interpreter == "Pahari"

    [ack] = smtp_server.to(PERSON)
    text, html = text_of(ack), html_of(ack)
    assert ack["Content-Language"] == "ur" and '<html lang="ur" dir="rtl">' in html
    assert "ہمیں" in ack["Subject"] or "شکایت" in ack["Subject"]
    # The reference keeps its order in the right-to-left subject and text: isolated left to right.
    assert f"\u2066{reference}\u2069" in ack["Subject"] and f"\u2066{reference}\u2069" in text
    # Kept on one line too (no-break spaces), in the page and in the text.
    assert '<bdi dir="ltr">01632\u00a0960\u00a0222</bdi>' in html and "\u206601632\u00a0960\u00a0222\u2069" in text
    assert format_date(case.response_due_on, "full", locale="ur") in text
    # The team reads English, with the language and the interpreter the person asked for.
    [team] = smtp_server.to(TEAM)
    assert "Language: Urdu (اردو) (reply in this language)" in text_of(team)
    assert "Interpreter needed: Pahari" in text_of(team)
