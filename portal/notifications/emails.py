"""The emails a new case causes: an acknowledgement to the person, a notification to the team.

Neither carries what the person wrote nor the child's name: a mailbox may be shared, and an
email can be forwarded. The case itself holds the detail.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.headerregistry import Address
from email.utils import parseaddr
from typing import Any

from flask import current_app
from flask_babel import force_locale, gettext

from portal.council import Council
from portal.i18n import left_to_right
from portal.languages import LANGUAGES, language_name
from portal.models import Case


@dataclass(frozen=True)
class Email:
    kind: str
    to: str
    subject: str
    text: str
    html: str
    language: str
    reply_to: str | None = None


def council() -> Council:
    return current_app.extensions["council"]


def sender() -> str:
    """MAIL_FROM, else no-reply@ at the domain of the council's contact email."""
    configured = current_app.config.get("MAIL_FROM")
    if configured:
        return configured
    domain = council().contact["email"].rpartition("@")[2]
    return str(Address(display_name=council().name, addr_spec=f"no-reply@{domain}"))


def sender_domain() -> str:
    """The domain Message-IDs are made under: the sender's."""
    return parseaddr(sender())[1].rpartition("@")[2] or "portal.invalid"


def reply_to_address() -> str:
    return current_app.config.get("MAIL_REPLY_TO") or council().contact["email"]


def team_address() -> str:
    return current_app.config.get("MAIL_TEAM_ADDRESS") or council().contact["email"]


def contact_method(case: Case) -> str | None:
    return (case.answers or {}).get("contact", {}).get("method")


def safe_to_contact(case: Case) -> bool:
    """False when the person said someone else may read what we send them (or, for a young
    person, that they are not sure)."""
    answers = case.answers or {}
    if "safe-contact" in answers:
        return answers["safe-contact"].get("safe") != "no"
    return answers.get("safe", {}).get("safe") not in ("no", "unsure")


def in_young_words(case: Case) -> bool:
    """Written to a young person (not to an adult filling the young person's form in for them)."""
    if case.received_via != "young_person_form":
        return False
    return case.kind == "advocacy_request" or (case.answers or {}).get("who", {}).get("who") != "for"


def wants_acknowledgement(case: Case) -> bool:
    return bool(case.contact_email) and safe_to_contact(case)


def render(name: str, context: dict[str, Any]) -> str:
    # Straight from the environment: the page context processors need a request, a worker has none.
    return current_app.jinja_env.get_template(name).render(context)


def area_name(case: Case, language: str) -> str | None:
    """The service area's name in the person's language (the case keeps the configured name)."""
    area = next((a for a in council().service_areas if a.name == case.service_area), None)
    return area.name_in(language) if area else case.service_area


def acknowledgement_subject(case: Case) -> str:
    reference = left_to_right(case.reference, markup=False)  # in order in right-to-left subjects
    if in_young_words(case):
        return gettext("We got your message: %(reference)s", reference=reference)
    if case.kind == "complaint":
        return gettext("We have received your complaint: %(reference)s", reference=reference)
    if case.kind == "compliment":
        return gettext("Thank you for your compliment: %(reference)s", reference=reference)
    return gettext("Thank you for your comment: %(reference)s", reference=reference)


def acknowledgement(case: Case) -> Email | None:
    """The email to the person, in the language they used; None if they gave no email address
    or said email may not be safe."""
    if not wants_acknowledgement(case):
        return None
    # Their language, even if the council has since stopped offering it: every catalogue is whole.
    language = case.language if case.language in LANGUAGES else council().default_language
    with force_locale(language):
        subject = acknowledgement_subject(case)
        context = {
            "case": case, "subject": subject, "language": language, "council": council(),
            "say": lambda key: council().text(key, language),
            "area": area_name(case, language),
            "team": council().text("council.complaints_team", language),
        }
        name = "emails/young_acknowledgement" if in_young_words(case) else "emails/acknowledgement"
        text = render(f"{name}.txt", context)
        html = render(f"{name}.html", context)
    return Email("acknowledgement", case.contact_email, subject, text, html, language,
                 reply_to_address())


PROCEDURES = {
    "statutory": "Statutory: the Children Act 1989 complaints procedure",
    "corporate": "Corporate: the council's complaints procedure",
    "safeguarding": "Safeguarding: pass it to the children's front door (MASH) first",
    "not_a_complaint": "None: not a complaint",
}


