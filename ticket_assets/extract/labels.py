"""The labels forms put before their values, read from templates/labels.yaml into patterns that forgive
OCR's usual confusions (`MANlFEST`, `TRUCK#`, `C0MMODITY`)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from pathlib import Path

import yaml

LABELS_FILE = Path(__file__).resolve().parent.parent / "templates" / "labels.yaml"
# OCR's confusions in a label's letters; between its words a stop of a word cut short may stand ("Man. ID"), or the
# hyphen that joins them ("PICK-UP LOCATION").
CONFUSED = {"I": "[I1L|!]", "L": "[L1I|]", "O": "[O0Q]", "Q": "[QO0]", "S": "[S5$]", "M": "(?:M|RN)", " ": r"[.-]?\s*",
            ".": r"\.?", "CL": "(?:C[L1I|]|D)"}  # "cl" close together is read as a "d": "Vehide ID"
# A label's number word, after the stop of a label cut short too ("Mfst. No.", "Tkt. #"), one OCR read as a
# comma ("Manif, No."), or "Nº" with its º read as an a ("CamiónNa:").
NUMBER_WORD = r"(?:[.,]?\s*(?:#|N[O0º°A]\.?|NUMBER|NUM\.?)(?![A-Z]))?\s*:?"


GLUED_MIN_LETTERS = 7  # a label this long, or of two words, is still a label with its value glued on
MISREAD_MIN_LETTERS = 7  # a label's word this long is still that word with one letter misread or lost
LONG_WORD = re.compile(rf"(?<![^\W\d_])[^\W\d_]{{{MISREAD_MIN_LETTERS - 1},}}(?![^\W\d_])")
WORD_ENDINGS = r"(?:S|ES|ED|ER|ING)\b"  # "SOURCES", "TRUCKING": the label's word, not the label
SHORT_WORD_GOES_ON = r"(?!N[O0º°A]\.?(?![A-Z]))[A-Z]"  # "UNITED" is no label, "TKTNO." is one with "No." glued
UNIT_LETTER_GAP = r"[./]?\s?"  # what may stand between a unit's letters: "C.Y.", "CU YD", "CU/YD", "S/T"
BRACKETED = re.compile(r"\(([^()]{1,8})\)")  # a word in brackets after a label: "Volume (CY)"
# ASCII case folding: the labels are ASCII and matched on folded text (accents dropped, spaces plain). Full
# Unicode folding gives a letter like K a look-alike beyond Latin-1 (the kelvin sign), and compiling those
# classes took four times as long: 1.3 s more for every process that reads pages.
LABEL_FLAGS = re.I | re.A
BOX_NUMBER = re.compile(r"\(?\d{1,2}[.)]\s+(?=[A-Z])", re.I)  # "9. Total Quantity", "(9) Total"; not "1.LOAD"
# A label's translation before it on a form printed in two languages: "Cantidad / Quantity", "No. Manifiesto /".
TRANSLATION = re.compile(r"[^\W\d_]+\.?(?:\s[^\W\d_]+\.?){0,2}\s*/\s*")


@dataclass(frozen=True)
class Labels:
    by_field: dict[str, re.Pattern]
    others_of: dict[str, re.Pattern]  # field -> every other field's label, and the phrases that label nothing
    quantity_patterns: tuple[tuple[re.Pattern, str | None], ...]  # quantity label -> the unit it implies
    not_labels: re.Pattern
    any_label: re.Pattern
    form_titles: re.Pattern
    stub_marks: re.Pattern  # words that mark a ticket's tear-off stub, at its foot
    same_line_only: re.Pattern  # labels whose value must follow on their own line
    stamps: re.Pattern  # stamps and office marks: never a value
    not_the_load: re.Pattern  # row labels whose amounts weigh more or less than the load (gross, tare)
    units: dict[str, str]  # a unit as written, without spaces or stops, upper case -> the canonical unit
    words: frozenset[str]  # every word of every label, upper case

    def is_label(self, text: str) -> bool:
        """Whether a text is a label, never a value: it opens with one, or with one's translation. A form's
        numbered box ("9. Total Quantity") is a label when its words hold one and no digit: no value is numbered."""
        text = text.strip(" |")
        if numbered := BOX_NUMBER.match(text):
            words = text[numbered.end():]
            return not any(char.isdigit() for char in words) and bool(self.any_label.search(words))
        translated = TRANSLATION.match(text)
        return bool(self.any_label.match(text) or translated and self.any_label.match(text, translated.end()))

    def is_bare_label(self, text: str) -> bool:
        """Whether a text is a label alone, with a word of its own ("Truck ID", "Billing Acct") or its
        translation ("Date / Fecha"): no digit, nothing after a colon. Its value stands elsewhere."""
        rest = self.any_label.sub(" ", text)
        words = re.findall(r"[^\W_]+", rest)
        return (self.is_label(text) and not any(c.isdigit() for c in rest) and not re.search(r":\s*\w", text)
                and len(words) <= 1 + ("/" in rest))

    def is_stamp(self, text: str) -> bool:
        """Whether a text is a stamp or an office mark alone ("RECEIVED", "PAID", "GATE IN"), no value."""
        return bool(self.stamps.fullmatch(text.strip(" *|.:-")))

    def of(self, field: str) -> re.Pattern:
        return self.by_field[field]

    def others(self, field: str) -> re.Pattern:
        return self.others_of[field]

    def unit_of(self, quantity_label: str) -> str | None:
        """The unit a quantity label implies ("NET TONS", "Toneladas / Tons", "Net Wt (T)" -> TONS; "QTY" -> None); none
        from a label that names two ("NET TONS / CY"): the value's own unit or column decides."""
        named = {unit for label, unit in self.quantity_patterns if unit and label.search(quantity_label)}
        bracketed = BRACKETED.search(quantity_label)  # "Volume (CY)", "Net Wt (T)": the label names its unit
        named |= {self.units[key]} if bracketed and (key := _unit_key(bracketed.group(1))) in self.units else set()
        return named.pop() if len(named) == 1 else None

    def unit_pattern(self, single_letters: bool = False) -> str:
        """The units as a pattern, longest spelling first, a stop or a slash, a space or both allowed between
        letters ("C.Y.", "CU YD", "cu. yd.", "CU/YD"); a unit of one letter ("T") only where asked: at a quantity
        label, not anywhere on the page."""
        spellings = sorted((s for s in self.units if single_letters or len(s) > 1), key=len, reverse=True)
        return "|".join(UNIT_LETTER_GAP.join(map(re.escape, spelling)) for spelling in spellings)

    def unit_named(self, written: str) -> str:
        return self.units[_unit_key(written)]


