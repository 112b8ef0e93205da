"""From a young person's answers to a case: what it is, who made it, and the advocate's part.

A young person's own complaint (alone or helped) is made by the young person. When an advocate
fills the form in for them, it is still theirs, made through representation (Children Act 1989
s26A); when a carer or worker writes it for them, the carer or worker is the complainant.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from portal import notifications
from portal.casework import refresh_clock
from portal.council import Council
from portal.domain.routing import ComplaintFacts, route
from portal.models import Case
from portal.public.submission import approx_date, decision_record, interpreter_need
from portal.young.pages import DETAIL_FIELD, for_someone, helper_role, kind, method, who

KINDS = {"wrong": "complaint", "good": "compliment", "idea": "comment"}
AGREEMENT = {"given": "given", "not_able": "not_able", "not_asked": "unknown"}
IN_CARE = {"yes": True, "no": False}
ADVOCATE = {"yes": "wanted", "has_one": "has_one", "no": "not_wanted", "unsure": "unsure"}


def complainant_role(answers: dict[str, Any]) -> str:
    return helper_role(answers) if for_someone(answers) else "young_person"


def made_by_young_person(answers: dict[str, Any]) -> bool:
    return not for_someone(answers) or helper_role(answers) == "advocate"


def advocate_status(answers: dict[str, Any]) -> str | None:
    if helper_role(answers) == "advocate" or answers.get("advocate", {}).get("advocate") == "has_one":
        return "has_one"
    return ADVOCATE.get(answers.get("advocate", {}).get("advocate"))


def facts(answers: dict[str, Any]) -> ComplaintFacts:
    when = answers.get("when", {})
    return ComplaintFacts(
        kind=KINDS[kind(answers)],
        role=complainant_role(answers),
        # This form is for children's social care; staff change the procedure if it is not.
        about_function="childrens_social_care",
        happened_on=approx_date(when.get("happened")),
        date_unknown=bool(when.get("happened_unsure")),
        consent=AGREEMENT.get(answers.get("agreement", {}).get("agreement")),
        acting_for_child=for_someone(answers),
        child_looked_after=IN_CARE.get(answers.get("in-care", {}).get("in_care")),
    )


def contact_details(answers: dict[str, Any]) -> tuple[str | None, str | None]:
    """The email address and phone number we may use: the young person's, or the helper's."""
    helper = answers.get("helper", {})
    chosen = method(answers)
    if for_someone(answers) or chosen == "helper":
        return helper.get("helper_email") or None, helper.get("helper_phone") or None
    value = answers.get("contact-details", {}).get(DETAIL_FIELD.get(chosen, ""))
    return (value, None) if chosen == "email" else (None, value)


def _name(answers: dict[str, Any]) -> str | None:
    if for_someone(answers):
        return (answers.get("helper", {}).get("helper_name") or "").strip() or None
    return (answers.get("name", {}).get("name") or "").strip() or None


def case_fields(answers: dict[str, Any], language: str, council: Council) -> dict[str, Any]:
    today = date.today()
    decision = route(facts(answers), today)
    what = KINDS[kind(answers)]
    status = advocate_status(answers)
    email, phone = contact_details(answers)
    return {
        "kind": what,
        "procedure": decision.procedure.value if what == "complaint" else None,
        "stage": 1 if what == "complaint" else None,
        "status": "new",
        "received_via": "young_person_form",
        "language": language,
        "interpreter": interpreter_need(answers.get("help", {}), "help", "language"),
        "complainant_role": complainant_role(answers),
        "made_by_young_person": made_by_young_person(answers),
        "advocate_involved": status == "has_one",
        "advocate_status": status,
        "child_looked_after": IN_CARE.get(answers.get("in-care", {}).get("in_care")),
        "team": (answers.get("who-about", {}).get("about") or "").strip() or None,
        "borough": council.borough(answers.get("where", {}).get("where")).slug
        if council.borough(answers.get("where", {}).get("where")) else None,
        "contact_name": _name(answers),
        "contact_email": email,
        "contact_phone": phone,
        "answers": answers,
        "routing": decision_record(decision, today),
    }


def request_fields(answers: dict[str, Any], language: str, council: Council) -> dict[str, Any]:
    """An advocacy request: not yet a complaint, so no procedure and no routing."""
    chosen = method(answers)
    value = answers.get("contact-details", {}).get(DETAIL_FIELD.get(chosen, ""))
    return {
        "kind": "advocacy_request",
        "procedure": None,
        "stage": None,
        "status": "new",
        "received_via": "young_person_form",
        "language": language,
        "complainant_role": "young_person",
        "made_by_young_person": True,
        "advocate_involved": False,
        "advocate_status": "wanted",
        "contact_name": (answers.get("name", {}).get("name") or "").strip() or None,
        "contact_email": value if chosen == "email" else None,
        "contact_phone": value if chosen in ("phone", "text") else None,
        "answers": answers,
        "routing": None,
    }


def on_case_created(case: Case) -> None:
    """Inside the transaction that makes the case: its clock, its emails, and the referral."""
    refresh_clock(case)
    notifications.refer_to_advocacy(case)
    notifications.case_received(case)


def expectations(case: Case) -> dict[str, Any]:
    answers = case.answers or {}
    return {
        "acknowledge_by": case.acknowledge_due_on,
        "respond_by": case.response_due_on if case.kind == "complaint" else None,
        "wants_reply": answers.get("contact", {}).get("method") != "none",
        "emailed": notifications.emails.wants_acknowledgement(case),
        "advocate": case.advocate_status,
        "for_someone": who(answers) == "for",
    }
