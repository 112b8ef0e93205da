"""Working days in England: Monday to Friday, less bank holidays and the council's closure days.

Every statutory timescale is counted in working days (regulation 2 of the 2006 Regulations),
with the day of receipt as day 0 and the due date as the Nth working day after it.
"""

import bisect
from collections.abc import Iterable
from datetime import date, timedelta

import holidays

ONE_DAY = timedelta(days=1)


def _weekdays_up_to(d: date) -> int:
    # Ordinal 1 (1 January of year 1) was a Monday, so every run of 7 ordinals holds 5 weekdays.
    weeks, rest = divmod(d.toordinal(), 7)
    return weeks * 5 + min(rest, 5)


def _weekdays_between(start: date, end: date) -> int:
    """Weekdays after `start` up to and including `end`."""
    return _weekdays_up_to(end) - _weekdays_up_to(start)


class WorkingCalendar:
    """Answers working-day questions quickly enough for a whole year's statistics.

    Bank holidays are looked up a year at a time and kept; counting between two dates uses
    arithmetic on weeks plus a binary search in each year's list of weekday holidays, so it
    never walks the calendar a day at a time.
    """

    def __init__(self, closure_days: Iterable[date] = ()) -> None:
        self._closures = frozenset(closure_days)
        self._years: dict[int, list[date]] = {}

    def _days_off(self, year: int) -> list[date]:
        """The weekdays of `year` that are not working days, sorted."""
        days = self._years.get(year)
        if days is None:
            bank_holidays = holidays.country_holidays("GB", subdiv="ENG", years=year)
            candidates = {d for d in bank_holidays if d.year == year}
            candidates |= {d for d in self._closures if d.year == year}
            days = sorted(d for d in candidates if d.weekday() < 5)
            self._years[year] = days
        return days

    def is_working_day(self, d: date) -> bool:
        if d.weekday() >= 5:
            return False
        days = self._days_off(d.year)
        i = bisect.bisect_left(days, d)
        return not (i < len(days) and days[i] == d)

    def next_working_day(self, d: date) -> date:
        """The first working day on or after `d`."""
        while not self.is_working_day(d):
            d += ONE_DAY
        return d

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end`; 0 if `end` is not after `start`."""
        if end <= start:
            return 0
        count = _weekdays_between(start, end)
        for year in range(start.year, end.year + 1):
            days = self._days_off(year)
            count -= bisect.bisect_right(days, end) - bisect.bisect_right(days, start)
        return count

    def add_working_days(self, start: date, n: int) -> date:
        """The Nth working day after `start`, counting `start` as day 0.

        With n = 0 this is `start` itself when it is a working day, else the next working day.
        """
        if n < 0:
            raise ValueError(f"cannot count back {n} working days: n must be 0 or more")
        if n == 0:
            return self.next_working_day(start)
        # Jump to the Nth weekday, then step over the holidays the jump ignored: one step per
        # holiday, so the loop is short whatever n is.
        d = _add_weekdays(start, n)
        missing = n - self.working_days_between(start, d)
        while missing > 0:
            d += ONE_DAY
            if self.is_working_day(d):
                missing -= 1
        return d


def _add_weekdays(start: date, n: int) -> date:
    """The Nth weekday after `start` (n >= 1)."""
    # The weekdays after a Saturday or Sunday are the same as those after the Friday before.
    if start.weekday() >= 5:
        start -= timedelta(days=start.weekday() - 4)
    weeks, rest = divmod(n, 5)
    d = start + timedelta(weeks=weeks)
    while rest:
        d += ONE_DAY
        if d.weekday() < 5:
            rest -= 1
    return d
