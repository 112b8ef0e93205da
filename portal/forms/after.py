"""Forms for what comes around the journeys: saving to come back later, coming back, following
a case, replying to it and sending files. Wording as the question pages: say what to do."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import MultipleFileField
from wtforms import StringField, TextAreaField
from wtforms.validators import ValidationError

from portal.forms.fields import at_most, required_email
from portal.forms.public import EmailForm

REPLY_MAX = 10000


class SaveByEmailForm(EmailForm):
    """The same question as the form's own email page, for the link to saved answers."""


class SaveByCodeForm(FlaskForm):
    """Only a button: the code is made on the server."""


class ReturnCodeForm(FlaskForm):
    code = StringField(validators=[at_most(40)])

    def validate_code(self, field):
        if not (field.data or "").strip():
            raise ValidationError(_l("Enter the code you wrote down"))


class TrackForm(FlaskForm):
    reference = StringField(validators=[at_most(40)])
    email = StringField(validators=[at_most(254)])

    def validate_reference(self, field):
        if not (field.data or "").strip():
            raise ValidationError(_l("Enter your reference number"))

    def validate_email(self, field):
        required_email(field, _l("Enter the email address you gave us"))


class OpenLinkForm(FlaskForm):
    """Only a button: opening the page spends the link, so a mail scanner's visit does not."""


class ReplyForm(FlaskForm):
    text = TextAreaField(validators=[at_most(REPLY_MAX)])
    files = MultipleFileField()


class WithdrawForm(FlaskForm):
    reason = TextAreaField(validators=[at_most(2000)])


class AttachForm(FlaskForm):
    files = MultipleFileField()


class RemoveFileForm(FlaskForm):
    """Only a button, carrying the file's number in the URL."""
