"""The back office through the test client: signing in, the queue, a case and its actions."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select, update

from portal.extensions import db
from portal.models import AuditEntry, Case, CaseIssue, CaseStage, StaffUser
from tests.conftest import PASSWORD, CheckingClient, make_staff, redirect_path, sign_in, submit_complaint
from tests.journeys import BY_PHONE


def test_sign_in_with_a_wrong_password_says_so_without_saying_which(app):
    make_staff(app, "officer")
    client = CheckingClient(app.test_client())
    page = client.get("/staff/sign-in")
    assert page.soup.find("input", attrs={"name": "password"})["autocomplete"] == "current-password"
    assert not page.soup.find("input", attrs={"onpaste": True}), "pasting is allowed"
    shown = client.post("/staff/sign-in", {"email": "officer@example.org.uk", "password": "nope",
                                           "csrf_token": page.csrf()}, expect=200)
    assert shown.errors() == ["Enter a correct email address and password"]
    unknown = client.post("/staff/sign-in", {"email": "nobody@example.org.uk", "password": "nope",
                                             "csrf_token": page.csrf()}, expect=200)
    assert unknown.errors() == ["Enter a correct email address and password"]


def test_five_wrong_passwords_lock_the_account_for_a_while(app):
    make_staff(app, "officer")
    client = CheckingClient(app.test_client())
    page = client.get("/staff/sign-in")
    for _ in range(5):
        client.post("/staff/sign-in", {"email": "officer@example.org.uk", "password": "wrong",
                                       "csrf_token": page.csrf()}, expect=200)
    locked = client.post("/staff/sign-in", {"email": "officer@example.org.uk", "password": PASSWORD,
                                            "csrf_token": page.csrf()}, expect=200)
    assert "tried to sign in too many times" in locked.errors()[0]


def test_signing_out_ends_the_session(app):
    client = sign_in(app, "officer")
    queue = client.get("/staff/")
    client.post("/staff/sign-out", {"csrf_token": queue.csrf()})
    away = client.get("/staff/", expect=302)
    assert redirect_path(away).startswith("/staff/sign-in")


def test_a_session_left_idle_ends_with_an_explanation(app):
    client = sign_in(app, "officer")
    with client.client.session_transaction() as session:
        session["staff_seen"] = (date.today() - timedelta(days=1)).isoformat() + "T00:00:00+00:00"
    away = client.get("/staff/", expect=302)
    assert redirect_path(away).startswith("/staff/sign-in")
    page = client.get(redirect_path(away))
    assert "signed out because you had not done anything" in page.text


def test_a_new_complaint_is_in_the_queue_with_its_acknowledgement_due(app):
    reference = submit_complaint(CheckingClient(app.test_client()), BY_PHONE)
    officer = sign_in(app, "officer")
    queue = officer.get("/staff/")
    row = queue.soup.find("a", string=reference).find_parent("tr")
    text = row.get_text(" ", strip=True)
    assert "Acknowledgement due" in text and "Statutory" in text and "Assessment Team" in text
    assert "Acknowledgement" in text  # the next step due
    counts = queue.soup.select_one(".portal-states").get_text(" ", strip=True)
    assert "Acknowledgement due (1)" in counts


def test_the_queue_filters_and_searches(app):
    first = submit_complaint(CheckingClient(app.test_client()))
    second = submit_complaint(CheckingClient(app.test_client()), {"service": {"service_area": "education", "team": "Admissions"}})
    officer = sign_in(app, "officer")
    statutory = officer.get("/staff/?procedure=statutory").text
    assert first in statutory and second not in statutory
    by_team = officer.get("/staff/?team=Admissions").text
    assert second in by_team and first not in by_team
    assert first in officer.get(f"/staff/?q={first.lower()}").text
    assert second in officer.get("/staff/?q=alex").text


def test_overdue_cases_come_first_and_are_marked(app):
    old = submit_complaint(CheckingClient(app.test_client()))
    new = submit_complaint(CheckingClient(app.test_client()))
    with app.app_context():
        db.session.execute(update(Case).where(Case.reference == old)
                           .values(next_due_on=date.today() - timedelta(days=3)))
        db.session.commit()
    officer = sign_in(app, "officer")
    queue = officer.get("/staff/")
    references = [a.get_text(strip=True) for a in queue.soup.select("table.portal-queue th[scope=row] a")]
    assert references == [old, new]
    assert "Overdue" in queue.soup.find("a", string=old).find_parent("tr").get_text()
    assert [a.get_text(strip=True) for a in officer.get("/staff/?state=overdue").soup.select("th[scope=row] a")] == [old]


def test_the_case_page_shows_what_was_sent_escaped_with_the_routing_and_due_dates(app):
    public = CheckingClient(app.test_client())
    reference = submit_complaint(public, {"what-happened": {"what": "<script>alert(1)</script> missed visits"}})
    officer = sign_in(app, "officer")
    page = officer.get(f"/staff/cases/{reference}")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text and "<script>alert(1)" not in page.text
    text = page.soup.get_text(" ", strip=True)
    assert "A parent may use the statutory procedure" in text
    assert "Acknowledgement" in text and "Stage 1 response" in text
    with app.app_context():
        entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "view"))
        assert entry.target == f"case:{reference}"


def act(client, reference, action, data):
    page = client.get(f"/staff/cases/{reference}")
    return client.post(f"/staff/cases/{reference}/{action}", {**data, "csrf_token": page.csrf()})


def test_a_case_is_acknowledged_assigned_extended_responded_escalated_and_closed(app):
    reference = submit_complaint(CheckingClient(app.test_client()))
    officer = sign_in(app, "officer")
    investigator = make_staff(app, "investigator", "io@example.org.uk", "Ira Investigator")
    act(officer, reference, "acknowledge", {"method": "email"})
    act(officer, reference, "assign", {"assignee_id": str(investigator)})
    act(officer, reference, "extend", {"agreed_by": "Alex Jones", "reason": "Complex: three teams involved"})
    act(officer, reference, "respond", {"outcome": "partially_upheld", "category": ["lack_of_communication", "cancelled_visit"],
                                        "issue_outcome": ["upheld", "not_upheld"]})
    act(officer, reference, "escalate", {"investigating_officer": "I. Outsider", "independent_person": "P. Independent"})
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.reference == reference))
        assert case.acknowledged_on == date.today() and case.assignee_id == investigator
        assert case.stage == 2 and case.extended is False
        stages = {s.stage: s for s in db.session.scalars(select(CaseStage).where(CaseStage.case_id == case.id))}
        assert stages[1].outcome == "partially_upheld" and stages[1].extended is True
        assert stages[2].investigating_officer == "I. Outsider"
        issues = db.session.scalars(select(CaseIssue).where(CaseIssue.case_id == case.id)).all()
        assert sorted((i.category, i.outcome) for i in issues) == [("cancelled_visit", "not_upheld"), ("lack_of_communication", "upheld")]
        assert case.next_due_step == "stage2_response"
        calendar = app.extensions["calendar"]
        assert case.next_due_on == calendar.add_working_days(date.today(), 25)
    page = officer.get(f"/staff/cases/{reference}")
    timeline = page.soup.select_one(".portal-timeline").get_text(" ", strip=True)
    for step in ["Acknowledged", "Assigned", "Extended", "Response sent", "Escalated", "Received"]:
        assert step in timeline
    act(officer, reference, "close", {})
    assert reference not in officer.get("/staff/").text, "closed cases leave the queue"


def test_a_mistake_in_an_action_is_explained_and_changes_nothing(app):
    reference = submit_complaint(CheckingClient(app.test_client()))
    officer = sign_in(app, "officer")
    back = act(officer, reference, "extend", {"agreed_by": "", "reason": ""})
    page = officer.get(redirect_path(back).split("#")[0])
    assert "Enter who agreed the extension and why." in page.text
    with app.app_context():
        assert db.session.scalar(select(Case.extended).where(Case.reference == reference)) is False


def test_an_investigator_sees_only_the_cases_assigned_to_them(app):
    mine = submit_complaint(CheckingClient(app.test_client()))
    other = submit_complaint(CheckingClient(app.test_client()))
    investigator = sign_in(app, "investigator", "io@example.org.uk")
    with app.app_context():
        me = db.session.scalar(select(StaffUser.id).where(StaffUser.email == "io@example.org.uk"))
        db.session.execute(update(Case).where(Case.reference == mine).values(assignee_id=me))
        db.session.commit()
    queue = investigator.get("/staff/").text
    assert mine in queue and other not in queue
    investigator.get(f"/staff/cases/{other}", expect=404)
    investigator.get(f"/staff/cases/{mine}")


def test_the_users_commands_manage_accounts_without_a_default_password(app):
    runner = app.test_cli_runner()
    made = runner.invoke(args=["users", "create", "--email", "Boss@example.org.uk", "--name", "Bo Boss",
                               "--role", "manager", "--password-stdin"], input="a long enough password\n")
    assert made.exit_code == 0, made.output
    short = runner.invoke(args=["users", "create", "--email", "x@example.org.uk", "--name", "X",
                                "--role", "officer", "--password-stdin"], input="short\n")
    assert short.exit_code != 0 and "12 characters" in short.output
    listed = runner.invoke(args=["users", "list"])
    assert "boss@example.org.uk\tBo Boss\tmanager\tactive" in listed.output
    runner.invoke(args=["users", "set-role", "boss@example.org.uk", "officer"])
    runner.invoke(args=["users", "deactivate", "boss@example.org.uk"])
    assert "boss@example.org.uk\tBo Boss\tofficer\tdeactivated" in runner.invoke(args=["users", "list"]).output
    client = CheckingClient(app.test_client())
    page = client.get("/staff/sign-in")
    refused = client.post("/staff/sign-in", {"email": "boss@example.org.uk", "password": "a long enough password",
                                             "csrf_token": page.csrf()}, expect=200)
    assert refused.errors() == ["Enter a correct email address and password"]


def enter_case(client, **changes):
    page = client.get("/staff/cases/new")
    data = {"kind": "complaint", "received_via": "letter", "received_on-day": "", "received_on-month": "",
            "received_on-year": "", "role": "foster_carer", "contact_name": "Fran Carer",
            "contact_email": "", "contact_phone": "01632 960 555", "language": "en", "interpreter": "", "in_care": "yes",
            "service_area": "children-in-care", "team": "Children in Care Team 1",
            "summary": "Letter: placement review was cancelled twice.", "csrf_token": page.csrf(),
            "form_key": page.soup.find("input", attrs={"name": "form_key"})["value"]}
    data.update(changes)
    return client.post("/staff/cases/new", data)


def test_a_letter_is_entered_routed_and_clocked_from_the_day_it_arrived(app):
    officer = sign_in(app, "officer")
    arrived = date.today() - timedelta(days=7)
    made = enter_case(officer, **{"received_on-day": str(arrived.day), "received_on-month": str(arrived.month),
                                  "received_on-year": str(arrived.year)})
    reference = redirect_path(made).rsplit("/", 1)[-1]
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.reference == reference))
        assert case.received_via == "letter" and case.received_on == arrived
        assert case.procedure == "statutory" and case.routing["tell_iro"] is True
        assert case.acknowledge_due_on == app.extensions["calendar"].add_working_days(arrived, 3)
    page = officer.get(f"/staff/cases/{reference}")
    text = page.soup.get_text(" ", strip=True)
    assert "placement review was cancelled twice" in text
    assert "tell their Independent Reviewing Officer" in text


def test_entering_the_same_form_twice_makes_one_case(app):
    officer = sign_in(app, "officer")
    page = officer.get("/staff/cases/new")
    key = page.soup.find("input", attrs={"name": "form_key"})["value"]
    first = enter_case(officer, form_key=key)
    second = enter_case(officer, form_key=key)
    assert redirect_path(first) == redirect_path(second)
    with app.app_context():
        assert len(db.session.scalars(select(Case)).all()) == 1


def test_an_entered_case_needs_its_kind_service_and_summary(app):
    officer = sign_in(app, "officer")
    page = officer.get("/staff/cases/new")
    data = {"received_on-day": "", "received_on-month": "", "received_on-year": "", "role": "parent",
            "contact_name": "", "contact_email": "nope", "contact_phone": "", "language": "en", "interpreter": "",
            "service_area": "assessment", "team": "", "summary": " ", "csrf_token": page.csrf()}
    shown = officer.post("/staff/cases/new", data, expect=200)
    assert shown.errors() == ["Select what kind of case it is", "Select how it was received",
                              "Enter an email address in the correct format, like name@example.com",
                              "Enter what the case is about"]


def test_after_the_response_the_ombudsman_remedies_and_learning_are_recorded(app):
    from portal.models import LearningAction, Remedy

    reference = submit_complaint(CheckingClient(app.test_client()))
    officer = sign_in(app, "officer")
    act(officer, reference, "respond", {"outcome": "upheld", "category": ["cancelled_visit"], "issue_outcome": ["upheld"]})
    act(officer, reference, "close", {})
    act(officer, reference, "ombudsman-referral", {"referred_on-day": "2", "referred_on-month": "1", "referred_on-year": "2026"})
    act(officer, reference, "ombudsman-decision", {"decision": "upheld_fault_injustice", "decided_on-day": "3",
                                                   "decided_on-month": "3", "decided_on-year": "2026"})
    act(officer, reference, "remedy", {"stage": "ombudsman", "kind": "financial", "amount": "£1,650", "description": "For time and trouble"})
    act(officer, reference, "learning", {"you_said": "Visits were cancelled without notice",
                                         "we_did": "Cancellations are now phoned through the same day", "owner": "Head of Service"})
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.reference == reference))
        assert case.ombudsman_referred_on == date(2026, 1, 2) and case.ombudsman_decision == "upheld_fault_injustice"
        remedy = db.session.scalar(select(Remedy))
        assert (remedy.stage, remedy.kind, remedy.amount_pence) == ("ombudsman", "financial", 165000)
        assert db.session.scalar(select(LearningAction.owner)) == "Head of Service"
    text = officer.get(f"/staff/cases/{reference}").soup.get_text(" ", strip=True)
    assert "£1650.00" in text and "Cancellations are now phoned through" in text


def test_a_financial_remedy_needs_an_amount_that_is_money(app):
    reference = submit_complaint(CheckingClient(app.test_client()))
    officer = sign_in(app, "officer")
    back = act(officer, reference, "remedy", {"stage": "1", "kind": "financial", "amount": "lots"})
    assert "Enter the amount in pounds" in officer.get(redirect_path(back).split("#")[0]).text


def test_an_emailed_complaint_is_already_acknowledged_in_the_queue(app):
    reference = submit_complaint(CheckingClient(app.test_client()))
    officer = sign_in(app, "officer")
    row = officer.get("/staff/").soup.find("a", string=reference).find_parent("tr").get_text(" ", strip=True)
    assert "Acknowledgement due" not in row and "Stage 1 response" in row


def test_staff_send_the_acknowledgement_email_in_one_action(app):
    from portal.models import OutboxMessage

    officer = sign_in(app, "officer")
    made = enter_case(officer, contact_email="fran@example.com", language="cy")
    reference = redirect_path(made).rsplit("/", 1)[-1]
    act(officer, reference, "acknowledge", {"method": "email"})
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.reference == reference))
        assert case.acknowledged_on == date.today() and case.acknowledged_by == "email"
        email = db.session.scalar(select(OutboxMessage).where(OutboxMessage.kind == "acknowledgement"))
        assert email.to_address == "fran@example.com" and email.language == "cy" and reference in email.subject


def test_acknowledging_by_email_without_an_address_says_what_to_do_instead(app):
    officer = sign_in(app, "officer")
    reference = redirect_path(enter_case(officer)).rsplit("/", 1)[-1]
    back = act(officer, reference, "acknowledge", {"method": "email"})
    page = officer.get(redirect_path(back).split("#")[0])
    assert "send a letter or phone instead" in page.text
    act(officer, reference, "acknowledge", {"method": "letter", "sent_on-day": "", "sent_on-month": "", "sent_on-year": ""})
    with app.app_context():
        assert db.session.scalar(select(Case.acknowledged_by).where(Case.reference == reference)) == "letter"


def test_a_search_for_a_wildcard_finds_nothing_rather_than_everything(app):
    submit_complaint(CheckingClient(app.test_client()))
    officer = sign_in(app, "officer")
    for wildcard in ["%", "_", "a%"]:
        page = officer.get(f"/staff/?q={wildcard.replace('%', '%25')}")
        assert "No open cases match." in page.text, wildcard
