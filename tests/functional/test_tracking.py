"""Track my complaint: a one-time link to the address the case was made with, a page that
follows the case, replies and withdrawal, and status emails; nothing for a wrong guess."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from portal.extensions import db
from portal.models import Case, CaseEvent, OutboxMessage, TrackingLink
from tests.conftest import CheckingClient, redirect_path, sign_in, submit_complaint

EMAIL = "alex.jones@example.com"


def words(page) -> str:
    return " ".join(page.soup.get_text(" ").split())


def ask(app, reference: str, email: str = EMAIL) -> CheckingClient:
    client = CheckingClient(app.test_client())
    form = client.get("/track")
    asked = client.post("/track", {"reference": reference, "email": email, "csrf_token": form.csrf()})
    assert redirect_path(asked) == "/track/asked"
    return client


def links_sent(app) -> list[OutboxMessage]:
    with app.app_context():
        return list(db.session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "tracking_link")))


def link_path(message: OutboxMessage) -> str:
    return re.search(r"https?://[^/\s]+(/track/open/\S+)", message.body_text).group(1)


def open_case(app, reference: str, email: str = EMAIL) -> CheckingClient:
    """Ask for a link, open it and press the button: the page that follows the case."""
    client = ask(app, reference, email)
    path = link_path(links_sent(app)[-1])
    page = client.get(path)
    opened = client.post(path, {"csrf_token": page.csrf()})
    assert redirect_path(opened) == "/track/case"
    return client


def act(client, reference, action, data):
    page = client.get(f"/staff/cases/{reference}")
    return client.post(f"/staff/cases/{reference}/{action}", {**data, "csrf_token": page.csrf()})


def test_the_link_goes_to_the_address_the_case_was_made_with(app):
    reference = submit_complaint(CheckingClient(app.test_client()))
    client = ask(app, reference.lower(), EMAIL.upper())
    sent = links_sent(app)
    assert len(sent) == 1 and sent[0].to_address == EMAIL
    assert "missed three visits" not in sent[0].body_text
    page = client.get("/track/asked")
    assert "If the reference number and email address match what we have" in words(page)


def test_a_guessed_reference_or_a_wrong_address_reveals_nothing_and_sends_nothing(app):
    reference = submit_complaint(CheckingClient(app.test_client()))
    right = words(ask(app, reference).get("/track/asked"))
    for guess, email in ((reference, "someone.else@example.com"), ("CSC-2026-99999", EMAIL), ("CSC-2026-99999", "x@example.com")):
        client = ask(app, guess, email)
        assert words(client.get("/track/asked")) == right
        assert client.get("/track/case", expect=403).h1 == "For your security, this page has closed"
    assert len(links_sent(app)) == 1


def test_the_link_works_once_and_the_scanner_visit_does_not_use_it(app):
    reference = submit_complaint(CheckingClient(app.test_client()))
    client = ask(app, reference)
    path = link_path(links_sent(app)[0])
    first = client.get(path)
    assert reference not in first.text, "nothing of the case before the button is pressed"
    again = client.get(path)  # a mail program's scanner, or a second look
    client.post(path, {"csrf_token": again.csrf()})
    page = client.get("/track/case")
    assert reference in words(page)
    assert CheckingClient(app.test_client()).get(path, expect=410).h1 == "This link has expired"


def test_an_expired_link_opens_nothing(app):
    reference = submit_complaint(CheckingClient(app.test_client()))
    client = ask(app, reference)
    with app.app_context():
        link = db.session.scalar(select(TrackingLink))
        link.expires_at = datetime.now(timezone.utc) - timedelta(seconds=1)
        db.session.commit()
    assert client.get(link_path(links_sent(app)[0]), expect=410).h1 == "This link has expired"


def test_one_persons_link_opens_their_case_and_never_another(app):
    mine = submit_complaint(CheckingClient(app.test_client()))
    theirs = submit_complaint(CheckingClient(app.test_client()), {"contact-details": {"email": "other@example.com"}})
    client = open_case(app, mine)
    page = words(client.get("/track/case"))
    assert mine in page and theirs not in page
    other = open_case(app, theirs, "other@example.com")
    assert theirs in words(other.get("/track/case")) and mine not in words(other.get("/track/case"))
    # Each link was made for one case; nothing in a request chooses the case.
    with app.app_context():
        links = db.session.scalars(select(TrackingLink).order_by(TrackingLink.id)).all()
        cases = {c.id: c.reference for c in db.session.scalars(select(Case))}
        assert [cases[link.case_id] for link in links] == [mine, theirs]


def test_nobody_who_said_email_is_unsafe_is_sent_a_link(app):
    reference = submit_complaint(CheckingClient(app.test_client()))
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.reference == reference))
        case.answers = {**case.answers, "safe-contact": {"safe": "no"}}  # as if they had said so
        db.session.commit()
    ask(app, reference)
    assert links_sent(app) == []


def test_the_page_shows_the_stage_the_dates_and_the_emails_we_sent(app):
    reference = submit_complaint(CheckingClient(app.test_client()))
    page = open_case(app, reference).get("/track/case")
    text = words(page)
    assert page.h1 == "Your complaint"
    assert "Where it is now" in text
    assert "Stage 1: we are looking into your complaint." in text  # acknowledged by the email
    dates = page.soup.select_one("#dates").get_text(" ", strip=True)
    assert "We acknowledge it" in dates and "Our response" in dates
    assert f"We have received your complaint: {reference}" in text
    assert "missed three visits" not in text, "what they wrote is not shown back"


def test_more_information_and_files_reach_the_case_and_the_queue(app):
    reference = submit_complaint(CheckingClient(app.test_client()))
    client = open_case(app, reference)
    form = client.get("/track/case/add")
    sent = client.post("/track/case/add", {
        "text": "The visit on Monday was missed too.", "csrf_token": form.csrf(),
        "files": [(__import__("io").BytesIO(b"%PDF-1.4\n% a letter\n"), "letter from school.pdf")],
    }, content_type="multipart/form-data")
    assert redirect_path(sent) == "/track/case"
    page = client.get("/track/case")
    assert "Thank you. We have added what you sent to your case." in words(page)
    assert "letter from school.pdf" in page.soup.select_one("#sent").get_text()
    officer = sign_in(app, "officer")
    queue = officer.get("/staff/")
    row = next(r for r in queue.soup.select("tbody tr") if reference in r.get_text())
    assert "New information" in row.get_text()
    case_page = officer.get(f"/staff/cases/{reference}")
    assert "They sent more information" in words(case_page)
    assert "The visit on Monday was missed too." in case_page.soup.select_one(".portal-timeline").get_text()
    download = case_page.soup.select_one("#documents a")["href"]
    got = officer.client.get(download)
    assert got.status_code == 200 and got.data.startswith(b"%PDF-1.4")
    assert got.headers["Content-Type"] == "application/pdf"
    assert "attachment" in got.headers["Content-Disposition"]
    act(officer, reference, "seen", {})
    row = next(r for r in officer.get("/staff/").soup.select("tbody tr") if reference in r.get_text())
    assert "New information" not in row.get_text()


def test_an_empty_reply_is_refused_with_a_message(app):
    reference = submit_complaint(CheckingClient(app.test_client()))
    client = open_case(app, reference)
    form = client.get("/track/case/add")
    page = client.post("/track/case/add", {"text": " ", "csrf_token": form.csrf()}, expect=400)
    assert page.errors() == ["Write your message or choose a file"]


def test_withdrawing_asks_the_team_who_confirm_and_the_person_is_told(app):
    reference = submit_complaint(CheckingClient(app.test_client()))
    client = open_case(app, reference)
    form = client.get("/track/case/withdraw")
    client.post("/track/case/withdraw", {"reason": "It has been sorted out.", "csrf_token": form.csrf()})
    page = client.get("/track/case")
    assert "You asked us to withdraw your complaint." in words(page)
    assert not page.soup.find("a", href="/track/case/withdraw"), "asked once only"
    officer = sign_in(app, "officer")
    assert "They asked to withdraw" in words(officer.get(f"/staff/cases/{reference}"))
    act(officer, reference, "withdraw", {"reason": "Confirmed by phone."})
    with app.app_context():
        news = db.session.scalar(select(OutboxMessage).where(OutboxMessage.kind == "status_update"))
        assert news.to_address == EMAIL
        assert f"Your complaint {reference} is withdrawn." in news.body_text
    assert "Withdrawn on" in words(client.get("/track/case"))


def test_a_response_and_a_new_stage_are_emailed_in_the_persons_language(app):
    person = CheckingClient(app.test_client())
    person.get("/language/pl?next=/", expect=303)
    reference = submit_complaint(person)
    officer = sign_in(app, "officer")
    act(officer, reference, "respond", {"outcome": "not_upheld"})
    act(officer, reference, "escalate", {})
    with app.app_context():
        news = db.session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "status_update")
                                  .order_by(OutboxMessage.id)).all()
    assert [n.language for n in news] == ["pl", "pl"]
    assert all(reference in n.subject for n in news)
    assert "News about" not in news[0].subject, "in Polish, not English"


def test_a_person_who_gave_no_email_is_sent_no_status_email(app):
    from tests.journeys import BY_PHONE

    reference = submit_complaint(CheckingClient(app.test_client()), BY_PHONE)
    officer = sign_in(app, "officer")
    act(officer, reference, "respond", {"outcome": "upheld"})
    with app.app_context():
        assert db.session.scalar(select(OutboxMessage).where(OutboxMessage.kind == "status_update")) is None


def test_the_page_closes_after_a_while_without_use(app):
    reference = submit_complaint(CheckingClient(app.test_client()))
    client = open_case(app, reference)
    with client.client.session_transaction() as session:
        session["tracking"] = {**session["tracking"], "until": "2000-01-01T00:00:00+00:00"}
    assert client.get("/track/case", expect=403).h1 == "For your security, this page has closed"


def test_finish_closes_the_page_in_this_browser(app):
    reference = submit_complaint(CheckingClient(app.test_client()))
    client = open_case(app, reference)
    page = client.get("/track/case")
    client.post("/track/case/leave", {"csrf_token": page.csrf()})
    client.get("/track/case", expect=403)
