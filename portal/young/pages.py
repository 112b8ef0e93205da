"""The young person's journeys: telling us something, and asking an advocate to get in touch.

One question per page. A helper (advocate, carer, worker) can fill it in with the young person,
or for them; the pages then ask about the helper, and speak of "the young person" where needed.
"""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

from portal.flow.journey import Answers, Journey, Page
from portal.forms import young as forms
from portal.public.pages import approx_date, boroughs, choice_label, serves_boroughs, text_or_missing


def who(answers: Answers) -> str | None:
    return answers.get("who", {}).get("who")


def kind(answers: Answers) -> str | None:
    return answers.get("what-kind", {}).get("kind")


def helper_role(answers: Answers) -> str | None:
    return answers.get("helper", {}).get("helper_role")


def has_helper(answers: Answers) -> bool:
    return who(answers) in ("helped", "for")


def for_someone(answers: Answers) -> bool:
    return who(answers) == "for"


def is_wrong(answers: Answers) -> bool:
    return kind(answers) == "wrong"


def asks_about_advocate(answers: Answers) -> bool:
    # An advocate filling it in is the answer already.
    return is_wrong(answers) and helper_role(answers) != "advocate"


def method(answers: Answers) -> str | None:
    return answers.get("contact", {}).get("method")


def asks_how_to_contact(answers: Answers) -> bool:
    # When a helper fills it in for a young person, we get in touch with the helper.
    return not for_someone(answers)


def needs_details(answers: Answers) -> bool:
    return asks_how_to_contact(answers) and method(answers) in DETAIL_FORMS


def not_sure_safe(answers: Answers) -> bool:
    return needs_details(answers) and answers.get("safe", {}).get("safe") in ("no", "unsure")


DETAIL_FORMS = {"email": forms.EmailForm, "phone": forms.PhoneForm, "text": forms.PhoneForm}
DETAIL_FIELD = {"email": "email", "phone": "phone", "text": "phone"}


def _details_fit(answers: Answers) -> bool:
    return DETAIL_FIELD.get(method(answers), "") in answers.get("contact-details", {})


STORY_REQUIRED = {
    "wrong": lazy_pgettext("young person", "Tell us what happened"),
    "good": _l("Tell us what was good"),
    "idea": _l("Tell us your idea"),
}


def _contact_choices(answers: Answers):
    choices = list(forms.CONTACT)
    if who(answers) == "helped":
        choices.append(forms.THROUGH_HELPER)
    if not is_wrong(answers):
        choices.append(forms.NO_CONTACT)
    return choices


def _name_required(answers: Answers):
    if not is_wrong(answers):
        return None
    if for_someone(answers):
        return _l("Write the young person's name")
    return _l("Write your name")


# The forms, given the answers so far.

def _plain(form_class):
    return lambda answers, **kw: form_class(**kw)


def _story_form(answers, **kw):
    return forms.StoryForm(required_message=STORY_REQUIRED.get(kind(answers)), **kw)


def _name_form(answers, **kw):
    return forms.NameForm(required_message=_name_required(answers), **kw)


def _contact_form(answers, **kw):
    return forms.ContactForm(choices=_contact_choices(answers), **kw)


def _details_form(answers, **kw):
    return DETAIL_FORMS[method(answers)](**kw)


def _request_name_form(answers, **kw):
    return forms.NameForm(required_message=_l("Write your name"), **kw)


def _request_contact_form(answers, **kw):
    return forms.ContactForm(choices=forms.CONTACT, **kw)


# How each page reads on Check your answers.

def _who_rows(page, answers):
    return [(_("Who is filling it in"), choice_label(forms.WHO, page.get("who")))]


def _helper_rows(page, answers):
    contact = [v for v in (page.get("helper_email"), page.get("helper_phone")) if v]
    return [
        (_("Helper's name"), text_or_missing(page.get("helper_name"))),
        (_("Who the helper is"), choice_label(forms.HELPER_ROLES, page.get("helper_role"))),
        (_("Helper's email or phone"), {"lines": contact}),
    ]


def _agreement_rows(page, answers):
    return [(_("Does the young person agree"), choice_label(forms.AGREEMENT, page.get("agreement")))]


def _kind_rows(page, answers):
    return [(_("What you want to tell us"), choice_label(forms.KINDS, page.get("kind")))]


def _story_rows(page, answers):
    keys = {"wrong": _("What happened"), "good": _("What was good"), "idea": _("Your idea")}
    return [(keys.get(kind(answers), _("What happened")), {"free_text": page.get("story", "")})]


def _when_rows(page, answers):
    if page.get("happened_unsure"):
        return [(_("When"), _("I'm not sure"))]
    return [(_("When"), approx_date(page.get("happened")))]


def _about_rows(page, answers):
    if page.get("about_unsure"):
        return [(_("Who it is about"), _("I don't know"))]
    return [(_("Who it is about"), text_or_missing(page.get("about")))]


