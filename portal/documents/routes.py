"""Adding files to a complaint before it is sent: a page reached from Check your answers.

It is not a question of the journey (nobody must send a file), so it never stands between a
person and "Send". Works without JavaScript: choose files, press "Add", see them listed.
"""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import gettext

from portal.documents import store
from portal.extensions import db
from portal.flow import places
from portal.forms.after import AttachForm, RemoveFileForm
from portal.models import Document

bp = Blueprint("documents", __name__)
UPLOADS = {"documents.attach", "tracking.add"}


def allow_uploads() -> None:
    """Before anything reads the form: pages that take files take a bigger request."""
    if request.endpoint in UPLOADS and request.method == "POST":
        request.max_content_length = store.request_allowance()
        request.max_form_memory_size = 512 * 1024


def refusal(error: store.Refused) -> str:
    """The error message for a file we cannot take, in the person's language."""
    if error.reason == "too_big":
        return gettext("%(name)s is larger than %(size)d MB. Choose a smaller file, or send it by email or post",
                       name=error.filename, size=store.max_bytes() // store.MB)
    if error.reason == "wrong_kind":
        return gettext("%(name)s is not a kind of file we can take. Send a PDF, a photo or a Word document",
                       name=error.filename)
    if error.reason == "too_many":
        return gettext("You can send up to %(count)d files. Remove one to add another", count=store.max_count())
    return gettext("%(name)s is empty. Choose another file", name=error.filename)


def take_all(form, source: str, **owner) -> list[str]:
    """Keep every chosen file that can be taken; the messages for those that cannot."""
    problems = []
    for upload in form.files.data or []:
        if not upload or not upload.filename:
            continue
        try:
            store.take(upload, source, **owner)
        except store.Refused as error:
            problems.append(refusal(error))
    return problems


def chosen(form) -> bool:
    return any(upload and upload.filename for upload in form.files.data or [])


@bp.route("/attach/<journey>", methods=["GET", "POST"])
def attach(journey: str):
    draft, elsewhere = places.draft_or_begin(journey)
    if elsewhere:
        return elsewhere
    form = AttachForm()
    status = 200
    if request.method == "POST" and form.validate():
        if not chosen(form):
            form.files.errors = [gettext("Choose a file to add")]
        else:
            form.files.errors = take_all(form, "form", draft_id=draft.id)
            db.session.commit()
            if not form.files.errors:
                return redirect(url_for(".attach", journey=journey))
        status = 400
    elif request.method == "POST":
        status = 400
    return render_template(
        "documents/attach.html", form=form, journey=journey, young=places.is_young(journey),
        files=store.listed(draft_id=draft.id), back=places.check_url(journey),
        remove_form=RemoveFileForm(), max_mb=store.max_bytes() // store.MB, max_count=store.max_count(),
    ), status


@bp.post("/attach/<journey>/<int:number>/remove")
def remove(journey: str, number: int):
    draft, elsewhere = places.draft_or_begin(journey)
    if elsewhere:
        return elsewhere
    form = RemoveFileForm()
    if not form.validate():
        abort(400)
    document = db.session.get(Document, number)
    # Only this draft's own files: a number from another draft removes nothing and says nothing.
    if document is not None and document.draft_id == draft.id and document.case_id is None:
        db.session.delete(document)
        db.session.commit()
        store.discard([document])
    return redirect(url_for(".attach", journey=journey))
