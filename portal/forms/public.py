"""The forms of the public journey for parents, carers, relatives and professionals.

One class per question page. Labels, choices and messages are lazy, so each request shows them
in its own language. Messages follow GOV.UK's wording: say what to do, never "please" or
"invalid".
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, ValidationError

from portal.forms.fields import (
    ApproxDateField, MultiCheckboxField, QuestionForm, as_choices, at_most, checked_phone, required_email,
)

TEXT_MAX = 200
STORY_MAX = 10000
NOTE_MAX = 2000

KINDS = [
    ("complaint", _l("Make a complaint")),
    ("compliment", _l("Give a compliment")),
    ("comment", _l("Make a comment or suggestion")),
]

ROLES = [
    ("young_person", _l("I am the child or young person")),
    ("parent", _l("A parent")),
    ("person_with_parental_responsibility", _l("Someone else with parental responsibility")),
    ("foster_carer", _l("A foster carer")),
    ("special_guardian", _l("A special guardian")),
    ("relative", _l("A relative, like a grandparent, aunt or uncle")),
    ("advocate", _l("An advocate for a child or young person")),
    ("professional", _l("A professional, like a teacher or health worker")),
    ("other", _l("Someone else")),
]

YES_NO_UNSURE = [("yes", _l("Yes")), ("no", _l("No")), ("unsure", _l("I don't know"))]

CONSENT = [
    ("given", _l("Yes, they agree")),
    ("not_given", _l("No, they do not agree")),
    ("not_able", _l("They are too young or not able to say")),
    ("not_asked", _l("I have not asked them")),
]

PROCEEDINGS = [
    ("court", _l("Family court proceedings about the child")),
    ("criminal", _l("A police investigation or a criminal court case")),
    ("tribunal", _l("A tribunal, like a special educational needs tribunal")),
    ("unsure", _l("I don't know")),
    ("none", _l("None of these")),
]

CONTACT_METHODS = [
    ("email", _l("Email")),
    ("phone", _l("Phone")),
    ("post", _l("Post")),
]
NO_REPLY = ("none", _l("I do not need a reply"))

SUPPORT = [
    ("interpreter", _l("An interpreter")),
    ("bsl", _l("British Sign Language")),
    ("easy_read", _l("Easy read")),
    ("large_print", _l("Large print")),
    ("braille", _l("Braille")),
    ("audio", _l("Audio")),
    ("helper", _l("Someone to help me, like an advocate")),
    ("other", _l("Something else")),
    ("none", _l("No, I do not need any support")),
]

SHARE = [
    ("yes", _l("Yes, you can share my words without my name")),
    ("no", _l("No, keep my words private")),
]


class KindForm(QuestionForm):
    kind = RadioField(
        choices=as_choices(KINDS),
        validators=[InputRequired(_l("Select what you want to tell us"))],
    )


class RoleForm(QuestionForm):
    role = RadioField(
        choices=as_choices(ROLES), validators=[InputRequired(_l("Select who you are"))]
    )


class ChildForm(QuestionForm):
    child_name = StringField(validators=[at_most(TEXT_MAX)])
    child_dob = ApproxDateField(day_optional=False)

    def __init__(self, *args, name_required=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.name_required = name_required

    def validate_child_name(self, field):
        if self.name_required and not (field.data or "").strip():
            raise ValidationError(_l("Enter the child or young person's name"))


class InCareForm(QuestionForm):
    in_care = RadioField(
        choices=as_choices(YES_NO_UNSURE),
        validators=[InputRequired(_l("Select yes if the child or young person is in care"))],
    )


class ConsentForm(QuestionForm):
    consent = RadioField(
        choices=as_choices(CONSENT),
        validators=[InputRequired(_l("Select whether the child or young person agrees"))],
    )


class ServiceForm(QuestionForm):
    service_area = RadioField(validators=[InputRequired(_l("Select the service, or ‘I don't know’"))])
    team = StringField(validators=[at_most(TEXT_MAX)])

    def __init__(self, *args, areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.service_area.choices = as_choices(list(areas) + [("unknown", _l("I don't know"))])


class BoroughForm(QuestionForm):
    """Asked only where one portal serves more than one borough: each case belongs to one."""

    borough = RadioField(validators=[InputRequired(_l("Select the area, or ‘I don't know’"))])

    def __init__(self, *args, boroughs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.borough.choices = as_choices(list(boroughs) + [("unknown", _l("I don't know"))])


class WhatForm(QuestionForm):
    what = TextAreaField(validators=[at_most(STORY_MAX)])

    def __init__(self, *args, required_message=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.required_message = required_message

    def validate_what(self, field):
        if not (field.data or "").strip():
            raise ValidationError(self.required_message or _l("Tell us what happened"))


class WhenForm(QuestionForm):
    happened = ApproxDateField()
    happened_unsure = BooleanField()

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        if valid and self.happened.is_empty() and not self.happened_unsure.data:
            self.happened.errors.append(_l("Enter when it happened, or select ‘I'm not sure’"))
            return False
        if valid and not self.happened.is_empty() and self.happened_unsure.data:
            self.happened.errors.append(_l("Enter a date or select ‘I'm not sure’, not both"))
            return False
        return valid


class OutcomeForm(QuestionForm):
    outcome = TextAreaField(
        validators=[
            DataRequired(_l("Tell us what you would like to happen")),
            at_most(NOTE_MAX),
        ]
    )


class ProceedingsForm(QuestionForm):
    proceedings = MultiCheckboxField(
        choices=as_choices(PROCEEDINGS),
        validators=[InputRequired(_l("Select any that are happening, or ‘None of these’"))],
    )

    def validate_proceedings(self, field):
        if "none" in field.data and len(field.data) > 1:
            raise ValidationError(_l("Select ‘None of these’ on its own, or the ones that are happening"))


class ShareForm(QuestionForm):
    share = RadioField(
        choices=as_choices(SHARE), validators=[InputRequired(_l("Select whether we can share your words"))]
    )


class AboutYouForm(QuestionForm):
    full_name = StringField(validators=[at_most(TEXT_MAX)])

    def __init__(self, *args, name_required=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.name_required = name_required

    def validate_full_name(self, field):
        if self.name_required and not (field.data or "").strip():
            raise ValidationError(_l("Enter your full name"))


class ContactForm(QuestionForm):
    method = RadioField(validators=[InputRequired(_l("Select how we should contact you"))])

    def __init__(self, *args, reply_optional=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.method.choices = as_choices(CONTACT_METHODS + ([NO_REPLY] if reply_optional else []))


class EmailForm(QuestionForm):
    email = StringField(validators=[at_most(254)])

    def validate_email(self, field):
        required_email(field, _l("Enter your email address"))


class PhoneForm(QuestionForm):
    phone = StringField(validators=[at_most(40)])

    def validate_phone(self, field):
        if not (field.data or "").strip():
            raise ValidationError(_l("Enter your phone number"))
        field.data = checked_phone(field.data, _l(
            "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"))


class AddressForm(QuestionForm):
    address = TextAreaField(validators=[at_most(500)])

    def validate_address(self, field):
        if not (field.data or "").strip():
            raise ValidationError(_l("Enter your address"))


class SafeForm(QuestionForm):
    safe = RadioField(
        choices=as_choices([("yes", _l("Yes")), ("no", _l("No"))]),
        validators=[InputRequired(_l("Select yes if it is safe to contact you this way"))],
    )


class SafeHowForm(QuestionForm):
    safe_how = TextAreaField(
        validators=[DataRequired(_l("Tell us how we can contact you safely")), at_most(NOTE_MAX)]
    )


class SupportForm(QuestionForm):
    support = MultiCheckboxField(
        choices=as_choices(SUPPORT),
        validators=[InputRequired(_l("Select the support you need, or ‘No, I do not need any support’"))],
    )
    interpreter_language = StringField(validators=[at_most(TEXT_MAX)])
    other_support = StringField(validators=[at_most(NOTE_MAX)])

    def validate_support(self, field):
        if "none" in field.data and len(field.data) > 1:
            raise ValidationError(
                _l("Select ‘No, I do not need any support’ on its own, or the support you need")
            )

    def validate_interpreter_language(self, field):
        if "interpreter" in (self.support.data or []) and not (field.data or "").strip():
            raise ValidationError(_l("Enter the language you need an interpreter for"))

    def validate_other_support(self, field):
        if "other" in (self.support.data or []) and not (field.data or "").strip():
            raise ValidationError(_l("Tell us what support you need"))


class SendForm(QuestionForm):
    """Check answers: nothing to fill in, but it carries the CSRF token."""


__all__ = [name for name in dir() if name.endswith("Form")] + [
    "KINDS", "ROLES", "YES_NO_UNSURE", "CONSENT", "PROCEEDINGS", "CONTACT_METHODS", "NO_REPLY",
    "SUPPORT", "SHARE",
]
