"""A reporting year's statistics as one object: EXCHANGE.md section 2, and every family of
STATISTICS.md that its example does not show (S3, S6-S14, S16-S18, S20, S21).

The keys of the example keep their place and meaning; the others sit beside them. Counts come
from portal.statistics.queries, each query grouped on several things so that one pass feeds
several families; percentages, bands and suppression come from portal.domain.statistics. The
loops here run over those groups, months, years, categories and areas, never over cases; the
one exception is S16 (equalities), whose answers only Python can link to their cases.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import Any

from flask import current_app

from portal.domain import equalities as eq
from portal.domain import statistics as stats
from portal.domain.calendar import WorkingCalendar
from portal.domain.codes import LateReason, ReceivedVia
from portal.domain.statistics import Group, ReportingYear, StageOneGroup, StageOneYear
from portal.equality import store
from portal.statistics import queries as q

# Working-day limits of Stage 1: acknowledgement, the two response measures, the last band.
STAGE_ONE_LIMITS = {"due_3": 3, "due_10": 10, "due_20": 20, "due_25": 25}
OMBUDSMAN_DECISIONS = (
    "closed_after_initial_enquiries", "premature", "out_of_jurisdiction", "not_upheld_no_fault",
    "upheld_fault_no_injustice", "upheld_fault_injustice", "withdrawn",
)
REMEDY_STAGES = ("1", "2", "3", "ombudsman")
NOT_RECORDED_CODE = "not_recorded"
TREND_YEARS = 5
COMPARISON_YEARS = 3
ESCALATION_BASE = ("Stage 2 investigations started in the year (started_on, else requested_on) "
                   "/ Stage 1 responses dated in the year")
STAGE_THREE_BASE = "Stage 3 reviews requested in the year / Stage 2 responses dated in the year"
OUTCOMES_BASE = ("Per complaint: responses dated in the year at each stage, by outcome, plus "
                 "Stage 1 withdrawals in the year; each percentage is of the counts shown for "
                 "that stage")


def build_report(year: ReportingYear | str, *, calendar: WorkingCalendar | None = None,
                 outcomes: Iterable[str] | None = None, categories: Iterable[str] | None = None,
                 stage_two_days: tuple[int, int] | None = None,
                 threshold: int = stats.DEFAULT_THRESHOLD,
                 with_equalities: bool = True, borough: str | None = None) -> dict[str, Any]:
    """The statistics of `year` (a ReportingYear or text like "2023-24").

    Needs an application context; the calendar, outcomes, categories and Stage 2 timescales
    (`stage_two_days`: the normal and the extended limit) default to the council's. Without
    `with_equalities`, S16 holds only a note saying who may see it, and its answers are not
    even read (special category data: EQUALITIES.md). With `borough` (a slug of the
    council's boroughs, or queries.NO_BOROUGH), only that borough's cases are counted.
    """
    if isinstance(year, str):
        year = stats.parse_year(year)
    with q.borough_scope(borough):
        context = Context(year, calendar, outcomes, categories, stage_two_days, threshold)
        return {**_report(context, with_equalities), "configuration": configuration(borough)}


def configuration(borough: str | None) -> dict[str, Any]:
    """What the council records and publishes, which the tables follow: a family or a row the
    council does not use is left out of them (the figures above keep their shape)."""
    council = current_app.extensions["council"]
    chosen = council.borough(borough)
    return {
        "council": council.name,
        "borough": ({"slug": chosen.slug, "name": chosen.name} if chosen
                    else {"slug": q.NO_BOROUGH, "name": "Borough not recorded"}
                    if borough == q.NO_BOROUGH else None),
        "boroughs": [b.slug for b in council.boroughs],
        "outcomes": list(council.outcomes),
        "outcome_labels": dict(council.outcome_labels),
        "records": list(council.records.kinds()) + (["joint_nhs"] if council.records.joint_nhs else []),
        "non_statutory": council.records.non_statutory,
        "adr": {"offered": council.adr.offered, "name": council.adr.name,
                "instead_of_stage2": council.adr.instead_of_stage2},
        "target": ({"percent": council.target.percent,
                    "within_working_days": council.target.within_working_days}
                   if council.target else None),
        "equalities_published": list(council.equalities_publish),
    }


def _report(context: "Context", with_equalities: bool) -> dict[str, Any]:
    year = context.year
    return {
        "year": year.label,
        "period": {"start": year.start.isoformat(), "end": year.end.isoformat()},
        "statutory": {
            "stage1": statutory_stage_one(context),
            "stage2": statutory_stage_two(context),
            "stage3": statutory_stage_three(context),
            "escalation": escalation(context),
            "outcomes_by_stage": outcomes_by_stage(context),
        },
        "corporate": corporate(context),
        "ombudsman": ombudsman(context),
        "remedies": remedies(context),
        "adr": adr(context),
        "young_people": young_people(context),
        "received_via": received_via(context),
        "repeat_complainants": q.repeat_complainants(year),
        "compliments": compliments(context),
        "equalities": equalities(context) if with_equalities else equalities_withheld(),
        "volumes": volumes(context),
        "representations": representations(context),
        "learning": learning(context),
    }


class Context:
    """The year, the council's settings, and the grouped counts more than one family reads
    (each query runs once, when first needed)."""

    def __init__(self, year: ReportingYear, calendar: WorkingCalendar | None,
                 outcomes: Iterable[str] | None, categories: Iterable[str] | None,
                 stage_two_days: tuple[int, int] | None, threshold: int) -> None:
        council = current_app.extensions["council"]
        statutory = current_app.extensions["timescales"].statutory
        self.year = year
        self.calendar = calendar or current_app.extensions["calendar"]
        self.outcomes = tuple(outcomes if outcomes is not None else council.outcomes)
        self.categories = tuple(categories if categories is not None
                                else (c.slug for c in council.categories))
        self.stage_two_days = stage_two_days or (statutory.stage2_respond,
                                                 statutory.stage2_extended)
        self.threshold = threshold
        self.comparison = year.back(COMPARISON_YEARS)
        self.trend = year.back(TREND_YEARS)

    @cached_property
    def stage_one(self) -> dict[str, StageOneYear]:
        """Each procedure's Stage 1 figures."""
        return stage_one_years(self)

    @property
    def statutory(self) -> StageOneYear:
        return self.stage_one["statutory"]

    @property
    def corporate(self) -> StageOneYear:
        return self.stage_one["corporate"]

    @cached_property
    def stage_groups(self) -> dict[q.StageKey, int]:
        return q.stage_groups(self.year, self.trend)

    @cached_property
    def by_area(self) -> dict[q.AreaKey, int]:
        return q.stage_one_by_area(self.trend)

    @cached_property
    def issues(self) -> dict[q.IssueKey, int]:
        return q.issue_counts(self.year)

    @cached_property
    def compliments(self) -> dict[q.ComplimentKey, int]:
        return q.compliments(self.trend)


def _matches(key: Any, wanted: Mapping[str, Any]) -> bool:
    return all(getattr(key, name) == value for name, value in wanted.items())


def total(counts: Mapping[Any, int], **wanted: Any) -> int:
    """The sum of the grouped counts whose key has the `wanted` values."""
    return sum(n for key, n in counts.items() if _matches(key, wanted))


def sum_by(counts: Mapping[Any, int], field: str, **wanted: Any) -> dict[Any, int]:
    """The grouped counts whose key has the `wanted` values, added up by `field`."""
    summed: dict[Any, int] = defaultdict(int)
    for key, n in counts.items():
        if _matches(key, wanted):
            summed[getattr(key, field)] += n
    return dict(summed)


def sorted_counts(counts: Mapping[str, int]) -> dict[str, int]:
    """Alphabetical, with "Not recorded" last."""
    return dict(sorted(counts.items(), key=lambda item: (item[0] == q.NOT_RECORDED, item[0])))


def unlisted(found: Mapping[str | None, int], listed: Iterable[str]) -> dict[str, int]:
    """Counts whose code is not one of `listed`, so that nothing counted goes unshown."""
    shown = set(listed)
    return {(code or NOT_RECORDED_CODE): n
            for code, n in sorted(found.items(), key=lambda item: item[0] or "")
            if code not in shown and n}


def listed(found: Mapping[str | None, int], codes: Iterable[str]) -> dict[str, int]:
    return {code: found.get(code, 0) for code in codes}


# Stage 1 ----------------------------------------------------------------------------------------

def stage_one_years(context: Context) -> dict[str, StageOneYear]:
    """One grouped query, with the due dates of every start date that can matter joined in."""
    calendar, year = context.calendar, context.year
    window = stats.due_window(calendar, year, max(STAGE_ONE_LIMITS.values()))
    due = q.due_table("stage_one_due",
                      stats.due_dates(calendar, window, list(STAGE_ONE_LIMITS.values())),
                      list(STAGE_ONE_LIMITS))
    groups: dict[str, list[StageOneGroup]] = {procedure: [] for procedure in q.PROCEDURES}
    for row in q.stage_one_groups(year, due):
        groups[row[0]].append(StageOneGroup(
            start=q.slot_index(row[1]), responded=q.slot_index(row[2]),
            withdrawn=q.slot_index(row[3]), acknowledged_in_time=bool(row[4]), band=row[5],
            outcome=row[6], late_reason=row[7], count=row[8]))
    return {procedure: stats.stage_one_year(found) for procedure, found in groups.items()}


def month_rows(context: Context, figures: StageOneYear) -> list[dict[str, Any]]:
    return [{
        "month": month.label, "received": figures.received[i],
        "responded": figures.responded[i], "withdrawn": figures.withdrawn[i],
        "within_10_working_days": figures.within[10][i],
        "within_20_working_days": figures.within[20][i],
        "acknowledged_within_3_working_days": figures.acknowledged[i],
        "brought_forward": figures.open_at[i], "carried_forward": figures.open_at[i + 1],
    } for i, month in enumerate(context.year.months())]


SUMMED = ("received", "responded", "withdrawn", "within_10_working_days",
          "within_20_working_days", "acknowledged_within_3_working_days")


def add_up(rows: list[dict[str, Any]]) -> dict[str, int]:
    """Months added up: their sums, the first's brought forward and the last's carried."""
    totals = {key: sum(row[key] for row in rows) for key in SUMMED}
    totals["brought_forward"] = rows[0]["brought_forward"]
    totals["carried_forward"] = rows[-1]["carried_forward"]
    return totals


def with_percentages(row: dict[str, Any]) -> dict[str, Any]:
    """A row of counts with its percentages (of responses, and of complaints received)."""
    return {
        **row,
        "within_10_working_days_percent": stats.percent(row["within_10_working_days"],
                                                        row["responded"]),
        "within_20_working_days_percent": stats.percent(row["within_20_working_days"],
                                                        row["responded"]),
        "acknowledged_within_3_working_days_percent": stats.percent(
            row["acknowledged_within_3_working_days"], row["received"]),
    }


def quarter_rows(context: Context, months: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"quarter": quarter.label, **add_up(months[3 * n:3 * n + 3])}
            for n, quarter in enumerate(context.year.quarters())]


