"""Save and come back later, on every page of both forms."""

from portal.saving.routes import bp

__all__ = ["bp"]
