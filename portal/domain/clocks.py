"""Deadlines, worked out again from a case's events whenever they are needed.

Nothing here is stored: due dates, "overdue" and "due soon" follow from the events, the calendar
and the timescales, so correcting an event or adding a closure day puts every date right.

Counting follows DOMAIN.md section 1: a step starts on day 0 and is due on the Nth working day
after. A pause from day P to day R stops every clock running at P for
`working_days_between(P, R)` working days; until it is resumed, nothing is added and the
deadline reports itself paused.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from .calendar import WorkingCalendar
from .codes import Procedure
from .timescales import Timescales


@dataclass(frozen=True)
class Received:
    on: date


@dataclass(frozen=True)
class Acknowledged:
    """Acknowledges the stage the case is in (corporate stage 2 has its own acknowledgement)."""

    on: date


@dataclass(frozen=True)
class Paused:
    on: date
    reason: str


@dataclass(frozen=True)
class Resumed:
    on: date


@dataclass(frozen=True)
class Extended:
    """An agreed extension of a stage's response.

    `working_days` is the new timescale counted from the same start as the ordinary one
    (statutory stage 1: up to 20); None means the most the timescales allow.
    """

    on: date
    stage: int
    agreed_by: str
    agreed_on: date
    reason: str
    working_days: int | None = None


@dataclass(frozen=True)
class Responded:
    stage: int
    on: date


@dataclass(frozen=True)
class StageRequested:
    stage: int
    on: date


@dataclass(frozen=True)
class PanelHeld:
    on: date


@dataclass(frozen=True)
class PanelReported:
    on: date


@dataclass(frozen=True)
class Withdrawn:
    on: date


@dataclass(frozen=True)
class Closed:
    on: date


Event = (Received | Acknowledged | Paused | Resumed | Extended | Responded | StageRequested
         | PanelHeld | PanelReported | Withdrawn | Closed)

# Order of events recorded on the same day. Paused and Resumed share a rank so that the order
# they were given in decides whether a same-day pair is a pause of no days or a restart.
_SAME_DAY_ORDER = {
    Received: 0, StageRequested: 1, Acknowledged: 2, Extended: 3, Paused: 4, Resumed: 4,
    PanelHeld: 5, PanelReported: 6, Responded: 7, Withdrawn: 8, Closed: 8,
}


@dataclass(frozen=True)
class Deadline:
    """One step's clock.

    A `window` is the complainant's time to ask for the next stage: it lapses, it is never
    overdue. `paused_on` is set while a pause that stopped this clock is still open.
    """

    step: str
    starts_on: date
    due_on: date
    done_on: date | None = None
    extended: bool = False
    paused_days: int = 0
    stage: int = 1
    paused_on: date | None = None
    window: bool = False

    @property
    def is_open(self) -> bool:
        return self.done_on is None

    @property
    def is_paused(self) -> bool:
        return self.is_open and self.paused_on is not None

    def has_lapsed(self, today: date) -> bool:
        return self.window and self.is_open and today > self.due_on

    def is_overdue(self, today: date) -> bool:
        # A stopped clock cannot run out: its due date moves on when it is resumed.
        return not self.window and self.is_open and not self.is_paused and today > self.due_on

    def is_due_soon(self, today: date, calendar: WorkingCalendar, within_days: int) -> bool:
        if self.window or not self.is_open or self.is_paused or today > self.due_on:
            return False
        return calendar.working_days_between(today, self.due_on) <= within_days

    def met(self) -> bool | None:
        """Whether the step was done on or before its due date; None while it is not done."""
        if self.done_on is None:
            return None
        return self.done_on <= self.due_on


@dataclass
class _History:
    """What a case's events say, read in date order; first dates win over later repeats."""

    received: date | None = None
    acknowledged: dict[int, date] = field(default_factory=dict)
    responded: dict[int, date] = field(default_factory=dict)
    requested: dict[int, date] = field(default_factory=dict)
    panel_held: date | None = None
    panel_reported: date | None = None
    extensions: dict[int, list[Extended]] = field(default_factory=dict)
    pauses: list[tuple[date, date | None]] = field(default_factory=list)
    ended_on: date | None = None
    stage: int = 1


def _sorted(events: Iterable[Event]) -> list[Event]:
    events = list(events)
    for event in events:
        if type(event) not in _SAME_DAY_ORDER:
            raise TypeError(f"not a case event: {event!r}")
    return sorted(events, key=lambda e: (e.on, _SAME_DAY_ORDER[type(e)]))


