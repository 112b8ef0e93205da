"""The year's figures the report sets complaints beside, entered by managers for each measure
the council configures, and shown in the draft annual report."""

from __future__ import annotations

from tests.conftest import sign_in

SUPPORTED = {"all": "6842", "white": "5130", "mixed": "557", "asian": "287", "black": "717", "other": "151"}
FIGURES = {f"children_supported-{code}": n for code, n in SUPPORTED.items()}


def test_a_manager_enters_the_years_figures_and_the_report_uses_them(app):
    manager = sign_in(app, "manager")
    page = manager.get("/staff/statistics/2023-24/context")
    # The demo council reports children supported by ethnic group, and looked-after children.
    assert [h.get_text(strip=True) for h in page.soup.select("legend h2")] == [
        "Children supported", "Looked-after children"]
    saved = manager.post("/staff/statistics/2023-24/context",
                         {**FIGURES, "looked_after_children-all": "412", "csrf_token": page.csrf()})
    assert saved.response.location.endswith("/staff/statistics/2023-24/context")
    again = manager.get("/staff/statistics/2023-24/context")
    assert again.soup.find("input", attrs={"name": "children_supported-mixed"})["value"] == "557"
    report = manager.get("/staff/statistics/2023-24/report").soup.get_text(" ", strip=True)
    assert "worked with 6842 children and young people in 2023-24" in report
    assert "Mixed or Multiple ethnic groups 557" in report
    assert "Looked-after children in 2023-24: 412." in report


def test_figures_that_are_not_numbers_or_do_not_add_up_are_refused(app):
    manager = sign_in(app, "manager")
    page = manager.get("/staff/statistics/2023-24/context")
    shown = manager.post("/staff/statistics/2023-24/context",
                         {**FIGURES, "children_supported-white": "lots", "csrf_token": page.csrf()}, expect=200)
    assert shown.errors() == ["Enter children supported, white as a whole number, like 557"]
    assert shown.soup.find("input", attrs={"name": "children_supported-white"})["value"] == "lots"
    shown = manager.post("/staff/statistics/2023-24/context",
                         {**FIGURES, "children_supported-all": "100", "csrf_token": page.csrf()}, expect=200)
    assert shown.errors() == ["Children supported: the groups by ethnicity add up to more than all: check the figures"]


def test_a_statistics_viewer_reads_the_figures_and_an_officer_may_not(app):
    viewer = sign_in(app, "statistics")
    page = viewer.get("/staff/statistics/2023-24/context")
    assert not page.soup.find("form", attrs={"method": "post", "action": "/staff/statistics/2023-24/context"})
    officer = sign_in(app, "officer", "officer2@example.org.uk")
    assert officer.client.get("/staff/statistics/2023-24/context").status_code == 403
