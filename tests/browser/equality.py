"""The equality questions in the browser, after "Send": answered, skipped, or "Prefer not to
say" throughout. Shared by the adult and young person's journeys."""

from __future__ import annotations

import re
from datetime import date

from playwright.sync_api import expect

from tests.browser.conftest import fill, said
PNTS = "prefer_not_to_say"

ADULT_ANSWERS = {
    "child-sex": {"sex": "female"},
    "child-ethnic-group": {"ethnic_group": "white"},
    "child-ethnic-background": {"ethnic_background": "white_other", "ethnic_text": "Polish"},
    "child-health": {"condition": "yes"},
    "child-health-impact": {"condition_impact": "a_lot"},
    "child-religion": {"religion": "christian"},
    "you-date-of-birth": {"dob-day": "", "dob-month": "6", "dob-year": "1984"},
    "you-sex": {"sex": "female"},
    "you-gender": {"gender_same": "no", "gender_text": "Non-binary"},
    "you-sexual-orientation": {"sexual_orientation": "straight"},
    "you-ethnic-group": {"ethnic_group": "black"},
    "you-ethnic-background": {"ethnic_background": "black_caribbean"},
    "you-health": {"condition": "no"},
    "you-religion": {"religion": "other", "religion_text": "Rastafari"},
}
YOUNG_ANSWERS = {
    "you-date-of-birth": {"dob-day": "", "dob-month": "", "dob-year": str(date.today().year - 17)},
    "you-sex": {"sex": "male"},
    "you-gender": {"gender_same": "yes"},
    "you-sexual-orientation": {"sexual_orientation": PNTS},
    "you-ethnic-group": {"ethnic_group": "mixed"},
    "you-ethnic-background": {"ethnic_background": "mixed_other", "ethnic_text": "Irish and Ghanaian"},
    "you-health": {"condition": "yes"},
    "you-health-impact": {"condition_impact": "a_little"},
    "you-religion": {"religion": "none"},
}


def equality_questions(page, origin: str, mode: str, language: str, tag: str, check,
                       answers: dict | None = None) -> list[str]:
    """From the page after "Send" to the confirmation. `mode`: answer | skip | prefer_not.
    Returns the questions' addresses, in order."""
    expect(page).to_have_url(re.compile(f"/equality/{origin}$"))
    expect(page.locator(".portal-reference")).to_have_text(re.compile(r"CSC-\d{4}-\d{5}"))
    check(page, f"{tag}-92-equality")
    page.locator(f'[name="answer"][value="{"no" if mode == "skip" else "yes"}"]').check()
    page.get_by_role("button", name=said(language, "Continue")).click()
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
            page.get_by_role("button", name=said(language, "Continue")).click()
            expect(page.locator(".govuk-error-summary")).to_be_visible()
            check(page, f"{tag}-93-{slug}-error")
        check(page, f"{tag}-94-{len(seen):02d}-{slug}")
        given = (answers or {}).get(slug) if mode == "answer" else None
        if given:
            fill(page, given)
        elif page.locator(f'[name][value="{PNTS}"]').count():
            page.locator(f'[name][value="{PNTS}"]').check()
        page.get_by_role("button", name=said(language, "Continue")).click()
        expect(page).not_to_have_url(re.compile(f"/{slug}$"))
        assert len(seen) < 25
