"""Floods and form-filling programs are refused, each with a clear page in the person's language,
and nothing a person typed is lost."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Case
from tests.conftest import CheckingClient, make_app, sign_in
from tests.journeys import COMPLAINT, COMPLIMENT
from tests.young import GOOD


def case_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Case))


def answer_all(client, steps=COMPLAINT) -> None:
    client.get("/tell-us/start", expect=302)
    for slug, data in steps:
        client.answer(slug, data)


def press_send(client, expect=302, **extra):
    check = client.get("/tell-us/check")
    return client.post("/tell-us/check", {"csrf_token": check.csrf(), "homepage": "", **extra}, expect=expect)


def young_to_check(client):
    """Something good, told on the young person's form, up to its Check your answers page."""
    client.get("/young-people/tell-us/start", expect=302)
    for slug, data in GOOD:
        page = client.get(f"/young-people/tell-us/{slug}")
        client.post(f"/young-people/tell-us/{slug}", {**data, "csrf_token": page.csrf()})
    return client.get("/young-people/tell-us/check")


@pytest.fixture
def limited(tmp_path):
    return make_app(tmp_path, "limited", RATELIMIT_ENABLED=True,
                    PORTAL_LIMIT_SEND="2 per minute", PORTAL_LIMIT_SIGN_IN="3 per minute")


def test_a_flood_of_sends_is_refused_in_the_persons_language_and_keeps_their_answers(limited):
    client = CheckingClient(limited.test_client())
    client.get("/language/pl?next=/", expect=303)
    for _ in range(2):
        answer_all(client, COMPLIMENT)
        press_send(client)
    assert case_count(limited) == 2
    answer_all(client, COMPLIMENT)
    refused = press_send(client, expect=429)
    assert refused.soup.html["lang"] == "pl" and refused.h1 == "Zbyt wiele prób w krótkim czasie"
    assert 1 <= int(refused.response.headers["Retry-After"]) <= 120
    assert "01632 960 000" in refused.text, "other ways to reach us"
    assert case_count(limited) == 2
    # The answers are still there, ready to send when the wait is over.
    assert "went out of her way to help us" in client.get("/tell-us/check").text


def test_the_young_persons_form_and_the_advocacy_request_share_the_allowance(limited):
    adult = CheckingClient(limited.test_client())
    for _ in range(2):
        answer_all(adult, COMPLIMENT)
        press_send(adult)
    young = CheckingClient(limited.test_client())
    check = young_to_check(young)
    refused = young.post("/young-people/tell-us/check", {"csrf_token": check.csrf(), "homepage": ""}, expect=429)
    assert "Exit this page" not in refused.h1 and refused.h1 == "Too many tries in a short time"
    assert case_count(limited) == 2


def test_a_send_refused_for_an_error_does_not_use_up_the_allowance(limited):
    client = CheckingClient(limited.test_client())
    answer_all(client, COMPLIMENT)
    check = client.get("/tell-us/check")
    for _ in range(4):  # a stale form, refused with the session-ended page, counts for nothing
        client.post("/tell-us/check", {"csrf_token": "stale", "homepage": ""}, expect=400)
    assert press_send(client).status == 302 and check.status == 200


def test_sign_in_attempts_are_limited_per_address(limited):
    staff = CheckingClient(limited.test_client())
    for _ in range(3):
        page = staff.get("/staff/sign-in")
        staff.post("/staff/sign-in", {"email": "nobody@example.org.uk", "password": "wrong password here",
                                      "csrf_token": page.csrf()}, expect=200)
    # Wrong passwords are shown again (200) and do not count; a correct one redirects and does.
    for number in range(3):
        sign_in(limited, "officer", f"officer{number}@example.org.uk")
    page = staff.get("/staff/sign-in")
    refused = staff.post("/staff/sign-in", {"email": "nobody@example.org.uk", "password": "x",
                                            "csrf_token": page.csrf()}, expect=429)
    assert refused.h1 == "Too many tries in a short time"


def test_a_form_with_the_hidden_box_filled_is_not_sent_and_loses_nothing(app, client):
    client.get("/language/ur?next=/", expect=303)
    answer_all(client)
    check = client.get("/tell-us/check")
    box = check.soup.find("input", attrs={"name": "homepage"})
    assert box is not None and box.get("value") == "" and "portal-honeypot" in box.parent["class"]
    refused = press_send(client, expect=400, homepage="https://spam.example")
    assert refused.soup.html["lang"] == "ur" and refused.soup.html["dir"] == "rtl"
    assert refused.soup.select_one("main a.govuk-link")["href"] == "/tell-us/check"
    assert case_count(app) == 0
    # Pressing Send again as a person does goes through, with every answer as it was.
    again = client.get("/tell-us/check")
    assert "Sam Jones" in again.text
    press_send(client)
    assert case_count(app) == 1


def test_the_young_persons_form_has_the_hidden_box_too(app, client):
    check = young_to_check(client)
    refused = client.post("/young-people/tell-us/check", {"csrf_token": check.csrf(), "homepage": "x"}, expect=400)
    assert refused.h1 == "We could not send your form"
    assert case_count(app) == 0


def test_a_post_too_big_or_with_too_many_fields_gets_its_page(client):
    client.get("/language/es?next=/", expect=303)
    client.get("/tell-us/start", expect=302)
    page = client.get("/tell-us/what-to-tell-us")
    huge = client.post("/tell-us/what-to-tell-us", {"csrf_token": page.csrf(), "kind": "x" * 1_100_000},
                       expect=413)
    assert huge.soup.html["lang"] == "es" and huge.h1 != "What you sent is too large"
    # A multipart post (the kind that carries files) with hundreds of parts is refused the same way.
    many = client.post("/tell-us/what-to-tell-us", {"csrf_token": page.csrf(), **{f"f{n}": "1" for n in range(300)}},
                       content_type="multipart/form-data", expect=413)
    assert many.h1 == huge.h1
