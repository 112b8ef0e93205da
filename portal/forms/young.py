"""The forms of the young person's pages, and of the request for an advocate.

Written for a reading age of about 9: short words, one idea per sentence, and "I'm not sure"
wherever it fits. Error messages say what to do, in the same plain words.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext
from wtforms import BooleanField, RadioField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, ValidationError

from portal.forms.fields import (
    ApproxDateField, MultiCheckboxField, QuestionForm, as_choices, checked_email, checked_phone,
)

TEXT_MAX = 200
STORY_MAX = 5000
NOTE_MAX = 2000
EMAIL_FORMAT = _l("Write the email address like this: name@example.com")
PHONE_FORMAT = _l("Write the phone number like this: 07700 900 982")

WHO = [
    ("me", _l("Me")),
    ("helped", _l("Me, and someone is helping me")),
    ("for", _l("I'm filling it in for a young person")),
]

HELPER_ROLES = [
    ("advocate", _l("An advocate")),
    ("foster_carer", _l("A foster carer or carer")),
    ("professional", _l("A worker, like a social worker or key worker")),
    ("relative", _l("Someone in the family")),
    ("other", _l("Someone else")),
]

AGREEMENT = [
    ("given", _l("Yes, they want me to send it")),
    ("not_able", _l("They are too young, or not able to say")),
    ("not_asked", _l("I have not asked them yet")),
]

KINDS = [
    ("wrong", _l("Something is wrong")),
    ("good", _l("Something was good")),
    ("idea", _l("I have an idea")),
]

YES_NO_UNSURE = [("yes", _l("Yes")), ("no", _l("No")), ("unsure", _l("I'm not sure"))]

ADVOCATE = [
    ("yes", _l("Yes, I want an advocate")),
    ("has_one", _l("I already have an advocate")),
    ("no", _l("No, thank you")),
    ("unsure", _l("I'm not sure")),
]

CONTACT = [
    ("email", _l("Email")),
    ("phone", _l("Phone call")),
    ("text", _l("Text message")),
]
THROUGH_HELPER = ("helper", _l("Through the person helping me"))
NO_CONTACT = ("none", _l("You do not need to get in touch"))

ADVOCATE_CONTACT = CONTACT

HELP = [
    ("interpreter", _l("Someone who speaks my language")),
    ("bsl", _l("British Sign Language")),
    ("easy_read", _l("Easy read, with pictures")),
    ("meeting", _l("To meet someone face to face")),
    ("other", _l("Something else")),
    ("none", _l("No, I'm OK")),
]


def _length(maximum: int):
    return Length(max=maximum, message=_l("Use %(max)d characters or fewer", max=maximum))


def _blank(value) -> bool:
    return not (value or "").strip()


class WhoForm(QuestionForm):
    who = RadioField(choices=as_choices(WHO), validators=[InputRequired(_l("Choose who is filling in this form"))])


class HelperForm(QuestionForm):
    helper_name = StringField(validators=[_length(TEXT_MAX)])
    helper_role = RadioField(choices=as_choices(HELPER_ROLES), validators=[InputRequired(_l("Choose who you are"))])
    helper_email = StringField(validators=[_length(254)])
    helper_phone = StringField(validators=[_length(40)])

    def validate_helper_name(self, field):
        if _blank(field.data):
            raise ValidationError(_l("Write your name"))

    def validate_helper_email(self, field):
        if _blank(field.data):
            if _blank(self.helper_phone.data):
                raise ValidationError(_l("Give us an email address or a phone number"))
            return
        field.data = checked_email(field.data, EMAIL_FORMAT)

    def validate_helper_phone(self, field):
        if not _blank(field.data):
            field.data = checked_phone(field.data, PHONE_FORMAT)


class AgreementForm(QuestionForm):
    agreement = RadioField(
        choices=as_choices(AGREEMENT),
        validators=[InputRequired(_l("Choose if the young person agrees"))],
    )


class KindForm(QuestionForm):
    kind = RadioField(choices=as_choices(KINDS), validators=[InputRequired(_l("Choose what you want to tell us"))])


class StoryForm(QuestionForm):
    story = TextAreaField(validators=[_length(STORY_MAX)])

    def __init__(self, *args, required_message=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.required_message = required_message

    def validate_story(self, field):
        if _blank(field.data):
            raise ValidationError(self.required_message or lazy_pgettext("young person", "Tell us what happened"))


class WhenForm(QuestionForm):
    happened = ApproxDateField()
    happened_unsure = BooleanField()

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        if valid and self.happened.is_empty() and not self.happened_unsure.data:
            self.happened.errors.append(_l("Put in a date, or tick ‘I'm not sure’"))
            return False
        if valid and not self.happened.is_empty() and self.happened_unsure.data:
            self.happened.errors.append(_l("Put in a date, or tick ‘I'm not sure’. Not both."))
            return False
        return valid


class WhoAboutForm(QuestionForm):
    about = StringField(validators=[_length(TEXT_MAX)])
    about_unsure = BooleanField()

    def validate_about(self, field):
        if not _blank(field.data) and self.about_unsure.data:
            raise ValidationError(_l("Write who it is about, or tick ‘I don't know’. Not both."))


class BetterForm(QuestionForm):
    better = TextAreaField(validators=[_length(NOTE_MAX)])
    better_unsure = BooleanField()

    def validate_better(self, field):
        if _blank(field.data) and not self.better_unsure.data:
            raise ValidationError(_l("Tell us what would make it better, or tick ‘I'm not sure’"))
        if not _blank(field.data) and self.better_unsure.data:
            raise ValidationError(_l("Write what would make it better, or tick ‘I'm not sure’. Not both."))


class InCareForm(QuestionForm):
    in_care = RadioField(choices=as_choices(YES_NO_UNSURE), validators=[InputRequired(_l("Choose ‘Yes’, ‘No’ or ‘I'm not sure’"))])


class WhereForm(QuestionForm):
    """Asked only where one portal serves more than one borough."""

    where = RadioField(validators=[InputRequired(_l("Choose where you live, or ‘I'm not sure’"))])

    def __init__(self, *args, boroughs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.where.choices = as_choices(list(boroughs) + [("unsure", _l("I'm not sure"))])


class AdvocateForm(QuestionForm):
    advocate = RadioField(choices=as_choices(ADVOCATE), validators=[InputRequired(_l("Choose if you want an advocate"))])


class NameForm(QuestionForm):
    name = StringField(validators=[_length(TEXT_MAX)])

    def __init__(self, *args, required_message=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.required_message = required_message

    def validate_name(self, field):
        if self.required_message and _blank(field.data):
            raise ValidationError(self.required_message)


class ContactForm(QuestionForm):
    method = RadioField(validators=[InputRequired(_l("Choose how we can get in touch"))])

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.method.choices = as_choices(choices)


class EmailForm(QuestionForm):
    email = StringField(validators=[_length(254)])

    def validate_email(self, field):
        if _blank(field.data):
            raise ValidationError(_l("Write your email address"))
        field.data = checked_email(field.data, EMAIL_FORMAT)


class PhoneForm(QuestionForm):
    phone = StringField(validators=[_length(40)])

    def validate_phone(self, field):
        if _blank(field.data):
            raise ValidationError(_l("Write your phone number"))
        field.data = checked_phone(field.data, PHONE_FORMAT)


class SafeForm(QuestionForm):
    safe = RadioField(choices=as_choices(YES_NO_UNSURE), validators=[InputRequired(_l("Choose ‘Yes’, ‘No’ or ‘I'm not sure’"))])


class SafeHowForm(QuestionForm):
    safe_how = TextAreaField(validators=[_length(NOTE_MAX)])

    def validate_safe_how(self, field):
        if _blank(field.data):
            raise ValidationError(_l("Tell us a safe way to get in touch"))


class HelpForm(QuestionForm):
    help = MultiCheckboxField(choices=as_choices(HELP), validators=[InputRequired(_l("Choose what would help, or ‘No, I'm OK’"))])
    language = StringField(validators=[_length(TEXT_MAX)])
    other = StringField(validators=[_length(NOTE_MAX)])

    def validate_help(self, field):
        if "none" in field.data and len(field.data) > 1:
            raise ValidationError(_l("Choose ‘No, I'm OK’ on its own, or the things that would help"))

    def validate_language(self, field):
        if "interpreter" in (self.help.data or []) and _blank(field.data):
            raise ValidationError(_l("Write the language you speak"))

    def validate_other(self, field):
        if "other" in (self.help.data or []) and _blank(field.data):
            raise ValidationError(_l("Tell us what would help"))


class MessageForm(QuestionForm):
    """The advocacy request's last question: anything the advocate should know (optional)."""

    message = TextAreaField(validators=[_length(NOTE_MAX)])


class SendForm(QuestionForm):
    """Check your answers: nothing to fill in, but it carries the CSRF token."""
