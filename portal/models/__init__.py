"""Every table of the portal. Import models from here."""

from portal.models.case import Case, ReferenceCounter
from portal.models.context import ContextFigure
from portal.models.document import Document
from portal.models.draft import Draft
from portal.models.equalities import EqualityAnswers
from portal.models.handling import AdrMeeting, CaseIssue, CaseStage, LearningAction, Remedy
from portal.models.history import AuditEntry, CaseEvent
from portal.models.outbox import OutboxMessage
from portal.models.staff import ROLES, StaffUser
from portal.models.tracking import TrackingLink

__all__ = [
    "AdrMeeting", "AuditEntry", "Case", "CaseEvent", "ContextFigure", "CaseIssue", "CaseStage", "Document", "Draft", "EqualityAnswers",
    "LearningAction", "OutboxMessage", "ROLES", "ReferenceCounter", "Remedy", "StaffUser",
    "TrackingLink",
]
