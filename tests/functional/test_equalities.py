"""The optional equality questions after a complaint is sent, on both forms, through the test
client: what is asked of whom, what is kept, and that it is kept apart from the case."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

from portal.domain import equalities as eq
from portal.equality import store
from portal.extensions import db
from portal.models import Case, EqualityAnswers
from tests.conftest import ROOT, CheckingClient, redirect_path, submit_complaint
from tests.functional.test_young import send as send_young
from tests.young import BY_ADVOCATE, WRONG

PNTS = eq.PREFER_NOT_TO_SAY
SPEC = ROOT / "tests" / "data" / "equalities-spec.md"  # the spec's lists, word for word


def walk(client, origin: str, answers: dict[str, dict], say_yes: bool = True) -> list[str]:
    """Say yes on the intro page, then answer each page shown from `answers` (a page not listed
    gets "Prefer not to say", or a blank date). Returns the pages' addresses in order."""
    intro = client.get(f"/equality/{origin}")
    sent = client.post(f"/equality/{origin}", {"answer": "yes" if say_yes else "no",
                                                "csrf_token": intro.csrf()})
    url, seen = redirect_path(sent), []
    while url.startswith(f"/equality/{origin}/"):
        slug = url.rsplit("/", 1)[1]
        seen.append(slug)
        page = client.get(url)
        data = {field["name"]: "" for field in page.soup.select("input[type=text]")}
        data.update(answers.get(slug) or _prefer_not(page))
        url = redirect_path(client.post(url, {**data, "csrf_token": page.csrf()}))
        assert len(seen) < 30
    return seen


def _prefer_not(page) -> dict:
    radio = page.soup.select_one(f"input[type=radio][value={PNTS}]")
    if radio is not None:
        return {radio["name"]: PNTS}
    return {"dob-day": "", "dob-month": "", "dob-year": ""}


def held(app, reference: str) -> dict:
    with app.app_context():
        return store.coded_answers([reference]).get(reference, {})


def rows(app) -> list[EqualityAnswers]:
    with app.app_context():
        found = db.session.scalars(select(EqualityAnswers)).all()
        db.session.expunge_all()
        return found


FULL_ADULT = {
    "child-sex": {"sex": "female"},
    "child-ethnic-group": {"ethnic_group": "white"},
    "child-ethnic-background": {"ethnic_background": "white_roma"},
    "child-health": {"condition": "yes"},
    "child-health-impact": {"condition_impact": "a_little"},
    "child-religion": {"religion": "none"},
    "you-date-of-birth": {"dob-day": "", "dob-month": "", "dob-year": "1980"},
    "you-sex": {"sex": "male"},
    "you-gender": {"gender_same": "yes"},
    "you-sexual-orientation": {"sexual_orientation": "bisexual"},
    "you-ethnic-group": {"ethnic_group": "other"},
    "you-ethnic-background": {"ethnic_background": "other_any", "ethnic_text": "Kurdish"},
    "you-health": {"condition": "no"},
    "you-religion": {"religion": "other", "religion_text": "Quaker"},
}


def test_after_send_the_reference_is_shown_and_the_questions_offered(app, client):
    reference = submit_complaint(client)
    page = client.get("/equality/adult")
    assert page.h1 == "We have received your complaint"
    assert page.soup.select_one(".portal-reference").get_text(strip=True) == reference
    text = page.soup.get_text(" ", strip=True)
    assert "optional" in text and "will not affect your complaint" in text
    assert "cannot see them" in text and "statistics team" in text
    assert "3 years" in text, "how long the answers are kept, from the council's settings"
    options = [label.get_text(strip=True) for label in page.soup.select(".govuk-radios__label")]
    assert options == ["Yes, answer the equality questions (takes 2 minutes)",
                       "No, skip the equality questions"]
    with app.app_context():
        assert db.session.scalar(select(Case.reference)) == reference, "saved before the questions"