def _kind(spelling: str) -> str:
    """How a spelling's label ends: at its colon, or, without one, where a long or a short label may end."""
    word = spelling.upper().rstrip(":")
    if spelling.endswith(":"):
        return "colon"
    return "long" if " " in word or sum(char.isalpha() for char in word) >= GLUED_MIN_LETTERS else "short"


def _body(spelling: str) -> str:
    """A spelling's letters as a pattern, OCR's confusions allowed. A word cut short with a stop ("Waste Man.",
    "Equip.") goes on with no letter when its stop is lost: "Waste Management" is a company, no label."""
    letters = "".join(CONFUSED.get(char, re.escape(char)) for char in re.findall(r"CL|.", spelling.upper().rstrip(":")))
    return re.sub(r"\\\.\?$", r"(?:\\.|(?![A-Z]))", letters)


# Where a label ends, by its kind (see _kind).
ENDINGS = {"colon": r"\s*:", "long": rf"(?!{WORD_ENDINGS}){NUMBER_WORD}",
           "short": rf"(?!{SHORT_WORD_GOES_ON}){NUMBER_WORD}"}


def _qualified(qualifiers) -> str:
    """The words a label may end with and stay the same label ("Truck ID", "Source Site"), as a pattern."""
    return rf"(?:\s*(?:{'|'.join(map(_body, sorted(qualifiers, key=len, reverse=True)))})(?![A-Z]))?"


