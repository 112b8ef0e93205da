"""The audit trail: who viewed or changed what, and when. Rows are only ever added."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from flask import has_request_context, request
from flask_login import current_user

from portal.extensions import db
from portal.models import AuditEntry


def audit(action: str, target: str, actor_id: int | None = None, **detail: Any) -> None:
    """Add an entry to the session; it is saved with the change it describes."""
    if actor_id is None and has_request_context() and current_user.is_authenticated:
        actor_id = current_user.id
    address = (request.remote_addr or "")[:64] if has_request_context() else None
    db.session.add(AuditEntry(at=datetime.now(timezone.utc), actor_id=actor_id, action=action,
                              target=target, detail=detail, address=address))
