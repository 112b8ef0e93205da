"""Each of the five example councils, from configuration alone: a complaint sent, handled and
counted the council's way; a council without "partially upheld" can never record it; and one
installation's boroughs, whose figures add up to the whole."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from portal import casework
from portal.extensions import db
from portal.models import Case, CaseStage
from portal.statistics.report import build_report
from tests.conftest import ROOT, CheckingClient, make_app, sign_in
from tests.journeys import COMPLAINT

EXAMPLES = ("milton-keynes", "kingston-richmond", "central-bedfordshire", "harrow", "medway")


@pytest.fixture(scope="module")
def apps(tmp_path_factory):
    """One portal per example council, each on its own database (built once: it takes seconds)."""
    return {name: make_app(tmp_path_factory.mktemp(name), name.replace("-", "_"),
                           COUNCIL_FILE=str(ROOT / "portal" / "councils" / f"{name}.toml"))
            for name in EXAMPLES}


@pytest.fixture
def portal_for(apps):
    def fresh(name: str):
        app = apps[name]
        with app.app_context():
            for table in reversed(db.metadata.sorted_tables):
                db.session.execute(table.delete())
            db.session.commit()
        return app
    return fresh


def this_year() -> str:
    today = date.today()
    start = today.year if today.month >= 4 else today.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def send(app, borough: str | None = None) -> str:
    """A parent's complaint through the public form, about the council's first social care area."""
    council = app.extensions["council"]
    area = next(a for a in council.service_areas if a.function == "childrens_social_care")
    client = CheckingClient(app.test_client())
    client.get("/tell-us/start", expect=302)
    for slug, data in COMPLAINT:
        if slug == "service":
            if council.boroughs:
                client.answer("area", {"borough": borough or "unknown"})
            data = {"service_area": area.slug, "team": area.teams[0] if area.teams else ""}
        client.answer(slug, data)
    check = client.get("/tell-us/check")
    client.post("/tell-us/check", {"csrf_token": check.csrf()})
    return client.get("/tell-us/sent").soup.select_one(".portal-reference").get_text(strip=True)


def act(client, reference, action, data, expect=302):
    page = client.get(f"/staff/cases/{reference}")
    client.post(f"/staff/cases/{reference}/{action}", {**data, "csrf_token": page.csrf()}, expect=expect)
    return client.get(f"/staff/cases/{reference}")


@pytest.mark.parametrize("name", EXAMPLES)
def test_a_complaint_is_sent_handled_and_counted_the_councils_way(portal_for, name):
    app = portal_for(name)
    council = app.extensions["council"]
    reference = send(app, council.boroughs[0].slug if council.boroughs else None)
    assert reference.startswith(council.reference_prefix + "-")
    officer = sign_in(app, "officer")
    act(officer, reference, "acknowledge", {"method": "email"})
    page = act(officer, reference, "respond", {
        "outcome": "upheld", "category": [council.categories[0].slug], "issue_outcome": ["upheld"]})
    assert "Stage 1 response recorded." in page.text
    # The response form offers exactly the council's outcomes.
    offered = [i["value"] for i in page.soup.select("select[name=issue_outcome]")[0].select("option")]
    assert offered == list(council.outcomes)
    act(officer, reference, "escalate", {"investigating_officer": "Ivy Officer", "independent_person": "Ian Person"})

    report = build_report_in(app, this_year())
    stage1 = report["statutory"]["stage1"]
    assert (stage1["received"], stage1["responded"]) == (1, 1)
    assert list(stage1["outcomes"]) == [*council.outcomes, "withdrawn"]
    assert report["statutory"]["stage2"]["started"] == 1
    category = council.categories[0].slug
    assert stage1["issue_outcomes"][category] == {o: int(o == "upheld") for o in council.outcomes}

    manager = sign_in(app, "manager", "manager@example.org.uk")
    shown = manager.get(f"/staff/statistics/{this_year()}")
    headings = [h.get_text(strip=True) for h in shown.soup.select("h2.govuk-heading-m")]
    assert ("S17: Corporate complaints" in headings) == council.records.non_statutory
    assert ("S13: Alternative dispute resolution" in headings) == council.adr.offered
    header_cells = [th.get_text(strip=True) for th in shown.soup.select("#S08_issue_outcomes th[scope=col]")]
    # In the council's own words ("Upheld in part"), and only where it uses it.
    assert (council.outcome_label("partially_upheld") in header_cells) == ("partially_upheld" in council.outcomes)
    assert [c for c in header_cells if "upheld" in c.lower()] == [council.outcome_label(o) for o in council.outcomes]
    draft = manager.get(f"/staff/statistics/{this_year()}/report")
    assert council.name in draft.text


def build_report_in(app, year: str, **kwargs) -> dict:
    with app.test_request_context():
        return build_report(year, **kwargs)


def test_a_council_without_partially_upheld_can_never_record_it(portal_for):
    app = portal_for("medway")
    reference = send(app)
    officer = sign_in(app, "officer")
    page = act(officer, reference, "respond", {"outcome": "partially_upheld"})
    assert "Choose the outcome." in page.text
    assert not page.soup.select("input[value=partially_upheld]")
    assert "partially_upheld" not in [o["value"] for o in page.soup.select("option")]
    category = app.extensions["council"].categories[0].slug
    page = act(officer, reference, "respond", {"outcome": "upheld", "category": [category],
                                                "issue_outcome": ["partially_upheld"]})
    assert "Choose a category and an outcome for each issue." in page.text
    with app.test_request_context():
        case = db.session.scalar(select(Case).where(Case.reference == reference))
        with pytest.raises(casework.CaseworkError):
            casework.respond(case, 1, "partially_upheld", [], None, date.today())
        db.session.rollback()
        assert db.session.scalar(select(CaseStage).where(CaseStage.case_id == case.id)) is None
    # Nor can it come in from another system.
    from portal import exchange

    with app.app_context():
        rules = exchange.council_rules()
    assert "partially_upheld" not in rules.outcomes and "upheld" in rules.outcomes


def test_a_boroughs_figures_and_the_others_add_up_to_all(portal_for):
    app = portal_for("kingston-richmond")
    kingston = [send(app, "kingston") for _ in range(3)]
    richmond = [send(app, "richmond") for _ in range(2)]
    unsure = send(app)
    officer = sign_in(app, "officer")
    page = officer.get(f"/staff/cases/{unsure}")
    assert "Borough not recorded" in page.text
    for reference in kingston[:2] + richmond[:1]:
        act(officer, reference, "respond", {"outcome": "not_upheld"})
    with app.app_context():
        chosen = dict(db.session.execute(select(Case.reference, Case.borough)).all())
    assert [chosen[r] for r in kingston + richmond + [unsure]] == ["kingston"] * 3 + ["richmond"] * 2 + [None]

    year = this_year()
    whole = build_report_in(app, year)
    parts = [build_report_in(app, year, borough=b) for b in ("kingston", "richmond", "not_recorded")]
    assert [p["statutory"]["stage1"]["received"] for p in parts] == [3, 2, 1]
    for path in (("statutory", "stage1", "received"), ("statutory", "stage1", "responded"),
                 ("statutory", "stage1", "outcomes", "not_upheld"), ("representations", "transactions"),
                 ("compliments", "received"), ("corporate", "received")):
        assert sum(dig(p, path) for p in parts) == dig(whole, path), path
    for month in range(12):
        assert sum(p["statutory"]["stage1"]["by_month"][month]["received"] for p in parts) == \
            whole["statutory"]["stage1"]["by_month"][month]["received"]
    assert parts[0]["configuration"]["borough"] == {"slug": "kingston", "name": "Kingston upon Thames"}

    manager = sign_in(app, "manager", "manager@example.org.uk")
    page = manager.get(f"/staff/statistics/{year}?borough=richmond")
    assert page.soup.h1.get_text(strip=True) == f"Statistics {year}: Richmond upon Thames"
    assert manager.get(f"/staff/statistics/{year}?borough=elsewhere", expect=404)
    download = manager.client.get(f"/staff/statistics/{year}.json?borough=richmond")
    assert 'statistics-%s-richmond.json' % year in download.headers["Content-Disposition"]
    assert download.json["statutory"]["stage1"]["received"] == 2
    # Staff move a case to its borough, and it moves in the figures.
    act(officer, unsure, "borough", {"borough": "richmond"})
    assert build_report_in(app, year, borough="richmond")["statutory"]["stage1"]["received"] == 3


def dig(report: dict, path: tuple[str, ...]):
    for key in path:
        report = report[key]
    return report


def test_representations_enquiries_and_joint_nhs_complaints_are_counted_apart(portal_for):
    app = portal_for("harrow")
    officer = sign_in(app, "officer")
    form = officer.get("/staff/cases/new")
    kinds = [i["value"] for i in form.soup.select("input[name=kind]")]
    assert kinds == ["complaint", "compliment", "comment", "representation", "member_enquiry"]
    area = app.extensions["council"].service_areas[0].slug
    made = []
    for kind, joint in (("representation", False), ("representation", False), ("member_enquiry", False),
                        ("complaint", True)):
        form = officer.get("/staff/cases/new")
        officer.post("/staff/cases/new", {
            "csrf_token": form.csrf(), "form_key": form.soup.find("input", attrs={"name": "form_key"})["value"],
            "kind": kind, "received_via": "telephone", "role": "parent", "language": "en",
            "service_area": area, "summary": "Asked when the next review is.", "team": "",
            "received_on-day": "", "received_on-month": "", "received_on-year": "",
            "contact_name": "", "contact_email": "", "contact_phone": "", "interpreter": "",
            **({"joint_nhs": "y"} if joint else {})})
        with app.app_context():
            made.append(db.session.scalars(select(Case.reference).order_by(Case.id.desc())).first())
    page = act(officer, made[1], "record-as", {"kind": "complaint", "reason": "They want it looked into formally."})
    assert "Recorded as: complaint." in page.text
    assert "First recorded as representation" in page.text
    assert "Joint with the NHS" in officer.get(f"/staff/cases/{made[3]}").text

    report = build_report_in(app, this_year())["representations"]
    assert (report["representations_received"], report["representations_became_complaints"],
            report["resolved_informally"]) == (2, 1, 1)
    assert (report["member_enquiries"], report["joint_nhs_complaints"], report["transactions"]) == (1, 1, 4)
    manager = sign_in(app, "manager", "manager@example.org.uk")
    page = manager.get(f"/staff/statistics/{this_year()}")
    rows = [r.select_one("th").get_text(strip=True) for r in page.soup.select("#S18_representations tbody tr")]
    # Harrow records no enquiries: their rows are not shown.
    assert rows == ["Representations received", "Representations became complaints", "Resolved informally",
                    "Member enquiries", "Joint nhs complaints", "Transactions"]
    target = page.soup.select_one("#S01_local_target").get_text(" ", strip=True)
    assert "85% of Stage 1 responses within 20 working days" in target


def test_a_young_person_says_where_they_live_in_plain_words(portal_for):
    from tests.young import WRONG

    app = portal_for("kingston-richmond")
    client = CheckingClient(app.test_client())
    client.get("/young-people/tell-us/start", expect=302)
    for slug, data in WRONG:
        if slug == "better":
            page = client.get("/young-people/tell-us/where")
            assert page.soup.h1.get_text(strip=True) == "Where do you live?"
            labels = [label.get_text(strip=True) for label in page.soup.select(".govuk-radios__label")]
            assert labels == ["Kingston upon Thames", "Richmond upon Thames", "I'm not sure"]
            shown = client.post("/young-people/tell-us/where", {"csrf_token": page.csrf()}, expect=200)
            assert shown.errors() == ["Choose where you live, or ‘I'm not sure’"]
            client.post("/young-people/tell-us/where", {"where": "richmond", "csrf_token": page.csrf()})
        page = client.get(f"/young-people/tell-us/{slug}")
        client.post(f"/young-people/tell-us/{slug}", {**data, "csrf_token": page.csrf()})
    check = client.get("/young-people/tell-us/check")
    assert "Richmond upon Thames" in check.text
    client.post("/young-people/tell-us/check", {"csrf_token": check.csrf()})
    with app.app_context():
        assert db.session.scalar(select(Case.borough)) == "richmond"
