"""Read single fields off a page: ticket number, dates, manifest, quantity, truck, labelled places.

Each finder returns a Found (text, line, confidence) or None; the record builder
decides precedence. A Found's confidence is the engine's confidence in the words
that hold the value, times how strongly the match says it is that field. Traps are filtered here: phone numbers, zip codes, P.O., pit
ticket, order, job and account numbers, dates and quantities are not ticket numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from ticket_assets.extract.labels import form_labels
from ticket_assets.extract.page_text import Found, PageText
from ticket_assets.extract.shapes import fits
from ticket_assets.extract.sideways import sideways_phrases
from ticket_assets.extract.templates import VendorTemplate
from ticket_assets.lines import OcrLine

TICKET_DIGITS = re.compile(r"(?<![\d.,/:-])(?:N[º°o]\.?\s*)?(\d{4,10})(?![\d.,/:])")
# Labels whose numbers are not ticket numbers, when they stand left of or above a number ...
TRAP_LABELS = re.compile(
    r"PIT\s*TICKET|P\.?\s*[O0]\.?\s*#|\bP\.?O\b|ORDER|ACCOUNT|ACCT|CUSTOMER|JOB|PHONE|FAX|OFFICE|"
    r"EMERGENCY|DATE|TIME|TRUCK|TRAILER|UNIT|VEHICLE|LICENSE|\bLIC\b|PERMIT|CONTRACT|PROJECT|SEAL|PRODUCT|CARRIER|"
    r"PLANT|\bTX\b|TONS|YARDS|GROSS|TARE|NET|"
    r"MANIFEST|PROFILE|QTY|LOADS?\b",
    re.I,
)
# Words that only say they number something ("Control No.", "ControlNo.", "DELIVERY NO:"), and a number after them;
# whether that something is a field of ours or a trap, the labels say.
_NUMBER_LABEL = r"(?P<label>[A-Z][A-Z .'/&-]{1,24}?)\s*(?:No\b\.?|Nº|N°|#)\s*[:.#]?"
NUMBER_LABEL = re.compile(_NUMBER_LABEL, re.I)
NUMBERED = re.compile(rf"{_NUMBER_LABEL}\s*(?P<number>\d{{4,10}})", re.I)
# ... and the few that some forms print below their number.
TRAP_LABELS_BELOW = re.compile(r"PIT\s*TICKET|P\.?\s*[O0]\.?\s*#|ORDER|ACCOUNT|ACCT|JOB", re.I)
# A manifest number: letters, digits and the dashes, underscores, slashes or stops between them (WMX.682.580393);
# a prefix may stand a space before its digits ("MN 88412093", "2025 7723154"). Stored with dashes for every
# separator.
MANIFEST_TOKEN = re.compile(r"(?:[A-Z0-9]+\s(?=\d))?[A-Z0-9]+(?:[-_/.][A-Z0-9]+)*", re.I)
# A manifest number printed in groups a space apart ("MNF 0986 229758"), read whole when it is all the text there;
# groups of three or more: "12 2291 18" is numbers of a row read in one column, an amount among them.
SPACED_MANIFEST = re.compile(r"[A-Z0-9]{3,}(?:\s+(?=[A-Z]*\d)[A-Z0-9]{3,})+", re.I)
BARE_REFERENCE = re.compile(r"REF\b\W*(?:NO\b\W*)?", re.I)  # "Ref:", "Ref #", "Ref No.": a reference to what?
NUMBER_WORD_RUN_IN = re.compile(r"(?:NUMBER|NUM|NBR|NO)(?=[A-Z])", re.I)  # a label's number word before letters
MORE_DIGITS = re.compile(r"\s+[A-Z]*\d", re.I)  # a number going on after a space: "TX-NH-4210 553"
PHONE = re.compile(r"\(?\d{3}\)?[-. ]?\d{3}[-.]\d{4}")
DATE_MISREAD = re.compile(r"\d{1,2}[-/.17lI|]\d{1,2}[-/.17lI|](?:\d{4}|\d{2})", re.I)  # "12102/2024": a slash read as 1
# Letters and digits joined by separators, no space: a number alone on its line, or one box's part of a number
# printed in parts.
MANIFEST_PART = re.compile(r"[A-Z0-9]+(?:[-_/.][A-Z0-9]+)*", re.I)
MANIFEST_PREFIX = re.compile(r"[A-Z]{2,4}|[A-Z0-9]+(?:[-_/.][A-Z0-9]+)*[-_/.]")  # KR, WM-MAN-2024-
SPLIT_BOX_GAP = 4  # line heights between two boxes of one number printed in parts ("CR" | "2025-83373")
MANIFEST_SHAPE = re.compile(r"(?=(?:[A-Z-]*\d){4})[A-Z0-9][A-Z0-9-]{6,18}[A-Z0-9]")  # 8-20 letters, digits, dashes
PARTIAL_FIT = 0.3  # a value that only partly fits its shape (cut short, a stray character): a suggestion only
DIGIT_LOOK_ALIKES = str.maketrans("IlO|o", "11001")  # letters OCR reads for the digits they look like
LOOK_ALIKE_AMOUNT = re.compile(r"\s*([\dIlO|o]{0,2}[IlO|o])(?=\s)")  # "I LOADS", "1O TONS": digits read as letters
LOOK_ALIKE_DIGITS = 0.85  # how sure an amount read from letters like digits is, times the reading of the letters
LEADING_MARKS = ":#.-–—=：|"  # punctuation between a label and its number, read with the number
LABELLED, LONE_NUMBER = 0.92, 0.85  # how strongly a label, or a number's place alone, says it is the ticket number
_AMOUNT = r"(?<![\d.])(?<!\d[:/-])(\d{1,3}(?:\.\d{1,2})?)"  # not the end of a job code (24-105), a time or a date
_TO_UNIT = r"[.-]?\s*"  # between an amount and its unit: a space, read as a stop ("1.LOAD"), or a dash ("17-TON")
# An amount with its unit word: OCR may read its decimal point as a colon or as stops ("21:7 tons", "20..94 sh tn",
# "16...97 Tns"); a time or a date is never written with a unit word after it.
_AMOUNT_WITH_UNIT = r"(?<![\d.])(?<!\d[:/-])(\d{1,3}(?:(?:\.{1,3}|:)\d{1,2})?)"
# After a unit: not more letters, nor a hyphen and letters ("TRACT 2 LOAD-OUT" names a place, "LOAD-OUT" is no unit)
_UNIT_ENDS = r"(?![A-Z]|-[A-Z])"
QUANTITY = re.compile(rf"{_AMOUNT_WITH_UNIT}{_TO_UNIT}({form_labels().unit_pattern()}){_UNIT_ENDS}", re.I)
_MISREAD_POINT = re.compile(r"\.{2,3}|:")
QUANTITY_VALUE = re.compile(rf"{_AMOUNT}(?:{_TO_UNIT}({form_labels().unit_pattern(single_letters=True)}){_UNIT_ENDS})?"
                            r"(?![\d.,/:-]*\d)", re.I)
UNIT_BEFORE = re.compile(rf"({form_labels().unit_pattern()})\.?\s*(?=\d)", re.I)  # scale software's "NT16.86"
TICKS, EMPTY_BOXES = "☒☑✓✔■⊠", "□☐▢◻"  # a box ticked (when OCR shows the tick), a box left empty
UNIT_CHOICE = re.compile(rf"([{TICKS}{EMPTY_BOXES}]?)\s*({form_labels().unit_pattern()}){_UNIT_ENDS}", re.I)
AMOUNT_ALONE = re.compile(r"\d{1,3}(?:\.\d{1,2})?")  # an amount in a box of its own
UNIT_ALONE = re.compile(rf"({form_labels().unit_pattern()})\.?", re.I)  # "CY" in a Unit column
UNIT_LIST = re.compile(rf"(?:\s*{UNIT_CHOICE.pattern}\.?)+", re.I)  # unit words alone, one or a printed list
UNTICKED_CHOICE = re.compile(rf"[{EMPTY_BOXES}]\s*\S+")  # a printed choice left unticked: "□Import/Delivery"
TRUCK_VALUE = re.compile(r"#?\s*(\d{1,4})[.,]*")  # "849..": stops after a number are the pen's, not digits
MISREAD_SIGN = 0.6  # a digit read this unsure right after a truck label may be its "#"
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


def find_template_ticket_number(page: PageText, templates: tuple[VendorTemplate, ...]) -> tuple[Found, str] | None:
    """A number in a vendor's own pattern (`WM-\\d{8}`…), with the vendor whose pattern it is; a letter prefix
    OCR read with a digit for a letter ("P0-2503818") is read as the letters it stands for."""
    for template in templates:
        for pattern in template.ticket_number_patterns:
            for line in page.lines:
                compact = line.text.replace(" ", "")
                match = pattern.search(compact) or pattern.search(_letters_in_prefix(compact))
                if match:  # a pattern with a group names the number inside a longer match ("BOL 1972750542")
                    number = match.group(1) if pattern.groups else match.group(0)
                    sure = 0.97 * line.confidence_of(number, letters_fixed=True)
                    return Found(number.upper(), line, sure), template.vendor
    return None


def _letters_in_prefix(text: str) -> str:
    """"P0-2503818" as "PO-2503818": a 0, 1 or 5 between letters and a dash is the letter it looks like."""
    return re.sub(r"\b([A-Z]+)([015])(?=-)", lambda m: m.group(1) + "OIS"["015".index(m.group(2))], text, flags=re.I)


def find_ticket_number(page: PageText, region: str, templates: tuple[VendorTemplate, ...]) -> Found | None:
    """The number at a ticket label, else the one lone number where the vendor prints it. A number that only
    partly fits (a letter glued to it), or one of several lone numbers, is returned too unsure to accept, unless
    another label reads the same number whole ("Trip.Ticket31748" under a DELIVERY RECEIPT title)."""
    partial = None
    for label_line, candidates in page.values_by_label("ticket_number"):
        number = _first_number_at(label_line, candidates, templates)
        if number is None:
            continue
        if partial is None and number.confidence <= PARTIAL_FIT:
            partial = number
            continue
        return number if partial is None or number.text == partial.text else partial
    if partial:
        return partial
    sideways = _labelled_sideways(page)
    if sideways:
        return sideways
    lone = [line for line in page.lines if _number_alone(line.text)
            and not _near_trap_label(page, line) and not _labelled_by_words(page, line)]
    placed = [line for line in lone if page.in_region(line, region) or _on_the_stub(page, line)]
    if not placed:  # a layout the vendor's template never saw prints it elsewhere in its head
        placed = [line for line in lone if page.is_header(line) and not _labelled_otherwise(page, line)]
    if not placed:
        return None
    number = _number_alone(placed[0].text)
    # Another lone number where a ticket's may stand (the region, the header, the stub): a person says which. One
    # lower in the body is another field's value whose label OCR lost (a P.O. in a box over its label).
    spots = [line for line in lone if page.in_region(line, region) or page.is_header(line) or _on_the_stub(page, line)]
    others = {_number_alone(line.text) for line in spots} - {number}
    sure = PARTIAL_FIT if others else LONE_NUMBER
    return Found(number, placed[0], sure * placed[0].confidence_of(number))


def _labelled_sideways(page: PageText) -> Found | None:
    """A ticket number printed sideways along the page's edge after its label ("TICKET SERIAL" | "337387")."""
    own = form_labels().of("ticket_number")
    for phrase in sideways_phrases(page.lines):
        words = " ".join(part.text for part in phrase[:-1])
        label = own.match(words)
        number = _number_alone(phrase[-1].text)
        if label and number and not words[label.end():].strip(LEADING_MARKS + " "):
            return Found(number, phrase[-1], LABELLED * phrase[-1].confidence_of(number))
    return None


