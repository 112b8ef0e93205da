"""The adult journey: its pages, when each applies, and how each reads on Check your answers.

Compliments take a shorter path: no consent, proceedings or outcome questions.
"""

from __future__ import annotations

from typing import Any

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.flow.journey import Answers, Journey, Page
from portal.i18n import long_date, month_year
from portal.forms import public as forms


def kind(answers: Answers) -> str | None:
    return answers.get("what-to-tell-us", {}).get("kind")


def role(answers: Answers) -> str | None:
    return answers.get("who-you-are", {}).get("role")


def is_complaint(answers: Answers) -> bool:
    return kind(answers) == "complaint"


def about_a_child(answers: Answers) -> bool:
    # A compliment or comment may be about a service in general; a complaint is about a child.
    return kind(answers) in ("complaint", "compliment")


def writing_for_child(answers: Answers) -> bool:
    return is_complaint(answers) and role(answers) not in (None, "young_person")


def wants_reply(answers: Answers) -> bool:
    return answers.get("contact", {}).get("method") not in (None, "none")


def choice_label(choices, value) -> str:
    return next((str(label) for key, label in choices if key == value), _("Not provided"))


def approx_date(parts: dict[str, str] | None) -> str:
    if not parts or not any(parts.values()):
        return _("Not provided")
    try:
        from datetime import date

        day = int(parts["day"]) if parts.get("day") else None
        moment = date(int(parts["year"]), int(parts["month"]), day or 1)
    except (KeyError, ValueError):
        return _("Not provided")
    return long_date(moment) if day else month_year(moment)


def text_or_missing(value: Any) -> str:
    return value.strip() if isinstance(value, str) and value.strip() else _("Not provided")


def service_areas() -> list[tuple[str, str]]:
    from flask_babel import get_locale

    council = current_app.extensions["council"]
    language = str(get_locale())
    return [(area.slug, area.name_in(language)) for area in council.service_areas]


def boroughs() -> list[tuple[str, str]]:
    from flask_babel import get_locale

    language = str(get_locale())
    return [(b.slug, b.name_in(language)) for b in current_app.extensions["council"].boroughs]


def serves_boroughs(answers: Answers) -> bool:
    return bool(current_app.extensions["council"].boroughs)


# Each page's form, given the answers so far (labels and rules can depend on them).

def _kind_form(answers, **kw):
    return forms.KindForm(**kw)


def _role_form(answers, **kw):
    return forms.RoleForm(**kw)


def _child_form(answers, **kw):
    return forms.ChildForm(name_required=is_complaint(answers), **kw)


def _in_care_form(answers, **kw):
    return forms.InCareForm(**kw)


def _consent_form(answers, **kw):
    return forms.ConsentForm(**kw)


def _borough_form(answers, **kw):
    return forms.BoroughForm(boroughs=boroughs(), **kw)


def _service_form(answers, **kw):
    return forms.ServiceForm(areas=service_areas(), **kw)


WHAT_REQUIRED = {
    "complaint": _l("Tell us what happened"),
    "compliment": _l("Tell us what you would like to say"),
    "comment": _l("Tell us your comment or suggestion"),
}


def _what_form(answers, **kw):
    return forms.WhatForm(required_message=WHAT_REQUIRED.get(kind(answers)), **kw)


def _when_form(answers, **kw):
    return forms.WhenForm(**kw)


def _outcome_form(answers, **kw):
    return forms.OutcomeForm(**kw)


def _proceedings_form(answers, **kw):
    return forms.ProceedingsForm(**kw)


def _share_form(answers, **kw):
    return forms.ShareForm(**kw)


def _about_you_form(answers, **kw):
    return forms.AboutYouForm(name_required=is_complaint(answers), **kw)


def _contact_form(answers, **kw):
    return forms.ContactForm(reply_optional=not is_complaint(answers), **kw)


DETAIL_FORMS = {"email": forms.EmailForm, "phone": forms.PhoneForm, "post": forms.AddressForm}
DETAIL_FIELD = {"email": "email", "phone": "phone", "post": "address"}


def contact_method(answers: Answers) -> str | None:
    return answers.get("contact", {}).get("method")


def _contact_details_form(answers, **kw):
    return DETAIL_FORMS[contact_method(answers)](**kw)


def _details_fit(answers: Answers) -> bool:
    return DETAIL_FIELD.get(contact_method(answers), "") in answers.get("contact-details", {})


def _safe_form(answers, **kw):
    return forms.SafeForm(**kw)


def _safe_how_form(answers, **kw):
    return forms.SafeHowForm(**kw)


def not_safe(answers: Answers) -> bool:
    return wants_reply(answers) and answers.get("safe-contact", {}).get("safe") == "no"


def _support_form(answers, **kw):
    return forms.SupportForm(**kw)


# How each page reads on Check your answers.

def _kind_rows(page, answers):
    return [(_("What you want to tell us"), choice_label(forms.KINDS, page.get("kind")))]


def _role_rows(page, answers):
    return [(_("Who you are"), choice_label(forms.ROLES, page.get("role")))]


