"""The statistics pages: every family for a reporting year as tables with charts beside them,
the downloads (CSV, spreadsheet, JSON), and a draft of the annual report."""

from __future__ import annotations

import json
import re
import tempfile
from datetime import date
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, select

from portal.audit import audit
from portal.domain import statistics as stats
from portal.extensions import db
from portal.models import Case
from portal.staff.permissions import requires
from portal.statistics.charts import bar_chart
from portal.statistics.formats import FAMILIES, Table, families_used, table_csv, tables, write_xlsx
from portal.statistics.queries import NO_BOROUGH
from portal.statistics.report import build_report

bp = Blueprint("statistics", __name__, url_prefix="/staff/statistics")
VIEWERS = ("admin", "manager", "statistics")
EQUALITIES_VIEWERS = ("statistics",)


@bp.app_template_filter("plain")
def plain(label) -> str:
    """A code as people read it: "stage1_received" becomes "Stage 1 received". Downloads keep
    the codes, which are what a spreadsheet or another system matches on."""
    if not isinstance(label, str) or " " in label or not label:
        return "" if label is None else str(label)
    own = current_app.extensions["council"].outcome_labels
    if label in own:  # the council's word for an outcome ("Upheld in part")
        return own[label]
    words = re.sub(r"stage(\d)", r"stage \1", label).replace("_", " ").replace(" percent", " (%)")
    return words[0].upper() + words[1:]


def current_year(today: date | None = None) -> str:
    today = today or date.today()
    start = today.year if today.month >= 4 else today.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def years_held() -> list[str]:
    """Every reporting year from the earliest case to this one, newest first."""
    earliest = db.session.scalar(select(func.min(Case.received_on))) or date.today()
    first = int(current_year(earliest)[:4])
    last = int(current_year()[:4])
    return [f"{y}-{(y + 1) % 100:02d}" for y in range(last, first - 1, -1)]


def sees_equalities() -> bool:
    """Equalities figures are special category data (EQUALITIES.md): statistics viewers only."""
    return current_user.role in EQUALITIES_VIEWERS


def chosen_borough() -> str | None:
    """The borough asked for (?borough=<slug>, or not_recorded), None for all; any other
    value is not found."""
    wanted = request.args.get("borough") or None
    council = current_app.extensions["council"]
    if wanted is not None and council.borough(wanted) is None and not (council.boroughs and wanted == NO_BOROUGH):
        abort(404)
    return wanted


def scope_args() -> dict[str, str]:
    chosen = chosen_borough()
    return {"borough": chosen} if chosen else {}


@bp.context_processor
def scope() -> dict:
    # Never aborts: the not-found page for a wrong borough is rendered with this too.
    wanted = request.args.get("borough") or ""
    council = current_app.extensions["council"]
    known = council.borough(wanted) or (council.boroughs and wanted == NO_BOROUGH)
    return {"scope": {"borough": wanted} if known else {}}


def report_for(year: str) -> dict:
    """The year's report as the signed-in viewer may see it: built for each request, never
    kept, so one viewer's S16 never reaches another."""
    try:
        stats.parse_year(year)
    except ValueError:
        abort(404)
    return build_report(year, with_equalities=sees_equalities(), borough=chosen_borough())


def context_figures(year: str) -> list:
    from portal.statistics.context import figures, groups, measures

    found = figures(year)
    return [(m, groups(m), found.get(m.slug, {})) for m in measures()]


CHART_BARS = 25
PREFERRED = ("received", "count", "value", "complaints", "issues", "total", "number")


def chart_for(table: Table):
    """A bar chart of the table's main column of figures (received, or the first count), with
    percentages left out: a count and a percentage on one scale would mislead."""
    if not table.rows or len(table.columns) < 2:
        return None
    numeric = [c for c in range(1, len(table.columns))
               if any(isinstance(row[c], (int, float)) and not isinstance(row[c], bool) for row in table.rows)]
    if not numeric:
        return None
    column = next((c for name in PREFERRED for c in numeric if table.columns[c] == name), numeric[0])
    # A total drawn beside its parts would dwarf them; it is in the table.
    items = [(plain(row[0]), row[column]) for row in table.rows
             if row[column] is not None and "percent" not in str(row[0])
             and str(row[0]).lower() != "total"][:CHART_BARS]
    return bar_chart(f"{table.title}: {plain(table.columns[column])}", items)


@bp.get("/")
@requires(*VIEWERS)
def index():
    chosen = request.args.get("year") or current_year()
    return redirect(url_for("statistics.year", year=chosen))


@bp.get("/<year>")
@requires(*VIEWERS)
def year(year: str):
    report = report_for(year)
    found = tables(report)
    families = [(code, title, [t for t in found if t.family == code])
                for code, title in FAMILIES.items() if code in families_used(report)]
    audit("view", f"statistics:{year}")
    db.session.commit()
    return render_template(
        "statistics/year.html", title=f"Statistics {year}", year=year, report=report,
        families=families, years=years_held(), chart_for=chart_for,
    )


@bp.get("/<year>.json")
@requires(*VIEWERS)
def as_json(year: str):
    report = report_for(year)
    return _download(json.dumps(report, indent=2, ensure_ascii=False), "application/json",
                     f"statistics-{year}.json", year)


@bp.get("/<year>/<name>.csv")
@requires(*VIEWERS)
def as_csv(year: str, name: str):
    table = next((t for t in tables(report_for(year)) if t.file_name == f"{name}.csv"), None)
    if table is None:
        abort(404)
    return _download(table_csv(table), "text/csv", f"statistics-{year}-{table.file_name}", year)


@bp.get("/<year>.xlsx")
@requires(*VIEWERS)
def as_xlsx(year: str):
    report = report_for(year)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "statistics.xlsx"
        write_xlsx(report, path)
        body = path.read_bytes()
    return _download(body, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     f"statistics-{year}.xlsx", year)


@bp.get("/<year>/report")
@requires(*VIEWERS)
def draft_report(year: str):
    report = report_for(year)
    return render_template("statistics/report.html", title=f"Annual report {year} (draft)",
                           year=year, report=report, tables=tables(report, published=True),
                           chart_for=chart_for, document=False, figures=context_figures(year),
                           back=url_for("statistics.year", year=year, **scope_args()))


@bp.get("/<year>/report.html")
@requires(*VIEWERS)
def draft_document(year: str):
    report = report_for(year)
    body = render_template("statistics/report.html", title=f"Annual report {year} (draft)",
                           year=year, report=report, tables=tables(report, published=True),
                           chart_for=chart_for, document=True, figures=context_figures(year))
    return _download(body, "text/html", f"annual-report-{year}-draft.html", year)


def _download(body, mimetype: str, filename: str, year: str) -> Response:
    if chosen_borough():
        stem, dot, extension = filename.rpartition(".")
        filename = f"{stem}-{chosen_borough()}{dot}{extension}"
    audit("export", f"statistics:{year}", file=filename)
    db.session.commit()
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    # What a download holds depends on who asked (S16): no cache may hand it to anyone else.
    response.headers["Cache-Control"] = "no-store"
    return response


from portal.statistics import context  # noqa: E402,F401  (its routes register on bp)
