"""Languages: which are offered, which one a request uses, and how a person switches."""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale
from flask import Blueprint, current_app, redirect, request, session
from flask_babel import get_locale

from portal.security import safe_next


@dataclass(frozen=True)
class Language:
    code: str
    html_lang: str
    endonym: str


# Endonyms are written in each language's own script, as people look for their own language.
LANGUAGES = {
    "en": Language("en", "en-GB", "English"),
    "cy": Language("cy", "cy", "Cymraeg"),
}

bp = Blueprint("language", __name__)


def offered() -> tuple[str, ...]:
    return current_app.extensions["council"].languages


def select_locale() -> str:
    """The person's choice if offered, else their browser's best offered match, else the default.

    The back office is in English: its users are the council's staff.
    """
    if request.blueprint in ("staff", "statistics"):
        return "en"
    choice = session.get("lang")
    if choice in offered():
        return choice
    best = request.accept_languages.best_match(offered())
    return best or current_app.extensions["council"].default_language


def current_language() -> Language:
    return LANGUAGES.get(str(get_locale()), LANGUAGES["en"])


def text_direction() -> str:
    return "rtl" if Locale.parse(str(get_locale())).character_order == "right-to-left" else "ltr"


@bp.get("/language/<code>")
def switch(code: str):
    """Switch language and go back to the same page; answers live on the server, so none is lost."""
    if code in offered():
        session["lang"] = code
    return redirect(safe_next(request.args.get("next")), code=303)


def language_links(path: str) -> list[dict[str, object]]:
    here = str(get_locale())
    return [
        {"code": code, "lang": LANGUAGES[code].html_lang, "endonym": LANGUAGES[code].endonym,
         "current": code == here, "path": path}
        for code in offered()
    ]
