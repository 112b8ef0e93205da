"""The statistics as tables: CSV (one per table) and a spreadsheet (a sheet per family).

`tables` turns the report object (portal.statistics.report) into plain tables, so every format
shows the same figures as the JSON: nothing is counted here.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from portal.domain import equalities as eq

FAMILIES = {
    "S1": "Summary of the year",
    "S2": "Stage 1 by month and quarter",
    "S3": "Five years of volumes",
    "S4": "Received by area and team",
    "S5": "Time taken to respond",
    "S6": "Reasons for late responses",
    "S7": "Outcomes by stage",
    "S8": "Outcomes by category",
    "S9": "Escalation",
    "S10": "Stages 2 and 3",
    "S11": "Ombudsman",
    "S12": "Remedy payments",
    "S13": "Alternative dispute resolution",
    "S14": "Young people",
    "S15": "How complaints arrived",
    "S16": "Equalities",
    "S17": "Corporate complaints",
    "S18": "Representations and enquiries",
    "S19": "Repeat complainants",
    "S20": "Compliments",
    "S21": "Learning",
}


@dataclass
class Table:
    family: str
    name: str
    title: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    note: str = ""

    @property
    def file_name(self) -> str:
        """Like S01_stage1_summary.csv: sorts in family order."""
        return f"S{int(self.family[1:]):02d}_{self.name}.csv"

    @property
    def heading(self) -> str:
        return f"{self.family} {self.name}: {self.title}" + (f" ({self.note})" if self.note else "")


def _pairs(counts: Mapping[str, Any]) -> list[list[Any]]:
    return [[key, value] for key, value in counts.items()]


def _pick(row: Mapping[str, Any], columns: Iterable[str]) -> list[Any]:
    return [row[column] for column in columns]


# One function per family: the report's figures, laid out as tables ------------------------------

def _s1(report: dict) -> list[Table]:
    stage1, statutory = report["statutory"]["stage1"], report["statutory"]
    keys = ("brought_forward", "received", "responded", "withdrawn", "carried_forward",
            "within_10_working_days", "within_10_working_days_percent",
            "within_20_working_days", "within_20_working_days_percent",
            "acknowledged_within_3_working_days", "acknowledged_within_3_working_days_percent")
    rows = [[f"stage1_{key}", stage1[key]] for key in keys]
    rows += [["stage2_completed", statutory["stage2"]["completed"]],
             ["stage2_ongoing", statutory["stage2"]["ongoing"]],
             ["stage3_panels", statutory["stage3"]["panels"]]]
    found = [Table("S1", "summary", "Statutory complaints: the year in figures",
                   ["measure", "value"], rows)]
    target = stage1.get("target")
    if target:
        days = target["within_working_days"]
        met = {True: "yes", False: "no", None: "N/A"}[target["met"]]
        found.append(Table("S1", "local_target", "Local timeliness target",
                           ["measure", "value"],
                           [["target_percent", target["percent"]],
                            [f"within_{days}_working_days_percent", target["achieved_percent"]],
                            ["target_met", met]],
                           f"the council's target: {target['percent']}% of Stage 1 responses "
                           f"within {days} working days"))
    return found


MONTH_COLUMNS = ["brought_forward", "received", "responded", "withdrawn",
                 "within_10_working_days", "within_10_working_days_percent",
                 "within_20_working_days", "within_20_working_days_percent",
                 "acknowledged_within_3_working_days",
                 "acknowledged_within_3_working_days_percent", "carried_forward"]


def _s2(report: dict) -> list[Table]:
    stage1 = report["statutory"]["stage1"]
    note = "percentages within 10 / 20 days are of responses; acknowledged, of complaints received"
    return [
        Table("S2", "stage1_by_month", "Statutory Stage 1 month by month",
              ["month", *MONTH_COLUMNS],
              [[row["month"], *_pick(row, MONTH_COLUMNS)] for row in stage1["by_month"]], note),
        Table("S2", "stage1_by_quarter", "Statutory Stage 1 quarter by quarter",
              ["quarter", *MONTH_COLUMNS],
              [[row["quarter"], *_pick(row, MONTH_COLUMNS)] for row in stage1["by_quarter"]],
              note),
    ]


def _s3(report: dict) -> list[Table]:
    columns = ["stage1_received", "stage2_started", "stage3_requested", "corporate_received",
               "compliments_received"]
    return [Table("S3", "volumes", "Volumes over five years", ["year", *columns],
                  [[year, *_pick(row, columns)] for year, row in report["volumes"].items()],
                  "statutory stages, corporate Stage 1 and compliments")]


def _s4(report: dict) -> list[Table]:
    stage1 = report["statutory"]["stage1"]
    return [
        Table("S4", "received_by_service_area", "Statutory Stage 1 received, by service area",
              ["service_area", "received"], _pairs(stage1["received_by_service_area"])),
        Table("S4", "received_by_team", "Statutory Stage 1 received, by team",
              ["team", "received"], _pairs(stage1["received_by_team"])),
    ]


def _s5(report: dict) -> list[Table]:
    return [Table("S5", "response_days", "Statutory Stage 1 responses, by working days taken",
                  ["working_days", "responses"],
                  _pairs(report["statutory"]["stage1"]["response_days"]))]


def _s6(report: dict) -> list[Table]:
    return [Table("S6", "late_reasons",
                  "Statutory Stage 1 responses after 10 working days, by reason",
                  ["reason", "responses"], _pairs(report["statutory"]["stage1"]["late_reasons"]))]


def _s7(report: dict) -> list[Table]:
    outcomes = report["statutory"]["outcomes_by_stage"]
    by_year = [[year, stage, outcome, cell["count"], cell["percent"]]
               for year, stages in outcomes["by_year"].items()
               for stage, counts in stages.items() for outcome, cell in counts.items()]
    by_area = [[area, stage, outcome, count]
               for area, stages in outcomes["by_service_area"].items()
               for stage, counts in stages.items() for outcome, count in counts.items()]
    return [
        Table("S7", "outcomes_by_year", "Statutory outcomes by stage, three years",
              ["year", "stage", "outcome", "count", "percent"], by_year, outcomes["base"]),
        Table("S7", "outcomes_by_service_area", "Statutory outcomes by stage and service area",
              ["service_area", "stage", "outcome", "count"], by_area, "per complaint"),
    ]


def _s8(report: dict) -> list[Table]:
    stage1 = report["statutory"]["stage1"]
    outcomes = list(next(iter(stage1["issue_outcomes"].values()), {}))
    rows = [[category, *_pick(stage1["issue_outcomes"][category], outcomes),
             shares["issues"], shares["share_percent"]]
            for category, shares in stage1["issues_by_category"].items()]
    return [Table("S8", "issue_outcomes", "Statutory Stage 1 outcomes by category",
                  ["category", *outcomes, "issues", "share_percent"], rows,
                  f"per issue: the {stage1['issues']} Stage 1 issues of the "
                  f"{stage1['responded']} complaints responded to in the year")]


ESCALATION_COLUMNS = ["stage1_responses", "stage2_started", "rate_percent", "stage2_responses",
                      "stage3_requested", "stage3_rate_percent"]


def _s9(report: dict) -> list[Table]:
    escalation = report["statutory"]["escalation"]
    note = f"{escalation['base']}; {escalation['stage3_base']}"
    return [
        Table("S9", "escalation_by_year", "Escalation, three years",
              ["year", *ESCALATION_COLUMNS],
              [[year, *_pick(row, ESCALATION_COLUMNS)]
               for year, row in escalation["by_year"].items()], note),
        Table("S9", "escalation_by_service_area", "Escalation by service area",
              ["service_area", *ESCALATION_COLUMNS],
              [[area, *_pick(row, ESCALATION_COLUMNS)]
               for area, row in escalation["by_service_area"].items()], note),
    ]


def _s10(report: dict) -> list[Table]:
    stage2, stage3 = report["statutory"]["stage2"], report["statutory"]["stage3"]
    days = stage2["timescale_working_days"]
    keys2 = ("started", "completed", "within_timescale", "over_timescale",
             "within_timescale_percent", "ongoing")
    keys3 = ("requested", "panels", "responded")
    return [
        Table("S10", "stage2", "Statutory Stage 2", ["measure", "value"],
              [[key, stage2[key]] for key in keys2]
              + [[f"outcome_{o}", n] for o, n in stage2["outcomes"].items()],
              f"timescale: {days['normal']} working days, {days['extended']} if extended"),
        Table("S10", "stage3", "Statutory Stage 3", ["measure", "value"],
              [[key, stage3[key]] for key in keys3]
              + [[f"outcome_{o}", n] for o, n in stage3["outcomes"].items()]),
    ]


def _s11(report: dict) -> list[Table]:
    ombudsman = report["ombudsman"]
    decisions = list(ombudsman["decisions"])
    rows = [[area, row["referrals"], *[row["decisions"].get(d, 0) for d in decisions]]
            for area, row in ombudsman["by_service_area"].items()]
    rows.append(["Total", ombudsman["referrals"], *_pick(ombudsman["decisions"], decisions)])
    return [Table("S11", "ombudsman", "Ombudsman referrals and decisions, by service area",
                  ["service_area", "referrals", *decisions], rows)]


def _s12(report: dict) -> list[Table]:
    remedies = report["remedies"]
    rows = [[stage, row["count"], row["total_pence"]] for stage, row in remedies["by_stage"].items()]
    rows.append(["Total", remedies["count"], remedies["total_pence"]])
    return [Table("S12", "remedies", "Financial remedies, by stage",
                  ["stage", "count", "total_pence"], rows,
                  "dated by the stage's response, or the Ombudsman's decision")]


def _configured(report: dict) -> dict:
    return report.get("configuration") or {}


def _s13(report: dict) -> list[Table]:
    adr = _configured(report).get("adr") or {"offered": True, "name": "Alternative dispute resolution"}
    if not adr["offered"]:
        return []
    note = ("offered instead of a Stage 2 investigation: those not followed by a later stage "
            "took it up instead" if adr.get("instead_of_stage2") else "")
    return [Table("S13", "adr", f"{adr['name']}: meetings held", ["measure", "count"],
                  _pairs(report["adr"]), note)]


def _s14(report: dict) -> list[Table]:
    published = report["young_people"]["published"]
    columns = ["with_advocate", "without_advocate", "complaints"]
    return [Table("S14", "young_people", "Complaints made by young people themselves",
                  ["year", *columns],
                  [[year, *_pick(row, columns)] for year, row in published["by_year"].items()],
                  f"counts from 1 to {published['threshold']} and the cells that would give them "
                  f"away are shown as {published['marker']}")]


def _s15(report: dict) -> list[Table]:
    return [Table("S15", "received_via", "Complaints received, by how they arrived",
                  ["received_via", "complaints"], _pairs(report["received_via"]))]


UNANSWERED_LABELS = {eq.PREFER_NOT_TO_SAY: eq.PREFER_NOT_TO_SAY_LABEL,
                     eq.NOT_RECORDED: "Not recorded", "total": "Total"}
EQUALITY_LABELS: dict[str, dict[str, str]] = {
    # A background's label names its group: "Caribbean" alone could be either of two.
    "ethnicity": {code: f"{group.label}: {label}"
                  for group in eq.ETHNIC_GROUPS for code, label in group.backgrounds},
    "ethnic_group": {group.code: group.label for group in eq.ETHNIC_GROUPS},
    "age_band": {code: label for code, _start, label in eq.AGE_BANDS},
    "sex": dict(eq.SEXES),
    "disability": {"yes": "Disabled", "no": "Not disabled"},
}
EQUALITY_TITLES = {
    "ethnicity": "Ethnic background",
    "ethnic_group": "Ethnic group (high-level)",
    "age_band": "Age band",
    "sex": "Sex",
    "disability": "Disability (a long-term condition that reduces day-to-day activities)",
}
# The report's tables, as columns: the child and the person complaining in every complaint,
# and the child in statutory complaints only.
EQUALITY_COLUMNS = {"child": "child", "complainant": "complainant",
                    "statutory": "child_statutory"}


def equality_label(breakdown: str, code: str) -> str:
    return EQUALITY_LABELS[breakdown].get(code) or UNANSWERED_LABELS.get(code, code)


def _s16(report: dict) -> list[Table]:
    equalities = report["equalities"]
    if "child" not in equalities:  # withheld from this viewer: the reason alone
        return [Table("S16", "equalities", "Equalities", ["note"], [[equalities["note"]]])]
    note = (f"complaints received in the year; counts from 1 to {equalities['threshold']}, and "
            f"cells that would give them away, are shown as {equalities['marker']}")
    found = [Table("S16", "equalities", "Equalities answers", ["measure", "complaints"],
                   [["complaints_with_answers", equalities["answered"]]], equalities["note"])]
    for breakdown, title in EQUALITY_TITLES.items():
        rows = [[equality_label(breakdown, code),
                 *[equalities[table][breakdown][code] for table in EQUALITY_COLUMNS]]
                for code in equalities["child"][breakdown]]
        found.append(Table("S16", f"equalities_{breakdown}",
                           f"{title} of the child and of the person complaining",
                           [breakdown, *EQUALITY_COLUMNS.values()], rows, note))
    rates = [[label, row["supported"], row["complained"], row["percent"]]
             for code, label in EQUALITY_LABELS["ethnic_group"].items()
             for row in [equalities["rates"].get(code)] if row]
    found.append(Table("S16", "equalities_rates",
                       "Children supported and complaints, by ethnic group",
                       ["ethnic_group", "children_supported", "complaints", "complaints_percent"],
                       rates, "complaints whose child is in the group, as a percentage of the "
                              "children the services supported in it"))
    return found


def _s17(report: dict) -> list[Table]:
    if not _configured(report).get("non_statutory", True):
        return []
    corporate = report["corporate"]
    keys = ("brought_forward", "received", "handled", "responded", "withdrawn",
            "carried_forward", "within_20_working_days", "within_20_working_days_percent")
    return [
        Table("S17", "corporate", "Corporate complaints", ["measure", "value"],
              [[key, corporate[key]] for key in keys]),
        Table("S17", "corporate_issues", "Corporate complaints received, issues by category",
              ["category", "issues"], _pairs(corporate["issue_counts"])),
    ]


# The rows of S18 each kind of record brings, where the council records it.
RECORD_ROWS = {
    "representation": ("representations_received", "representations_became_complaints",
                       "resolved_informally"),
    "enquiry": ("enquiries_received", "enquiries_became_complaints"),
    "member_enquiry": ("member_enquiries",),
    "joint_nhs": ("joint_nhs_complaints",),
}


def _s18(report: dict) -> list[Table]:
    representations = report["representations"]
    recorded = _configured(report).get("records", list(RECORD_ROWS))
    rows = [[key, representations[key]] for kind in recorded for key in RECORD_ROWS[kind]]
    return [Table("S18", "representations", "Representations and enquiries",
                  ["measure", "count"], rows + [["transactions", representations["transactions"]]],
                  representations["note"])]


def _s19(report: dict) -> list[Table]:
    return [Table("S19", "repeat_complainants", "Repeat complainants",
                  ["measure", "count"], [["repeat_complainants", report["repeat_complainants"]]],
                  "people with more than one complaint received in the year")]


def _s20(report: dict) -> list[Table]:
    compliments = report["compliments"]
    years = list(compliments["by_year"])
    return [
        Table("S20", "compliments_by_team", "Compliments received, by team",
              ["team", "received"], _pairs(compliments["by_team"])),
        Table("S20", "compliments_by_service_area", "Compliments received, by service area",
              ["service_area", "received"], _pairs(compliments["by_service_area"])),
        Table("S20", "compliments_by_year", "Compliments, five years, by team",
              ["team", *years],
              [[team, *_pick(row, years)] for team, row in compliments["by_team_by_year"].items()]
              + [["Total", *_pick(compliments["by_year"], years)]]),
        Table("S20", "compliment_quotes", "Compliments that may be quoted", ["quote"],
              [[quote] for quote in compliments["quotes"]], compliments["quotes_note"]),
    ]


LEARNING_COLUMNS = ["reference", "you_said", "we_did", "owner", "due_on", "status"]


def _s21(report: dict) -> list[Table]:
    return [Table("S21", "learning", "You said, we did", LEARNING_COLUMNS,
                  [_pick(action, LEARNING_COLUMNS) for action in report["learning"]["actions"]],
                  "actions on cases received in the year")]


BUILDERS: list[Callable[[dict], list[Table]]] = [
    _s1, _s2, _s3, _s4, _s5, _s6, _s7, _s8, _s9, _s10, _s11, _s12, _s13, _s14, _s15, _s16,
    _s17, _s18, _s19, _s20, _s21,
]


def tables(report: dict, published: bool = False) -> list[Table]:
    """Every table of the report, in family order. `published`: only the equalities breakdowns
    the council publishes ([equalities] publish), as in the draft annual report."""
    found = [table for build in BUILDERS for table in build(report)]
    if published:
        chosen = set(_configured(report).get("equalities_published", EQUALITY_TITLES))
        found = [t for t in found if t.family != "S16" or _publishes(t, chosen)]
    return found


def families_used(report: dict) -> list[str]:
    """The families this council's figures have: ADR only where it is offered, corporate
    complaints only where they are counted apart."""
    shape = _configured(report)
    unused = set()
    if not (shape.get("adr") or {}).get("offered", True):
        unused.add("S13")
    if not shape.get("non_statutory", True):
        unused.add("S17")
    return [code for code in FAMILIES if code not in unused]


def _publishes(table: Table, chosen: set[str]) -> bool:
    if not chosen:
        return False
    breakdown = table.name.removeprefix("equalities_")
    if breakdown == "ethnic_group" or breakdown == "rates":
        return "ethnicity" in chosen
    return breakdown in chosen or table.name == "equalities"


# Writing -----------------------------------------------------------------------------------------

def table_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    writer.writerows(table.rows)
    return out.getvalue()


def csv_text(report: dict) -> str:
    """Every table one after another: a "# " heading line, the CSV, a blank line."""
    return "".join(f"# {table.heading}\n{table_csv(table)}\n" for table in tables(report))


def write_csv_zip(report: dict, path: Path) -> None:
    """A .zip of one CSV file per table (UTF-8 with a byte order mark, for Excel)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in tables(report):
            archive.writestr(table.file_name, "\ufeff" + table_csv(table))


def sheet_title(family: str) -> str:
    # A sheet name is at most 31 characters and may not hold []:*?/\ .
    return f"{family} {FAMILIES[family]}"[:31]


def write_xlsx(report: dict, path: Path) -> None:
    """A workbook with a sheet per family; each table under its bold title, a row apart."""
    book = Workbook()
    book.remove(book.active)
    sheets = {family: book.create_sheet(sheet_title(family)) for family in families_used(report)}
    bold, italic = Font(bold=True), Font(italic=True)
    for table in tables(report):
        sheet = sheets[table.family]
        if sheet.max_row > 1:
            sheet.append([])
        sheet.append([table.title])
        sheet.cell(sheet.max_row, 1).font = bold
        if table.note:
            sheet.append([table.note])
            sheet.cell(sheet.max_row, 1).font = italic
        sheet.append(table.columns)
        for cell in sheet[sheet.max_row]:
            cell.font = bold
        for row in table.rows:
            sheet.append(row)
    book.properties.title = f"Complaints and compliments statistics {report['year']}"
    book.save(path)
