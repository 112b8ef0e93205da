"""Which procedure a contact goes to, why, and what a person still has to decide.

The rules are those of DOMAIN.md section 1. Routing suggests; it never refuses: anything that
needs judgement (sufficient interest, late complaints, other proceedings, consent) comes back as
a matter to decide, and the complaints officer has the last word.
"""

from dataclasses import dataclass
from datetime import date

from .codes import Kind, Procedure, Role

FUNCTIONS = ("childrens_social_care", "education", "other_body", "unknown")
EXCLUSIONS = ("foster_carer_assessment", "adopter_assessment", "court_report_s7_s37")
# In the order their matters are listed.
PROCEEDINGS = ("court", "tribunal", "criminal", "disciplinary", "standard_of_care",
               "safeguarding_enquiry")
CONSENT = ("given", "not_given", "not_able", "unknown")


@dataclass(frozen=True)
class ComplaintFacts:
    """What the submission and triage say, as far as routing needs it.

    Strings are accepted for `kind` and `role` (the slugs) and any iterable for `proceedings`.
    """

    kind: Kind = Kind.COMPLAINT
    role: Role | None = None
    about_function: str = "childrens_social_care"
    happened_on: date | None = None
    date_unknown: bool = False
    child_at_risk_now: bool = False
    exclusion: str | None = None
    completed_all_stages_before: bool = False
    proceedings: frozenset[str] = frozenset()
    consent: str | None = None
    acting_for_child: bool = False
    child_looked_after: bool | None = None
    is_information_or_service_request: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", Kind(self.kind))
        if self.role is not None:
            object.__setattr__(self, "role", Role(self.role))
        object.__setattr__(self, "proceedings", frozenset(self.proceedings))
        _check("about_function", self.about_function, FUNCTIONS)
        if self.exclusion is not None:
            _check("exclusion", self.exclusion, EXCLUSIONS)
        for name in self.proceedings:
            _check("proceedings", name, PROCEEDINGS)
        if self.consent is not None:
            _check("consent", self.consent, CONSENT)


def _check(name: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}; got {value!r}")


@dataclass(frozen=True)
class Reason:
    code: str
    text: str


@dataclass(frozen=True)
class Matter:
    code: str
    text: str


@dataclass(frozen=True)
class RoutingDecision:
    procedure: Procedure
    reasons: tuple[Reason, ...]
    to_decide: tuple[Matter, ...] = ()
    tell_iro: bool = False


ELIGIBLE = {
    Role.YOUNG_PERSON: "A child or young person who receives or is eligible for services, "
    "including a care leaver, may use the statutory procedure (Children Act 1989, "
    "section 26(3)(a)).",
    Role.PARENT: "A parent may use the statutory procedure (Children Act 1989, "
    "section 26(3)(b)).",
    Role.PERSON_WITH_PARENTAL_RESPONSIBILITY: "A person with parental responsibility for the "
    "child may use the statutory procedure (Children Act 1989, section 26(3)(c)).",
    Role.FOSTER_CARER: "A local authority foster carer may use the statutory procedure "
    "(Children Act 1989, section 26(3)(d)).",
    Role.SPECIAL_GUARDIAN: "A special guardian may use the statutory procedure "
    "(Children Act 1989, section 26(3C)).",
}

MAY_BE_ELIGIBLE = {
    Role.RELATIVE: ("A relative may use the statutory procedure if the council decides they "
                    "have sufficient interest in the child's welfare (Children Act 1989, "
                    "section 26(3)(e))."),
    Role.ADVOCATE: ("An advocate may use the statutory procedure for the child if the council "
                    "decides they are suitable to act for them (Children Act 1989, "
                    "section 26(3)(e))."),
    Role.PROFESSIONAL: ("A professional may use the statutory procedure only if the council "
                        "decides they have sufficient interest in the child's welfare (Children "
                        "Act 1989, section 26(3)(e)); professionals are not usually eligible in "
                        "their own right, though they may help the child or family to complain."),
    Role.OTHER: ("Someone not listed in the Children Act 1989 may use the statutory procedure "
                 "if the council decides they have sufficient interest in the child's welfare "
                 "(section 26(3)(e))."),
}

SUFFICIENT_INTEREST = {
    Role.RELATIVE: "Decide whether this relative has sufficient interest in the child's welfare "
    "to complain for them, taking the child's views into account where appropriate.",
    Role.ADVOCATE: "Decide whether this advocate is suitable to act for the child, and check "
    "that the child wants them to.",
    Role.PROFESSIONAL: "Decide whether this professional has sufficient interest in the "
    "child's welfare to complain for them, or whether they should help the child or family to "
    "complain instead.",
    Role.OTHER: "Decide whether this person has sufficient interest in the child's welfare to "
    "complain for them, taking the child's views into account where appropriate.",
}

EXCLUDED = {
    "foster_carer_assessment": "Foster carer assessments and approval decisions are outside "
    "the statutory procedure, so this is handled as a corporate complaint.",
    "adopter_assessment": "Adopter assessments and approval decisions are outside the "
    "statutory procedure, so this is handled as a corporate complaint.",
    "court_report_s7_s37": "Reports written for court under sections 7 and 37 of the Children "
    "Act 1989 are outside the statutory procedure, so this is handled as a corporate "
    "complaint.",
}

PROCEEDINGS_UNDER_WAY = {
    "court": "Court proceedings are under way",
    "tribunal": "Tribunal proceedings are under way",
    "criminal": "Criminal proceedings are under way",
    "disciplinary": "Disciplinary proceedings are under way",
    "standard_of_care": "A standard-of-care investigation is under way",
    "safeguarding_enquiry": "A safeguarding enquiry is under way",
}

