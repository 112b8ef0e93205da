"""Downloads of cases for managers: the same JSON Lines as `flask cases export`."""

from __future__ import annotations

from datetime import date

from flask import Response, stream_with_context

from portal import exchange
from portal.audit import audit
from portal.extensions import db
from portal.staff import bp
from portal.staff.permissions import MANAGE, requires


@bp.get("/cases.jsonl")
@requires(*MANAGE)
def export_cases() -> Response:
    # Audited before the first byte leaves: a download cut short still counts as one.
    audit("export", "cases", cases=exchange.count_cases(), via="download")
    db.session.commit()
    response = Response(stream_with_context(exchange.export_lines()),
                        mimetype="application/x-ndjson")
    filename = f"cases-{date.today().isoformat()}.jsonl"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Every case the council holds, if pseudonymous: no shared cache may keep it.
    response.headers["Cache-Control"] = "no-store"
    return response
