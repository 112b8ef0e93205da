"""Track my complaint: ask with the reference and email address, open the emailed link once,
then follow the case, send more information or files, or withdraw a complaint.

Every reply is recorded on the case's timeline and marks it "new information" in the queue.
"""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, current_app, redirect, render_template, request, session, url_for
from flask_babel import gettext

from portal import casework, notifications
from portal.abuse import limit_guessing
from portal.documents.routes import chosen, take_all
from portal.documents import store
from portal.extensions import db
from portal.forms.after import OpenLinkForm, ReplyForm, TrackForm, WithdrawForm
from portal.models import Case
from portal.notifications.emails import in_young_words, public_link
from portal.tracking import links, view

bp = Blueprint("tracking", __name__, url_prefix="/track")
NOTICE_KEY = "tracking_notice"


def council():
    return current_app.extensions["council"]


@bp.route("", methods=["GET", "POST"])
@limit_guessing
def ask():
    form = TrackForm()
    young = request.args.get("young") == "1"
    if request.method == "POST" and form.validate():
        case = links.matching_case(form.reference.data, form.email.data)
        if case is not None:
            secret = links.new_link(case)
            notifications.send_tracking_link(case, public_link(url_for(".open_link", secret=secret)),
                                             links.minutes())
            db.session.commit()
        # The same answer whether or not anything matched: a guess learns nothing.
        return redirect(url_for(".asked", young="1" if young else None))
    return render_template("tracking/ask.html", form=form, young=young), 400 if form.errors else 200


@bp.get("/asked")
def asked():
    return render_template("tracking/asked.html", young=request.args.get("young") == "1",
                           minutes=links.minutes())


@bp.route("/open/<secret>", methods=["GET", "POST"])
def open_link(secret: str):
    """Opened from the email. A button spends the link, so a mail scanner's visit does not."""
    link = links.usable(secret[:100])
    if link is None:
        return render_template("tracking/gone.html", young=False), 410
    form = OpenLinkForm()
    if request.method == "POST" and form.validate():
        links.spend(link)
        return redirect(url_for(".case"))
    case = db.session.get(Case, link.case_id)
    return render_template("tracking/open.html", form=form, secret=secret, young=in_young_words(case))


def _granted() -> Case:
    case = links.granted_case()
    if case is None:
        abort(_ended())
    return case


def _ended():
    return current_app.make_response((render_template("tracking/ended.html", young=False), 403))


@bp.get("/case")
def case():
    found = links.granted_case()
    if found is None:
        return _ended()
    shows = council().tracking_shows
    return render_template(
        "tracking/case.html", case=found, young=in_young_words(found), shows=shows,
        where=view.where(found), steps=view.steps(found) if "dates" in shows else [],
        messages=view.messages(found) if "messages" in shows else [],
        files=view.documents(found) if "documents" in shows else [],
        sent=view.sent_by_them(found), asked_to_withdraw=view.withdrawal_asked(found),
        may_reply=_may_reply(found), may_withdraw=_may_withdraw(found),
        notice=session.pop(NOTICE_KEY, None), today=date.today(),
    )


def _open(case: Case) -> bool:
    return not (case.closed_on or case.withdrawn_on)


def _may_reply(case: Case) -> bool:
    return council().tracking_replies and _open(case)


def _may_withdraw(case: Case) -> bool:
    return (council().tracking_withdraw and case.kind == "complaint" and _open(case)
            and not view.withdrawal_asked(case))


@bp.route("/case/add", methods=["GET", "POST"])
def add():
    found = _granted()
    if not _may_reply(found):
        return redirect(url_for(".case"))
    form = ReplyForm()
    if request.method == "POST" and form.validate():
        text = (form.text.data or "").strip()
        if not text and not chosen(form):
            form.text.errors = [gettext("Write your message or choose a file")]
        else:
            before = {d.id for d in store.listed(case_id=found.id)}
            form.files.errors = take_all(form, "tracking", case_id=found.id)
            db.session.flush()
            added = [d.filename for d in store.listed(case_id=found.id) if d.id not in before]
            if text or added:
                casework.record(found, "person_added", date.today(), None, text=text, files=added)
                found.new_information = True
            db.session.commit()
            if not form.files.errors:
                session[NOTICE_KEY] = "added"
                return redirect(url_for(".case"))
    status = 400 if form.errors or form.files.errors or form.text.errors else 200
    return render_template("tracking/add.html", form=form, case=found, young=in_young_words(found),
                           max_mb=store.max_bytes() // store.MB, max_count=store.max_count()), status


@bp.route("/case/withdraw", methods=["GET", "POST"])
def withdraw():
    found = _granted()
    if not _may_withdraw(found):
        return redirect(url_for(".case"))
    form = WithdrawForm()
    if request.method == "POST" and form.validate():
        casework.record(found, "withdrawal_asked", date.today(), None, reason=(form.reason.data or "").strip())
        found.new_information = True
        db.session.commit()
        session[NOTICE_KEY] = "withdrawal"
        return redirect(url_for(".case"))
    return render_template("tracking/withdraw.html", form=form, case=found, young=in_young_words(found)), \
        400 if form.errors else 200


@bp.post("/case/leave")
def leave():
    """Finish: this browser can no longer see the case (a shared computer)."""
    if not OpenLinkForm().validate():
        abort(400)
    links.end()
    return redirect(url_for("public.start"))
