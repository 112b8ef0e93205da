"""Working days in England, checked against dates worked out by hand from a printed calendar."""

from datetime import date, timedelta

import pytest

from portal.domain.calendar import WorkingCalendar

CAL = WorkingCalendar()
# A council that shuts between Christmas and New Year 2023 (and on a Saturday, which changes
# nothing).
SHUTDOWN = WorkingCalendar([date(2023, 12, 27), date(2023, 12, 28), date(2023, 12, 29),
                            date(2023, 12, 30)])


@pytest.mark.parametrize("day, working", [
    # Coronation of King Charles III, a one-off bank holiday.
    (date(2023, 5, 8), False),
    (date(2023, 5, 9), True),
    # State funeral of Queen Elizabeth II.
    (date(2022, 9, 19), False),
    # Christmas 2021 fell on a weekend: the substitute days are Monday 27 and Tuesday 28.
    (date(2021, 12, 24), True),
    (date(2021, 12, 27), False),
    (date(2021, 12, 28), False),
    (date(2021, 12, 29), True),
    # Christmas 2022 was a Sunday: Boxing Day Monday 26, substitute Christmas Day Tuesday 27.
    (date(2022, 12, 26), False),
    (date(2022, 12, 27), False),
    (date(2022, 12, 28), True),
    # New Year's Day 2023 was a Sunday: substitute Monday 2 January.
    (date(2023, 1, 2), False),
    (date(2023, 12, 25), False),
    (date(2023, 12, 26), False),
    (date(2023, 12, 27), True),
    (date(2024, 1, 1), False),
    # Easter 2024 and 2025.
    (date(2024, 3, 28), True),
    (date(2024, 3, 29), False),
    (date(2024, 4, 1), False),
    (date(2025, 4, 18), False),
    (date(2025, 4, 21), False),
    (date(2025, 4, 22), True),
    # Christmas 2025 is Thursday and Friday; Christmas Eve is a working day.
    (date(2025, 12, 24), True),
    (date(2025, 12, 25), False),
    (date(2025, 12, 26), False),
    (date(2026, 1, 1), False),
    (date(2026, 1, 2), True),
    # Weekends.
    (date(2024, 1, 6), False),
    (date(2024, 1, 7), False),
    (date(2024, 1, 8), True),
])
def test_is_working_day(day, working):
    assert CAL.is_working_day(day) is working


@pytest.mark.parametrize("start, n, due", [
    # Received Thursday 4 May 2023: Fri 5 (1), Mon 8 coronation, Tue 9 (2), Wed 10 (3).
    (date(2023, 5, 4), 3, date(2023, 5, 10)),
    # Christmas 2023: Mon 25 and Tue 26 off, so Wed 27 (1), Thu 28 (2), Fri 29 (3).
    (date(2023, 12, 22), 3, date(2023, 12, 29)),
    # ... and 1 January 2024 off too: 10 working days end on Wednesday 10 January.
    (date(2023, 12, 22), 10, date(2024, 1, 10)),
    # Christmas 2025: Wed 24 (1), Mon 29 (2), Tue 30 (3).
    (date(2025, 12, 23), 3, date(2025, 12, 30)),
    # ... Wed 31 (4), Fri 2 (5), then 5-9 January: Friday 9 January 2026.
    (date(2025, 12, 23), 10, date(2026, 1, 9)),
    # Substitute days: 2021 (Christmas at a weekend) and 2022 (Christmas on a Sunday).
    (date(2021, 12, 24), 1, date(2021, 12, 29)),
    (date(2021, 12, 24), 4, date(2022, 1, 4)),
    (date(2022, 12, 23), 1, date(2022, 12, 28)),
    (date(2022, 12, 30), 1, date(2023, 1, 3)),
    # Easter 2024: Good Friday 29 March and Easter Monday 1 April.
    (date(2024, 3, 28), 1, date(2024, 4, 2)),
    (date(2024, 3, 28), 3, date(2024, 4, 4)),
    # Easter 2025, then the early May bank holiday (Monday 5 May).
    (date(2025, 4, 17), 3, date(2025, 4, 24)),
    (date(2025, 4, 17), 10, date(2025, 5, 6)),
    # Received on a Saturday: Monday is day 1.
    (date(2024, 1, 6), 1, date(2024, 1, 8)),
    (date(2024, 1, 6), 3, date(2024, 1, 10)),
    (date(2024, 1, 6), 10, date(2024, 1, 19)),
    (date(2024, 1, 7), 5, date(2024, 1, 12)),
    # n = 0: the day itself if it is a working day, else the next one.
    (date(2024, 1, 10), 0, date(2024, 1, 10)),
    (date(2024, 1, 6), 0, date(2024, 1, 8)),
    (date(2023, 12, 25), 0, date(2023, 12, 27)),
    # An ordinary fortnight.
    (date(2023, 10, 2), 10, date(2023, 10, 16)),
    (date(2023, 10, 2), 20, date(2023, 10, 30)),
])
def test_add_working_days(start, n, due):
    assert CAL.add_working_days(start, n) == due
    if n >= 1:
        assert CAL.working_days_between(start, due) == n


