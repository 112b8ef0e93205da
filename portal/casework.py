"""What staff do to a case. Each action records an event on the case's timeline, changes the
case's facts, and recomputes its clock from all its events: due dates are never typed in.

Functions take plain values and never commit: the caller commits once, with the audit entry and
any email, so that an action is saved whole or not at all.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from flask import current_app
from sqlalchemy import select

from portal.domain import clocks
from portal.extensions import db
from portal.models import AdrMeeting, Case, CaseEvent, CaseIssue, CaseStage, LearningAction, Remedy

OUTCOMES = ("upheld", "partially_upheld", "not_upheld", "withdrawn", "resolved_by_adr")
OMBUDSMAN_DECISIONS = (
    "closed_after_initial_enquiries", "premature", "out_of_jurisdiction", "not_upheld_no_fault",
    "upheld_fault_no_injustice", "upheld_fault_injustice", "withdrawn",
)
REMEDY_KINDS = ("apology", "service_action", "financial")
KIND_NAMES = {
    "complaint": "Complaint", "compliment": "Compliment", "comment": "Comment or suggestion",
    "advocacy_request": "Request for an advocate", "representation": "Representation",
    "enquiry": "Enquiry", "member_enquiry": "MP or councillor enquiry",
}
LATE_REASONS = (
    "extension_agreed", "further_information", "consent_needed", "staff_unavailable",
    "another_process", "service_delay", "adr",
)


class CaseworkError(ValueError):
    """An action that cannot be done to this case as it stands; the message says why."""


def record(case: Case, kind: str, on: date, actor_id: int | None, **data: Any) -> CaseEvent:
    event = CaseEvent(case_id=case.id, recorded_at=datetime.now(timezone.utc), on=on, kind=kind,
                      actor_id=actor_id, data=data)
    db.session.add(event)
    return event


def events(case: Case) -> list[CaseEvent]:
    return list(db.session.scalars(
        select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(CaseEvent.recorded_at, CaseEvent.id)
    ))


def stages(case: Case) -> dict[int, CaseStage]:
    rows = db.session.scalars(select(CaseStage).where(CaseStage.case_id == case.id))
    return {row.stage: row for row in rows}


def stage(case: Case, number: int) -> CaseStage:
    row = stages(case).get(number)
    if row is None:
        row = CaseStage(case_id=case.id, stage=number, extended=False)
        db.session.add(row)
    return row


# The clock -----------------------------------------------------------------------------------

def clock_events(case: Case) -> list[clocks.Event]:
    """The domain's events for this case, read from its facts and its timeline."""
    # A representation or an enquiry that became a complaint is on the complaint's clock from
    # the day it became one.
    found: list[clocks.Event] = [clocks.Received(case.became_complaint_on or case.received_on)]
    if case.acknowledged_on:
        found.append(clocks.Acknowledged(case.acknowledged_on))
    for event in events(case):
        if event.kind == "paused":
            found.append(clocks.Paused(event.on, event.data.get("reason", "")))
        elif event.kind == "resumed":
            found.append(clocks.Resumed(event.on))
        elif event.kind == "extended":
            found.append(clocks.Extended(
                event.on, event.data["stage"], event.data["agreed_by"],
                date.fromisoformat(event.data["agreed_on"]), event.data.get("reason", ""),
                event.data.get("working_days"),
            ))
    for number, row in sorted(stages(case).items()):
        if number > 1 and (row.requested_on or row.started_on):
            found.append(clocks.StageRequested(number, row.requested_on or row.started_on))
        if row.panel_on:
            found.append(clocks.PanelHeld(row.panel_on))
        if row.report_on:
            found.append(clocks.PanelReported(row.report_on))
        if row.responded_on:
            found.append(clocks.Responded(number, row.responded_on))
    if case.withdrawn_on:
        found.append(clocks.Withdrawn(case.withdrawn_on))
    if case.closed_on:
        found.append(clocks.Closed(case.closed_on))
    return found


def deadlines(case: Case) -> list[clocks.Deadline]:
    calendar = current_app.extensions["calendar"]
    timescales = current_app.extensions["timescales"]
    procedure = case.procedure if case.procedure in ("statutory", "corporate") else "corporate"
    return clocks.compute_deadlines(procedure, clock_events(case), calendar, timescales)


