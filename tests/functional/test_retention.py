"""Retention: what has been kept long enough goes, with all that belongs to it; a dry run lists it
and deletes nothing; a legal hold keeps a case; every deletion is audited."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from portal.domain.retention import case_may_go, cutoff
from portal.equality import store
from portal.extensions import db
from portal.models import AuditEntry, Case, CaseEvent, CaseStage, OutboxMessage
from tests.conftest import redirect_path, sign_in, submit_complaint

LONG_AGO = date.today() - timedelta(days=365 * 7)


def count(app, model, *where) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model).where(*where))


def end_case(app, reference: str, on: date, hold: str | None = None) -> None:
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.reference == reference))
        case.closed_on = on
        if hold:
            case.legal_hold_since, case.legal_hold_reason = on, hold
        db.session.commit()


@pytest.fixture
def three_cases(app, client):
    """An old closed case, an old closed case on legal hold, and a recent one; all with emails."""
    old, held, recent = (submit_complaint(client) for _ in range(3))
    end_case(app, old, LONG_AGO)
    end_case(app, held, LONG_AGO, hold="Claim against the council, solicitor's letter 3 March")
    with app.app_context():
        store.save(old, "child", {"sex": "male"}, "import", LONG_AGO)
        db.session.add(AuditEntry(at=datetime.now(timezone.utc) - timedelta(days=365 * 8), action="view",
                                  target=f"case:{recent}", detail={}))
        db.session.commit()
    return old, held, recent


def test_the_rules_without_the_database():
    assert cutoff(date(2026, 11, 25), 6) == date(2020, 11, 25)
    assert cutoff(date(2028, 2, 29), 1) == date(2027, 2, 28)
    before = date(2020, 11, 25)
    assert case_may_go(date(2019, 1, 1), None, held=False, before=before)
    assert not case_may_go(date(2019, 1, 1), None, held=True, before=before)
    assert not case_may_go(None, None, held=False, before=before), "open cases stay"
    assert not case_may_go(date(2021, 1, 1), None, held=False, before=before)
    assert case_may_go(None, date(2019, 5, 1), held=False, before=before), "withdrawn counts as ended"


def test_a_dry_run_lists_what_would_go_and_deletes_nothing(app, three_cases):
    old, held, recent = three_cases
    before = count(app, Case), count(app, AuditEntry), count(app, OutboxMessage)
    result = app.test_cli_runner().invoke(args=["retention", "purge", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "Would delete 1 case closed or withdrawn more than 6 years ago:" in result.output
    assert f"  {old}  ended {LONG_AGO.isoformat()}" in result.output
    assert f"{held}  kept: legal hold since" in result.output and "solicitor's letter" in result.output
    assert recent not in result.output
    assert "Would delete 1 set of equality answers" in result.output
    assert "Would delete 1 audit entry written more than 6 years ago." in result.output
    assert "Nothing was deleted (--dry-run)." in result.output
    assert (count(app, Case), count(app, AuditEntry), count(app, OutboxMessage)) == before


def test_the_purge_deletes_the_case_with_all_that_belongs_to_it_and_audits_it(app, three_cases):
    old, held, recent = three_cases
    with app.app_context():
        old_id = db.session.scalar(select(Case.id).where(Case.reference == old))
    assert count(app, OutboxMessage, OutboxMessage.case_id == old_id) > 0
    result = app.test_cli_runner().invoke(args=["retention", "purge"])
    assert result.exit_code == 0, result.output
    assert "Deleted 1 case closed" in result.output
    with app.app_context():
        left = set(db.session.scalars(select(Case.reference)))
        assert left == {held, recent}
        assert store.due() == 0
        assert not store.coded_answers([old])
        entries = {(e.action, e.target, e.detail.get("what")) for e in db.session.scalars(select(AuditEntry))}
    assert ("delete", f"case:{old}", "retention") in entries
    assert ("delete", "equalities", "retention") in entries and ("delete", "audit", "retention") in entries
    assert ("view", f"case:{recent}", None) not in entries, "the 8-year-old audit entry went"
    for model in (OutboxMessage, CaseStage, CaseEvent):
        assert count(app, model, model.case_id == old_id) == 0, model.__name__
    # Run again: nothing more to delete.
    again = app.test_cli_runner().invoke(args=["retention", "purge"])
    assert "Deleted 0 cases" in again.output


def test_managers_place_and_release_a_legal_hold_and_it_is_audited(app, client):
    reference = submit_complaint(client)
    end_case(app, reference, LONG_AGO)
    manager = sign_in(app, "manager")
    page = manager.get(f"/staff/cases/{reference}")
    refused = manager.post(f"/staff/cases/{reference}/legal-hold", {"csrf_token": page.csrf(), "reason": " "})
    assert redirect_path(refused).endswith("#action-legal-hold")
    placed = manager.post(f"/staff/cases/{reference}/legal-hold",
                          {"csrf_token": page.csrf(), "reason": "Ombudsman inquiry 26 001 234"})
    assert redirect_path(placed) == f"/staff/cases/{reference}", redirect_path(placed)
    with app.app_context():
        stored = db.session.scalar(select(Case).where(Case.reference == reference))
        assert stored.legal_hold_reason == "Ombudsman inquiry 26 001 234", stored.legal_hold_reason
    shown = manager.get(f"/staff/cases/{reference}").soup.get_text(" ", strip=True)
    assert "Legal hold since" in shown and "Ombudsman inquiry 26 001 234" in shown
    dry = app.test_cli_runner().invoke(args=["retention", "purge", "--dry-run"])
    assert "Would delete 0 cases" in dry.output and "Ombudsman inquiry" in dry.output
    manager.post(f"/staff/cases/{reference}/release-hold", {"csrf_token": page.csrf()})
    dry = app.test_cli_runner().invoke(args=["retention", "purge", "--dry-run"])
    assert "Would delete 1 case closed" in dry.output
    with app.app_context():
        actions = [e.action for e in db.session.scalars(
            select(AuditEntry).where(AuditEntry.target == f"case:{reference}").order_by(AuditEntry.id))]
    assert "hold" in actions and "release" in actions


def test_officers_cannot_place_or_release_a_hold(app, client):
    reference = submit_complaint(client)
    officer = sign_in(app, "officer")
    page = officer.get(f"/staff/cases/{reference}")
    assert "Place a legal hold" not in page.text
    officer.post(f"/staff/cases/{reference}/legal-hold", {"csrf_token": page.csrf(), "reason": "x"}, expect=403)
