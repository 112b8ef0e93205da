"""The code lists (slugs) of EXCHANGE.md section 3 that the rules need.

Each member's value is the slug used in the case exchange format, so `Role("parent")` reads a
stored value and `Role.PARENT.value` writes one.
"""

import enum


class Kind(str, enum.Enum):
    COMPLAINT = "complaint"
    COMPLIMENT = "compliment"
    COMMENT = "comment"


class Role(str, enum.Enum):
    YOUNG_PERSON = "young_person"
    PARENT = "parent"
    PERSON_WITH_PARENTAL_RESPONSIBILITY = "person_with_parental_responsibility"
    FOSTER_CARER = "foster_carer"
    SPECIAL_GUARDIAN = "special_guardian"
    RELATIVE = "relative"
    ADVOCATE = "advocate"
    PROFESSIONAL = "professional"
    OTHER = "other"


class ReceivedVia(str, enum.Enum):
    ONLINE_FORM = "online_form"
    YOUNG_PERSON_FORM = "young_person_form"
    EMAIL = "email"
    LETTER = "letter"
    TELEPHONE = "telephone"
    IN_PERSON = "in_person"
    ADVOCATE = "advocate"
    COUNCILLOR_OR_MP = "councillor_or_mp"
    OTHER = "other"


class Procedure(str, enum.Enum):
    STATUTORY = "statutory"
    CORPORATE = "corporate"
    SAFEGUARDING = "safeguarding"
    NOT_A_COMPLAINT = "not_a_complaint"


class Outcome(str, enum.Enum):
    UPHELD = "upheld"
    PARTIALLY_UPHELD = "partially_upheld"
    NOT_UPHELD = "not_upheld"
    WITHDRAWN = "withdrawn"
    RESOLVED_BY_ADR = "resolved_by_adr"


class LateReason(str, enum.Enum):
    EXTENSION_AGREED = "extension_agreed"
    FURTHER_INFORMATION = "further_information"
    CONSENT_NEEDED = "consent_needed"
    STAFF_UNAVAILABLE = "staff_unavailable"
    ANOTHER_PROCESS = "another_process"
    SERVICE_DELAY = "service_delay"
    ADR = "adr"