def _number_alone(text: str) -> str | None:
    """The number a line holds alone: bare, with a stop after it ("18133."), or after a label that says only that
    it numbers something no field of ours names ("Control No. 3393244207")."""
    text = text.strip().removesuffix(".")
    match = TICKET_DIGITS.fullmatch(text)
    if match:
        return match.group(1)
    numbered = NUMBERED.fullmatch(text)
    return numbered.group("number") if numbered and _names_no_field(numbered.group("label")) else None


def _unknown_number_label(text: str) -> bool:
    """Whether a text is a label that only says it numbers something ("Control No.", "DELIVERY NO:") no field
    of ours names."""
    label = NUMBER_LABEL.fullmatch(text.strip())
    return bool(label) and _names_no_field(label.group("label"))


def _names_no_field(words: str) -> bool:
    """Whether the words of a number's label name no field we know, nor a number that is not the ticket's."""
    return not form_labels().any_label.search(words) and not TRAP_LABELS.search(words)


def _first_number_at(label_line, candidates: list[Found], templates: tuple[VendorTemplate, ...]) -> Found | None:
    for found in candidates:
        if _numbers_a_trap(label_line, found.label):
            return None
        number = _ticket_number_in(found, templates)
        if number:
            return number
        if found.line is label_line:  # "LOAD NO. 2": the label's value is on its line, no number further off
            return None
    return None


