"""Fixtures: a fresh portal and database per test, and a client that checks every page it gets."""

from __future__ import annotations

import os
import re
import shutil
from collections import Counter
from pathlib import Path

import html5lib
import pytest
from bs4 import BeautifulSoup

from portal import create_app
from portal.extensions import db

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "tests" / "output"


def database_url(tmp_path: Path, purpose: str) -> str:
    """SQLite in the test's folder, or, when TEST_DATABASE_URL names a PostgreSQL server, a
    database of its own for each test process and purpose (they run side by side)."""
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        return f"sqlite:///{tmp_path / 'portal.sqlite3'}"
    import psycopg

    server, _, name = base.rpartition("/")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    database = f"{name}_{worker}_{purpose}"
    admin = server.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,)).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{database}"')
    return f"{server}/{database}"


def make_app(tmp_path: Path, purpose: str = "app", **overrides):
    settings = {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key",
        "EQUALITIES_KEY": "test-equalities-key",
        "SQLALCHEMY_DATABASE_URI": database_url(tmp_path, purpose),
        "COUNCIL_FILE": str(ROOT / "portal" / "councils" / "demo.toml"),
        # Every test sends from 127.0.0.1: the rate limits have tests of their own (test_abuse.py).
        "RATELIMIT_ENABLED": False,
        "DOCUMENT_DIR": str(tmp_path / f"documents-{purpose}"),
    }
    settings.update(overrides)
    app = create_app(settings)
    with app.app_context():
        db.drop_all()
        db.create_all()
    return app


@pytest.fixture(scope="session")
def shared_app(tmp_path_factory):
    # One app per test process: building the templates again for every test costs seconds.
    return make_app(tmp_path_factory.mktemp("portal"), "shared")


@pytest.fixture
def app(shared_app):
    """The portal with an empty database."""
    with shared_app.app_context():
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(table.delete())
        db.session.commit()
    shutil.rmtree(shared_app.config["DOCUMENT_DIR"], ignore_errors=True)
    # The rate limiter is one object for every app in the process: a test that made an app with
    # limits on (test_abuse.py, test_production.py) leaves them on, with their counts, for the
    # next test on the shared app, whose own tries would then be refused.
    from portal.abuse import limiter

    if limiter.enabled:
        limiter.reset()
    limiter.enabled = shared_app.config["RATELIMIT_ENABLED"]
    return shared_app


class Page:
    """A response, parsed: the soup plus the checks every page of ours must pass."""

    def __init__(self, response):
        self.response = response
        self.status = response.status_code
        self.text = response.get_data(as_text=True)
        self.soup = BeautifulSoup(self.text, "html.parser")

    @property
    def title(self) -> str:
        return self.soup.title.get_text(" ", strip=True) if self.soup.title else ""

    @property
    def h1(self) -> str:
        heading = self.soup.find("h1")
        return heading.get_text(" ", strip=True) if heading else ""

    def errors(self) -> list[str]:
        summary = self.soup.select(".govuk-error-summary__list a")
        return [a.get_text(" ", strip=True) for a in summary]

    def inline_errors(self) -> list[str]:
        messages = []
        for p in self.soup.select(".govuk-error-message"):
            hidden = p.select_one(".govuk-visually-hidden")
            text = p.get_text(" ", strip=True)
            if hidden:
                text = text.replace(hidden.get_text(" ", strip=True), "", 1).strip()
            messages.append(text)
        return messages

    def csrf(self) -> str:
        field = self.soup.find("input", attrs={"name": "csrf_token"})
        return field["value"] if field else ""

    def check(self) -> None:
        if "text/html" not in self.response.content_type or 300 <= self.status < 400:
            return
        parser = html5lib.HTMLParser(strict=False)
        parser.parse(self.text)
        assert not [e for e in parser.errors if e[1] != "unexpected-character-after-solidus-in-tag"], parser.errors
        ids = Counter(tag["id"] for tag in self.soup.find_all(id=True))
        assert not [i for i, n in ids.items() if n > 1], f"duplicate ids: {ids.most_common(3)}"
        assert self.soup.html.get("lang") and self.soup.html.get("dir") in ("ltr", "rtl")
        assert self.title, "every page has a title"
        assert len(self.soup.find_all("h1")) == 1, "every page has one h1"
        for form in self.soup.find_all("form"):
            assert form.get("action"), "every form has an action"
            if form.get("method", "get").lower() == "post":
                assert form.has_attr("novalidate")
                assert form.find("input", attrs={"name": "csrf_token"}), "every form carries CSRF"
        assert not self.soup.find(attrs={"required": True}), "no required attributes"
        assert not self.soup.find("script", src=False), "no inline script (the CSP forbids it)"
        assert "GDS Transport" not in self.text and "govuk-logo" not in self.text


class CheckingClient:
    """The Flask test client, checking each HTML page it receives."""

    def __init__(self, client):
        self.client = client

    def get(self, url, expect=200, **kwargs) -> Page:
        page = Page(self.client.get(url, **kwargs))
        assert page.status == expect, (url, page.status, page.response.location)
        page.check()
        return page

    def post(self, url, data, expect=302, **kwargs) -> Page:
        page = Page(self.client.post(url, data=data, **kwargs))
        assert page.status == expect, (url, page.status, page.errors() or page.text[:300])
        page.check()
        return page

    def answer(self, slug: str, data: dict, expect=302) -> Page:
        """Open a question page and answer it, as a person would."""
        form = self.get(f"/tell-us/{slug}")
        return self.post(f"/tell-us/{slug}", {**data, "csrf_token": form.csrf()}, expect=expect)


@pytest.fixture
def client(app):
    return CheckingClient(app.test_client())


def redirect_path(page: Page) -> str:
    return re.sub(r"^https?://[^/]+", "", page.response.location or "")


PASSWORD = "correct horse battery staple"


def make_staff(app, role: str, email: str | None = None, name: str | None = None):
    """A staff account (plain factory: safe defaults, fictional names)."""
    from datetime import datetime, timezone

    from werkzeug.security import generate_password_hash

    from portal.models import StaffUser

    with app.app_context():
        user = StaffUser(email=email or f"{role}@example.org.uk", name=name or f"{role.title()} Person",
                         role=role, active=True, password_hash=generate_password_hash(PASSWORD, "scrypt:4096:8:1"),
                         created_at=datetime.now(timezone.utc), failed_attempts=0)
        db.session.add(user)
        db.session.commit()
        return user.id


def sign_in(app, role: str, email: str | None = None) -> CheckingClient:
    """A client signed in as a new account with this role."""
    user_email = email or f"{role}@example.org.uk"
    make_staff(app, role, user_email)
    client = CheckingClient(app.test_client())
    page = client.get("/staff/sign-in")
    client.post("/staff/sign-in", {"email": user_email, "password": PASSWORD, "csrf_token": page.csrf()})
    return client


def submit_complaint(client: CheckingClient, changes: dict | None = None) -> str:
    """Send a complaint through the public form; returns its reference."""
    from tests.journeys import COMPLAINT

    client.get("/tell-us/start", expect=302)
    for slug, data in COMPLAINT:
        client.answer(slug, {**data, **(changes or {}).get(slug, {})})
    check = client.get("/tell-us/check")
    client.post("/tell-us/check", {"csrf_token": check.csrf()})
    page = client.get("/tell-us/sent")
    return page.soup.select_one(".portal-reference").get_text(strip=True)
