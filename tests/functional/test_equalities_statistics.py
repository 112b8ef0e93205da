"""S16, equalities: the year's complaints counted by the answers of the child and of the person
complaining, with small numbers hidden, and shown only to statistics viewers.

The year below, 2023-24 (every answer saved through portal.equality.store, as the forms do):

statutory  8  child White British, 5-10, 4 female 4 male, not disabled;
              the parent complaining White British, female, 25-64
statutory  6  child African, 11-15, male, disabled; the parent African, female, 25-64
statutory  2  child Indian, 0-4, female, disability "prefer not to say"; no complainant answers
statutory  1  a young person's own complaint: White British, 16-17, female, not disabled;
              no complainant answers, so they count as the person complaining too
statutory  5  no answers at all
corporate  6  child White British, 11-15, male, not disabled; no complainant answers

So 28 complaints, 23 with answers. Not counted: a complaint received on 31 March 2023 and one
on 1 April 2024, and a compliment received in the year, each with an Irish child.
"""

from __future__ import annotations

import csv
import io
import json
from itertools import count

import pytest
from openpyxl import load_workbook

from portal.equality import store
from portal.extensions import db
from portal.models import ContextFigure
from portal.statistics.report import build_report
from tests.conftest import sign_in

YEAR = "2023-24"
HIDDEN = "<5"
ANSWERS_WITHHELD = "Equalities figures are shown only to statistics viewers."
BRITISH = "White: English, Welsh, Scottish, Northern Irish or British"
PARENT = {"ethnicity": "white_british", "sex": "female", "age_band": "25-64"}
# (procedure, how many, child's answers or None, complainant's answers or None, young person)
COMPLAINTS = [
    ("statutory", 4, {"ethnicity": "white_british", "age_band": "5-10", "sex": "female",
                      "disability": "no"}, PARENT, False),
    ("statutory", 4, {"ethnicity": "white_british", "age_band": "5-10", "sex": "male",
                      "disability": "no"}, PARENT, False),
    ("statutory", 6, {"ethnicity": "black_african", "age_band": "11-15", "sex": "male",
                      "disability": "yes"}, {**PARENT, "ethnicity": "black_african"}, False),
    ("statutory", 2, {"ethnicity": "asian_indian", "age_band": "0-4", "sex": "female",
                      "disability": "prefer_not_to_say"}, None, False),
    ("statutory", 1, {"ethnicity": "white_british", "age_band": "16-17", "sex": "female",
                      "disability": "no"}, None, True),
    ("statutory", 5, None, None, False),
    ("corporate", 6, {"ethnicity": "white_british", "age_band": "11-15", "sex": "male",
                      "disability": "no"}, None, False),
]
IRISH = {"ethnicity": "white_irish", "age_band": "11-15", "sex": "male", "disability": "no"}
# Cells each table really holds (before suppression), from the list above.
TRUE_CHILD_ETHNICITY = {"white_british": 15, "black_african": 6, "asian_indian": 2,
                        "not_recorded": 5}


def add_cases(app, tmp_path, lines: list[dict]) -> None:
    """Cases imported as a council would load them (the answers are saved apart, below)."""
    path = tmp_path / f"cases-{next(_files)}.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    result = app.test_cli_runner().invoke(args=["cases", "import", str(path)])
    assert result.exit_code == 0, result.output


_files = count(1)


def complaint(reference: str, procedure: str, received_on: str, young: bool = False) -> dict:
    return {"reference": reference, "kind": "complaint", "procedure": procedure,
            "received_on": received_on, "received_via": "email", "made_by_young_person": young}


def save_answers(app, answers: dict[str, dict[str, dict]]) -> None:
    with app.app_context():
        for reference, subjects in answers.items():
            for subject, values in subjects.items():
                store.save(reference, subject, values, "staff")
        db.session.commit()


@pytest.fixture
def year_of_answers(app, tmp_path):
    lines, answers = [], {}
    numbers = count(1)
    for procedure, how_many, child, complainant, young in COMPLAINTS:
        for _ in range(how_many):
            reference = f"EQ-{next(numbers):02d}"
            lines.append(complaint(reference, procedure, "2023-06-01", young))
            subjects = {"child": child, "complainant": complainant}
            answers[reference] = {s: v for s, v in subjects.items() if v is not None}
    lines += [complaint("EQ-MARCH", "statutory", "2023-03-31"),
              complaint("EQ-APRIL", "statutory", "2024-04-01"),
              {"reference": "EQ-THANKS", "kind": "compliment", "received_on": "2023-07-01",
               "received_via": "email"}]
    for reference in ("EQ-MARCH", "EQ-APRIL", "EQ-THANKS"):
        answers[reference] = {"child": IRISH, "complainant": IRISH}
    add_cases(app, tmp_path, lines)
    save_answers(app, answers)
    with app.app_context():
        db.session.add_all([ContextFigure(year=YEAR, group_code=code, count=n)
                            for code, n in {"all": 400, "white": 300, "asian": 40,
                                            "black": 0}.items()])
        db.session.commit()
    return app


