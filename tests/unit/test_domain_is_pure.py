"""The rules must stay importable without the web or the database: only the standard library,
`holidays`, and each other."""

import ast
import sys
from pathlib import Path

import pytest

DOMAIN = Path(__file__).resolve().parents[2] / "portal" / "domain"
FORBIDDEN = ("flask", "werkzeug", "sqlalchemy", "jinja2", "wtforms")
ALLOWED_OUTSIDE_STDLIB = ("holidays",)


def wrong_imports(source: str) -> list[str]:
    """The imports in `source` that a module of portal.domain must not make."""
    wrong = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 1:
                continue  # from . import x: another module of portal.domain
            if node.level > 1:
                wrong.append("." * node.level + (node.module or ""))
                continue
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top == "portal":
                if not (name == "portal.domain" or name.startswith("portal.domain.")):
                    wrong.append(name)
            elif top in FORBIDDEN or top.startswith("flask_"):
                wrong.append(name)
            elif top not in sys.stdlib_module_names and top not in ALLOWED_OUTSIDE_STDLIB:
                wrong.append(name)
    return wrong


def domain_modules() -> list[Path]:
    return sorted(DOMAIN.rglob("*.py"))


def test_the_domain_modules_are_found():
    names = {path.name for path in domain_modules()}
    assert {"__init__.py", "calendar.py", "clocks.py", "codes.py", "routing.py",
            "timescales.py"} <= names


@pytest.mark.parametrize("path", domain_modules(), ids=lambda p: p.name)
def test_no_web_or_database_import(path):
    assert wrong_imports(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("source", [
    "import flask",
    "from flask import current_app",
    "import werkzeug.exceptions",
    "from sqlalchemy.orm import Session",
    "import flask_login",
    "from flask_babel import gettext",
    "from portal.models import Case",
    "import portal.views",
    "from .. import database",
    "import requests",
    "def f():\n    import flask\n",
])
def test_the_check_catches_what_it_should(source):
    assert wrong_imports(source) != []


@pytest.mark.parametrize("source", [
    "from datetime import date",
    "import holidays",
    "from .codes import Role",
    "from portal.domain.calendar import WorkingCalendar",
    "from collections.abc import Iterable",
])
def test_the_check_allows_what_it_should(source):
    assert wrong_imports(source) == []