def refresh_clock(case: Case, today: date | None = None) -> None:
    """Recompute the due dates kept on the case for the queue."""
    db.session.flush()
    found = deadlines(case)
    if case.kind != "complaint":
        # Compliments and comments owe only an acknowledgement.
        found = [d for d in found if d.step == "acknowledge"]
    by_step = {d.step: d for d in found}
    acknowledge = by_step.get("acknowledge")
    case.acknowledge_due_on = acknowledge.due_on if acknowledge else None
    response = next((d for d in reversed(found) if d.step.endswith("_response")), None)
    case.response_due_on = response.due_on if response else None
    upcoming = clocks.next_due(found, today or date.today())
    case.next_due_on = upcoming.due_on if upcoming else None
    case.next_due_step = upcoming.step if upcoming else None
    case.extended = any(d.extended and d.is_open for d in found)


# Actions -------------------------------------------------------------------------------------

def _open(case: Case) -> None:
    if case.closed_on or case.withdrawn_on:
        raise CaseworkError("This case is closed.")


def assign(case: Case, assignee_id: int | None, actor_id: int, on: date) -> None:
    case.assignee_id = assignee_id
    record(case, "assigned", on, actor_id, assignee_id=assignee_id)


def acknowledge(case: Case, method: str, actor_id: int | None, on: date) -> None:
    if case.acknowledged_on:
        raise CaseworkError("This case has already been acknowledged.")
    if method not in ("email", "letter", "phone", "in_person"):
        raise CaseworkError("Choose how the acknowledgement was sent.")
    case.acknowledged_on = on
    case.acknowledged_by = method
    if case.status == "new":
        case.status = "open"
    record(case, "acknowledged", on, actor_id, method=method)
    refresh_clock(case)


def add_note(case: Case, text: str, contact: str | None, actor_id: int, on: date) -> None:
    """A note, or a record of contact (phone call, meeting, letter) when `contact` is given."""
    if not text.strip():
        raise CaseworkError("Enter the note.")
    record(case, "contact" if contact else "note", on, actor_id, text=text.strip(), contact=contact)


def pause(case: Case, reason: str, actor_id: int, on: date) -> None:
    _open(case)
    if case.paused_since:
        raise CaseworkError("The clock is already paused.")
    if not reason.strip():
        raise CaseworkError("Enter why the clock is paused.")
    case.paused_since = on
    record(case, "paused", on, actor_id, reason=reason.strip())
    refresh_clock(case)


def resume(case: Case, actor_id: int, on: date) -> None:
    if not case.paused_since:
        raise CaseworkError("The clock is not paused.")
    if on < case.paused_since:
        raise CaseworkError("The clock cannot resume before it was paused.")
    case.paused_since = None
    record(case, "resumed", on, actor_id)
    refresh_clock(case)


def extend(case: Case, stage_number: int, agreed_by: str, agreed_on: date, reason: str,
           actor_id: int, on: date, working_days: int | None = None) -> None:
    _open(case)
    if not agreed_by.strip() or not reason.strip():
        raise CaseworkError("Enter who agreed the extension and why.")
    data = {"stage": stage_number, "agreed_by": agreed_by.strip(), "agreed_on": agreed_on.isoformat(),
            "reason": reason.strip(), "working_days": working_days}
    event = record(case, "extended", on, actor_id, **data)
    try:
        refresh_clock(case)
    except ValueError as error:
        db.session.delete(event)
        raise CaseworkError(str(error)) from None
    stage(case, stage_number).extended = True


def change_procedure(case: Case, procedure: str, reason: str, actor_id: int, by: str, on: date) -> None:
    from portal.cases import override_procedure

    before = case.procedure
    override_procedure(case, procedure, reason, by, on)  # recomputes the clock too
    record(case, "procedure_changed", on, actor_id, before=before, after=procedure, reason=reason)


def outcomes_in_use() -> tuple[str, ...]:
    """The outcomes this council records: its own list (a council that does not use
    "partially upheld" can never record it), and withdrawn or resolved by ADR."""
    return tuple(o for o in OUTCOMES if o in current_app.extensions["council"].outcomes
                 or o in ("withdrawn", "resolved_by_adr"))


def kinds_in_use() -> tuple[str, ...]:
    """What a case may be recorded as here: the three kinds, then the council's own records."""
    return ("complaint", "compliment", "comment") + current_app.extensions["council"].records.kinds()