def _numbers_a_trap(label_line, label: str) -> bool:
    """Whether a label that only says a number follows (a number sign, "Ref:") comes after words naming a
    number that is not the ticket's ("Lic No. 414278", "Order No.", "PO REF: 36993")."""
    if not (form_labels().same_line_only.fullmatch(label.strip()) or BARE_REFERENCE.fullmatch(label.strip())):
        return False
    before = label_line.text[: label_line.text.find(label)].split()
    return bool(TRAP_LABELS.search(" ".join(before[-2:])))


def _on_the_stub(page: PageText, line) -> bool:
    """Whether a line stands level with or below a line that marks the ticket's tear-off stub."""
    marks = form_labels().stub_marks
    return any(marks.search(other.text) and line.box[3] >= other.box[1] for other in page.lines if other is not line)


def _ticket_number_in(found: Found, templates: tuple[VendorTemplate, ...]) -> Found | None:
    """The ticket number a label's value starts with: a vendor's own pattern, or 4 to 10 digits alone."""
    words = found.text.split()
    if not words:
        return None
    words[0] = words[0].lstrip(LEADING_MARKS)  # ":#285366", "-285366": the label's punctuation, not the number's
    for template in templates:
        for pattern in template.ticket_number_patterns:
            match = pattern.fullmatch(words[0].upper())
            if match:
                number = match.group(1) if pattern.groups else match.group(0)
                sure = LABELLED * found.line.confidence_of(number, letters_fixed=True)
                return Found(number.upper(), found.line, sure)
    match = TICKET_DIGITS.search(words[0])
    if not match:
        misread = _digits_misread(words[0])
        return Found(misread, found.line, PARTIAL_FIT * found.line.confidence_of(words[0])) if misread else None
    if _begins_a_phrase(words):
        return None
    sure = LABELLED if _stands_alone(words[0], match) else PARTIAL_FIT
    return Found(match.group(1), found.line, sure * found.line.confidence_of(match.group(1)))


