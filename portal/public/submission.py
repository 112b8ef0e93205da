"""From a person's answers to a case: its fields, its routing, and what they can expect."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any


from portal.council import Council
from portal.casework import refresh_clock
from portal.domain.routing import ComplaintFacts, RoutingDecision, route
from portal import notifications
from portal.models import Case
from portal.public.pages import kind, role

PROCEEDINGS = {"court": "court", "criminal": "criminal", "tribunal": "tribunal"}
CONSENT = {"given": "given", "not_given": "not_given", "not_able": "not_able", "not_asked": "unknown"}
IN_CARE = {"yes": True, "no": False}


def approx_date(parts: dict[str, str] | None) -> date | None:
    try:
        return date(int(parts["year"]), int(parts["month"]), int(parts.get("day") or 1))
    except (TypeError, KeyError, ValueError):
        return None


def facts_from_answers(answers: dict[str, Any], council: Council) -> ComplaintFacts:
    area = council.service_area(answers.get("service", {}).get("service_area") or "")
    when = answers.get("when", {})
    writer = role(answers)
    return ComplaintFacts(
        kind=kind(answers),
        role=writer,
        about_function=area.function if area else "unknown",
        happened_on=approx_date(when.get("happened")),
        date_unknown=bool(when.get("happened_unsure")),
        proceedings=frozenset(
            PROCEEDINGS[p] for p in answers.get("proceedings", {}).get("proceedings") or []
            if p in PROCEEDINGS
        ),
        consent=CONSENT.get(answers.get("agreement", {}).get("consent")),
        acting_for_child=writer not in (None, "young_person"),
        child_looked_after=IN_CARE.get(answers.get("in-care", {}).get("in_care")),
    )


def decision_record(decision: RoutingDecision, decided_on: date) -> dict[str, Any]:
    return {
        "procedure": decision.procedure.value,
        "reasons": [asdict(r) for r in decision.reasons],
        "to_decide": [asdict(m) for m in decision.to_decide],
        "tell_iro": decision.tell_iro,
        "decided_on": decided_on.isoformat(),
        "decided_by": "rules",
    }


def case_fields(answers: dict[str, Any], language: str, council: Council) -> dict[str, Any]:
    today = date.today()
    decision = route(facts_from_answers(answers, council), today)
    what_kind = kind(answers)
    contact = answers.get("contact", {})
    details = answers.get("contact-details", {})
    service = answers.get("service", {})
    area = council.service_area(service.get("service_area") or "")
    support = answers.get("support", {}).get("support") or []
    procedure = decision.procedure.value
    if what_kind != "complaint" and procedure == "not_a_complaint":
        procedure = None  # compliments and comments follow no complaints procedure
    return {
        "kind": what_kind,
        "procedure": procedure,
        "stage": 1 if what_kind == "complaint" else None,
        "status": "new",
        "received_via": "online_form",
        "language": language,
        "interpreter": interpreter_need(answers.get("support", {}), "support", "interpreter_language"),
        "complainant_role": role(answers),
        "made_by_young_person": role(answers) == "young_person",
        "advocate_involved": role(answers) == "advocate" or "helper" in support,
        "child_looked_after": IN_CARE.get(answers.get("in-care", {}).get("in_care")),
        "service_area": area.name if area else None,
        "team": (service.get("team") or "").strip() or None,
        "borough": borough_of(answers, council),
        "contact_name": (answers.get("your-name", {}).get("full_name") or "").strip() or None,
        "contact_email": details.get("email") if contact.get("method") == "email" else None,
        "contact_phone": details.get("phone") if contact.get("method") == "phone" else None,
        "answers": answers,
        "routing": decision_record(decision, today),
    }


def borough_of(answers: dict[str, Any], council: Council) -> str | None:
    """The borough the person chose; None when they did not know, for staff to set."""
    chosen = council.borough(answers.get("area", {}).get("borough"))
    return chosen.slug if chosen else None


def interpreter_need(page: dict[str, Any], choices: str, language: str) -> str | None:
    """The language an interpreter is wanted in, as the person wrote it, for staff to arrange."""
    if "interpreter" not in (page.get(choices) or []):
        return None
    return (str(page.get(language) or "").strip() or "Not said")[:200]


def on_case_created(case: Case) -> None:
    """Inside the transaction that makes the case: what must be saved with it."""
    refresh_clock(case)
    notifications.case_received(case)


def expectations(case: Case) -> dict[str, Any]:
    """The dates the person can expect: acknowledgement, and a response for a complaint."""
    return {
        "procedure": case.procedure,
        "acknowledge_by": case.acknowledge_due_on,
        "respond_by": case.response_due_on if case.kind == "complaint" else None,
        "wants_reply": case.answers.get("contact", {}).get("method") not in (None, "none"),
    }