@pytest.mark.parametrize("start, n, due", [
    # The shutdown days 27-29 December and New Year's Day are all off: 2, 3, 4 January.
    (date(2023, 12, 22), 3, date(2024, 1, 4)),
    # ... then 5 January and 8-12 January, and Monday 15 January is the tenth.
    (date(2023, 12, 22), 10, date(2024, 1, 15)),
    # A shutdown day on a weekend changes nothing.
    (date(2023, 12, 29), 1, date(2024, 1, 2)),
])
def test_closure_days(start, n, due):
    assert SHUTDOWN.add_working_days(start, n) == due
    assert not SHUTDOWN.is_working_day(date(2023, 12, 28))
    assert CAL.is_working_day(date(2023, 12, 28))


def test_closure_days_may_be_any_iterable():
    cal = WorkingCalendar(d for d in [date(2024, 2, 14)])
    assert not cal.is_working_day(date(2024, 2, 14))
    assert cal.add_working_days(date(2024, 2, 13), 1) == date(2024, 2, 15)


@pytest.mark.parametrize("start, end, days", [
    (date(2023, 5, 4), date(2023, 5, 10), 3),
    (date(2023, 5, 4), date(2023, 5, 4), 0),
    (date(2023, 5, 10), date(2023, 5, 4), 0),
    # From a Saturday to the Monday after: one working day.
    (date(2024, 1, 6), date(2024, 1, 8), 1),
    # From a Friday to the Sunday after: none.
    (date(2024, 1, 5), date(2024, 1, 7), 0),
    # Across Christmas 2023: Wed 27, Thu 28, Fri 29, Tue 2, Wed 3.
    (date(2023, 12, 22), date(2024, 1, 3), 5),
    # A whole reporting year 2023-24, 1 April 2023 (a Saturday) to 31 March 2024 (a Sunday):
    # 366 days are 52 weeks and a weekend, so 260 weekdays, less 10 bank holidays (7 and 10
    # April, 1, 8 and 29 May, 28 August, 25 and 26 December, 1 January, and Good Friday on 29
    # March 2024; Easter Monday, 1 April 2024, is in the next year).
    (date(2023, 3, 31), date(2024, 3, 31), 260 - 10),
])
def test_working_days_between(start, end, days):
    assert CAL.working_days_between(start, end) == days


def test_working_days_between_agrees_with_counting_day_by_day():
    start = date(2021, 11, 1)
    counted = 0
    day = start
    for _ in range(900):
        day += timedelta(days=1)
        counted += CAL.is_working_day(day)
        assert CAL.working_days_between(start, day) == counted, day


@pytest.mark.parametrize("day, expected", [
    (date(2023, 12, 23), date(2023, 12, 27)),
    (date(2023, 12, 27), date(2023, 12, 27)),
    (date(2023, 5, 6), date(2023, 5, 9)),
])
def test_next_working_day(day, expected):
    assert CAL.next_working_day(day) == expected


def test_negative_n_is_refused():
    with pytest.raises(ValueError):
        CAL.add_working_days(date(2024, 1, 8), -1)
