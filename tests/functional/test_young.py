"""The young person's form and the request for an advocate, through the test client."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models import Case, Draft, OutboxMessage
from tests.conftest import ROOT, CheckingClient, make_app, redirect_path, sign_in
from tests.young import ADVOCACY, BY_ADVOCATE, GOOD, WRONG


def answer(client, flow: str, slug: str, data: dict, expect=302):
    page = client.get(f"/young-people/{flow}/{slug}")
    return client.post(f"/young-people/{flow}/{slug}", {**data, "csrf_token": page.csrf()}, expect=expect)


def send(client, flow: str, journey) -> str:
    """Go through a whole journey and press Send; returns the reference shown."""
    client.get(f"/young-people/{flow}/start", expect=302)
    for slug, data in journey:
        answer(client, flow, slug, data)
    check = client.get(f"/young-people/{flow}/check")
    client.post(f"/young-people/{flow}/check", {"csrf_token": check.csrf()})
    page = client.get(f"/young-people/{flow}/sent")
    return page.soup.select_one(".portal-reference").get_text(strip=True)


def the_case(app, reference: str) -> Case:
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.reference == reference))
        db.session.expunge(case)
        return case


def emails(app, kind: str) -> list[OutboxMessage]:
    with app.app_context():
        found = db.session.scalars(select(OutboxMessage).where(OutboxMessage.kind == kind)).all()
        for message in found:
            db.session.expunge(message)
        return found


def with_answer(steps, slug: str, **changes):
    return [(s, {**d, **changes} if s == slug else d) for s, d in steps]


def test_a_young_person_tells_us_something_is_wrong_and_asks_for_an_advocate(app, client):
    reference = send(client, "tell-us", WRONG)
    case = the_case(app, reference)
    assert (case.kind, case.procedure, case.stage) == ("complaint", "statutory", 1)
    assert case.received_via == "young_person_form"
    assert case.complainant_role == "young_person" and case.made_by_young_person
    assert case.child_looked_after is True and case.routing["tell_iro"] is True
    assert case.contact_name == "Jay Smith" and case.contact_email == "jay.smith@example.com"
    assert case.team == "My social worker"
    # The council asks for referrals by email: the wish for an advocate is passed on at once.
    assert case.advocate_status == "referred"
    [referral] = emails(app, "advocacy_referral")
    assert referral.to_address == "referrals@advocacy.example.org.uk"
    assert "Jay Smith" in referral.body_text and "jay.smith@example.com" in referral.body_text
    assert "They said they are in care." in referral.body_text
    # What they wrote stays on the case, not in the email.
    assert "did not come" not in referral.body_text
    [ack] = emails(app, "acknowledgement")
    assert ack.subject == f"We got your message: {reference}"
    assert "An advocate can help you for free." in ack.body_text
    [team] = emails(app, "team_notification")
    assert "From: a young person" in team.body_text
    assert "Advocate: Passed to the advocacy service" in team.body_text


def test_the_confirmation_says_what_happens_next_in_plain_words(client):
    send(client, "tell-us", WRONG)
    page = client.get("/young-people/tell-us/sent")
    text = page.soup.find("main").get_text(" ", strip=True)
    assert page.h1 == "We got your message"
    assert "We have sent an email to say we got it." in text
    assert "Northbrook Young People's Advocacy will get in touch with you." in text


def test_something_good_needs_no_name_and_no_reply(app, client):
    reference = send(client, "tell-us", GOOD)
    case = the_case(app, reference)
    assert (case.kind, case.procedure, case.stage) == ("compliment", None, None)
    assert case.contact_name is None and case.advocate_status is None
    assert case.answers["when"]["happened_unsure"] is True
    assert not emails(app, "acknowledgement") and not emails(app, "advocacy_referral")


def test_a_complaint_needs_a_name_but_not_sure_is_always_an_answer(client):
    client.get("/young-people/tell-us/start", expect=302)
    for slug, data in WRONG[:8]:
        answer(client, "tell-us", slug, data)
    page = answer(client, "tell-us", "name", {"name": "  "}, expect=200)
    assert page.errors() == ["Write your name"] == page.inline_errors()
    page = answer(client, "tell-us", "better", {"better": "", "better_unsure": ""}, expect=200)
    assert page.errors() == ["Tell us what would make it better, or tick ‘I'm not sure’"]
    answer(client, "tell-us", "better", {"better": "", "better_unsure": "y"})


def test_an_advocate_fills_it_in_for_a_young_person(app, client):
    reference = send(client, "tell-us", BY_ADVOCATE)
    case = the_case(app, reference)
    assert case.complainant_role == "advocate"
    # The complaint is the young person's own, made through their advocate.
    assert case.made_by_young_person and case.advocate_involved
    assert case.advocate_status == "has_one"
    assert case.contact_name == "Robin Lee"
    assert case.contact_email == "robin.lee@advocacy.example.org.uk"
    assert case.answers["name"]["name"] == "Sam Taylor"
    assert case.routing["procedure"] == "statutory"
    # An advocate filling it in is the answer to "do you want an advocate".
    assert "advocate" not in case.answers and "contact" not in case.answers
    assert not emails(app, "advocacy_referral")
    [ack] = emails(app, "acknowledgement")
    assert ack.to_address == "robin.lee@advocacy.example.org.uk"
    assert "We have received your complaint" in ack.subject  # written to the adult


def test_the_pages_speak_to_the_adult_who_fills_it_in_for_a_young_person(client):
    client.get("/young-people/tell-us/start", expect=302)
    answer(client, "tell-us", "who", {"who": "for"})
    assert client.get("/young-people/tell-us/helper").h1 == "About you"
    answer(client, "tell-us", "helper", BY_ADVOCATE[1][1])
    answer(client, "tell-us", "agreement", {"agreement": "given"})
    for slug, data in BY_ADVOCATE[3:8]:
        answer(client, "tell-us", slug, data)
    assert client.get("/young-people/tell-us/in-care").h1 == "Is the young person in care?"
    answer(client, "tell-us", "in-care", {"in_care": "no"})
    assert client.get("/young-people/tell-us/name").h1 == "What is the young person's name?"


def test_a_carer_writing_for_a_young_person_is_the_complainant(app, client):
    journey = with_answer(BY_ADVOCATE, "helper", helper_role="foster_carer")
    # A carer is asked about an advocate for the young person.
    journey.insert(9, ("advocate", {"advocate": "unsure"}))
    case = the_case(app, send(client, "tell-us", journey))
    assert case.complainant_role == "foster_carer" and not case.made_by_young_person
    assert case.advocate_status == "unsure" and not case.advocate_involved


def test_the_helper_gives_their_name_who_they_are_and_a_way_to_reach_them(client):
    client.get("/young-people/tell-us/start", expect=302)
    answer(client, "tell-us", "who", {"who": "helped"})
    empty = {"helper_name": "", "helper_email": "", "helper_phone": ""}
    page = answer(client, "tell-us", "helper", empty, expect=200)
    assert page.errors() == [
        "Write your name", "Choose who you are", "Give us an email address or a phone number",
    ]
    page = answer(client, "tell-us", "helper", {**empty, "helper_name": "Pat", "helper_role": "professional",
                                                 "helper_email": "pat@"}, expect=200)
    assert page.errors() == ["Write the email address like this: name@example.com"]
    answer(client, "tell-us", "helper", {**empty, "helper_name": "Pat", "helper_role": "professional",
                                         "helper_phone": "07700 900 456"})
    # Someone helping can be the way we reach the young person.
    for slug, data in WRONG[1:9]:
        answer(client, "tell-us", slug, data)
    page = client.get("/young-people/tell-us/contact")
    values = [i["value"] for i in page.soup.select("input[name=method]")]
    assert values == ["email", "phone", "text", "helper"]


def test_a_young_person_asks_an_advocate_to_get_in_touch(app, client):
    start = client.get("/young-people/advocate")
    assert start.soup.select_one("a.govuk-button--start")["href"] == "/young-people/advocate/start"
    reference = send(client, "advocate", ADVOCACY)
    case = the_case(app, reference)
    assert (case.kind, case.procedure, case.stage, case.routing) == ("advocacy_request", None, None, None)
    assert case.made_by_young_person and case.contact_phone == "07700 900 123"
    # Passing it to the advocacy service is what the request was owed.
    assert case.advocate_status == "referred" and case.acknowledged_by == "advocacy"
    [referral] = emails(app, "advocacy_referral")
    assert "They asked for an advocate instead of writing their complaint." in referral.body_text
    assert "may NOT be safe" in referral.body_text
    assert "Text after 4pm on a school day. Do not call." in referral.body_text
    assert "It is about my placement." in referral.body_text
    assert not emails(app, "acknowledgement")  # no email address, and not safe to text anyway
    page = client.get("/young-people/advocate/sent")
    assert "We have sent your message to Northbrook Young People's Advocacy." in page.soup.get_text(" ")


def test_advocacy_requests_stay_out_of_the_complaint_figures_and_the_exchange(app, client):
    send(client, "advocate", ADVOCACY)
    send(client, "tell-us", WRONG)
    from portal.exchange import export_lines
    from portal.statistics.report import build_report

    with app.app_context():
        lines = list(export_lines())
        year = the_year()
        report = build_report(year)
    assert len(lines) == 1 and '"kind": "complaint"' in lines[0]
    assert report["young_people"]["complaints"] == 1
    assert sum(report["received_via"].values()) == 1


def the_year() -> str:
    from datetime import date

    today = date.today()
    start = today.year if today.month >= 4 else today.year - 1
    return f"{start}-{str(start + 1)[2:]}"


@pytest.fixture
def quiet_council(tmp_path):
    """A council that does not email referrals: the team passes them on from the queue."""
    text = (ROOT / "portal" / "councils" / "demo.toml").read_text(encoding="utf-8")
    text = text.replace('referrals_email = "referrals@advocacy.example.org.uk"\n', "")
    path = tmp_path / "council.toml"
    path.write_text(text, encoding="utf-8")
    return make_app(tmp_path, "quiet", COUNCIL_FILE=str(path))


def test_without_referral_emails_the_queue_shows_who_wants_an_advocate(quiet_council):
    app = quiet_council
    client = CheckingClient(app.test_client())
    wrong = send(client, "tell-us", WRONG)
    request = send(client, "advocate", ADVOCACY)
    assert the_case(app, wrong).advocate_status == "wanted"
    assert the_case(app, request).acknowledged_on is None
    assert not emails(app, "advocacy_referral")
    staff = sign_in(app, "officer")
    queue = staff.get("/staff/?young_person=advocate_wanted")
    listed = [a.get_text(strip=True) for a in queue.soup.select("tbody th a")]
    assert sorted(listed) == sorted([wrong, request])
    row = queue.soup.find("a", string=request).find_parent("tr")
    assert "Pass to the advocacy service" in row.get_text(" ", strip=True)
    assert "Wants an advocate" in row.get_text(" ", strip=True)
    page = staff.get(f"/staff/cases/{request}")
    assert "They asked for an advocate instead of writing their complaint" in page.text
    staff.post(f"/staff/cases/{request}/advocacy", {
        "status": "referred", "note": "Called the duty advocate.", "on-day": "", "on-month": "", "on-year": "",
        "csrf_token": page.csrf()})
    case = the_case(app, request)
    assert case.advocate_status == "referred" and case.acknowledged_by == "advocacy"
    assert case.next_due_on is None
    queue = staff.get("/staff/?young_person=advocate_wanted")
    assert [a.get_text(strip=True) for a in queue.soup.select("tbody th a")] == [wrong]
    page = staff.get(f"/staff/cases/{wrong}")
    assert "Tell the IRO" in staff.get("/staff/").text
    assert "The child is looked after: tell their Independent Reviewing Officer" in page.text


def test_exit_this_page_wipes_the_answers_and_leaves(app, client):
    client.get("/young-people/tell-us/start", expect=302)
    answer(client, "tell-us", "who", {"who": "me"})
    answer(client, "tell-us", "what-kind", {"kind": "wrong"})
    page = client.get("/young-people/tell-us/what-happened")
    exit_link = page.soup.select_one(".govuk-exit-this-page a")
    assert exit_link["href"] == "/young-people/exit"
    left = client.get("/young-people/exit", expect=303)
    assert left.response.location == "https://www.bbc.co.uk/weather"
    assert "storage" in left.response.headers["Clear-Site-Data"]
    with app.app_context():
        assert db.session.query(Draft).count() == 0
    # Coming back starts again from nothing.
    again = client.get("/young-people/tell-us/what-happened", expect=302)
    assert redirect_path(again) == "/young-people/tell-us/start"


def test_every_young_persons_page_has_help_a_way_out_and_999(client):
    urls = ["/young-people", "/young-people/advocate"]
    client.get("/young-people/tell-us/start", expect=302)
    urls.append("/young-people/tell-us/who")
    for url in urls:
        page = client.get(url)
        text = " ".join(page.soup.get_text().split())
        assert "In danger now? Call 999." in text
        assert "Call Childline free on 0800 1111" in text
        assert "You can get help" in text
        assert page.soup.select_one(".govuk-exit-this-page a[href='/young-people/exit']")
        # A second way out for keyboard users, right after "Skip to main content".
        skips = page.soup.select("a.govuk-skip-link")
        assert [a["href"] for a in skips] == ["#main-content", "/young-people/exit"]


def test_the_way_out_is_explained_the_first_time(client):
    first = client.get("/young-people/advocate")
    assert "Need to leave fast?" in first.text
    second = client.get("/young-people/advocate")
    assert "Need to leave fast?" not in second.text
    assert "Need to leave fast?" in client.get("/young-people").text  # always on the start page


def test_pressing_send_twice_makes_one_case(app, client):
    client.get("/young-people/advocate/start", expect=302)
    for slug, data in ADVOCACY:
        answer(client, "advocate", slug, data)
    check = client.get("/young-people/advocate/check")
    client.post("/young-people/advocate/check", {"csrf_token": check.csrf()})
    again = client.post("/young-people/advocate/check", {"csrf_token": check.csrf()})
    assert redirect_path(again) == "/young-people/advocate/sent"
    with app.app_context():
        assert db.session.query(Case).count() == 1


def test_the_short_address_and_the_links_from_the_adult_form(client):
    assert redirect_path(client.get("/yp", expect=301)) == "/young-people"
    start = client.get("/")
    assert start.soup.find("a", href="/young-people")
    client.get("/tell-us/start", expect=302)
    client.answer("what-to-tell-us", {"kind": "complaint"})
    role = client.get("/tell-us/who-you-are")
    assert role.soup.find("a", href="/young-people")
    assert "/yp" in client.get("/young-people").text


def test_no_page_can_be_skipped_and_unknown_pages_are_not_found(client):
    client.get("/young-people/tell-us/start", expect=302)
    skipped = client.get("/young-people/tell-us/help", expect=302)
    assert redirect_path(skipped) == "/young-people/tell-us/who"
    client.get("/young-people/tell-us/nothing", expect=404)
    client.get("/young-people/elsewhere/start", expect=404)


def test_in_welsh_the_pages_and_the_email_are_welsh_and_the_answers_stay(app, client):
    client.get("/language/cy?next=/young-people", expect=303)
    start = client.get("/young-people")
    assert start.soup.html["lang"] == "cy" and start.h1 != "Tell us what you think"
    client.get("/young-people/tell-us/start", expect=302)
    answer(client, "tell-us", "who", {"who": "me"})
    client.get("/language/en?next=/young-people/tell-us/who", expect=303)
    assert client.get("/young-people/tell-us/who").soup.select_one("input[value=me]").has_attr("checked")
    client.get("/language/cy?next=/young-people", expect=303)
    for slug, data in WRONG[1:]:
        answer(client, "tell-us", slug, data)
    check = client.get("/young-people/tell-us/check")
    client.post("/young-people/tell-us/check", {"csrf_token": check.csrf()})
    sent = client.get("/young-people/tell-us/sent")
    reference = sent.soup.select_one(".portal-reference").get_text(strip=True)
    assert the_case(app, reference).language == "cy"
    [ack] = emails(app, "acknowledgement")
    assert ack.language == "cy" and reference in ack.subject and "We got your message" not in ack.subject
    assert "An advocate can help you for free." not in ack.body_text


def test_when_the_session_has_gone_what_the_young_person_typed_comes_back(app):
    stranger = app.test_client()
    text = "I waited all day and nobody came"
    page = stranger.post("/young-people/tell-us/what-happened", data={"story": text})
    body = page.get_data(as_text=True)
    assert page.status_code == 400
    assert text in body and 'name="csrf_token"' in body
    assert "In danger now? Call 999." in body


def test_the_advocate_is_told_the_language_a_young_person_speaks(app, client):
    client.get("/language/ar?next=/", expect=303)
    steps = with_answer(WRONG, "help", help=["interpreter", "easy_read"], language="Tigrinya")
    reference = send(client, "tell-us", steps)
    case = the_case(app, reference)
    assert case.language == "ar" and case.interpreter == "Tigrinya"
    [referral] = emails(app, "advocacy_referral")
    assert "Language: Arabic (العربية)" in referral.body_text
    assert "Interpreter needed: Tigrinya" in referral.body_text
    [ack] = emails(app, "acknowledgement")
    assert ack.language == "ar" and "\u2066" + reference + "\u2069" in ack.subject
