"""What every template can use: the council, the language links, dates in the page's language."""

from __future__ import annotations

from flask import Flask, current_app, request
from flask_babel import format_date, get_locale

from portal.i18n import current_language, language_links, text_direction


def init_template_context(app: Flask) -> None:
    @app.context_processor
    def common():
        language = current_language()
        council = current_app.extensions["council"]
        return {
            "say": lambda key: council.text(key, language.code),
            "council": current_app.extensions["council"],
            "html_lang": language.html_lang,
            "text_dir": text_direction(),
            "language_links": language_links(request.full_path.rstrip("?")),
            "locale": str(get_locale()),
            "ack_days": current_app.extensions["timescales"].statutory.acknowledge,
        }

    app.jinja_env.filters["long_date"] = lambda d: format_date(d, "d MMMM y") if d else ""
    app.jinja_env.filters["weekday_date"] = lambda d: format_date(d, "EEEE d MMMM y") if d else ""
