"""The counts behind the annual statistics: GROUP BY queries (SQLAlchemy Core), few of them.

Each function is one query and returns its grouped rows; nothing here loops over cases. Most
queries group on several things at once (month received, month responded, outcome...), so that
one pass over the cases feeds several families: portal.statistics.report adds the groups up.

Working-day limits depend on bank holidays, so they are worked out in Python once per possible
start date (portal.domain.statistics.due_window / due_dates) and joined to the cases as a small
VALUES table (`due_table`).

Dates: "in the period" is start <= date <= end. A Stage 1 starts on its started_on, else on the
case's received_on (a statutory complaint has no stage row until its first response, so every
complaint has a Stage 1). A Stage 2 starts on its started_on, else its requested_on; a Stage 3 is
requested on its requested_on, else its started_on.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import (
    Date,
    Integer,
    String,
    and_,
    case,
    cast,
    column,
    exists,
    extract,
    func,
    literal_column,
    or_,
    select,
    values,
)
from sqlalchemy.sql import ColumnElement, Select
from sqlalchemy.sql.selectable import CTE, Subquery

from portal.domain.statistics import AFTER, BEFORE, Period, ReportingYear
from portal.extensions import db
from portal.models import (
    AdrMeeting,
    Case,
    CaseIssue,
    CaseStage,
    ContextFigure,
    LearningAction,
    Remedy,
)

TABLE = Case.__table__
NO_BOROUGH = "not_recorded"
_scope: ContextVar[Any] = ContextVar("statistics_scope", default=TABLE)


class _Scoped:
    """The cases the statistics count: every case, or one borough's (see `borough_scope`).
    Queries read `CASES.c.<column>` and join `CASES.table`, whichever scope is current."""

    @property
    def c(self) -> Any:
        return _scope.get().c

    @property
    def table(self) -> Any:
        return _scope.get()


CASES = _Scoped()


def scoped() -> bool:
    """Whether the figures being counted are one borough's rather than everyone's."""
    return _scope.get() is not TABLE


@contextmanager
def borough_scope(borough: str | None) -> Iterator[None]:
    """Count only the cases of one borough (NO_BOROUGH: those with none) while inside; with
    None, every case. Each query then reads a filtered copy of the cases table under its own
    name, so nothing else in the query changes and the figures of the boroughs add up."""
    if borough is None:
        yield
        return
    condition = TABLE.c.borough.is_(None) if borough == NO_BOROUGH else TABLE.c.borough == borough
    token = _scope.set(select(TABLE).where(condition).subquery("scoped_cases"))
    try:
        yield
    finally:
        _scope.reset(token)
STAGES = CaseStage.__table__
ISSUES = CaseIssue.__table__
ADR = AdrMeeting.__table__
REMEDIES = Remedy.__table__
LEARNING = LearningAction.__table__
CONTEXT = ContextFigure.__table__
NOT_RECORDED = "Not recorded"
# Written into the SQL, not bound: PostgreSQL matches a GROUP BY expression to the selected one
# only when both are the same text, and two bound parameters are two different expressions.
NOT_RECORDED_SQL = literal_column("'Not recorded'", String)
PROCEDURES = ("statutory", "corporate")
# Month slots as the SQL gives them: 1-12 for a month of the year, these for outside it.
SLOT_BEFORE, SLOT_AFTER = 0, 13


class AreaKey(NamedTuple):
    procedure: str
    service_area: str
    team: str
    received: str | None  # the year label of the Stage 1 start, if within the years asked
    withdrawn: str | None  # the year label of a withdrawal without any Stage 1 response


class IssueKey(NamedTuple):
    procedure: str
    category: str
    outcome: str | None
    responded: int  # 1: the complaint's Stage 1 response is dated in the year
    received: int  # 1: its Stage 1 started in the year


class StageKey(NamedTuple):
    stage: int
    service_area: str
    begun: str | None  # year labels, if within the years asked
    responded: str | None
    outcome: str | None
    panel: int  # 1: a Stage 3 panel held in the year


class OmbudsmanKey(NamedTuple):
    service_area: str
    referred: int  # 1: referred in the year
    decided: int  # 1: decided in the year
    decision: str | None


class ComplimentKey(NamedTuple):
    year: str
    service_area: str
    team: str


def _rows(query: Select) -> list[Any]:
    return list(db.session.execute(query))


def _in(expression: ColumnElement, period: Period) -> ColumnElement:
    return expression.between(period.start, period.end)


def _flag(condition: ColumnElement) -> ColumnElement:
    return case((condition, 1), else_=0)


def _span(years: Sequence[ReportingYear]) -> Period:
    return Period("", years[0].start, years[-1].end)


def year_of(expression: ColumnElement, years: Sequence[ReportingYear]) -> ColumnElement:
    """The label of the reporting year a date falls in (NULL outside them)."""
    return case(*[(_in(expression, y.period), literal_column(f"'{y.label}'", String))
                  for y in years])


def _grouped(inner: Select, name: str) -> list[Any]:
    """Rows of (*every column of `inner`, count), grouped on all of them.

    Grouping through a subquery: its columns may be expressions with bound parameters, which
    PostgreSQL would not match between the SELECT and the GROUP BY.
    """
    sub = inner.subquery(name)
    columns = list(sub.c)
    return _rows(select(*columns, func.count()).group_by(*columns))


def complaints() -> ColumnElement:
    """Complaints under either procedure (not compliments, comments, or safeguarding)."""
    return and_(CASES.c.kind == "complaint", CASES.c.procedure.in_(PROCEDURES))


def _area() -> ColumnElement:
    return func.coalesce(CASES.c.service_area, NOT_RECORDED_SQL)


def _team() -> ColumnElement:
    return func.coalesce(CASES.c.team, NOT_RECORDED_SQL)


# The rows counted --------------------------------------------------------------------------------

def stage_one() -> Subquery:
    """Every complaint with its procedure, Stage 1 dates, outcome and where it belongs."""
    s1 = STAGES.alias("s1")
    return (
        select(
            CASES.c.id.label("case_id"), CASES.c.procedure,
            func.coalesce(s1.c.started_on, CASES.c.received_on).label("start"),
            s1.c.responded_on, s1.c.outcome, s1.c.late_reason,
            CASES.c.acknowledged_on, CASES.c.withdrawn_on,
            _team().label("team"), _area().label("service_area"),
        )
        .select_from(CASES.table.outerjoin(s1, and_(s1.c.case_id == CASES.c.id, s1.c.stage == 1)))
        .where(complaints())
        .subquery("stage_one")
    )


def statutory_stages() -> Subquery:
    """Every statutory stage row with the date it began, its dates and its case's area."""
    begun = case(
        (STAGES.c.stage == 1, func.coalesce(STAGES.c.started_on, CASES.c.received_on)),
        (STAGES.c.stage == 2, func.coalesce(STAGES.c.started_on, STAGES.c.requested_on)),
        else_=func.coalesce(STAGES.c.requested_on, STAGES.c.started_on),
    )
    return (select(STAGES.c.stage, begun.label("begun"), STAGES.c.responded_on,
                   STAGES.c.outcome, STAGES.c.extended, STAGES.c.panel_on,
                   CASES.c.withdrawn_on, _area().label("service_area"))
            .select_from(STAGES.join(CASES.table, CASES.c.id == STAGES.c.case_id))
            .where(CASES.c.kind == "complaint", CASES.c.procedure == "statutory")
            .subquery("statutory_stages"))