def equalities_of(app, year: str = YEAR) -> dict:
    with app.app_context():
        return build_report(year)["equalities"]


def nonzero(counts: dict) -> dict:
    return {code: n for code, n in counts.items() if n != 0}


# The figures -------------------------------------------------------------------------------------

def test_the_childs_ethnicity_is_counted_and_small_numbers_hidden(year_of_answers):
    child = equalities_of(year_of_answers)["child"]
    # 2 Indian children is a small number: "<5". Alone it could be worked out as
    # 28 - 15 - 6 - 5, so the smallest other count, the 5 not recorded, is hidden too.
    assert nonzero(child["ethnicity"]) == {"white_british": 15, "black_african": 6,
                                           "asian_indian": HIDDEN, "not_recorded": HIDDEN,
                                           "total": 28}
    # The high-level groups agree with the backgrounds they add up to.
    assert nonzero(child["ethnic_group"]) == {"white": 15, "black": 6, "asian": HIDDEN,
                                              "not_recorded": HIDDEN, "total": 28}
    # Every code is listed, in the order of the question, the total last.
    assert list(child["ethnicity"])[:2] == ["white_british", "white_irish"]
    assert list(child["ethnicity"])[-3:] == ["prefer_not_to_say", "not_recorded", "total"]
    assert len(child["ethnicity"]) == 19 + 3
    assert list(child["ethnic_group"]) == ["white", "mixed", "asian", "black", "other",
                                           "prefer_not_to_say", "not_recorded", "total"]


def test_age_sex_and_disability_of_the_child(year_of_answers):
    child = equalities_of(year_of_answers)["child"]
    # Two small bands (2 and 1) hidden; together they are 3, which could be anything from
    # 1 + 2 to 2 + 1, so nothing else needs to be hidden.
    assert nonzero(child["age_band"]) == {"0-4": HIDDEN, "5-10": 8, "11-15": 12,
                                          "16-17": HIDDEN, "not_recorded": 5, "total": 28}
    assert nonzero(child["sex"]) == {"female": 7, "male": 16, "not_recorded": 5, "total": 28}
    assert nonzero(child["disability"]) == {"yes": 6, "no": 15, "prefer_not_to_say": HIDDEN,
                                            "not_recorded": HIDDEN, "total": 28}


def test_a_young_person_complaining_for_themselves_is_the_complainant(year_of_answers):
    complainant = equalities_of(year_of_answers)["complainant"]
    # 8 parents and the young person; the 2 Indian children's complaints, the 5 without
    # answers and the 6 corporate ones have no complainant answers: 13 not recorded.
    assert nonzero(complainant["ethnicity"]) == {"white_british": 9, "black_african": 6,
                                                 "not_recorded": 13, "total": 28}
    assert nonzero(complainant["sex"]) == {"female": 15, "not_recorded": 13, "total": 28}
    # The young person's band is 1 person: hidden, and the smaller of the others with it.
    assert nonzero(complainant["age_band"]) == {"16-17": HIDDEN, "25-64": 14,
                                                "not_recorded": HIDDEN, "total": 28}


def test_statutory_complaints_on_their_own(year_of_answers):
    statutory = equalities_of(year_of_answers)["statutory"]
    assert nonzero(statutory["ethnicity"]) == {"white_british": 9, "black_african": 6,
                                               "asian_indian": HIDDEN, "not_recorded": HIDDEN,
                                               "total": 22}
    assert nonzero(statutory["age_band"]) == {"0-4": HIDDEN, "5-10": 8, "11-15": 6,
                                              "16-17": HIDDEN, "not_recorded": 5, "total": 22}


def test_nothing_hidden_can_be_worked_out_from_a_total(year_of_answers):
    equalities = equalities_of(year_of_answers)
    for table in ("child", "complainant", "statutory"):
        for breakdown, shown in equalities[table].items():
            hidden = [code for code, value in shown.items() if value == HIDDEN]
            assert len(hidden) != 1, (table, breakdown)
            if shown["total"] != HIDDEN and hidden:
                # What is left of the total is shared by the hidden cells: if it were no more
                # than their number, each would have to be 1.
                left = shown["total"] - sum(v for k, v in shown.items()
                                            if k != "total" and v != HIDDEN)
                assert left > len(hidden), (table, breakdown, left)
    # Checked against the true counts: each hidden cell really was hidden, none of them shown.
    child = equalities["child"]["ethnicity"]
    assert all(child[code] in (n, HIDDEN) for code, n in TRUE_CHILD_ETHNICITY.items())


