"""Error pages in the person's language: a clear page for every refusal, never a stack trace."""

from __future__ import annotations

from flask import Flask, render_template
from flask_limiter import RateLimitExceeded
from flask_wtf.csrf import CSRFError

from portal.abuse import too_many
from werkzeug.exceptions import HTTPException


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def session_ended(error):
        return render_template("errors/session_ended.html"), 400

    app.register_error_handler(RateLimitExceeded, too_many)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        known = {400, 403, 404, 405, 413}
        template = f"errors/{error.code}.html" if error.code in known else "errors/500.html"
        return render_template(template), error.code

    @app.errorhandler(Exception)
    def server_error(error: Exception):
        app.logger.exception("Unhandled error")
        return render_template("errors/500.html"), 500
