"""The annual statistics (STATISTICS.md, EXCHANGE.md section 2): counted from the cases' dates,
for any reporting year, as one object (report), as CSV and spreadsheet tables (formats), and
from the command line (cli: `flask --app portal statistics 2023-24`)."""

from portal.statistics.report import build_report

__all__ = ["build_report"]