def test_all_less_statutory_gives_nothing_away(app, tmp_path):
    # 7 statutory and 2 corporate White British children, 6 and 5 African ones. Showing the
    # statutory 7 beside all 9 would give away the 2 corporate ones, so the statutory counts
    # are hidden; the totals stay, as they say nothing about anyone's ethnicity.
    lines, answers = [], {}
    for n, (procedure, ethnicity) in enumerate(
            [("statutory", "white_british")] * 7 + [("corporate", "white_british")] * 2
            + [("statutory", "black_african")] * 6 + [("corporate", "black_african")] * 5):
        lines.append(complaint(f"MIX-{n:02d}", procedure, "2023-09-01"))
        answers[f"MIX-{n:02d}"] = {"child": {"ethnicity": ethnicity}}
    add_cases(app, tmp_path, lines)
    save_answers(app, answers)
    equalities = equalities_of(app)
    assert nonzero(equalities["child"]["ethnicity"]) == {"white_british": 9,
                                                         "black_african": 11, "total": 20}
    assert nonzero(equalities["statutory"]["ethnicity"]) == {"white_british": HIDDEN,
                                                             "black_african": HIDDEN,
                                                             "total": 13}


def test_complaints_with_answers_and_rates_beside_the_children_supported(year_of_answers):
    equalities = equalities_of(year_of_answers)
    assert equalities["answered"] == 23
    assert (equalities["threshold"], equalities["marker"]) == (4, HIDDEN)
    assert equalities["rates"] == {
        # 15 of 300: 5%.
        "white": {"supported": 300, "complained": 15, "percent": 5},
        # 2 complaints is a small number, and so would be any share worked out from it.
        "asian": {"supported": 40, "complained": HIDDEN, "percent": HIDDEN},
        # No children entered: no percentage.
        "black": {"supported": 0, "complained": 6, "percent": "N/A"},
    }  # mixed and other: no figure entered, so no row
    note = equalities["note"]
    for says in ("kept apart from the cases", "not given, or not asked", '"<5"',
                 "counts as both", '"answered"'):
        assert says in note


def test_a_few_answers_are_a_small_number_too(app, tmp_path):
    add_cases(app, tmp_path, [complaint(f"FEW-{n}", "statutory", "2023-05-01")
                              for n in range(6)])
    save_answers(app, {"FEW-0": {"child": {"ethnicity": "white_roma"}},
                       "FEW-1": {"complainant": {"sex": "male"}}})
    equalities = equalities_of(app)
    assert equalities["answered"] == HIDDEN
    assert nonzero(equalities["child"]["ethnicity"]) == {"white_roma": HIDDEN,
                                                         "not_recorded": HIDDEN, "total": 6}


def test_nothing_outside_the_year_is_counted(year_of_answers):
    equalities = equalities_of(year_of_answers)
    for table in ("child", "complainant", "statutory"):
        assert equalities[table]["ethnicity"]["white_irish"] == 0
    # The complaints of 2022-23 and 2024-25 are counted in their own years.
    before, after = equalities_of(year_of_answers, "2022-23"), equalities_of(year_of_answers,
                                                                              "2024-25")
    for other in (before, after):
        assert nonzero(other["child"]["ethnicity"]) == {"white_irish": HIDDEN, "total": HIDDEN}
        assert other["answered"] == HIDDEN and other["rates"] == {}


# Who sees them ---------------------------------------------------------------------------------

def s16_text(page) -> str:
    """The text of the S16 section of the year's page, up to the next family."""
    parts, heading = [], page.soup.find("h2", id="S16")
    for element in heading.find_next_siblings():
        if element.name == "h2":
            break
        parts.append(element.get_text(" ", strip=True))
    return " ".join(parts)


