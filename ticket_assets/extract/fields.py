"""Read single fields off a page: ticket number, dates, manifest, quantity, truck, labelled places.

Each finder returns a Found (text, line, confidence) or None; the record builder
decides precedence. A Found's confidence is the engine's confidence in the words
that hold the value, times how strongly the match says it is that field. Traps are filtered here: phone numbers, zip codes, P.O., pit
ticket, order, job and account numbers, dates and quantities are not ticket numbers.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from ticket_assets.extract.page_text import Found, PageText
from ticket_assets.extract.templates import VendorTemplate

TICKET_LABEL = re.compile(r"(TICKET\s*(NO|NUMBER|NUM|#|:)|\bN[Oº°]\b\.?|\bNo\.)", re.I)
TICKET_DIGITS = re.compile(r"(?<![\d.,/:-])(?:N[º°o]\.?\s*)?(\d{4,10})(?![\d.,/:])")
# Labels whose numbers are not ticket numbers, when they stand left of or above a number ...
TRAP_LABELS = re.compile(
    r"PIT\s*TICKET|P\.?\s*[O0]\.?\s*#|\bP\.?O\b|ORDER|ACCOUNT|ACCT|CUSTOMER|JOB|PHONE|FAX|OFFICE|DISPATCH|"
    r"EMERGENCY|DATE|TIME|TRUCK|TRAILER|UNIT|VEHICLE|LICENSE|PRODUCT|CARRIER|PLANT|\bTX\b|TONS|YARDS|GROSS|TARE|NET|"
    r"MANIFEST|PROFILE|QTY|LOADS?\b",
    re.I,
)
# ... and the few that some forms print below their number.
TRAP_LABELS_BELOW = re.compile(r"PIT\s*TICKET|P\.?\s*[O0]\.?\s*#|ORDER|ACCOUNT|ACCT|JOB", re.I)
MANIFEST_LABEL = re.compile(r"(MANIFEST|PROFILE)\s*(#|NO\.?|NUMBER)?\s*:?", re.I)
MANIFEST_VALUE = re.compile(r"\b(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{6,18}[A-Z0-9]\b", re.I)
QUANTITY = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d{1,2})?)\s*(TONS?|TN|CY|C\.Y\.|YDS?|YARDS?|LOADS?)\b", re.I)
QUANTITY_LABEL = re.compile(r"\b(QTY|QUANTITY|NET\s*TONS|TONS|YARDS|LOADS)\b\s*:?", re.I)
TRUCK = re.compile(r"\b(TRUCK|UNIT|VEHICLE)\s*(#|NO\.?|NUMBER)?\s*:?\s*(\d{1,4})(?!\d)", re.I)
UNITS = {"TON": "TONS", "TONS": "TONS", "TN": "TONS", "CY": "CY", "C.Y.": "CY", "YD": "CY", "YDS": "CY",
         "YARD": "CY", "YARDS": "CY", "LOAD": "LOADS", "LOADS": "LOADS"}
DATE_PATTERNS = (
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), "%Y-%m-%d"),
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"), "%m/%d/%Y"),
    (re.compile(r"\b(\d{1,2})-([A-Z]{3})-(\d{4})\b", re.I), "%d-%b-%Y"),
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2})\b"), "%m/%d/%y"),
    (re.compile(r"\b(\d{1,2})-(\d{1,2})-(\d{2,4})\b"), None),
)
# A handwritten "02/18/25" that OCR read as "02118125": the slashes came back as 1, 7, l, I or |.
GUESSED_DATE = re.compile(r"DATE\s*:?\s*(\d{1,2})[17lI|](\d{1,2})[17lI|](\d{4}|\d{2})\b", re.I)
GUESSED_DATE_CONFIDENCE = 0.5  # below the acceptance threshold: a person confirms a date the parser guessed
SOURCE_LABEL = re.compile(r"(SOURCE|SHIPPED\s*FROM|HAULED\s*FROM|\bFROM\s*:)\s*:?", re.I)
DESTINATION_LABEL = re.compile(r"(SHIPPED\s*TO|HAULED\s*TO|DELIVERY\s*ADDRESS|DESTINATION|\bTO\s*:)\s*:?", re.I)
MATERIAL_LABEL = re.compile(r"(MATERIAL\s*HAULED|MATERIAL(?!\s*TICKET)|COMMODITY|PRODUCT)\s*:?", re.I)


def find_template_ticket_number(page: PageText, templates: tuple[VendorTemplate, ...]) -> tuple[Found, str] | None:
    """A number in a vendor's own pattern (`WM-\\d{8}`…), with the vendor whose pattern it is."""
    for template in templates:
        for pattern in template.ticket_number_patterns:
            for line in page.lines:
                match = pattern.search(line.text.replace(" ", ""))
                if match:  # a pattern with a group names the number inside a longer match ("BOL 1972750542")
                    number = match.group(1) if pattern.groups else match.group(0)
                    return Found(number.upper(), line, 0.97 * line.confidence_of(number)), template.vendor
    return None