def statutory_stage_one(context: Context) -> dict[str, Any]:
    """S1, S2, S4, S5, S6, S8 and Stage 1's part of S7."""
    figures = context.statutory
    months = month_rows(context, figures)
    totals = with_percentages(add_up(months))
    outcomes = listed(figures.outcomes, context.outcomes)
    outcomes["withdrawn"] = totals["withdrawn"]
    this_year = {"procedure": "statutory", "received": context.year.label}
    return {
        **{key: totals[key] for key in (
            "brought_forward", "received", "responded", "withdrawn", "carried_forward",
            "within_10_working_days", "within_20_working_days",
            "acknowledged_within_3_working_days", "within_10_working_days_percent",
            "within_20_working_days_percent", "acknowledged_within_3_working_days_percent")},
        "by_month": [with_percentages(row) for row in months],
        "by_quarter": [with_percentages(row) for row in quarter_rows(context, months)],
        "response_days": stats.bands(totals["responded"],
                                     {limit: sum(figures.within[limit])
                                      for limit in stats.BAND_LIMITS}),
        "outcomes": outcomes,
        "other_outcomes": unlisted(figures.outcomes, context.outcomes),
        "issue_outcomes": issue_outcomes(context),
        "issues_by_category": issues_by_category(context),
        "issues": total(context.issues, procedure="statutory", responded=1),
        "received_by_team": sorted_counts(sum_by(context.by_area, "team", **this_year)),
        "received_by_service_area": sorted_counts(sum_by(context.by_area, "service_area",
                                                         **this_year)),
        "late_reasons": late_reasons(figures),
        "target": target(figures, totals["responded"]),
    }


