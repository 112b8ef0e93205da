"""Files people send: checked, kept outside the web root under random names, and counted.

A file is saved with a draft (before sending) or with a case (afterwards); it is only ever
read back by staff who may see the case (portal.staff.documents).
"""

from __future__ import annotations

import secrets
import unicodedata
from datetime import datetime, timezone
from pathlib import Path

from flask import current_app
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage

from portal.documents.kinds import identify
from portal.extensions import db
from portal.models import Document

MB = 1024 * 1024


class Refused(ValueError):
    """A file we cannot take; `reason` is one of: empty, too_big, wrong_kind, too_many."""

    def __init__(self, reason: str, filename: str):
        super().__init__(reason)
        self.reason, self.filename = reason, filename


def folder() -> Path:
    path = Path(current_app.config["DOCUMENT_DIR"])
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def max_bytes() -> int:
    return current_app.config["DOCUMENT_MAX_MB"] * MB


def max_count() -> int:
    return current_app.config["DOCUMENT_MAX_COUNT"]


def request_allowance() -> int:
    """The largest request that can carry a whole allowance of files, and the form around them."""
    return max_count() * max_bytes() + MB


def shown_name(filename: str | None) -> str:
    """The name to show staff: no folders, no control characters, not too long."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    return name[:200] or "file"


def count(*, draft_id: int | None = None, case_id: int | None = None) -> int:
    where = Document.draft_id == draft_id if draft_id is not None else Document.case_id == case_id
    return db.session.scalar(select(func.count()).select_from(Document).where(where)) or 0


def listed(*, draft_id: int | None = None, case_id: int | None = None) -> list[Document]:
    where = Document.draft_id == draft_id if draft_id is not None else Document.case_id == case_id
    return list(db.session.scalars(select(Document).where(where).order_by(Document.id)))


def take(upload: FileStorage, source: str, *, draft_id: int | None = None, case_id: int | None = None) -> Document:
    """Check and keep one uploaded file; raises Refused. Adds the row without committing, and
    removes the file again if the caller's transaction does not happen (see discard)."""
    name = shown_name(upload.filename)
    if count(draft_id=draft_id, case_id=case_id) >= max_count():
        raise Refused("too_many", name)
    stored = secrets.token_hex(16)
    path = folder() / stored
    size = _copy_within_limit(upload, path, name)
    kind = identify(path)
    if kind is None:
        path.unlink(missing_ok=True)
        raise Refused("wrong_kind", name)
    document = Document(
        draft_id=draft_id, case_id=case_id, stored_name=stored, filename=name, content_type=kind[0],
        size=size, uploaded_at=datetime.now(timezone.utc), source=source,
    )
    db.session.add(document)
    return document


def _copy_within_limit(upload: FileStorage, path: Path, name: str) -> int:
    limit = max_bytes()
    with path.open("xb") as out:
        path.chmod(0o600)
        copied = 0
        while chunk := upload.stream.read(64 * 1024):
            copied += len(chunk)
            if copied > limit:
                break
            out.write(chunk)
    if copied > limit or copied == 0:
        path.unlink(missing_ok=True)
        raise Refused("too_big" if copied else "empty", name)
    return copied


def path_of(document: Document) -> Path:
    return folder() / document.stored_name


def discard(documents: list[Document]) -> None:
    """Delete these files from disk (their rows are deleted by the caller)."""
    for document in documents:
        (folder() / document.stored_name).unlink(missing_ok=True)


def discard_names(names: list[str]) -> None:
    for name in names:
        (folder() / name).unlink(missing_ok=True)


def forget_drafts(draft_ids) -> list[str]:
    """Delete the rows of files added to drafts that are being deleted unsent; returns the stored
    names, to remove from disk once the caller has committed."""
    from sqlalchemy import delete

    rows = db.session.execute(select(Document.id, Document.stored_name).where(
        Document.draft_id.in_(draft_ids), Document.case_id.is_(None))).all()
    if rows:
        db.session.execute(delete(Document).where(Document.id.in_([row.id for row in rows])))
    return [row.stored_name for row in rows]


def move_to_case(draft_id: int, case_id: int) -> None:
    """A draft became a case: its files are the case's now."""
    for document in listed(draft_id=draft_id):
        document.case_id, document.draft_id = case_id, None


def total_size(documents: list[Document]) -> int:
    return sum(d.size for d in documents)


__all__ = ["Refused", "take", "listed", "count", "path_of", "discard", "move_to_case"]
