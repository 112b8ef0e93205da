"""Cases in and out as JSON Lines (EXCHANGE.md section 1): the commands and the download."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from portal import exchange
from portal.extensions import db
from portal.models import AuditEntry, Case, CaseEvent, CaseStage
from tests.conftest import CheckingClient, redirect_path, sign_in, submit_complaint

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "cases-sample.jsonl"
# Keys the export may add or the import ignores.
NOT_ROUND_TRIPPED = {"derived", "equalities"}
# What a key left out of a line becomes, besides null, false or [].
DEFAULTS = {"language": "en"}


def run(app, *args: str):
    return app.test_cli_runner().invoke(args=["cases", *args])


def lines_of(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def case_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Case))


def assert_same(given, exported, where: str = "") -> None:
    """What was given comes back; what was left out comes back empty (null, false or [])."""
    if isinstance(given, dict):
        assert isinstance(exported, dict), where
        for key in set(given) | set(exported):
            if key in NOT_ROUND_TRIPPED:
                continue
            if key in given:
                assert_same(given[key], exported.get(key), f"{where}.{key}")
            else:
                assert exported[key] in (None, False, [], DEFAULTS.get(key)), \
                    f"{where}.{key} = {exported[key]!r}"
    elif isinstance(given, list):
        assert isinstance(exported, list) and len(given) == len(exported), where
        for number, (a, b) in enumerate(zip(given, exported)):
            assert_same(a, b, f"{where}[{number}]")
    else:
        assert given == exported, f"{where}: {given!r} became {exported!r}"


def write(tmp_path: Path, lines: list[str]) -> str:
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def good_line(reference: str = "OLD-1", **changes) -> str:
    line = {"reference": reference, "kind": "complaint", "procedure": "statutory",
            "received_on": "2023-04-03", "received_via": "email", "complainant_role": "parent",
            "issues": [{"category": "lack_of_communication", "outcome": "upheld"}]}
    line.update(changes)
    return json.dumps(line)


BAD_FILE = [
    good_line("OLD-1"),
    good_line("OLD-2", kind="grumble"),
    good_line("OLD-3", received_on="2023-02-30"),
    good_line("OLD-4", issues=[{"category": "weather", "outcome": "upheld"}]),
    '{"reference": "OLD-5", "kind": ',
    good_line("OLD-1", received_via="letter"),
]


def assert_bad_lines_reported(output: str) -> None:
    assert 'line 2: kind "grumble" is not one of complaint, compliment, comment' in output
    assert 'line 3: received_on "2023-02-30" is not a date (YYYY-MM-DD)' in output
    assert ('line 4: issues[1]: category "weather" is not one of the configured categories: '
            'lack_of_communication, behaviour_attitude_of_staff') in output
    assert "line 5: not JSON" in output
    assert ('line 6: reference "OLD-1" is duplicated within the file: '
            'it is already on line 1') in output
    assert "line 1:" not in output


def test_import_then_export_gives_back_the_same_cases(app, tmp_path):
    given = lines_of(SAMPLE.read_text(encoding="utf-8"))
    result = run(app, "import", str(SAMPLE))
    assert result.exit_code == 0, result.output
    assert f"Imported {len(given)} cases; refused 0 lines." in result.output

    out = tmp_path / "export.jsonl"
    result = run(app, "export", str(out))
    assert result.exit_code == 0, result.output
    exported = {line["reference"]: line for line in lines_of(out.read_text(encoding="utf-8"))}
    assert set(exported) == {line["reference"] for line in given}
    for line in given:
        assert_same(line, exported[line["reference"]], line["reference"])
    # Due dates are the portal's own, worked out again, whatever the file said.
    assert exported["OLD-2023-0005"]["derived"]["acknowledge_due_on"] != "1999-01-01"

    # Standard output gives the same lines, and nothing else.
    to_stdout = run(app, "export", "-")
    assert to_stdout.exit_code == 0
    assert lines_of(to_stdout.stdout) == list(exported.values())


def test_a_file_with_bad_lines_imports_nothing_and_says_why(app, tmp_path):
    result = run(app, "import", write(tmp_path, BAD_FILE))
    assert result.exit_code != 0
    assert_bad_lines_reported(result.output)
    assert "Refused 5 lines of 6, so nothing was imported" in result.output
    assert "--accept-good to import the good ones only (1 line)" in result.output
    assert case_count(app) == 0


def test_accept_good_imports_the_good_lines_and_reports_the_bad(app, tmp_path):
    result = run(app, "import", write(tmp_path, BAD_FILE), "--accept-good")
    assert result.exit_code == 0, result.output
    assert_bad_lines_reported(result.output)
    assert "Imported 1 case; refused 5 lines." in result.output
    with app.app_context():
        assert list(db.session.scalars(select(Case.reference))) == ["OLD-1"]
        case = db.session.scalar(select(Case))
        assert case.received_via == "email", "the first OLD-1, not the repeat on line 6"
        entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "import"))
        assert entry.target == "cases"
        assert entry.detail["imported"] == 1 and entry.detail["refused"] == 5


def test_importing_the_same_file_twice_never_makes_a_second_case(app, tmp_path):
    assert run(app, "import", str(SAMPLE)).exit_code == 0
    before = case_count(app)
    # A known reference among new ones is refused before anything is saved.
    mixed = run(app, "import", write(tmp_path, [good_line("NEW-1"), good_line("OLD-2023-0002")]))
    assert mixed.exit_code != 0
    assert 'line 2: reference "OLD-2023-0002" already exists' in mixed.output
    assert case_count(app) == before
    again = run(app, "import", str(SAMPLE))
    assert again.exit_code != 0
    assert 'line 1: reference "OLD-2023-0001" already exists' in again.output
    assert again.output.count("already exists") == before
    good_ones = run(app, "import", str(SAMPLE), "--accept-good")
    assert good_ones.exit_code != 0 and "Nothing was imported." in good_ones.output
    assert case_count(app) == before
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(CaseEvent)
                                 .where(CaseEvent.kind == "imported")) == before


def test_an_imported_case_is_in_the_queue_with_its_due_dates_and_opens(app):
    assert run(app, "import", str(SAMPLE)).exit_code == 0
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.reference == "OLD-2024-0006"))
        # Received 8 January 2024: 3 and 10 working days later.
        assert case.acknowledge_due_on == date(2024, 1, 11)
        assert case.response_due_on == date(2024, 1, 22)
        assert case.status == "imported" and case.closed_on is None
        assert case.routing["decided_by"] == "import"
        stage3 = db.session.scalar(select(CaseStage).join(Case).where(
            Case.reference == "OLD-2023-0002", CaseStage.stage == 3))
        assert stage3.panel_on == date(2023, 9, 5)
    officer = sign_in(app, "officer")
    queue = officer.get("/staff/")
    row = queue.soup.find("a", string="OLD-2024-0006").find_parent("tr")
    assert "Overdue" in row.get_text(" ", strip=True)
    assert not queue.soup.find("a", string="OLD-2023-0004"), "a withdrawn case is not open"
    assert "Download all cases" not in queue.text, "officers may not download every case"
    page = officer.get("/staff/cases/OLD-2023-0002")
    text = page.soup.get_text(" ", strip=True)
    assert "Imported from another system." in text and "Review panel" in text


def test_managers_download_every_case_officers_may_not_and_it_is_audited(app):
    assert run(app, "import", str(SAMPLE)).exit_code == 0
    made_here = submit_complaint(CheckingClient(app.test_client()))
    manager = sign_in(app, "manager")
    link = manager.get("/staff/").soup.find("a", string="Download all cases (JSON Lines)")
    assert link["href"] == "/staff/cases.jsonl"
    response = manager.client.get(link["href"])
    assert response.status_code == 200
    assert response.mimetype == "application/x-ndjson"
    assert response.headers["Content-Disposition"] == \
        f'attachment; filename="cases-{date.today().isoformat()}.jsonl"'
    assert response.headers["Cache-Control"] == "no-store"
    downloaded = lines_of(response.get_data(as_text=True))
    assert len(downloaded) == case_count(app) == 8
    assert downloaded[-1]["reference"] == made_here
    assert downloaded[-1]["received_via"] == "online_form"
    assert lines_of(run(app, "export", "-").stdout) == downloaded
    with app.app_context():
        entry = db.session.scalar(select(AuditEntry).where(
            AuditEntry.action == "export", AuditEntry.detail["via"].as_string() == "download"))
        assert entry.target == "cases" and entry.detail["cases"] == 8 and entry.actor_id

    officer = sign_in(app, "officer", "officer2@example.org.uk")
    assert officer.client.get("/staff/cases.jsonl").status_code == 403
    visitor = CheckingClient(app.test_client())
    assert redirect_path(visitor.get("/staff/cases.jsonl", expect=302)).startswith("/staff/sign-in")


def test_an_export_never_holds_equalities_answers(app, tmp_path):
    with_equalities = [json.loads(line) for line in SAMPLE.read_text().splitlines()
                       if "equalities" in line]
    assert with_equalities, "the sample has a line with equalities answers"
    assert run(app, "import", str(SAMPLE)).exit_code == 0
    exported = run(app, "export", "-").stdout
    assert "equalities" not in exported
    assert "white_british" not in exported and "prefer_not_to_say" not in exported
    assert all("equalities" not in line for line in lines_of(exported))


@pytest.mark.parametrize("changes, reason", [
    ({"stages": [{"stage": 1, "started_on": "2023-04-10", "responded_on": "2023-04-05"}]},
     "stage 1: responded_on 2023-04-05 is before started_on 2023-04-10"),
    ({"acknowledged_on": "2023-04-01"},
     "acknowledged_on 2023-04-01 is before received_on 2023-04-03"),
    ({"received_on": "2999-01-01"}, "received_on 2999-01-01 is in the future"),
    ({"received_on": "20230403"}, 'received_on "20230403" is not a date (YYYY-MM-DD)'),
    ({"stages": [{"stage": 1}, {"stage": 1}]}, "stage 1: appears more than once"),
    ({"stages": [{"stage": 4}]}, "stages[1]: stage 4 is not 1, 2 or 3"),
    ({"procedure": "corporate", "stages": [{"stage": 3}]},
     "stage 3: the corporate procedure has no stage 3"),
    ({"remedies": [{"stage": 1, "kind": "financial", "amount_pence": -5}]},
     "remedies[1]: amount_pence -5 is not a whole number of pence, 0 or more"),
    ({"remedies": [{"stage": 1, "kind": "financial", "amount_pence": 12.5}]},
     "remedies[1]: amount_pence 12.5 is not a whole number of pence, 0 or more"),
    ({"remedies": [{"stage": 1.0, "kind": "apology"}]},
     'remedies[1]: stage 1.0 is not one of 1, 2, 3, "ombudsman"'),
    ({"stages": [{"stage": True}]}, "stages[1]: stage true is not 1, 2 or 3"),
    ({"remedies": [{"stage": "1", "kind": "apology"}]},
     'remedies[1]: stage "1" is not one of 1, 2, 3, "ombudsman"'),
    ({"received_via": "pigeon"}, 'received_via "pigeon" is not one of online_form,'),
    ({"complainant_role": "neighbour"}, 'complainant_role "neighbour" is not one of young_person,'),
    ({"stages": [{"stage": 1, "late_reason": "busy"}]},
     'stage 1: late_reason "busy" is not one of extension_agreed,'),
    ({"ombudsman": {"decision": "fault"}},
     'ombudsman: decision "fault" is not one of closed_after_initial_enquiries,'),
    ({"procedure": None}, "procedure is missing: a complaint follows one of statutory, corporate"),
    ({"made_by_young_person": "yes"}, 'made_by_young_person "yes" is not true or false'),
    ({"reference": None}, "reference is missing"),
    ({"reference": "A/1"}, "reference \"A/1\" may hold only letters"),
])
def test_each_mistake_in_a_line_is_named(app, changes, reason):
    with app.app_context():
        rules = exchange.council_rules()
    with pytest.raises(exchange.Refused) as refused:
        exchange.parse_line(good_line(**changes), rules)
    problems = refused.value.problems
    assert any(problem.startswith(reason) for problem in problems), problems


def test_every_problem_of_a_line_is_reported_not_only_the_first(app):
    with app.app_context():
        rules = exchange.council_rules()
    line = good_line(kind="grumble", received_via="pigeon", received_on="2023-13-01")
    with pytest.raises(exchange.Refused) as refused:
        exchange.parse_line(line, rules)
    assert len(refused.value.problems) == 3


def test_a_case_saved_between_checking_and_importing_is_refused_not_doubled(app):
    with app.app_context():
        check = exchange.FileCheck(exchange.council_rules())
        for number, line in enumerate(SAMPLE.read_text(encoding="utf-8").splitlines(), 1):
            check.add(number, line)
        check.against_database()
        assert not check.refused
    # Another import of the same file finishes first.
    assert run(app, "import", str(SAMPLE)).exit_code == 0
    with app.app_context():
        assert exchange.import_cases(check) == 0
        assert all("already exists" in reasons[0] for reasons in check.refused.values())
        assert len(check.refused) == case_count(app) == 7


def test_a_case_keeps_its_language_and_interpreter_through_export_and_import(app, tmp_path):
    line = lines_of(SAMPLE.read_text(encoding="utf-8"))[0]
    # Urdu, which a council may not offer on its forms: the case and its emails stay in Urdu.
    line.update({"language": "ur", "interpreter": "Mirpuri"})
    result = run(app, "import", write(tmp_path, [json.dumps(line)]))
    assert result.exit_code == 0, result.output
    [exported] = lines_of(run(app, "export", "-").stdout)
    assert exported["language"] == "ur" and exported["interpreter"] == "Mirpuri"
    line["language"] = "klingon"
    refused = run(app, "import", write(tmp_path, [json.dumps({**line, "reference": "OLD-9"})]))
    assert refused.exit_code != 0 and "language" in refused.output