def target(figures: StageOneYear, responded: int) -> dict[str, Any] | None:
    """The council's local timeliness target beside what the year achieved; None without one."""
    chosen = current_app.extensions["council"].target
    if chosen is None:
        return None
    achieved = stats.percent(sum(figures.within[chosen.within_working_days]), responded)
    return {"percent": chosen.percent, "within_working_days": chosen.within_working_days,
            "achieved_percent": achieved,
            "met": None if achieved == "N/A" else achieved >= chosen.percent}


def categories(context: Context, found: Iterable[str]) -> list[str]:
    """The council's categories in its order, then any others the cases use."""
    return list(context.categories) + sorted(set(found) - set(context.categories))


RESPONDED_ISSUES = {"procedure": "statutory", "responded": 1}


def issue_outcomes(context: Context) -> dict[str, dict[str, int]]:
    """S8, per issue: category -> the council's outcomes, for the Stage 1 issues of the
    statutory complaints whose Stage 1 response is dated in the year."""
    found = sum_by(context.issues, "category", **RESPONDED_ISSUES)
    return {category: {o: total(context.issues, category=category, outcome=o,
                                **RESPONDED_ISSUES) for o in context.outcomes}
            for category in categories(context, found)}


def issues_by_category(context: Context) -> dict[str, dict[str, int | str]]:
    """S8: issues per category (whatever their outcome) and each category's share of them."""
    per_category = sum_by(context.issues, "category", **RESPONDED_ISSUES)
    whole = sum(per_category.values())
    return {category: {"issues": per_category.get(category, 0),
                       "share_percent": stats.percent(per_category.get(category, 0), whole)}
            for category in categories(context, per_category)}


