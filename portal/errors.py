"""Error pages in the person's language: a clear page for every refusal, never a stack trace."""

from __future__ import annotations

from flask import Flask, render_template
from flask_limiter import RateLimitExceeded
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import HTTPException

from portal.abuse import too_many
from portal.extensions import db

# The database is restarting, unreachable, or held by another writer for too long. Nothing was
# saved by the request that met it, so the person can safely press the same button again.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError, PoolTimeout)


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

    def database_unavailable(error: Exception):
        app.logger.error("Database unavailable: %s", str(error).splitlines()[0])
        try:
            db.session.rollback()
        except DATABASE_UNAVAILABLE:
            pass  # the connection is gone; the pool replaces it on the next request
        return render_template("errors/503.html"), 503, {"Retry-After": "120"}

    for kind in DATABASE_UNAVAILABLE:
        app.register_error_handler(kind, database_unavailable)

    @app.errorhandler(Exception)
    def server_error(error: Exception):
        app.logger.exception("Unhandled error")
        return render_template("errors/500.html"), 500