def test_a_parent_answers_about_the_child_and_then_about_themselves(app, client):
    reference = submit_complaint(client)
    seen = walk(client, "adult", FULL_ADULT)
    # The child's date of birth was given in the complaint (2015): no age question about them,
    # and never gender identity or sexual orientation about someone else.
    assert seen == ["child-sex", "child-ethnic-group", "child-ethnic-background", "child-health",
                    "child-health-impact", "child-religion", "you-date-of-birth", "you-sex",
                    "you-gender", "you-sexual-orientation", "you-ethnic-group",
                    "you-ethnic-background", "you-health", "you-religion"]
    child, you = held(app, reference)["child"], held(app, reference)["complainant"]
    assert child == {"ethnicity": "white_roma", "sex": "female", "age_band": "11-15",
                     "disability": "yes", "religion": "none", "gender_same": "not_recorded",
                     "sexual_orientation": "not_recorded"}
    assert you == {"ethnicity": "other_any", "sex": "male", "age_band": "25-64", "disability": "no",
                   "religion": "other", "gender_same": "yes", "sexual_orientation": "bisexual"}
    stored = {row.subject: row for row in rows(app)}
    assert stored["complainant"].ethnicity_text == "Kurdish"
    assert stored["complainant"].religion_text == "Quaker"
    assert stored["complainant"].source == "online_form"
    sent = client.get("/tell-us/sent").soup.get_text(" ", strip=True)
    assert "Thank you for answering the equality questions" in sent
    assert "Change your answers to the equality questions" in sent


def test_skipping_keeps_nothing_and_the_confirmation_still_offers_them(app, client):
    reference = submit_complaint(client)
    assert walk(client, "adult", {}, say_yes=False) == []
    assert rows(app) == [] and held(app, reference) == {}
    sent = client.get("/tell-us/sent").soup
    link = sent.find("a", string="Answer the equality questions")
    assert link is not None and link["href"] == "/equality/adult"


def test_prefer_not_to_say_throughout(app, client):
    reference = submit_complaint(client)
    seen = walk(client, "adult", {})
    # No date of birth: asked the age instead; no age, so no questions for people 16 or over.
    assert "you-age" in seen and "you-gender" not in seen and "you-sexual-orientation" not in seen
    assert "child-ethnic-background" not in seen and "child-health-impact" not in seen
    for subject, values in held(app, reference).items():
        expected_unasked = {"gender_same", "sexual_orientation"}
        if subject == "child":
            values = {k: v for k, v in values.items() if k != "age_band"}
        assert {k for k, v in values.items() if v != PNTS} == expected_unasked, subject
        assert {values[k] for k in expected_unasked} == {"not_recorded"}


def test_every_question_offers_prefer_not_to_say_after_an_or(client):
    submit_complaint(client)
    intro = client.get("/equality/adult")
    url = redirect_path(client.post("/equality/adult", {"answer": "yes", "csrf_token": intro.csrf()}))
    answers = dict(FULL_ADULT, **{"you-date-of-birth": {"dob-day": "", "dob-month": "", "dob-year": ""}})
    while url.startswith("/equality/adult/"):
        page = client.get(url)
        slug = url.rsplit("/", 1)[1]
        if slug != "you-date-of-birth":
            labels = [label.get_text(strip=True) for label in page.soup.select(".govuk-radios__label")]
            assert labels[-1] == "Prefer not to say", slug
            assert page.soup.select_one(".govuk-radios__divider").get_text(strip=True) == "or"
        else:
            assert "continue without entering any information" in page.soup.get_text(" ")
            assert page.soup.select_one("#dob-year")["autocomplete"] == "bday-year"
        data = {field["name"]: "" for field in page.soup.select("input[type=text]")}
        data.update(answers.get(slug) or _prefer_not(page))
        url = redirect_path(client.post(url, {**data, "csrf_token": page.csrf()}))


def test_nothing_chosen_gets_a_clear_error(client):
    submit_complaint(client)
    walk(client, "adult", {})
    page = client.get("/equality/adult/child-ethnic-group")
    shown = client.post("/equality/adult/child-ethnic-group", {"csrf_token": page.csrf()}, expect=200)
    assert shown.errors() == ["Select an ethnic group or ‘Prefer not to say’"]
    page = client.get("/equality/adult/you-date-of-birth")
    for parts, message in [(("3", "", "1980"), "Enter your date of birth or leave blank"),
                           (("", "", "3010"), "Date of birth must be in the past"),
                           (("31", "2", "1980"), "Date of birth must be a real date")]:
        data = dict(zip(["dob-day", "dob-month", "dob-year"], parts), csrf_token=page.csrf())
        assert client.post("/equality/adult/you-date-of-birth", data, expect=200).errors() == [message]


