"""Context figures: staff enter, for a year, how many children the services worked with, in
all and by ethnic group, so the report can set complaints beside them (Medway 14.3)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from sqlalchemy import select

from portal.audit import audit
from portal.extensions import db
from portal.models import ContextFigure
from portal.models.context import GROUPS
from portal.staff.permissions import requires
from portal.statistics.queries import CHILDREN_SUPPORTED, children_supported
from portal.statistics.routes import VIEWERS, bp, report_for

MEASURE = CHILDREN_SUPPORTED


def figures(year: str) -> dict[str, int]:
    return children_supported(year)


def _read(form) -> tuple[dict[str, int | None], dict[str, str]]:
    values, errors = {}, {}
    for code, label in GROUPS.items():
        text = (form.get(code) or "").replace(",", "").strip()
        if not text:
            values[code] = None
        elif text.isdigit() and len(text) <= 9:
            values[code] = int(text)
        else:
            errors[code] = f"Enter the number of children for {label.lower()} as a whole number, like 557"
    groups = [v for code, v in values.items() if code != "all" and v is not None]
    if not errors and values["all"] is not None and sum(groups) > values["all"]:
        errors["all"] = "The groups add up to more than all children supported: check the figures"
    return values, errors


@bp.route("/<year>/context", methods=["GET", "POST"])
@requires(*VIEWERS)
def context(year: str):
    report_for(year)  # a year that is not one is not found
    errors: dict[str, str] = {}
    entered = {code: str(v) for code, v in figures(year).items()}
    if request.method == "POST":
        if request.form and _may_edit():
            values, errors = _read(request.form)
            entered = {code: request.form.get(code, "") for code in GROUPS}
            if not errors:
                _save(year, values)
                flash(f"Children supported in {year} saved.")
                return redirect(url_for("statistics.context", year=year))
        else:
            return redirect(url_for("statistics.context", year=year))
    return render_template("statistics/context.html", title=f"Children supported {year}", year=year,
                           groups=GROUPS, entered=entered, errors=errors, may_edit=_may_edit(),
                           back=url_for("statistics.year", year=year))


def _may_edit() -> bool:
    from flask_login import current_user

    return current_user.role in ("admin", "manager")


def _save(year: str, values: dict[str, int | None]) -> None:
    existing = {row.group_code: row for row in db.session.scalars(select(ContextFigure).where(
        ContextFigure.year == year, ContextFigure.measure == MEASURE))}
    for code, count in values.items():
        row = existing.get(code)
        if count is None and row is not None:
            db.session.delete(row)
        elif count is not None and row is None:
            db.session.add(ContextFigure(year=year, measure=MEASURE, group_code=code, count=count))
        elif count is not None:
            row.count = count
    audit("change", f"statistics:{year}", what="context_figures")
    db.session.commit()
