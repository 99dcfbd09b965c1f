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
    FILE_REPLACED = "FILE_REPLACED"
    UNKNOWN_JOB = "UNKNOWN_JOB"
    MATERIAL_CONFLICT = "MATERIAL_CONFLICT"
    IGNORED_FILE = "IGNORED_FILE"
    UNKNOWN_VENDOR = "UNKNOWN_VENDOR"

    @property
    def severity(self) -> Severity:
        return SEVERITIES[self]

    @property
    def needs_value(self) -> bool:
        """An item of this reason closes with its field's value, or a decision in words, never a bare confirm."""
        return self.severity is Severity.CRITICAL or self in NEEDS_VALUE


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
    # Not in the domain note's list: new content saved under a processed file's name; the old records are kept.
    Reason.FILE_REPLACED: Severity.WARNING,
    # Not in the domain note's list: a job code the configuration lacks; the load is in no job's reports.
    Reason.UNKNOWN_JOB: Severity.WARNING,
    # Not in the domain note's list: the page names contamination and another source says a clean material.
    Reason.MATERIAL_CONFLICT: Severity.CRITICAL,
    # Not in the domain note's list: a file an operating system left in the folder, noted and not read.
    Reason.IGNORED_FILE: Severity.INFO,
    # Not in the domain note's list: a vendor no template knows; its header's name is the suggestion.
    Reason.UNKNOWN_VENDOR: Severity.CRITICAL,
}
# WARNING reasons that a bare confirm cannot close: the value is what is missing.
NEEDS_VALUE = {Reason.UNKNOWN_JOB}

# The field a finding of each reason is about; a reason not listed is about the whole page or file.
REASON_FIELDS = {
    Reason.MISSING_TICKET_NUMBER: "ticket_number",
    Reason.MISSING_MANIFEST: "manifest_number",
    Reason.MISSING_MATERIAL: "material",
    Reason.INVALID_DATE: "ticket_date",
    Reason.AMBIGUOUS_VENDOR: "vendor",
    Reason.DUPLICATE_TICKET: "ticket_number",
    Reason.DUPLICATE_MANIFEST: "manifest_number",
    Reason.OUT_OF_RANGE_DATE: "ticket_date",
    Reason.UNUSUAL_QUANTITY: "quantity",
    Reason.MISSING_SOURCE: "source",
    Reason.MISSING_DESTINATION: "destination",
    Reason.ASSUMED_VENDOR: "vendor",
    Reason.UNKNOWN_JOB: "job_code",
    Reason.MATERIAL_CONFLICT: "material",
    Reason.UNKNOWN_VENDOR: "vendor",
}


class Decision(str, Enum):
    """What a person can decide on an item instead of (or beside) giving values."""

    COPY = "copy"  # a duplicate is a copy of its original: left out of the invoice list and the counts
    TWO_LOADS = "two-loads"  # a duplicate is a load of its own: the flag is cleared
    KEEP = "keep"  # a vanished or replaced file's record stays without its file


# The decisions each reason accepts; an item of a reason listed here closes only with one of them.
DECISIONS = {
    Reason.DUPLICATE_TICKET: (Decision.COPY, Decision.TWO_LOADS),
    Reason.FILE_VANISHED: (Decision.KEEP,),
    Reason.FILE_REPLACED: (Decision.KEEP,),
}


class CopyStatus(str, Enum):
    """A record that repeats another ticket: suspected until a person decides."""

    SUSPECTED = "suspected"
    COPY = "copy"
    TWO_LOADS = "two loads"


# Records left out of the invoice list and the load counts: a copy bills and counts once.
NOT_COUNTED = (CopyStatus.SUSPECTED.value, CopyStatus.COPY.value)

# A page with any of these is held back from the clean reports until a person answers.
BLOCKING = (Severity.CRITICAL, Severity.WARNING)


@dataclass(frozen=True)
class Finding:
    reason: Reason
    detail: str
    suggested_fixes: dict = field(default_factory=dict)
    field_name: str | None = None  # the field it is about, when the reason alone does not say

    @property
    def severity(self) -> Severity:
        return self.reason.severity

    @property
    def about(self) -> str | None:
        """The field this finding is about (None: the whole page): with the page and reason, the item's identity."""
        return self.field_name or REASON_FIELDS.get(self.reason)
