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