def due_table(name: str, due: dict[date, tuple[date, ...]], names: Sequence[str]) -> CTE:
    """Due dates per start date as a small table: a "start" column, then one per name."""
    columns = [column("start", Date)] + [column(n, Date) for n in names]
    data = [(start, *dates) for start, dates in sorted(due.items())]
    return values(*columns, name=name).data(data).cte(name)


def _month_slot(day: ColumnElement, year: ReportingYear) -> ColumnElement:
    # NULL stays NULL: neither comparison holds and EXTRACT of NULL is NULL.
    return case((day < year.start, SLOT_BEFORE), (day > year.end, SLOT_AFTER),
                else_=cast(extract("month", day), Integer))


def slot_index(slot: int | None) -> int | None:
    """A month slot from the SQL as an index of the year's months (April is 0)."""
    if slot is None:
        return None
    if slot == SLOT_BEFORE:
        return BEFORE
    if slot == SLOT_AFTER:
        return AFTER
    return (int(slot) - 4) % 12


# Stage 1 ----------------------------------------------------------------------------------------

def stage_one_groups(year: ReportingYear, due: CTE) -> list[Any]:
    """Stage 1s that count in the year, grouped by procedure, month started, responded and
    withdrawn, acknowledgement in time, response band (0: within 10 working days ... 3: over
    25), outcome and late reason. Every Stage 1 figure of the year is a sum over these groups.

    Only Stage 1s started by the year's end and not closed before it began can count.
    """
    s1 = stage_one()
    r, w = s1.c.responded_on, s1.c.withdrawn_on
    # A start before the due table has no due dates: its responses of the year are band 3.
    band = case((r <= due.c.due_10, 0), (r <= due.c.due_20, 1), (r <= due.c.due_25, 2),
                (r.is_not(None), 3))
    inner = (
        select(s1.c.procedure, _month_slot(s1.c.start, year).label("start"),
               _month_slot(r, year).label("responded"),
               _month_slot(w, year).label("withdrawn"),
               _flag(s1.c.acknowledged_on <= due.c.due_3).label("acknowledged"),
               band.label("band"), s1.c.outcome, s1.c.late_reason)
        .select_from(s1.outerjoin(due, due.c.start == s1.c.start))
        .where(s1.c.start <= year.end,
               or_(r.is_(None), r >= year.start), or_(w.is_(None), w >= year.start))
    )
    return _grouped(inner, "stage_one_groups")


