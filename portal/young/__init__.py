"""The young person's form and the request for an advocate."""

from portal.young.routes import bp, short_address

__all__ = ["bp", "short_address"]
