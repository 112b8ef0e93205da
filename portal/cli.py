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
    app.cli.add_command(outbox)
    app.cli.add_command(cases)
    app.cli.add_command(equalities)
    app.cli.add_command(retention)
    from portal.staff.commands import users

    app.cli.add_command(users)
    from portal.statistics.cli import statistics

    app.cli.add_command(statistics)


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
        click.echo(f"Copied the example council configuration to {council_file}: "
                   "edit it for your council.")
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
def equalities() -> None:
    """Equalities answers, kept apart from cases."""


@equalities.command("purge")
def equalities_purge() -> None:
    """Delete answers older than the council's retention period (run it daily)."""
    from portal.audit import audit
    from portal.equality import store
    from portal.extensions import db

    years = current_app.extensions["council"].equalities_retention_years
    gone = store.purge()
    audit("delete", "equalities", what="retention", rows=gone)
    db.session.commit()
    click.echo(f"Deleted {gone} sets of equalities answers given more than {years} years ago.")


@equalities.command("forget")
@click.argument("reference")
def equalities_forget(reference: str) -> None:
    """Delete a case's equalities answers, when the person asks us to stop using them."""
    from portal.audit import audit
    from portal.equality import store
    from portal.extensions import db

    gone = store.forget(reference)
    audit("delete", "equalities", what="on request", rows=gone)
    db.session.commit()
    click.echo(f"Deleted {gone} sets of equalities answers for {reference}."
               if gone else f"No equalities answers are held for {reference}.")


