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
        "BABEL_TRANSLATION_DIRECTORIES": str(Path(__file__).parent.parent / "translations"),
        "BABEL_DEFAULT_LOCALE": "en",
        "BABEL_DEFAULT_TIMEZONE": "Europe/London",
        # Answers live on the server for this long after the person's last page.
        "DRAFT_IDLE_MINUTES": int(os.environ.get("PORTAL_DRAFT_IDLE_MINUTES", "120")),
        "PERMANENT_SESSION_LIFETIME": timedelta(
            minutes=int(os.environ.get("PORTAL_DRAFT_IDLE_MINUTES", "120"))
        ),
        "SESSION_COOKIE_NAME": "portal_session",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SECURE": os.environ.get("PORTAL_INSECURE_COOKIES") != "1",
        "SESSION_COOKIE_SAMESITE": "Lax",
        # The CSRF token lives as long as the session: a slow writer is not punished.
        "WTF_CSRF_TIME_LIMIT": None,
        "WTF_I18N_ENABLED": True,
        "MAX_CONTENT_LENGTH": 1024 * 1024,
        "MAX_FORM_MEMORY_SIZE": 512 * 1024,
        "COUNCIL_FILE": os.environ.get("PORTAL_COUNCIL_FILE", ""),
        "COUNCIL_NAME": os.environ.get("PORTAL_COUNCIL", ""),
    }


def secret_key(instance_path: Path) -> str:
    """The secret key: from the environment, else a file in instance/ made on first run."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = instance_path / "secret_key"
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