def late_reasons(figures: StageOneYear) -> dict[str, int]:
    """S6: Stage 1 responses after the 10th working day, by recorded reason."""
    reasons = listed(figures.late_reasons, (reason.value for reason in LateReason))
    reasons[NOT_RECORDED_CODE] = figures.late_reasons.get(None, 0)
    return reasons


# Stages 2 and 3, escalation, outcomes by stage ---------------------------------------------------

def stage_outcomes(context: Context, label: str, stage: int,
                   area: str | None = None) -> dict[str | None, int]:
    """Outcomes of the responses at `stage` dated in year `label` (in `area`, if given)."""
    where = {"service_area": area} if area else {}
    return sum_by(context.stage_groups, "outcome", stage=stage, responded=label, **where)


def begun(context: Context, label: str, stage: int, **where: Any) -> int:
    return total(context.stage_groups, stage=stage, begun=label, **where)


def responded(context: Context, label: str, stage: int, **where: Any) -> int:
    return total(context.stage_groups, stage=stage, responded=label, **where)


def statutory_stage_two(context: Context) -> dict[str, Any]:
    """S10."""
    normal, extended = context.stage_two_days
    window = stats.due_window(context.calendar, context.year, extended)
    due = q.due_table("stage_two_due",
                      stats.due_dates(context.calendar, window, (normal, extended)),
                      ("due", "due_extended"))
    counts = q.stage_two(context.year, due)
    outcomes = stage_outcomes(context, context.year.label, 2)
    return {
        "started": begun(context, context.year.label, 2), "completed": counts["completed"],
        "ongoing": counts["ongoing"], "within_timescale": counts["within_timescale"],
        "over_timescale": counts["completed"] - counts["within_timescale"],
        "outcomes": listed(outcomes, context.outcomes),
        "within_timescale_percent": stats.percent(counts["within_timescale"],
                                                  counts["completed"]),
        "timescale_working_days": {"normal": normal, "extended": extended},
    }


def statutory_stage_three(context: Context) -> dict[str, Any]:
    label = context.year.label
    return {"requested": begun(context, label, 3),
            "panels": total(context.stage_groups, stage=3, panel=1),
            "outcomes": listed(stage_outcomes(context, label, 3), context.outcomes),
            "responded": responded(context, label, 3)}