def stage_one_by_area(years: Sequence[ReportingYear]) -> dict[AreaKey, int]:
    """Complaints started, or withdrawn without a Stage 1 response, within `years`."""
    s1 = stage_one()
    span = _span(years)
    never_responded = s1.c.responded_on.is_(None)
    inner = (
        select(s1.c.procedure, s1.c.service_area, s1.c.team,
               year_of(s1.c.start, years).label("received"),
               case((never_responded, year_of(s1.c.withdrawn_on, years))).label("withdrawn"))
        .where(or_(_in(s1.c.start, span), and_(never_responded, _in(s1.c.withdrawn_on, span))))
    )
    return {AreaKey(*r[:5]): r[5] for r in _grouped(inner, "stage_one_by_area")}


def issue_counts(year: ReportingYear) -> dict[IssueKey, int]:
    """The Stage 1 issues of the complaints responded to, or received, in the year."""
    s1 = stage_one()
    responded, received = _in(s1.c.responded_on, year.period), _in(s1.c.start, year.period)
    inner = (select(s1.c.procedure, ISSUES.c.category, ISSUES.c.outcome,
                    _flag(responded).label("responded"), _flag(received).label("received"))
             .select_from(ISSUES.join(s1, s1.c.case_id == ISSUES.c.case_id))
             .where(ISSUES.c.stage == 1, or_(responded, received)))
    return {IssueKey(*r[:5]): r[5] for r in _grouped(inner, "issue_counts")}


# Stages 1 to 3 of the statutory procedure --------------------------------------------------------

def stage_groups(year: ReportingYear, years: Sequence[ReportingYear]) -> dict[StageKey, int]:
    """Statutory stages begun or responded to within `years`, or with a panel in `year`."""
    s = statutory_stages()
    span = _span(years)
    inner = (select(s.c.stage, s.c.service_area, year_of(s.c.begun, years).label("begun"),
                    year_of(s.c.responded_on, years).label("responded"), s.c.outcome,
                    _flag(_in(s.c.panel_on, year.period)).label("panel"))
             .where(or_(_in(s.c.begun, span), _in(s.c.responded_on, span),
                        _in(s.c.panel_on, year.period))))
    return {StageKey(*r[:6]): r[6] for r in _grouped(inner, "stage_groups")}


