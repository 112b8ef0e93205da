"""A whole case in Chromium: sent online, found in the queue, handled through Stage 1 to Stage 2
and closed; axe on the queue and the case page as an officer sees them."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import fill
from tests.conftest import PASSWORD, make_staff
from tests.journeys import COMPLAINT_BY_PHONE

pytestmark = pytest.mark.browser
DESK = {"width": 1280, "height": 900}


def send_complaint(page) -> str:
    page.goto("/tell-us/start")
    for _slug, data in COMPLAINT_BY_PHONE:
        fill(page, data)
        page.get_by_role("button", name="Continue", exact=True).click()
    page.get_by_role("button", name="Send your complaint").click()
    return page.locator(".portal-reference").inner_text()


def sign_in(page, email: str) -> None:
    page.goto("/staff/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def do(page, summary: str, fields: dict | None = None, button: str | None = None) -> None:
    page.locator("summary", has_text=summary).click()
    details = page.locator("details[open]").last
    for label, value in (fields or {}).items():
        box = details.get_by_label(label, exact=True).first
        if box.evaluate("e => e.tagName") == "SELECT":
            box.select_option(label=value)
        elif box.get_attribute("type") in ("radio", "checkbox"):
            box.check()
        else:
            box.fill(value)
    details.get_by_role("button", name=button or summary).click()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_an_officer_carries_a_complaint_from_the_queue_to_closing(new_page, live_server, accessibility, javascript):
    tag = "js" if javascript else "nojs"
    reference = send_complaint(new_page(javascript=javascript))
    email = f"officer-{tag}@example.org.uk"
    make_staff(live_server.app, "officer", email, "Olu Officer")
    make_staff(live_server.app, "investigator", f"io-{tag}@example.org.uk", f"Ike Investigator {tag}")
    page = new_page(javascript=javascript, viewport=DESK)
    sign_in(page, email)
    expect(page.get_by_role("heading", name="Queue")).to_be_visible()
    if javascript:
        accessibility.check(page, "staff-queue")
    page.get_by_role("link", name=reference).click()
    expect(page.get_by_role("heading", name=reference)).to_be_visible()
    if javascript:
        accessibility.check(page, "staff-case-new")

    do(page, "Acknowledge", {"Phone call": "x"}, "Record acknowledgement")
    expect(page.get_by_text("Acknowledgement recorded.")).to_be_visible()
    do(page, "Assign", {"Who should have it": f"Ike Investigator {tag} (Investigating officer)"})
    expect(page.get_by_text(f"Assigned to Ike Investigator {tag}.")).to_be_visible()
    do(page, "Extend", {"Who agreed": "Alex Jones", "Why more time is needed": "Three teams involved"})
    expect(page.get_by_text("Extension recorded.")).to_be_visible()
    do(page, "Record the stage 1 response", {"Partially upheld": "x", "Category": "Cancelled visit"}, "Record response")
    expect(page.get_by_text("Stage 1 response recorded.")).to_be_visible()
    do(page, "Escalate to stage 2", {"Investigating officer": "I. Outsider", "Independent person": "P. Independent"}, "Escalate")
    expect(page.get_by_text("Escalated to stage 2.")).to_be_visible()
    expect(page.locator(".portal-timeline")).to_contain_text("Escalated")
    if javascript:
        accessibility.check(page, "staff-case-stage-2")
    do(page, "Close the case", button="Close")
    expect(page.get_by_text("Closed.", exact=True)).to_be_visible()
    page.get_by_role("link", name="Queue", exact=True).click()
    expect(page.get_by_role("link", name=reference)).to_have_count(0)


def test_the_sign_in_page_and_a_new_case_form_are_accessible(new_page, live_server, accessibility):
    make_staff(live_server.app, "manager", "manager-a11y@example.org.uk", "Mo Manager")
    page = new_page(viewport=DESK)
    page.goto("/staff/sign-in")
    accessibility.check(page, "staff-sign-in")
    sign_in(page, "manager-a11y@example.org.uk")
    page.get_by_role("link", name=re.compile("Enter a case")).click()
    accessibility.check(page, "staff-new-case")
    page.get_by_role("button", name="Make the case").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    accessibility.check(page, "staff-new-case-error")


def test_the_statistics_and_the_draft_report_are_accessible(new_page, live_server, accessibility):
    from tests.conftest import ROOT

    sample = ROOT / "tests" / "data" / "statistics-2023-24.jsonl"
    live_server.app.test_cli_runner().invoke(args=["cases", "import", str(sample), "--accept-good"])
    make_staff(live_server.app, "statistics", "figures@example.org.uk", "Fi Figures")
    page = new_page(viewport=DESK)
    sign_in(page, "figures@example.org.uk")
    page.goto("/staff/statistics/2023-24")
    expect(page.get_by_role("heading", name="Statistics 2023-24")).to_be_visible()
    accessibility.check(page, "staff-statistics")
    page.get_by_role("link", name="Draft annual report for 2023-24").click()
    accessibility.check(page, "staff-annual-report")
