"""Database settings that differ between SQLite and PostgreSQL."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import event
from sqlalchemy.exc import InterfaceError, OperationalError

from portal.extensions import db


def init_database(app: Flask) -> None:
    app.teardown_appcontext(close_session)
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return
    with app.app_context():
        engine = db.engine
    busy_ms = int(app.config.get("SQLITE_BUSY_MS", 15000))

    @event.listens_for(engine, "connect")
    def sqlite_pragmas(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        # WAL lets pages be read while a submission is written; busy_timeout makes a writer
        # wait its turn instead of failing when another holds the lock (PORTAL_SQLITE_BUSY_MS).
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


def close_session(_error: BaseException | None) -> None:
    """End the request's session even when its connection died under it (a database restart):
    the page already made must still reach the person, and the pool replaces the connection on
    the next request (pre-ping). Runs before Flask-SQLAlchemy's own, which then has nothing to do.
    """
    try:
        db.session.remove()
    except (OperationalError, InterfaceError):
        db.session.registry.clear()
