"""The young person's pages: a start page, two journeys, and a quick way out.

The journeys are `tell-us` (something wrong, something good, an idea) and `advocate` (ask an
advocate to get in touch instead of writing it all). Both keep answers on the server like the
adult form, post/redirect/get, and make one case however often "Send" is pressed.
"""

from __future__ import annotations

from flask import (
    Blueprint, abort, current_app, g, redirect, render_template, request, session, url_for,
)
from flask_babel import get_locale
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import BadRequest
from sqlalchemy import delete, select

from portal.abuse import honeypot_filled, limit_sending, refused_as_automatic
from portal.cases import create_from_draft
from portal.documents import store
from portal.equality.routes import offer
from portal.extensions import db
from portal.flow import drafts
from portal.forms.young import SendForm
from portal.models import Case, Draft
from portal.young import submission
from portal.young.pages import JOURNEYS, for_someone

bp = Blueprint("young", __name__, url_prefix="/young-people")
SENT_KEY = "young_sent"
EXPLAINED_KEY = "exit_explained"
FIELDS = {"tell-us": submission.case_fields, "advocate": submission.request_fields}


def journey_or_404(name: str):
    journey = JOURNEYS.get(name)
    if journey is None:
        abort(404)
    return journey


@bp.context_processor
def young_context():
    """Whether to explain "Exit this page": on the first young person's page of a visit."""
    first_time = not session.get(EXPLAINED_KEY)
    if first_time and request.method == "GET":
        session[EXPLAINED_KEY] = True
    return {"explain_exit": first_time or request.endpoint == "young.start"}


@bp.get("")
def start():
    return render_template("young/start.html")


@bp.get("/advocate")
def advocate():
    return render_template("young/advocate.html")


@bp.get("/exit")
def leave():
    """Exit this page: forget everything this browser was doing, then go somewhere ordinary.

    A plain link, so it works without JavaScript; the script sends the triple-Shift shortcut here
    too. Drafts are deleted, not just forgotten, so the story is gone from the server as well.
    """
    tokens = list((session.get(drafts.SESSION_KEY) or {}).values())
    files = []
    if tokens:
        unsent = list(db.session.scalars(select(Draft.id).where(Draft.token.in_(tokens), Draft.case_id.is_(None))))
        files = store.forget_drafts(unsent)
        db.session.execute(delete(Draft).where(Draft.id.in_(unsent)))
        db.session.commit()
    store.discard_names(files)
    session.clear()
    response = redirect(current_app.extensions["council"].safeguarding["exit_url"], code=303)
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    return response


@bp.get("/<flow>/start")
def begin(flow: str):
    journey = journey_or_404(flow)
    draft = drafts.load(journey.name)
    if draft is None:
        draft = drafts.start(journey.name)
        db.session.commit()
    missing = journey.first_missing(draft.answers)
    if g.get("draft_expired"):
        session["notice"] = "expired"
    return redirect(_question_url(flow, missing.slug) if missing else url_for(".check", flow=flow))


def _question_url(flow: str, slug: str, changing: bool = False) -> str:
    return url_for(".question", flow=flow, slug=slug, change="1" if changing else None)


@bp.route("/<flow>/<slug>", methods=["GET", "POST"])
def question(flow: str, slug: str):
    journey = journey_or_404(flow)
    page = journey.page(slug)
    if page is None:
        abort(404)
    draft = drafts.load(journey.name)
    if draft is None and request.method == "GET":
        return _restart(flow)
    answers = draft.answers if draft else {}
    if draft is not None and not journey.can_visit(slug, answers):
        missing = journey.first_missing(answers)
        return redirect(_question_url(flow, missing.slug) if missing else url_for(".check", flow=flow))
    changing = request.values.get("change") == "1"
    if request.method == "POST":
        form = page.form(answers)
        form.check_shape(request.form)
        leaving = request.form.get("save") == "1"  # "Save and come back later"
        if leaving and draft is not None and not form.validate():
            # Not a whole answer yet: keep what was typed, to show when they come back.
            drafts.save_unfinished(draft, slug, request.form)
            return redirect(url_for("saving.save", journey=journey.name))
        if form.validate():
            if draft is None:
                draft = drafts.start(journey.name)
                session["notice"] = "expired"
            drafts.save_page(draft, slug, form.answers())
            if leaving:
                return redirect(url_for("saving.save", journey=journey.name))
            following = journey.next_slug(slug, draft.answers, changing)
            if following is None:
                return redirect(url_for(".check", flow=flow))
            return redirect(_question_url(flow, following, changing))
    else:
        typed = drafts.unfinished(draft, slug)
        form = page.form(answers, formdata=typed, data=answers.get(slug, {}))
    return _render_question(flow, page, form, answers, changing)


