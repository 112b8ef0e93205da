"""The young person's pages in Chromium: the journey, the advocacy request, an advocate filling it
in, and Exit this page. JavaScript on and off, axe on every page, a 375 px screenshot of each."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import choose_language, fill, said
from tests.browser.equality import YOUNG_ANSWERS, equality_questions
from tests.young import ADVOCACY, BY_ADVOCATE, WRONG

pytestmark = pytest.mark.browser

EXIT_TO = "https://www.bbc.co.uk/weather"


def go_through(page, flow: str, journey, language: str, tag: str, check, errors=(),
               equality: str = "skip") -> str:
    for number, (slug, data) in enumerate(journey, start=1):
        expect(page).to_have_url(re.compile(f"/young-people/{flow}/{slug}$"))
        if slug in errors:
            page.get_by_role("button", name=said(language, "Continue"), exact=True).click()
            expect(page.locator(".govuk-error-summary")).to_be_visible()
            check(page, f"{tag}-{number:02d}-{slug}-error")
        check(page, f"{tag}-{number:02d}-{slug}")
        fill(page, data)
        page.get_by_role("button", name=said(language, "Continue"), exact=True).click()
    expect(page).to_have_url(re.compile(f"/young-people/{flow}/check$"))
    check(page, f"{tag}-90-check")
    page.get_by_role("button", name=said(language, "Send"), exact=True).click()
    if flow == "tell-us" and dict(journey).get("what-kind", {}).get("kind") == "wrong":
        equality_questions(page, "young", equality, language, tag, check, YOUNG_ANSWERS)
    expect(page).to_have_url(re.compile(f"/young-people/{flow}/sent$"))
    check(page, f"{tag}-91-sent")
    return page.locator(".portal-reference").inner_text()


@pytest.mark.parametrize("language, javascript", [("en", True), ("en", False), ("cy", True), ("ar", True)],
                         ids=["en-js", "en-nojs", "cy-js", "ar-js"])
def test_a_young_person_tells_us_something_is_wrong(new_page, accessibility, language, javascript):
    page = new_page(javascript=javascript)
    tag = f"young-{language}-{'js' if javascript else 'nojs'}"
    # axe runs inside the page: without JavaScript there is nothing to check with.
    check = accessibility.check if javascript else (lambda p, n: None)
    page.goto("/young-people")
    choose_language(page, language)
    check(page, f"{tag}-00-start")
    page.locator("a.govuk-button--start").click()
    # The equality questions after Send: answered, skipped, "Prefer not to say" throughout.
    mode = {"en-js": "answer", "en-nojs": "skip", "cy-js": "prefer_not", "ar-js": "answer"}[
        f"{language}-{'js' if javascript else 'nojs'}"]
    reference = go_through(page, "tell-us", WRONG, language, tag, check,
                           errors=("who", "what-happened", "better", "contact-details"), equality=mode)
    assert re.fullmatch(r"CSC-\d{4}-\d{5}", reference)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_a_young_person_asks_an_advocate_to_get_in_touch(new_page, accessibility, javascript):
    page = new_page(javascript=javascript)
    tag = f"young-advocacy-{'js' if javascript else 'nojs'}"
    check = accessibility.check if javascript else (lambda p, n: None)
    page.goto("/young-people")
    page.get_by_role("link", name="Ask an advocate to get in touch").first.click()
    expect(page).to_have_url(re.compile("/young-people/advocate$"))
    check(page, f"{tag}-00-advocate")
    page.locator("a.govuk-button--start").click()
    go_through(page, "advocate", ADVOCACY, "en", tag, check, errors=("name", "safe-how"))
    expect(page.locator("main")).to_contain_text("An advocate will get in touch with you the way you asked.")


def test_an_advocate_fills_it_in_for_a_young_person(new_page, accessibility):
    page = new_page()
    page.goto("/young-people/tell-us/start")
    go_through(page, "tell-us", BY_ADVOCATE, "en", "young-by-advocate", accessibility.check,
               errors=("helper", "agreement"), equality="prefer_not")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_exit_this_page_leaves_and_wipes_the_answers(new_page, live_server, javascript):
    page = new_page(javascript=javascript)
    # The test machine has no internet: answer for the ordinary site ourselves.
    page.route(f"{EXIT_TO}**", lambda route: route.fulfill(body="<title>Weather</title>", content_type="text/html"))
    page.goto("/young-people/tell-us/start")
    fill(page, {"who": "me"})
    page.get_by_role("button", name="Continue", exact=True).click()
    expect(page).to_have_url(re.compile("/what-kind$"))
    if javascript:
        # The shortcut listens once the component's script has started, not before.
        expect(page.locator(".govuk-exit-this-page[data-govuk-exit-this-page-init]")).to_have_count(1)
        page.locator("body").click()
        for _ in range(3):
            page.keyboard.press("Shift")
    else:
        page.locator(".govuk-exit-this-page a").click()
    expect(page).to_have_url(EXIT_TO)
    page.goto("/young-people/tell-us/what-kind")
    # Nothing remembered: the form starts again at the first question, with no answer ticked.
    expect(page).to_have_url(re.compile("/young-people/tell-us/who$"))
    expect(page.locator("input[name=who]:checked")).to_have_count(0)


def test_the_exit_button_stays_in_reach_on_a_long_page(new_page):
    page = new_page()
    page.goto("/young-people")
    page.mouse.wheel(0, 2000)
    button = page.locator(".govuk-exit-this-page__button")
    expect(button).to_be_in_viewport()