def _begins_a_phrase(words: list[str]) -> bool:
    """A number followed by a word, also after a letter OCR read as a digit ("1650 Railroad St.", "1445 5. Hwy
    380" under a SCALE TICKET title): a street number, not the ticket number, which may stand further on."""
    return any(re.fullmatch(r"[A-Z]{2,}[.,]*", word, re.I) for word in words[1:3])


def _digits_misread(word: str) -> str | None:
    """"107I169" as 1071169: a number with a digit or two OCR read as the letter it looks like, for a person to
    confirm (it only partly fits a ticket number's shape)."""
    read = word.translate(DIGIT_LOOK_ALIKES)
    letters = sum(not char.isdigit() for char in word)
    return read if 0 < letters <= 2 and TICKET_DIGITS.fullmatch(read) else None


def _near_trap_label(page: PageText, line) -> bool:
    before, below = page.labels_around(line)
    return bool(TRAP_LABELS.search(before) or TRAP_LABELS_BELOW.search(below))


def _labelled_by_words(page: PageText, line) -> bool:
    """Whether words stand just left of a number: it is their value (a truck's, whatever OCR made of its
    label: "Veh e 7214"), not the number a vendor prints alone, unless they only say it numbers something
    no field of ours names ("DELIVERY NO:")."""
    left = page.close_left(line)
    return bool(left and re.search(r"[A-Z]{2}", left.text, re.I) and not re.search(r"\d", left.text)
                and not _unknown_number_label(left.text))


def _labelled_otherwise(page: PageText, line) -> bool:
    """Whether a text just left of or over a number labels another field ("No. de Camion") or holds a number of
    its own ("LOAD NO. 2" counts the day's loads): the number is that field's value, or no ticket's."""
    others = form_labels().others("ticket_number")
    return any(others.search(other.text) or re.search(r"\d", other.text) for other in page.left_and_over(line))


def _stands_alone(text: str, match: re.Match) -> bool:
    """A number with no letter glued to it: "2853a66" is a misread, not the ticket number 2853."""
    before, after = text[: match.start()], text[match.end(1) :]
    return not re.search(r"[A-Z]$", before, re.I) and not re.match(r"[A-Z]", after, re.I)


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


