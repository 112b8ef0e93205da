"""Commands: `flask --app portal <command>`."""

from __future__ import annotations

import shutil
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext
from flask_migrate import upgrade

from portal.council import SHIPPED


def init_app(app: Flask) -> None:
    app.cli.add_command(setup)
    app.cli.add_command(drafts)
    app.cli.add_command(cases)


@click.command()
@with_appcontext
def setup() -> None:
    """Prepare instance/ (secret key, council configuration) and bring the database up to date."""
    instance = Path(current_app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    council_file = instance / "council.toml"
    if not council_file.exists() and not current_app.config.get("COUNCIL_FILE") \
            and not current_app.config.get("COUNCIL_NAME"):
        shutil.copy(SHIPPED / "demo.toml", council_file)
        click.echo(f"Copied the example council configuration to {council_file}: edit it for your council.")
    upgrade(directory=current_app.extensions["migrate"].directory)
    click.echo(f"Database ready: {current_app.config['SQLALCHEMY_DATABASE_URI'].split('@')[-1]}")
    click.echo(f"Council: {current_app.extensions['council'].name}")


@click.group(cls=AppGroup)
def drafts() -> None:
    """Answers in progress."""


@drafts.command("purge")
def purge() -> None:
    """Delete drafts that have expired (run it daily, for example from cron)."""
    from portal.flow import drafts as store

    click.echo(f"Deleted {store.purge_expired()} expired drafts.")


@click.group(cls=AppGroup)
def cases() -> None:
    """Cases."""


@cases.command("override")
@click.argument("reference")
@click.option("--procedure", required=True,
              type=click.Choice(["statutory", "corporate", "safeguarding", "not_a_complaint"]))
@click.option("--reason", required=True, help="Why, in a sentence others can read later.")
@click.option("--by", "by", required=True, help="Who decided.")
def override(reference: str, procedure: str, reason: str, by: str) -> None:
    """Decide a case's procedure instead of the rules, with the reason."""
    from datetime import date

    from portal.cases import override_procedure
    from portal.extensions import db
    from portal.models import Case

    case = db.session.query(Case).filter_by(reference=reference).one_or_none()
    if case is None:
        raise click.ClickException(f"No case has the reference {reference}.")
    try:
        override_procedure(case, procedure, reason, by, date.today())
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    db.session.commit()
    click.echo(f"{reference} now follows the {procedure.replace('_', ' ')} procedure.")