def escalation_row(stage1_responses: int, stage2_started: int, stage2_responses: int,
                   stage3_requested: int) -> dict[str, int | str]:
    return {
        "stage1_responses": stage1_responses, "stage2_started": stage2_started,
        "rate_percent": stats.percent(stage2_started, stage1_responses),
        "stage2_responses": stage2_responses, "stage3_requested": stage3_requested,
        "stage3_rate_percent": stats.percent(stage3_requested, stage2_responses),
    }


def escalation(context: Context) -> dict[str, Any]:
    """S9: Stage 1 to 2 and 2 to 3, for the year, by service area and over three years."""
    label = context.year.label

    def row(wanted: str, **where: Any) -> dict[str, int | str]:
        return escalation_row(responded(context, wanted, 1, **where),
                              begun(context, wanted, 2, **where),
                              responded(context, wanted, 2, **where),
                              begun(context, wanted, 3, **where))

    areas = sorted_counts({key.service_area: 1 for key in context.stage_groups
                           if label in (key.begun, key.responded)})
    return {
        **row(label),
        "base": ESCALATION_BASE,
        "stage3_base": STAGE_THREE_BASE,
        "by_service_area": {area: row(label, service_area=area) for area in areas},
        "by_year": {y.label: row(y.label) for y in context.comparison},
    }


def with_shares(counts: Mapping[str, int]) -> dict[str, dict[str, int | str]]:
    whole = sum(counts.values())
    return {key: {"count": n, "percent": stats.percent(n, whole)} for key, n in counts.items()}


def withdrawn_without_response(context: Context, year: str, **where: Any) -> int:
    """Statutory complaints withdrawn in `year` that never had a Stage 1 response."""
    return total(context.by_area, procedure="statutory", withdrawn=year, **where)


def outcomes_by_stage(context: Context) -> dict[str, Any]:
    """S7: outcomes of each stage, per complaint, over three years and by service area."""
    by_year = {}
    for y in context.comparison:
        stages = {}
        for stage in (1, 2, 3):
            counts = listed(stage_outcomes(context, y.label, stage), context.outcomes)
            if stage == 1:
                counts["withdrawn"] = withdrawn_without_response(context, y.label)
            stages[f"stage{stage}"] = with_shares(counts)
        by_year[y.label] = stages
    return {"base": OUTCOMES_BASE, "by_year": by_year,
            "by_service_area": outcomes_by_area(context)}


def outcomes_by_area(context: Context) -> dict[str, dict[str, dict[str, int]]]:
    label = context.year.label
    areas = {key.service_area for key in context.stage_groups if key.responded == label}
    areas |= {key.service_area for key in context.by_area
              if key.procedure == "statutory" and key.withdrawn == label}
    table = {}
    for area in sorted_counts({area: 1 for area in areas}):
        stages = {}
        for stage in (1, 2, 3):
            counts = listed(stage_outcomes(context, label, stage, area), context.outcomes)
            if stage == 1:
                counts["withdrawn"] = withdrawn_without_response(context, label,
                                                                 service_area=area)
            stages[f"stage{stage}"] = counts
        table[area] = stages
    return table


# Corporate --------------------------------------------------------------------------------------

def corporate(context: Context) -> dict[str, Any]:
    """S17: the Stage 1 definitions applied to corporate complaints."""
    totals = add_up(month_rows(context, context.corporate))
    within_20 = sum(context.corporate.within[20])
    issues = sum_by(context.issues, "category", procedure="corporate", received=1)
    return {
        "brought_forward": totals["brought_forward"], "received": totals["received"],
        "responded": totals["responded"], "withdrawn": totals["withdrawn"],
        "carried_forward": totals["carried_forward"], "within_20_working_days": within_20,
        "issue_counts": {c: issues.get(c, 0) for c in categories(context, issues)},
        "handled": totals["brought_forward"] + totals["received"],
        "within_20_working_days_percent": stats.percent(within_20, totals["responded"]),
    }


# Ombudsman, remedies ----------------------------------------------------------------------------

def decisions(found: Mapping[str | None, int]) -> dict[str, int]:
    return {**listed(found, OMBUDSMAN_DECISIONS), **unlisted(found, OMBUDSMAN_DECISIONS)}