def _counted(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


@click.group(cls=AppGroup)
def retention() -> None:
    """Deleting records kept for the council's retention periods ([retention] in its file)."""


@retention.command("purge")
@click.option("--dry-run", is_flag=True, help="List what would be deleted, and delete nothing.")
def retention_purge(dry_run: bool) -> None:
    """Delete closed cases, equality answers and audit entries kept long enough (run it daily)."""
    from portal import retention as records

    council = current_app.extensions["council"]
    found = records.plan() if dry_run else records.purge()
    verb = "Would delete" if dry_run else "Deleted"
    click.echo(f"{verb} {_counted(len(found.cases), 'case', 'cases')} closed or withdrawn more than "
               f"{council.case_retention_years} years ago:")
    for reference, ended_on in found.cases:
        click.echo(f"  {reference}  ended {ended_on.isoformat()}")
    if found.documents:
        click.echo(f"  with {_counted(found.documents, 'document', 'documents')} people sent")
    for reference, since, reason in found.held:
        click.echo(f"  {reference}  kept: legal hold since {since.isoformat()} ({reason})")
    click.echo(f"{verb} {_counted(found.equalities, 'set', 'sets')} of equality answers given more than "
               f"{council.equalities_retention_years} years ago.")
    click.echo(f"{verb} {_counted(found.audit, 'audit entry', 'audit entries')} written more than "
               f"{council.audit_retention_years} years ago.")
    if dry_run:
        click.echo("Nothing was deleted (--dry-run).")


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


@cases.command("import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--accept-good", is_flag=True,
              help="Import the good lines even if others are refused (those are still reported).")
def import_cases(source: str, accept_good: bool) -> None:
    """Import cases from a JSON Lines file (EXCHANGE.md section 1); '-' reads standard input.

    Every line is checked first. If any is refused, nothing is imported unless --accept-good
    is given. Exits with 0 when all lines were imported, or when --accept-good imported some.
    """
    import sys

    from portal import exchange

    with click.open_file(source, "rb") as stream:
        lines = stream.read().split(b"\n")
    check = exchange.FileCheck(exchange.council_rules())
    with click.progressbar(lines, label="Checking lines", file=sys.stderr) as bar:
        for number, line in enumerate(bar, 1):
            check.add(number, line)
    check.against_database()
    for line in check.report():
        click.echo(line, err=True)
    if check.refused and not accept_good:
        raise click.ClickException(
            f"Refused {_lines(len(check.refused))} of {check.lines}, so nothing was imported. Put "
            f"them right, or run again with --accept-good to import the good ones only "
            f"({_lines(len(check.good))})."
        )
    refused_before = set(check.refused)
    with click.progressbar(length=len(check.good), label="Importing cases",
                           file=sys.stderr) as bar:
        imported = exchange.import_cases(check, on_progress=bar.update)
    # Lines refused while importing: their reference was saved by something else meanwhile.
    for line in check.report(skip=refused_before):
        click.echo(line, err=True)
    click.echo(f"Imported {imported} {'case' if imported == 1 else 'cases'}; "
               f"refused {_lines(len(check.refused))}.")
    if check.refused and not imported:
        raise click.ClickException("Nothing was imported.")


def _lines(count: int) -> str:
    return f"{count} line" if count == 1 else f"{count} lines"


@cases.command("export")
@click.argument("target", type=click.Path(dir_okay=False, writable=True, allow_dash=True))
def export_cases(target: str) -> None:
    """Write every case as JSON Lines (EXCHANGE.md section 1); '-' writes to standard output."""
    from portal import exchange
    from portal.audit import audit
    from portal.extensions import db

    written = 0
    with click.open_file(target, "wb", atomic=target != "-") as stream:
        for line in exchange.export_lines():
            stream.write(line.encode("utf-8"))
            written += 1
    audit("export", "cases", cases=written, via="command line")
    db.session.commit()
    click.echo(f"Exported {written} cases.", err=target == "-")


@click.group(cls=AppGroup)
def outbox() -> None:
    """Emails waiting to be sent."""


def _summary_line(summary) -> str:
    line = f"Sent {summary.sent}, retrying later {summary.retrying}, failed {summary.failed}."
    if summary.released or summary.lost:
        line += f" Handed back {summary.released}, taken over by another worker {summary.lost}."
    return line


@outbox.command("send")
@click.option("--limit", default=50, show_default=True, help="At most this many emails.")
def outbox_send(limit: int) -> None:
    """Send the emails that are due, once (run it every minute or so, for example from cron)."""
    from portal.notifications.worker import send_due

    try:
        summary = send_due(limit=limit)
    except ValueError as error:  # a mail setting is wrong: say which, without a traceback
        raise click.ClickException(str(error)) from None
    click.echo(_summary_line(summary))


@outbox.command("run")
@click.option("--interval", default=10.0, show_default=True, help="Seconds between passes.")
@click.option("--limit", default=50, show_default=True, help="At most this many emails a pass.")
@click.option("--passes", type=int, default=None, help="Stop after this many passes.")
def outbox_run(interval: float, limit: int, passes: int | None) -> None:
    """Keep sending emails as they fall due, until stopped with Ctrl-C."""
    import time

    from portal.extensions import db
    from portal.notifications.worker import default_worker_id, send_due

    me = default_worker_id()
    click.echo(f"Sending emails every {interval:g} seconds as {me}. Stop with Ctrl-C.")
    done = 0
    try:
        while passes is None or done < passes:
            try:
                summary = send_due(limit=limit, worker_id=me)
                if summary.handled or summary.released or summary.lost:
                    click.echo(_summary_line(summary))
            except Exception as error:  # noqa: BLE001 (a database hiccup must not stop the worker)
                db.session.rollback()
                click.echo(f"This pass failed and will be tried again: {error}", err=True)
            finally:
                db.session.remove()
            done += 1
            if passes is None or done < passes:
                time.sleep(interval)
    except KeyboardInterrupt:
        # An email claimed but not sent goes back to the queue when its claim runs out.
        click.echo("Stopped.")


@outbox.command("status")
def outbox_status() -> None:
    """How many emails are waiting, sent and failed, and why each failed one failed."""
    from portal.notifications import outbox as store

    for status, count in store.counts().items():
        click.echo(f"{status}: {count}")
    failed = store.failed()
    if failed:
        click.echo("\nFailed (not sent, and not tried again):")
        for message in failed:
            click.echo(f"  {message.id}  {message.kind}  {message.subject}  to {message.to_address}"
                       f"  after {message.attempts} attempt(s): {message.last_error}")
        click.echo("Once the cause is put right: flask --app portal outbox retry ID ...")


@outbox.command("retry")
@click.argument("ids", nargs=-1, type=int, required=True)
def outbox_retry(ids: tuple[int, ...]) -> None:
    """Put failed emails back in the queue, by their number in `outbox status`."""
    from portal.notifications import outbox as store

    click.echo(f"Queued {store.retry(list(ids))} failed emails again.")
