"""After the first page: saving and coming back (and a link that has expired), adding files,
following a case with a one-time link, replying and withdrawing; axe on every page."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from portal.extensions import db
from portal.models import Draft, OutboxMessage
from tests.browser.conftest import fill, output_path
from tests.journeys import COMPLAINT
from tests.young import WRONG

pytestmark = pytest.mark.browser
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


def emailed(live_server, kind: str, to: str) -> str:
    """The path of the link in the newest email of this kind to this address."""
    with live_server.app.app_context():
        message = db.session.scalars(select(OutboxMessage).where(
            OutboxMessage.kind == kind, OutboxMessage.to_address == to).order_by(OutboxMessage.id.desc())).first()
        return re.search(r"https?://[^/\s]+(/\S+)", message.body_text).group(1)


def go_on(page) -> None:
    page.get_by_role("button", name="Continue", exact=True).click()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_a_parent_saves_comes_back_from_the_email_and_finishes(new_page, live_server, accessibility, javascript):
    to = f"saver-{'js' if javascript else 'nojs'}@example.com"
    check = accessibility.check if javascript else (lambda p, name: None)
    page = new_page(javascript=javascript)
    page.goto("/tell-us/start")
    for _slug, data in COMPLAINT[:12]:
        fill(page, data)
        go_on(page)
    page.get_by_label("Email address").fill("alex.jo")  # not finished yet
    page.get_by_role("button", name="Save and come back later").click()
    expect(page.locator("h1")).to_have_text("Save your answers and come back later")
    check(page, "save-01-choose")
    page.get_by_role("button", name="Email me a link").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check(page, "save-02-error")
    page.get_by_label("Email address").fill(to)
    page.get_by_role("button", name="Email me a link").click()
    expect(page.locator("h1")).to_have_text("Your answers are saved")
    expect(page.locator("main")).to_contain_text(f"We have sent a link to {to}")
    check(page, "save-03-sent")

    # Another day, another device: the link opens the answers, with the half-typed one.
    later = new_page(javascript=javascript)
    later.goto(emailed(live_server, "save_link", to))
    expect(later).to_have_url(re.compile("/tell-us/contact-details$"))
    expect(later.locator(".govuk-notification-banner")).to_contain_text("Welcome back")
    expect(later.get_by_label("Email address")).to_have_value("alex.jo")
    check(later, "save-04-back")
    later.get_by_label("Email address").fill(to)
    go_on(later)
    for _slug, data in COMPLAINT[13:]:
        fill(later, data)
        go_on(later)
    expect(later).to_have_url(re.compile("/tell-us/check$"))
    later.get_by_role("button", name="Send your complaint").click()
    expect(later.locator(".portal-reference")).to_have_text(re.compile(r"CSC-\d{4}-\d{5}"))


def test_an_expired_link_says_so_and_the_code_way_works(new_page, live_server, accessibility):
    page = new_page()
    page.goto("/tell-us/start")
    fill(page, COMPLAINT[0][1])
    page.get_by_role("button", name="Save and come back later").click()
    page.get_by_label("Email address").fill("expiring@example.com")
    page.get_by_role("button", name="Email me a link").click()
    link = emailed(live_server, "save_link", "expiring@example.com")
    with live_server.app.app_context():
        draft = db.session.scalar(select(Draft).where(Draft.saved_until.is_not(None)).order_by(Draft.id.desc()))
        draft.saved_until = datetime.now(timezone.utc) - timedelta(days=1)
        db.session.commit()
    other = new_page()
    other.goto(link)
    expect(other.locator("h1")).to_have_text("This link has expired")
    accessibility.check(other, "save-05-expired")

    # The code, for someone whose email is not safe: written down, typed in later.
    page.goto("/tell-us/what-to-tell-us")
    page.get_by_role("button", name="Save and come back later").click()
    page.get_by_role("button", name="Show me a code").click()
    code = page.locator(".portal-code").inner_text()
    accessibility.check(page, "save-06-code")
    third = new_page()
    third.goto("/return")
    accessibility.check(third, "save-07-return")
    third.get_by_label("Come back to your saved answers").fill(code.lower())
    third.get_by_role("button", name="Open my answers").click()
    expect(third).to_have_url(re.compile("/tell-us/who-you-are$"))


def test_a_young_person_saves_with_a_code_and_keeps_exit_this_page(new_page, accessibility):
    page = new_page()
    page.goto("/young-people/tell-us/start")
    fill(page, WRONG[0][1])
    page.get_by_role("button", name="Save and finish later").click()
    expect(page.locator("h1")).to_have_text("Save and finish later")
    expect(page.locator(".govuk-exit-this-page")).to_be_visible()
    accessibility.check(page, "young-save-01")
    page.get_by_role("button", name="Show me a code").click()
    expect(page.locator(".govuk-panel__title")).to_have_text("Your message is saved")
    accessibility.check(page, "young-save-02-code")


def test_a_parent_attaches_a_file_follows_the_case_replies_and_withdraws(new_page, live_server, accessibility, tmp_path):
    to = "follower@example.com"
    letter = tmp_path / "letter from school.pdf"
    letter.write_bytes(PDF)
    program = tmp_path / "not a letter.pdf"
    program.write_bytes(b"MZ\x90\x00 a program")
    page = new_page()
    page.goto("/tell-us/start")
    for slug, data in COMPLAINT:
        fill(page, {"email": to} if slug == "contact-details" else data)
        go_on(page)
    page.get_by_role("link", name="Add documents or photos").click()
    accessibility.check(page, "files-01-empty")
    page.get_by_label("Choose files").set_input_files([str(program)])
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("not a letter.pdf is not a kind of file we can take")
    accessibility.check(page, "files-02-refused")
    page.get_by_label("Choose files").set_input_files([str(letter)])
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator(".govuk-summary-list")).to_contain_text("letter from school.pdf")
    accessibility.check(page, "files-03-added")
    page.get_by_role("link", name="Continue").click()
    expect(page.locator("main")).to_contain_text("letter from school.pdf")
    page.get_by_role("button", name="Send your complaint").click()
    reference = page.locator(".portal-reference").inner_text()

    follow = new_page()
    follow.goto("/track")
    accessibility.check(follow, "track-01-ask")
    follow.get_by_label("Reference number").fill(reference)
    follow.get_by_label("Email address").fill(to)
    follow.get_by_role("button", name="Email me a link").click()
    expect(follow.locator("h1")).to_have_text("Check your email")
    accessibility.check(follow, "track-02-asked")
    follow.goto(emailed(live_server, "tracking_link", to))
    accessibility.check(follow, "track-03-open")
    follow.get_by_role("button", name="Open", exact=True).click()
    expect(follow.locator("h1")).to_have_text("Your complaint")
    expect(follow.locator("#where")).to_contain_text("Stage 1")
    expect(follow.locator("main")).to_contain_text("letter from school.pdf")
    accessibility.check(follow, "track-04-case")

    follow.get_by_role("link", name="Send us more information or documents").click()
    follow.get_by_label("Send us more information").fill("The school wrote to us again on Friday.")
    follow.get_by_label("Files (optional)").set_input_files([str(letter)])
    accessibility.check(follow, "track-05-add")
    follow.get_by_role("button", name="Send", exact=True).click()
    expect(follow.locator(".govuk-notification-banner--success")).to_contain_text("We have added what you sent")

    follow.get_by_role("link", name="Withdraw your complaint").click()
    accessibility.check(follow, "track-06-withdraw")
    follow.get_by_role("button", name="Withdraw my complaint").click()
    expect(follow.locator(".govuk-inset-text")).to_contain_text("You asked us to withdraw your complaint")
    accessibility.check(follow, "track-07-asked-to-withdraw")
    follow.get_by_role("button", name="Finish and close this page").click()
    follow.goto("/track/case")
    expect(follow.locator("h1")).to_have_text("For your security, this page has closed")
    follow.screenshot(path=str(output_path("track-08-closed.png")))
