"""Routing, case by case. Many cases are drawn from the five councils' reports (DOMAIN.md)."""

from datetime import date

import pytest

from portal.domain.codes import Kind, Procedure, Role
from portal.domain.routing import ComplaintFacts, route

TODAY = date(2024, 6, 3)
S, C, SG, N = (Procedure.STATUTORY, Procedure.CORPORATE, Procedure.SAFEGUARDING,
               Procedure.NOT_A_COMPLAINT)


def facts(**kwargs):
    return ComplaintFacts(**kwargs)


CASES = [
    # (name, facts, procedure, reason codes, matter codes, tell_iro)
    ("a parent about a social worker's conduct (Milton Keynes: staff conduct)",
     facts(role=Role.PARENT), S, ["eligible_parent"], [], False),
    ("a young person about their own care",
     facts(role=Role.YOUNG_PERSON, acting_for_child=True), S, ["eligible_young_person"], [],
     False),
    ("a person with parental responsibility",
     facts(role=Role.PERSON_WITH_PARENTAL_RESPONSIBILITY), S,
     ["eligible_person_with_parental_responsibility"], [], False),
    ("a foster carer about support for a placement",
     facts(role=Role.FOSTER_CARER), S, ["eligible_foster_carer"], [], False),
    ("a special guardian",
     facts(role=Role.SPECIAL_GUARDIAN), S, ["eligible_special_guardian"], [], False),
    ("a grandparent for the child, with the child's consent",
     facts(role=Role.RELATIVE, acting_for_child=True, consent="given"), S,
     ["may_be_eligible_relative"], ["sufficient_interest"], False),
    ("an advocate for the child",
     facts(role=Role.ADVOCATE, acting_for_child=True, consent="given"), S,
     ["may_be_eligible_advocate"], ["sufficient_interest"], False),
    ("a teacher (a professional)",
     facts(role=Role.PROFESSIONAL), S, ["may_be_eligible_professional"],
     ["sufficient_interest"], False),
    ("a neighbour",
     facts(role=Role.OTHER), S, ["may_be_eligible_other"], ["sufficient_interest"], False),
    ("nobody yet knows who wrote",
     facts(), S, ["role_not_known"], ["who_is_complaining"], False),
    ("school admissions (Harrow: admissions)",
     facts(role=Role.PARENT, about_function="education"), C, ["education"], [], False),
    ("about another body (the NHS)",
     facts(role=Role.PARENT, about_function="other_body"), C, ["other_body"],
     ["pass_to_right_body"], False),
    ("not yet known which service",
     facts(role=Role.PARENT, about_function="unknown"), S, ["eligible_parent"],
     ["function_unknown"], False),
    ("a foster carer assessment decision",
     facts(role=Role.FOSTER_CARER, exclusion="foster_carer_assessment"), C,
     ["excluded_foster_carer_assessment"], [], False),
    ("an adopter assessment",
     facts(role=Role.OTHER, exclusion="adopter_assessment"), C,
     ["excluded_adopter_assessment"], [], False),
    ("a section 7 report for court",
     facts(role=Role.PARENT, exclusion="court_report_s7_s37"), C,
     ["excluded_court_report_s7_s37"], [], False),
    ("the same complaint has been through all three stages (Medway section 10)",
     facts(role=Role.PARENT, completed_all_stages_before=True), C, ["all_stages_completed"],
     ["anything_new"], False),
    ("raising concerns: a child at risk now (Harrow: passed on to MASH)",
     facts(role=Role.RELATIVE, child_at_risk_now=True), SG, ["child_at_risk"],
     ["complaint_as_well"], False),
    ("a child at risk wins over everything else, even a compliment",
     facts(kind=Kind.COMPLIMENT, role=Role.PARENT, exclusion="court_report_s7_s37",
           proceedings=frozenset({"court"}), child_looked_after=True, child_at_risk_now=True),
     SG, ["child_at_risk"], ["complaint_as_well"], False),
    ("Harrow: Information Request",
     facts(role=Role.PARENT, is_information_or_service_request=True), N,
     ["information_or_service_request"], [], False),
    ("a compliment to a social worker",
     facts(kind=Kind.COMPLIMENT, role=Role.PARENT), N, ["compliment"], [], False),
    ("a comment or suggestion",
     facts(kind=Kind.COMMENT), N, ["comment"], [], False),
    ("a matter 14 months old is still statutory",
     facts(role=Role.PARENT, happened_on=date(2023, 4, 1)), S, ["eligible_parent"],
     ["over_12_months"], False),
    ("exactly 12 months ago is in time",
     facts(role=Role.PARENT, happened_on=date(2023, 6, 3)), S, ["eligible_parent"], [], False),
    ("a day more than 12 months ago is not",
     facts(role=Role.PARENT, happened_on=date(2023, 6, 2)), S, ["eligible_parent"],
     ["over_12_months"], False),
    ("nobody knows when it happened",
     facts(role=Role.PARENT, date_unknown=True), S, ["eligible_parent"], ["date_unknown"],
     False),
    ("court proceedings: a matter, never a refusal",
     facts(role=Role.PARENT, proceedings=frozenset({"court"})), S, ["eligible_parent"],
     ["proceedings_court"], False),
    ("every kind of proceedings, listed in a fixed order",
     facts(role=Role.PARENT, proceedings={"safeguarding_enquiry", "criminal", "court",
                                          "standard_of_care", "disciplinary", "tribunal"}),
     S, ["eligible_parent"],
     ["proceedings_court", "proceedings_tribunal", "proceedings_criminal",
      "proceedings_disciplinary", "proceedings_standard_of_care",
      "proceedings_safeguarding_enquiry"], False),
    ("a looked-after child's complaint: tell their IRO",
     facts(role=Role.YOUNG_PERSON, child_looked_after=True), S, ["eligible_young_person"], [],
     True),
    ("a looked-after child's corporate complaint: tell their IRO too",
     facts(role=Role.YOUNG_PERSON, about_function="education", child_looked_after=True), C,
     ["education"], [], True),
    ("a representation for a looked-after child is not a complaint",
     facts(role=Role.YOUNG_PERSON, is_information_or_service_request=True,
           child_looked_after=True), N, ["information_or_service_request"], [], False),
    ("a relative acting without the child's consent",
     facts(role=Role.RELATIVE, acting_for_child=True, consent="not_given"), S,
     ["may_be_eligible_relative"], ["sufficient_interest", "consent_not_given"], False),
    ("a parent acting for the child, consent not known",
     facts(role=Role.PARENT, acting_for_child=True, consent="unknown"), S, ["eligible_parent"],
     ["consent_unknown"], False),
    ("a parent acting for the child, consent not asked",
     facts(role=Role.PARENT, acting_for_child=True), S, ["eligible_parent"],
     ["consent_not_asked"], False),
    ("a parent acting for a baby, who cannot consent",
     facts(role=Role.PARENT, acting_for_child=True, consent="not_able"), S, ["eligible_parent"],
     ["consent_not_able"], False),
    ("several reasons at once, in a stable order",
     facts(role=Role.FOSTER_CARER, exclusion="foster_carer_assessment",
           about_function="education", completed_all_stages_before=True,
           happened_on=date(2022, 1, 1), proceedings=frozenset({"tribunal"})),
     C, ["excluded_foster_carer_assessment", "education", "all_stages_completed"],
     ["anything_new", "over_12_months", "proceedings_tribunal"], False),
    ("several matters at once",
     facts(role=Role.RELATIVE, acting_for_child=True, consent="unknown",
           happened_on=date(2023, 1, 10), proceedings=frozenset({"criminal", "court"}),
           child_looked_after=True),
     S, ["may_be_eligible_relative"],
     ["sufficient_interest", "over_12_months", "proceedings_court", "proceedings_criminal",
      "consent_unknown"], True),
]


