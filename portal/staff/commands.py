"""`flask --app portal users ...`: staff accounts, managed from the command line.

There is no default account and no default password: the first administrator is made here.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone

import click
from flask.cli import AppGroup
from sqlalchemy import func, select
from werkzeug.security import generate_password_hash

from portal.audit import audit
from portal.extensions import db
from portal.models import ROLES, StaffUser

MIN_PASSWORD = 12

users = AppGroup("users", help="Staff accounts.")


def _password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if len(password) < MIN_PASSWORD:
        raise click.ClickException(f"A password needs {MIN_PASSWORD} characters or more.")
    return password


def _user(email: str) -> StaffUser:
    user = db.session.scalar(select(StaffUser).where(func.lower(StaffUser.email) == email.lower()))
    if user is None:
        raise click.ClickException(f"No account has the email address {email}.")
    return user


@users.command("create")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", required=True, type=click.Choice(list(ROLES)))
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def create(email: str, name: str, role: str, password_stdin: bool) -> None:
    """Make a staff account."""
    email = email.strip().lower()
    if db.session.scalar(select(StaffUser).where(func.lower(StaffUser.email) == email)):
        raise click.ClickException(f"An account with {email} already exists.")
    user = StaffUser(email=email, name=name.strip(), role=role, active=True,
                     password_hash=generate_password_hash(_password(password_stdin)),
                     created_at=datetime.now(timezone.utc), failed_attempts=0)
    db.session.add(user)
    db.session.flush()
    audit("change", f"user:{user.id}", what="create", role=role)
    db.session.commit()
    click.echo(f"Made {ROLES[role].lower()} {name} <{email}>.")


@users.command("list")
def list_users() -> None:
    """List the accounts."""
    for user in db.session.scalars(select(StaffUser).order_by(StaffUser.email)):
        state = "active" if user.active else "deactivated"
        click.echo(f"{user.email}\t{user.name}\t{user.role}\t{state}")


@users.command("set-role")
@click.argument("email")
@click.argument("role", type=click.Choice(list(ROLES)))
def set_role(email: str, role: str) -> None:
    """Change what an account may do."""
    user = _user(email)
    user.role = role
    audit("change", f"user:{user.id}", what="set_role", role=role)
    db.session.commit()
    click.echo(f"{user.email} is now a {ROLES[role].lower()}.")


@users.command("set-password")
@click.argument("email")
@click.option("--password-stdin", is_flag=True)
def set_password(email: str, password_stdin: bool) -> None:
    """Set a new password (and lift any lock)."""
    user = _user(email)
    user.password_hash = generate_password_hash(_password(password_stdin))
    user.failed_attempts, user.locked_until = 0, None
    audit("change", f"user:{user.id}", what="set_password")
    db.session.commit()
    click.echo(f"New password set for {user.email}.")


def _set_active(email: str, active: bool) -> StaffUser:
    user = _user(email)
    user.active = active
    audit("change", f"user:{user.id}", what="activate" if active else "deactivate")
    db.session.commit()
    return user


@users.command("deactivate")
@click.argument("email")
def deactivate(email: str) -> None:
    """Stop an account signing in (its history stays)."""
    click.echo(f"{_set_active(email, False).email} can no longer sign in.")


@users.command("activate")
@click.argument("email")
def activate(email: str) -> None:
    """Let a deactivated account sign in again."""
    click.echo(f"{_set_active(email, True).email} can sign in again.")