def stage_two(year: ReportingYear, due: CTE) -> dict[str, int]:
    """Stage 2s completed in the year and within their timescale, and those still going."""
    s = statutory_stages()
    period, r = year.period, s.c.responded_on
    limit = case((s.c.extended.is_(True), due.c.due_extended), else_=due.c.due)
    completed = _in(r, period)
    still_going = and_(s.c.begun <= period.end, or_(r.is_(None), r > period.end),
                       or_(s.c.withdrawn_on.is_(None), s.c.withdrawn_on > period.end))
    query = (
        select(func.count(case((completed, 1))).label("completed"),
               func.count(case((and_(completed, r <= limit), 1))).label("within_timescale"),
               func.count(case((still_going, 1))).label("ongoing"))
        .select_from(s.outerjoin(due, due.c.start == s.c.begun))
        .where(s.c.stage == 2, or_(completed, still_going))
    )
    return dict(_rows(query)[0]._mapping)


# Everything else --------------------------------------------------------------------------------

def ombudsman(year: ReportingYear) -> dict[OmbudsmanKey, int]:
    """Cases referred to, or decided by, the Ombudsman in the year."""
    referred = _in(CASES.c.ombudsman_referred_on, year.period)
    decided = _in(CASES.c.ombudsman_decided_on, year.period)
    inner = (select(_area().label("service_area"), _flag(referred).label("referred"),
                    _flag(decided).label("decided"), CASES.c.ombudsman_decision)
             .where(or_(referred, decided)))
    return {OmbudsmanKey(*r[:4]): r[4] for r in _grouped(inner, "ombudsman")}


def financial_remedies(year: ReportingYear) -> dict[str, tuple[int, int]]:
    """Stage label: (number, total pence) of financial remedies whose stage's response, or for
    the Ombudsman its decision, is dated in the year."""
    stage = STAGES.alias("remedy_stage")
    dated = case((REMEDIES.c.stage == "ombudsman", CASES.c.ombudsman_decided_on),
                 else_=stage.c.responded_on)
    joined = (REMEDIES.join(CASES.table, CASES.c.id == REMEDIES.c.case_id)
              .outerjoin(stage, and_(stage.c.case_id == REMEDIES.c.case_id,
                                     cast(stage.c.stage, String) == REMEDIES.c.stage)))
    query = (select(REMEDIES.c.stage, func.count(),
                    func.coalesce(func.sum(REMEDIES.c.amount_pence), 0))
             .select_from(joined)
             .where(REMEDIES.c.kind == "financial", _in(dated, year.period))
             .group_by(REMEDIES.c.stage))
    return {r[0]: (r[1], r[2]) for r in _rows(query)}


def adr(year: ReportingYear) -> dict[str, int]:
    """ADR meetings held in the year, resolved, and followed by a later stage beginning."""
    later = STAGES.alias("later")
    followed = exists().where(
        later.c.case_id == ADR.c.case_id, later.c.stage >= 2,
        func.coalesce(later.c.started_on, later.c.requested_on) >= ADR.c.held_on)
    query = select(
        func.count().label("held"),
        func.count(case((ADR.c.resolved.is_(True), 1))).label("resolved"),
        func.count(case((followed, 1))).label("escalation_followed"),
    ).select_from(ADR.join(CASES.table, CASES.c.id == ADR.c.case_id)).where(_in(ADR.c.held_on, year.period))
    return dict(_rows(query)[0]._mapping)


def received_via(year: ReportingYear) -> dict[str, int]:
    """Complaints (either procedure) received in the year, by method."""
    query = (select(CASES.c.received_via, func.count())
             .where(complaints(), _in(CASES.c.received_on, year.period))
             .group_by(CASES.c.received_via))
    return {r[0]: r[1] for r in _rows(query)}


def complaints_received(year: ReportingYear) -> list[tuple[str, str, bool]]:
    """S16: the reference, procedure and "made by a young person" of each complaint (either
    procedure) received in the year.

    The one query that lists cases rather than counting them: equalities answers can be linked
    to a case only through a keyed hash of its reference (portal.equality.store), which the
    database cannot work out, so the counting happens in Python.
    """
    query = (select(CASES.c.reference, CASES.c.procedure, CASES.c.made_by_young_person)
             .where(complaints(), _in(CASES.c.received_on, year.period))
             .order_by(CASES.c.reference))
    return [(r[0], r[1], bool(r[2])) for r in _rows(query)]


