"""Deadlines worked out from events. Expected dates were counted by hand on a calendar.

Most scenarios start with a complaint received on Monday 2 October 2023 (no bank holidays until
Christmas); the later stages run over Christmas 2023.
"""

import random
from datetime import date

import pytest

from portal.domain.calendar import WorkingCalendar
from portal.domain.clocks import (Acknowledged, Closed, Deadline, Extended, PanelHeld,
                                  PanelReported, Paused, Received, Responded, Resumed,
                                  StageRequested, Withdrawn, clock_state, compute_deadlines,
                                  is_paused, next_due)
from portal.domain.codes import Procedure
from portal.domain.timescales import Timescales

CAL = WorkingCalendar()
TS = Timescales()
OCT = 10
RECEIVED = Received(date(2023, OCT, 2))


def extended(stage, on=date(2023, OCT, 10), working_days=None):
    return Extended(on=on, stage=stage, agreed_by="complainant", agreed_on=on,
                    reason="complex case", working_days=working_days)


def due_dates(procedure, events):
    return {d.step: d.due_on for d in compute_deadlines(procedure, events, CAL, TS)}


def by_step(procedure, events):
    return {d.step: d for d in compute_deadlines(procedure, events, CAL, TS)}


STAGE3_EVENTS = [
    RECEIVED,
    Acknowledged(date(2023, OCT, 4)),
    Responded(1, date(2023, OCT, 13)),
    StageRequested(2, date(2023, 11, 6)),
    Responded(2, date(2023, 12, 8)),
    StageRequested(3, date(2024, 1, 8)),
    PanelHeld(date(2024, 2, 15)),
    PanelReported(date(2024, 2, 21)),
]


@pytest.mark.parametrize("name, events, expected", [
    ("received only: acknowledge in 3, respond in 10",
     [RECEIVED],
     {"acknowledge": date(2023, OCT, 5), "stage1_response": date(2023, OCT, 16)}),
    ("acknowledged: the response date does not move",
     [RECEIVED, Acknowledged(date(2023, OCT, 4))],
     {"acknowledge": date(2023, OCT, 5), "stage1_response": date(2023, OCT, 16)}),
    ("stage 1 extended to the most allowed, 20 from receipt",
     [RECEIVED, extended(1)],
     {"acknowledge": date(2023, OCT, 5), "stage1_response": date(2023, OCT, 30)}),
    ("stage 1 extended to 15",
     [RECEIVED, extended(1, working_days=15)],
     {"acknowledge": date(2023, OCT, 5), "stage1_response": date(2023, OCT, 23)}),
    ("an 'extension' to fewer days than the ordinary timescale does not shorten it",
     [RECEIVED, extended(1, working_days=5)],
     {"acknowledge": date(2023, OCT, 5), "stage1_response": date(2023, OCT, 16)}),
    ("a second, shorter extension does not take back the first",
     [RECEIVED, extended(1), extended(1, on=date(2023, OCT, 11), working_days=12)],
     {"acknowledge": date(2023, OCT, 5), "stage1_response": date(2023, OCT, 30)}),
    ("paused Monday 9 to Monday 16 October: 5 working days added to what was open",
     [RECEIVED, Acknowledged(date(2023, OCT, 4)), Paused(date(2023, OCT, 9), "consent_needed"),
      Resumed(date(2023, OCT, 16))],
     {"acknowledge": date(2023, OCT, 5), "stage1_response": date(2023, OCT, 23)}),
    ("paused before acknowledgement: both clocks move",
     [RECEIVED, Paused(date(2023, OCT, 3), "consent_needed"), Resumed(date(2023, OCT, 10))],
     {"acknowledge": date(2023, OCT, 12), "stage1_response": date(2023, OCT, 23)}),
    ("a pause not yet resumed adds nothing yet",
     [RECEIVED, Acknowledged(date(2023, OCT, 4)), Paused(date(2023, OCT, 9), "consent_needed")],
     {"acknowledge": date(2023, OCT, 5), "stage1_response": date(2023, OCT, 16)}),
    ("stage 1 response opens the 20-day window to ask for stage 2",
     [RECEIVED, Acknowledged(date(2023, OCT, 4)), Responded(1, date(2023, OCT, 13))],
     {"acknowledge": date(2023, OCT, 5), "stage1_response": date(2023, OCT, 16),
      "stage2_request": date(2023, 11, 10)}),
    ("stage 2: 25 working days from the request",
     STAGE3_EVENTS[:4],
     {"acknowledge": date(2023, OCT, 5), "stage1_response": date(2023, OCT, 16),
      "stage2_request": date(2023, 11, 10), "stage2_response": date(2023, 12, 11)}),
    ("stage 2 extended to 65 working days, across Christmas",
     STAGE3_EVENTS[:4] + [extended(2, on=date(2023, 11, 20))],
     {"acknowledge": date(2023, OCT, 5), "stage1_response": date(2023, OCT, 16),
      "stage2_request": date(2023, 11, 10), "stage2_response": date(2024, 2, 8)}),
    ("stage 3: request window over Christmas, panel, report, response",
     STAGE3_EVENTS,
     {"acknowledge": date(2023, OCT, 5), "stage1_response": date(2023, OCT, 16),
      "stage2_request": date(2023, 11, 10), "stage2_response": date(2023, 12, 11),
      "stage3_request": date(2024, 1, 10), "panel": date(2024, 2, 19),
      "panel_report": date(2024, 2, 22), "stage3_response": date(2024, 3, 13)}),
    ("withdrawn: only what was done remains",
     [RECEIVED, Acknowledged(date(2023, OCT, 4)), Withdrawn(date(2023, OCT, 6))],
     {"acknowledge": date(2023, OCT, 5)}),
    ("closed after the stage 1 response: no window left open",
     [RECEIVED, Acknowledged(date(2023, OCT, 4)), Responded(1, date(2023, OCT, 13)),
      Closed(date(2023, OCT, 13))],
     {"acknowledge": date(2023, OCT, 5), "stage1_response": date(2023, OCT, 16)}),
    ("closed, then stage 2 asked for: the case is open again",
     [RECEIVED, Acknowledged(date(2023, OCT, 4)), Responded(1, date(2023, OCT, 13)),
      Closed(date(2023, OCT, 13)), StageRequested(2, date(2023, 11, 6))],
     {"acknowledge": date(2023, OCT, 5), "stage1_response": date(2023, OCT, 16),
      "stage2_request": date(2023, 11, 10), "stage2_response": date(2023, 12, 11)}),
    ("stage 2 asked for with no stage 1 response: the stage 1 clock is overtaken",
     [RECEIVED, Acknowledged(date(2023, OCT, 4)), StageRequested(2, date(2023, 11, 6))],
     {"acknowledge": date(2023, OCT, 5), "stage2_response": date(2023, 12, 11)}),
])
def test_statutory(name, events, expected):
    assert due_dates(Procedure.STATUTORY, events) == expected