def _render_question(flow, page, form, answers, changing, status=200, notice=None):
    journey = JOURNEYS[flow]
    previous = journey.previous_slug(page.slug, answers)
    if changing:
        back = url_for(".check", flow=flow)
    elif previous:
        back = _question_url(flow, previous)
    else:
        back = url_for(".advocate" if flow == "advocate" else ".start")
    return render_template(
        page.template, form=form, page=page, answers=answers, back=back, changing=changing,
        notice=notice or session.pop("notice", None), flow=flow, for_someone=for_someone(answers),
    ), status


def _restart(flow: str):
    if g.get("draft_expired"):
        session["notice"] = "expired"
    return redirect(url_for(".begin", flow=flow))


@bp.route("/<flow>/check", methods=["GET", "POST"])
@limit_sending
def check(flow: str):
    journey = journey_or_404(flow)
    draft = drafts.load(journey.name)
    if draft is None:
        if request.method == "POST" and (session.get(SENT_KEY) or {}).get(flow):
            # A second press of "Send": where the first went.
            if flow == "tell-us":
                return redirect(url_for("equality.intro", origin="young"))
            return redirect(url_for(".sent", flow=flow))
        return _restart(flow)
    missing = journey.first_missing(draft.answers)
    if missing is not None:
        return redirect(_question_url(flow, missing.slug))
    form = SendForm()
    if request.method == "POST" and honeypot_filled():
        return refused_as_automatic(url_for(".check", flow=flow))
    if request.method == "POST" and form.validate():
        return _send(flow, draft)
    path = journey.path(draft.answers)
    sections = [{"slug": p.slug, "rows": p.rows(draft.answers[p.slug], draft.answers)} for p in path]
    return render_template(
        "young/check.html", form=form, sections=sections, answers=draft.answers, flow=flow,
        back=_question_url(flow, path[-1].slug), notice=session.pop("notice", None),
        journey=journey.name, files=store.listed(draft_id=draft.id),
    )


def _send(flow: str, draft: Draft):
    council = current_app.extensions["council"]
    journey = JOURNEYS[flow]
    answers = journey.relevant(draft.answers)
    fields = FIELDS[flow](answers, str(get_locale()), council)
    case = create_from_draft(draft.id, council.reference_prefix, fields, submission.on_case_created)
    drafts.forget(journey.name)
    session[SENT_KEY] = {**(session.get(SENT_KEY) or {}), flow: case.reference}
    if case.kind == "complaint":
        return redirect(url_for("equality.intro", origin="young"))
    return redirect(url_for(".sent", flow=flow))


@bp.get("/<flow>/sent")
def sent(flow: str):
    journey_or_404(flow)
    reference = (session.get(SENT_KEY) or {}).get(flow)
    case = db.session.scalar(select(Case).where(Case.reference == reference)) if reference else None
    if case is None:
        return render_template("young/sent_unknown.html", flow=flow)
    return render_template("young/sent.html", case=case, expect=submission.expectations(case),
                           flow=flow, equality=offer("young", case) if flow == "tell-us" else None)


@bp.errorhandler(CSRFError)
def session_ended(error):
    """The session ended while a page was open: show it again with what was typed."""
    args = request.view_args or {}
    journey = JOURNEYS.get(args.get("flow", ""))
    page = journey.page(args.get("slug", "")) if journey and request.endpoint == "young.question" else None
    draft = drafts.load(journey.name) if journey else None
    answers = draft.answers if draft else {}
    if page is None or not page.applies(answers):
        # A page shaped by earlier answers (how to reach you, say) cannot be shown without them.
        return render_template("errors/session_ended.html"), 400
    try:
        form = page.form(answers, formdata=request.form, meta={"csrf": True})
        form.check_shape(request.form)
    except BadRequest:  # not posted by our page either: the plain refusal
        return render_template("errors/400.html"), 400
    return _render_question(args["flow"], page, form, answers, False, status=400, notice="expired")


def short_address():
    """/yp: the address to say out loud or write on a poster."""
    return redirect(url_for("young.start"), code=301)