def ombudsman(context: Context) -> dict[str, Any]:
    """S11: referrals and decisions in the year, by decision and by service area."""
    found = q.ombudsman(context.year)

    def row(**where: Any) -> dict[str, Any]:
        return {"referrals": total(found, referred=1, **where),
                "decisions": decisions(sum_by(found, "decision", decided=1, **where))}

    areas = sorted_counts({key.service_area: 1 for key in found})
    return {**row(), "by_service_area": {area: row(service_area=area) for area in areas}}


def remedies(context: Context) -> dict[str, Any]:
    """S12: financial remedies dated in the year (by their stage's response), by stage."""
    found = q.financial_remedies(context.year)
    by_stage = {stage: {"count": found.get(stage, (0, 0))[0],
                        "total_pence": found.get(stage, (0, 0))[1]} for stage in REMEDY_STAGES}
    return {"count": sum(row["count"] for row in by_stage.values()),
            "total_pence": sum(row["total_pence"] for row in by_stage.values()),
            "by_stage": by_stage}


# People -----------------------------------------------------------------------------------------

def young_people(context: Context) -> dict[str, Any]:
    """S14: complaints made by young people themselves, with and without an advocate.

    The year's counts are exact (EXCHANGE.md: every count is an integer); "published" is the
    five-year table with small numbers suppressed, as a report prints it.
    """
    found = q.young_people(context.trend)
    by_year = {}
    for y in context.trend:
        with_advocate, without = found.get((y.label, True), 0), found.get((y.label, False), 0)
        by_year[y.label] = {"complaints": with_advocate + without,
                            "with_advocate": with_advocate, "without_advocate": without}
    table = stats.suppress_table(
        [[row["with_advocate"], row["without_advocate"]] for row in by_year.values()],
        context.threshold)
    labels = [*by_year, "total"]
    published = {label: {"with_advocate": row[0], "without_advocate": row[1], "complaints": row[2]}
                 for label, row in zip(labels, table)}
    this_year = by_year[context.year.label]
    return {
        "complaints": this_year["complaints"], "with_advocate": this_year["with_advocate"],
        "without_advocate": this_year["without_advocate"], "by_year": by_year,
        "published": {"threshold": context.threshold,
                      "marker": stats.marker(context.threshold), "by_year": published},
    }


def received_via(context: Context) -> dict[str, int]:
    """S15: complaints (either procedure) received in the year, by how they reached us."""
    found = q.received_via(context.year)
    codes = [via.value for via in ReceivedVia]
    return {**listed(found, codes), **unlisted(found, codes)}


# Equalities (S16) -------------------------------------------------------------------------------

UNANSWERED = (eq.PREFER_NOT_TO_SAY, eq.NOT_RECORDED)
# Each published breakdown and its codes, in the order of the question.
BREAKDOWNS: dict[str, tuple[str, ...]] = {
    "ethnicity": eq.ETHNICITIES + UNANSWERED,
    "ethnic_group": tuple(group.code for group in eq.ETHNIC_GROUPS) + UNANSWERED,
    "age_band": eq.BAND_CODES + UNANSWERED,
    "sex": eq.MEASURES["sex"] + UNANSWERED,
    "disability": eq.DISABILITY + UNANSWERED,
}
# The tables counted: the child and the person complaining for every complaint, and the child
# for each procedure. Corporate is never published, but counted so that no small number can be
# worked out as "all complaints" less "statutory".
PUBLISHED_TABLES = ("child", "complainant", "statutory")
COUNTED_TABLES = (*PUBLISHED_TABLES, "corporate")
EQUALITIES_WITHHELD = "Equalities figures are shown only to statistics viewers."
EQUALITIES_NOTE = (
    "Equalities answers are optional and kept apart from the cases: they are linked to a case "
    "only to be counted. Counts are of complaints received in the year, by the characteristics "
    "of the child (\"child\"; \"statutory\": statutory complaints only) and of the person "
    "complaining (\"complainant\"); a young person complaining for themselves counts as both. "
    "\"not_recorded\": not given, or not asked. Counts from 1 to {threshold}, and any count "
    "that would let one be worked out from a total, from the high-level groups or from the "
    "statutory figures, are shown as \"{marker}\". \"answered\": complaints with any "
    "equalities answers, shown as \"{marker}\" when from 1 to {threshold}. \"rates\": "
    "complaints whose child is in each high-level group, as a percentage of the children the "
    "services supported in that group in the year, where the council has entered that figure."
)


