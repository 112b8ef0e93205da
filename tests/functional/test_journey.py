"""The adult journey through the Flask test client: every page, every path, nothing lost."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Case
from tests.conftest import redirect_path
from tests.journeys import COMPLAINT, COMPLAINT_BY_PHONE, COMPLAINT_SLUGS, COMPLIMENT, COMPLIMENT_SLUGS


def walk(client, steps):
    client.get("/tell-us/start", expect=302)
    for slug, data in steps:
        client.answer(slug, data)


def send(client):
    check = client.get("/tell-us/check")
    return client.post("/tell-us/check", {"csrf_token": check.csrf()})


def case_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Case))


def test_the_start_page_says_what_to_do_if_a_child_is_in_danger(client):
    page = client.get("/")
    text = " ".join(page.soup.get_text().split())
    assert "If a child is in immediate danger, call 999." in text
    assert "Northbrook Children's Front Door on 01632 960 111" in text
    assert "Out of hours, call 01632 960 222." in text
    start = page.soup.select_one("a.govuk-button--start")
    assert start["href"] == "/tell-us/start"


def test_the_start_page_lists_every_other_way_to_complain(client):
    text = client.get("/").soup.get_text(" ", strip=True)
    for expected in ["01632 960 000", "childrens.complaints@example.org.uk", "NB1 1AA",
                     "Northbrook Town Hall reception", "Northbrook Young People's Advocacy"]:
        assert expected in text


@pytest.mark.parametrize("path", ["/accessibility", "/privacy", "/cookies"])
def test_the_public_information_pages_are_there(client, path):
    page = client.get(path)
    assert page.h1 and page.soup.select_one("a.govuk-back-link")


def test_a_complaint_goes_through_every_question_in_order(client):
    client.get("/tell-us/start", expect=302)
    for index, (slug, data) in enumerate(COMPLAINT):
        page = client.get(f"/tell-us/{slug}")
        assert page.soup.select_one("a.govuk-back-link"), slug
        assert page.soup.select_one("button.govuk-button").get_text(strip=True) == "Continue"
        answered = client.post(f"/tell-us/{slug}", {**data, "csrf_token": page.csrf()})
        following = COMPLAINT_SLUGS[index + 1] if index + 1 < len(COMPLAINT) else "check"
        assert redirect_path(answered) == f"/tell-us/{following}"


def test_a_complaint_is_sent_and_gets_a_reference(app, client):
    walk(client, COMPLAINT)
    sent = send(client)
    assert redirect_path(sent) == "/equality/adult", "saved, then the equality questions offered"
    page = client.get("/equality/adult")
    assert page.h1 == "We have received your complaint"
    assert page.soup.select_one(".portal-reference").get_text(strip=True) == client.get(
        "/tell-us/sent").soup.select_one(".portal-reference").get_text(strip=True)
    reference = page.soup.select_one(".portal-reference").get_text(strip=True)
    assert re.fullmatch(r"CSC-\d{4}-00001", reference)
    with app.app_context():
        case = db.session.scalar(select(Case))
        assert case.reference == reference
        assert case.kind == "complaint" and case.procedure == "statutory"
        assert case.received_via == "online_form" and case.language == "en"
        assert case.contact_email == "alex.jones@example.com"
        assert case.routing["reasons"], "the routing decision keeps its reasons"


def test_the_confirmation_says_when_to_expect_an_answer(client):
    walk(client, COMPLAINT_BY_PHONE)
    send(client)
    text = client.get("/tell-us/sent").soup.get_text(" ", strip=True)
    assert "complaints procedure for children's social care" in text
    assert re.search(r"will contact you by \w+day \d{1,2} \w+ \d{4}", text)
    assert re.search(r"full reply by \w+day \d{1,2} \w+ \d{4}", text)


def test_the_confirmation_says_the_email_is_the_acknowledgement(client):
    walk(client, COMPLAINT)
    send(client)
    text = client.get("/tell-us/sent").soup.get_text(" ", strip=True)
    assert "We have sent you an email to confirm that we have received it" in text
    assert "will contact you by" not in text
    assert re.search(r"full reply by \w+day \d{1,2} \w+ \d{4}", text)


def test_a_compliment_takes_the_shorter_path(app, client):
    client.get("/tell-us/start", expect=302)
    for index, (slug, data) in enumerate(COMPLIMENT):
        answered = client.answer(slug, data)
        following = COMPLIMENT_SLUGS[index + 1] if index + 1 < len(COMPLIMENT) else "check"
        assert redirect_path(answered) == f"/tell-us/{following}"
    for skipped in ["agreement", "proceedings", "outcome", "when", "contact-details", "safe-contact"]:
        assert skipped not in COMPLIMENT_SLUGS
    send(client)
    with app.app_context():
        case = db.session.scalar(select(Case))
        assert case.kind == "compliment" and case.procedure is None and case.stage is None


def test_pressing_send_twice_makes_one_case(app, client):
    walk(client, COMPLAINT)
    check = client.get("/tell-us/check")
    first = client.post("/tell-us/check", {"csrf_token": check.csrf()})
    second = client.post("/tell-us/check", {"csrf_token": check.csrf()})
    assert redirect_path(first) == redirect_path(second) == "/equality/adult"
    assert case_count(app) == 1


def test_the_same_draft_sent_again_after_a_back_button_makes_one_case(app, client):
    walk(client, COMPLAINT)
    send(client)
    # Back to check answers after sending: the draft is gone, nothing new is made.
    client.get("/tell-us/check", expect=302)
    assert case_count(app) == 1


def test_references_count_up(app, client):
    for _ in range(2):
        walk(client, COMPLAINT)
        send(client)
    with app.app_context():
        refs = sorted(db.session.scalars(select(Case.reference)))
    assert [r[-5:] for r in refs] == ["00001", "00002"]


def test_check_answers_shows_every_answer_with_a_change_link(client):
    walk(client, COMPLAINT)
    page = client.get("/tell-us/check")
    rows = page.soup.select(".govuk-summary-list__row")
    text = page.soup.get_text(" ", strip=True)
    assert "Sam Jones" in text and "14 March 2015" in text and "September 2026" in text
    assert "Our social worker missed three visits" in text
    for row in rows:
        link = row.select_one(".govuk-summary-list__actions a")
        key = row.select_one(".govuk-summary-list__key").get_text(strip=True)
        assert link.get_text(" ", strip=True) == f"Change {key}"
        assert "change=1" in link["href"]
    assert page.soup.select_one("button.govuk-button").get_text(strip=True) == "Send your complaint"


def test_a_change_returns_to_check_answers(client):
    walk(client, COMPLAINT)
    page = client.get("/tell-us/service?change=1")
    assert page.soup.find("input", attrs={"name": "change", "value": "1"})
    assert page.soup.select_one("a.govuk-back-link")["href"] == "/tell-us/check"
    changed = client.post("/tell-us/service", {"service_area": "disability", "team": "",
                                                "change": "1", "csrf_token": page.csrf()})
    assert redirect_path(changed) == "/tell-us/check"
    assert "Children with disabilities" in client.get("/tell-us/check").text


def test_changing_to_a_complaint_asks_the_new_questions(client):
    walk(client, COMPLIMENT)
    page = client.get("/tell-us/what-to-tell-us?change=1")
    changed = client.post("/tell-us/what-to-tell-us",
                          {"kind": "complaint", "change": "1", "csrf_token": page.csrf()})
    # A complaint needs the child's name, which the compliment left blank: the next gap first.
    assert redirect_path(changed) == "/tell-us/in-care?change=1"


def test_a_page_further_on_cannot_be_opened_before_the_earlier_ones(client):
    client.get("/tell-us/start", expect=302)
    client.answer("what-to-tell-us", {"kind": "complaint"})
    skipped = client.get("/tell-us/contact", expect=302)
    assert redirect_path(skipped) == "/tell-us/who-you-are"


def test_answers_are_shown_again_when_going_back(client):
    walk(client, COMPLAINT[:3])
    page = client.get("/tell-us/child")
    assert page.soup.find("input", attrs={"name": "child_name"})["value"] == "Sam Jones"
    assert page.soup.find("input", attrs={"name": "child_dob-year"})["value"] == "2015"
    radios = client.get("/tell-us/who-you-are").soup.find("input", attrs={"value": "parent"})
    assert radios.has_attr("checked")


def test_free_text_with_markup_is_shown_as_text(client):
    steps = [(s, dict(d)) for s, d in COMPLAINT]
    steps[6][1]["what"] = "<script>alert('x')</script> <b>bold</b> 😞 مرحبا ŵŷ"
    walk(client, steps)
    for url in ["/tell-us/check"]:
        page = client.get(url)
        assert "<script>alert" not in page.text and "<b>bold</b>" not in page.text
        assert "&lt;script&gt;alert" in page.text
        assert "😞 مرحبا ŵŷ" in page.soup.get_text()
    send(client)
    copy = client.get("/tell-us/sent/copy")
    assert "&lt;b&gt;bold&lt;/b&gt;" in copy.text


def test_the_confirmation_from_a_bookmark_reveals_nothing(app, client):
    walk(client, COMPLAINT)
    send(client)
    stranger = app.test_client()
    page = stranger.get("/tell-us/sent")
    assert page.status_code == 200
    assert "CSC-" not in page.get_data(as_text=True)
    assert "This page has expired" in page.get_data(as_text=True)


def test_an_unknown_page_is_a_404_page(client):
    page = client.get("/tell-us/nonsense", expect=404)
    assert page.h1 == "Page not found"
