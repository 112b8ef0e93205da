"""Forms of the back office."""

from __future__ import annotations

from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, Length

from portal.forms.fields import QuestionForm


class SignInForm(QuestionForm):
    email = EmailField(validators=[DataRequired("Enter your email address"), Length(max=254)])
    # Pasting from a password manager is allowed: no field here blocks it (WCAG 3.3.8).
    password = PasswordField(validators=[DataRequired("Enter your password"), Length(max=200)])
