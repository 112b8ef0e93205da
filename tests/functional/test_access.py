"""Who may open what: every staff URL, for every role and for someone not signed in."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from portal.extensions import db
from portal.models import Case, StaffUser
from tests.conftest import CheckingClient, sign_in, submit_complaint
from tests.journeys import BY_PHONE

ROLES = ["admin", "manager", "officer", "investigator", "statistics"]
OPEN_TO_ALL = {"staff.sign_in", "staff.sign_out", "staff.session_status", "staff.keep_signed_in"}

# (method, path, {role: expected status}); "visitor" is someone not signed in.
CASE = "{case}"
MATRIX = [
    ("GET", "/staff/", {"admin": 200, "manager": 200, "officer": 200, "investigator": 200, "statistics": 403, "visitor": 302}),
    ("GET", "/staff/?mine=1", {"admin": 200, "manager": 200, "officer": 200, "investigator": 200, "statistics": 403, "visitor": 302}),
    ("GET", f"/staff/cases/{CASE}", {"admin": 200, "manager": 200, "officer": 200, "investigator": 404, "statistics": 403, "visitor": 302}),
    ("POST", f"/staff/cases/{CASE}/note", {"admin": 302, "manager": 302, "officer": 302, "investigator": 404, "statistics": 403, "visitor": 302}),
    ("POST", f"/staff/cases/{CASE}/assign", {"admin": 302, "manager": 302, "officer": 302, "investigator": 403, "statistics": 403, "visitor": 302}),
    ("POST", f"/staff/cases/{CASE}/procedure", {"admin": 302, "manager": 302, "officer": 302, "investigator": 403, "statistics": 403, "visitor": 302}),
    ("POST", f"/staff/cases/{CASE}/escalate", {"admin": 302, "manager": 302, "officer": 302, "investigator": 403, "statistics": 403, "visitor": 302}),
    ("POST", f"/staff/cases/{CASE}/close", {"admin": 302, "manager": 302, "officer": 302, "investigator": 403, "statistics": 403, "visitor": 302}),
    ("POST", f"/staff/cases/{CASE}/nonsense", {"admin": 404, "manager": 404, "officer": 404, "investigator": 404, "statistics": 403, "visitor": 302}),
    ("GET", "/staff/cases/CSC-1999-99999", {"admin": 404, "manager": 404, "officer": 404, "investigator": 404, "statistics": 403, "visitor": 302}),
    ("GET", "/staff/cases/new", {"admin": 200, "manager": 200, "officer": 200, "investigator": 403, "statistics": 403, "visitor": 302}),
    ("POST", f"/staff/cases/{CASE}/learning", {"admin": 302, "manager": 302, "officer": 302, "investigator": 404, "statistics": 403, "visitor": 302}),
    ("POST", f"/staff/cases/{CASE}/ombudsman-decision", {"admin": 302, "manager": 302, "officer": 302, "investigator": 403, "statistics": 403, "visitor": 302}),
    ("GET", "/staff/cases.jsonl", {"admin": 200, "manager": 200, "officer": 403, "investigator": 403, "statistics": 403, "visitor": 302}),
    ("GET", "/staff/sign-in", {role: 200 for role in ROLES + ["visitor"]}),
]


@pytest.fixture
def reference(app):
    return submit_complaint(CheckingClient(app.test_client()), BY_PHONE)


def client_for(app, who):
    return CheckingClient(app.test_client()) if who == "visitor" else sign_in(app, who)


def csrf_for(client):
    page = client.client.get("/staff/sign-in")
    from bs4 import BeautifulSoup

    return BeautifulSoup(page.get_data(as_text=True), "html.parser").find("input", attrs={"name": "csrf_token"})["value"]


@pytest.mark.parametrize("who", ROLES + ["visitor"])
def test_every_staff_url_answers_each_role_as_it_should(app, reference, who):
    client = client_for(app, who)
    token = csrf_for(client)
    for method, path, expected in MATRIX:
        url = path.replace(CASE, reference)
        if method == "GET":
            response = client.client.get(url)
        else:
            response = client.client.post(url, data={"csrf_token": token, "text": "A note", "reason": "x"})
        response.get_data()  # a download streams: read it to the end, as a browser would
        response.close()
        assert response.status_code == expected[who], (who, method, url, response.status_code)
        if who == "visitor" and expected[who] == 302:
            assert "/staff/sign-in" in response.location


def test_an_investigator_may_act_on_a_case_assigned_to_them(app, reference):
    client = sign_in(app, "investigator", "io@example.org.uk")
    with app.app_context():
        me = db.session.scalar(select(StaffUser.id).where(StaffUser.email == "io@example.org.uk"))
        db.session.execute(update(Case).where(Case.reference == reference).values(assignee_id=me))
        db.session.commit()
    token = csrf_for(client)
    assert client.client.get(f"/staff/cases/{reference}").status_code == 200
    assert client.client.post(f"/staff/cases/{reference}/note", data={"csrf_token": token, "text": "Spoke to Alex"}).status_code == 302
    assert client.client.post(f"/staff/cases/{reference}/assign", data={"csrf_token": token}).status_code == 403


@pytest.mark.parametrize("action", ["assign", "acknowledge", "note", "pause", "resume", "extend", "procedure",
                                    "respond", "escalate", "withdraw", "close", "front-door", "iro", "panel", "adr",
                                    "ombudsman-referral", "ombudsman-decision", "remedy", "learning"])
def test_every_action_refuses_a_post_without_its_csrf_token(app, reference, action):
    client = sign_in(app, "admin")
    response = client.client.post(f"/staff/cases/{reference}/{action}", data={"text": "x", "reason": "x"})
    assert response.status_code == 400
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.reference == reference))
        assert case.acknowledged_on is None and case.closed_on is None and case.withdrawn_on is None


def test_every_staff_route_names_the_roles_it_allows(app):
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("staff.") or rule.endpoint in OPEN_TO_ALL:
            continue
        view = app.view_functions[rule.endpoint]
        assert getattr(view, "required_roles", None), f"{rule.rule} has no requires(...)"
