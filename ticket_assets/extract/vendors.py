"""Which vendor printed the page: header keywords of the vendor templates, scored by where they stand.

The customer line names the contractor on almost every ticket, so a keyword on a
customer line (templates/labels.yaml) never counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ticket_assets.extract.labels import form_labels
from ticket_assets.extract.normalize import squash
from ticket_assets.extract.page_text import Found, PageText
from ticket_assets.extract.templates import VendorTemplate
from ticket_assets.lines import OcrLine

HEADER_SCORE = 0.95  # keyword in the header, times the line's OCR confidence
BODY_SCORE = 0.6  # keyword elsewhere on the page: a hint, never enough alone
LEGAL_SUFFIXES = {"INC", "LLC", "LTD", "CO", "CORP", "CORPORATION", "COMPANY", "LP", "LLP"}


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
    return re.sub(r"[^A-Z0-9&]+", " ", text.upper().replace("&", " & ")).strip()


def header_company(page: PageText) -> Found | None:
    """The name a page's header gives its company: the tallest line in the header that reads as a name
    (mostly letters; no label, form title, phone number or customer line)."""
    names = [line for line in page.lines if page.is_header(line) and _reads_as_name(page, line)]
    if not names:
        return None
    tallest = max(names, key=lambda line: (line.box[3] - line.box[1], -line.box[1]))
    return Found(tallest.text.strip(), tallest, tallest.confidence)


def _reads_as_name(page: PageText, line) -> bool:
    labels, text = form_labels(), line.text
    letters = sum(char.isalpha() for char in text)
    return (letters >= 4 and letters >= 0.7 * len(text.replace(" ", "")) and not labels.any_label.search(text)
            and not labels.form_titles.search(text) and not page.names_the_customer(line))


def vendor_token(name: str) -> str:
    """A vendor's canonical name from its printed one: "Corpotech Services, Inc." -> CORPOTECH_SERVICES."""
    words = re.sub(r"[^A-Z0-9]+", " ", name.upper().replace("&", " AND ")).split()
    return "_".join(word for word in words if word not in LEGAL_SUFFIXES)


def known_keyword_in(name: str, templates: tuple[VendorTemplate, ...]) -> VendorTemplate | None:
    """The template one of whose keywords a name holds, run together or not ("PORTILLOANDSONS")."""
    squashed = squash(name.replace("&", "AND"))
    return next((t for t in templates for k in t.header_keywords if squash(k.replace("&", "AND")) in squashed), None)
