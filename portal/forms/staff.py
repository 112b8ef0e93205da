"""Forms of the back office."""

from __future__ import annotations

from datetime import date

from email_validator import EmailNotValidError, validate_email
from wtforms import (
    BooleanField, EmailField, PasswordField, RadioField, SelectField, StringField, TextAreaField,
)
from wtforms.validators import DataRequired, Length, ValidationError
from wtforms.validators import Optional as Skippable

from portal.forms.fields import ApproxDateField, MultiCheckboxField, QuestionForm, as_choices
from portal.forms.public import PROCEEDINGS, ROLES
from portal.languages import LANGUAGES as ALL_LANGUAGES


class SignInForm(QuestionForm):
    email = EmailField(validators=[DataRequired("Enter your email address"), Length(max=254)])
    # Pasting from a password manager is allowed: no field here blocks it (WCAG 3.3.8).
    password = PasswordField(validators=[DataRequired("Enter your password"), Length(max=200)])


RECEIVED_VIA = [
    ("email", "Email"), ("letter", "Letter"), ("telephone", "Telephone"), ("in_person", "In person"),
    ("advocate", "Via an advocate"), ("councillor_or_mp", "Via a councillor or MP"), ("other", "Other"),
]
KINDS = [("complaint", "Complaint"), ("compliment", "Compliment"), ("comment", "Comment or suggestion")]
# Records a council may keep apart ([records] in its configuration), offered only where it does.
RECORD_KINDS = {"representation": "Representation (an information or service request resolved informally)",
                "enquiry": "Enquiry", "member_enquiry": "MP or councillor enquiry"}
IN_CARE = [("yes", "Yes"), ("no", "No"), ("unsure", "Not known")]
LANGUAGES = [(code, language.english) for code, language in ALL_LANGUAGES.items()]


class NewCaseForm(QuestionForm):
    """A complaint, compliment or comment that reached the team by phone, letter, email or in person."""

    kind = RadioField(choices=as_choices(KINDS), validators=[DataRequired("Select what kind of case it is")])
    received_via = RadioField(choices=as_choices(RECEIVED_VIA), validators=[DataRequired("Select how it was received")])
    received_on = ApproxDateField(day_optional=False)
    role = SelectField(choices=as_choices(ROLES), validators=[DataRequired("Select who it is from")])
    contact_name = StringField(validators=[Length(max=200)])
    contact_email = StringField(validators=[Length(max=254)])
    contact_phone = StringField(validators=[Length(max=40)])
    language = SelectField(choices=as_choices(LANGUAGES))
    interpreter = StringField(validators=[Length(max=200)])
    advocate_involved = BooleanField()
    in_care = RadioField(choices=as_choices(IN_CARE), validators=[Skippable()])
    service_area = SelectField(validators=[DataRequired("Select the service")])
    borough = SelectField(validators=[Skippable()])
    joint_nhs = BooleanField()
    team = StringField(validators=[Length(max=200)])
    proceedings = MultiCheckboxField(choices=as_choices(PROCEEDINGS), validators=[Skippable()])
    summary = TextAreaField(validators=[DataRequired("Enter what the case is about"), Length(max=10000)])

    def __init__(self, *args, areas=(), records=(), boroughs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.service_area.choices = as_choices(list(areas) + [("unknown", "Not known")])
        self.kind.choices = as_choices(KINDS + [(k, RECORD_KINDS[k]) for k in records])
        self.borough.choices = as_choices([("", "Not known")] + list(boroughs))

    def validate_received_on(self, field):
        if field.is_empty():
            return
        if field.as_date() and field.as_date() > date.today():
            raise ValidationError("The date received must be today or in the past")

    def validate_contact_email(self, field):
        if field.data and field.data.strip():
            try:
                field.data = validate_email(field.data.strip(), check_deliverability=False).normalized
            except EmailNotValidError:
                raise ValidationError("Enter an email address in the correct format, like name@example.com") from None


def _equality_choices(measure: str) -> list:
    """Staff choices for one coded measure, from a paper or phone equality monitoring form."""
    from portal.domain import equalities as eq

    labels: dict[str, str] = {}
    if measure == "ethnicity":
        labels = {code: f"{group.label}: {label}" for group in eq.ETHNIC_GROUPS
                  for code, label in group.backgrounds}
    elif measure == "age_band":
        labels = {code: label for code, _start, label in eq.AGE_BANDS}
    else:
        pairs = {"sex": eq.SEXES, "religion": eq.RELIGIONS,
                 "disability": (("yes", "Yes (a condition that limits day-to-day activities)"),
                                ("no", "No"))}[measure]
        labels = dict(pairs)
    return as_choices([(eq.NOT_RECORDED, "Not given"), *labels.items(),
                       (eq.PREFER_NOT_TO_SAY, "Prefer not to say")])


EQUALITY_MEASURES = ("ethnicity", "sex", "age_band", "disability", "religion")


class EqualitiesEntryForm(QuestionForm):
    """Answers from an equality monitoring form that came with a case by post, email or phone.
    Write-only: the page never shows answers already held."""

    reference = StringField(validators=[DataRequired("Enter the case reference"), Length(max=24)])
    child_ethnicity = SelectField(choices=_equality_choices("ethnicity"))
    child_sex = SelectField(choices=_equality_choices("sex"))
    child_age_band = SelectField(choices=_equality_choices("age_band"))
    child_disability = SelectField(choices=_equality_choices("disability"))
    child_religion = SelectField(choices=_equality_choices("religion"))
    complainant_ethnicity = SelectField(choices=_equality_choices("ethnicity"))
    complainant_sex = SelectField(choices=_equality_choices("sex"))
    complainant_age_band = SelectField(choices=_equality_choices("age_band"))
    complainant_disability = SelectField(choices=_equality_choices("disability"))
    complainant_religion = SelectField(choices=_equality_choices("religion"))

    def values(self, subject: str) -> dict[str, str]:
        return {measure: self[f"{subject}_{measure}"].data for measure in EQUALITY_MEASURES}
