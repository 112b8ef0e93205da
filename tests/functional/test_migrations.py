"""The migrations build the same database the models describe, from nothing."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from portal.extensions import db
from portal import create_app
from tests.conftest import ROOT, database_url


def test_upgrading_an_empty_database_matches_the_models_and_downgrades_cleanly(tmp_path):
    app = create_app({
        "TESTING": True, "SECRET_KEY": "x",
        "SQLALCHEMY_DATABASE_URI": database_url(tmp_path, "migrations"),
        "COUNCIL_FILE": str(ROOT / "portal" / "councils" / "demo.toml"),
    })
    with app.app_context():
        directory = app.extensions["migrate"].directory
        db.drop_all()  # a database left by an earlier run starts empty
        with db.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        upgrade(directory=directory)
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, db.metadata) == []
        downgrade(directory=directory, revision="base")
        with db.engine.connect() as connection:
            tables = set(db.inspect(connection).get_table_names()) - {"alembic_version"}
        assert tables == set()


def test_cases_made_before_the_interpreter_column_keep_the_interpreter_asked_for(tmp_path):
    from datetime import date, datetime, timezone

    import sqlalchemy as sa

    app = create_app({
        "TESTING": True, "SECRET_KEY": "x",
        "SQLALCHEMY_DATABASE_URI": database_url(tmp_path, "interpreter"),
        "COUNCIL_FILE": str(ROOT / "portal" / "councils" / "demo.toml"),
    })
    asked = {"support": {"support": ["interpreter"], "interpreter_language": " Tigrinya "}}
    young = {"help": {"help": ["interpreter", "words"], "language": ""}}
    columns = {"reference": sa.String, "kind": sa.String, "status": sa.String, "received_on": sa.Date,
               "received_at": sa.DateTime, "created_at": sa.DateTime, "received_via": sa.String,
               "language": sa.String, "made_by_young_person": sa.Boolean, "advocate_involved": sa.Boolean,
               "answers": sa.JSON}
    cases = sa.table("cases", *(sa.column(name, kind) for name, kind in columns.items()))
    moment = datetime(2026, 11, 2, 10, tzinfo=timezone.utc)
    with app.app_context():
        directory = app.extensions["migrate"].directory
        db.drop_all()
        with db.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        upgrade(directory=directory, revision="0008")
        with db.engine.begin() as connection:
            connection.execute(cases.insert(), [
                {"reference": f"CSC-2026-0000{number}", "kind": "complaint", "status": "new",
                 "received_on": date(2026, 11, 2), "received_at": moment, "created_at": moment,
                 "received_via": "online_form", "language": "en", "made_by_young_person": False,
                 "advocate_involved": False, "answers": answers}
                for number, answers in enumerate([asked, young, {}], start=1)])
        upgrade(directory=directory)
        with db.engine.connect() as connection:
            found = dict(connection.execute(sa.text("SELECT reference, interpreter FROM cases")).all())
        downgrade(directory=directory, revision="base")
    assert found == {"CSC-2026-00001": "Tigrinya", "CSC-2026-00002": "Not said", "CSC-2026-00003": None}