def test_answers_can_be_changed_and_replace_the_first_ones(app, client):
    reference = submit_complaint(client)
    walk(client, "adult", FULL_ADULT)
    walk(client, "adult", {**FULL_ADULT, "child-sex": {"sex": "male"}})
    assert held(app, reference)["child"]["sex"] == "male"
    assert len(rows(app)) == 2, "one row each for the child and the person writing"


def test_a_young_person_using_the_adult_form_answers_about_themselves(app, client):
    from tests.journeys import COMPLAINT

    client.get("/tell-us/start", expect=302)
    for slug, data in COMPLAINT:
        if slug != "agreement":  # not asked of a young person writing for themselves
            client.answer(slug, {"role": "young_person"} if slug == "who-you-are" else data)
    check = client.get("/tell-us/check")
    client.post("/tell-us/check", {"csrf_token": check.csrf()})
    reference = client.get("/tell-us/sent").soup.select_one(".portal-reference").get_text(strip=True)
    seen = walk(client, "adult", {"you-date-of-birth": {"dob-day": "1", "dob-month": "1",
                                                         "dob-year": str(date.today().year - 17)}})
    assert seen[0] == "you-date-of-birth" and not [s for s in seen if s.startswith("child-")]
    assert "you-gender" in seen and "you-sexual-orientation" in seen
    assert set(held(app, reference)) == {"child"}
    assert held(app, reference)["child"]["age_band"] == "16-17"


def test_questions_for_16_and_over_are_never_asked_of_a_15_year_old(app, client):
    reference = send_young(client, "tell-us", WRONG)
    fifteen = {"you-date-of-birth": {"dob-day": "", "dob-month": "",
                                      "dob-year": str(date.today().year - 15)}}
    seen = walk(client, "young", fifteen)
    assert seen[0] == "you-date-of-birth"
    assert "you-gender" not in seen and "you-sexual-orientation" not in seen
    assert held(app, reference)["child"]["age_band"] == "11-15"
    assert rows(app)[0].source == "young_person_form"


def test_a_young_person_aged_16_is_asked_them_in_plain_words(app, client):
    reference = send_young(client, "tell-us", WRONG)
    intro = client.get("/equality/young")
    assert intro.h1 == "We got your message"
    assert "will not see your answers" in intro.soup.get_text(" ")
    assert intro.soup.select_one(".govuk-exit-this-page"), "the quick way out is still there"
    sixteen = {"you-date-of-birth": {"dob-day": "1", "dob-month": "1",
                                      "dob-year": str(date.today().year - 16)},
               "you-sexual-orientation": {"sexual_orientation": "other",
                                          "sexual_orientation_text": "Queer"}}
    seen = walk(client, "young", sixteen)
    assert "you-gender" in seen and "you-sexual-orientation" in seen
    assert held(app, reference)["child"]["sexual_orientation"] == "other"
    health = client.get("/equality/young/you-health").h1
    assert health == "Do you have a health problem or illness that has lasted, or will last, a year or more?"


def test_an_adult_filling_in_the_young_form_answers_about_the_young_person_only(app, client):
    reference = send_young(client, "tell-us", BY_ADVOCATE)
    seen = walk(client, "young", {})
    assert seen[0] == "child-age" and all(s.startswith("child-") for s in seen)
    assert "child-gender" not in seen and "child-sexual-orientation" not in seen
    assert set(held(app, reference)) == {"child"}


def test_only_complaints_are_followed_by_the_questions(app, client):
    from tests.journeys import COMPLIMENT

    client.get("/tell-us/start", expect=302)
    for slug, data in COMPLIMENT:
        client.answer(slug, data)
    check = client.get("/tell-us/check")
    assert redirect_path(client.post("/tell-us/check", {"csrf_token": check.csrf()})) == "/tell-us/sent"
    assert redirect_path(client.get("/equality/adult", expect=302)) == "/tell-us/sent"
    assert "equality" not in client.get("/tell-us/sent").text.lower()


def test_another_browser_cannot_open_or_answer_them(app, client):
    submit_complaint(client)
    stranger = type(client)(app.test_client())
    assert redirect_path(stranger.get("/equality/adult", expect=302)) == "/tell-us/sent"
    assert redirect_path(stranger.get("/equality/adult/child-sex", expect=302)) == "/tell-us/sent"
    assert rows(app) == []


