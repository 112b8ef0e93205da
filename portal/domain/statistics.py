"""The arithmetic of the annual statistics (STATISTICS.md, EXCHANGE.md section 2).

Reporting years, whole-number percentages, response-time bands, due dates per start date and
small-number suppression. Plain Python: the queries that count the cases live in
portal.statistics and hand their counts to these functions.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .calendar import WorkingCalendar

YEAR_FORMAT = re.compile(r"^(\d{4})-(\d{2})$")
# Older than any case system the portal replaces (the case import refuses earlier dates too).
EARLIEST_YEAR = 1990
LATEST_YEAR = 9998
NOT_APPLICABLE = "N/A"
# Working days after the start: a response on or before the due date for a limit is in that
# band, so "0-10" is exactly "within 10 working days" and "0-10" + "11-20" is "within 20".
BAND_LIMITS = (10, 20, 25)
BANDS = ("0-10", "11-20", "21-25", "over_25")
DEFAULT_THRESHOLD = 4


class YearError(ValueError):
    """A reporting year written wrongly; the message says how to write it."""


@dataclass(frozen=True)
class Period:
    """A run of days, both ends included: a month, a quarter or a reporting year."""

    label: str
    start: date
    end: date


@dataclass(frozen=True, order=True)
class ReportingYear:
    """1 April of `first` to 31 March of the year after, written like 2023-24."""

    first: int

    def __post_init__(self) -> None:
        # Any year a date can hold; parse_year is stricter about what a person may ask for.
        if not 1 <= self.first <= LATEST_YEAR:
            raise YearError(f"{self.first} is not a year a reporting year can start in")

    @property
    def label(self) -> str:
        return f"{self.first}-{(self.first + 1) % 100:02d}"

    @property
    def start(self) -> date:
        return date(self.first, 4, 1)

    @property
    def end(self) -> date:
        return date(self.first + 1, 3, 31)

    @property
    def period(self) -> Period:
        return Period(self.label, self.start, self.end)

    def months(self) -> list[Period]:
        """The twelve months, April first, labelled "YYYY-MM"."""
        found = []
        for index in range(12):
            year, month = divmod(3 + index, 12)
            first = date(self.first + year, month + 1, 1)
            found.append(Period(first.strftime("%Y-%m"), first, _month_end(first)))
        return found

    def quarters(self) -> list[Period]:
        """Q1 (April to June) to Q4 (January to March), labelled like "2023-24 Q1"."""
        months = self.months()
        return [Period(f"{self.label} Q{n + 1}", months[3 * n].start, months[3 * n + 2].end)
                for n in range(4)]

    def back(self, count: int) -> list[ReportingYear]:
        """The `count` years ending with this one, oldest first (for trends)."""
        return [ReportingYear(self.first - n) for n in range(count - 1, -1, -1)]

    def __str__(self) -> str:
        return self.label


def _month_end(first: date) -> date:
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return following - timedelta(days=1)


def parse_year(text: str) -> ReportingYear:
    """The reporting year written `text`, like "2023-24"; YearError says what is wrong."""
    shown = text.strip()
    found = YEAR_FORMAT.match(shown)
    if not found:
        raise YearError(f'"{text}" is not a reporting year: write it like 2023-24 '
                        "(1 April 2023 to 31 March 2024)")
    first, second = int(found.group(1)), int(found.group(2))
    expected = (first + 1) % 100
    if second != expected:
        raise YearError(f'"{text}" is not a reporting year: a year that starts in April {first} '
                        f"ends in March {first + 1}, so write {first}-{expected:02d}")
    if not EARLIEST_YEAR <= first <= LATEST_YEAR:
        raise YearError(f'"{text}" is not a reporting year the portal can count: the first year '
                        f"must be from {EARLIEST_YEAR} to {LATEST_YEAR}")
    return ReportingYear(first)


def percent(part: int, whole: int) -> int | str:
    """`part` as a whole-number percentage of `whole`, halves rounded up; "N/A" when whole is 0."""
    if part < 0 or whole < 0:
        raise ValueError(f"percent of negative counts ({part} of {whole})")
    if whole == 0:
        return NOT_APPLICABLE
    # Integer arithmetic: round(12.5) is 12 in Python, but a published 12.5% reads as 13%.
    return (200 * part + whole) // (2 * whole)


def due_dates(calendar: WorkingCalendar, starts: Iterable[date],
              days: Sequence[int]) -> dict[date, tuple[date, ...]]:
    """For each start date, the `days[i]`th working day after it (the start is day 0).

    A year's responses have at most a few hundred distinct start dates, so working these out
    once per start date, rather than once per case, keeps bank-holiday arithmetic out of SQL.
    """
    return {start: tuple(calendar.add_working_days(start, n) for n in days)
            for start in set(starts)}


def response_band(responded_on: date, due: Mapping[int, date]) -> str:
    """The band of a response, given the due dates for 10, 20 and 25 working days."""
    for limit, band in zip(BAND_LIMITS, BANDS):
        if responded_on <= due[limit]:
            return band
    return BANDS[-1]


def bands(responded: int, within: Mapping[int, int]) -> dict[str, int]:
    """Band counts from the cumulative counts within 10, 20 and 25 working days."""
    w10, w20, w25 = (within[limit] for limit in BAND_LIMITS)
    return {"0-10": w10, "11-20": w20 - w10, "21-25": w25 - w20, "over_25": responded - w25}


# Small numbers ---------------------------------------------------------------------------------

def marker(threshold: int = DEFAULT_THRESHOLD) -> str:
    """What a suppressed count shows: "<5" for the default threshold of 4."""
    return f"<{threshold + 1}"


Group = tuple[Sequence[Hashable], Hashable]  # the cells of a group, and its total's cell


def suppressed_cells(values: Mapping[Hashable, int], groups: Iterable[Group],
                     threshold: int = DEFAULT_THRESHOLD) -> set[Hashable]:
    """The cells to hide so that no small count can be read or worked out from a total.

    Primary: every count from 1 to `threshold`. Secondary: while a group (cells that add up to
    a total) gives a hidden cell away, hide its smallest other non-zero cell too or, when
    there is none, its total. Zeros are never hidden, so a reader knows every hidden value is
    1 or more; `gives_away` says when that and the total are enough to work one out.
    """
    if threshold < 1:
        raise ValueError(f"threshold {threshold} must be 1 or more")
    groups = list(groups)
    hidden = {key for key, value in values.items() if 1 <= value <= threshold}
    changed = True
    while changed:
        changed = False
        for cells, total in groups:
            if not gives_away(values, hidden, cells, total):
                continue
            candidates = [key for key in cells if key not in hidden and values[key] > 0]
            pick = min(candidates, key=lambda key: values[key]) if candidates else total
            if pick not in hidden:
                hidden.add(pick)
                changed = True
    return hidden


def gives_away(values: Mapping[Hashable, int], hidden: set[Hashable],
               cells: Sequence[Hashable], total: Hashable) -> bool:
    """Whether a group lets a hidden value be worked out from the values it shows.

    - a hidden total with every cell shown is their sum;
    - a shown total with one hidden cell gives it as the difference;
    - a shown total with k hidden cells adding up to k gives each of them as 1.
    """
    hidden_cells = [key for key in cells if key in hidden]
    if total in hidden:
        return not hidden_cells
    if len(hidden_cells) == 1:
        return True
    return bool(hidden_cells) and sum(values[key] for key in hidden_cells) <= len(hidden_cells)


def suppress_counts(counts: Mapping[str, int],
                    threshold: int = DEFAULT_THRESHOLD) -> dict[str, int | str]:
    """A breakdown of people with its "total", ready to publish: hidden cells show "<5".

    One marker for every hidden cell, so a reader cannot tell a small count from a larger one
    hidden to protect it (the report says so beside the table).
    """
    if "total" in counts:
        raise ValueError('a breakdown cannot have a group called "total": it is added here')
    values: dict[str, int] = {**counts, "total": sum(counts.values())}
    hidden = suppressed_cells(values, [(list(counts), "total")], threshold)
    shown = marker(threshold)
    return {key: shown if key in hidden else value for key, value in values.items()}


def suppress_table(rows: Sequence[Sequence[int]],
                   threshold: int = DEFAULT_THRESHOLD) -> list[list[int | str]]:
    """A two-way table of people, with a total column and a total row added, ready to publish.

    Each row with its total is a group, and so is each column with its total (the total row
    and the total column included), so hiding works across and down. Each group is checked on
    its own: a table large enough for rows and columns to be solved together needs a
    statistical disclosure tool, not this.
    """
    width = len(rows[0]) if rows else 0
    if any(len(row) != width for row in rows):
        raise ValueError("every row of the table must have the same number of cells")
    full = [list(row) + [sum(row)] for row in rows]
    full.append([sum(row[j] for row in full) for j in range(width + 1)])
    values = {(i, j): value for i, row in enumerate(full) for j, value in enumerate(row)}
    last_row, last_column = len(full) - 1, width
    groups: list[Group] = [([(i, j) for j in range(width)], (i, last_column))
                           for i in range(len(full))]
    groups += [([(i, j) for i in range(last_row)], (last_row, j)) for j in range(width + 1)]
    hidden = suppressed_cells(values, groups, threshold)
    shown = marker(threshold)
    return [[shown if (i, j) in hidden else value for j, value in enumerate(row)]
            for i, row in enumerate(full)]


# Stage 1 of a year, from grouped counts ---------------------------------------------------------

# Where a date falls against the year's months: an index 0-11 (April first), or one of these.
BEFORE = -1
AFTER = 12


@dataclass(frozen=True)
class StageOneGroup:
    """A count of Stage 1s alike in everything the year's Stage 1 figures ask of them.

    `start`, `responded` and `withdrawn` are month indexes (BEFORE, 0-11, AFTER) or, for the
    last two, None when there is no such date. `band` indexes BANDS (None: no response).
    """

    start: int
    responded: int | None
    withdrawn: int | None
    acknowledged_in_time: bool
    band: int | None
    outcome: str | None
    late_reason: str | None
    count: int


@dataclass
class StageOneYear:
    """The Stage 1 figures of a year, month by month (index 0 is April)."""

    received: list[int]
    acknowledged: list[int]
    responded: list[int]
    within: dict[int, list[int]]  # limit (10, 20, 25) -> responses within it, by month
    withdrawn: list[int]
    # open_at[i]: open as month i began; open_at[12]: open as the day after the year's end began.
    open_at: list[int]
    outcomes: dict[str | None, int]
    late_reasons: dict[str | None, int]  # responses after the 10th working day


def stage_one_year(groups: Iterable[StageOneGroup]) -> StageOneYear:
    """Add up grouped Stage 1 counts into the year's figures.

    Definitions (EXCHANGE.md section 2): received by start month; acknowledged in time, of
    those; responded by response month, with the bands of those responses; withdrawn by
    withdrawal month when there was never a Stage 1 response; open as a day begins when started
    before it and neither responded to nor withdrawn before it.
    """
    year = StageOneYear(received=[0] * 12, acknowledged=[0] * 12, responded=[0] * 12,
                        within={limit: [0] * 12 for limit in BAND_LIMITS}, withdrawn=[0] * 12,
                        open_at=[0] * 13, outcomes={}, late_reasons={})
    for group in groups:
        _add_group(year, group)
    return year


def _in_year(index: int | None) -> bool:
    return index is not None and 0 <= index < 12


def _add_group(year: StageOneYear, group: StageOneGroup) -> None:
    n = group.count
    if _in_year(group.start):
        year.received[group.start] += n
        if group.acknowledged_in_time:
            year.acknowledged[group.start] += n
    if _in_year(group.responded):
        year.responded[group.responded] += n
        for position, limit in enumerate(BAND_LIMITS):
            if group.band is not None and group.band <= position:
                year.within[limit][group.responded] += n
        year.outcomes[group.outcome] = year.outcomes.get(group.outcome, 0) + n
        if group.band:
            year.late_reasons[group.late_reason] = year.late_reasons.get(group.late_reason, 0) + n
    if _in_year(group.withdrawn) and group.responded is None:
        year.withdrawn[group.withdrawn] += n
    for boundary in range(13):
        if _open_at(group, boundary):
            year.open_at[boundary] += n


def _open_at(group: StageOneGroup, boundary: int) -> bool:
    """Open as month `boundary` began (12: as the day after the year's end began)."""
    return (group.start < boundary
            and (group.responded is None or group.responded >= boundary)
            and (group.withdrawn is None or group.withdrawn >= boundary))


def month_index(year: ReportingYear, day: date | None) -> int | None:
    """Where `day` falls: BEFORE, the month's index (April is 0), AFTER, or None."""
    if day is None:
        return None
    if day < year.start:
        return BEFORE
    if day > year.end:
        return AFTER
    return (day.month - 4) % 12


def due_window(calendar: WorkingCalendar, year: ReportingYear, longest: int) -> list[date]:
    """Every start date whose due dates a year's figures can need: from the earliest day
    whose `longest`-th working day is on or after the year's first day, to the year's last.

    A start before it has every due date before the year, so each response of the year to it
    is late by any measure: no due date is needed to know that.
    """
    first = year.start
    while calendar.add_working_days(first - timedelta(days=1), longest) >= year.start:
        first -= timedelta(days=1)
    return [first + timedelta(days=n) for n in range((year.end - first).days + 1)]
