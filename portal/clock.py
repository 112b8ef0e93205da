"""The portal's clock: the domain's deadlines with this council's calendar and timescales."""

from __future__ import annotations

from datetime import date

from flask import current_app

from portal.domain.clocks import Received, compute_deadlines


def due_dates(procedure: str | None, received_on: date) -> dict[str, date | None]:
    """The acknowledgement and first response due dates for a case received on `received_on`.

    Compliments, comments and safeguarding referrals follow the corporate acknowledgement clock:
    the person still hears from us in good time.
    """
    calendar = current_app.extensions["calendar"]
    timescales = current_app.extensions["timescales"]
    clock = procedure if procedure in ("statutory", "corporate") else "corporate"
    deadlines = compute_deadlines(clock, [Received(received_on)], calendar, timescales)
    due = {d.step: d.due_on for d in deadlines}
    return {"acknowledge": due.get("acknowledge"), "response": due.get("stage1_response")}
