"""Where the portal's settings come from: defaults, then instance/, then the environment."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any

from portal.council import CouncilConfigError, load_council, shipped_council_path


def base_settings(instance_path: Path) -> dict[str, Any]:
    database = os.environ.get("DATABASE_URL") or f"sqlite:///{instance_path / 'portal.sqlite3'}"
    if database.startswith("postgres://") or database.startswith("postgresql://"):
        # psycopg 3 is the driver we install; name it so SQLAlchemy does not look for psycopg2.
        database = "postgresql+psycopg://" + database.split("://", 1)[1]
    return {
        "SQLALCHEMY_DATABASE_URI": database,
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        # How long a SQLite writer waits for another to finish before the person is told to try
        # again (a backup or a long purge can hold the file).
        "SQLITE_BUSY_MS": int(os.environ.get("PORTAL_SQLITE_BUSY_MS", "15000")),
        "BABEL_TRANSLATION_DIRECTORIES": str(Path(__file__).parent.parent / "translations"),
        "BABEL_DEFAULT_LOCALE": "en",
        "BABEL_DEFAULT_TIMEZONE": "Europe/London",
        # Answers live on the server for this long after the person's last page.
        "DRAFT_IDLE_MINUTES": int(os.environ.get("PORTAL_DRAFT_IDLE_MINUTES", "120")),
        "PERMANENT_SESSION_LIFETIME": timedelta(
            minutes=int(os.environ.get("PORTAL_DRAFT_IDLE_MINUTES", "120"))
        ),
        # "Save and come back later": how many days the emailed link or the code opens the answers.
        "SAVE_DAYS": int(os.environ.get("PORTAL_SAVE_DAYS", "28")),
        # A tracking link works once, within this many minutes of being asked for; the page it
        # opens stays open for as long again without activity.
        "TRACKING_LINK_MINUTES": int(os.environ.get("PORTAL_TRACKING_LINK_MINUTES", "60")),
        # Files people send: the largest size of one, and how many a complaint or a reply may have.
        "DOCUMENT_MAX_MB": int(os.environ.get("PORTAL_DOCUMENT_MAX_MB", "10")),
        "DOCUMENT_MAX_COUNT": int(os.environ.get("PORTAL_DOCUMENT_MAX_COUNT", "10")),
        # Where they are kept: outside the web root, never served by path.
        "DOCUMENT_DIR": os.environ.get("PORTAL_DOCUMENT_DIR", "") or str(instance_path / "documents"),
        # Staff are signed out after this long without activity (warned two minutes before).
        "STAFF_IDLE_MINUTES": int(os.environ.get("PORTAL_STAFF_IDLE_MINUTES", "30")),
        "SESSION_COOKIE_NAME": "portal_session",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SECURE": os.environ.get("PORTAL_INSECURE_COOKIES") != "1",
        "SESSION_COOKIE_SAMESITE": "Lax",
        # The CSRF token lives as long as the session: a slow writer is not punished.
        "WTF_CSRF_TIME_LIMIT": None,
        "WTF_I18N_ENABLED": True,
        "MAX_CONTENT_LENGTH": 1024 * 1024,
        "MAX_FORM_MEMORY_SIZE": 512 * 1024,
        # Our longest form has about 20 fields; a post with hundreds was not made by our pages.
        "MAX_FORM_PARTS": 200,
        # Rate limits, per client address (Flask-Limiter's notation). Only sends that go through
        # count. Counted in each process's memory unless PORTAL_RATELIMIT_STORAGE names a shared
        # store (redis://...): with memory, each worker counts on its own.
        "PORTAL_LIMIT_SEND": os.environ.get("PORTAL_LIMIT_SEND", "3 per minute;20 per hour"),
        "PORTAL_LIMIT_SIGN_IN": os.environ.get("PORTAL_LIMIT_SIGN_IN", "10 per minute;60 per hour"),
        "PORTAL_LIMIT_GUESS": os.environ.get("PORTAL_LIMIT_GUESS", "10 per minute;50 per hour"),
        "PORTAL_LIMIT_EMAIL": os.environ.get("PORTAL_LIMIT_EMAIL", "5 per minute;30 per hour"),
        "RATELIMIT_STORAGE_URI": os.environ.get("PORTAL_RATELIMIT_STORAGE", "memory://"),
        "RATELIMIT_HEADERS_ENABLED": True,
        # Reverse proxies in front of the portal whose X-Forwarded-* headers are trusted (0: none).
        "PORTAL_PROXIES": int(os.environ.get("PORTAL_PROXIES", "0")),
        "COUNCIL_FILE": os.environ.get("PORTAL_COUNCIL_FILE", ""),
        "COUNCIL_NAME": os.environ.get("PORTAL_COUNCIL", ""),
        # Where links in emails to staff point.
        "PORTAL_BASE_URL": os.environ.get("PORTAL_BASE_URL", "http://127.0.0.1:5000"),
        **mail_settings(instance_path),
    }


def mail_settings(instance_path: Path) -> dict[str, Any]:
    """Email. With no MAIL_HOST, emails are written as files to MAIL_FILE_DIR instead of sent.

    MAIL_FROM, MAIL_REPLY_TO and MAIL_TEAM_ADDRESS may be left empty: they then follow the
    council's contact email (see portal.notifications.emails).
    """
    env = os.environ.get
    return {
        "MAIL_HOST": env("MAIL_HOST", ""),
        "MAIL_PORT": int(env("MAIL_PORT", "25")),
        "MAIL_SECURITY": env("MAIL_SECURITY", "none"),  # none | starttls | tls
        "MAIL_USERNAME": env("MAIL_USERNAME", ""),
        "MAIL_PASSWORD": env("MAIL_PASSWORD", ""),
        "MAIL_TIMEOUT": float(env("MAIL_TIMEOUT", "30")),
        "MAIL_FROM": env("MAIL_FROM", ""),
        "MAIL_REPLY_TO": env("MAIL_REPLY_TO", ""),
        "MAIL_TEAM_ADDRESS": env("MAIL_TEAM_ADDRESS", ""),
        "MAIL_MAX_ATTEMPTS": int(env("MAIL_MAX_ATTEMPTS", "8")),
        # The wait after the first failure, doubling after each one up to MAIL_RETRY_MAX_SECONDS.
        "MAIL_RETRY_SECONDS": float(env("MAIL_RETRY_SECONDS", "60")),
        "MAIL_RETRY_MAX_SECONDS": float(env("MAIL_RETRY_MAX_SECONDS", "3600")),
        # How long a worker may hold the emails it took before another may take them over.
        "MAIL_LEASE_SECONDS": float(env("MAIL_LEASE_SECONDS", "300")),
        "MAIL_FILE_DIR": env("MAIL_FILE_DIR", "") or str(instance_path / "outbox"),
    }


def secret_key(instance_path: Path, name: str = "SECRET_KEY") -> str:
    """A secret: from the environment, else a file in instance/ made on first run.

    EQUALITIES_KEY links equalities answers to their case (portal.equality.store): it is kept
    apart from SECRET_KEY so that changing the one never loses the other's links.
    """
    if os.environ.get(name):
        return os.environ[name]
    path = instance_path / name.lower()
    if not path.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def council_path(config: dict[str, Any], instance_path: Path) -> Path:
    """Which council file to load: an explicit file, a shipped council by name, else instance/."""
    if config.get("COUNCIL_FILE"):
        return Path(config["COUNCIL_FILE"])
    if config.get("COUNCIL_NAME"):
        return shipped_council_path(config["COUNCIL_NAME"])
    own = instance_path / "council.toml"
    return own if own.exists() else shipped_council_path("demo")


__all__ = ["base_settings", "secret_key", "council_path", "load_council", "CouncilConfigError"]
