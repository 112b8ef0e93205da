"""Sessions that end: what is kept, what is said, and that answers never outlive their time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select, update

from portal.extensions import db
from portal.flow import drafts
from portal.models import Draft
from tests.conftest import redirect_path
from tests.journeys import COMPLAINT


def age_drafts(app, minutes: int) -> None:
    with app.app_context():
        past = datetime.now(timezone.utc) - timedelta(minutes=minutes)
        db.session.execute(update(Draft).values(expires_at=past))
        db.session.commit()


def test_an_expired_draft_sends_the_person_back_to_the_start_and_says_why(app, client):
    client.get("/tell-us/start", expect=302)
    client.answer("what-to-tell-us", {"kind": "complaint"})
    age_drafts(app, 1)
    away = client.get("/tell-us/who-you-are", expect=302)
    assert redirect_path(away) == "/tell-us/start"
    first = client.get("/tell-us/start", expect=302)
    page = client.get(redirect_path(first))
    assert "Your earlier answers were deleted" in page.text
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Draft)) == 1, "the old one is gone"


def test_an_answer_posted_after_the_draft_expired_is_kept(app, client):
    client.get("/tell-us/start", expect=302)
    client.answer("what-to-tell-us", {"kind": "complaint"})
    page = client.get("/tell-us/who-you-are")
    age_drafts(app, 1)
    kept = client.post("/tell-us/who-you-are", {"role": "parent", "csrf_token": page.csrf()})
    following = client.get(redirect_path(kept), expect=302)
    # The earlier answer went with the old draft, so the journey asks it again...
    assert redirect_path(following) == "/tell-us/what-to-tell-us"
    shown = client.get("/tell-us/what-to-tell-us")
    assert "Your earlier answers were deleted" in shown.text
    client.post("/tell-us/what-to-tell-us", {"kind": "complaint", "csrf_token": shown.csrf()})
    # ...and the answer posted after expiry is still there.
    assert client.get("/tell-us/who-you-are").soup.find("input", attrs={"value": "parent"}).has_attr("checked")


def test_when_the_session_cookie_is_gone_the_typed_text_comes_back_with_an_explanation(app):
    stranger = app.test_client()
    text = "Everything I typed for twenty minutes"
    page = stranger.post("/tell-us/what-happened", data={"what": text})
    body = page.get_data(as_text=True)
    assert page.status_code == 400
    assert text in body, "what was typed is shown again, not lost"
    assert "Your earlier answers were deleted" in body
    assert 'name="csrf_token"' in body, "a fresh token, so Continue works this time"


def test_expired_drafts_are_purged(app, client):
    client.get("/tell-us/start", expect=302)
    client.answer("what-to-tell-us", {"kind": "complaint"})
    age_drafts(app, 5)
    with app.app_context():
        assert drafts.purge_expired() == 1
        assert db.session.scalar(select(func.count()).select_from(Draft)) == 0


def test_the_purge_command_reports_what_it_deleted(app, client):
    client.get("/tell-us/start", expect=302)
    client.answer("what-to-tell-us", {"kind": "comment"})
    age_drafts(app, 5)
    result = app.test_cli_runner().invoke(args=["drafts", "purge"])
    assert result.exit_code == 0 and "Deleted 1 expired drafts." in result.output


def test_a_sent_case_keeps_nothing_of_its_draft_in_the_session(app, client):
    for slug, data in [("start", None)] + COMPLAINT:
        if data is None:
            client.get("/tell-us/start", expect=302)
        else:
            client.answer(slug, data)
    check = client.get("/tell-us/check")
    client.post("/tell-us/check", {"csrf_token": check.csrf()})
    again = client.get("/tell-us/start", expect=302)
    assert redirect_path(again) == "/tell-us/what-to-tell-us", "a new, empty form"
