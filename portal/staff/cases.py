"""A case page for staff, and the actions on it. Each action is a small form posted to
/staff/cases/<reference>/<action>; a successful one is saved with its audit entry and returns
to the case page with a message."""

from __future__ import annotations

from datetime import date
from typing import Callable

from flask import abort, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from sqlalchemy import select

from portal import casework, notifications
from portal.audit import audit
from portal.documents import store
from portal.extensions import db
from portal.forms.fields import whole_number
from portal.models import Case, CaseIssue, Document, LearningAction, Remedy, StaffUser
from portal.notifications.emails import ADVOCATE_STATUS
from portal.public.pages import ADULT
from portal.young.pages import ADVOCACY_REQUEST, YOUNG
from portal.staff import bp
from portal.staff.permissions import CASEWORK, TRIAGE, may_see, requires

STEP_NAMES = {
    "acknowledge": "Acknowledgement",
    "stage1_response": "Stage 1 response",
    "stage2_request": "Stage 2 may be asked for until",
    "stage2_acknowledge": "Stage 2 acknowledgement",
    "stage2_response": "Stage 2 response",
    "stage3_request": "Stage 3 may be asked for until",
    "panel": "Review panel",
    "panel_report": "Panel report",
    "stage3_response": "Stage 3 response",
}

EVENT_NAMES = {
    "assigned": "Assigned", "acknowledged": "Acknowledged", "note": "Note", "contact": "Contact",
    "paused": "Clock paused", "resumed": "Clock resumed", "extended": "Extended",
    "procedure_changed": "Procedure changed", "responded": "Response sent",
    "escalated": "Escalated", "panel": "Review panel", "adr": "Alternative dispute resolution",
    "withdrawn": "Withdrawn", "closed": "Closed", "passed_to_front_door": "Passed to the front door",
    "iro_told": "Independent Reviewing Officer told", "ombudsman_referred": "Referred to the Ombudsman",
    "ombudsman_decided": "Ombudsman's decision", "remedy": "Remedy", "learning": "Learning",
    "imported": "Imported from another system", "entered": "Entered by staff",
    "advocacy": "Advocacy",
    "person_added": "They sent more information", "withdrawal_asked": "They asked to withdraw",
    "read": "New information read",
    "reclassified": "Recorded as another kind", "borough": "Borough changed",
    "joint_nhs": "Joint NHS complaint",
}


# Who may keep a case past its retention period, or let it go again.
HOLDERS = ("admin", "manager")


def step_name(case: Case, step: str | None) -> str:
    if case.kind == "advocacy_request" and step == "acknowledge":
        return "Pass to the advocacy service"
    return STEP_NAMES.get(step or "", step or "")


@bp.app_context_processor
def staff_names():
    return {"step_names": STEP_NAMES, "event_names": EVENT_NAMES, "step_name": step_name,
            "kind_names": casework.KIND_NAMES,
            "advocate_statuses": ADVOCATE_STATUS, "advocacy_steps": casework.ADVOCACY_STEPS}


def find_case(reference: str) -> Case:
    case = db.session.scalar(select(Case).where(Case.reference == reference))
    if case is None or not may_see(case):
        # The same answer for "no such case" and "not yours": references are guessable.
        abort(404)
    return case


def submitted_rows(case: Case) -> list[dict]:
    answers = case.answers or {}
    journey = None
    if case.received_via == "online_form":
        journey = ADULT
    elif case.received_via == "young_person_form":
        journey = ADVOCACY_REQUEST if case.kind == "advocacy_request" else YOUNG
    if journey and answers:
        return [
            {"slug": page.slug, "rows": page.rows(answers[page.slug], answers)}
            for page in journey.path(answers) if page.slug in answers
        ]
    entered = answers.get("entered", {})
    rows = [("What it is about", {"free_text": entered.get("summary") or case.summary or ""})]
    if entered.get("entered_by"):
        rows.append(("Entered by", entered["entered_by"]))
    return [{"slug": "entered", "rows": rows}]


