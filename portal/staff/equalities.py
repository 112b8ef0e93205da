"""Equalities answers that reached the team on paper, by email or by phone, typed in by staff.

Write-only: the page takes answers for a reference and stores them apart from the case
(portal.equality.store); it never shows what is held, or whether anything is.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from sqlalchemy import select

from portal.audit import audit
from portal.domain import equalities as eq
from portal.equality import store
from portal.extensions import db
from portal.forms.staff import EqualitiesEntryForm
from portal.models import Case
from portal.staff import bp
from portal.staff.permissions import TRIAGE, requires


@bp.route("/equalities", methods=["GET", "POST"])
@requires(*TRIAGE)
def equalities_entry():
    form = EqualitiesEntryForm()
    if request.method == "POST":
        form.check_shape(request.form)
        if form.validate() and _complaint(form):
            reference = form.reference.data.strip()
            for subject in eq.SUBJECTS:
                values = form.values(subject)
                if any(code != eq.NOT_RECORDED for code in values.values()):
                    store.save(reference, subject, values, "staff")
            audit("change", "equalities", what="entered")
            db.session.commit()
            flash(f"Equalities answers for {reference} saved, apart from the case.")
            return redirect(url_for("staff.equalities_entry"))
    return render_template("staff/equalities.html", form=form, title="Record equalities answers",
                           back=url_for("staff.queue"))


def _complaint(form: EqualitiesEntryForm) -> bool:
    reference = form.reference.data.strip()
    case = db.session.scalar(select(Case).where(Case.reference == reference))
    if case is None or case.kind != "complaint":
        form.reference.errors.append(f"There is no complaint with the reference {reference}")
        return False
    return True
