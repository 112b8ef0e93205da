"""Properties that must hold for any case, whatever its dates."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from portal.domain.calendar import WorkingCalendar
from portal.domain.clocks import (Acknowledged, Extended, Paused, Responded, Received, Resumed,
                                  StageRequested, compute_deadlines)
from portal.domain.timescales import Timescales

CAL = WorkingCalendar([date(2024, 12, 27), date(2024, 12, 30), date(2024, 12, 31)])
TS = Timescales()
# No example database: the tests leave nothing behind in the working tree.
FAST = settings(max_examples=200, deadline=None, database=None)

days = st.dates(min_value=date(2020, 1, 1), max_value=date(2027, 12, 31))
procedures = st.sampled_from(["statutory", "corporate"])
gap = st.integers(min_value=0, max_value=40).map(lambda n: timedelta(days=n))


@st.composite
def cases(draw):
    """A case somewhere along its way: received, maybe acknowledged, paused, extended..."""
    received = draw(days)
    events = [Received(received)]
    on = received
    if draw(st.booleans()):
        on += draw(gap)
        events.append(Acknowledged(on))
    if draw(st.booleans()):
        paused = on + draw(gap)
        events += [Paused(paused, "consent_needed"), Resumed(paused + draw(gap))]
    if draw(st.booleans()):
        on += draw(gap)
        events.append(Responded(1, on))
        if draw(st.booleans()):
            on += draw(gap)
            events.append(StageRequested(2, on))
            if draw(st.booleans()):
                on += draw(gap)
                events.append(Acknowledged(on))
    return events


def extension(stage, on, working_days):
    return Extended(on=on, stage=stage, agreed_by="complainant", agreed_on=on, reason="complex",
                    working_days=working_days)


@FAST
@given(procedures, cases())
def test_every_due_date_is_a_working_day_after_its_start(procedure, events):
    for deadline in compute_deadlines(procedure, events, CAL, TS):
        assert CAL.is_working_day(deadline.due_on), deadline
        assert deadline.due_on > deadline.starts_on, deadline


@FAST
@given(procedures, cases(), st.sampled_from([1, 2]), st.none() | st.integers(1, 65))
def test_an_extension_never_shortens(procedure, events, stage, working_days):
    most = {("statutory", 1): 20, ("statutory", 2): 65,
            ("corporate", 1): 20, ("corporate", 2): 40}[procedure, stage]
    if working_days is not None:
        working_days = min(working_days, most)
    before = {d.step: d for d in compute_deadlines(procedure, events, CAL, TS)}
    after = compute_deadlines(
        procedure, events + [extension(stage, events[0].on, working_days)], CAL, TS)
    assert {d.step for d in after} == set(before)
    for deadline in after:
        assert deadline.due_on >= before[deadline.step].due_on
        if deadline.step == f"stage{stage}_response":
            assert deadline.extended


@FAST
@given(procedures, days, st.integers(0, 60), st.integers(0, 60), st.booleans())
def test_a_pause_moves_every_open_deadline_by_exactly_its_length(procedure, received, start,
                                                                   length, acknowledged_first):
    events = [Received(received)]
    paused = received + timedelta(days=start)
    if acknowledged_first:
        events.append(Acknowledged(received + timedelta(days=start // 2)))
    resumed = paused + timedelta(days=length)
    n = CAL.working_days_between(paused, resumed)

    before = compute_deadlines(procedure, events, CAL, TS)
    after = compute_deadlines(
        procedure, events + [Paused(paused, "consent_needed"), Resumed(resumed)], CAL, TS)

    assert [d.step for d in after] == [d.step for d in before]
    for old, new in zip(before, after):
        if old.done_on is not None and old.done_on <= paused:
            assert new.due_on == old.due_on, new
        else:
            assert new.paused_days == n
            assert CAL.working_days_between(old.due_on, new.due_on) == n, new
            assert new.due_on >= old.due_on


@FAST
@given(days, st.integers(0, 100))
def test_counting_back_gives_the_number_added(start, n):
    due = CAL.add_working_days(start, n)
    assert CAL.is_working_day(due)
    if n >= 1:
        assert CAL.working_days_between(start, due) == n
    else:
        assert due == CAL.next_working_day(start)