def reclassify(case: Case, kind: str, reason: str, actor_id: int, on: date) -> None:
    """Record the case as another kind. A representation or an enquiry that becomes a complaint
    keeps what it was first, and its Stage 1 (and its clock) starts on the day it became one."""
    _open(case)
    if kind not in kinds_in_use() or case.kind == "advocacy_request":
        raise CaseworkError("Choose what the case is from the list.")
    if kind == case.kind:
        raise CaseworkError(f"The case is already recorded as a {kind.replace('_', ' ')}.")
    if not reason:
        raise CaseworkError("Enter why the case is recorded differently.")
    if case.kind == "complaint" and stages(case):
        raise CaseworkError("A complaint with a response or a later stage cannot be recorded as something else.")
    before = case.kind
    if kind == "complaint":
        if before in ("representation", "enquiry", "member_enquiry"):
            case.recorded_as, case.became_complaint_on = before, on
        case.stage = 1
        case.procedure = case.procedure or (case.routing or {}).get("procedure") or "corporate"
        if case.procedure not in ("statutory", "corporate"):
            case.procedure = "corporate"
    else:
        case.stage, case.joint_nhs = None, False
        if before == "complaint":
            case.recorded_as, case.became_complaint_on = None, None
    case.kind = kind
    record(case, "reclassified", on, actor_id, before=before, after=kind, reason=reason)
    refresh_clock(case)


def place_in_borough(case: Case, slug: str | None, actor_id: int, on: date) -> None:
    council = current_app.extensions["council"]
    if slug is not None and council.borough(slug) is None:
        raise CaseworkError("Choose the borough from the list.")
    if slug != case.borough:
        record(case, "borough", on, actor_id, before=case.borough, after=slug)
        case.borough = slug


def mark_joint_nhs(case: Case, joint: bool, actor_id: int, on: date) -> None:
    if joint and case.kind != "complaint":
        raise CaseworkError("Only a complaint can be handled jointly with the NHS.")
    if joint != bool(case.joint_nhs):
        record(case, "joint_nhs", on, actor_id, joint=joint)
        case.joint_nhs = joint


def respond(case: Case, stage_number: int, outcome: str, issues: list[dict[str, str]],
            actor_id: int, on: date, late_reason: str | None = None) -> None:
    """Record a stage's response with its outcome, and each issue's category and outcome."""
    _open(case)
    allowed = outcomes_in_use()
    if outcome not in allowed:
        raise CaseworkError("Choose the outcome.")
    if any(issue.get("outcome") not in allowed for issue in issues):
        raise CaseworkError("Choose a category and an outcome for each issue.")
    if late_reason and late_reason not in LATE_REASONS:
        raise CaseworkError("Choose a reason for the delay from the list.")
    row = stage(case, stage_number)
    if row.responded_on:
        raise CaseworkError(f"Stage {stage_number} has already been responded to.")
    if stage_number == 1 and not row.started_on:
        row.started_on = case.received_on
    row.responded_on, row.outcome, row.late_reason = on, outcome, late_reason
    for issue in issues:
        db.session.add(CaseIssue(case_id=case.id, stage=stage_number, category=issue["category"],
                                 outcome=issue.get("outcome"), summary=issue.get("summary")))
    case.stage = stage_number
    record(case, "responded", on, actor_id, stage=stage_number, outcome=outcome,
           issues=issues, late_reason=late_reason)
    refresh_clock(case)


def escalate(case: Case, to_stage: int, requested_on: date, actor_id: int, on: date,
             investigating_officer: str | None = None, independent_person: str | None = None) -> None:
    """The complainant asks for the next stage (2: investigation; 3: review panel)."""
    _open(case)
    if case.procedure != "statutory" and to_stage == 3:
        raise CaseworkError("The corporate procedure has no Stage 3: the next step is the Ombudsman.")
    previous = stages(case).get(to_stage - 1)
    if to_stage not in (2, 3) or previous is None or previous.responded_on is None:
        raise CaseworkError(f"Stage {to_stage - 1} has not been responded to yet.")
    row = stage(case, to_stage)
    row.requested_on = requested_on
    row.started_on = requested_on
    row.investigating_officer = investigating_officer or None
    row.independent_person = independent_person or None
    case.stage = to_stage
    record(case, "escalated", on, actor_id, stage=to_stage, requested_on=requested_on.isoformat(),
           investigating_officer=investigating_officer, independent_person=independent_person)
    refresh_clock(case)


