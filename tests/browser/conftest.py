"""A real browser (Debian's Chromium through Playwright) against the portal served on 127.0.0.1."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from werkzeug.serving import make_server

from babel.support import Translations

from portal.languages import LANGUAGES
from tests.conftest import OUTPUT, ROOT, make_app

CHROMIUM = "/usr/lib/chromium/chromium"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCREENSHOTS = OUTPUT / "screenshots"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Playwright cannot download its own browser here: drive Debian's build instead.
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--disable-gpu", "--disable-quic", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """The portal on a random port, in a thread, with its own database."""
    app = make_app(tmp_path_factory.mktemp("live"), "live")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.app = app
    server.url = f"http://127.0.0.1:{server.server_port}"
    yield server
    server.shutdown()


@pytest.fixture
def new_page(browser, live_server):
    """Open pages in a fresh context (its own cookies), phone-sized, JavaScript on or off."""
    contexts = []

    def open_page(javascript: bool = True, viewport: dict | None = None, locale: str = "en-GB"):
        context = browser.new_context(
            base_url=live_server.url, java_script_enabled=javascript,
            viewport=viewport or PHONE, locale=locale,
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


class Accessibility:
    """axe-core over the page as it stands, and a screenshot to look at."""

    def __init__(self):
        self.axe = Axe()

    def check(self, page, name: str) -> None:
        # A URL change is seen before the new page's stylesheet has loaded: wait for the page
        # as a person sees it, or axe measures unstyled text.
        page.wait_for_load_state("load")
        self._check_as_shown(page, name)
        if page.locator("html[dir=rtl]").count():
            # Right-to-left layouts are our own styles: see them on a wide screen too.
            narrow = page.viewport_size
            page.set_viewport_size(DESKTOP)
            try:
                self._check_as_shown(page, f"{name}-1280")
            finally:
                page.set_viewport_size(narrow)

    def _check_as_shown(self, page, name: str) -> None:
        results = self.axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        assert results.violations_count == 0, f"{name}:\n{results.generate_report()}"


@pytest.fixture(scope="session")
def accessibility():
    return Accessibility()


def fill(page, data: dict) -> None:
    """Answer a question page from the same answers the client tests post."""
    for name, value in data.items():
        values = value if isinstance(value, list) else [value]
        field = page.locator(f'[name="{name}"]').first
        kind = field.get_attribute("type")
        if kind in ("radio", "checkbox"):
            for item in values:
                page.locator(f'[name="{name}"][value="{item}"]').check()
        elif value != "":
            field.fill(value)


def output_path(name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / name


def said(language: str, text: str) -> str:
    """What the page says for `text` in `language`, from its compiled catalogue."""
    if language == "en":
        return text
    translated = Translations.load(str(ROOT / "translations"), [language]).gettext(text)
    assert translated != text, f"{text!r} has no {language} translation"
    return translated


def choose_language(page, language: str) -> None:
    """Pick a language from the switcher, as a person would, by its own name."""
    if language != "en":
        page.get_by_role("link", name=LANGUAGES[language].endonym, exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", LANGUAGES[language].html_lang)
