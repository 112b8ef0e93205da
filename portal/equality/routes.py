"""The equality questions, between "Send" and the confirmation (the GOV.UK equality pattern).

The case is already saved and its reference shown: these pages can only add answers, kept apart
from it (portal.equality.store). They belong to the browser that sent the case, found through
its session, and may be changed until the person leaves. Answers between pages live in a draft
like the forms' own, and each page's answer is written to the store as soon as it is given, so
stopping halfway loses nothing that was given.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, abort, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from portal.domain import equalities as eq
from portal.equality import store
from portal.equality.pages import CHRISTIAN_HINT, TEXT_LABELS, Setting, setting_for, wording
from portal.extensions import db
from portal.flow import drafts
from portal.forms.equalities import AnswerForm, YoungAnswerForm
from portal.models import Case

bp = Blueprint("equality", __name__, url_prefix="/equality")
FOR_KEY = "_for"  # which case a draft's answers are about
DONE_KEY = "_done"


@dataclass(frozen=True)
class Origin:
    name: str
    layout: str
    source: str

    def reference(self) -> str | None:
        if self.name == "young":
            return (session.get("young_sent") or {}).get("tell-us")
        return session.get("sent")

    def sent_url(self) -> str:
        if self.name == "young":
            return url_for("young.sent", flow="tell-us")
        return url_for("public.sent")

    @property
    def journey(self) -> str:
        return f"equality-{self.name}"


ORIGINS = {
    "adult": Origin("adult", "equality/_adult.html", "online_form"),
    "young": Origin("young", "equality/_young.html", "young_person_form"),
}


def _origin(name: str) -> Origin:
    origin = ORIGINS.get(name)
    if origin is None:
        abort(404)
    return origin


def _case(origin: Origin) -> Case | None:
    """The complaint this browser has just sent from this form, if any."""
    reference = origin.reference()
    if not reference:
        return None
    case = db.session.scalar(select(Case).where(Case.reference == reference))
    return case if case is not None and case.kind == "complaint" else None


def _draft(origin: Origin, case: Case):
    """This browser's answers about this case, or None (never started, expired, another case)."""
    draft = drafts.load(origin.journey)
    if draft is None or (draft.answers or {}).get(FOR_KEY) != case.reference:
        return None
    return draft


def offer(origin_name: str, case: Case) -> dict | None:
    """What the confirmation page says about the equality questions: None for anything but a
    complaint; else whether they were answered, and where to answer or change them."""
    if case.kind != "complaint":
        return None
    origin = ORIGINS[origin_name]
    token = (session.get(drafts.SESSION_KEY) or {}).get(origin.journey)
    draft = None
    if token:
        draft = _draft(origin, case)
    answers = (draft.answers or {}) if draft else {}
    return {"answered": bool(answers.get(DONE_KEY)), "started": draft is not None,
            "url": url_for("equality.intro", origin=origin_name)}


@bp.route("/<origin>", methods=["GET", "POST"])
def intro(origin: str):
    place = _origin(origin)
    case = _case(place)
    if case is None:
        return redirect(place.sent_url())
    form = (YoungAnswerForm if place.name == "young" else AnswerForm)()
    if request.method == "POST":
        form.check_shape(request.form)
        if form.validate():
            if form.answer.data == "no":
                return redirect(place.sent_url())
            draft = _draft(place, case) or _start(place, case)
            first = setting_for(case, place.name).journey().path(draft.answers)[0]
            return redirect(url_for(".question", origin=origin, slug=first.slug))
    voices = {person.voice for person in setting_for(case, place.name).people}
    return render_template("equality/intro.html", form=form, case=case, origin=place,
                           layout=place.layout, title=_intro_title(place), voices=voices)


def _intro_title(place: Origin) -> str:
    return _("We got your message") if place.name == "young" else _("We have received your complaint")


def _start(place: Origin, case: Case):
    tokens = session.get(drafts.SESSION_KEY) or {}
    if tokens.get(place.journey):
        old = drafts.load(place.journey)
        if old is not None:
            db.session.delete(old)
        drafts.forget(place.journey)
    draft = drafts.start(place.journey)
    drafts.save_page(draft, FOR_KEY, case.reference)
    return draft


@bp.route("/<origin>/<slug>", methods=["GET", "POST"])
def question(origin: str, slug: str):
    place = _origin(origin)
    case = _case(place)
    if case is None:
        return redirect(place.sent_url())
    setting = setting_for(case, place.name)
    journey = setting.journey()
    page = journey.page(slug)
    if page is None:
        abort(404)
    draft = _draft(place, case)
    if draft is None:
        return redirect(url_for(".intro", origin=origin))
    answers = draft.answers
    if not journey.can_visit(slug, answers):
        missing = journey.first_missing(answers)
        return redirect(url_for(".question", origin=origin, slug=missing.slug) if missing
                        else place.sent_url())
    if request.method == "POST":
        form = page.form(answers)
        form.check_shape(request.form)
        if form.validate():
            drafts.save_page(draft, slug, form.answers())
            _store(setting, case, place, draft.answers)
            following = journey.next_slug(slug, draft.answers)
            if following is None:
                drafts.save_page(draft, DONE_KEY, True)
                return redirect(place.sent_url())
            return redirect(url_for(".question", origin=origin, slug=following))
    else:
        form = page.form(answers, formdata=None, data=answers.get(slug, {}))
    return _render(place, setting, page, form, answers)


def _caption(setting: Setting, person) -> str | None:
    """Which person the question is about, when there are two."""
    if len(setting.people) < 2:
        return None
    return _("About the child or young person") if person.voice == "child" else _("About you")


@bp.get("/<origin>/skip")
def skip(origin: str):
    """Stop answering: what was given so far stays; go to the confirmation."""
    return redirect(_origin(origin).sent_url())


def _store(setting: Setting, case: Case, place: Origin, answers) -> None:
    for subject, values in setting.records(answers).items():
        store.save(case.reference, subject, values, place.source)
    db.session.commit()


def _render(place: Origin, setting: Setting, page, form, answers):
    journey = setting.journey()
    person = setting.person(page.slug)
    question = person.question(page.slug)
    previous = journey.previous_slug(page.slug, answers)
    back = (url_for(".question", origin=place.name, slug=previous) if previous
            else url_for(".intro", origin=place.name))
    group_code = answers.get(person.slug("ethnic-group"), {}).get("ethnic_group")
    group = eq.GROUPS_BY_CODE.get(group_code)
    group_label = _(group.label) if group and group.code != "other" else None
    return render_template(
        "equality/question.html", form=form, page=page, origin=place, layout=place.layout,
        question=question, person=person, back=back, changing=False,
        text_labels=TEXT_LABELS, christian_hint=CHRISTIAN_HINT, caption=_caption(setting, person),
        **wording(person, question, group_label),
    )
