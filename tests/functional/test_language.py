"""Languages: the browser's choice first, a switch that keeps every answer, Welsh in full."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models import Case
from tests.conftest import redirect_path
from tests.journeys import COMPLAINT


def test_the_first_visit_follows_the_browser_language(client):
    page = client.get("/", headers={"Accept-Language": "cy-GB,cy;q=0.9,en;q=0.5"})
    assert page.soup.html["lang"] == "cy"
    assert page.h1 == "Dywedwch wrthym ni am ofal cymdeithasol plant"


def test_a_browser_language_we_do_not_offer_falls_back_to_the_council_default(client):
    page = client.get("/", headers={"Accept-Language": "pl-PL,pl;q=0.9"})
    assert page.soup.html["lang"] == "en-GB"


def test_the_switcher_names_each_language_in_itself_and_marks_the_current_one(client):
    page = client.get("/tell-us/start", expect=302)
    page = client.get("/")
    links = page.soup.select(".portal-language-nav a")
    assert [a.get_text(strip=True) for a in links] == ["English", "Cymraeg"]
    welsh = links[1]
    assert welsh["lang"] == welsh["hreflang"] == "cy" and welsh["rel"] == ["alternate"]
    assert links[0]["aria-current"] == "true" and not welsh.has_attr("aria-current")
    assert page.soup.select_one(".portal-language-nav")["aria-label"] == "Choose a language"


def test_switching_language_mid_journey_keeps_every_answer(client):
    client.get("/tell-us/start", expect=302)
    for slug, data in COMPLAINT[:4]:
        client.answer(slug, data)
    here = client.get("/tell-us/agreement")
    link = here.soup.select(".portal-language-nav a")[1]["href"]
    assert link == "/language/cy?next=/tell-us/agreement"
    switched = client.get(link, expect=303)
    assert redirect_path(switched) == "/tell-us/agreement"
    page = client.get("/tell-us/child")
    assert page.soup.html["lang"] == "cy"
    assert page.soup.find("input", attrs={"name": "child_name"})["value"] == "Sam Jones"
    assert page.soup.select_one("button.govuk-button").get_text(strip=True) == "Parhau"


def test_a_welsh_case_records_its_language_and_welsh_errors_are_welsh(app, client):
    client.get("/language/cy?next=/", expect=303)
    client.get("/tell-us/start", expect=302)
    page = client.get("/tell-us/what-to-tell-us")
    shown = client.post("/tell-us/what-to-tell-us", {"csrf_token": page.csrf()}, expect=200)
    assert shown.title.startswith("Gwall: ")
    assert shown.soup.select_one(".govuk-error-summary__title").get_text(strip=True) == "Mae problem wedi codi"
    assert shown.soup.select_one(".govuk-error-message .govuk-visually-hidden").get_text(strip=True) == "Gwall:"
    for slug, data in COMPLAINT:
        client.answer(slug, data)
    check = client.get("/tell-us/check")
    client.post("/tell-us/check", {"csrf_token": check.csrf()})
    sent = client.get("/tell-us/sent")
    assert "Tachwedd" in sent.text or "Rhagfyr" in sent.text or "Ionawr" in sent.text or sent.soup.html["lang"] == "cy"
    with app.app_context():
        assert db.session.scalar(select(Case.language)) == "cy"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"])
def test_the_switch_never_sends_anyone_to_another_site(client, target):
    switched = client.get(f"/language/cy?next={target}", expect=303)
    assert redirect_path(switched) == "/"


def test_an_unknown_language_is_ignored_not_an_error(client):
    client.get("/language/xx?next=/", expect=303)
    assert client.get("/").soup.html["lang"] == "en-GB"


def test_every_page_in_welsh_has_no_english_left_in_its_own_words(client):
    client.get("/language/cy?next=/", expect=303)
    client.get("/tell-us/start", expect=302)
    for slug, data in COMPLAINT:
        page = client.get(f"/tell-us/{slug}")
        button = page.soup.select_one("button.govuk-button").get_text(strip=True)
        assert button == "Parhau", slug
        assert page.soup.select_one("a.govuk-back-link").get_text(strip=True) == "Yn ôl"
        client.post(f"/tell-us/{slug}", {**data, "csrf_token": page.csrf()})