@pytest.mark.parametrize("name, events, expected", [
    ("received only: acknowledge in 5, respond 10 after the acknowledgement's due date",
     [RECEIVED],
     {"acknowledge": date(2023, OCT, 9), "stage1_response": date(2023, OCT, 23)}),
    ("acknowledged on the Wednesday: respond 10 after that",
     [RECEIVED, Acknowledged(date(2023, OCT, 4))],
     {"acknowledge": date(2023, OCT, 9), "stage1_response": date(2023, OCT, 18)}),
    ("extended by the most allowed, 10 more",
     [RECEIVED, Acknowledged(date(2023, OCT, 4)), extended(1)],
     {"acknowledge": date(2023, OCT, 9), "stage1_response": date(2023, 11, 1)}),
    ("extended to 15 in all",
     [RECEIVED, Acknowledged(date(2023, OCT, 4)), extended(1, working_days=15)],
     {"acknowledge": date(2023, OCT, 9), "stage1_response": date(2023, OCT, 25)}),
    ("paused before acknowledgement: 5 working days on both, counted once",
     [RECEIVED, Paused(date(2023, OCT, 3), "further_information"), Resumed(date(2023, OCT, 10))],
     {"acknowledge": date(2023, OCT, 16), "stage1_response": date(2023, OCT, 30)}),
    ("a pause before the acknowledgement does not move a response counted from it",
     [RECEIVED, Paused(date(2023, OCT, 3), "further_information"), Resumed(date(2023, OCT, 10)),
      Acknowledged(date(2023, OCT, 11))],
     {"acknowledge": date(2023, OCT, 16), "stage1_response": date(2023, OCT, 25)}),
    ("stage 2 not yet acknowledged",
     [RECEIVED, Acknowledged(date(2023, OCT, 4)), Responded(1, date(2023, OCT, 18)),
      StageRequested(2, date(2023, 11, 6))],
     {"acknowledge": date(2023, OCT, 9), "stage1_response": date(2023, OCT, 18),
      "stage2_acknowledge": date(2023, 11, 13), "stage2_response": date(2023, 12, 11)}),
    ("stage 2 acknowledged on the Wednesday",
     [RECEIVED, Acknowledged(date(2023, OCT, 4)), Responded(1, date(2023, OCT, 18)),
      StageRequested(2, date(2023, 11, 6)), Acknowledged(date(2023, 11, 8))],
     {"acknowledge": date(2023, OCT, 9), "stage1_response": date(2023, OCT, 18),
      "stage2_acknowledge": date(2023, 11, 13), "stage2_response": date(2023, 12, 6)}),
    ("withdrawn before anything was done",
     [RECEIVED, Withdrawn(date(2023, OCT, 3))],
     {}),
])
def test_corporate(name, events, expected):
    assert due_dates(Procedure.CORPORATE, events) == expected