def test_a_second_complaint_in_the_same_browser_starts_afresh(app, client):
    first = submit_complaint(client)
    walk(client, "adult", FULL_ADULT)
    second = submit_complaint(client)
    page = client.get("/equality/adult")
    url = redirect_path(client.post("/equality/adult", {"answer": "yes", "csrf_token": page.csrf()}))
    form = client.get(url)
    assert not form.soup.select("input[type=radio][checked]"), "no answers carried over"
    assert held(app, second) == {} and held(app, first)["child"]["sex"] == "female"


# Kept apart -------------------------------------------------------------------------------------

def test_no_column_key_or_relationship_joins_answers_to_cases(app):
    with app.app_context():
        assert not inspect(Case).relationships and not inspect(EqualityAnswers).relationships
        assert not EqualityAnswers.__table__.foreign_keys
        assert not [fk for fk in Case.__table__.foreign_keys if fk.column.table.name == "equality_answers"]
        assert {c.name for c in EqualityAnswers.__table__.columns}.isdisjoint(
            {"case_id", "reference", "received_on", "contact_email", "contact_name"})


def test_only_the_statistics_read_the_store():
    # The table's own definition and the store are where answers live; anything else that
    # names the table or reads answers back must be the statistics.
    home = {"portal/models/equalities.py", "portal/models/__init__.py", "portal/equality/store.py"}
    readers = sorted(
        str(path.relative_to(ROOT)) for path in (ROOT / "portal").rglob("*.py")
        if re.search(r"coded_answers|EqualityAnswers\b", path.read_text())
        and str(path.relative_to(ROOT)) not in home)
    assert readers and all(r.startswith("portal/statistics/") for r in readers), readers


def test_retention_deletes_old_answers_and_forget_deletes_on_request(app, tmp_path):
    with app.app_context():
        store.save("OLD-1", "child", {"sex": "male"}, "import", date(2020, 1, 1))
        store.save("NEW-1", "child", {"sex": "female"}, "import", date.today())
        db.session.commit()
    runner = app.test_cli_runner()
    result = runner.invoke(args=["equalities", "purge"])
    assert "Deleted 1 sets of equalities answers given more than 3 years ago" in result.output
    assert held(app, "OLD-1") == {} and held(app, "NEW-1")["child"]["sex"] == "female"
    result = runner.invoke(args=["equalities", "forget", "NEW-1"])
    assert "Deleted 1 sets" in result.output and held(app, "NEW-1") == {}


# The categories are those of EQUALITIES.md, word for word ---------------------------------------

def spec_ethnic_groups() -> list[tuple[str, list[str]]]:
    text = SPEC.read_text()
    section = text.split("### 3.1", 1)[1].split("Add **Prefer not to say**", 1)[0]
    groups: list[tuple[str, list[str]]] = []
    for line in section.splitlines():
        if m := re.match(r"\d\. \*\*(.+)\*\*$", line.strip()):
            groups.append((m.group(1), []))
        elif m := re.match(r"\s+- (.+)$", line):
            groups[-1][1].append(m.group(1).strip())
    return groups


def spec_options(topic: str) -> list[str]:
    text = SPEC.read_text()
    row = next(line for line in text.splitlines() if line.startswith(f"| {topic} |"))
    question = row.split("|")[2]
    listed = re.sub(r"\(hint: [^)]*\)", "", question.split("?\"", 1)[1])
    listed = re.sub(r"\(DS hint [^)]*\)", "", listed).replace("(write in)", "")
    listed = listed.split("→")[0]
    return [part.strip() for part in listed.split(" / ") if part.strip()]


def test_the_19_ethnic_groups_are_exactly_those_of_the_spec():
    ours = [(group.label, [label for _code, label in group.backgrounds]) for group in eq.ETHNIC_GROUPS]
    assert ours == spec_ethnic_groups()
    assert sum(len(group.backgrounds) for group in eq.ETHNIC_GROUPS) == 19


def test_the_ethnicity_slugs_are_those_of_the_exchange_format():
    text = SPEC.read_text()
    listed = text.split("- ethnicity: the 19 Census 2021 groups of EQUALITIES.md as", 1)[1]
    listed = listed.split("; plus", 1)[0]
    assert list(eq.ETHNICITIES) == [slug.strip() for slug in listed.split(",")]


