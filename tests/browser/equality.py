"""The equality questions in the browser, after "Send": answered, skipped, or "Prefer not to
say" throughout. Shared by the adult and young person's journeys."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import fill, said
from tests.journeys import ADULT_ANSWERS, PNTS, YOUNG_ANSWERS  # noqa: F401 (imported from here)


def equality_questions(page, origin: str, mode: str, language: str, tag: str, check,
                       answers: dict | None = None) -> list[str]:
    """From the page after "Send" to the confirmation. `mode`: answer | skip | prefer_not.
    Returns the questions' addresses, in order."""
    expect(page).to_have_url(re.compile(f"/equality/{origin}$"))
    expect(page.locator(".portal-reference")).to_have_text(re.compile(r"CSC-\d{4}-\d{5}"))
    check(page, f"{tag}-92-equality")
    page.locator(f'[name="answer"][value="{"no" if mode == "skip" else "yes"}"]').check()
    page.get_by_role("button", name=said(language, "Continue"), exact=True).click()
    seen: list[str] = []
    shown_error = False
    while True:
        expect(page).not_to_have_url(re.compile(f"/equality/{origin}$"))
        if f"/equality/{origin}/" not in page.url:
            return seen
        slug = page.url.rsplit("/", 1)[1]
        seen.append(slug)
        if not shown_error and not slug.endswith("date-of-birth"):
            shown_error = True
            page.get_by_role("button", name=said(language, "Continue"), exact=True).click()
            expect(page.locator(".govuk-error-summary")).to_be_visible()
            check(page, f"{tag}-93-{slug}-error")
        check(page, f"{tag}-94-{len(seen):02d}-{slug}")
        given = (answers or {}).get(slug) if mode == "answer" else None
        if given:
            fill(page, given)
        elif page.locator(f'[name][value="{PNTS}"]').count():
            page.locator(f'[name][value="{PNTS}"]').check()
        page.get_by_role("button", name=said(language, "Continue"), exact=True).click()
        expect(page).not_to_have_url(re.compile(f"/{slug}$"))
        assert len(seen) < 25