def find_manifest(page: PageText, shapes: tuple[str, ...]) -> Found | None:
    """The first manifest number at a manifest label that fits the shape of one; else the first text at such
    a label (cut short, a stray character glued to it), as read and too unsure to accept. Digits alone are
    only a suggestion: manifests are printed with letters or dashes, which OCR may have lost
    ("31481918671" for 31-4819-18671). A number begun after its label and ended under it ("2026." | "5036-73870")
    is read whole, as sure as its least sure part. One written above the form, beside its own manifest box, is a
    note: only a suggestion. A number with one of the `shapes` the load's templates give is whole however it
    was read: the shape says where it begins and ends; a note so, unless the form's own box holds another number.
    """
    partial = None
    for label_line, candidates in page.values_by_label("manifest_number"):
        begun = None  # the start of a number written after the label, ended on the line under it
        for at_label in candidates:
            found = _with_its_other_boxes(page, at_label)
            text = found.text.strip().lstrip("#").lstrip()  # a number sign before the number is not part of it
            if is_date(text) or QUANTITY.match(text):  # the day's date or the load's amount reached from the label
                continue
            token = SPACED_MANIFEST.fullmatch(text) or MANIFEST_TOKEN.match(text)
            value = manifest_form(token.group(0)) if token else ""
            if token and not _glued(text, token.end()) and MANIFEST_SHAPE.fullmatch(value):
                note = _above_the_form(page, label_line)
                doubt = note or _may_not_be_whole(value, text, token.end(), at_label)
                vouched = fits(value, shapes) and not (note and _another_number_at_a_label(page, label_line, value))
                sure = 1.0 if vouched or not doubt else PARTIAL_FIT
                read = found.line.confidence_of(token.group(0)) if found is at_label else found.confidence  # joined
                begun = begun or (_bare_number_left_of(page, found) if not vouched else None)
                if begun:
                    value = manifest_form(f"{begun.text.rstrip('-_/.')}-{value}")
                    read = min(read, begun.line.confidence_of(begun.text.strip()))
                    ends_in_separator = begun.text.strip()[-1] in "-_/."
                    sure = sure if MANIFEST_SHAPE.fullmatch(value) and ends_in_separator else PARTIAL_FIT
                return Found(value, found.line, sure * read)
            begun = begun or (found if _may_begin_a_number(text, found.line is not label_line) else None)
            if partial is None and text:
                partial = Found(text, found.line, min(found.confidence, PARTIAL_FIT))
    return partial


def _above_the_form(page: PageText, label_line) -> bool:
    """Whether a manifest label stands above every other field's label, the form's own manifest label lower down:
    a note written across the top margin (by hand, where OCR lost a digit of TX-NH-9988720 at 0.96)."""
    labels = form_labels()
    form_boxes = [line for line in page.lines if line is not label_line and line.box[1] > label_line.box[3]
                  and labels.of("manifest_number").search(line.text)]
    first_label = min((line.box[1] for line in page.lines if labels.others("manifest_number").search(line.text)),
                      default=None)
    return bool(form_boxes) and first_label is not None and label_line.box[3] <= first_label


def _another_number_at_a_label(page: PageText, label_line, value: str) -> bool:
    """Whether another manifest label than the one on `label_line` has a number other than `value` at it: which of
    the two is the load's, a person says."""
    return any(line is not label_line and any(_reads_as_another_number(found.text, value) for found in candidates)
               for line, candidates in page.values_by_label("manifest_number"))


def _reads_as_another_number(text: str, value: str) -> bool:
    other = manifest_form(text)
    return (other != value and bool(MANIFEST_SHAPE.fullmatch(other)) and not is_date(text.strip())
            and not QUANTITY.match(text.strip()))


def find_lone_manifest(page: PageText, ticket_number: str | None) -> Found | None:
    """The one text on the page shaped as a manifest number that no label stands left of ("224785NH2024" written
    across the top margin or under the signatures), too unsure to accept: letters or separators in it, none of
    the ticket number, a date (its slashes misread too) or a phone number. None when there are several."""
    lone = {manifest_form(text): line for line in page.lines
            if MANIFEST_PART.fullmatch(text := line.text.strip(" #:|")) and _may_be_a_manifest(text, ticket_number)
            and not _labelled_on_its_row(page, line)}
    if len(lone) != 1:
        return None
    (value, line), = lone.items()
    return Found(value, line, min(line.confidence, PARTIAL_FIT))


def _may_be_a_manifest(text: str, ticket_number: str | None) -> bool:
    """Whether a number alone is shaped as a manifest number and is no other number a page holds alone."""
    value = manifest_form(text)
    return (bool(MANIFEST_SHAPE.fullmatch(value)) and not text.isdigit() and value != ticket_number
            and not PHONE.fullmatch(text) and not DATE_MISREAD.fullmatch(text))


def _labelled_on_its_row(page: PageText, line) -> bool:
    left = page.close_left(line)
    return bool(left) and form_labels().is_label(left.text)