def _alternatives(spellings, qualifiers=()) -> re.Pattern:
    """One pattern for the spellings, the longest tried first; a number word or colon after one taken with
    it. Neighbours in that order that end alike share their ending: the same pattern, a third as long, and
    compiling it costs by its length (every step process compiles every field's)."""
    longest_first = sorted(spellings, key=len, reverse=True)
    qualified = _qualified(qualifiers) if qualifiers else ""
    runs = [rf"(?:{'|'.join(map(_body, run))}){qualified if kind != 'colon' else ''}{ENDINGS[kind]}"
            for kind, run in groupby(longest_first, key=_kind)]
    return re.compile(rf"(?<![A-Z0-9])(?:{'|'.join(runs)})", LABEL_FLAGS)


def _unit_key(written: str) -> str:
    """A unit as written, in the form the units are looked up in: upper case, no spaces, stops or slashes."""
    return re.sub(r"[\s./]", "", written.upper())


def folded(text: str) -> str:
    """The text as labels are matched on it: accents dropped ("Camión" as "Camion"), a space beyond ASCII
    (a text layer's no-break space) a plain one, and a long word one letter off a label's word written as that
    word ("COMMOOITY", "MATERTAL", "MANFEST")."""
    text = "".join(_folded_char(char) for char in text)
    return LONG_WORD.sub(lambda match: _label_word_near(match.group(0)), text)


def _folded_char(char: str) -> str:
    if char.isalpha():
        return unicodedata.normalize("NFKD", char)[0]
    return " " if char.isspace() and not char.isascii() else char


@lru_cache(maxsize=4096)  # every long word of every page's text comes here: compared with every label word
def _label_word_near(word: str) -> str:
    """The one label word the word is, or is with one letter misread or lost; else the word as it is."""
    words = form_labels().words
    if word.upper() in words:  # "LADING" is no "LOADING" that lost its O
        return word
    near = [label_word for label_word in words
            if len(label_word) >= MISREAD_MIN_LETTERS and _one_letter_off(word.upper(), label_word)]
    return near[0] if len(near) == 1 else word


def _one_letter_off(word: str, label_word: str) -> bool:
    """Whether the word is the label's word with one letter read as another, or lost (not one added: a
    "MATERIALS" is no misread "MATERIAL")."""
    if len(word) == len(label_word):
        return sum(a != b for a, b in zip(word, label_word)) == 1
    return len(word) == len(label_word) - 1 and any(
        label_word[:at] + label_word[at + 1:] == word for at in range(len(label_word)))


@lru_cache(maxsize=1)
def form_labels(path: Path = LABELS_FILE) -> Labels:
    data = yaml.safe_load(path.read_text())
    quantity, not_labels, form_titles = data.pop("quantity"), data.pop("not_labels"), data.pop("form_titles")
    same_line_only, qualifiers = data.pop("same_line_only"), data.pop("qualifiers")
    not_the_load, units, stub_marks = data.pop("not_the_load"), data.pop("units"), data.pop("stub_marks")
    stamps = data.pop("stamps")
    fields = {**data, "quantity": list(quantity)}
    return Labels(
        by_field={field: _alternatives(spellings, qualifiers) for field, spellings in fields.items()},
        others_of={field: _alternatives(not_labels + [s for other, spellings in fields.items() if other != field
                                                      for s in spellings], qualifiers) for field in fields},
        quantity_patterns=tuple((_alternatives([label]), unit) for label, unit in quantity.items()),
        not_labels=_alternatives(not_labels),
        any_label=_alternatives([s for spellings in fields.values() for s in spellings], qualifiers),
        form_titles=_alternatives(form_titles),
        stub_marks=_alternatives(stub_marks),
        same_line_only=_alternatives(same_line_only),
        stamps=_alternatives(stamps),
        not_the_load=_alternatives(not_the_load),
        units={_unit_key(spelling): unit for unit, spellings in units.items() for spelling in spellings},
        words=frozenset(word for spellings in [*fields.values(), not_labels] for spelling in spellings
                        for word in re.findall(r"[A-Z]+", spelling.upper())),
    )


# Compiled when this module is imported (about a second, most of it every field's "other labels"): the step
# server imports it with the stages, before any step needs it, and every step and OCR worker it forks starts
# with the patterns.
form_labels()
