"""Track my complaint: a one-time link by email, a page that follows the case, and replies."""

from portal.tracking.routes import bp

__all__ = ["bp"]
