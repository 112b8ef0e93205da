"""What every template can use: the council, the language links, dates in the page's language."""

from __future__ import annotations

from flask import Flask, current_app, request
from jinja2 import pass_eval_context

from portal.abuse import HONEYPOT
from portal.languages import LANGUAGES, language_name
from portal.languages import language as language_of
from portal.i18n import (
    current_language, language_links, left_to_right, long_date, numbers_ltr, plural_forms, weekday_date,
)


def init_template_context(app: Flask) -> None:
    @app.context_processor
    def common():
        language = current_language()
        council = current_app.extensions["council"]
        return {
            "say": lambda key: council.text(key, language.code),
            "council": current_app.extensions["council"],
            "html_lang": language.html_lang,
            "text_dir": language.direction,
            "language_links": language_links(request.full_path.rstrip("?")),
            "locale": language.code,
            "ack_days": current_app.extensions["timescales"].statutory.acknowledge,
            "honeypot": HONEYPOT,
        }

    @pass_eval_context
    def ltr(context, value):
        return left_to_right(value, markup=context.autoescape)

    app.jinja_env.globals["language_name"] = language_name
    app.jinja_env.globals["language_of"] = language_of
    app.jinja_env.globals["all_languages"] = [(code, lang.english) for code, lang in LANGUAGES.items()]
    app.jinja_env.filters["long_date"] = long_date
    app.jinja_env.filters["weekday_date"] = weekday_date
    app.jinja_env.filters["ltr"] = ltr
    app.jinja_env.filters["numbers_ltr"] = numbers_ltr
    app.jinja_env.globals["plural_forms"] = plural_forms
