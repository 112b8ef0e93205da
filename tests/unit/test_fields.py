"""The approximate date: what a person may type, and what it means."""

from __future__ import annotations

from datetime import date

import pytest
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import BadRequest
from wtforms import Form

from portal.forms.fields import ApproxDateField, whole_number


class When(Form):
    happened = ApproxDateField()
    born = ApproxDateField(day_optional=False)


def form(**parts):
    data = MultiDict({f"{k.replace('_', '-')}": v for k, v in parts.items()})
    return When(formdata=data)


def blank(prefix):
    return {f"{prefix}_day": "", f"{prefix}_month": "", f"{prefix}_year": ""}


@pytest.mark.parametrize("day,month,year,expected", [
    ("", "3", "2025", date(2025, 3, 1)),
    ("27", "3", "2025", date(2025, 3, 27)),
    (" 7 ", "03", "2025", date(2025, 3, 7)),
])
def test_a_month_and_year_is_enough_and_means_the_first_of_the_month(day, month, year, expected):
    f = form(happened_day=day, happened_month=month, happened_year=year, **blank("born"))
    assert f.validate(), f.errors
    assert f.happened.as_date() == expected


def test_an_empty_date_is_valid_here_and_the_page_decides_if_it_is_needed():
    f = form(**blank("happened"), **blank("born"))
    assert f.validate() and f.happened.is_empty()


def test_a_birth_date_needs_its_day():
    f = form(**blank("happened"), born_day="", born_month="4", born_year="2015")
    assert not f.validate()
    assert [str(e) for e in f.born.errors] == ["The date must include a day"]


def test_a_date_missing_one_of_its_boxes_in_the_request_is_a_bad_request():
    with pytest.raises(BadRequest):
        When(formdata=MultiDict({"happened-day": "1", "happened-month": "2"}))


@pytest.mark.parametrize("day,month,year", [
    ("٢٧", "٣", "٢٠٢٥"),  # Arabic keyboard
    ("۲۷", "۳", "۲۰۲۵"),  # Urdu (extended Arabic-Indic) keyboard
    ("২৭", "৩", "২০২৫"),  # Bengali keyboard
    ("੨੭", "੩", "੨੦੨੫"),  # Gurmukhi keyboard
])
def test_digits_from_another_scripts_keyboard_mean_the_same_date(day, month, year):
    typed = form(happened_day=day, happened_month=month, happened_year=year)
    assert typed.validate(), typed.errors
    assert typed.happened.as_date() == date(2025, 3, 27)
    assert typed.happened.data == {"day": "27", "month": "3", "year": "2025"}


def test_a_number_that_is_not_a_plain_digit_is_explained_not_a_crash():
    typed = form(happened_day="²", happened_month="3", happened_year="2025")
    assert not typed.validate()
    assert typed.errors["happened"] == ["Enter the date using numbers, like 27 3 2025"]


def test_a_phone_number_typed_in_arabic_digits_is_kept_in_western_digits():
    from portal.forms.fields import checked_phone

    assert checked_phone("٠٧٧٠٠ ٩٠٠ ٩٨٢", "wrong") == "07700 900 982"


@pytest.mark.parametrize("typed, read", [
    ("7", 7), (" 42 ", 42), ("2147483647", 2147483647),
    ("2147483648", None), ("99999999999999999999", None),  # an INTEGER column cannot hold them
    ("²", None), ("٢٧", None), ("-1", None), ("1.5", None), ("", None), (None, None),
])
def test_a_number_in_a_link_or_form_is_read_only_when_the_database_can_hold_it(typed, read):
    assert whole_number(typed) == read


def test_a_page_number_has_its_own_ceiling():
    assert whole_number("1000000", maximum=1_000_000) == 1_000_000
    assert whole_number("1000001", maximum=1_000_000) is None