def _read(events: Iterable[Event]) -> _History:
    h = _History()
    for e in _sorted(events):
        if isinstance(e, Received):
            h.received = h.received or e.on
        elif isinstance(e, Acknowledged):
            h.acknowledged.setdefault(h.stage, e.on)
        elif isinstance(e, Paused):
            if not h.pauses or h.pauses[-1][1] is not None:
                h.pauses.append((e.on, None))
        elif isinstance(e, Resumed):
            if h.pauses and h.pauses[-1][1] is None:
                h.pauses[-1] = (h.pauses[-1][0], e.on)
        elif isinstance(e, Extended):
            if e.stage not in (1, 2):
                raise ValueError(f"only stages 1 and 2 can be extended, not stage {e.stage}")
            h.extensions.setdefault(e.stage, []).append(e)
        elif isinstance(e, Responded):
            h.responded.setdefault(e.stage, e.on)
        elif isinstance(e, StageRequested):
            if e.stage not in (2, 3):
                raise ValueError(f"only stage 2 or 3 can be requested, not stage {e.stage}")
            h.requested.setdefault(e.stage, e.on)
            h.stage = max(h.stage, e.stage)
            # Asking for the next stage reopens a case closed after the last response.
            h.ended_on = None
        elif isinstance(e, PanelHeld):
            h.panel_held = h.panel_held or e.on
        elif isinstance(e, PanelReported):
            h.panel_reported = h.panel_reported or e.on
        else:  # Withdrawn or Closed
            h.ended_on = e.on
    return h


def is_paused(events: Iterable[Event]) -> bool:
    """Whether the case's clocks are stopped now (a pause with no resumption yet)."""
    pauses = _read(events).pauses
    return bool(pauses) and pauses[-1][1] is None


class _Clock:
    """Makes deadlines, applying the case's pauses to each."""

    def __init__(self, calendar: WorkingCalendar, pauses: list[tuple[date, date | None]]):
        self.calendar = calendar
        self.pauses = pauses

    def deadline(self, step: str, stage: int, starts_on: date, days: int, done_on: date | None,
                 *, extended: bool = False, window: bool = False,
                 pauses_count_from: date | None = None) -> Deadline:
        count_from = pauses_count_from or starts_on
        paused_days = 0
        paused_on = None
        for paused, resumed in self.pauses:
            if done_on is not None and paused >= done_on:
                continue
            if resumed is None:
                paused_on = paused
            elif resumed > count_from:
                paused_days += self.calendar.working_days_between(max(paused, count_from),
                                                                  resumed)
        due_on = self.calendar.add_working_days(starts_on, days + paused_days)
        return Deadline(step=step, starts_on=starts_on, due_on=due_on, done_on=done_on,
                        extended=extended, paused_days=paused_days, stage=stage,
                        paused_on=paused_on if done_on is None else None, window=window)


def _response_days(h: _History, stage: int, base: int, maximum: int) -> tuple[int, bool]:
    """The stage's timescale after any extensions, and whether it was extended."""
    extensions = h.extensions.get(stage, [])
    days = base
    for extension in extensions:
        wanted = maximum if extension.working_days is None else extension.working_days
        if wanted > maximum:
            raise ValueError(
                f"stage {stage} cannot be extended to {wanted} working days: "
                f"the most allowed is {maximum}"
            )
        # A second, shorter extension does not take back the first.
        days = max(days, wanted)
    return days, bool(extensions)


def _statutory(h: _History, clock: _Clock, timescales: Timescales) -> list[Deadline]:
    ts = timescales.statutory
    received = h.received
    # Both stages' extensions are checked now, so a wrong one is caught when it is recorded.
    days1, extended1 = _response_days(h, 1, ts.stage1_respond, ts.stage1_extended)
    days2, extended2 = _response_days(h, 2, ts.stage2_respond, ts.stage2_extended)
    out = [clock.deadline("acknowledge", 1, received, ts.acknowledge, h.acknowledged.get(1))]
    out.append(clock.deadline("stage1_response", 1, received, days1, h.responded.get(1),
                              extended=extended1))
    if 1 in h.responded:
        out.append(clock.deadline("stage2_request", 2, h.responded[1], ts.stage2_request_within,
                                  h.requested.get(2), window=True))
    if 2 in h.requested:
        out.append(clock.deadline("stage2_response", 2, h.requested[2], days2,
                                  h.responded.get(2), extended=extended2))
    if 2 in h.responded:
        out.append(clock.deadline("stage3_request", 3, h.responded[2], ts.stage3_request_within,
                                  h.requested.get(3), window=True))
    if 3 in h.requested:
        out.append(clock.deadline("panel", 3, h.requested[3], ts.panel_within, h.panel_held))
    if h.panel_held:
        out.append(clock.deadline("panel_report", 3, h.panel_held, ts.panel_report_within,
                                  h.panel_reported))
    if h.panel_reported:
        out.append(clock.deadline("stage3_response", 3, h.panel_reported,
                                  ts.stage3_respond_within, h.responded.get(3)))
    return out


