"""Context figures: staff enter, for a year, the figures the council's report sets complaints
beside (Medway 14.3, Harrow, Central Bedfordshire): children supported, in all and by ethnic
group or sex, referrals, looked-after children... as the council configures ([context])."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from sqlalchemy import select

from portal.audit import audit
from portal.council import Measure
from portal.extensions import db
from portal.models import ContextFigure
from portal.models.context import BREAKDOWNS
from portal.staff.permissions import requires
from portal.statistics.queries import context_figures
from portal.statistics.routes import VIEWERS, bp, report_for


def measures() -> tuple[Measure, ...]:
    return current_app.extensions["council"].context_measures


def groups(measure: Measure) -> dict[str, str]:
    """The figures of a measure: "all", then each group of each of its breakdowns."""
    found = {"all": f"{measure.name}: all"}
    for breakdown in measure.by:
        found.update(BREAKDOWNS[breakdown])
    return found


def field(measure: Measure, code: str) -> str:
    return f"{measure.slug}-{code}"


def figures(year: str) -> dict[str, dict[str, int]]:
    return context_figures(year)


def _read(form) -> tuple[dict[str, dict[str, int | None]], dict[str, str]]:
    values: dict[str, dict[str, int | None]] = {}
    errors: dict[str, str] = {}
    for measure in measures():
        values[measure.slug] = {}
        for code, label in groups(measure).items():
            name = field(measure, code)
            text = (form.get(name) or "").replace(",", "").strip()
            if not text:
                values[measure.slug][code] = None
            elif text.isdigit() and len(text) <= 9:
                values[measure.slug][code] = int(text)
            else:
                shown = label if code == "all" else f"{measure.name.lower()}, {label.lower()}"
                errors[name] = f"Enter {shown} as a whole number, like 557"
        _check_sums(measure, values[measure.slug], errors)
    return values, errors


def _check_sums(measure: Measure, values: dict[str, int | None], errors: dict[str, str]) -> None:
    whole = values.get("all")
    for breakdown in measure.by:
        parts = [values.get(code) for code in BREAKDOWNS[breakdown]]
        if whole is not None and sum(v for v in parts if v is not None) > whole:
            errors.setdefault(field(measure, "all"),
                              f"{measure.name}: the groups by {breakdown} add up to more than all: "
                              "check the figures")


@bp.route("/<year>/context", methods=["GET", "POST"])
@requires(*VIEWERS)
def context(year: str):
    report_for(year)  # a year that is not one is not found
    errors: dict[str, str] = {}
    entered = {field(m, code): str(v) for m in measures()
               for code, v in figures(year).get(m.slug, {}).items()}
    if request.method == "POST":
        if request.form and _may_edit():
            values, errors = _read(request.form)
            entered = {field(m, code): request.form.get(field(m, code), "")
                       for m in measures() for code in groups(m)}
            if not errors:
                _save(year, values)
                flash(f"Figures for {year} saved.")
                return redirect(url_for("statistics.context", year=year))
        else:
            return redirect(url_for("statistics.context", year=year))
    return render_template("statistics/context.html", title=f"Figures for {year}", year=year,
                           measures=[(m, groups(m)) for m in measures()], field=field,
                           entered=entered, errors=errors, may_edit=_may_edit(),
                           back=url_for("statistics.year", year=year))


def _may_edit() -> bool:
    from flask_login import current_user

    return current_user.role in ("admin", "manager")


def _save(year: str, values: dict[str, dict[str, int | None]]) -> None:
    for measure, counts in values.items():
        existing = {row.group_code: row for row in db.session.scalars(select(ContextFigure).where(
            ContextFigure.year == year, ContextFigure.measure == measure))}
        for code, count in counts.items():
            row = existing.get(code)
            if count is None and row is not None:
                db.session.delete(row)
            elif count is not None and row is None:
                db.session.add(ContextFigure(year=year, measure=measure, group_code=code, count=count))
            elif count is not None:
                row.count = count
    audit("change", f"statistics:{year}", what="context_figures")
    db.session.commit()