def equalities_withheld() -> dict[str, str]:
    """S16 for a viewer who may not see equalities figures: the reason, and nothing else."""
    return {"note": EQUALITIES_WITHHELD}


def equalities(context: Context) -> dict[str, Any]:
    """S16: the year's complaints by the equalities answers of the child and of the person
    complaining, with small numbers suppressed across every table at once."""
    counts, answered = equality_counts(context.year)
    shown = publish_equalities(counts, context.threshold)
    marker = stats.marker(context.threshold)
    return {
        **shown,
        # Children supported are entered for the whole installation, not for each borough:
        # a borough's complaints over everyone's children would mislead, so no rates then.
        "rates": equality_rates(shown["child"]["ethnic_group"],
                                {} if q.scoped() else q.children_supported(context.year.label),
                                marker),
        "answered": marker if 1 <= answered <= context.threshold else answered,
        "threshold": context.threshold,
        "marker": marker,
        "note": EQUALITIES_NOTE.format(threshold=context.threshold, marker=marker),
    }


def equality_code(record: Mapping[str, str] | None, breakdown: str) -> str:
    """A person's code in a breakdown: "not_recorded" when there is no record, and for a code
    the breakdown does not list (it could not be published under any label)."""
    if record is None:
        return eq.NOT_RECORDED
    if breakdown == "ethnic_group":
        code = eq.group_of(record.get("ethnicity"))
    else:
        code = record.get(breakdown)
    return code if code in BREAKDOWNS[breakdown] else eq.NOT_RECORDED


def equality_counts(year: ReportingYear) -> tuple[Counter, int]:
    """(table, breakdown, code) and (table, "total") counts of the year's complaints, and how
    many of them have any equalities answers. One batch of look-ups for the whole year."""
    cases = q.complaints_received(year)
    answers = store.coded_answers(reference for reference, _procedure, _young in cases)
    counts: Counter = Counter()
    for reference, procedure, made_by_young_person in cases:
        found = answers.get(reference, {})
        child = found.get("child")
        # A young person complaining for themselves is the complainant: their own answers.
        complainant = found.get("complainant") or (child if made_by_young_person else None)
        for table, record in (("child", child), (procedure, child),
                              ("complainant", complainant)):
            counts[(table, "total")] += 1
            for breakdown in BREAKDOWNS:
                counts[(table, breakdown, equality_code(record, breakdown))] += 1
    return counts, len(answers)


def equality_groups() -> list[Group]:
    """Every set of cells that adds up to another cell, across all the S16 tables."""
    groups: list[Group] = []
    for table in COUNTED_TABLES:
        for breakdown, codes in BREAKDOWNS.items():
            groups.append(([(table, breakdown, code) for code in codes], (table, "total")))
        # The backgrounds of a high-level group add up to it; the two unanswered codes are the
        # same people in both breakdowns.
        for group in eq.ETHNIC_GROUPS:
            groups.append(([(table, "ethnicity", code) for code, _label in group.backgrounds],
                           (table, "ethnic_group", group.code)))
        for code in UNANSWERED:
            groups.append(([(table, "ethnicity", code)], (table, "ethnic_group", code)))
    # Every complaint is statutory or corporate: "child" is their sum, cell by cell.
    for breakdown, codes in BREAKDOWNS.items():
        for code in codes:
            groups.append(([("statutory", breakdown, code), ("corporate", breakdown, code)],
                           ("child", breakdown, code)))
    groups.append(([("statutory", "total"), ("corporate", "total")], ("child", "total")))
    # Both subjects count every complaint once.
    groups.append(([("child", "total")], ("complainant", "total")))
    return groups


def publish_equalities(counts: Mapping[tuple, int],
                       threshold: int) -> dict[str, dict[str, dict[str, int | str]]]:
    """The published tables: table -> breakdown -> code (and "total") -> count or marker.

    The same rule as stats.suppress_counts, applied to all the tables together, so that a cell
    hidden in one cannot be worked out from another.
    """
    groups = equality_groups()
    cells = {cell for members, total in groups for cell in (*members, total)}
    values = {cell: counts.get(cell, 0) for cell in cells}
    hidden = stats.suppressed_cells(values, groups, threshold)
    marker = stats.marker(threshold)

    def show(cell: tuple) -> int | str:
        return marker if cell in hidden else values[cell]

    return {table: {breakdown: {**{code: show((table, breakdown, code)) for code in codes},
                                "total": show((table, "total"))}
                    for breakdown, codes in BREAKDOWNS.items()}
            for table in PUBLISHED_TABLES}


