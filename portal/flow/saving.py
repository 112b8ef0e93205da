"""Save and come back later: a draft opened again from an emailed link or a code written down.

No account and no password (WCAG 2.2 3.3.8): whoever holds the link or the code holds the
answers, so the secret is long, only its hash is stored, and it stops working after the
council's number of days or once the answers are sent.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from flask import current_app, session
from sqlalchemy import select

from portal.extensions import db
from portal.flow import drafts
from portal.models import Draft

# Letters and digits nobody confuses when reading them back: no 0/O, 1/I/L, 5/S or 8/B.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY234679"
CODE_LENGTH = 12  # about 56 bits: with the rate limit on typed codes, not guessable


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def spaced(code: str) -> str:
    """ACDE-FGHJ-KMNP: easier to copy down and read out."""
    return "-".join(code[i:i + 4] for i in range(0, len(code), 4))


def normalised_code(typed: str) -> str:
    """What a person typed, as the code it must be: case, spaces and dashes do not matter."""
    return "".join(ch for ch in typed.upper() if ch.isalnum())


def save_days() -> int:
    return current_app.config["SAVE_DAYS"]


def keep(draft: Draft, secret: str) -> datetime:
    """Let `secret` open this draft until the council's number of days from now.

    A new secret replaces the last one: only the newest link or code works. Never commits: the
    caller saves it with the email that carries it, or neither.
    """
    until = drafts.now() + timedelta(days=save_days())
    draft.resume_hash = digest(secret)
    draft.saved_until = until
    draft.expires_at = max(drafts.aware(draft.expires_at), until)
    return until


def find(secret: str) -> tuple[Draft | None, str]:
    """The draft `secret` belongs to, and whether it opens: open, sent, expired or unknown."""
    if not secret:
        return None, "unknown"
    draft = db.session.scalar(select(Draft).where(Draft.resume_hash == digest(secret)))
    if draft is None:
        return None, "unknown"
    if draft.case_id is not None:
        return draft, "sent"
    if draft.saved_until is None or drafts.aware(draft.saved_until) < drafts.now():
        return draft, "expired"
    return draft, "open"


def reopen(draft: Draft) -> None:
    """Make `draft` this browser's answers for its journey, as if never left."""
    tokens = dict(session.get(drafts.SESSION_KEY, {}))
    tokens[draft.journey] = draft.token
    session[drafts.SESSION_KEY] = tokens
    session.permanent = True
