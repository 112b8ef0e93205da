"""Database settings that differ between SQLite and PostgreSQL."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import event

from portal.extensions import db


def init_database(app: Flask) -> None:
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return
    with app.app_context():
        engine = db.engine

    @event.listens_for(engine, "connect")
    def sqlite_pragmas(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        # WAL lets pages be read while a submission is written; busy_timeout makes a writer
        # wait its turn instead of failing when another holds the lock.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()
