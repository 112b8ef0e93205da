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
