"""The equality questions' forms: one question a page, every one with "Prefer not to say".

Options are the categories of portal.domain.equalities, translated where shown. Nothing here is
required in the sense of having to be given: "Prefer not to say" is always an answer, and a date
of birth may be left blank.
"""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, StringField
from wtforms.validators import InputRequired, Length, ValidationError

from portal.domain import equalities as eq
from portal.forms.fields import ApproxDateField, QuestionForm, as_choices, is_number

PREFER_NOT = (eq.PREFER_NOT_TO_SAY, _l(eq.PREFER_NOT_TO_SAY_LABEL))
TEXT_MAX = eq.FREE_TEXT_MAX


def options(pairs) -> list:
    """Translated options, then "Prefer not to say" (shown after an "or")."""
    return as_choices([(code, _l(label)) for code, label in pairs] + [PREFER_NOT])


def _free_text():
    return StringField(validators=[Length(max=TEXT_MAX, message=_l(
        "Enter %(max)d characters or fewer", max=TEXT_MAX))])


class AnswerForm(QuestionForm):
    answer = RadioField(choices=as_choices([
        ("yes", _l("Yes, answer the equality questions (takes 2 minutes)")),
        ("no", _l("No, skip the equality questions")),
    ]), validators=[InputRequired(_l("Select yes if you want to answer the equality questions"))])


class YoungAnswerForm(QuestionForm):
    answer = RadioField(choices=as_choices([
        ("yes", _l("Yes, answer the questions (takes 2 minutes)")),
        ("no", _l("No, skip these questions")),
    ]), validators=[InputRequired(_l("Choose yes or no"))])


class BirthDateField(ApproxDateField):
    """A date of birth where any part may be left out but the year: "2009" is an answer.
    Blank is an answer too (prefer not to say)."""

    def pre_validate(self, form):
        if self.is_empty():
            return
        parts = self.data
        if not parts["year"] or (parts["day"] and not parts["month"]):
            raise ValidationError(_l("Enter your date of birth or leave blank"))
        if not all(is_number(p) for p in parts.values() if p) or len(parts["year"]) != 4:
            raise ValidationError(_l("Enter the date of birth using numbers, like 31 3 1980"))
        born = eq.youngest_birthday(parts) if self._real(parts) else None
        if born is None:
            raise ValidationError(_l("Date of birth must be a real date"))
        if date(int(parts["year"]), int(parts["month"] or 1), int(parts["day"] or 1)) > date.today():
            raise ValidationError(_l("Date of birth must be in the past"))
        if born.year < 1900:
            raise ValidationError(_l("The year must be 1900 or later"))

    @staticmethod
    def _real(parts) -> bool:
        try:
            date(int(parts["year"]), int(parts["month"] or 1), int(parts["day"] or 1))
            return True
        except ValueError:
            return False


class BirthForm(QuestionForm):
    dob = BirthDateField()


class AgeForm(QuestionForm):
    age_band = RadioField(validators=[InputRequired(_l("Select an age group or ‘Prefer not to say’"))])

    def __init__(self, *args, bands=(), **kwargs):
        super().__init__(*args, **kwargs)
        offered = [(code, label) for code, _start, label in eq.AGE_BANDS if code in bands]
        self.age_band.choices = options(offered)


class SexForm(QuestionForm):
    sex = RadioField(choices=options(eq.SEXES),
                     validators=[InputRequired(_l("Select female, male or ‘Prefer not to say’"))])


class GenderForm(QuestionForm):
    gender_same = RadioField(choices=options(eq.GENDER_SAME),
                             validators=[InputRequired(_l("Select yes, no or ‘Prefer not to say’"))])
    gender_text = _free_text()


class OrientationForm(QuestionForm):
    sexual_orientation = RadioField(
        choices=options(eq.SEXUAL_ORIENTATIONS),
        validators=[InputRequired(_l("Select a sexual orientation or ‘Prefer not to say’"))])
    sexual_orientation_text = _free_text()


class EthnicGroupForm(QuestionForm):
    ethnic_group = RadioField(
        choices=options([(group.code, group.label) for group in eq.ETHNIC_GROUPS]),
        validators=[InputRequired(_l("Select an ethnic group or ‘Prefer not to say’"))])


class BackgroundForm(QuestionForm):
    ethnic_background = RadioField(
        validators=[InputRequired(_l("Select a background or ‘Prefer not to say’"))])
    ethnic_text = _free_text()

    def __init__(self, *args, group=None, **kwargs):
        super().__init__(*args, **kwargs)
        found = eq.GROUPS_BY_CODE.get(group)
        self.ethnic_background.choices = options(found.backgrounds if found else ())


class ConditionForm(QuestionForm):
    condition = RadioField(choices=options(eq.CONDITION),
                           validators=[InputRequired(_l("Select yes, no or ‘Prefer not to say’"))])


class ImpactForm(QuestionForm):
    condition_impact = RadioField(
        choices=options(eq.CONDITION_IMPACT),
        validators=[InputRequired(_l("Select how much, or ‘Prefer not to say’"))])


class ReligionForm(QuestionForm):
    religion = RadioField(
        choices=options(eq.RELIGIONS),
        validators=[InputRequired(_l("Select a religion, ‘No religion’ or ‘Prefer not to say’"))])
    religion_text = _free_text()