def _may_not_be_whole(value: str, text: str, end: int, at_label: Found) -> bool:
    """Whether a number read at a label may be more or less than the number written: digits alone (OCR may have
    lost its letters or dashes), more digits after a space, a letter run into the label's letters, or the
    label's number word run into it ("NUMBERTXC-8779366-X": where the number begins is a guess)."""
    return (value.isdigit() or _goes_on(text, end) or _run_into_its_label(at_label)
            or bool(NUMBER_WORD_RUN_IN.match(value)))


def _run_into_its_label(found: Found) -> bool:
    """Whether a value begins with a letter glued to its label's last letter ("manifests2024G80081"): where the
    label ends is a guess, the letter a plural's s, a misread colon, or the number's own."""
    line, label = found.line.text, found.label
    start = line.find(label)
    if start < 0 or not label[-1:].isalpha():
        return False
    after = line[start + len(label):]
    return after[:1].isalpha() and after.startswith(found.text)


def _goes_on(text: str, end: int) -> bool:
    """Whether more digits follow a number after a space, and are not the load's amount: the number may be cut
    short there ("MNF 0986" read of "MNF 0986 229758 12/03")."""
    rest = text[end:]
    return bool(MORE_DIGITS.match(rest)) and not QUANTITY.match(rest.lstrip())


def _bare_number_left_of(page: PageText, found: Found) -> Found | None:
    """A short bare number in its own box close left of a manifest number's box ("2024" | "1044-81051"): the number
    may begin there, the separator between the two lost, so what was read alone may be cut short at its front."""
    if not _is_its_whole_box(found):
        return None
    left = page.close_left(found.line)
    if left is None or not re.fullmatch(r"\d{2,6}", left.text.strip()):
        return None
    return Found(left.text.strip(), left, left.confidence_of(left.text.strip()))


def _may_begin_a_number(text: str, own_box: bool) -> bool:
    """The start of a manifest number written after its label and ended under it: a piece ending in a
    separator (2026.), a short number whose separator OCR may have lost (2025), or, in a box of its own, letters
    (VR); the whole only a suggestion without its separator. Letters on the label's line are its own, misread
    ("MANIFEST / PROFILE NG.")."""
    letters = own_box and re.fullmatch(r"[A-Z]{1,4}", text)
    return text[-1] in "-_/." and _is_prefix(text) or bool(re.fullmatch(r"\d{2,6}", text) or letters)


def _with_its_other_boxes(page: PageText, found: Found) -> Found:
    """A whole box's text with its manifest number's other boxes: a prefix box just before it or over it (KR |
    2025-39044; "WM-MAN-2024-" on the line above), and, when it is too short to be a manifest number alone ("CR",
    "2025", "WMX"), the boxes that follow it on its row; one separator between each, the boxes' edges."""
    line = found.line
    if not _is_its_whole_box(found):
        return found
    parts = [*_prefix_box(page, line), line]
    if not MANIFEST_SHAPE.fullmatch(manifest_form(found.text)):
        parts += _following_boxes(page, line)
    if len(parts) == 1:
        return found
    text = "-".join(part.text.strip().rstrip("-_/.") for part in parts[:-1]) + "-" + parts[-1].text.strip()
    return replace(found, text=text, confidence=min(part.confidence_of(part.text.strip()) for part in parts))


def _is_its_whole_box(found: Found) -> bool:
    """Whether the value is all its box holds: only then can the number's other parts be boxes of their own."""
    return found.text == found.line.text.strip(" :#|")


def _prefix_box(page: PageText, line) -> list:
    """The box of a manifest number's prefix, close left of it on its row or just over it, if there is one."""
    height = max(line.box[3] - line.box[1], 1)
    over = [other for other in page.lines if other.box[0] < line.box[2] and line.box[0] < other.box[2]
            and 0 <= line.box[1] - other.box[3] < height and not _after_a_label(page, other)]
    return [box for box in (page.close_left(line), *over[:1]) if box and _is_prefix(box.text.strip())][:1]


def _after_a_label(page: PageText, line) -> bool:
    """Whether a label stands just left of the line on its row: the line is that label's value ("Product C.S."
    over a manifest number written under it is the material, no prefix of the number)."""
    left = page.close_left(line)
    return bool(left) and form_labels().is_label(left.text)


def _is_prefix(text: str) -> bool:
    """A manifest number's prefix: a few capitals that are no label's word (KR), or letters and digits ending in a
    separator (WM-MAN-2024-); never a label ("MNFT-" left of the number it labels)."""
    labels = form_labels()
    return bool(MANIFEST_PREFIX.fullmatch(text)) and text.upper() not in labels.words and not labels.is_label(text)