def _corporate_stage(h: _History, clock: _Clock, stage: int, starts_on: date, ack_step: str,
                     ack_days: int, respond_days: int, extension_max: int) -> list[Deadline]:
    acknowledged = h.acknowledged.get(stage)
    out = [clock.deadline(ack_step, stage, starts_on, ack_days, acknowledged)]
    if acknowledged:
        response_starts, pauses_from = acknowledged, acknowledged
    else:
        # Until it is acknowledged the response is counted from the acknowledgement's due date
        # without its pauses, and the pauses are counted once, on the response itself.
        response_starts = clock.calendar.add_working_days(starts_on, ack_days)
        pauses_from = starts_on
    days, extended = _response_days(h, stage, respond_days, respond_days + extension_max)
    out.append(clock.deadline(f"stage{stage}_response", stage, response_starts, days,
                              h.responded.get(stage), extended=extended,
                              pauses_count_from=pauses_from))
    return out


def _corporate(h: _History, clock: _Clock, timescales: Timescales) -> list[Deadline]:
    tc = timescales.corporate
    if 3 in h.requested:
        raise ValueError("the corporate procedure has no stage 3: after stage 2 comes the "
                         "Ombudsman")
    # Checked now, so a wrong stage 2 extension is caught even before stage 2 starts.
    _response_days(h, 2, tc.stage2_respond, tc.stage2_respond + tc.stage2_extension_max)
    out = _corporate_stage(h, clock, 1, h.received, "acknowledge", tc.acknowledge,
                           tc.stage1_respond, tc.stage1_extension_max)
    if 2 in h.requested:
        out += _corporate_stage(h, clock, 2, h.requested[2], "stage2_acknowledge",
                                tc.stage2_acknowledge, tc.stage2_respond,
                                tc.stage2_extension_max)
    return out


def compute_deadlines(procedure: Procedure | str, events: Iterable[Event],
                      calendar: WorkingCalendar, timescales: Timescales) -> list[Deadline]:
    """Every deadline the events have made relevant, in the order of the procedure.

    Events may come in any order. Safeguarding referrals and representations have no clock.
    """
    procedure = Procedure(procedure)
    h = _read(events)
    if h.received is None or procedure not in (Procedure.STATUTORY, Procedure.CORPORATE):
        return []
    clock = _Clock(calendar, h.pauses)
    if procedure is Procedure.STATUTORY:
        deadlines = _statutory(h, clock, timescales)
    else:
        deadlines = _corporate(h, clock, timescales)
    # Once the next stage is asked for, what the earlier stage still owed is overtaken by it.
    deadlines = [d for d in deadlines if not d.is_open or d.stage >= h.stage]
    if h.ended_on is not None:
        deadlines = [d for d in deadlines if not d.is_open]
    return deadlines


def next_due(deadlines: Iterable[Deadline], today: date | None = None) -> Deadline | None:
    """The open deadline due first (lapsed request windows are skipped when `today` is given)."""
    candidates = [d for d in deadlines
                  if d.is_open and (today is None or not d.has_lapsed(today))]
    return min(candidates, key=lambda d: d.due_on, default=None)


def clock_state(deadlines: Iterable[Deadline], today: date, calendar: WorkingCalendar,
                timescales: Timescales) -> str:
    """One of "paused", "overdue", "due_soon", "extended", "on_track", "closed"."""
    live = [d for d in deadlines if d.is_open and not d.has_lapsed(today)]
    if not live:
        return "closed"
    if any(d.is_paused and d.paused_on <= today for d in live):
        return "paused"
    if any(d.is_overdue(today) for d in live):
        return "overdue"
    if any(d.is_due_soon(today, calendar, timescales.due_soon_days) for d in live):
        return "due_soon"
    if any(d.extended for d in live):
        return "extended"
    return "on_track"