CONSENT_MATTERS = {
    "not_given": Matter("consent_not_given", "The child's consent has not been given: the "
                        "clock pauses until it is."),
    "unknown": Matter("consent_unknown", "It is not known whether the child agrees to the "
                      "complaint being made for them: ask, and pause the clock until they do."),
    None: Matter("consent_not_asked", "The child has not been asked whether they agree to the "
                 "complaint being made for them: ask, and pause the clock until they do."),
    "not_able": Matter("consent_not_able", "The child is not able to give consent: decide "
                       "whether the person complaining is suitable to act for them."),
}


def _a_year_before(today: date) -> date:
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 1, day=28)


def _matters_for_any_complaint(facts: ComplaintFacts, today: date) -> list[Matter]:
    """What a person decides whichever procedure the complaint goes to."""
    matters = []
    if facts.role is None:
        matters.append(Matter("who_is_complaining", "Find out who is complaining and how they "
                              "are connected to the child: this decides whether the statutory "
                              "procedure applies."))
    if facts.happened_on is not None and facts.happened_on < _a_year_before(today):
        matters.append(Matter("over_12_months", "The matter happened more than 12 months ago: "
                              "decide whether there is good reason it was not raised earlier "
                              "and it can still be considered fairly."))
    if facts.date_unknown:
        matters.append(Matter("date_unknown", "It is not known when the matter happened: find "
                              "out, because a complaint more than 12 months after the matter "
                              "needs a decision to accept it."))
    for name in PROCEEDINGS:
        if name in facts.proceedings:
            matters.append(Matter(f"proceedings_{name}", f"{PROCEEDINGS_UNDER_WAY[name]}: decide "
                                  "whether considering the complaint now would prejudice them."))
    if facts.acting_for_child and facts.role is not Role.YOUNG_PERSON and facts.consent != "given":
        matters.append(CONSENT_MATTERS[facts.consent])
    return matters


def route(facts: ComplaintFacts, today: date) -> RoutingDecision:
    """The procedure for a contact, every reason for it, and what a person must still decide."""
    if facts.child_at_risk_now:
        return RoutingDecision(
            Procedure.SAFEGUARDING,
            (Reason("child_at_risk", "The writer says a child is in danger or at risk now: "
                    "this is a safeguarding referral, to be passed to the children's front door "
                    "(MASH) straight away, not handled as a complaint."),),
            (Matter("complaint_as_well", "Once the referral is made, decide whether the "
                    "contact also holds a complaint to be handled separately."),),
        )
    if facts.kind is Kind.COMPLIMENT:
        return RoutingDecision(Procedure.NOT_A_COMPLAINT, (Reason(
            "compliment", "A compliment is not a complaint: record it and pass it on to the "
            "team or worker it is about."),))
    if facts.kind is Kind.COMMENT:
        return RoutingDecision(Procedure.NOT_A_COMPLAINT, (Reason(
            "comment", "A comment or suggestion is not a complaint: record it and pass it to "
            "the service it is about."),))
    if facts.is_information_or_service_request:
        return RoutingDecision(Procedure.NOT_A_COMPLAINT, (Reason(
            "information_or_service_request", "A request for information or for a service is "
            "a representation: resolve it informally, and record and count it; it may still "
            "become a Stage 1 complaint."),))

    corporate: list[Reason] = []
    matters: list[Matter] = []
    if facts.exclusion is not None:
        corporate.append(Reason(f"excluded_{facts.exclusion}", EXCLUDED[facts.exclusion]))
    if facts.about_function == "education":
        corporate.append(Reason("education", "Education matters, such as school admissions or "
                                "special educational needs, are not children's social care "
                                "functions: they are handled as corporate complaints or through "
                                "the education routes."))
    elif facts.about_function == "other_body":
        corporate.append(Reason("other_body", "The complaint is not about an action or decision "
                                "of the council or of someone acting for it, so the statutory "
                                "procedure does not apply."))
        matters.append(Matter("pass_to_right_body", "Decide whether to pass the complaint to "
                              "the body responsible, and tell the complainant who that is."))
    elif facts.about_function == "unknown":
        matters.append(Matter("function_unknown", "Check that the complaint is about the "
                              "council's children's social care: if it is not, it is not a "
                              "statutory complaint."))
    if facts.completed_all_stages_before:
        corporate.append(Reason("all_stages_completed", "The same complaint has already been "
                                "through all three stages of the statutory procedure, which "
                                "cannot be repeated."))
        matters.append(Matter("anything_new", "Decide whether the complaint raises anything "
                              "new; if not, explain that the procedure is complete and give "
                              "the Local Government and Social Care Ombudsman's details."))

    if corporate:
        procedure = Procedure.CORPORATE
        reasons = corporate
    else:
        procedure = Procedure.STATUTORY
        if facts.role in ELIGIBLE:
            reasons = [Reason(f"eligible_{facts.role.value}", ELIGIBLE[facts.role])]
        elif facts.role in MAY_BE_ELIGIBLE:
            reasons = [Reason(f"may_be_eligible_{facts.role.value}", MAY_BE_ELIGIBLE[facts.role])]
            matters.append(Matter("sufficient_interest", SUFFICIENT_INTEREST[facts.role]))
        else:
            reasons = [Reason("role_not_known", "Complaints about children's social care go to "
                              "the statutory procedure until it is known whether the person "
                              "complaining may use it.")]
    matters += _matters_for_any_complaint(facts, today)
    return RoutingDecision(procedure, tuple(reasons), tuple(matters),
                           tell_iro=bool(facts.child_looked_after))
