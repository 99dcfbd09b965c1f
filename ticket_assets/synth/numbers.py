"""The values printed or written on a ticket: ticket and manifest numbers, dates, quantities, trucks."""

from __future__ import annotations

import random
import re
from datetime import date

from ticket_assets.extract.templates import VendorTemplate

# One atom of the small regex subset vendor patterns use (`WM-\d{8}`, `BOL\s?(\d{10})`), with its repeat.
PATTERN_ATOM = re.compile(r"(\(|\)|\\[ds]|\\.|[^\\()\[\]{}.*+?|^$])(\{(\d+)(?:,(\d+))?\}|\?|\+|\*)?")
DATE_FORMATS = ("%m/%d/%Y", "%Y-%m-%d", "%d-%b-%Y", "%m/%d/%y")
UNIT_WEIGHTS = {"TONS": 6, "CY": 3, "LOADS": 1}


def sample_pattern(pattern: str, rng: random.Random) -> tuple[str, str] | None:
    """Text that fully matches a simple pattern, and the ticket number in it (its first group, if any).

    None when the pattern uses syntax beyond literals, \\d, \\s, groups and repeats.
    """
    text, group, position = "", [None, None], 0
    for match in PATTERN_ATOM.finditer(pattern):
        if match.start() != position:
            return None
        position, atom = match.end(), match.group(1)
        if atom in "()":
            edge = 0 if atom == "(" else 1
            group[edge] = len(text) if group[edge] is None else group[edge]
            continue
        text += "".join(_atom_text(atom, rng) for _ in range(_repeat(match, rng)))
    if position != len(pattern):
        return None
    number = text[group[0] : group[1]] if group[0] is not None else text
    return _checked(pattern, text, number)


def _atom_text(atom: str, rng: random.Random) -> str:
    if atom == r"\d":
        return str(rng.randint(0, 9))
    if atom == r"\s":
        return " "
    return atom[-1]


def _repeat(match: re.Match, rng: random.Random) -> int:
    quantifier, low, high = match.group(2), match.group(3), match.group(4)
    if quantifier is None:
        return 1
    if low is not None:
        return rng.randint(int(low), int(high or low))
    return {"?": rng.randint(0, 1), "+": rng.randint(1, 3), "*": rng.randint(0, 2)}[quantifier]


def _checked(pattern: str, text: str, number: str) -> tuple[str, str] | None:
    match = re.fullmatch(pattern, text)
    if not match or (match.group(1) if match.re.groups else match.group(0)) != number:
        return None
    return text, number


def ticket_number(template: VendorTemplate, rng: random.Random) -> tuple[str, str]:
    """(as printed, as recorded): the vendor's own pattern when it has one, else a 5-7 digit number."""
    if template.ticket_number_patterns:
        sampled = sample_pattern(rng.choice(template.ticket_number_patterns).pattern, rng)
        if sampled:
            return sampled
    length = rng.randint(5, 7)
    digits = str(rng.randint(10 ** (length - 1), 10**length - 1))
    return digits, digits


def manifest_number(day: date, sequence: int) -> str:
    """A waste manifest number like 14-2024-00123, unique per sequence."""
    return f"{14 + sequence % 3}-{day.year}-{sequence:05d}"


def date_text(day: date, rng: random.Random) -> str:
    return day.strftime(rng.choice(DATE_FORMATS)).upper()


def quantity(rng: random.Random) -> tuple[float, str]:
    """Mostly 8-25 tons or 10-18 cubic yards, now and then a count of loads."""
    unit = rng.choices(list(UNIT_WEIGHTS), weights=list(UNIT_WEIGHTS.values()))[0]
    if unit == "TONS":
        return round(rng.uniform(8, 25), 1), unit
    if unit == "CY":
        return float(rng.randint(10, 18)), unit
    return float(rng.randint(1, 2)), unit


def quantity_text(amount: float, unit: str) -> str:
    return f"{amount:g} {unit}"


def truck_number(rng: random.Random) -> str:
    return str(rng.randint(1, 10 ** rng.randint(1, 4) - 1))
