"""Bad input: every question's errors, GOV.UK style, and 400 pages for requests no browser makes."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from tests.journeys import COMPLAINT, COMPLIMENT

ANSWERS = dict(COMPLAINT)


def reach(client, slug, steps=COMPLAINT):
    """Answer every page before `slug`, then return that page."""
    client.get("/tell-us/start", expect=302)
    for done, data in steps:
        if done == slug:
            break
        client.answer(done, data)
    return client.get(f"/tell-us/{slug}")


def post(client, slug, data, page):
    return client.post(f"/tell-us/{slug}", {**data, "csrf_token": page.csrf()}, expect=200)


# Each question left blank, and the message a person sees.
EMPTY = [
    ("what-to-tell-us", {}, "Select what you want to tell us"),
    ("who-you-are", {}, "Select who you are"),
    ("child", {"child_name": "", "child_dob-day": "", "child_dob-month": "", "child_dob-year": ""},
     "Enter the child or young person's name"),
    ("in-care", {}, "Select yes if the child or young person is in care"),
    ("agreement", {}, "Select whether the child or young person agrees"),
    ("service", {"team": ""}, "Select the service, or ‘I don't know’"),
    ("what-happened", {"what": "  "}, "Tell us what happened"),
    ("when", {"happened-day": "", "happened-month": "", "happened-year": ""},
     "Enter when it happened, or select ‘I'm not sure’"),
    ("outcome", {"outcome": ""}, "Tell us what you would like to happen"),
    ("proceedings", {}, "Select any that are happening, or ‘None of these’"),
    ("your-name", {"full_name": ""}, "Enter your full name"),
    ("contact", {}, "Select how we should contact you"),
    ("contact-details", {"email": ""}, "Enter your email address"),
    ("safe-contact", {}, "Select yes if it is safe to contact you this way"),
    ("support", {"interpreter_language": "", "other_support": ""},
     "Select the support you need, or ‘No, I do not need any support’"),
]


@pytest.mark.parametrize("slug,data,message", EMPTY, ids=[e[0] for e in EMPTY])
def test_a_blank_answer_is_explained_in_the_summary_and_beside_the_question(client, slug, data, message):
    page = reach(client, slug)
    shown = post(client, slug, data, page)
    assert shown.title.startswith("Error: ")
    assert shown.soup.select_one(".govuk-error-summary__title").get_text(strip=True) == "There is a problem"
    assert shown.errors() == [message]
    assert shown.inline_errors() == [message]
    hidden = shown.soup.select_one(".govuk-error-message .govuk-visually-hidden").get_text(strip=True)
    assert hidden == "Error:"
    target = shown.soup.select_one(".govuk-error-summary__list a")["href"].lstrip("#")
    assert shown.soup.find(id=target), "the summary links to the field"


BAD = [
    ("child", {"child_name": "Sam", "child_dob-day": "31", "child_dob-month": "2", "child_dob-year": "2015"},
     "The date must be a real date"),
    ("child", {"child_name": "Sam", "child_dob-day": "", "child_dob-month": "2", "child_dob-year": "2015"},
     "The date must include a day"),
    ("child", {"child_name": "Sam", "child_dob-day": "1", "child_dob-month": "2", "child_dob-year": "15"},
     "The year must include 4 numbers"),
    ("child", {"child_name": "x" * 201, "child_dob-day": "", "child_dob-month": "", "child_dob-year": ""},
     "Enter 200 characters or fewer"),
    ("when", {"happened-day": "", "happened-month": "12", "happened-year": "2999"},
     "The date must be today or in the past"),
    ("when", {"happened-day": "", "happened-month": "", "happened-year": "2025"},
     "The date must include a month and year"),
    ("when", {"happened-day": "", "happened-month": "March", "happened-year": "2025"},
     "Enter the date using numbers, like 27 3 2025"),
    ("when", {"happened-day": "", "happened-month": "3", "happened-year": "2025", "happened_unsure": "y"},
     "Enter a date or select ‘I'm not sure’, not both"),
    ("what-happened", {"what": "x" * 10001}, "Enter 10000 characters or fewer"),
    ("proceedings", {"proceedings": ["none", "court"]},
     "Select ‘None of these’ on its own, or the ones that are happening"),
    ("contact-details", {"email": "alex@"},
     "Enter an email address in the correct format, like name@example.com"),
    ("contact-details", {"email": "a" * 250 + "@example.com"}, "Enter 254 characters or fewer"),
    ("support", {"support": ["interpreter"], "interpreter_language": "", "other_support": ""},
     "Enter the language you need an interpreter for"),
    ("support", {"support": ["none", "bsl"], "interpreter_language": "", "other_support": ""},
     "Select ‘No, I do not need any support’ on its own, or the support you need"),
]


@pytest.mark.parametrize("slug,data,message", BAD, ids=[f"{b[0]}-{i}" for i, b in enumerate(BAD)])
def test_a_wrong_answer_says_how_to_put_it_right_and_keeps_what_was_typed(client, slug, data, message):
    page = reach(client, slug)
    shown = post(client, slug, data, page)
    assert shown.errors() == [message]
    assert shown.inline_errors() == [message]
    for name, value in data.items():
        if isinstance(value, str) and value.strip() and len(value) < 300:
            field = shown.soup.find(attrs={"name": name})
            if field is not None and field.name == "input" and field.get("type") in ("text", "email", "tel"):
                assert field["value"] == value, f"{name} kept"


def test_a_long_email_address_is_accepted(client):
    page = reach(client, "contact-details")
    address = "a" * 64 + "@" + ("b" * 50 + ".") * 3 + "example.com"
    assert len(address) <= 254
    client.post("/tell-us/contact-details", {"email": address, "csrf_token": page.csrf()})


def contact_by(client, method):
    page = reach(client, "contact")
    client.post("/tell-us/contact", {"method": method, "csrf_token": page.csrf()})
    return client.get("/tell-us/contact-details")


@pytest.mark.parametrize("number", ["+44 (0)1632 960 001", "07700900982", "01632-960-001"])
def test_phone_numbers_with_spaces_brackets_and_plus_44_are_accepted(client, number):
    page = contact_by(client, "phone")
    assert page.h1 == "What is your phone number?"
    client.post("/tell-us/contact-details", {"phone": number, "csrf_token": page.csrf()})


@pytest.mark.parametrize("number", ["call me", "0163", "01632 960 001 ext 4"])
def test_a_phone_number_that_is_not_one_is_refused(client, number):
    page = contact_by(client, "phone")
    shown = client.post("/tell-us/contact-details", {"phone": number, "csrf_token": page.csrf()}, expect=200)
    assert shown.errors() == ["Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"]


def test_an_address_is_asked_for_when_post_is_chosen(client):
    page = contact_by(client, "post")
    assert page.h1 == "What is your address?"
    shown = client.post("/tell-us/contact-details", {"address": "  ", "csrf_token": page.csrf()}, expect=200)
    assert shown.errors() == ["Enter your address"]


def test_choosing_another_way_to_be_contacted_asks_for_that_detail(client):
    page = reach(client, "safe-contact")
    change = client.get("/tell-us/contact?change=1")
    moved = client.post("/tell-us/contact", {"method": "phone", "change": "1", "csrf_token": change.csrf()})
    assert moved.response.location.endswith("/tell-us/contact-details?change=1")
    assert page.status == 200


def test_when_it_is_not_safe_we_ask_how_to_contact_safely(client):
    page = reach(client, "safe-contact")
    moved = client.post("/tell-us/safe-contact", {"safe": "no", "csrf_token": page.csrf()})
    assert moved.response.location.endswith("/tell-us/safe-contact-how")
    how = client.get("/tell-us/safe-contact-how")
    shown = client.post("/tell-us/safe-contact-how", {"safe_how": " ", "csrf_token": how.csrf()}, expect=200)
    assert shown.errors() == ["Tell us how we can contact you safely"]


def test_an_approximate_date_without_a_day_is_accepted(client):
    page = reach(client, "when")
    client.post("/tell-us/when", {"happened-day": "", "happened-month": "12", "happened-year": "2017",
                                  "csrf_token": page.csrf()})


def test_a_compliment_can_be_sent_without_a_name_or_a_reply(client):
    page = reach(client, "contact", COMPLIMENT)
    assert "I do not need a reply" in page.text
    done = client.post("/tell-us/contact", {"method": "none", "csrf_token": page.csrf()})
    assert done.response.location.endswith("/tell-us/check")


MALFORMED = [
    ("child", {"child_name": "Sam", "child_dob-day": "1"}),  # a date posted in pieces
    ("child", {"child_dob-day": "", "child_dob-month": "", "child_dob-year": ""}),  # a missing field
    ("what-happened", {}),  # the text box's field is missing altogether
    ("who-you-are", {"role": ["parent", "foster_carer"]}),  # two answers to one radio question
    ("who-you-are", {"role": "king"}),  # an answer that is not an option
    ("proceedings", {"proceedings": ["none", "hacked"]}),
]


@pytest.mark.parametrize("slug,data", MALFORMED, ids=[f"{m[0]}-{i}" for i, m in enumerate(MALFORMED)])
def test_a_request_no_browser_would_send_gets_a_400_page_not_a_500(client, slug, data):
    page = reach(client, slug)
    refused = client.post(f"/tell-us/{slug}", {**data, "csrf_token": page.csrf()}, expect=400)
    assert refused.h1 == "There is a problem with the page you sent"


def test_a_post_without_the_csrf_token_is_refused(client):
    page = reach(client, "who-you-are")
    refused = client.post("/tell-us/who-you-are", {"role": "parent"}, expect=400)
    assert "Your earlier answers were deleted" in refused.text
    # Nothing was saved from it: the page is still unanswered.
    assert client.get("/tell-us/service", expect=302)
    assert page.status == 200


def test_a_too_large_request_gets_a_413_page(client):
    page = reach(client, "what-happened")
    refused = client.post("/tell-us/what-happened", {"what": "x" * 2_000_000, "csrf_token": page.csrf()},
                          expect=413)
    assert refused.h1 == "What you sent is too large"


@pytest.mark.parametrize("language, heading", [
    ("en", "Sorry, the service is unavailable"),
    ("ur", None),
])
def test_with_the_database_unreachable_people_get_a_clear_page_in_their_language(tmp_path, language, heading):
    from portal import create_app
    from tests.conftest import CheckingClient

    nowhere = "postgresql+psycopg://nobody@127.0.0.1:9/nothing"  # port 9: nothing listens there
    app = create_app({"TESTING": True, "SECRET_KEY": "k" * 32, "EQUALITIES_KEY": "e" * 32,
                      "SQLALCHEMY_DATABASE_URI": nowhere, "RATELIMIT_ENABLED": False,
                      "COUNCIL_FILE": str(ROOT / "portal" / "councils" / "demo.toml")})
    client = CheckingClient(app.test_client())
    page = client.get("/tell-us/start", expect=503, headers={"Accept-Language": language})
    assert page.response.headers["Retry-After"] == "120"
    assert page.soup.html["lang"].startswith(language)
    if heading:
        assert page.h1 == heading
    else:  # translated, not English
        assert page.h1 and "unavailable" not in page.h1
    assert "Traceback" not in page.text and "psycopg" not in page.text
    assert "Other ways to contact us" in page.text or page.soup.find(id="other-ways")


def test_a_nul_character_no_browser_sends_gets_the_400_page(client):
    page = reach(client, "what-happened")
    refused = client.post("/tell-us/what-happened", {"what": "before\x00after", "csrf_token": page.csrf()},
                          expect=400)
    assert refused.h1 and "Traceback" not in refused.text
    client.get("/tell-us/what-happened?change=\x00", expect=400)
