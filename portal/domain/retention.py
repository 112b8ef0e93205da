"""How long records are kept: the rules, without the database."""

from __future__ import annotations

from datetime import date


def cutoff(today: date, years: int) -> date:
    """The day `years` years before `today`: records from before it have been kept long enough.
    29 February steps back to the 28th in a year without one."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def case_ended_on(closed_on: date | None, withdrawn_on: date | None) -> date | None:
    """When a case stopped being worked on; None while it is open."""
    ended = [day for day in (closed_on, withdrawn_on) if day]
    return min(ended) if ended else None


def case_may_go(closed_on: date | None, withdrawn_on: date | None, held: bool, before: date) -> bool:
    """A case goes once it ended before the cutoff, unless a legal hold keeps it."""
    ended = case_ended_on(closed_on, withdrawn_on)
    return ended is not None and ended < before and not held
