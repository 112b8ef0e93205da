"""Who may do what. Every staff route carries `requires(...)`; a test checks that none lacks it."""

from __future__ import annotations

from functools import wraps

from flask import abort, request
from flask_login import current_user

from portal.models import Case

# Roles that work cases; statistics viewers see figures only.
CASEWORK = ("admin", "manager", "officer", "investigator")
MANAGE = ("admin", "manager")
TRIAGE = ("admin", "manager", "officer")


def requires(*roles: str):
    """Only signed-in staff with one of `roles`; others are sent to sign in or refused."""

    def decorate(view):
        @wraps(view)
        def guarded(*args, **kwargs):
            if not current_user.is_authenticated:
                from portal.extensions import login_manager

                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        guarded.required_roles = roles
        return guarded

    return decorate


def may_see(case: Case) -> bool:
    """Investigating officers see only the cases assigned to them."""
    if current_user.role == "investigator":
        return case.assignee_id == current_user.id
    return current_user.role in CASEWORK


def client_address() -> str:
    return (request.remote_addr or "")[:64]
