"""Children supported in a year, entered by managers, shown in the draft annual report."""

from __future__ import annotations

from tests.conftest import sign_in

FIGURES = {"all": "6842", "white": "5130", "mixed": "557", "asian": "287", "black": "717", "other": "151"}


def test_a_manager_enters_the_years_figures_and_the_report_uses_them(app):
    manager = sign_in(app, "manager")
    page = manager.get("/staff/statistics/2023-24/context")
    saved = manager.post("/staff/statistics/2023-24/context", {**FIGURES, "csrf_token": page.csrf()})
    assert saved.response.location.endswith("/staff/statistics/2023-24/context")
    again = manager.get("/staff/statistics/2023-24/context")
    assert again.soup.find("input", attrs={"name": "mixed"})["value"] == "557"
    report = manager.get("/staff/statistics/2023-24/report").soup.get_text(" ", strip=True)
    assert "worked with 6842 children and young people in 2023-24" in report
    assert "Mixed or Multiple ethnic groups 557" in report


def test_figures_that_are_not_numbers_or_do_not_add_up_are_refused(app):
    manager = sign_in(app, "manager")
    page = manager.get("/staff/statistics/2023-24/context")
    shown = manager.post("/staff/statistics/2023-24/context",
                         {**FIGURES, "white": "lots", "csrf_token": page.csrf()}, expect=200)
    assert shown.errors() == ["Enter the number of children for white as a whole number, like 557"]
    assert shown.soup.find("input", attrs={"name": "white"})["value"] == "lots"
    shown = manager.post("/staff/statistics/2023-24/context",
                         {**FIGURES, "all": "100", "csrf_token": page.csrf()}, expect=200)
    assert shown.errors() == ["The groups add up to more than all children supported: check the figures"]


def test_a_statistics_viewer_reads_the_figures_and_an_officer_may_not(app):
    viewer = sign_in(app, "statistics")
    page = viewer.get("/staff/statistics/2023-24/context")
    assert not page.soup.find("form", attrs={"method": "post", "action": "/staff/statistics/2023-24/context"})
    officer = sign_in(app, "officer", "officer2@example.org.uk")
    assert officer.client.get("/staff/statistics/2023-24/context").status_code == 403
