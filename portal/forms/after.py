"""Forms for what comes around the journeys: saving to come back later, coming back, following
a case, replying to it and sending files. Wording as the question pages: say what to do."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import MultipleFileField
from wtforms import StringField, TextAreaField
from wtforms.validators import Length, ValidationError

from portal.forms.fields import checked_email

REPLY_MAX = 10000


def _length(maximum: int) -> Length:
    return Length(max=maximum, message=_l("Enter %(max)d characters or fewer", max=maximum))


class SaveByEmailForm(FlaskForm):
    email = StringField(validators=[_length(254)])

    def validate_email(self, field):
        if not (field.data or "").strip():
            raise ValidationError(_l("Enter your email address"))
        field.data = checked_email(field.data, _l(
            "Enter an email address in the correct format, like name@example.com"))


class SaveByCodeForm(FlaskForm):
    """Only a button: the code is made on the server."""


class ReturnCodeForm(FlaskForm):
    code = StringField(validators=[_length(40)])

    def validate_code(self, field):
        if not (field.data or "").strip():
            raise ValidationError(_l("Enter the code you wrote down"))


class TrackForm(FlaskForm):
    reference = StringField(validators=[_length(40)])
    email = StringField(validators=[_length(254)])

    def validate_reference(self, field):
        if not (field.data or "").strip():
            raise ValidationError(_l("Enter your reference number"))

    def validate_email(self, field):
        if not (field.data or "").strip():
            raise ValidationError(_l("Enter the email address you gave us"))
        field.data = checked_email(field.data, _l(
            "Enter an email address in the correct format, like name@example.com"))


class OpenLinkForm(FlaskForm):
    """Only a button: opening the page spends the link, so a mail scanner's visit does not."""


class ReplyForm(FlaskForm):
    text = TextAreaField(validators=[_length(REPLY_MAX)])
    files = MultipleFileField()


class WithdrawForm(FlaskForm):
    reason = TextAreaField(validators=[_length(2000)])


class AttachForm(FlaskForm):
    files = MultipleFileField()


class RemoveFileForm(FlaskForm):
    """Only a button, carrying the file's number in the URL."""
