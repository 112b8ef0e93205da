"""Save and come back later: a link by email or a code, on any page of both forms, expiring."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from portal.extensions import db
from portal.models import Draft, OutboxMessage
from tests.conftest import CheckingClient, redirect_path
from tests.journeys import COMPLAINT
from tests.young import WRONG

FIRST_FIVE = COMPLAINT[:5]


def words(page) -> str:
    return " ".join(page.soup.get_text(" ").split())


def walk(client, steps):
    client.get("/tell-us/start", expect=302)
    for slug, data in steps:
        client.answer(slug, data)


def save_from(client, slug: str, data: dict) -> CheckingClient:
    """Press "Save and come back later" on a question page with `data` typed in."""
    page = client.get(f"/tell-us/{slug}")
    saved = client.post(f"/tell-us/{slug}", {**data, "save": "1", "csrf_token": page.csrf()})
    assert redirect_path(saved) == "/save/adult"
    return client.get("/save/adult")


def emailed_link(app, to: str) -> str:
    with app.app_context():
        message = db.session.scalars(select(OutboxMessage).where(
            OutboxMessage.kind == "save_link", OutboxMessage.to_address == to)).all()[-1]
    return re.search(r"https?://\S+/return/\S+", message.body_text).group(0)


def save_by_email(client, page, to="alex.jones@example.com"):
    return client.post("/save/adult", {"how": "email", "email": to, "csrf_token": page.csrf()})


def test_an_emailed_link_opens_the_answers_in_another_browser(app, client):
    walk(client, FIRST_FIVE)
    page = save_from(client, "service", {"service_area": "assessment", "team": "Assessment Team"})
    done = save_by_email(client, page)
    shown = client.get(redirect_path(done))
    assert "We have sent a link to alex.jones@example.com" in words(shown)
    link = emailed_link(app, "alex.jones@example.com")
    elsewhere = CheckingClient(app.test_client())
    opened = elsewhere.get(re.sub(r"^https?://[^/]+", "", link), expect=302)
    assert redirect_path(opened) == "/tell-us/start"
    carry_on = elsewhere.get("/tell-us/start", expect=302)
    assert redirect_path(carry_on) == "/tell-us/what-happened"  # the saved page's answer was kept
    page = elsewhere.get("/tell-us/what-happened")
    assert "Welcome back. Your answers are as you left them." in words(page)
    check = elsewhere.get("/tell-us/service")
    assert check.soup.find("input", attrs={"value": "assessment", "checked": True})


def test_the_email_carries_no_answer_and_says_when_it_ends(app, client):
    walk(client, COMPLAINT[:7])
    page = client.get("/save/adult")
    save_by_email(client, page, "someone@example.com")
    with app.app_context():
        message = db.session.scalar(select(OutboxMessage).where(OutboxMessage.kind == "save_link"))
        assert message.case_id is None
    assert "missed three visits" not in message.body_text and "Sam Jones" not in message.body_text
    until = (datetime.now(timezone.utc) + timedelta(days=28)).strftime("%-d %B %Y")
    assert f"The link works until {until}" in message.body_text


def test_the_email_address_given_is_offered(client):
    walk(client, COMPLAINT)
    page = client.get("/save/adult")
    assert page.soup.find("input", attrs={"name": "email"})["value"] == "alex.jones@example.com"


def test_a_bad_address_is_explained_and_nothing_is_sent(app, client):
    walk(client, FIRST_FIVE)
    page = client.get("/save/adult")
    again = client.post("/save/adult", {"how": "email", "email": "not an address", "csrf_token": page.csrf()}, expect=400)
    assert again.errors() == ["Enter an email address in the correct format, like name@example.com"]
    with app.app_context():
        assert db.session.scalar(select(OutboxMessage)) is None


def test_a_code_opens_the_answers_typed_in_any_case_and_spacing(app, client):
    walk(client, FIRST_FIVE)
    page = client.get("/save/adult")
    done = client.get(redirect_path(client.post("/save/adult", {"how": "code", "csrf_token": page.csrf()})))
    code = done.soup.select_one(".portal-code").get_text(strip=True)
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    with app.app_context():
        assert db.session.scalar(select(OutboxMessage)) is None  # nothing emailed
    other = CheckingClient(app.test_client())
    form = other.get("/return")
    opened = other.post("/return", {"code": code.lower().replace("-", " "), "csrf_token": form.csrf()})
    assert redirect_path(opened) == "/tell-us/start"
    assert redirect_path(other.get("/tell-us/start", expect=302)) == "/tell-us/service"


def test_a_wrong_code_says_so_and_opens_nothing(app, client):
    walk(client, FIRST_FIVE)
    other = CheckingClient(app.test_client())
    form = other.get("/return")
    page = other.post("/return", {"code": "ACDE-FGHJ-KMNP", "csrf_token": form.csrf()}, expect=400)
    assert page.errors() == ["We could not find answers saved with that code. Check the code and try again."]
    assert redirect_path(other.get("/tell-us/start", expect=302)) == "/tell-us/what-to-tell-us"


def test_an_unfinished_page_is_kept_as_typed(client):
    walk(client, COMPLAINT[:6])
    save_from(client, "what-happened", {"what": "Half a sentence about the vis"})
    # Not an answer yet (it is too short to be whole?) -- whatever was typed comes back.
    page = client.get("/tell-us/what-happened")
    assert "Half a sentence about the vis" in page.text


def test_an_empty_page_saved_is_not_an_answer(client):
    walk(client, COMPLAINT[:6])
    save_from(client, "what-happened", {"what": ""})
    page = client.get("/tell-us/start", expect=302)
    assert redirect_path(page) == "/tell-us/what-happened"
    assert not client.get("/tell-us/what-happened").errors()


def test_an_expired_link_says_so_and_opens_nothing(app, client):
    walk(client, FIRST_FIVE)
    save_by_email(client, client.get("/save/adult"))
    link = re.sub(r"^https?://[^/]+", "", emailed_link(app, "alex.jones@example.com"))
    with app.app_context():
        draft = db.session.scalar(select(Draft))
        draft.saved_until = datetime.now(timezone.utc) - timedelta(minutes=1)
        db.session.commit()
    other = CheckingClient(app.test_client())
    page = other.get(link, expect=410)
    assert page.h1 == "This link has expired"
    assert redirect_path(other.get("/tell-us/start", expect=302)) == "/tell-us/what-to-tell-us"


def test_only_the_newest_link_works(app, client):
    walk(client, FIRST_FIVE)
    save_by_email(client, client.get("/save/adult"))
    first = re.sub(r"^https?://[^/]+", "", emailed_link(app, "alex.jones@example.com"))
    save_by_email(client, client.get("/save/adult"), "second@example.com")
    second = re.sub(r"^https?://[^/]+", "", emailed_link(app, "second@example.com"))
    assert CheckingClient(app.test_client()).get(first, expect=404).h1 == "We could not find these answers"
    assert redirect_path(CheckingClient(app.test_client()).get(second, expect=302)) == "/tell-us/start"


def test_a_link_to_answers_already_sent_opens_nothing(app, client):
    walk(client, COMPLAINT)
    save_by_email(client, client.get("/save/adult"))
    link = re.sub(r"^https?://[^/]+", "", emailed_link(app, "alex.jones@example.com"))
    check = client.get("/tell-us/check")
    client.post("/tell-us/check", {"csrf_token": check.csrf()})
    page = CheckingClient(app.test_client()).get(link, expect=410)
    assert page.h1 == "These answers have already been sent"


def test_saved_answers_outlast_the_idle_time_and_keep_it_after_more_answers(app, client):
    walk(client, FIRST_FIVE)
    save_by_email(client, client.get("/save/adult"))
    client.answer("service", {"service_area": "assessment", "team": ""})
    with app.app_context():
        draft = db.session.scalar(select(Draft))
        left = draft.expires_at.replace(tzinfo=timezone.utc) - datetime.now(timezone.utc)
    assert left > timedelta(days=27)


def test_the_young_persons_form_saves_too_in_its_own_words(app):
    client = CheckingClient(app.test_client())
    client.get("/young-people/tell-us/start", expect=302)
    slug, data = WRONG[0]
    page = client.get(f"/young-people/tell-us/{slug}")
    saved = client.post(f"/young-people/tell-us/{slug}", {**data, "save": "1", "csrf_token": page.csrf()})
    assert redirect_path(saved) == "/save/young"
    page = client.get("/save/young")
    assert page.h1 == "Save and finish later"
    assert page.soup.select_one(".govuk-exit-this-page"), "the young person's page keeps Exit this page"
    done = client.get(redirect_path(client.post("/save/young", {"how": "code", "csrf_token": page.csrf()})))
    assert done.h1.startswith("Your message is saved")
    assert "/return?young=1" in done.text