@bp.get("/cases/<reference>")
@requires(*CASEWORK)
def case(reference: str):
    found = find_case(reference)
    audit("view", f"case:{found.reference}")
    db.session.commit()
    today = date.today()
    staff = {u.id: u for u in db.session.scalars(select(StaffUser))}
    return render_template(
        "staff/case.html", case=found, title=f"Case {found.reference}",
        sections=submitted_rows(found), deadlines=casework.deadlines(found), today=today,
        timeline=list(reversed(casework.events(found))), stages=casework.stages(found),
        issues=db.session.scalars(select(CaseIssue).where(CaseIssue.case_id == found.id)).all(),
        remedies=db.session.scalars(select(Remedy).where(Remedy.case_id == found.id)).all(),
        learning=db.session.scalars(select(LearningAction).where(LearningAction.case_id == found.id)).all(),
        staff=staff, council=current_app.extensions["council"],
        documents=store.listed(case_id=found.id), news=_news(found),
        withdrawal_asked=any(e.kind == "withdrawal_asked" for e in _news(found)),
        outcomes=casework.outcomes_in_use(), kinds=casework.kinds_in_use(), back=url_for("staff.queue"),
    )


def _news(case: Case) -> list:
    """What the person sent since staff last marked the case's new information as read."""
    if not case.new_information:
        return []
    found = []
    for event in reversed(casework.events(case)):
        if event.kind == "read":
            break
        if event.kind in ("person_added", "withdrawal_asked"):
            found.append(event)
    return list(reversed(found))


@bp.get("/cases/<reference>/documents/<int:number>")
@requires(*CASEWORK)
def document(reference: str, number: int):
    """A file the person sent, to staff who may see its case only; never shown in the browser
    as a page (it is a download, and the content type is the one found from its bytes)."""
    found = find_case(reference)
    file = db.session.get(Document, number)
    if file is None or file.case_id != found.id:
        abort(404)
    audit("view", f"case:{found.reference}", document=file.id)
    db.session.commit()
    response = send_file(store.path_of(file), mimetype=file.content_type, as_attachment=True,
                         download_name=file.filename, max_age=0)
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# Actions -------------------------------------------------------------------------------------

def _date(name: str, default: date | None = None) -> date:
    """A date from the form's three boxes, or `default` when all are empty."""
    parts = [request.form.get(f"{name}-{p}", "").strip() for p in ("day", "month", "year")]
    if not any(parts) and default is not None:
        return default
    if not any(parts):
        raise casework.CaseworkError("Enter the date.")
    try:
        return date(int(parts[2]), int(parts[1]), int(parts[0]))
    except (ValueError, OverflowError):
        raise casework.CaseworkError("Enter a real date, like 27 3 2026.") from None


def _text(name: str, maximum: int = 5000) -> str:
    return (request.form.get(name) or "").strip()[:maximum]


def _assign(case: Case, on: date) -> str:
    value = request.form.get("assignee_id", "")
    number = whole_number(value)
    assignee = db.session.get(StaffUser, number) if number is not None else None
    if value and assignee is None:
        raise casework.CaseworkError("Choose someone from the list.")
    casework.assign(case, assignee.id if assignee else None, current_user.id, on)
    return f"Assigned to {assignee.name}." if assignee else "Unassigned."


def _acknowledge(case: Case, on: date) -> str:
    """Send the acknowledgement by email in one action, or record a letter or call."""
    method = request.form.get("method", "")
    if method == "email":
        if not notifications.send_acknowledgement(case):
            raise casework.CaseworkError(
                "There is no email address we may use for this case: send a letter or phone instead."
            )
        casework.acknowledge(case, "email", current_user.id, on)
        return "Acknowledgement email queued to be sent."
    casework.acknowledge(case, method, current_user.id, _date("sent_on", on))
    return "Acknowledgement recorded."


def _note(case: Case, on: date) -> str:
    casework.add_note(case, _text("text"), request.form.get("contact") or None, current_user.id, on)
    return "Note added."


def _pause(case: Case, on: date) -> str:
    casework.pause(case, _text("reason", 500), current_user.id, _date("from", on))
    return "The clock is paused."


def _resume(case: Case, on: date) -> str:
    casework.resume(case, current_user.id, _date("from", on))
    return "The clock is running again."


