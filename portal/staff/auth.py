"""Signing in and out, throttled, with sessions that end after inactivity."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user
from sqlalchemy import func, select
from werkzeug.security import check_password_hash

from portal.abuse import limit_sign_in
from portal.audit import audit
from portal.extensions import db, login_manager
from portal.forms.fields import whole_number
from portal.forms.staff import SignInForm
from portal.models import StaffUser
from portal.security import safe_next
from portal.staff import bp

MAX_FAILURES = 5
LOCK = timedelta(minutes=15)
SEEN_KEY = "staff_seen"


def now() -> datetime:
    return datetime.now(timezone.utc)


def idle_limit() -> timedelta:
    return timedelta(minutes=current_app.config.get("STAFF_IDLE_MINUTES", 30))


@login_manager.user_loader
def load_user(user_id: str):
    number = whole_number(user_id)
    user = db.session.get(StaffUser, number) if number is not None else None
    return user if user and user.active else None


@bp.before_request
def end_idle_sessions():
    """Sign out after a spell without activity; say so on the sign-in page."""
    if not current_user.is_authenticated:
        return None
    seen = session.get(SEEN_KEY)
    moment = now()
    if seen and moment - datetime.fromisoformat(seen) > idle_limit():
        logout_user()
        session.pop(SEEN_KEY, None)
        flash("You were signed out because you had not done anything for a while.")
        return redirect(url_for("staff.sign_in", next=request.full_path.rstrip("?")))
    if request.endpoint != "staff.session_status":
        session[SEEN_KEY] = moment.isoformat()
    return None


@bp.route("/sign-in", methods=["GET", "POST"])
@limit_sign_in
def sign_in():
    form = SignInForm()
    problem = None
    if request.method == "POST":
        form.check_shape(request.form)
        if form.validate():
            problem = _check(form.email.data.strip().lower(), form.password.data)
            if problem is None:
                return redirect(safe_next(request.args.get("next"), url_for("staff.queue")))
    return render_template("staff/sign_in.html", form=form, problem=problem,
                           idle_minutes=int(idle_limit().total_seconds() // 60))


def _check(email: str, password: str) -> str | None:
    user = db.session.scalar(select(StaffUser).where(func.lower(StaffUser.email) == email))
    moment = now()
    if user and user.locked_until and _aware(user.locked_until) > moment:
        audit("sign_in_refused", f"user:{user.id}", actor_id=user.id, reason="locked")
        db.session.commit()
        return "You have tried to sign in too many times. Wait 15 minutes, then try again."
    if user and user.active and check_password_hash(user.password_hash, password):
        user.failed_attempts, user.locked_until, user.last_sign_in_at = 0, None, moment
        login_user(user)
        session[SEEN_KEY] = moment.isoformat()
        audit("sign_in", f"user:{user.id}", actor_id=user.id)
        db.session.commit()
        return None
    if user:
        user.failed_attempts = (user.failed_attempts or 0) + 1
        if user.failed_attempts >= MAX_FAILURES:
            user.locked_until = moment + LOCK
        audit("sign_in_failed", f"user:{user.id}", actor_id=user.id)
        db.session.commit()
    return "Enter a correct email address and password"


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


@bp.post("/sign-out")
def sign_out():
    if current_user.is_authenticated:
        audit("sign_out", f"user:{current_user.id}")
        db.session.commit()
    logout_user()
    session.pop(SEEN_KEY, None)
    flash("You have signed out.")
    return redirect(url_for("staff.sign_in"))


@bp.get("/session")
def session_status():
    """For the timeout warning's script: seconds left, without counting as activity."""
    if not current_user.is_authenticated:
        return {"signed_in": False, "seconds_left": 0}
    seen = datetime.fromisoformat(session.get(SEEN_KEY, now().isoformat()))
    left = idle_limit() - (now() - seen)
    return {"signed_in": True, "seconds_left": max(0, int(left.total_seconds()))}


@bp.post("/session/extend")
def keep_signed_in():
    """"Stay signed in": any signed-in request counts as activity; this one does nothing else."""
    if not current_user.is_authenticated:
        return redirect(url_for("staff.sign_in"))
    return redirect(safe_next(request.form.get("next"), url_for("staff.queue")))