def _following_boxes(page: PageText, line) -> list:
    parts, end, height = [], line.box[2], max(line.box[3] - line.box[1], 1)
    for other in page.row_neighbours(line):
        if other.box[0] < end or not MANIFEST_PART.fullmatch(other.text.strip()) or form_labels().is_label(other.text):
            continue
        if other.box[0] - end > SPLIT_BOX_GAP * height:
            break
        parts.append(other)
        end = other.box[2]
    return parts


def is_date(text: str) -> bool:
    text = text.rstrip(".")
    return any((match := pattern.fullmatch(text)) and _parse_date(match, fmt) for pattern, fmt in DATE_PATTERNS)


def manifest_form(text: str) -> str:
    """A manifest number as stored: upper case, a dash for every separator (`_`, `/`, spaces, typographic dashes),
    no leading `#`."""
    return re.sub(r"[\s_/.\u2010-\u2015]+", "-", text.strip().upper().lstrip("#"))


def _glued(text: str, end: int) -> bool:
    """Whether something other than a space, or a closing stop, follows a value without a space between."""
    return not re.match(r"[.,;]?(\s|$)", text[end:])


@dataclass(frozen=True)
class Quantity:
    """The load's amount as read, its unit, and how sure the unit is: a unit written twice with two amounts is
    sure, the amount not."""

    amount: float
    unit: str | None
    found: Found
    unit_confidence: float


def find_quantity(page: PageText) -> Quantity | None:
    """The first amount written with its unit, else the first amount at a quantity label, normalised to
    TONS, CY or LOADS (the unit of the label it stands under or after when it has none). A stop between
    amount and unit is OCR's reading of the space ("1.LOAD"); at a label, the unit may stand before the amount, as
    scale software prints it ("NT16.86"). Never an amount on a gross or tare row.
    An amount before a printed list of units ("14.5 Tons Cu Yds Loads") has the unit ticked in it, if any."""
    return _written_with_unit(page) or _at_quantity_label(page)


def _written_with_unit(page: PageText) -> Quantity | None:
    labels = form_labels()
    for line in page.lines:
        text, sure = _amount_of_look_alikes(line.text)
        match = QUANTITY.search(text)
        if match and not page.on_row_of(line, labels.not_the_load):
            unit = _unit_chosen(text[match.start(2):], labels.unit_named(match.group(2)))
            read = sure * line.confidence_of(match.group(1))
            amount_read = PARTIAL_FIT * read if _rewritten(page, line, unit) else read
            return Quantity(_amount(match.group(1)), unit, Found(match.group(0), line, amount_read), read)
        beside = _unit_in_next_box(page, line)
        if beside and not page.on_row_of(line, labels.not_the_load):
            unit, box = beside
            amount = line.text.strip()
            read = min(line.confidence_of(amount), box.confidence)
            return Quantity(float(amount), unit, Found(amount, line, read), read)
    return None


def _amount_of_look_alikes(text: str) -> tuple[str, float]:
    """A line's text with the amount after its quantity label in digits where OCR read it as the letters they
    look like ("QTY: I LOADS": a handwritten 1), and how sure that reading is; as it is, and sure, when it holds
    no such amount. An amount of nothing ("O TONS") is none."""
    label = form_labels().of("quantity").search(text)
    letters = LOOK_ALIKE_AMOUNT.match(text, label.end()) if label else None
    digits = letters.group(1).translate(DIGIT_LOOK_ALIKES) if letters else ""
    if not digits.strip("0"):
        return text, 1.0
    return text[: letters.start(1)] + digits + text[letters.end(1):], LOOK_ALIKE_DIGITS


def _at_quantity_label(page: PageText) -> Quantity | None:
    labels = form_labels()
    for found in page.values_at("quantity"):
        text = found.text.strip()
        before = UNIT_BEFORE.match(text)
        match = QUANTITY_VALUE.match(text, before.end() if before else 0)
        if match and not page.on_row_of(found.line, labels.not_the_load):
            written = match.group(2) or (before and before.group(1))
            unit = labels.unit_named(written) if written else labels.unit_of(found.label)
            unit = (_unit_chosen(text[match.end(1):], unit) or _ticked_beside(page, found.line)
                    or _unit_beside(page, found.line))
            sure = PARTIAL_FIT if _unit_misread(text, match) else 1.0
            read = sure * found.line.confidence_of(match.group(1))
            amount_read = PARTIAL_FIT * read if _rewritten(page, found.line, unit) else read
            return Quantity(float(match.group(1)), unit, Found(match.group(0), found.line, amount_read), read)
    return None


