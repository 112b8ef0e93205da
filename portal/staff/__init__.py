"""The back office: the complaints team's queue and cases. Every route needs a role."""

from flask import Blueprint

bp = Blueprint("staff", __name__, url_prefix="/staff")

from portal.staff import auth, cases, entry, equalities, exports, queue  # noqa: E402,F401  (routes register on bp)
