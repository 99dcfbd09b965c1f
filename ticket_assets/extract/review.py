"""Why a page goes to a person, and how urgent it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    CRITICAL = "CRITICAL"
    WARNING = "WARNING"
    INFO = "INFO"


class Reason(str, Enum):
    MISSING_TICKET_NUMBER = "MISSING_TICKET_NUMBER"
    MISSING_MANIFEST = "MISSING_MANIFEST"
    MISSING_MATERIAL = "MISSING_MATERIAL"
    INVALID_DATE = "INVALID_DATE"
    AMBIGUOUS_VENDOR = "AMBIGUOUS_VENDOR"
    UNREADABLE_FILE = "UNREADABLE_FILE"
    LOW_CONFIDENCE_OCR = "LOW_CONFIDENCE_OCR"
    DUPLICATE_TICKET = "DUPLICATE_TICKET"
    DUPLICATE_MANIFEST = "DUPLICATE_MANIFEST"
    OUT_OF_RANGE_DATE = "OUT_OF_RANGE_DATE"
    UNUSUAL_QUANTITY = "UNUSUAL_QUANTITY"
    MISSING_SOURCE = "MISSING_SOURCE"
    MISSING_DESTINATION = "MISSING_DESTINATION"
    ASSUMED_VENDOR = "ASSUMED_VENDOR"
    FILENAME_OVERRIDE = "FILENAME_OVERRIDE"
    FILE_VANISHED = "FILE_VANISHED"

    @property
    def severity(self) -> Severity:
        return SEVERITIES[self]


SEVERITIES = {
    Reason.MISSING_TICKET_NUMBER: Severity.CRITICAL,
    Reason.MISSING_MANIFEST: Severity.CRITICAL,
    # Not in the domain note's list: a load of unknown material could be a contaminated one.
    Reason.MISSING_MATERIAL: Severity.CRITICAL,
    Reason.INVALID_DATE: Severity.CRITICAL,
    Reason.AMBIGUOUS_VENDOR: Severity.CRITICAL,
    Reason.UNREADABLE_FILE: Severity.CRITICAL,
    Reason.LOW_CONFIDENCE_OCR: Severity.WARNING,
    Reason.DUPLICATE_TICKET: Severity.WARNING,
    Reason.DUPLICATE_MANIFEST: Severity.WARNING,
    Reason.OUT_OF_RANGE_DATE: Severity.WARNING,
    Reason.UNUSUAL_QUANTITY: Severity.WARNING,
    Reason.MISSING_SOURCE: Severity.INFO,
    Reason.MISSING_DESTINATION: Severity.INFO,
    Reason.ASSUMED_VENDOR: Severity.INFO,
    Reason.FILENAME_OVERRIDE: Severity.INFO,
    # Not in the domain note's list: a processed file gone from the inbox; its records are kept.
    Reason.FILE_VANISHED: Severity.WARNING,
}

# A page with any of these is held back from the clean reports until a person answers.
BLOCKING = (Severity.CRITICAL, Severity.WARNING)


@dataclass(frozen=True)
class Finding:
    reason: Reason
    detail: str
    suggested_fixes: dict = field(default_factory=dict)

    @property
    def severity(self) -> Severity:
        return self.reason.severity
