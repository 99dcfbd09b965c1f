"""Which vendor printed the page: header keywords of the vendor templates, scored by where they stand.

The customer line names the contractor on almost every ticket, so a keyword on a
customer line (templates/labels.yaml) never counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from statistics import median

from ticket_assets.extract.labels import form_labels
from ticket_assets.extract.normalize import squash
from ticket_assets.extract.page_text import Found, PageText
from ticket_assets.extract.templates import VendorTemplate
from ticket_assets.lines import OcrLine

HEADER_SCORE = 0.95  # keyword in the header, times the line's OCR confidence
BODY_SCORE = 0.6  # keyword elsewhere on the page: a hint, never enough alone
# A letterhead's name is printed no smaller than the form's text (a checkbox's choice is smaller): at least this
# share of the page's median line height; the name is the topmost line at least LETTERHEAD_SIZE_SHARE of the
# largest's height (a handwritten value in the header may be taller, "TRUCKING" under "J.D. & SON" is smaller).
LETTERHEAD_MIN_SIZE = 0.9
LETTERHEAD_SIZE_SHARE = 0.8
NAME_PUNCTUATION = re.compile(r"[\s.,&'-]")  # what a company's name holds besides letters: "J.D. & SON"
CHOICES = re.compile(r"\s/\s|/.*/|^\W*[\[\]()□☐]|\bor\b", re.IGNORECASE)  # "Contaminated / Class 2 / Clean"
# An address: a city's state (with its ZIP code or after a comma), or a street number before a word.
ADDRESS = re.compile(r",\s*[A-Z]{2}\b|\b[A-Z]{2}\.?\s+\d{5}|\s(?:TX|Texas|TEXAS|OK|LA|NM|AR)\.?$|^\d+\s+[A-Za-z]")
LEGAL_SUFFIXES = {"INC", "LLC", "LTD", "CO", "CORP", "CORPORATION", "COMPANY", "LP", "LLP"}
# The trade a company's name ends with, which OCR runs into the name before it: "JD & SonTrucking".
GLUED_TRADE = re.compile(r"(?<=[A-Z]{2})(TRUCKING|HAULING|TRANSPORT|CONSTRUCTION|DEMOLITION|MATERIALS|AGGREGATES|"
                         r"RECYCLING|SERVICES|CONCRETE|EXCAVATION|CONTRACTORS)\b")


@dataclass(frozen=True)
class VendorMatch:
    vendor: str
    confidence: float
    why: str


def match_vendors(page: PageText, templates: tuple[VendorTemplate, ...]) -> list[VendorMatch]:
    """Every template that matches the page, best first; templates that do not match are left out. A name
    in the header scores as the letterhead unless it is one of the form's values (see _in_the_form)."""
    mentions = _mentions(page, templates)
    letterhead = _letterhead(page, [line for _, line, _ in mentions])
    best: dict[str, VendorMatch] = {}
    for template, line, keyword in mentions:
        letterhead_name = page.is_header(line) and not _in_the_form(page, line, letterhead)
        place, weight = ("header", HEADER_SCORE) if letterhead_name else ("body", BODY_SCORE)
        match = VendorMatch(template.vendor, weight * line.confidence, f"{keyword!r} in the {place}: {line.text!r}")
        if template.vendor not in best or match.confidence > best[template.vendor].confidence:
            best[template.vendor] = match
    return sorted(best.values(), key=lambda m: m.confidence, reverse=True)


def explain_misses(page: PageText, templates: tuple[VendorTemplate, ...]) -> dict[str, str]:
    """Why each template that did not match was passed over."""
    matched = {match.vendor for match in match_vendors(page, templates)}
    reasons = {}
    for template in templates:
        if template.vendor in matched:
            continue
        excluded = _excluding_keyword(page, template)
        reasons[template.vendor] = (
            f"excluded by keyword {excluded!r}" if excluded else f"none of {list(template.header_keywords)} on the page"
        )
    return reasons


def _mentions(page: PageText, templates: tuple[VendorTemplate, ...]) -> list[tuple[VendorTemplate, OcrLine, str]]:
    """Each line that names a vendor, with its template and the keyword; never a customer line."""
    return [(template, line, keyword) for template in templates if not _excluding_keyword(page, template)
            for line in page.lines if (keyword := _keyword_in(line.text, template.header_keywords))
            if not page.names_the_customer(line)]


def _letterhead(page: PageText, named: list[OcrLine]) -> OcrLine | None:
    """The topmost line of the header that names a vendor and is no place's value ("Hauled To: WM
    Lewisville" names where the load went, not who printed the ticket)."""
    places = [line for line in named if page.is_header(line) and not _names_a_place(page, line)]
    return min(places, key=lambda line: line.box[1], default=None)


def _in_the_form(page: PageText, line: OcrLine, letterhead: OcrLine | None) -> bool:
    """Whether a name is one of the form's values rather than its letterhead: a place's value, or a name
    below the letterhead that a label line stands between, or that follows other text on its row (a date,
    a label OCR garbled). On a ticket the letterhead is on top; the customer's name comes with the fields."""
    if _names_a_place(page, line) or _under_a_label(page, line):
        return True
    if letterhead is None or line.box[1] < letterhead.box[3]:
        return False
    labels = form_labels().any_label
    label_between = any(letterhead.box[3] <= other.box[1] and other.box[3] <= line.box[1] and labels.search(other.text)
                        for other in page.lines)
    return label_between or any(other.box[2] <= line.box[0] for other in page.row_neighbours(line))