def test_a_pause_is_recorded_on_the_deadline():
    steps = by_step("statutory", [RECEIVED, Paused(date(2023, OCT, 9), "consent_needed"),
                                  Resumed(date(2023, OCT, 16))])
    assert steps["stage1_response"].paused_days == 5
    assert steps["stage1_response"].due_on == date(2023, OCT, 23)
    assert not steps["stage1_response"].is_paused


def test_an_open_pause_stops_the_clock_without_moving_it():
    events = [RECEIVED, Acknowledged(date(2023, OCT, 4)),
              Paused(date(2023, OCT, 9), "consent_needed")]
    steps = by_step("statutory", events)
    assert steps["stage1_response"].is_paused
    assert steps["stage1_response"].paused_on == date(2023, OCT, 9)
    assert not steps["acknowledge"].is_paused
    assert is_paused(events)
    assert not is_paused(events + [Resumed(date(2023, OCT, 12))])


def test_extended_flag_and_who_agreed_is_kept_on_the_event():
    steps = by_step("statutory", [RECEIVED, extended(1)])
    assert steps["stage1_response"].extended
    assert not steps["acknowledge"].extended


@pytest.mark.parametrize("procedure, event", [
    ("statutory", extended(1, working_days=21)),
    ("statutory", extended(2, working_days=66)),
    ("corporate", extended(1, working_days=21)),
    ("corporate", extended(2, working_days=41)),
])
def test_an_extension_beyond_the_maximum_is_refused(procedure, event):
    with pytest.raises(ValueError):
        compute_deadlines(procedure, [RECEIVED, event], CAL, TS)


def test_stage_3_cannot_be_extended_nor_asked_for_under_the_corporate_procedure():
    with pytest.raises(ValueError):
        compute_deadlines("statutory", [RECEIVED, extended(3)], CAL, TS)
    with pytest.raises(ValueError):
        compute_deadlines("corporate", [RECEIVED, StageRequested(3, date(2023, 11, 1))], CAL, TS)


def test_no_clock_for_safeguarding_or_representations_or_without_a_receipt():
    assert compute_deadlines("safeguarding", [RECEIVED], CAL, TS) == []
    assert compute_deadlines("not_a_complaint", [RECEIVED], CAL, TS) == []
    assert compute_deadlines("statutory", [Acknowledged(date(2023, OCT, 4))], CAL, TS) == []


def test_events_may_come_in_any_order():
    expected = compute_deadlines("statutory", STAGE3_EVENTS, CAL, TS)
    shuffled = list(STAGE3_EVENTS)
    rng = random.Random(7)
    for _ in range(20):
        rng.shuffle(shuffled)
        assert compute_deadlines("statutory", shuffled, CAL, TS) == expected
    assert compute_deadlines("statutory", reversed(STAGE3_EVENTS), CAL, TS) == expected


def test_a_same_day_pause_and_resumption_keeps_the_order_given():
    day = date(2023, OCT, 9)
    none_lost = by_step("statutory", [Resumed(day), RECEIVED, Paused(day, "adr")])
    assert none_lost["stage1_response"].is_paused
    nothing_open = by_step("statutory", [RECEIVED, Paused(day, "adr"), Resumed(day)])
    assert not nothing_open["stage1_response"].is_paused
    assert nothing_open["stage1_response"].due_on == date(2023, OCT, 16)


@pytest.mark.parametrize("done_on, met", [
    (None, None),
    (date(2023, OCT, 5), True),
    (date(2023, OCT, 6), False),
])
def test_met(done_on, met):
    events = [RECEIVED] + ([Acknowledged(done_on)] if done_on else [])
    assert by_step("statutory", events)["acknowledge"].met() is met


