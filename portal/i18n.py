"""Languages in a request: which one it uses, how a person switches, and dates, numbers and
direction in that language."""

from __future__ import annotations

import re
from datetime import date

from babel.dates import format_date, format_skeleton
from flask import Blueprint, current_app, redirect, request, session
from flask_babel import get_locale
from markupsafe import Markup, escape

from portal.languages import LANGUAGES, Language, best_match, language
from portal.security import safe_next

bp = Blueprint("language", __name__)

# Digits in groups, as in a phone number or a date typed in digits: "01632 960 001", "27 3 2025".
NUMBER_GROUPS = re.compile(r"\+?\d+(?:[ \u00a0./:-]\d+)+")
# The plural categories a browser may ask GOV.UK Frontend's scripts for, in any language.
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
# Languages whose dates follow the GOV.UK style guide ("Tuesday 24 November 2026", no comma);
# the others are written as the language's own conventions (CLDR) have them.
GOVUK_STYLE = ("en", "cy")
# Unicode's left-to-right isolate, for plain text (emails), where there is no markup to say it.
LRI, PDI = "\u2066", "\u2069"


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
    best = best_match(list(request.accept_languages), offered())
    return best or current_app.extensions["council"].default_language


def current_language() -> Language:
    return language(str(get_locale()))


@bp.get("/language/<code>")
def switch(code: str):
    """Switch language and go back to the same page; answers live on the server, so none is lost."""
    if code in offered():
        session["lang"] = code
    return redirect(safe_next(request.args.get("next")), code=303)


def language_links(path: str) -> list[dict[str, object]]:
    here = current_language().code
    return [
        {"code": code, "lang": LANGUAGES[code].html_lang, "endonym": LANGUAGES[code].endonym,
         "current": code == here, "path": path}
        for code in offered()
    ]


def long_date(day: date | None) -> str:
    """24 November 2026, in the page's language."""
    if not day:
        return ""
    here = current_language()
    return format_date(day, "d MMMM y" if here.code in GOVUK_STYLE else "long", locale=here.babel)


def weekday_date(day: date | None) -> str:
    """Tuesday 24 November 2026, in the page's language."""
    if not day:
        return ""
    here = current_language()
    return format_date(day, "EEEE d MMMM y" if here.code in GOVUK_STYLE else "full", locale=here.babel)


def month_year(day: date) -> str:
    """November 2026, in the page's language (some languages name a month differently alone)."""
    return format_skeleton("yMMMM", day, locale=current_language().babel)


def left_to_right(value: object, markup: bool = True) -> str:
    """Keep a reference, email address or phone number in its own order inside right-to-left text.

    In a page it is marked up; in a plain-text email of a right-to-left language it is isolated
    with Unicode's own marks, which mail programs follow.
    """
    if value is None or value == "":
        return ""
    if str(value).isdigit():
        return str(value)  # one run of digits ("999") keeps its order anyway
    if markup:
        return Markup('<bdi dir="ltr">%s</bdi>') % escape(unbroken(str(value)))
    if current_language().direction == "rtl":
        return f"{LRI}{unbroken(str(value))}{PDI}"
    return str(value)


def numbers_ltr(text: object) -> Markup:
    """Text for a hint or an error, with its grouped digits kept in order in right-to-left text.

    A right-to-left page otherwise shows "01632 960 001" as "001 960 01632".
    """
    safe = escape(text)
    if current_language().direction != "rtl":
        return safe
    # Only digits and spaces are wrapped, inside text escaped above.
    marked = NUMBER_GROUPS.sub(lambda found: f'<bdi dir="ltr">{unbroken(found.group(0))}</bdi>', str(safe))
    return Markup(marked)  # nosec B704


def unbroken(value: str) -> str:
    """A phone number on one line: a number split over two lines is easily misread, and in
    right-to-left text its halves can seem to swap."""
    return value.replace(" ", "\u00a0") if NUMBER_GROUPS.fullmatch(value) else value


def plural_forms(one: str, other: str) -> dict[str, str]:
    """Counted messages for GOV.UK Frontend's scripts, for every plural category a language has.

    Our catalogues hold a singular and a plural; a language with more forms (Welsh, Polish,
    Arabic) is given the plural for them, rather than the English the script would fall back to.
    """
    return {category: one if category == "one" else other for category in PLURAL_CATEGORIES}
