"""Routing runs on submission; its decision, reasons and due dates stay with the case."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from portal.cases import override_procedure
from portal.extensions import db
from portal.models import Case
from tests.journeys import BY_PHONE, COMPLAINT


def submit(client, changes=None):
    client.get("/tell-us/start", expect=302)
    for slug, data in COMPLAINT:
        client.answer(slug, {**data, **(changes or {}).get(slug, {})})
    check = client.get("/tell-us/check")
    client.post("/tell-us/check", {"csrf_token": check.csrf()})


def the_case(app) -> Case:
    with app.app_context():
        case = db.session.scalar(select(Case))
        db.session.expunge(case)
        return case


def test_a_parents_complaint_is_statutory_with_its_reason_and_due_dates(app, client):
    submit(client)
    case = the_case(app)
    assert case.procedure == "statutory"
    assert any("parent" in r["text"].lower() for r in case.routing["reasons"])
    calendar = app.extensions["calendar"]
    assert case.acknowledge_due_on == calendar.add_working_days(case.received_on, 3)
    assert case.response_due_on == calendar.add_working_days(case.received_on, 10)


def test_a_complaint_about_school_admissions_is_corporate(app, client):
    submit(client, {"service": {"service_area": "education"}})
    case = the_case(app)
    assert case.procedure == "corporate"
    assert any(r["code"] == "education" for r in case.routing["reasons"])
    calendar = app.extensions["calendar"]
    # Corporate: acknowledge in 5, respond 10 working days after the acknowledgement, which
    # the automatic email made on the day it arrived.
    assert case.acknowledge_due_on == calendar.add_working_days(case.received_on, 5)
    assert case.acknowledged_on == case.received_on
    assert case.response_due_on == calendar.add_working_days(case.received_on, 10)


def test_a_corporate_complaint_not_yet_acknowledged_is_due_ten_days_after_the_acknowledgement_is(app, client):
    submit(client, {"service": {"service_area": "education"}, **BY_PHONE})
    case = the_case(app)
    calendar = app.extensions["calendar"]
    acknowledge = calendar.add_working_days(case.received_on, 5)
    assert case.acknowledged_on is None and case.acknowledge_due_on == acknowledge
    assert case.response_due_on == calendar.add_working_days(acknowledge, 10)


def test_court_proceedings_become_a_matter_for_a_person_never_a_refusal(app, client):
    submit(client, {"proceedings": {"proceedings": ["court"]}})
    case = the_case(app)
    assert case.procedure == "statutory"
    assert [m["code"] for m in case.routing["to_decide"]] == ["proceedings_court"]


def test_a_relative_is_asked_about_as_sufficient_interest(app, client):
    submit(client, {"who-you-are": {"role": "relative"}})
    case = the_case(app)
    assert "sufficient_interest" in [m["code"] for m in case.routing["to_decide"]]


def test_a_looked_after_childs_complaint_tells_staff_to_inform_the_iro(app, client):
    submit(client, {"in-care": {"in_care": "yes"}})
    assert the_case(app).routing["tell_iro"] is True


def test_staff_can_override_the_procedure_with_a_reason_that_is_recorded(app, client):
    submit(client)
    with app.app_context():
        case = db.session.scalar(select(Case))
        override_procedure(case, "corporate", "About a school transport decision.", "J Officer", date(2026, 11, 25))
        db.session.commit()
    case = the_case(app)
    assert case.procedure == "corporate"
    assert case.routing["procedure"] == "statutory", "the rules' own decision is kept"
    assert case.routing["overrides"] == [{"from": "statutory", "to": "corporate",
                                          "reason": "About a school transport decision.",
                                          "by": "J Officer", "on": "2026-11-25"}]
    assert case.acknowledge_due_on == app.extensions["calendar"].add_working_days(case.received_on, 5)


def test_an_override_without_a_reason_is_refused(app, client):
    submit(client)
    with app.app_context():
        case = db.session.scalar(select(Case))
        with pytest.raises(ValueError):
            override_procedure(case, "corporate", "  ", "J Officer", date(2026, 11, 25))


def test_the_override_command(app, client):
    submit(client)
    reference = the_case(app).reference
    runner = app.test_cli_runner()
    result = runner.invoke(args=["cases", "override", reference, "--procedure", "corporate",
                                 "--reason", "Not about social care.", "--by", "A Manager"])
    assert result.exit_code == 0, result.output
    assert f"{reference} now follows the corporate procedure." in result.output
    assert the_case(app).routing["overrides"][0]["by"] == "A Manager"
    missing = runner.invoke(args=["cases", "override", "CSC-1999-00001", "--procedure", "corporate",
                                  "--reason", "x", "--by", "y"])
    assert missing.exit_code != 0 and "No case has the reference" in missing.output