@pytest.mark.parametrize("name, events, today, state", [
    ("nothing due within 2 working days", [RECEIVED], date(2023, OCT, 2), "on_track"),
    ("acknowledgement due in 2 working days", [RECEIVED], date(2023, OCT, 3), "due_soon"),
    ("acknowledgement due today", [RECEIVED], date(2023, OCT, 5), "due_soon"),
    ("acknowledgement late", [RECEIVED], date(2023, OCT, 6), "overdue"),
    ("acknowledged, response 6 working days away",
     [RECEIVED, Acknowledged(date(2023, OCT, 4))], date(2023, OCT, 6), "on_track"),
    ("acknowledged, response due on Monday, today Thursday",
     [RECEIVED, Acknowledged(date(2023, OCT, 4))], date(2023, OCT, 12), "due_soon"),
    ("response late", [RECEIVED, Acknowledged(date(2023, OCT, 4))], date(2023, OCT, 17),
     "overdue"),
    ("extended and not yet due",
     [RECEIVED, Acknowledged(date(2023, OCT, 4)), extended(1)], date(2023, OCT, 17), "extended"),
    ("extended but now due soon",
     [RECEIVED, Acknowledged(date(2023, OCT, 4)), extended(1)], date(2023, OCT, 26), "due_soon"),
    ("paused, even past the unpaused due date",
     [RECEIVED, Acknowledged(date(2023, OCT, 4)), Paused(date(2023, OCT, 9), "consent_needed")],
     date(2023, OCT, 20), "paused"),
    ("resumed: counted again",
     [RECEIVED, Acknowledged(date(2023, OCT, 4)), Paused(date(2023, OCT, 9), "consent_needed"),
      Resumed(date(2023, OCT, 16))], date(2023, OCT, 20), "due_soon"),
    ("withdrawn", [RECEIVED, Withdrawn(date(2023, OCT, 3))], date(2023, OCT, 20), "closed"),
    ("responded, waiting to see if stage 2 is asked for",
     [RECEIVED, Acknowledged(date(2023, OCT, 4)), Responded(1, date(2023, OCT, 13))],
     date(2023, 11, 9), "on_track"),
    ("responded, and the stage 2 window has lapsed",
     [RECEIVED, Acknowledged(date(2023, OCT, 4)), Responded(1, date(2023, OCT, 13))],
     date(2023, 11, 13), "closed"),
    ("stage 3 panel late", STAGE3_EVENTS[:6], date(2024, 2, 20), "overdue"),
])
def test_clock_state(name, events, today, state):
    deadlines = compute_deadlines("statutory", events, CAL, TS)
    assert clock_state(deadlines, today, CAL, TS) == state


def test_due_soon_counts_working_days_and_follows_the_configured_margin():
    # Due Monday 16 October; on Thursday 12 that is 2 working days away.
    deadline = Deadline("stage1_response", date(2023, OCT, 2), date(2023, OCT, 16))
    assert deadline.is_due_soon(date(2023, OCT, 12), CAL, 2)
    assert not deadline.is_due_soon(date(2023, OCT, 11), CAL, 2)
    assert deadline.is_due_soon(date(2023, OCT, 11), CAL, 3)
    assert not deadline.is_due_soon(date(2023, OCT, 17), CAL, 2)
    assert deadline.is_overdue(date(2023, OCT, 17))
    assert not deadline.is_overdue(date(2023, OCT, 16))


def test_a_request_window_lapses_but_is_never_overdue():
    window = by_step("statutory", [RECEIVED, Responded(1, date(2023, OCT, 13))])["stage2_request"]
    assert window.window
    assert not window.is_overdue(date(2023, 12, 1))
    assert window.has_lapsed(date(2023, 11, 13))
    assert not window.has_lapsed(date(2023, 11, 10))


def test_next_due():
    deadlines = compute_deadlines("statutory", [RECEIVED], CAL, TS)
    assert next_due(deadlines).step == "acknowledge"
    deadlines = compute_deadlines("statutory", [RECEIVED, Acknowledged(date(2023, OCT, 4))],
                                  CAL, TS)
    assert next_due(deadlines).step == "stage1_response"
    responded = compute_deadlines(
        "statutory",
        [RECEIVED, Acknowledged(date(2023, OCT, 4)), Responded(1, date(2023, OCT, 13))],
        CAL, TS)
    assert next_due(responded).step == "stage2_request"
    assert next_due(responded, today=date(2023, 11, 13)) is None
    assert next_due([]) is None


def test_a_closure_day_moves_the_due_date():
    shut = WorkingCalendar([date(2023, OCT, 4)])
    deadlines = compute_deadlines("statutory", [RECEIVED], shut, TS)
    assert {d.step: d.due_on for d in deadlines} == {
        "acknowledge": date(2023, OCT, 6), "stage1_response": date(2023, OCT, 17)}


def test_configured_timescales_are_used():
    two_days = Timescales.from_mapping({"statutory": {"acknowledge": 2}})
    deadlines = compute_deadlines("statutory", [RECEIVED], CAL, two_days)
    assert deadlines[0].due_on == date(2023, OCT, 4)
