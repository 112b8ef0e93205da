"""Equalities answers never appear where a case is handled: every back-office page and export,
for every role that handles cases, is searched for them after a complaint has answers."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models import Case, StaffUser
from tests.conftest import sign_in, submit_complaint
from tests.functional.test_equalities import walk

ANSWERS = {
    "child-sex": {"sex": "female"},
    "child-ethnic-group": {"ethnic_group": "white"},
    "child-ethnic-background": {"ethnic_background": "white_roma"},
    "child-health": {"condition": "yes"},
    "child-health-impact": {"condition_impact": "a_lot"},
    "child-religion": {"religion": "sikh"},
    "you-date-of-birth": {"dob-day": "", "dob-month": "", "dob-year": "1979"},
    "you-gender": {"gender_same": "no", "gender_text": "Genderfluid"},
    "you-sexual-orientation": {"sexual_orientation": "bisexual"},
    "you-ethnic-group": {"ethnic_group": "other"},
    "you-ethnic-background": {"ethnic_background": "other_any", "ethnic_text": "Kurdish"},
    "you-religion": {"religion": "other", "religion_text": "Quaker"},
}
# Anything that could only have come from those answers: labels, slugs and free text.
TELLTALES = ["Roma", "Sikh", "Bisexual", "bisexual", "Genderfluid", "Kurdish", "Quaker",
             "Prefer not to say", "prefer_not_to_say", "Yes, a lot", "a_lot", "sexual orientation",
             "ethnic", "Ethnic", "religion", "Religion", "25-64", "1979"]
# Pages that say what they are for may name the words; they must not carry answers.
ALLOWED_WORDS = {"/staff/equalities": {"Ethnic", "Religion", "ethnic", "religion", "Prefer not to say",
                                       "prefer_not_to_say", "25-64", "Sikh", "Roma", "Bisexual"},
                 "/staff/cases/new": {"ethnic"}}


@pytest.fixture
def answered(app, client):
    reference = submit_complaint(client)
    walk(client, "adult", ANSWERS)
    return reference


def staff_pages(app, reference: str) -> list[str]:
    """Every GET page of the back office that a case can show on, with this case in it."""
    pages = []
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("staff.") or "GET" not in rule.methods:
            continue
        if rule.arguments - {"reference"}:
            continue
        pages.append(rule.rule.replace("<reference>", reference))
    queue_views = ["/staff/?mine=1", "/staff/?young_person=yes", "/staff/?q=" + reference,
                   "/staff/?status=open", "/staff/?due=overdue"]
    return sorted(set(pages)) + queue_views


@pytest.mark.parametrize("role", ["admin", "manager", "officer", "investigator"])
def test_no_staff_page_or_export_shows_the_answers(app, answered, role):
    staff = sign_in(app, role)
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.reference == answered))
        case.assignee_id = db.session.scalar(select(StaffUser.id).where(StaffUser.role == role))
        db.session.commit()
    seen = 0
    for url in staff_pages(app, answered):
        response = staff.client.get(url)
        if response.status_code in (302, 403, 404, 405):
            continue
        seen += 1
        text = response.get_data(as_text=True)
        allowed = ALLOWED_WORDS.get(url.split("?")[0], set())
        found = [word for word in TELLTALES
                 if re.search(rf"\b{re.escape(word)}\b", text) and word not in allowed]
        assert not found, (role, url, found)
    assert seen >= 3, f"{role} saw the queue, the case and more"
    if role in ("admin", "manager", "officer"):
        case_page = staff.client.get(f"/staff/cases/{answered}").get_data(as_text=True)
        assert answered in case_page and "missed three visits" in case_page


def test_the_case_export_has_no_equalities(app, answered, tmp_path):
    staff = sign_in(app, "admin")
    download = staff.client.get("/staff/cases.jsonl")
    assert download.status_code == 200
    lines = [json.loads(line) for line in download.get_data(as_text=True).splitlines()]
    line = next(line for line in lines if line["reference"] == answered)
    assert "equalities" not in line
    assert not [word for word in TELLTALES if word in json.dumps(lines)]
    target = tmp_path / "cases.jsonl"
    result = app.test_cli_runner().invoke(args=["cases", "export", str(target)])
    assert result.exit_code == 0, result.output
    assert "equalities" not in target.read_text() and "white_roma" not in target.read_text()


def test_the_entry_page_never_shows_answers_already_held(app, answered):
    staff = sign_in(app, "officer")
    page = staff.get("/staff/equalities")
    assert not page.soup.select("option[selected]:not([value=not_recorded])")
    saved = staff.post("/staff/equalities", {
        "csrf_token": page.csrf(), "reference": answered, "child_ethnicity": "asian_chinese",
        **{f"{s}_{m}": "not_recorded" for s in ("child", "complainant")
           for m in ("sex", "age_band", "disability", "religion")},
        "complainant_ethnicity": "not_recorded"})
    after = staff.get(saved.response.location)
    assert f"Equalities answers for {answered} saved" in after.text
    assert "asian_chinese" not in after.text.replace('value="asian_chinese"', "")
    assert not after.soup.select("option[selected]:not([value=not_recorded])")