@pytest.mark.parametrize("topic, ours", [
    ("Sex", [label for _c, label in eq.SEXES]),
    ("Sexual orientation", [label for _c, label in eq.SEXUAL_ORIENTATIONS]),
    ("Religion (England)", [label for _c, label in eq.RELIGIONS]),
    ("Disability Q1", [label for _c, label in eq.CONDITION]),
    ("Disability Q2 (if yes)", [label for _c, label in eq.CONDITION_IMPACT]),
])
def test_the_other_categories_are_those_of_the_spec(topic, ours):
    assert [*ours, "Prefer not to say"] == spec_options(topic)


def test_the_age_bands_are_those_of_the_exchange_format():
    text = SPEC.read_text()
    listed = text.split("- age_band: ", 1)[1].split("\n", 1)[0]
    assert [*eq.BAND_CODES, "prefer_not_to_say", "not_recorded"] == [s.strip() for s in listed.split(",")]


def test_the_questions_show_the_spec_wording(client):
    submit_complaint(client, {"who-you-are": {"role": "foster_carer"}})
    walk(client, "adult", {"you-date-of-birth": {"dob-day": "", "dob-month": "", "dob-year": "1970"},
                           "you-ethnic-group": {"ethnic_group": "asian"}})
    assert client.get("/equality/adult/you-ethnic-group").h1 == "What is your ethnic group?"
    background = client.get("/equality/adult/you-ethnic-background")
    assert background.h1 == "Which of the following best describes your Asian or Asian British background?"
    assert [l.get_text(strip=True) for l in background.soup.select(".govuk-radios__label")] == [
        "Indian", "Pakistani", "Bangladeshi", "Chinese", "Any other Asian background", "Prefer not to say"]
    assert background.soup.find("label", string=re.compile("How would you describe your background"))
    religion = client.get("/equality/adult/you-religion")
    assert "Including Church of England, Catholic, Protestant" in religion.soup.get_text(" ")


# Imported and staff-entered cases ---------------------------------------------------------------

def test_imported_answers_are_stored_apart_and_checked(app, tmp_path):
    sample = ROOT / "tests" / "data" / "cases-sample.jsonl"
    line = next(json.loads(text) for text in sample.read_text().splitlines() if "equalities" in text)
    runner = app.test_cli_runner()
    assert runner.invoke(args=["cases", "import", str(sample)]).exit_code == 0
    found = held(app, line["reference"])
    for subject, answers in line["equalities"].items():
        assert {k: found[subject][k] for k in answers} == answers
    assert {row.source for row in rows(app)} == {"import"}

    wrong = dict(line, reference="NEW-2023-0001",
                 equalities={"child": {"ethnicity": "martian"}, "neighbour": {}})
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(wrong) + "\n")
    result = runner.invoke(args=["cases", "import", str(bad)])
    assert result.exit_code != 0
    assert "equalities.child: ethnicity \"martian\" is not one of" in result.output
    assert "equalities has \"neighbour\", not one of child, complainant" in result.output
    assert held(app, "NEW-2023-0001") == {}


def test_staff_record_answers_that_came_on_paper(app):
    from tests.conftest import sign_in

    staff = sign_in(app, "officer")
    reference = submit_complaint(CheckingClient(app.test_client()))
    page = staff.get("/staff/equalities")
    blank = {f"{s}_{m}": "not_recorded" for s in ("child", "complainant")
             for m in ("ethnicity", "sex", "age_band", "disability", "religion")}
    wrong = staff.post("/staff/equalities", {**blank, "csrf_token": page.csrf(),
                                             "reference": "CSC-1999-99999"}, expect=200)
    assert wrong.errors() == ["There is no complaint with the reference CSC-1999-99999"]
    staff.post("/staff/equalities", {**blank, "csrf_token": page.csrf(), "reference": reference,
                                     "child_ethnicity": "black_african", "child_age_band": "5-10"})
    assert held(app, reference) == {"child": {
        "ethnicity": "black_african", "sex": "not_recorded", "age_band": "5-10",
        "disability": "not_recorded", "religion": "not_recorded", "gender_same": "not_recorded",
        "sexual_orientation": "not_recorded"}}
    assert rows(app)[0].source == "staff"
    investigator = sign_in(app, "investigator")
    assert investigator.client.get("/staff/equalities").status_code == 403