def record_panel(case: Case, panel_on: date | None, report_on: date | None, actor_id: int, on: date) -> None:
    row = stage(case, 3)
    if panel_on:
        row.panel_on = panel_on
    if report_on:
        row.report_on = report_on
    record(case, "panel", on, actor_id, panel_on=panel_on and panel_on.isoformat(),
           report_on=report_on and report_on.isoformat())
    refresh_clock(case)


def record_adr(case: Case, held_on: date, resolved: bool, actor_id: int, on: date) -> None:
    db.session.add(AdrMeeting(case_id=case.id, held_on=held_on, resolved=resolved))
    record(case, "adr", on, actor_id, held_on=held_on.isoformat(), resolved=resolved)


def withdraw(case: Case, actor_id: int | None, on: date, reason: str = "") -> None:
    _open(case)
    case.withdrawn_on = on
    case.status = "withdrawn"
    record(case, "withdrawn", on, actor_id, reason=reason)
    refresh_clock(case)


def close(case: Case, actor_id: int, on: date) -> None:
    _open(case)
    case.closed_on = on
    case.status = "closed"
    record(case, "closed", on, actor_id)
    refresh_clock(case)


def pass_to_front_door(case: Case, actor_id: int, on: date, note: str = "") -> None:
    case.passed_to_front_door_on = on
    record(case, "passed_to_front_door", on, actor_id, note=note)


def tell_iro(case: Case, actor_id: int, on: date) -> None:
    case.iro_told_on = on
    record(case, "iro_told", on, actor_id)


ADVOCACY_STEPS = {
    "referred": "Passed to the advocacy service",
    "involved": "An advocate is helping",
    "not_wanted": "Does not want an advocate",
}


def record_advocacy(case: Case, status: str, actor_id: int | None, on: date, note: str = "") -> None:
    """What happened about an advocate. For a request for an advocate, passing it on is the
    first thing owed to the young person, so it stops that clock as an acknowledgement does."""
    if status not in ADVOCACY_STEPS:
        raise CaseworkError("Choose what happened about an advocate.")
    case.advocate_status = status
    if status == "involved":
        case.advocate_involved = True
    if case.kind == "advocacy_request" and status != "not_wanted" and not case.acknowledged_on:
        case.acknowledged_on = on
        case.acknowledged_by = "advocacy"
        if case.status == "new":
            case.status = "open"
    record(case, "advocacy", on, actor_id, status=status, note=note)
    refresh_clock(case)


def refer_to_ombudsman(case: Case, referred_on: date, actor_id: int, on: date) -> None:
    case.ombudsman_referred_on = referred_on
    record(case, "ombudsman_referred", on, actor_id, referred_on=referred_on.isoformat())


def ombudsman_decision(case: Case, decision: str, decided_on: date, actor_id: int, on: date) -> None:
    if decision not in OMBUDSMAN_DECISIONS:
        raise CaseworkError("Choose the Ombudsman's decision.")
    case.ombudsman_decided_on = decided_on
    case.ombudsman_decision = decision
    record(case, "ombudsman_decided", on, actor_id, decision=decision, decided_on=decided_on.isoformat())


def add_remedy(case: Case, stage_label: str, kind: str, amount_pence: int | None,
               description: str, actor_id: int, on: date) -> None:
    if kind not in REMEDY_KINDS:
        raise CaseworkError("Choose the kind of remedy.")
    if kind == "financial" and not amount_pence:
        raise CaseworkError("Enter the amount of the payment.")
    db.session.add(Remedy(case_id=case.id, stage=stage_label, kind=kind,
                          amount_pence=amount_pence if kind == "financial" else None,
                          description=description or None))
    record(case, "remedy", on, actor_id, stage=stage_label, remedy=kind, amount_pence=amount_pence)


def add_learning(case: Case, you_said: str, we_did: str, owner: str, due_on: date | None,
                 actor_id: int, on: date) -> LearningAction:
    if not you_said.strip() or not we_did.strip() or not owner.strip():
        raise CaseworkError("Enter what was said, what will be done, and who owns it.")
    action = LearningAction(case_id=case.id, you_said=you_said.strip(), we_did=we_did.strip(),
                            owner=owner.strip(), due_on=due_on, status="open")
    db.session.add(action)
    record(case, "learning", on, actor_id, you_said=you_said.strip(), owner=owner.strip())
    return action
