"""Right-to-left pages as a reader sees them: the layout mirrored, numbers still in order.

GOV.UK Frontend has no right-to-left styles, so these measure our own (static/src/_rtl.scss)
in Chromium, on a phone and on a wide screen."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, choose_language, said

pytestmark = pytest.mark.browser


def pseudo(page, selector: str, element: str, prop: str) -> str:
    return page.locator(selector).first.evaluate(
        f"(node) => getComputedStyle(node, '{element}').getPropertyValue('{prop}')")


def matrix(transform: str) -> list[float]:
    return [float(part) for part in transform.removeprefix("matrix(").removesuffix(")").split(",")]


def reading_order(page, selector: str) -> list[float]:
    """Where on screen each character of an element's text is drawn, left edge, in text order."""
    return page.locator(selector).first.evaluate("""(node) => {
        const text = node.firstChild, xs = [];
        for (let i = 0; i < text.length; i++) {
            const range = document.createRange();
            range.setStart(text, i); range.setEnd(text, i + 1);
            xs.push(range.getBoundingClientRect().left);
        }
        return xs;
    }""")


@pytest.mark.parametrize("language", ["ur", "ar"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_a_question_in_error_is_mirrored(new_page, language, viewport):
    page = new_page(viewport=viewport)
    page.goto("/tell-us/start")
    choose_language(page, language)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.get_by_role("button", name=said(language, "Continue"), exact=True).click()
    group = page.locator(".govuk-form-group--error")
    expect(group).to_be_visible()
    # The red bar is down the right-hand side, where the question starts.
    assert group.evaluate("(n) => getComputedStyle(n).borderRightWidth") == "5px"
    assert group.evaluate("(n) => getComputedStyle(n).borderLeftWidth") == "0px"
    # Each radio's circle is to the right of its words.
    label = page.locator(".govuk-radios__label").first.bounding_box()
    circle_right = float(pseudo(page, ".govuk-radios__label", "::before", "right").removesuffix("px"))
    item = page.locator(".govuk-radios__item").first.bounding_box()
    assert circle_right == 2 and label["x"] + label["width"] <= item["x"] + item["width"] - 40
    # Back points right, and sits at the right.
    back = page.locator(".govuk-back-link").bounding_box()
    main = page.locator("main").bounding_box()
    assert abs((back["x"] + back["width"]) - (main["x"] + main["width"])) < 20
    # rotate(45deg), where left to right has rotate(225deg): the chevron's matrix starts positive.
    assert matrix(pseudo(page, ".govuk-back-link", "::before", "transform"))[0] > 0
    # The column of the page starts at the right.
    heading = page.locator("h1, legend h1").first.bounding_box()
    assert abs((heading["x"] + heading["width"]) - (main["x"] + main["width"])) <= 20  # inside the error bar
    if viewport == DESKTOP:
        assert heading["x"] > main["x"] + main["width"] / 4, "two-thirds column on the right"


@pytest.mark.parametrize("language", ["ur", "ar"])
def test_phone_numbers_and_the_reference_read_left_to_right(new_page, language):
    page = new_page(viewport=DESKTOP)
    page.goto("/")
    choose_language(page, language)
    # "01632 960 111" is drawn with its first digit leftmost, as it is dialled.
    xs = reading_order(page, '.portal-safety bdi[dir="ltr"]')
    assert xs == sorted(xs), "the digits of the phone number run left to right"
    # Without our markup a right-to-left paragraph would reverse the groups: show that it would.
    page.evaluate("""() => {
        const p = document.createElement('p'); p.id = 'bare'; p.textContent = '01632 960 111';
        document.querySelector('main').appendChild(p);
    }""")
    bare = reading_order(page, "#bare")
    assert bare != sorted(bare), "the check above could not fail"


def test_the_start_button_points_the_way_the_page_reads(new_page):
    page = new_page(viewport=DESKTOP)
    page.goto("/")
    choose_language(page, "ar")
    button = page.locator(".govuk-button--start")
    icon = page.locator(".govuk-button__start-icon").bounding_box()
    words = button.bounding_box()
    assert icon["x"] < words["x"] + words["width"] / 2, "the arrow is on the left, where the page goes"
    assert matrix(page.locator(".govuk-button__start-icon").evaluate("(n) => getComputedStyle(n).transform"))[0] == -1
