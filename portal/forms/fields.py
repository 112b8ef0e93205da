"""Fields the question pages need beyond WTForms' own, and the shape check of a posted form.

A browser always posts text inputs and the three parts of a date, and never posts two values
for one radio question. A request that does not look like that was not made by our pages: it
gets a 400 page rather than a confusing error message or, worse, a 500.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from email_validator import EmailNotValidError, validate_email
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.exceptions import BadRequest
from wtforms import Field, RadioField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

DATE_PARTS = ("day", "month", "year")


def as_choices(pairs) -> list[SelectChoice]:
    """WTForms' own choice objects, from (value, label) pairs."""
    return [SelectChoice(value, label) for value, label in pairs]


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ApproxDateField(Field):
    """A date in three boxes where the day may be left out: "March 2025" is a fine answer.

    `data` is a dict of the three parts as typed, so that a page shown again keeps them.
    """

    def __init__(self, label=None, validators=None, day_optional=True, **kwargs):
        super().__init__(label, validators, **kwargs)
        self.day_optional = day_optional
        self.data = {part: "" for part in DATE_PARTS}

    def process(self, formdata, data=None, extra_filters=None):
        self.process_errors = []
        self.raw_data = []
        if isinstance(data, dict):
            self.data = {part: str(data.get(part) or "") for part in DATE_PARTS}
        if formdata is not None:
            keys = [f"{self.name}-{part}" for part in DATE_PARTS]
            if any(key in formdata for key in keys):
                if not all(key in formdata for key in keys):
                    raise BadRequest("A date was posted with one of its parts missing.")
                self.data = {part: western_digits(formdata.get(key, "").strip()[:8])
                             for part, key in zip(DATE_PARTS, keys)}
            elif not isinstance(data, dict):
                self.data = {part: "" for part in DATE_PARTS}

    def is_empty(self) -> bool:
        return not any(self.data.values())

    def as_date(self) -> date | None:
        """The earliest day the answer could mean (the 1st when no day was given)."""
        try:
            year, month = int(self.data["year"]), int(self.data["month"])
            day = int(self.data["day"]) if self.data["day"] else 1
            return date(year, month, day)
        except (ValueError, TypeError):
            return None

    def pre_validate(self, form):
        if self.is_empty():
            return
        parts = self.data
        if not parts["month"] or not parts["year"]:
            raise ValidationError(_l("The date must include a month and year"))
        if not (parts["day"] or self.day_optional):
            raise ValidationError(_l("The date must include a day"))
        if not all(is_number(p) for p in parts.values() if p):
            raise ValidationError(_l("Enter the date using numbers, like 27 3 2025"))
        if len(parts["year"]) != 4:
            raise ValidationError(_l("The year must include 4 numbers"))
        when = self.as_date()
        if when is None:
            raise ValidationError(_l("The date must be a real date"))
        if when > date.today():
            raise ValidationError(_l("The date must be today or in the past"))
        if when.year < 1900:
            raise ValidationError(_l("The year must be 1900 or later"))


def western_digits(value: str) -> str:
    """Digits typed on another script's keyboard (Arabic ٢٧, Urdu ۲۷, Bengali ২৭) as 0 to 9,
    so a date or phone number is read the same whichever keyboard typed it."""
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in value)


def is_number(value: str) -> bool:
    return value.isascii() and value.isdigit()


def whole_number(value: str | None, maximum: int = 2_147_483_647) -> int | None:
    """A number of 0-9 digits that the database can hold (an id, a stage, a page), else None:
    "²" passes str.isdigit() but not int(), and 10**20 overflows an INTEGER column."""
    text = (value or "").strip()
    if not is_number(text) or len(text) > len(str(maximum)):
        return None
    number = int(text)
    return number if number <= maximum else None


def checked_email(value: str, message) -> str:
    """The address as it should be stored, or `message` as the field's error."""
    try:
        return validate_email(value.strip(), check_deliverability=False).normalized
    except EmailNotValidError:
        raise ValidationError(message) from None


def at_most(maximum: int):
    """A length limit with the message the adult pages use."""
    from wtforms.validators import Length

    return Length(max=maximum, message=_l("Enter %(max)d characters or fewer", max=maximum))


def required_email(field, missing) -> None:
    """An email address must be given, in a form we can send to; stored as normalised."""
    if not (field.data or "").strip():
        raise ValidationError(missing)
    field.data = checked_email(field.data, _l(
        "Enter an email address in the correct format, like name@example.com"))


def checked_phone(value: str, message) -> str:
    """A UK or international number: digits, spaces, + ( ) -, and 10 to 15 digits."""
    value = western_digits(value.strip())
    digits = "".join(ch for ch in value if ch.isdigit())
    if not set(value) <= set("0123456789 +()-") or not 10 <= len(digits) <= 15:
        raise ValidationError(message)
    return value


class QuestionForm(FlaskForm):
    """A question page's form. Call `check_shape()` before validating a POST."""

    def check_shape(self, formdata) -> None:
        for field in self:
            if field.name == "csrf_token":
                continue
            if isinstance(field, ApproxDateField):
                if not all(f"{field.name}-{part}" in formdata for part in DATE_PARTS):
                    raise BadRequest(f"The date {field.name} was posted with a part missing.")
            if isinstance(field, (StringField, TextAreaField)) and field.name not in formdata:
                raise BadRequest(f"The form was posted without its field {field.name}.")
            posted = formdata.getlist(field.name)
            if isinstance(field, RadioField) and len(posted) > 1:
                raise BadRequest(f"The form was posted with two answers to {field.name}.")
            if isinstance(field, (RadioField, SelectMultipleField)) and posted:
                # Only a hand-made request can send a value that is not one of the options.
                allowed = {str(choice.value) for choice in field.choices}
                if not set(posted) <= allowed:
                    raise BadRequest(f"The form was posted with an unknown answer to {field.name}.")

    def answers(self) -> dict:
        """What to keep of this page: every field except the CSRF token."""
        return {field.name: field.data for field in self if field.name != "csrf_token"}
