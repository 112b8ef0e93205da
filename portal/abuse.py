"""Refusing floods and form-filling programs, with a page in the person's language for each refusal.

- Rate limits (Flask-Limiter), per address: sending a form (both forms and the advocacy request
  share one allowance), staff sign-in, codes and references typed to come back or follow a case,
  and links emailed to a typed address. Only a send that went through counts, so a person
  corrected by an error message is never held back by it.
- A honeypot: a box people never see (hidden by the stylesheet) that programs filling in every
  field do fill. A form with it filled is not sent, and the answers stay as they were.
- Request size: MAX_CONTENT_LENGTH, MAX_FORM_MEMORY_SIZE and MAX_FORM_PARTS (settings.py); Werkzeug
  refuses anything bigger with 413, which has its own page.
"""

from __future__ import annotations

import math
import time

from flask import current_app, render_template, request
from flask_limiter import RateLimitExceeded

from portal.extensions import limiter

HONEYPOT = "homepage"


def send_limit() -> str:
    return current_app.config["PORTAL_LIMIT_SEND"]


def sign_in_limit() -> str:
    return current_app.config["PORTAL_LIMIT_SIGN_IN"]


def guess_limit() -> str:
    return current_app.config["PORTAL_LIMIT_GUESS"]


def email_limit() -> str:
    return current_app.config["PORTAL_LIMIT_EMAIL"]


def went_through(response) -> bool:
    """A send or sign-in that succeeded redirects; a page shown again with an error does not."""
    return response.status_code in (302, 303)


# Both forms' Send buttons, and the advocacy request's, draw on one allowance per address.
limit_sending = limiter.shared_limit(send_limit, scope="send", methods=["POST"], deduct_when=went_through)
limit_sign_in = limiter.limit(sign_in_limit, methods=["POST"], deduct_when=went_through)
# Typing a saved-answers code, or a reference with an email address: every try counts, right or
# wrong, so that neither can be found by trying many.
limit_guessing = limiter.shared_limit(guess_limit, scope="guess", methods=["POST"])
# Emails sent to an address someone types (a saved-answers link): not a way to flood a mailbox.
limit_emailing = limiter.shared_limit(email_limit, scope="email", methods=["POST"], deduct_when=went_through)


def honeypot_filled() -> bool:
    return bool((request.form.get(HONEYPOT) or "").strip())


def refused_as_automatic(back: str):
    """The page for a form whose hidden box was filled in: nothing sent, nothing lost."""
    current_app.logger.warning("Refused a form with its hidden box filled in from %s", request.remote_addr)
    return render_template("errors/automatic.html", back=back), 400


def too_many(error: RateLimitExceeded):
    """The page for a refused flood: how long to wait, and the other ways to reach us."""
    limit = limiter.current_limit
    wait = max(1, math.ceil(((limit.reset_at if limit else time.time() + 60) - time.time()) / 60))
    response = current_app.make_response((render_template("errors/429.html", minutes=wait), 429))
    response.headers["Retry-After"] = str(wait * 60)
    return response
