"""Save and come back later: a link by email, or a code to write down when email is not safe.

The question pages' "Save and come back later" button saves the page (if its answer is whole)
and comes here. Coming back works from the link, or by typing the code at /return.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import Blueprint, abort, redirect, render_template, request, session, url_for
from flask_babel import get_locale, gettext

from portal import notifications
from portal.abuse import limit_emailing, limit_guessing
from portal.extensions import db
from portal.flow import places, saving
from portal.forms.after import ReturnCodeForm, SaveByCodeForm, SaveByEmailForm
from portal.notifications.emails import public_link

bp = Blueprint("saving", __name__)
SAVED_KEY = "saved"
LONDON = ZoneInfo("Europe/London")


def _layout(journey: str) -> dict:
    return {"young": places.is_young(journey), "journey": journey}


@bp.route("/save/<journey>", methods=["GET", "POST"])
@limit_emailing
def save(journey: str):
    draft, elsewhere = places.draft_or_begin(journey)
    if elsewhere:
        return elsewhere
    how = request.form.get("how") if request.method == "POST" else None
    if how not in (None, "email", "code"):
        abort(400)
    email_form = SaveByEmailForm(
        formdata=request.form if how == "email" else None,
        data={"email": places.answered_email(draft.answers)},
    )
    code_form = SaveByCodeForm(formdata=request.form if how == "code" else None)
    if how == "email" and email_form.validate():
        secret = secrets.token_urlsafe(32)
        until = _day(saving.keep(draft, secret))
        link = public_link(url_for(".open_link", secret=secret))
        notifications.send_save_link(email_form.email.data, link, until, str(get_locale()),
                                     places.is_young(journey))
        db.session.commit()
        session[SAVED_KEY] = {"journey": journey, "how": "email", "to": email_form.email.data,
                              "until": until.isoformat()}
        return redirect(url_for(".saved", journey=journey))
    if how == "code" and code_form.validate():
        code = saving.new_code()
        until = _day(saving.keep(draft, code))
        db.session.commit()
        session[SAVED_KEY] = {"journey": journey, "how": "code", "code": saving.spaced(code),
                              "until": until.isoformat()}
        return redirect(url_for(".saved", journey=journey))
    return render_template(
        "saving/save.html", form=email_form, code_form=code_form, back=places.begin_url(journey),
        days=saving.save_days(), **_layout(journey),
    ), 400 if email_form.errors else 200


def _day(moment: datetime):
    return moment.astimezone(LONDON).date()


@bp.get("/save/<journey>/saved")
def saved(journey: str):
    done = session.get(SAVED_KEY)
    if places.journey(journey) is None:
        abort(404)
    if not done or done.get("journey") != journey:
        return redirect(url_for(".save", journey=journey))
    return render_template(
        "saving/saved.html", done=done, until=date.fromisoformat(done["until"]),
        carry_on=places.begin_url(journey), **_layout(journey),
    )


@bp.get("/return/<secret>")
def open_link(secret: str):
    """The emailed link. Opening it again is fine until it expires: it is not a one-time link,
    because a person may come back more than once before they send."""
    return _open(secret[:100], from_link=True)


@bp.route("/return", methods=["GET", "POST"])
@limit_guessing
def enter_code():
    form = ReturnCodeForm()
    young = request.args.get("young") == "1"
    if request.method == "POST" and form.validate():
        found = _open(saving.normalised_code(form.code.data), from_link=False)
        if found is not None:
            return found
        form.code.errors.append(gettext(
            "We could not find answers saved with that code. Check the code and try again."))
    return render_template("saving/return.html", form=form, young=young), 400 if form.errors else 200


def _open(secret: str, from_link: bool):
    """Open the draft `secret` belongs to; None for an unknown code (the form says so)."""
    draft, why = saving.find(secret)
    if why == "unknown" and not from_link:
        return None
    if why != "open":
        young = draft is not None and places.is_young(draft.journey)
        start = places.start_url(draft.journey) if draft is not None else url_for("public.start")
        return render_template("saving/gone.html", why=why, young=young, start=start), \
            404 if why == "unknown" else 410
    saving.reopen(draft)
    session["notice"] = "welcome_back"
    return redirect(places.begin_url(draft.journey))