def equality_rates(by_group: Mapping[str, int | str], supported: Mapping[str, int],
                   marker: str) -> dict[str, dict[str, int | str]]:
    """Complaints whose child is in each high-level group, beside the children supported in
    it, for the groups the council entered a figure for."""
    rates = {}
    for group in eq.ETHNIC_GROUPS:
        if group.code not in supported:
            continue
        children, complained = supported[group.code], by_group[group.code]
        if children == 0:
            share: int | str = stats.NOT_APPLICABLE
        elif isinstance(complained, str):  # suppressed: a share would give it away
            share = marker
        else:
            share = stats.percent(complained, children)
        rates[group.code] = {"supported": children, "complained": complained, "percent": share}
    return rates


# Representations, compliments, volumes, learning -------------------------------------------------

def representations(context: Context) -> dict[str, Any]:
    """S18: what was received in the year besides complaints, compliments and comments.

    A representation or an enquiry that became a complaint counts as received (it was one
    first) and as having become a complaint; "resolved informally" is those that did not."""
    found = q.records(context.year)

    def count(kind: str) -> int:
        return sum(n for (now, first, _joint), n in found.items() if now == kind or first == kind)

    def became(kind: str) -> int:
        return sum(n for (now, first, _joint), n in found.items() if first == kind and now == "complaint")

    return {
        "resolved_informally": count("representation") - became("representation"),
        "representations_received": count("representation"),
        "representations_became_complaints": became("representation"),
        "enquiries_received": count("enquiry"),
        "enquiries_became_complaints": became("enquiry"),
        "member_enquiries": count("member_enquiry"),
        "joint_nhs_complaints": sum(n for (now, _first, joint), n in found.items()
                                    if joint and now == "complaint"),
        "transactions": sum(found.values()),
        "note": "received in the year; transactions are everything received: complaints, "
                "compliments, comments, representations and enquiries",
    }


def adr(context: Context) -> dict[str, int]:
    """S13: meetings held in the year, resolved, and followed (or not) by a later stage."""
    found = q.adr(context.year)
    return {**found, "not_followed_by_a_later_stage": found["held"] - found["escalation_followed"]}


def compliments(context: Context) -> dict[str, Any]:
    """S20: compliments received, by team and service area, over five years."""
    found, label = context.compliments, context.year.label
    teams = sorted_counts({key.team: 1 for key in found})
    return {
        "received": total(found, year=label),
        "by_team": sorted_counts(sum_by(found, "team", year=label)),
        "by_service_area": sorted_counts(sum_by(found, "service_area", year=label)),
        "by_year": {y.label: total(found, year=y.label) for y in context.trend},
        "by_team_by_year": {team: {y.label: total(found, year=y.label, team=team)
                                   for y in context.trend} for team in teams},
        "quotes": [],
        "quotes_note": "Not recorded by the portal yet: there is no record of which compliments "
                       "the writer agreed may be quoted.",
    }


def volumes(context: Context) -> dict[str, dict[str, int]]:
    """S3: five years of volumes by stage, and of compliments."""
    return {y.label: {
        "stage1_received": total(context.by_area, procedure="statutory", received=y.label),
        "stage2_started": begun(context, y.label, 2),
        "stage3_requested": begun(context, y.label, 3),
        "corporate_received": total(context.by_area, procedure="corporate", received=y.label),
        "compliments_received": total(context.compliments, year=y.label),
    } for y in context.trend}


def learning(context: Context) -> dict[str, Any]:
    """S21: "You said, we did" actions on the cases received in the year."""
    actions = [{**action, "due_on": action["due_on"].isoformat() if action["due_on"] else None}
               for action in q.learning_actions(context.year)]
    return {"actions": actions,
            "open": sum(1 for a in actions if a["status"] != "done"),
            "done": sum(1 for a in actions if a["status"] == "done")}
