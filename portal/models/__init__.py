"""Every table of the portal. Import models from here."""

from portal.models.case import Case, ReferenceCounter
from portal.models.draft import Draft

__all__ = ["Case", "Draft", "ReferenceCounter"]