def reply_note(case: Case) -> str:
    """How the person asked us to reply, without their details."""
    method = contact_method(case)
    notes = {
        "email": "By email.",
        "phone": "By phone. No email was sent to them: acknowledge by phone.",
        "text": "By text message. No email was sent to them: acknowledge by text.",
        "post": "By post. No email was sent to them: acknowledge by letter.",
        "helper": "Through the person helping them (their details are on the case).",
    }
    if case.received_via == "young_person_form" and (case.answers or {}).get("who", {}).get("who") == "for":
        method = "helper"
    note = notes.get(method, "They asked for no reply.")
    if method in notes and not safe_to_contact(case):
        note += (" They said it may not be safe to contact them this way: read how to contact "
                 "them safely before replying. No email was sent to them.")
    elif wants_acknowledgement(case):
        note += " An acknowledgement with the dates below is being emailed to them."
    return note


def team_notification(case: Case) -> Email:
    """The email to the complaints team's mailbox for every new case, in English."""
    with force_locale("en"):
        subject = f"New {case.kind.replace('_', ' ')}: {case.reference}"
        base = current_app.config.get("PORTAL_BASE_URL", "").rstrip("/")
        routing = case.routing or {}
        context = {
            "case": case, "subject": subject, "council": council(),
            "procedure": PROCEDURES.get(case.procedure or "", "None (not a complaint)"),
            "language": language_name(case.language),
            "reply": reply_note(case),
            "to_decide": [matter["text"] for matter in routing.get("to_decide", [])],
            "tell_iro": routing.get("tell_iro", False),
            "advocate": ADVOCATE_STATUS.get(case.advocate_status or ""),
            "link": f"{base}/staff/cases/{case.reference}",
        }
        text = render("emails/team_notification.txt", context)
        html = render("emails/team_notification.html", context)
    return Email("team_notification", team_address(), subject, text, html, "en")


ADVOCATE_STATUS = {
    "wanted": "Wants an advocate",
    "referred": "Passed to the advocacy service",
    "involved": "An advocate is helping",
    "has_one": "Already has an advocate",
    "not_wanted": "Does not want an advocate",
    "unsure": "Not sure about an advocate",
}


def advocacy_referral(case: Case) -> Email | None:
    """To the advocacy provider, when the council asks for referrals by email: who wants an
    advocate and how to reach them safely. It must carry those details, or nobody can call."""
    address = council().advocacy.get("referrals_email")
    if not address or case.advocate_status != "wanted":
        return None
    answers = case.answers or {}
    with force_locale("en"):
        subject = f"A young person would like an advocate: {case.reference}"
        context = {
            "case": case, "subject": subject, "council": council(), "answers": answers,
            "language": language_name(case.language),
            "method": contact_method(case), "safe": answers.get("safe", {}).get("safe"),
            "team": council().text("council.complaints_team", "en"),
        }
        text = render("emails/advocacy_referral.txt", context)
        html = render("emails/advocacy_referral.html", context)
    return Email("advocacy_referral", address, subject, text, html, "en", team_address())


# After sending: links to come back, and news of the case ------------------------------------

def public_link(path: str) -> str:
    """A link for an email: the portal's public address and the path."""
    return current_app.config.get("PORTAL_BASE_URL", "").rstrip("/") + path


def case_language(case: Case) -> str:
    return case.language if case.language in LANGUAGES else council().default_language


def _person_email(kind: str, to: str, template: str, language: str, subject_of, **context: Any) -> Email:
    with force_locale(language):
        subject = subject_of()
        context = {
            **context, "subject": subject, "language": language, "council": council(),
            "say": lambda key: council().text(key, language),
            "team": council().text("council.complaints_team", language),
        }
        text = render(f"emails/{template}.txt", context)
        html = render(f"emails/{template}.html", context)
    return Email(kind, to, subject, text, html, language, reply_to_address())


def save_link(to: str, link: str, until, language: str, young: bool) -> Email:
    """The link that opens saved answers again. It says nothing of what they wrote."""
    return _person_email(
        "save_link", to, "save_link", language,
        lambda: gettext("Your saved answers") if not young else gettext("Your saved message"),
        link=link, until=until, young=young,
    )


def tracking_link(case: Case, link: str, minutes: int) -> Email:
    """A one-time link to the page that follows the case."""
    reference = left_to_right(case.reference, markup=False)
    return _person_email(
        "tracking_link", case.contact_email, "tracking_link", case_language(case),
        lambda: gettext("Your link to follow %(reference)s", reference=reference),
        case=case, link=link, minutes=minutes, young=in_young_words(case),
    )


# What changed, in the words the person reads: a stage response, a new stage, or the end.
STATUS_NEWS = ("responded", "escalated", "withdrawn", "closed")


def status_update(case: Case, news: str) -> Email | None:
    """Tell the person their case moved on; None if we may not email them."""
    if news not in STATUS_NEWS or not wants_acknowledgement(case):
        return None
    reference = left_to_right(case.reference, markup=False)
    return _person_email(
        "status_update", case.contact_email, "status_update", case_language(case),
        lambda: gettext("News about %(reference)s", reference=reference),
        case=case, news=news, young=in_young_words(case), link=public_link("/track"),
    )
