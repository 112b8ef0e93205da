"""Cases that reached the team by phone, letter, email or in person, typed in by staff.
They are routed and clocked like online ones, from the day they were received."""

from __future__ import annotations

import secrets
from datetime import date

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from portal import casework
from portal.audit import audit
from portal.cases import create_entered
from portal.domain.routing import ComplaintFacts, route
from portal.forms.staff import RECORD_KINDS, NewCaseForm
from portal.public.submission import decision_record
from portal.staff import bp
from portal.staff.permissions import TRIAGE, requires

IN_CARE = {"yes": True, "no": False}


def areas() -> list[tuple[str, str]]:
    return [(a.slug, a.name) for a in current_app.extensions["council"].service_areas]


def new_case_form() -> NewCaseForm:
    council = current_app.extensions["council"]
    return NewCaseForm(areas=areas(), records=council.records.kinds(),
                       boroughs=[(b.slug, b.name) for b in council.boroughs])


@bp.route("/cases/new", methods=["GET", "POST"])
@requires(*TRIAGE)
def new_case():
    form = new_case_form()
    if request.method == "POST":
        form.check_shape(request.form)
        if form.validate():
            case = _create(form, request.form.get("form_key", "")[:64] or None)
            flash(f"Case {case.reference} made.")
            return redirect(url_for("staff.case", reference=case.reference))
    return render_template("staff/new_case.html", form=form, title="Enter a case",
                           form_key=secrets.token_urlsafe(24), back=url_for("staff.queue"))


def _create(form: NewCaseForm, key: str | None):
    council = current_app.extensions["council"]
    received_on = form.received_on.as_date() or date.today()
    area = council.service_area(form.service_area.data)
    role = form.role.data
    facts = ComplaintFacts(
        # A representation or an enquiry is routed as the complaint it may become: the case
        # page then shows which procedure would apply if it does.
        kind="complaint" if form.kind.data in RECORD_KINDS else form.kind.data, role=role,
        about_function=area.function if area else "unknown",
        proceedings=frozenset(p for p in form.proceedings.data or [] if p in ("court", "criminal", "tribunal")),
        acting_for_child=role != "young_person",
        child_looked_after=IN_CARE.get(form.in_care.data),
    )
    decision = route(facts, date.today())
    procedure = decision.procedure.value
    if form.kind.data != "complaint" and procedure == "not_a_complaint" or form.kind.data in RECORD_KINDS:
        # A representation or an enquiry is not under a procedure unless it becomes a complaint.
        procedure = None
    fields = {
        "kind": form.kind.data, "procedure": procedure,
        "stage": 1 if form.kind.data == "complaint" else None, "status": "new",
        "received_via": form.received_via.data, "language": form.language.data or "en",
        "interpreter": (form.interpreter.data or "").strip() or None,
        "complainant_role": role, "made_by_young_person": role == "young_person",
        "advocate_involved": bool(form.advocate_involved.data) or role == "advocate",
        "child_looked_after": IN_CARE.get(form.in_care.data),
        "service_area": area.name if area else None, "team": (form.team.data or "").strip() or None,
        "borough": form.borough.data if council.borough(form.borough.data) else None,
        "joint_nhs": bool(form.joint_nhs.data) and form.kind.data == "complaint" and council.records.joint_nhs,
        "contact_name": (form.contact_name.data or "").strip() or None,
        "contact_email": (form.contact_email.data or "").strip() or None,
        "contact_phone": (form.contact_phone.data or "").strip() or None,
        "summary": form.summary.data.strip(),
        "answers": {"entered": {"summary": form.summary.data.strip(), "entered_by": current_user.name}},
        "routing": decision_record(decision, date.today()),
        "submission_key": key,
    }

    def on_created(case):
        casework.record(case, "entered", date.today(), current_user.id, received_via=case.received_via)
        casework.refresh_clock(case)
        audit("change", f"case:{case.reference}", what="enter")

    return create_entered(council.reference_prefix, received_on, fields, on_created)
