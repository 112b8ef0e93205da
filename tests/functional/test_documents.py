"""Files people send: with a new complaint or afterwards, checked by content, kept outside the
web root under random names, served only to staff who may see the case, and deleted with it."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from portal.extensions import db
from portal.models import Case, Document
from tests.conftest import CheckingClient, make_app, make_staff, redirect_path, sign_in
from tests.journeys import COMPLAINT

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 100


def walk(client, steps=COMPLAINT):
    client.get("/tell-us/start", expect=302)
    for slug, data in steps:
        client.answer(slug, data)


def attach(client, *files, expect=302, journey="adult"):
    page = client.get(f"/attach/{journey}")
    return client.post(f"/attach/{journey}", {
        "csrf_token": page.csrf(), "files": [(io.BytesIO(data), name) for name, data in files],
    }, content_type="multipart/form-data", expect=expect)


def send(client) -> str:
    check = client.get("/tell-us/check")
    client.post("/tell-us/check", {"csrf_token": check.csrf()})
    return client.get("/tell-us/sent").soup.select_one(".portal-reference").get_text(strip=True)


def documents(app) -> list[Document]:
    with app.app_context():
        found = db.session.scalars(select(Document).order_by(Document.id)).all()
        db.session.expunge_all()
        return found


def test_files_added_before_sending_go_with_the_complaint(app, client):
    walk(client)
    check = client.get("/tell-us/check")
    assert check.soup.find("a", href="/attach/adult").get_text(strip=True) == "Add documents or photos"
    attach(client, ("Letter from school.pdf", PDF), ("photo of the note.jpg", JPEG))
    page = client.get("/attach/adult")
    assert [dt.get_text(strip=True) for dt in page.soup.select(".govuk-summary-list__key")] == \
        ["Letter from school.pdf", "photo of the note.jpg"]
    assert "Letter from school.pdf" in client.get("/tell-us/check").text
    reference = send(client)
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.reference == reference))
        kept = db.session.scalars(select(Document).where(Document.case_id == case.id)).all()
        assert [(d.filename, d.content_type, d.source) for d in kept] == [
            ("Letter from school.pdf", "application/pdf", "form"), ("photo of the note.jpg", "image/jpeg", "form")]


def test_files_are_kept_outside_the_web_root_under_random_names(app, client):
    walk(client, COMPLAINT[:3])
    attach(client, ("../../static/evil.pdf", PDF))
    [document] = documents(app)
    folder = Path(app.config["DOCUMENT_DIR"])
    assert re.fullmatch(r"[0-9a-f]{32}", document.stored_name)
    assert (folder / document.stored_name).read_bytes() == PDF
    assert document.filename == "evil.pdf", "no folders in a name"
    static = Path(app.static_folder).resolve()
    assert static not in (folder / document.stored_name).resolve().parents
    assert client.client.get(f"/static/{document.stored_name}").status_code == 404


def test_a_file_that_is_not_what_we_take_is_refused_by_its_content(app, client):
    walk(client, COMPLAINT[:3])
    page = attach(client, ("invoice.pdf", b"MZ\x90\x00 a program"), expect=400)
    assert page.errors() == ["invoice.pdf is not a kind of file we can take. Send a PDF, a photo or a Word document"]
    assert documents(app) == []
    assert list(Path(app.config["DOCUMENT_DIR"]).glob("*")) == [], "nothing left on disk"


def test_a_file_too_big_is_refused_and_the_limit_named(tmp_path):
    app = make_app(tmp_path, "documents-small", DOCUMENT_MAX_MB=1, DOCUMENT_MAX_COUNT=2)
    client = CheckingClient(app.test_client())
    walk(client, COMPLAINT[:3])
    page = attach(client, ("scan.pdf", PDF + b"x" * (1024 * 1024)), expect=400)
    assert page.errors() == ["scan.pdf is larger than 1 MB. Choose a smaller file, or send it by email or post"]
    attach(client, ("one.pdf", PDF), ("two.pdf", PDF))
    page = attach(client, ("three.pdf", PDF), expect=400)
    assert page.errors() == ["You can send up to 2 files. Remove one to add another"]
    assert len(documents(app)) == 2


def test_nothing_chosen_says_so(client):
    walk(client, COMPLAINT[:3])
    page = client.get("/attach/adult")
    shown = client.post("/attach/adult", {"csrf_token": page.csrf()}, expect=400)
    assert shown.errors() == ["Choose a file to add"]


def test_a_file_can_be_removed_but_only_from_its_own_draft(app, client):
    walk(client, COMPLAINT[:3])
    attach(client, ("mine.pdf", PDF))
    other = CheckingClient(app.test_client())
    walk(other, COMPLAINT[:3])
    attach(other, ("theirs.pdf", PDF))
    mine, theirs = documents(app)
    page = client.get("/attach/adult")
    client.post(f"/attach/adult/{theirs.id}/remove", {"csrf_token": page.csrf()})
    assert [d.filename for d in documents(app)] == ["mine.pdf", "theirs.pdf"]
    client.post(f"/attach/adult/{mine.id}/remove", {"csrf_token": page.csrf()})
    assert [d.filename for d in documents(app)] == ["theirs.pdf"]
    assert not (Path(app.config["DOCUMENT_DIR"]) / mine.stored_name).exists()


def test_only_staff_who_may_see_the_case_get_its_files(app, client):
    walk(client)
    attach(client, ("letter.pdf", PDF))
    reference = send(client)
    [document] = documents(app)
    path = f"/staff/cases/{reference}/documents/{document.id}"
    assert client.client.get(path).status_code == 302, "the public are sent to sign in"
    investigator = make_staff(app, "investigator", "io@example.org.uk")
    io_client = CheckingClient(app.test_client())
    page = io_client.get("/staff/sign-in")
    io_client.post("/staff/sign-in", {"email": "io@example.org.uk", "password": "correct horse battery staple",
                                      "csrf_token": page.csrf()})
    assert io_client.client.get(path).status_code == 404, "not assigned to them"
    officer = sign_in(app, "officer")
    got = officer.client.get(path)
    assert got.status_code == 200 and got.data == PDF
    assert got.headers["Cache-Control"] == "private, no-store"
    assert officer.client.get(f"/staff/cases/{reference}/documents/{document.id + 1}").status_code == 404
    assert investigator


def test_exit_this_page_deletes_a_young_persons_files(app):
    from tests.young import WRONG

    client = CheckingClient(app.test_client())
    client.get("/young-people/tell-us/start", expect=302)
    for slug, data in WRONG:
        page = client.get(f"/young-people/tell-us/{slug}")
        client.post(f"/young-people/tell-us/{slug}", {**data, "csrf_token": page.csrf()})
    attach(client, ("drawing.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20), journey="young")
    [document] = documents(app)
    client.get("/young-people/exit", expect=303)
    assert documents(app) == []
    assert not (Path(app.config["DOCUMENT_DIR"]) / document.stored_name).exists()


def test_retention_deletes_a_cases_files_with_it(app, client):
    from portal import retention

    walk(client)
    attach(client, ("letter.pdf", PDF))
    reference = send(client)
    [document] = documents(app)
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.reference == reference))
        case.closed_on = date.today() - timedelta(days=365 * 7)
        db.session.commit()
        planned = retention.plan()
        assert planned.documents == 1
        retention.purge()
    assert documents(app) == []
    assert not (Path(app.config["DOCUMENT_DIR"]) / document.stored_name).exists()
