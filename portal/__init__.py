"""The children's services complaints portal."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from flask import Flask
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader

from portal.council import CouncilConfigError, load_council
from portal.domain.calendar import WorkingCalendar
from portal.domain.timescales import ConfigError, Timescales
from portal.extensions import babel, csrf, db, limiter, login_manager, migrate
from portal.settings import base_settings, council_path, secret_key

ROOT = Path(__file__).resolve().parent.parent


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_path=str(ROOT / "instance"),
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    app.config.update(base_settings(Path(app.instance_path)))
    if not (overrides or {}).get("TESTING"):
        # An installation's own settings (mail server, for example), as Python, if present.
        app.config.from_pyfile("config.py", silent=True)
    app.config.update(overrides or {})
    app.config.setdefault("SECRET_KEY", None)
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = secret_key(Path(app.instance_path))
    if not app.config.get("EQUALITIES_KEY"):
        app.config["EQUALITIES_KEY"] = secret_key(Path(app.instance_path), "EQUALITIES_KEY")
    init_council(app)
    init_templates(app)
    init_extensions(app)
    init_blueprints(app)
    from portal import cli

    cli.init_app(app)
    return app


def init_council(app: Flask) -> None:
    """Load and check the council's configuration; a mistake stops the portal with its key."""
    path = None
    try:
        path = council_path(app.config, Path(app.instance_path))
        council = load_council(path)
        check_catalogues(council.languages)
        timescales = Timescales.from_mapping(council.timescales or None)
    except (CouncilConfigError, ConfigError) as error:
        where = f" ({path})" if path else ""
        message = f"The council's configuration{where} has a problem: {error}"
        if app.config.get("TESTING"):
            raise
        print(message, file=sys.stderr)
        raise SystemExit(2) from None
    app.extensions["council"] = council
    app.extensions["timescales"] = timescales
    app.extensions["calendar"] = WorkingCalendar(council.closure_days)


def check_catalogues(languages: tuple[str, ...]) -> None:
    """A language is offered only with its compiled catalogue, or its pages would be in English."""
    for code in languages:
        compiled = ROOT / "translations" / code / "LC_MESSAGES" / "messages.mo"
        if code != "en" and not compiled.is_file():
            raise CouncilConfigError(
                "languages.offered", f"languages with a compiled catalogue ({compiled.relative_to(ROOT)} is "
                "missing: run `make translations-compile`)", code)


def init_templates(app: Flask) -> None:
    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(str(ROOT / "templates")),
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    from portal import views

    views.init_template_context(app)


def init_extensions(app: Flask) -> None:
    from portal.i18n import select_locale

    db.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "staff.sign_in"
    login_manager.login_message = "Sign in to see that page."
    migrate.init_app(app, db, directory=str(Path(__file__).parent / "migrations"))
    from portal.documents.routes import allow_uploads

    # Before CSRF's check, which reads the form: the pages that take files allow a larger request.
    app.before_request(allow_uploads)
    csrf.init_app(app)
    limiter.init_app(app)
    if app.config.get("PORTAL_PROXIES"):
        from werkzeug.middleware.proxy_fix import ProxyFix

        # Behind a reverse proxy: the client's address and scheme come from its headers.
        hops = app.config["PORTAL_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    babel.init_app(app, locale_selector=select_locale)
    from portal import models  # noqa: F401  (registers the tables)
    from portal.database import init_database

    init_database(app)
    from portal.security import init_security

    init_security(app)


def init_blueprints(app: Flask) -> None:
    from portal import errors, i18n
    from portal.equality.routes import bp as equality
    from portal.public.routes import bp as public
    from portal.staff import bp as staff
    from portal.statistics.routes import bp as statistics
    from portal import saving, young

    app.register_blueprint(public)
    app.register_blueprint(young.bp)
    app.register_blueprint(saving.bp)
    from portal.documents.routes import bp as documents

    app.register_blueprint(documents)
    from portal import tracking

    app.register_blueprint(tracking.bp)
    app.add_url_rule("/yp", "young_short", young.short_address)
    app.register_blueprint(equality)
    app.register_blueprint(staff)
    app.register_blueprint(statistics)
    app.register_blueprint(i18n.bp)
    errors.init_app(app)