@pytest.mark.parametrize("name, given, procedure, reasons, matters, tell_iro", CASES,
                         ids=[case[0] for case in CASES])
def test_route(name, given, procedure, reasons, matters, tell_iro):
    decision = route(given, TODAY)
    assert decision.procedure is procedure
    assert [r.code for r in decision.reasons] == reasons
    assert [m.code for m in decision.to_decide] == matters
    assert decision.tell_iro is tell_iro


@pytest.mark.parametrize("name, given", [(case[0], case[1]) for case in CASES],
                         ids=[case[0] for case in CASES])
def test_every_reason_and_matter_is_a_sentence(name, given):
    decision = route(given, TODAY)
    assert decision.reasons
    for item in decision.reasons + decision.to_decide:
        assert item.text[0].isupper() and item.text.endswith("."), item
        assert "  " not in item.text, item


def test_the_wording_a_complaints_officer_reads():
    parent = route(facts(role=Role.PARENT), TODAY)
    assert parent.reasons[0].text == (
        "A parent may use the statutory procedure (Children Act 1989, section 26(3)(b)).")
    late = route(facts(role=Role.PARENT, happened_on=date(2023, 1, 1),
                       proceedings=frozenset({"court"}), acting_for_child=True,
                       consent="not_given"), TODAY)
    assert [m.text for m in late.to_decide] == [
        "The matter happened more than 12 months ago: decide whether there is good reason it "
        "was not raised earlier and it can still be considered fairly.",
        "Court proceedings are under way: decide whether considering the complaint now would "
        "prejudice them.",
        "The child's consent has not been given: the clock pauses until it is.",
    ]
    relative = route(facts(role=Role.RELATIVE), TODAY)
    assert relative.to_decide[0].text.startswith(
        "Decide whether this relative has sufficient interest in the child's welfare to "
        "complain for them")
    professional = route(facts(role=Role.PROFESSIONAL), TODAY)
    assert "not usually eligible in their own right" in professional.reasons[0].text
    exclusion = route(facts(role=Role.FOSTER_CARER, exclusion="foster_carer_assessment"), TODAY)
    assert "Foster carer assessments" in exclusion.reasons[0].text
    at_risk = route(facts(child_at_risk_now=True), TODAY)
    assert "MASH" in at_risk.reasons[0].text


def test_a_leap_day_today():
    decision = route(facts(role=Role.PARENT, happened_on=date(2023, 2, 27)), date(2024, 2, 29))
    assert [m.code for m in decision.to_decide] == ["over_12_months"]
    decision = route(facts(role=Role.PARENT, happened_on=date(2023, 2, 28)), date(2024, 2, 29))
    assert decision.to_decide == ()


def test_slugs_are_accepted_for_kind_and_role():
    given = ComplaintFacts(kind="complaint", role="parent", proceedings=["court"])
    assert given.role is Role.PARENT and given.kind is Kind.COMPLAINT
    assert given.proceedings == frozenset({"court"})
    assert route(given, TODAY) == route(facts(role=Role.PARENT, proceedings={"court"}), TODAY)


@pytest.mark.parametrize("bad", [
    {"about_function": "schools"},
    {"exclusion": "fostering"},
    {"proceedings": {"police"}},
    {"consent": "yes"},
    {"role": "grandparent"},
    {"kind": "complaints"},
])
def test_unknown_values_are_refused(bad):
    with pytest.raises(ValueError):
        ComplaintFacts(**bad)


def test_decisions_are_frozen():
    decision = route(facts(role=Role.PARENT), TODAY)
    with pytest.raises(AttributeError):
        decision.procedure = Procedure.CORPORATE