def _extend(case: Case, on: date) -> str:
    casework.extend(case, case.stage or 1, _text("agreed_by", 200), _date("agreed_on", on),
                    _text("reason", 500), current_user.id, on)
    return "Extension recorded."


def _procedure(case: Case, on: date) -> str:
    casework.change_procedure(case, request.form.get("procedure", ""), _text("reason", 500),
                              current_user.id, current_user.name, on)
    return "Procedure changed."


def _record_as(case: Case, on: date) -> str:
    casework.reclassify(case, request.form.get("kind", ""), _text("reason", 500), current_user.id, on)
    return f"Recorded as: {casework.KIND_NAMES[case.kind].lower()}."


def _borough(case: Case, on: date) -> str:
    casework.place_in_borough(case, request.form.get("borough") or None, current_user.id, on)
    borough = current_app.extensions["council"].borough(case.borough)
    return f"Borough: {borough.name}." if borough else "Borough: not recorded."


def _joint_nhs(case: Case, on: date) -> str:
    joint = request.form.get("joint") == "yes"
    casework.mark_joint_nhs(case, joint, current_user.id, on)
    return "Recorded as a joint complaint with the NHS." if joint else "Recorded as not joint with the NHS."


def _respond(case: Case, on: date) -> str:
    outcomes = casework.outcomes_in_use()
    outcome = request.form.get("outcome", "")
    if outcome not in outcomes:
        raise casework.CaseworkError("Choose the outcome.")
    categories = request.form.getlist("category")
    issue_outcomes = request.form.getlist("issue_outcome")
    issues = [{"category": c, "outcome": o} for c, o in zip(categories, issue_outcomes) if c]
    known = {c.slug for c in current_app.extensions["council"].categories}
    if any(i["category"] not in known or i["outcome"] not in outcomes for i in issues):
        raise casework.CaseworkError("Choose a category and an outcome for each issue.")
    casework.respond(case, case.stage or 1, outcome, issues, current_user.id, _date("sent_on", on),
                     request.form.get("late_reason") or None)
    notifications.status_changed(case, "responded")
    return f"Stage {case.stage or 1} response recorded."


def _escalate(case: Case, on: date) -> str:
    to_stage = (case.stage or 1) + 1
    casework.escalate(case, to_stage, _date("requested_on", on), current_user.id, on,
                      _text("investigating_officer", 200), _text("independent_person", 200))
    notifications.status_changed(case, "escalated")
    return f"Escalated to stage {to_stage}."


def _withdraw(case: Case, on: date) -> str:
    casework.withdraw(case, current_user.id, _date("withdrawn_on", on), _text("reason", 500))
    notifications.status_changed(case, "withdrawn")
    return "Withdrawn."


def _close(case: Case, on: date) -> str:
    casework.close(case, current_user.id, on)
    notifications.status_changed(case, "closed")
    return "Closed."


def _front_door(case: Case, on: date) -> str:
    casework.pass_to_front_door(case, current_user.id, on, _text("note", 1000))
    return "Recorded as passed to the front door."


def _iro(case: Case, on: date) -> str:
    casework.tell_iro(case, current_user.id, _date("told_on", on))
    return "Recorded that the Independent Reviewing Officer was told."


def _advocacy(case: Case, on: date) -> str:
    status = request.form.get("status", "")
    casework.record_advocacy(case, status, current_user.id, _date("on", on), _text("note", 1000))
    return f"Recorded: {casework.ADVOCACY_STEPS[status].lower()}."


def _panel(case: Case, on: date) -> str:
    casework.record_panel(case, _date("panel_on", None) if _any("panel_on") else None,
                          _date("report_on", None) if _any("report_on") else None, current_user.id, on)
    return "Review panel recorded."


def _any(name: str) -> bool:
    return any(request.form.get(f"{name}-{p}", "").strip() for p in ("day", "month", "year"))


def _adr(case: Case, on: date) -> str:
    casework.record_adr(case, _date("held_on", on), request.form.get("resolved") == "yes", current_user.id, on)
    return "Alternative dispute resolution recorded."


def _ombudsman_referral(case: Case, on: date) -> str:
    casework.refer_to_ombudsman(case, _date("referred_on", on), current_user.id, on)
    return "Ombudsman referral recorded."