def find_ticket_number(page: PageText, region: str = "top_right") -> Found | None:
    """A printed number next to a ticket label, else a lone number where the vendor prints it."""
    labelled = _labelled_ticket_number(page)
    if labelled:
        return labelled
    for line in page.lines:
        if not page.in_region(line, region) or _near_trap_label(page, line):
            continue
        match = TICKET_DIGITS.fullmatch(line.text.strip())
        if match:
            return Found(match.group(1), line, 0.85 * line.confidence_of(match.group(1)))
    return None


def _near_trap_label(page: PageText, line) -> bool:
    before, below = page.labels_around(line)
    return bool(TRAP_LABELS.search(before) or TRAP_LABELS_BELOW.search(below))


def _labelled_ticket_number(page: PageText) -> Found | None:
    for line in page.lines:
        label = TICKET_LABEL.search(line.text)
        if not label or re.search(r"PIT\s*TICKET", line.text, re.I):
            continue
        tail = line.text[label.end() :].lstrip(" .:#")  # "TICKET NO.361162": the label's dot is no decimal point
        match = TICKET_DIGITS.search(tail)
        if match:
            return Found(match.group(1), line, 0.92 * line.confidence_of(match.group(1)))
        neighbour = page.value_after_label(re.compile(re.escape(line.text[label.start() : label.end()])))
        if neighbour and neighbour.line is not line:
            match = TICKET_DIGITS.fullmatch(neighbour.text.strip())
            if match:
                return Found(match.group(1), neighbour.line, 0.9 * neighbour.line.confidence_of(match.group(1)))
    return None


def find_dates(page: PageText) -> list[tuple[date, Found]]:
    """Every date written on the page in a format the domain knows, US order when ambiguous;
    then the labelled dates whose slashes OCR misread, each with a confidence that says it was guessed."""
    found, guessed = [], []
    for line in page.lines:
        for pattern, fmt in DATE_PATTERNS:
            for match in pattern.finditer(line.text):
                parsed = _parse_date(match, fmt)
                if parsed:
                    found.append((parsed, Found(match.group(0), line, line.confidence_of(match.group(0)))))
        for match in GUESSED_DATE.finditer(line.text.replace(" ", "")):
            parsed = _parse_date(match, None)
            if parsed:
                guessed.append((parsed, Found(match.group(0), line, GUESSED_DATE_CONFIDENCE * line.confidence)))
    return found + guessed


def _parse_date(match: re.Match, fmt: str | None) -> date | None:
    text = match.group(0)
    if fmt is None:  # 10-17-24 or 10-17-2024, or the parts of a guessed date
        month, day, year = match.groups()
        text, fmt = f"{month}/{day}/{year}", "%m/%d/%Y" if len(year) == 4 else "%m/%d/%y"
    try:
        return datetime.strptime(text.title() if "%b" in fmt else text, fmt).date()
    except ValueError:
        return None


def find_manifest(page: PageText) -> Found | None:
    labelled = page.value_after_label(MANIFEST_LABEL)
    if not labelled:
        return None
    match = MANIFEST_VALUE.search(labelled.text)
    return Found(match.group(0).upper(), labelled.line, labelled.line.confidence_of(match.group(0))) if match else None


def find_quantity(page: PageText) -> tuple[float, str, Found] | None:
    """The first quantity with its unit, normalised to TONS, CY or LOADS."""
    for line in page.lines:
        match = QUANTITY.search(line.text)
        if match:
            unit = UNITS[match.group(2).upper()]
            return float(match.group(1)), unit, Found(match.group(0), line, line.confidence_of(match.group(1)))
    return None


def find_truck_number(page: PageText) -> Found | None:
    for line in page.lines:
        match = TRUCK.search(line.text)
        if match:
            return Found(match.group(3), line, line.confidence_of(match.group(3)))
    return None