def _better_rows(page, answers):
    if page.get("better_unsure"):
        return [(_("What would make it better"), _("I'm not sure"))]
    return [(_("What would make it better"), {"free_text": page.get("better", "")})]


def _in_care_rows(page, answers):
    return [(_("In care"), choice_label(forms.YES_NO_UNSURE, page.get("in_care")))]


def _advocate_rows(page, answers):
    return [(_("An advocate"), choice_label(forms.ADVOCATE, page.get("advocate")))]


def _name_rows(page, answers):
    key = _("Young person's name") if for_someone(answers) else _("Name")
    return [(key, text_or_missing(page.get("name")))]


def _contact_rows(page, answers):
    choices = forms.CONTACT + [forms.THROUGH_HELPER, forms.NO_CONTACT]
    return [(_("How to get in touch"), choice_label(choices, page.get("method")))]


def _details_rows(page, answers):
    keys = {"email": _("Email address"), "phone": _("Phone number"), "text": _("Phone number for texts")}
    return [(keys[method(answers)], {"free_text": page.get(DETAIL_FIELD[method(answers)], "")})]


def _safe_rows(page, answers):
    return [(_("Safe to get in touch this way"), choice_label(forms.YES_NO_UNSURE, page.get("safe")))]


def _safe_how_rows(page, answers):
    return [(_("How to get in touch safely"), {"free_text": page.get("safe_how", "")})]


def _help_rows(page, answers):
    lines = []
    for value in page.get("help") or []:
        label = choice_label(forms.HELP, value)
        if value == "interpreter" and page.get("language"):
            label = _("Someone who speaks: %(language)s", language=page["language"])
        if value == "other" and page.get("other"):
            label = _("Something else: %(detail)s", detail=page["other"])
        lines.append(label)
    return [(_("What would help"), {"lines": lines})]


def _message_rows(page, answers):
    return [(_("For the advocate to know"), {"free_text": page.get("message", "")})]


def _where_form(answers, **kw):
    return forms.WhereForm(boroughs=boroughs(), **kw)


def _where_rows(page, answers):
    return [(_("Where you live"), choice_label(boroughs() + [("unsure", _("I'm not sure"))], page.get("where")))]


def _page(slug, template, form, applies=None, rows=None, answered=None):
    kwargs = {"rows": rows} if rows else {}
    if applies:
        kwargs["applies"] = applies
    return Page(slug, f"young/pages/{template}.html", form, answered=answered, **kwargs)


YOUNG = Journey(
    name="young",
    pages=(
        _page("who", "who", _plain(forms.WhoForm), rows=_who_rows),
        _page("helper", "helper", _plain(forms.HelperForm), has_helper, _helper_rows),
        _page("agreement", "agreement", _plain(forms.AgreementForm), for_someone, _agreement_rows),
        _page("what-kind", "kind", _plain(forms.KindForm), rows=_kind_rows),
        _page("what-happened", "story", _story_form, rows=_story_rows),
        _page("when", "when", _plain(forms.WhenForm), lambda a: kind(a) in ("wrong", "good"), _when_rows),
        _page("who-about", "about", _plain(forms.WhoAboutForm), rows=_about_rows),
        _page("where", "where", _where_form, serves_boroughs, _where_rows),
        _page("better", "better", _plain(forms.BetterForm), is_wrong, _better_rows),
        _page("in-care", "in_care", _plain(forms.InCareForm), is_wrong, _in_care_rows),
        _page("advocate", "advocate", _plain(forms.AdvocateForm), asks_about_advocate, _advocate_rows),
        _page("name", "name", _name_form, rows=_name_rows),
        _page("contact", "contact", _contact_form, asks_how_to_contact, _contact_rows),
        _page("contact-details", "contact_details", _details_form, needs_details, _details_rows,
              answered=_details_fit),
        _page("safe", "safe", _plain(forms.SafeForm), needs_details, _safe_rows),
        _page("safe-how", "safe_how", _plain(forms.SafeHowForm), not_sure_safe, _safe_how_rows),
        _page("help", "help", _plain(forms.HelpForm), rows=_help_rows),
    ),
)

# "I want an advocate to get in touch with me": the short request instead of the whole story.
ADVOCACY_REQUEST = Journey(
    name="advocacy",
    pages=(
        _page("name", "name", _request_name_form, rows=_name_rows),
        _page("contact", "contact", _request_contact_form, rows=_contact_rows),
        _page("contact-details", "contact_details", _details_form, rows=_details_rows,
              answered=_details_fit),
        _page("safe", "safe", _plain(forms.SafeForm), rows=_safe_rows),
        _page("safe-how", "safe_how", _plain(forms.SafeHowForm),
              lambda a: a.get("safe", {}).get("safe") in ("no", "unsure"), _safe_how_rows),
        _page("message", "message", _plain(forms.MessageForm), rows=_message_rows),
    ),
)

JOURNEYS = {"tell-us": YOUNG, "advocate": ADVOCACY_REQUEST}
