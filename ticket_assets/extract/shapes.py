"""The shapes a vendor's template gives its identifiers: whether a value read fits one, or only partly.

A shape is written as the number is stored: capitals, dashes, and `#` for a digit ("WM-MAN-####-######").
"""

from __future__ import annotations

NEAR_EDITS = 2  # characters lost, added or changed (W-MAN for WM-MAN, a digit read as a letter): a misreading


def fits(value: str, shapes: tuple[str, ...]) -> bool:
    """Whether the value has one of the shapes: a whole number of that landfill's or vendor's."""
    return _shape_of(value) in shapes


def partly_fits(value: str, shapes: tuple[str, ...]) -> bool:
    """Whether the value fits none of the shapes but is a misreading of one: a few characters off, or cut
    short. A value far from every shape is another kind of number, left to the general checks."""
    if not shapes or fits(value, shapes):
        return False
    written = _shape_of(value)
    return any(shape.startswith(written) or _edits(written, shape) <= NEAR_EDITS for shape in shapes)


def lacks_parts(value: str, shapes: tuple[str, ...]) -> bool:
    """Whether the value fits none of the shapes but is one with parts left out, at either end or inside, its
    dashes included (MAN-2024-024466, WM-2024-024466, WMMAN2024024466 for WM-MAN-####-######): what a person
    typing a number may do, not what OCR does to another landfill's number."""
    written = _shape_of(value)
    return bool(shapes) and written not in shapes and any(_within(written, shape) for shape in shapes)


def _within(written: str, shape: str) -> bool:
    """Whether every character of the written shape stands in the shape, in order: the rest was left out."""
    rest = iter(shape)
    return all(char in rest for char in written)


def _shape_of(value: str) -> str:
    return "".join("#" if char.isdigit() else char for char in value.upper())


def _edits(first: str, second: str) -> int:
    """The fewest characters to insert, delete or change to turn one text into the other."""
    previous = list(range(len(second) + 1))
    for i, char in enumerate(first, 1):
        current = [i]
        for j, other in enumerate(second, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        previous = current
    return previous[-1]