def records(year: ReportingYear) -> dict[tuple[str, str | None, bool], int]:
    """S18: everything received in the year by what it is, what it was first recorded as, and
    whether it is a joint NHS complaint."""
    query = (select(CASES.c.kind, CASES.c.recorded_as, CASES.c.joint_nhs, func.count())
             .where(_in(CASES.c.received_on, year.period), CASES.c.kind != "advocacy_request")
             .group_by(CASES.c.kind, CASES.c.recorded_as, CASES.c.joint_nhs))
    return {(r[0], r[1], bool(r[2])): r[3] for r in _rows(query)}


CHILDREN_SUPPORTED = "children_supported"


def children_supported(label: str) -> dict[str, int]:
    """The context figures staff entered for the year (portal.statistics.context): group code
    ("all", "white", ...) -> children the services worked with."""
    query = select(CONTEXT.c.group_code, CONTEXT.c.count).where(
        CONTEXT.c.year == label, CONTEXT.c.measure == CHILDREN_SUPPORTED)
    return {r[0]: r[1] for r in _rows(query)}


def context_figures(label: str) -> dict[str, dict[str, int]]:
    """Every context figure entered for the year: measure -> group code -> count."""
    found: dict[str, dict[str, int]] = {}
    query = select(CONTEXT.c.measure, CONTEXT.c.group_code, CONTEXT.c.count).where(CONTEXT.c.year == label)
    for measure, code, count in _rows(query):
        found.setdefault(measure, {})[code] = count
    return found


def repeat_complainants(year: ReportingYear) -> int:
    """Complainant keys with more than one complaint received in the year."""
    repeated = (select(CASES.c.complainant_key)
                .where(complaints(), _in(CASES.c.received_on, year.period),
                       CASES.c.complainant_key.is_not(None))
                .group_by(CASES.c.complainant_key).having(func.count() > 1)
                .subquery("repeated"))
    return _rows(select(func.count()).select_from(repeated))[0][0]


def young_people(years: Sequence[ReportingYear]) -> dict[tuple[str, bool], int]:
    """(year, advocate involved): complaints received in each year made by a young person."""
    inner = (select(year_of(CASES.c.received_on, years).label("year"),
                    CASES.c.advocate_involved)
             .where(complaints(), CASES.c.made_by_young_person.is_(True),
                    _in(CASES.c.received_on, _span(years))))
    return {(r[0], bool(r[1])): r[2] for r in _grouped(inner, "young_people")}


def compliments(years: Sequence[ReportingYear]) -> dict[ComplimentKey, int]:
    """Compliments received in each of `years`."""
    inner = (select(year_of(CASES.c.received_on, years).label("year"),
                    _area().label("service_area"), _team().label("team"))
             .where(CASES.c.kind == "compliment", _in(CASES.c.received_on, _span(years))))
    return {ComplimentKey(*r[:3]): r[3] for r in _grouped(inner, "compliments")}


def learning_actions(year: ReportingYear) -> list[dict[str, Any]]:
    """"You said, we did" actions on the cases received in the year (a short list)."""
    query = (select(CASES.c.reference, LEARNING.c.you_said, LEARNING.c.we_did,
                    LEARNING.c.owner, LEARNING.c.due_on, LEARNING.c.status)
             .select_from(LEARNING.join(CASES.table, CASES.c.id == LEARNING.c.case_id))
             .where(_in(CASES.c.received_on, year.period))
             .order_by(LEARNING.c.due_on.is_(None), LEARNING.c.due_on, LEARNING.c.id))
    return [dict(r._mapping) for r in _rows(query)]


def full_scan() -> tuple[int, int]:
    """One pass over every row of the cases table (the benchmark's yardstick).

    received_via is in no index, so this reads the table itself; count(*) with the length of
    the reference alone can be answered from the narrower index on reference.
    """
    row = _rows(select(func.count(), func.sum(func.length(CASES.c.received_via))))[0]
    return row[0], row[1] or 0
