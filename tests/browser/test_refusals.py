"""The refusal pages as people meet them: in their language, accessible, and with a way on."""

from __future__ import annotations

import re
import threading

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server

from tests.browser.conftest import choose_language, fill, said
from tests.conftest import make_app
from tests.journeys import COMPLIMENT

pytestmark = pytest.mark.browser


def send_a_compliment(page, language: str) -> None:
    page.goto("/tell-us/start")
    for slug, data in COMPLIMENT:
        expect(page).to_have_url(re.compile(f"/tell-us/{slug}$"))
        fill(page, data)
        page.get_by_role("button", name=said(language, "Continue"), exact=True).click()
    page.get_by_role("button", name=said(language, "Send your compliment")).click()


@pytest.fixture
def limited_server(tmp_path):
    app = make_app(tmp_path, "limited", RATELIMIT_ENABLED=True, PORTAL_LIMIT_SEND="1 per hour")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_too_many_sends_in_arabic(browser, limited_server, accessibility):
    context = browser.new_context(base_url=limited_server, viewport={"width": 375, "height": 812})
    page = context.new_page()
    page.goto("/")
    choose_language(page, "ar")
    send_a_compliment(page, "ar")
    expect(page).to_have_url(re.compile("/tell-us/sent$"))
    send_a_compliment(page, "ar")
    expect(page.locator("h1")).to_have_text(said("ar", "Too many tries in a short time"))
    accessibility.check(page, "ar-js-refused-too-many")
    context.close()


def test_a_form_a_program_filled_in_is_refused_in_urdu_and_can_be_sent_again(new_page, accessibility):
    page = new_page()
    page.goto("/")
    choose_language(page, "ur")
    page.goto("/tell-us/start")
    for slug, data in COMPLIMENT:
        fill(page, data)
        page.get_by_role("button", name=said("ur", "Continue"), exact=True).click()
    # A program fills every box it finds, the hidden one included.
    page.locator('input[name="homepage"]').evaluate("(box) => { box.value = 'https://spam.example'; }")
    page.get_by_role("button", name=said("ur", "Send your compliment")).click()
    expect(page.locator("h1")).to_have_text(said("ur", "We could not send your form"))
    accessibility.check(page, "ur-js-refused-automatic")
    page.get_by_role("link", name=said("ur", "Go back to your answers")).click()
    page.get_by_role("button", name=said("ur", "Send your compliment")).click()
    expect(page).to_have_url(re.compile("/tell-us/sent$"))