def _ombudsman_decision(case: Case, on: date) -> str:
    casework.ombudsman_decision(case, request.form.get("decision", ""), _date("decided_on", on),
                                current_user.id, on)
    return "Ombudsman's decision recorded."


def _remedy(case: Case, on: date) -> str:
    pounds = _text("amount", 20).replace("£", "").replace(",", "")
    try:
        pence = round(float(pounds) * 100) if pounds else None
    except ValueError:
        raise casework.CaseworkError("Enter the amount in pounds, like 250 or 250.50.") from None
    if pence is not None and pence < 0:
        raise casework.CaseworkError("Enter the amount in pounds, like 250 or 250.50.")
    stage_label = request.form.get("stage", "")
    if stage_label not in ("1", "2", "3", "ombudsman"):
        raise casework.CaseworkError("Choose the stage the remedy came from.")
    casework.add_remedy(case, stage_label, request.form.get("kind", ""), pence, _text("description", 1000),
                        current_user.id, on)
    return "Remedy recorded."


def _hold(case: Case, on: date) -> str:
    reason = _text("reason", 500)
    if not reason:
        raise ValueError("Enter why the case must be kept, for example a claim or an inquiry")
    case.legal_hold_since, case.legal_hold_reason = on, reason
    audit("hold", f"case:{case.reference}", reason=reason)
    return "Legal hold placed: the case will be kept until it is released."


def _release(case: Case, on: date) -> str:
    if case.legal_hold_since is None:
        raise ValueError("The case is not on legal hold")
    audit("release", f"case:{case.reference}", reason=case.legal_hold_reason,
          since=case.legal_hold_since.isoformat())
    case.legal_hold_since, case.legal_hold_reason = None, None
    return "Legal hold released: the case is kept for the usual retention period."


def _seen(case: Case, on: date) -> str:
    casework.record(case, "read", on, current_user.id)
    case.new_information = False
    return "Marked as read."


def _learning(case: Case, on: date) -> str:
    due = _date("due_on", None) if _any("due_on") else None
    casework.add_learning(case, _text("you_said", 2000), _text("we_did", 2000), _text("owner", 200), due,
                          current_user.id, on)
    return "Learning action recorded."


ACTIONS: dict[str, tuple[tuple[str, ...], Callable[[Case, date], str]]] = {
    "assign": (TRIAGE, _assign),
    "acknowledge": (CASEWORK, _acknowledge),
    "note": (CASEWORK, _note),
    "pause": (CASEWORK, _pause),
    "resume": (CASEWORK, _resume),
    "extend": (CASEWORK, _extend),
    "procedure": (TRIAGE, _procedure),
    "record-as": (TRIAGE, _record_as),
    "borough": (TRIAGE, _borough),
    "joint-nhs": (TRIAGE, _joint_nhs),
    "respond": (CASEWORK, _respond),
    "escalate": (TRIAGE, _escalate),
    "withdraw": (CASEWORK, _withdraw),
    "close": (TRIAGE, _close),
    "front-door": (CASEWORK, _front_door),
    "iro": (CASEWORK, _iro),
    "advocacy": (CASEWORK, _advocacy),
    "panel": (TRIAGE, _panel),
    "adr": (CASEWORK, _adr),
    "ombudsman-referral": (TRIAGE, _ombudsman_referral),
    "ombudsman-decision": (TRIAGE, _ombudsman_decision),
    "remedy": (TRIAGE, _remedy),
    "learning": (CASEWORK, _learning),
    "seen": (CASEWORK, _seen),
    "legal-hold": (HOLDERS, _hold),
    "release-hold": (HOLDERS, _release),
}


@bp.post("/cases/<reference>/<action>")
@requires(*CASEWORK)
def act(reference: str, action: str):
    if action not in ACTIONS:
        abort(404)
    roles, handler = ACTIONS[action]
    if current_user.role not in roles:
        abort(403)
    found = find_case(reference)
    try:
        message = handler(found, date.today())
    except (casework.CaseworkError, ValueError) as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect(url_for("staff.case", reference=reference, _anchor=f"action-{action}"))
    audit("change", f"case:{found.reference}", what=action)
    db.session.commit()
    flash(message)
    return redirect(url_for("staff.case", reference=reference))