def test_a_statistics_viewer_sees_the_figures_everywhere(year_of_answers):
    viewer = sign_in(year_of_answers, "statistics")
    page = viewer.get(f"/staff/statistics/{YEAR}")
    section = s16_text(page)
    assert "Ethnic background of the child and of the person complaining" in section
    assert ANSWERS_WITHHELD not in section
    rows = {row[0]: row[1:] for row in page_rows(page, "Ethnic background")}
    # child, complainant, child in statutory complaints
    assert rows[BRITISH] == ["15", "9", "9"]
    assert rows["Asian or Asian British: Indian"] == [HIDDEN, "0", HIDDEN]
    assert rows["Total"] == ["28", "28", "22"]
    rates = {row[0]: row[1:] for row in page_rows(page, "Children supported and complaints")}
    assert rates["White"] == ["300", "15", "5"]
    assert rates["Black, Black British, Caribbean or African"] == ["0", "6", "N/A"]

    # A chart beside the table never draws a hidden count: it is written, with no bar.
    figure = page.soup.find(id="S16_equalities_ethnic_group")
    chart = figure.select_one("svg.portal-chart")
    assert "Asian or Asian British: <5" in chart.desc.get_text()
    assert len(chart.select("rect")) == 2  # White 15 and Black 6; zeros have no bar either

    the_json = json.loads(viewer.client.get(f"/staff/statistics/{YEAR}.json").get_data(True))
    assert the_json["equalities"]["child"]["ethnicity"]["white_british"] == 15
    response = viewer.client.get(f"/staff/statistics/{YEAR}/S16_equalities_ethnicity.csv")
    assert response.headers["Cache-Control"] == "no-store"
    lines = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert lines[0] == ["ethnicity", "child", "complainant", "child_statutory"]
    assert [BRITISH, "15", "9", "9"] in lines
    report = viewer.get(f"/staff/statistics/{YEAR}/report").soup.get_text(" ", strip=True)
    assert "Equalities information was given for 23 of the 28 complaints" in report
    assert BRITISH in report


def page_rows(page, caption_start: str) -> list[list[str]]:
    caption = next(c for c in page.soup.select("table caption")
                   if c.get_text(" ", strip=True).startswith(caption_start))
    return [[cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
            for row in caption.find_parent("table").select("tbody tr")]


@pytest.mark.parametrize("role", ["manager", "admin"])
def test_other_viewers_see_a_sentence_instead(year_of_answers, role):
    viewer = sign_in(year_of_answers, role)
    page = viewer.get(f"/staff/statistics/{YEAR}")
    section = s16_text(page)
    assert section == ANSWERS_WITHHELD
    text = page.soup.get_text(" ", strip=True)
    assert BRITISH not in text and "Ethnic background" not in text
    assert not page.soup.find(id="S16_equalities_ethnicity")
    # The other families are all there.
    assert page.soup.find(id="S15_received_via") and page.soup.find(id="S17_corporate")

    report = viewer.get(f"/staff/statistics/{YEAR}/report").soup.get_text(" ", strip=True)
    assert ANSWERS_WITHHELD in report
    assert BRITISH not in report and "Equalities information was given" not in report
    # The children supported, which are no one's answers, are still set out.
    assert "worked with 400 children and young people" in report

    response = viewer.client.get(f"/staff/statistics/{YEAR}.json")
    assert response.headers["Cache-Control"] == "no-store"
    assert json.loads(response.get_data(as_text=True))["equalities"] == {
        "note": ANSWERS_WITHHELD}
    assert viewer.client.get(
        f"/staff/statistics/{YEAR}/S16_equalities_ethnicity.csv").status_code == 404
    note = viewer.client.get(f"/staff/statistics/{YEAR}/S16_equalities.csv")
    assert list(csv.reader(io.StringIO(note.get_data(as_text=True)))) == [
        ["note"], [ANSWERS_WITHHELD]]
    book = load_workbook(io.BytesIO(viewer.client.get(f"/staff/statistics/{YEAR}.xlsx").data))
    cells = [c for row in book["S16 Equalities"].iter_rows(values_only=True) for c in row if c]
    assert cells == ["Equalities", "note", ANSWERS_WITHHELD]


def test_the_command_prints_the_full_figures(year_of_answers):
    result = year_of_answers.test_cli_runner().invoke(
        args=["statistics", YEAR, "--format", "json"])
    assert result.exit_code == 0, result.output
    equalities = json.loads(result.stdout)["equalities"]
    assert equalities["child"]["ethnicity"]["white_british"] == 15
    assert equalities["child"]["ethnicity"]["asian_indian"] == HIDDEN
    assert equalities["rates"]["white"]["percent"] == 5


def test_the_first_and_last_days_of_the_year_are_in_it(app, tmp_path):
    days = ["2023-04-01"] * 3 + ["2024-03-31"] * 3
    add_cases(app, tmp_path, [complaint(f"EDGE-{n}", "statutory", day)
                              for n, day in enumerate(days)])
    save_answers(app, {f"EDGE-{n}": {"child": {"sex": "female"}} for n in range(6)})
    assert nonzero(equalities_of(app)["child"]["sex"]) == {"female": 6, "total": 6}