def _child_rows(page, answers):
    return [
        (_("Child or young person's name"), text_or_missing(page.get("child_name"))),
        (_("Their date of birth"), approx_date(page.get("child_dob"))),
    ]


def _in_care_rows(page, answers):
    return [(_("In care"), choice_label(forms.YES_NO_UNSURE, page.get("in_care")))]


def _consent_rows(page, answers):
    return [(_("Do they agree"), choice_label(forms.CONSENT, page.get("consent")))]


def _borough_rows(page, answers):
    return [(_("Area"), choice_label(boroughs() + [("unknown", _("I don't know"))], page.get("borough")))]


def _service_rows(page, answers):
    areas = service_areas() + [("unknown", _("I don't know"))]
    return [
        (_("Service"), choice_label(areas, page.get("service_area"))),
        (_("Team or worker"), text_or_missing(page.get("team"))),
    ]


def _what_rows(page, answers):
    keys = {"complaint": _("What happened"), "compliment": _("Your compliment"),
            "comment": _("Your comment or suggestion")}
    return [(keys.get(kind(answers), _("What happened")), {"free_text": page.get("what", "")})]


def _when_rows(page, answers):
    if page.get("happened_unsure"):
        return [(_("When it happened"), _("I'm not sure"))]
    return [(_("When it happened"), approx_date(page.get("happened")))]


def _outcome_rows(page, answers):
    return [(_("What you would like to happen"), {"free_text": page.get("outcome", "")})]


def _proceedings_rows(page, answers):
    chosen = page.get("proceedings") or []
    labels = [choice_label(forms.PROCEEDINGS, value) for value in chosen]
    return [(_("Court or other proceedings"), {"lines": labels})]


def _share_rows(page, answers):
    return [(_("Can we share your words"), choice_label(forms.SHARE, page.get("share")))]


def _about_you_rows(page, answers):
    return [(_("Your name"), text_or_missing(page.get("full_name")))]


def _contact_rows(page, answers):
    methods = forms.CONTACT_METHODS + [forms.NO_REPLY]
    return [(_("How to contact you"), choice_label(methods, page.get("method")))]


def _contact_details_rows(page, answers):
    keys = {"email": _("Email address"), "phone": _("Phone number"), "post": _("Address")}
    method = contact_method(answers)
    return [(keys[method], {"free_text": page.get(DETAIL_FIELD[method], "")})]


def _safe_rows(page, answers):
    yes_no = [("yes", _("Yes")), ("no", _("No"))]
    return [(_("Safe to contact you this way"), choice_label(yes_no, page.get("safe")))]


def _safe_how_rows(page, answers):
    return [(_("How to contact you safely"), {"free_text": page.get("safe_how", "")})]


def _support_rows(page, answers):
    chosen = page.get("support") or []
    lines = []
    for value in chosen:
        label = choice_label(forms.SUPPORT, value)
        if value == "interpreter" and page.get("interpreter_language"):
            label = _("An interpreter: %(language)s", language=page["interpreter_language"])
        if value == "other" and page.get("other_support"):
            label = _("Something else: %(detail)s", detail=page["other_support"])
        lines.append(label)
    return [(_("Support you need"), {"lines": lines})]


ADULT = Journey(
    name="adult",
    pages=(
        Page("what-to-tell-us", "public/pages/kind.html", _kind_form, rows=_kind_rows),
        Page("who-you-are", "public/pages/role.html", _role_form, rows=_role_rows),
        Page("child", "public/pages/child.html", _child_form, about_a_child, _child_rows),
        Page("in-care", "public/pages/in_care.html", _in_care_form, is_complaint, _in_care_rows),
        Page("agreement", "public/pages/consent.html", _consent_form, writing_for_child, _consent_rows),
        Page("area", "public/pages/borough.html", _borough_form, serves_boroughs, _borough_rows),
        Page("service", "public/pages/service.html", _service_form, rows=_service_rows),
        Page("what-happened", "public/pages/what.html", _what_form, rows=_what_rows),
        Page("when", "public/pages/when.html", _when_form, is_complaint, _when_rows),
        Page("outcome", "public/pages/outcome.html", _outcome_form, is_complaint, _outcome_rows),
        Page("proceedings", "public/pages/proceedings.html", _proceedings_form, is_complaint, _proceedings_rows),
        Page("share", "public/pages/share.html", _share_form, lambda a: kind(a) == "compliment", _share_rows),
        Page("your-name", "public/pages/about_you.html", _about_you_form, rows=_about_you_rows),
        Page("contact", "public/pages/contact.html", _contact_form, rows=_contact_rows),
        Page("contact-details", "public/pages/contact_details.html", _contact_details_form,
             wants_reply, _contact_details_rows, answered=_details_fit),
        Page("safe-contact", "public/pages/safe.html", _safe_form, wants_reply, _safe_rows),
        Page("safe-contact-how", "public/pages/safe_how.html", _safe_how_form, not_safe, _safe_how_rows),
        Page("support", "public/pages/support.html", _support_form, lambda a: kind(a) != "compliment", _support_rows),
    ),
)
