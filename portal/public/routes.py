"""The public pages and the adult journey: parse, save, redirect (post/redirect/get)."""

from __future__ import annotations

from flask import (
    Blueprint, Response, abort, current_app, g, redirect, render_template, request, session,
    url_for,
)
from flask_babel import get_locale
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import BadRequest

from portal.abuse import honeypot_filled, limit_sending, refused_as_automatic
from portal.cases import create_from_draft
from portal.documents import store
from portal.equality.routes import offer
from portal.extensions import db
from portal.flow import drafts
from portal.models import Case
from portal.public.pages import ADULT
from portal.public.submission import case_fields, expectations, on_case_created
from portal.forms.public import SendForm

bp = Blueprint("public", __name__)
JOURNEY = ADULT
SENT_KEY = "sent"


@bp.get("/")
def start():
    return render_template("public/start.html")


@bp.get("/accessibility")
def accessibility():
    return render_template("public/accessibility.html")


@bp.get("/privacy")
def privacy():
    return render_template("public/privacy.html")


@bp.get("/cookies")
def cookies():
    return render_template("public/cookies.html")


@bp.get("/brand.css")
def brand_css():
    council = current_app.extensions["council"]
    css = f":root{{--portal-brand:{council.colour};--portal-brand-text:#ffffff}}\n"
    response = Response(css, mimetype="text/css")
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


@bp.get("/tell-us/start")
def begin():
    """Start now: carry on from where the person was, or begin a new draft."""
    draft = drafts.load(JOURNEY.name)
    if draft is None:
        draft = drafts.start(JOURNEY.name)
        db.session.commit()
    missing = JOURNEY.first_missing(draft.answers)
    if g.get("draft_expired"):
        session["notice"] = "expired"
    return redirect(url_for(".question", slug=missing.slug) if missing else url_for(".check"))


@bp.route("/tell-us/<slug>", methods=["GET", "POST"])
def question(slug: str):
    page = JOURNEY.page(slug)
    if page is None:
        abort(404)
    draft = drafts.load(JOURNEY.name)
    if draft is None and request.method == "GET":
        return _restart()
    answers = draft.answers if draft else {}
    if draft is not None and not JOURNEY.can_visit(slug, answers):
        missing = JOURNEY.first_missing(answers)
        return redirect(url_for(".question", slug=missing.slug) if missing else url_for(".check"))
    changing = request.values.get("change") == "1"
    if request.method == "POST":
        form = page.form(answers)
        form.check_shape(request.form)
        leaving = request.form.get("save") == "1"  # "Save and come back later"
        if leaving and draft is not None and not form.validate():
            # Not a whole answer yet: keep what was typed, to show when they come back.
            drafts.save_unfinished(draft, slug, request.form)
            return redirect(url_for("saving.save", journey=JOURNEY.name))
        if form.validate():
            if draft is None:
                # The draft expired while this page was open: keep this page's answer at least.
                draft = drafts.start(JOURNEY.name)
                session["notice"] = "expired"
            drafts.save_page(draft, slug, form.answers())
            if leaving:
                return redirect(url_for("saving.save", journey=JOURNEY.name))
            following = JOURNEY.next_slug(slug, draft.answers, changing)
            if following is None:
                return redirect(url_for(".check"))
            return redirect(url_for(".question", slug=following, change="1" if changing else None))
    else:
        typed = drafts.unfinished(draft, slug)
        form = page.form(answers, formdata=typed, data=answers.get(slug, {}))
    return _render_question(page, form, answers, changing)


def _render_question(page, form, answers, changing, status=200, notice=None):
    previous = JOURNEY.previous_slug(page.slug, answers)
    back = url_for(".check") if changing else (
        url_for(".question", slug=previous) if previous else url_for(".start")
    )
    notice = notice or session.pop("notice", None)
    return render_template(
        page.template, form=form, page=page, answers=answers, back=back, changing=changing,
        notice=notice,
    ), status


def _restart():
    """No draft (never started, expired, or already sent): say so, rather than fail."""
    if g.get("draft_expired"):
        session["notice"] = "expired"
    return redirect(url_for(".begin"))


@bp.route("/tell-us/check", methods=["GET", "POST"])
@limit_sending
def check():
    draft = drafts.load(JOURNEY.name)
    if draft is None:
        if request.method == "POST" and session.get(SENT_KEY):
            # A second press of "Send" after the first one went through: where the first went.
            return redirect(url_for("equality.intro", origin="adult"))
        return _restart()
    missing = JOURNEY.first_missing(draft.answers)
    if missing is not None:
        return redirect(url_for(".question", slug=missing.slug))
    form = SendForm()
    if request.method == "POST" and honeypot_filled():
        return refused_as_automatic(url_for(".check"))
    if request.method == "POST" and form.validate():
        return _send(draft)
    sections = [
        {"slug": page.slug, "rows": page.rows(draft.answers[page.slug], draft.answers)}
        for page in JOURNEY.path(draft.answers)
    ]
    return render_template(
        "public/check.html", form=form, sections=sections, answers=draft.answers,
        back=url_for(".question", slug=JOURNEY.path(draft.answers)[-1].slug),
        notice=session.pop("notice", None), journey=JOURNEY.name, files=store.listed(draft_id=draft.id),
    )


def _send(draft):
    council = current_app.extensions["council"]
    answers = JOURNEY.relevant(draft.answers)
    fields = case_fields(answers, str(get_locale()), council)
    case = create_from_draft(draft.id, council.reference_prefix, fields, on_case_created)
    drafts.forget(JOURNEY.name)
    session[SENT_KEY] = case.reference
    if case.kind == "complaint":
        # Saved and numbered: now offer the optional equality questions (GOV.UK pattern).
        return redirect(url_for("equality.intro", origin="adult"))
    return redirect(url_for(".sent"))


def _sent_case() -> Case | None:
    """The case this browser has just sent, if any."""
    reference = session.get(SENT_KEY)
    return db.session.query(Case).filter_by(reference=reference).one_or_none() if reference else None


@bp.get("/tell-us/sent")
def sent():
    case = _sent_case()
    if case is None:
        # Opened from a bookmark or another browser: nothing to show, and nothing to leak.
        return render_template("public/sent_unknown.html")
    return render_template("public/sent.html", case=case, expect=expectations(case),
                           equality=offer("adult", case))


@bp.get("/tell-us/sent/copy")
def sent_copy():
    case = _sent_case()
    if case is None:
        return render_template("public/sent_unknown.html")
    sections = [
        {"slug": page.slug, "rows": page.rows(case.answers[page.slug], case.answers)}
        for page in JOURNEY.path(case.answers) if page.slug in case.answers
    ]
    return render_template("public/copy.html", case=case, sections=sections)


@bp.errorhandler(CSRFError)
def session_ended(error):
    """The form's session ended (cookie gone or expired). Show the page again with what was
    typed, so nothing on it is lost, and explain; nothing is saved until they press Continue."""
    slug = (request.view_args or {}).get("slug")
    page = JOURNEY.page(slug) if request.endpoint == "public.question" else None
    draft = drafts.load(JOURNEY.name)
    answers = draft.answers if draft else {}
    if page is None or not page.applies(answers):
        # A page shaped by earlier answers (how to reach you, say) cannot be shown without them.
        return render_template("errors/session_ended.html"), 400
    try:
        form = page.form(answers, formdata=request.form, meta={"csrf": True})
        form.check_shape(request.form)
    except BadRequest:  # not posted by our page either: the plain refusal
        return render_template("errors/400.html"), 400
    return _render_question(page, form, answers, False, status=400, notice="expired")
