"""`flask --app portal statistics YEAR`: a reporting year's statistics as JSON, CSV or xlsx.

    flask --app portal statistics 2023-24                      JSON to standard output
    flask --app portal statistics 2023-24 --output s.json      JSON to a file
    flask --app portal statistics 2023-24 --format csv         every table, one after another,
                                                               each under a "# " heading line
    flask --app portal statistics 2023-24 --format csv --output s.zip
                                                               a .zip of one CSV file per table
    flask --app portal statistics 2023-24 --format xlsx --output s.xlsx
                                                               a workbook, a sheet per family

A year written wrongly, or xlsx without --output, is a usage error: exit code 2, with a message.
"""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask.cli import with_appcontext

from portal.domain.statistics import ReportingYear, YearError, parse_year


class YearParam(click.ParamType):
    name = "YEAR"

    def convert(self, value, param, ctx) -> ReportingYear:
        if isinstance(value, ReportingYear):
            return value
        try:
            return parse_year(value)
        except YearError as error:
            self.fail(str(error), param, ctx)


@click.command("statistics")
@click.argument("year", type=YearParam())
@click.option("--format", "form", type=click.Choice(["json", "csv", "xlsx"]), default="json",
              show_default=True, help="json or csv go to standard output unless --output is given.")
@click.option("--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write to this file: .json, .zip (one CSV per table) or .xlsx.")
@click.option("--borough", help="Only this borough's cases (a slug of [[boroughs]], or not_recorded).")
@with_appcontext
def statistics(year: ReportingYear, form: str, output: Path | None, borough: str | None) -> None:
    """The annual statistics of YEAR (like 2023-24: 1 April 2023 to 31 March 2024)."""
    from flask import current_app

    from portal.statistics import formats
    from portal.statistics.queries import NO_BOROUGH
    from portal.statistics.report import build_report

    if form == "xlsx" and output is None:
        raise click.UsageError("--format xlsx writes a workbook: give --output FILE.xlsx")
    council = current_app.extensions["council"]
    if borough and not council.borough(borough) and not (council.boroughs and borough == NO_BOROUGH):
        choices = ", ".join([b.slug for b in council.boroughs] + ([NO_BOROUGH] if council.boroughs else []))
        raise click.BadParameter(f"{borough!r} is not one of the council's boroughs ({choices or 'it has none'})",
                                 param_hint="--borough")
    report = build_report(year, borough=borough)
    if form == "json":
        text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
        if output:
            output.write_text(text, encoding="utf-8")
        else:
            click.echo(text, nl=False)
    elif form == "csv" and output is None:
        click.echo(formats.csv_text(report), nl=False)
    elif form == "csv":
        formats.write_csv_zip(report, output)
    else:
        formats.write_xlsx(report, output)
    if output:
        click.echo(f"Wrote the {year.label} statistics to {output}.", err=True)
