"""The security baseline a person never sees but always relies on."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT


def test_every_page_has_a_strict_content_security_policy(client):
    page = client.get("/")
    policy = page.response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy and "form-action 'self'" in policy
    headers = page.response.headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cache-Control"] == "no-store", "answers never sit in a shared cache"


def test_the_session_cookie_is_secure_httponly_and_samesite(client):
    response = client.client.get("/tell-us/start")
    cookie = response.headers["Set-Cookie"]
    assert "portal_session=" in cookie
    for flag in ["Secure", "HttpOnly", "SameSite=Lax"]:
        assert flag in cookie


def test_the_cookie_holds_a_token_not_the_answers(app, client):
    client.get("/tell-us/start", expect=302)
    client.answer("what-to-tell-us", {"kind": "complaint"})
    client.answer("who-you-are", {"role": "parent"})
    client.answer("child", {"child_name": "Zebedee Unique", "child_dob-day": "", "child_dob-month": "",
                            "child_dob-year": ""})
    cookie = client.client.get_cookie("portal_session").value
    from itsdangerous import URLSafeTimedSerializer
    from flask.sessions import TaggedJSONSerializer
    data = URLSafeTimedSerializer(app.secret_key, salt="cookie-session",
                                  serializer=TaggedJSONSerializer(),
                                  signer_kwargs={"key_derivation": "hmac", "digest_method": __import__("hashlib").sha1}).loads(cookie)
    assert "Zebedee" not in str(data)
    assert set(data) <= {"drafts", "csrf_token", "_permanent", "_fresh", "lang", "notice", "sent"}


def test_no_secret_is_kept_in_the_repository():
    tracked = (ROOT / ".gitignore").read_text()
    assert "/instance/*" in tracked
    for path in (ROOT / "portal").rglob("*.py"):
        text = path.read_text()
        assert "SECRET_KEY = \"" not in text and "SECRET_KEY='" not in text, path


def test_a_secret_key_is_made_in_instance_on_first_run(tmp_path, monkeypatch):
    from portal.settings import secret_key

    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = secret_key(tmp_path)
    assert len(first) == 64 and (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    assert secret_key(tmp_path) == first, "the same key on every start"


@pytest.mark.parametrize("path", ["/static/css/portal.css", "/static/govuk/govuk-frontend.min.js", "/brand.css"])
def test_assets_are_served_and_carry_no_gov_uk_branding(client, path):
    response = client.client.get(path)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "GDS Transport" not in body
    response.close()


def test_the_brand_colour_comes_from_the_council(client):
    css = client.client.get("/brand.css").get_data(as_text=True)
    assert "--portal-brand:#1d4f76" in css


def test_the_javascript_is_a_file_not_inline(client):
    page = client.get("/")
    scripts = page.soup.find_all("script")
    assert scripts and all(s.get("src") and not s.string for s in scripts)
    assert Path(ROOT / "static" / "js" / "portal.mjs").exists()