def _unit_misread(text: str, match: re.Match) -> bool:
    """Whether letters that are no unit follow an amount, glued to it or where its unit stands ("2CU YOS", "24 ns"
    for 24.5 tns): OCR misread the unit, and may have lost a digit or the decimal point with it."""
    no_unit = match.group(2) is None and re.match(r"\s*[^\W\d_]{2}", text[match.end():])
    return _glued(text, match.end()) or bool(no_unit)


def _amount(written: str) -> float:
    return float(_MISREAD_POINT.sub(".", written))


def _rewritten(page: PageText, line, unit: str | None) -> bool:
    """Whether the row holding an amount holds another amount in the same unit ("6 TRK  1TRK", "69YD53 19 YDS3"):
    one is a correction of the other, struck through or written over, and OCR cannot tell which stands."""
    row = [line, *page.row_neighbours(line)]
    amounts = {_amount(match.group(1)) for other in row for match in QUANTITY.finditer(other.text)
               if form_labels().unit_named(match.group(2)) == unit}
    return len(amounts) > 1


def _unit_in_next_box(page: PageText, line) -> tuple[str, OcrLine] | None:
    """For an amount alone in its box, the row's one unit and its box when that is the box right of it, the unit
    alone ("16.09 | TN" on a line item): the amount is written with that unit. Not a printed list of units
    ("18.17  Tons  Cu Yds  Loads"), which names none of them."""
    unit = _unit_beside(page, line) if AMOUNT_ALONE.fullmatch(line.text.strip()) else None
    if unit is None:
        return None
    right = [other for other in page.row_neighbours(line) if other.box[0] >= line.box[0]]
    return (unit, right[0]) if right and UNIT_ALONE.fullmatch(right[0].text.strip(" |")) else None


def _unit_chosen(text: str, written: str | None) -> str | None:
    """The unit a text after an amount gives it: the one written, unless the text is a printed list of units
    ("Tons □ Cu Yds ☒ Loads"), which names none of them but the one ticked."""
    choices = [(mark, form_labels().unit_named(unit)) for mark, unit in UNIT_CHOICE.findall(text)]
    if len({unit for _, unit in choices}) < 2:
        return written
    ticked = {unit for mark, unit in choices if mark and mark in TICKS}
    return ticked.pop() if len(ticked) == 1 else None


def _unit_beside(page: PageText, line) -> str | None:
    """The unit in a line item's Unit column: the one unit named right of the amount on its row by lines of unit
    words alone ("18 | CY"), less those shown with an empty box. Several (a printed list: Tons  Cu Yds  Loads, also
    when OCR cut it in boxes: "Tons Cu Yds | Loads") name none of them; of "Tons  □ Cu Yds  □Loads" the one whose
    box OCR did not show empty is chosen."""
    units = {form_labels().unit_named(unit) for other in page.row_neighbours(line)
             if other.box[0] > line.box[0] and UNIT_LIST.fullmatch(other.text.strip(" |"))
             for mark, unit in UNIT_CHOICE.findall(other.text) if not mark or mark not in EMPTY_BOXES}
    return units.pop() if len(units) == 1 else None


def _ticked_beside(page: PageText, line) -> str | None:
    """The unit ticked in a printed list of units on the amount's row, when OCR shows the tick."""
    lists = [_unit_chosen(other.text, None) for other in page.row_neighbours(line)]
    return next((unit for unit in lists if unit), None)


def find_truck_number(page: PageText) -> Found | None:
    """The first 1 to 4 digits standing alone after, under or over a truck label: the whole text there, so that
    an address under it ("2121 TREADWAY DALLAS") is not taken for a truck. A digit OCR is unsure of right after
    the label is its number sign misread ("Tractor 6" for "Tractor #") when a sure number stands at the label."""
    for label_line, candidates in page.values_by_label("truck_number"):
        numbers = [number for found in candidates if (number := _truck_number_in(found))]
        sure = [number for number in numbers if number.line is not label_line or number.confidence >= MISREAD_SIGN]
        if numbers:
            return (sure or numbers)[0]
    return None


def _truck_number_in(found: Found) -> Found | None:
    match = TRUCK_VALUE.fullmatch(found.text.strip())
    if not match:
        return None  # no surer than the value was found (a value its label's by the page's slant only)
    return Found(match.group(1), found.line, min(found.confidence, found.line.confidence_of(match.group(1))))
