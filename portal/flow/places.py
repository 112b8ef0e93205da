"""Where each journey lives: its pages, its start and its Check your answers, by journey name.

Save and return, and files added before sending, work on every journey; this is how they find
their way back to the right form.
"""

from __future__ import annotations

from typing import Any

from flask import abort, redirect, url_for

from portal.flow.journey import Journey
from portal.public.pages import ADULT
from portal.young.pages import ADVOCACY_REQUEST, YOUNG

JOURNEYS: dict[str, Journey] = {j.name: j for j in (ADULT, YOUNG, ADVOCACY_REQUEST)}
# The young person's form names its journeys in its URLs.
YOUNG_FLOWS = {"young": "tell-us", "advocacy": "advocate"}


def journey(name: str) -> Journey | None:
    return JOURNEYS.get(name)


def is_young(name: str) -> bool:
    return name in YOUNG_FLOWS


def begin_url(name: str) -> str:
    """Carry on: the first unanswered question, or Check your answers."""
    if is_young(name):
        return url_for("young.begin", flow=YOUNG_FLOWS[name])
    return url_for("public.begin")


def check_url(name: str) -> str:
    if is_young(name):
        return url_for("young.check", flow=YOUNG_FLOWS[name])
    return url_for("public.check")


def start_url(name: str) -> str:
    return url_for("young.start") if is_young(name) else url_for("public.start")


def draft_or_begin(name: str):
    """(the person's draft for this journey, None), or (None, a redirect to begin it) when they
    have none; no such journey is a 404."""
    from portal.flow import drafts

    if journey(name) is None:
        abort(404)
    draft = drafts.load(name)
    return (draft, None) if draft is not None else (None, redirect(begin_url(name)))


def answered_email(answers: dict[str, Any]) -> str:
    """The email address given on any page so far, to offer when saving."""
    for page in (answers or {}).values():
        if isinstance(page, dict) and isinstance(page.get("email"), str) and page["email"]:
            return page["email"]
    return ""