def _under_a_label(page: PageText, line: OcrLine) -> bool:
    """Whether a line that begins with a label or a form's title stands over the name in its column: the form's
    fields have begun and the name is one of their values (a customer's "Lindamood Demolition" under "Folio No.:
    3285983473", its own label lost, the vendor's letterhead unread above it)."""
    labels = form_labels()
    return any(other.box[3] <= line.box[1] and other.box[0] < line.box[2] and line.box[0] < other.box[2]
               and (labels.is_label(other.text) or labels.form_titles.match(other.text))
               for other in page.lines if other is not line)


def _names_a_place(page: PageText, line: OcrLine) -> bool:
    """Whether a line is on the row of a source or destination label, or is read as such a label's value."""
    labels = form_labels()
    return any(page.on_row_of(line, labels.of(field)) or any(found.line is line for found in page.values_at(field))
               for field in ("source", "destination"))


def _excluding_keyword(page: PageText, template: VendorTemplate) -> str | None:
    squashed = squash(page.text)
    return next((k for k in template.exclude_keywords if squash(k) in squashed), None)


def _keyword_in(text: str, keywords: tuple[str, ...]) -> str | None:
    """The longest keyword that occurs in the text as whole words, the spaces between its words optional: OCR
    runs a printed name's words together ("BIGCITY")."""
    padded = f" {_words(text)} "  # "PORTILLO&SONS"
    hits = [k for k in keywords if _keyword_pattern(k).search(padded)]
    return max(hits, key=len) if hits else None


@cache  # asked of every line of every page, for every template's keywords
def _keyword_pattern(keyword: str) -> re.Pattern:
    return re.compile(rf" {r' ?'.join(map(re.escape, _words(keyword).split()))} ")


def _words(text: str) -> str:
    words = re.sub(r"[^A-Z0-9&]+", " ", text.upper().replace("&", " & ")).strip()
    return GLUED_TRADE.sub(r" \1", words)


def header_company(page: PageText) -> Found | None:
    """The name a page's letterhead gives its company: of the header's lines that read as a name (those that end
    with a company's legal form, when any does), the topmost of those about as large as the largest. None when
    no line reads as one: no suggestion beats a wrong one."""
    names = [line for line in page.lines if page.is_header(line) and _reads_as_name(page, line)]
    incorporated = [line for line in names if _words(line.text).split()[-1] in LEGAL_SUFFIXES - {"CO"}]
    names = incorporated or names  # "ROADSTAR MANAGEMENT, LLC" printed small under a circled "Tandem"
    if not names:
        return None
    largest = max(_height(line) for line in names)
    if largest < LETTERHEAD_MIN_SIZE * median(_height(line) for line in page.lines):
        return None  # only the form's small print reads as a name: a checkbox's choice, a word of the body
    top = min((line for line in names if _height(line) >= LETTERHEAD_SIZE_SHARE * largest), key=lambda l: l.box[1])
    return Found(top.text.strip(), top, top.confidence)


def _height(line: OcrLine) -> float:
    return line.box[3] - line.box[1]


def _reads_as_name(page: PageText, line: OcrLine) -> bool:
    """Mostly letters (a name's stops and ampersand aside: "J.D. & SON"), and none of what a header holds
    besides its name: a label, a form's title, a place's value, a list of choices, an address, a customer."""
    labels, text = form_labels(), line.text
    letters = sum(char.isalpha() for char in text)
    others = len(NAME_PUNCTUATION.sub("", text))
    distinct = set(char.upper() for char in text if char.isalpha())
    return (letters >= 4 and len(distinct) >= 3  # a barcode reads "IIII"
            and letters >= 0.7 * others and not labels.any_label.search(text)
            and not labels.form_titles.search(text) and not CHOICES.search(text) and not ADDRESS.search(text)
            and not page.names_the_customer(line) and not _a_place_value(page, line))


def _a_place_value(page: PageText, line: OcrLine) -> bool:
    """Whether a line stands on the row of a source's or destination's label ("From  S. PARKING GARAGE"). A
    name under such a label is still the letterhead's: a fax banner's "FAX FROM:" often stands over it."""
    labels = form_labels()
    return any(page.on_row_of(line, labels.of(field)) for field in ("source", "destination"))


def vendor_token(name: str) -> str:
    """A vendor's canonical name from its printed one: "Corpotech Services, Inc." -> CORPOTECH_SERVICES."""
    words = re.sub(r"[^A-Z0-9]+", " ", name.upper().replace("&", " AND ")).split()
    return "_".join(word for word in words if word not in LEGAL_SUFFIXES)


def known_keyword_in(name: str, templates: tuple[VendorTemplate, ...]) -> VendorTemplate | None:
    """The template one of whose keywords a name holds, run together or not ("PORTILLOANDSONS")."""
    squashed = squash(name.replace("&", "AND"))
    return next((t for t in templates for k in t.header_keywords if squash(k.replace("&", "AND")) in squashed), None)
