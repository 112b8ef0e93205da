"""The statistics as staff see them: the same figures on the page, in each CSV, in the
spreadsheet and in the JSON; the draft annual report; who may see them."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from tests.conftest import CheckingClient, ROOT, sign_in

SAMPLE = ROOT / "tests" / "data" / "statistics-2023-24.jsonl"


@pytest.fixture
def viewer(app):
    result = app.test_cli_runner().invoke(args=["cases", "import", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    return sign_in(app, "statistics")


def the_json(client) -> dict:
    response = client.client.get("/staff/statistics/2023-24.json")
    assert response.status_code == 200
    return json.loads(response.get_data(as_text=True))


def page_table(page, caption_start: str) -> list[list[str]]:
    caption = next(c for c in page.soup.select("table caption") if c.get_text(" ", strip=True).startswith(caption_start))
    table = caption.find_parent("table")
    return [[cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])] for row in table.select("tbody tr")]


def test_every_family_is_on_the_page_with_a_table_and_downloads(viewer):
    page = viewer.get("/staff/statistics/2023-24")
    headings = [h.get("id") for h in page.soup.select("h2[id]")]
    assert headings == [f"S{n}" for n in range(1, 22)]
    assert page.soup.select("table.govuk-table caption"), "tables first"
    assert page.soup.select("svg.portal-chart title"), "charts have titles for screen readers"
    links = [a["href"] for a in page.soup.select(".portal-downloads a")]
    assert "/staff/statistics/2023-24.xlsx" in links and "/staff/statistics/2023-24.json" in links


def test_the_page_the_csv_the_spreadsheet_and_the_json_agree(viewer):
    report = the_json(viewer)
    stage1 = report["statutory"]["stage1"]
    page = viewer.get("/staff/statistics/2023-24")
    first = page.soup.select_one("#S1 ~ .portal-figure table")
    caption = first.caption.get_text(" ", strip=True)
    rows = {r[0]: r[1:] for r in page_table(page, caption)}
    received_row = rows["Stage 1 received"]
    assert received_row[0] == str(stage1["received"])

    link = page.soup.select_one("#S1 ~ .portal-figure .portal-downloads a")["href"]
    response = viewer.client.get(link)
    assert response.status_code == 200 and response.mimetype == "text/csv"
    lines = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    csv_rows = {r[0]: r[1:] for r in lines[1:]}
    assert csv_rows["stage1_received"][0] == str(stage1["received"])

    response = viewer.client.get("/staff/statistics/2023-24.xlsx")
    book = load_workbook(io.BytesIO(response.get_data()))
    values = [cell for row in book.worksheets[0].iter_rows(values_only=True) for cell in row]
    assert stage1["received"] in values and len(book.worksheets) == 21


def test_the_draft_report_fills_in_the_figures_and_leaves_room_for_narrative(viewer):
    report = the_json(viewer)
    page = viewer.get("/staff/statistics/2023-24/report")
    text = page.soup.get_text(" ", strip=True)
    stage1 = report["statutory"]["stage1"]
    assert f"the council received {stage1['received']} complaints" in text
    assert f"{stage1['within_10_working_days']} Stage 1 responses" in text
    for heading in ["Summary", "Timeliness", "Outcomes", "Ombudsman", "Remedies", "Children and young people",
                    "Equalities", "Compliments", "Learning"]:
        assert heading in text
    assert "[Add the council's commentary here.]" in text
    document = viewer.client.get("/staff/statistics/2023-24/report.html")
    assert "attachment" in document.headers["Content-Disposition"]
    assert f"the council received {stage1['received']} complaints" in document.get_data(as_text=True)


@pytest.mark.parametrize("year", ["2023", "2023-25", "nonsense"])
def test_a_year_that_is_not_one_is_not_found(viewer, year):
    viewer.get(f"/staff/statistics/{year}", expect=404)


@pytest.mark.parametrize("role,expected", [("officer", 403), ("investigator", 403), ("manager", 200), ("admin", 200)])
def test_only_statistics_viewers_managers_and_admins_see_statistics(app, role, expected):
    client = sign_in(app, role)
    for url in ["/staff/statistics/2023-24", "/staff/statistics/2023-24.json", "/staff/statistics/2023-24/report"]:
        assert client.client.get(url).status_code == expected


def test_a_visitor_is_sent_to_sign_in(app):
    response = CheckingClient(app.test_client()).client.get("/staff/statistics/2023-24")
    assert response.status_code == 302 and "/staff/sign-in" in response.location
