"""The parent's journey in Chromium: English, Welsh, Polish and Urdu (right to left), JavaScript
on and off, axe on every page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import choose_language, fill, said
from tests.browser.equality import ADULT_ANSWERS, equality_questions
from tests.journeys import COMPLAINT, COMPLIMENT

pytestmark = pytest.mark.browser


def press(page, label: str) -> None:
    page.get_by_role("button", name=label, exact=True).click()


# How each run answers the equality questions after Send.
EQUALITY = {"en-js": "answer", "en-nojs": "skip", "cy-js": "prefer_not", "cy-nojs": "answer",
            "pl-js": "prefer_not", "ur-js": "answer"}


@pytest.mark.parametrize("language, javascript", [
    ("en", True), ("en", False), ("cy", True), ("cy", False), ("pl", True), ("ur", True),
], ids=["en-js", "en-nojs", "cy-js", "cy-nojs", "pl-js", "ur-js"])
def test_a_parent_sends_a_complaint(new_page, accessibility, language, javascript):
    page = new_page(javascript=javascript)
    tag = f"{language}-{'js' if javascript else 'nojs'}"
    check = accessibility.check if javascript else (lambda p, name: None)
    go_on = said(language, "Continue")
    page.goto("/")
    choose_language(page, language)
    check(page, f"{tag}-00-start")
    page.locator("a.govuk-button--start").click()

    for number, (slug, data) in enumerate(COMPLAINT, start=1):
        expect(page).to_have_url(re.compile(f"/tell-us/{slug}$"))
        if number in (1, 3, 12, 13, 15):
            # The error state, as a person who pressed Continue too soon sees it.
            press(page, go_on)
            expect(page.locator(".govuk-error-summary")).to_be_visible()
            if javascript:
                expect(page.locator(".govuk-error-summary")).to_be_focused()
            check(page, f"{tag}-{number:02d}-{slug}-error")
        check(page, f"{tag}-{number:02d}-{slug}")
        fill(page, data)
        press(page, go_on)

    expect(page).to_have_url(re.compile("/tell-us/check$"))
    check(page, f"{tag}-90-check")
    page.locator("form button.govuk-button").click()
    reference = page.locator(".portal-reference").inner_text()
    assert re.fullmatch(r"CSC-\d{4}-\d{5}", reference)
    # Saved and numbered; then the optional equality questions, answered, skipped or declined.
    mode = EQUALITY[tag]
    seen = equality_questions(page, "adult", mode, language, tag, check, ADULT_ANSWERS)
    if mode == "answer":
        assert "you-gender" in seen and "child-ethnic-background" in seen
    if mode == "prefer_not":
        assert "you-gender" not in seen, "age not given: nothing asked only of people 16 or over"
    expect(page).to_have_url(re.compile("/tell-us/sent$"))
    expect(page.locator(".portal-reference")).to_have_text(reference)
    if language == "en":
        thanks = "Thank you for answering" if mode != "skip" else "You can still answer"
        expect(page.locator("main")).to_contain_text(thanks)
    check(page, f"{tag}-91-sent")


def test_a_compliment_in_the_browser_is_short(new_page, accessibility):
    page = new_page()
    page.goto("/tell-us/start")
    for slug, data in COMPLIMENT:
        expect(page).to_have_url(re.compile(f"/tell-us/{slug}$"))
        fill(page, data)
        press(page, "Continue")
    expect(page.get_by_role("button", name="Send your compliment")).to_be_visible()
    page.get_by_role("button", name="Send your compliment").click()
    expect(page.get_by_role("heading", name="Compliment sent")).to_be_visible()
    accessibility.check(page, "en-js-compliment-sent")


def test_switching_language_mid_journey_keeps_the_answers(new_page):
    page = new_page()
    page.goto("/tell-us/start")
    fill(page, {"kind": "complaint"})
    press(page, "Continue")
    fill(page, {"role": "foster_carer"})
    press(page, "Continue")
    page.get_by_role("link", name="Cymraeg").click()
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    page.locator("a.govuk-back-link").click()
    expect(page.locator('[name="role"][value="foster_carer"]')).to_be_checked()


@pytest.mark.parametrize("path,name", [
    ("/accessibility", "accessibility"), ("/privacy", "privacy"), ("/cookies", "cookies"),
    ("/tell-us/nowhere", "not-found"), ("/tell-us/sent", "sent-from-bookmark"),
])
def test_the_other_public_pages_are_accessible(new_page, accessibility, path, name):
    page = new_page()
    page.goto(path)
    accessibility.check(page, f"en-js-{name}")


def test_follow_up_questions_work_without_javascript(new_page):
    page = new_page(javascript=False)
    page.goto("/tell-us/start")
    for slug, data in COMPLAINT:
        if slug == "contact":
            break
        fill(page, data)
        press(page, "Continue")
    # Without JavaScript every follow-up question is shown, and still works.
    fill(page, {"method": "phone"})
    press(page, "Continue")
    fill(page, {"phone": "07700 900 982"})
    press(page, "Continue")
    expect(page).to_have_url(re.compile("/tell-us/safe-contact$"))
