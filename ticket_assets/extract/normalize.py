"""Map what people write to the canonical vocabulary."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ticket_assets.extract.templates import Vocabulary

_NOISE = re.compile(r"[\s._\-]+")
RUN_TOGETHER_MIN = 6  # letters a spelling needs to be found run into other words: "ROCK" is in "ROCKWALL"
# Letters and digits OCR takes for each other, folded to one so that "PlerEx" is "PierEx" and "5PG" is "SPG".
_LOOK_ALIKE = str.maketrans({"1": "I", "L": "I", "|": "I", "!": "I", "0": "O", "Q": "O", "5": "S"})


_ZERO_IN_A_WORD = re.compile(r"(?<=[A-Z])0|0(?=[A-Z])", re.I)
_DIRECTION = re.compile(r"\b(SO|[NSEW])\.\s*(?=[A-Z])(?![A-Z]\.)", re.I)  # "W.M." is initials, no west
_DIRECTIONS = {"N": "NORTH ", "S": "SOUTH ", "SO": "SOUTH ", "E": "EAST ", "W": "WEST "}
# A place's name opening with a compass point's letter, no stop: "S MSE WALL", "So Fill", "S-FILL". Not E or W:
# "E Garage" is a zone's name, "W/M" Waste Management's initials.
_OPENING_DIRECTION = re.compile(r"^\W*(SO|[NS])(?:\s+|-)(?=[A-Z]{2})", re.I)


def spelled_out(text: str) -> str:
    """Accents dropped and abbreviated compass points written out: "S. Parking Garage" and "So. Fill" are
    South ones."""
    return _DIRECTION.sub(lambda match: _DIRECTIONS[match.group(1).upper()], without_accents(text))


def opening_direction_spelled_out(place: str) -> str:
    """A place's name whose first word is a compass point's letter without its stop, with that point written
    out: "S MSE WALL" is the South MSE Wall, as "S. MSE WALL" is."""
    return _OPENING_DIRECTION.sub(lambda match: _DIRECTIONS[match.group(1).upper()], place)


def letter_o_for_zero(text: str) -> str:
    """"POST 0AK" as "POST OAK": a 0 touching a letter is the O OCR took it for."""
    return _ZERO_IN_A_WORD.sub("O", text)


def without_accents(text: str) -> str:
    """"Cléan" as "Clean": a hand's or OCR's accent changes no word."""
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))


def squash(text: str) -> str:
    """Upper case without spaces, dots, dashes or underscores: "Pier-Ex" and "PIER EX" compare equal."""
    return _NOISE.sub("", text.upper())


def canonical(vocabulary: Vocabulary, kind: str, text: str | None) -> str | None:
    """The canonical value `text` stands for as a whole, look-alike characters forgiven, or None."""
    return _values_by_folded_spelling(vocabulary, kind).get(_folded(spelled_out(text))) if text else None


@lru_cache(maxsize=16)
def _values_by_folded_spelling(vocabulary: Vocabulary, kind: str) -> dict[str, str]:
    """Each spelling of the kind, folded, with the value it stands for: the first value that has it."""
    values: dict[str, str] = {}
    for value, written in vocabulary.synonyms[kind].items():
        for spelling in (value, *written):
            values.setdefault(_folded(spelling), value)
    return values


def _folded(text: str) -> str:
    return squash(text).translate(_LOOK_ALIKE)


def find_in_text(vocabulary: Vocabulary, kind: str, text: str) -> str | None:
    """The canonical value whose longest spelling occurs in `text` as whole words, or None."""
    return next(iter(named_in_text(vocabulary, kind, text)), None)


def place_in_text(vocabulary: Vocabulary, kind: str, text: str) -> str | None:
    """The place `text` names, unless the words naming it are also part of a longer name of another place
    whose other words are written too, whole or cut short ("South side of MSE Wall", "S MSE WALL": MSE Wall, or
    South MSE Wall?): a person says which. Words of no place's name beside it ("MSE WALL LOAD-OUT") make no
    doubt."""
    value = find_in_text(vocabulary, kind, text)
    written = _words(spelled_out(text))
    named = [_words(s).split() for s in _spellings(vocabulary, kind, value) if f" {_words(s).strip()} " in written]
    longer = [_words(s).split() for other in vocabulary.synonyms[kind] if other != value
              for s in _spellings(vocabulary, kind, other)]
    if any(len(words) > len(name) and set(name) <= set(words) and _all_written(set(words) - set(name), written)
           for name in named for words in longer):
        return None
    return value


def _all_written(words: set[str], written: str) -> bool:
    """Whether each word is in the written words, whole or cut short ("S", "SO" for SOUTH)."""
    return all(any(word.startswith(other) for other in written.split()) for word in words)


def _spellings(vocabulary: Vocabulary, kind: str, value: str | None) -> list[str]:
    return [value.replace("_", " "), *vocabulary.synonyms[kind][value]] if value else []


def named_in_text(vocabulary: Vocabulary, kind: str, text: str) -> list[str]:
    """Every canonical value a spelling of which occurs in `text`, longest spelling first: as whole words, or,
    for long spellings, run together with the next word as OCR leaves them ("FLEX BASEGR.1"). Words a longer
    spelling took are not read again ("Rock" in "3x5 Rock")."""
    return _take_names(vocabulary, kind, text)[0]


def without_names(vocabulary: Vocabulary, kind: str, text: str) -> str:
    """The words of `text` with the names of this kind written as whole words blanked out ("Spoil Haul-off
    (NTX)" without its place: "SPOIL HAUL OFF"); names run into other words stay."""
    return _take_names(vocabulary, kind, text)[1]


def _take_names(vocabulary: Vocabulary, kind: str, text: str) -> tuple[list[str], str]:
    remaining, named = _words(spelled_out(text)), []
    run_together = squash(remaining)  # squashed once, and again only when a spelling takes words
    for needle, padded, squashed, value in _spellings_longest_first(vocabulary, kind):
        if needle and padded in remaining:
            remaining = remaining.replace(padded, " " * len(padded))
            run_together = squash(remaining)
        elif not (len(squashed) >= RUN_TOGETHER_MIN and squashed in run_together):
            continue
        named += [value] if value not in named else []
    return named, remaining


@lru_cache(maxsize=16)
def _spellings_longest_first(vocabulary: Vocabulary, kind: str) -> tuple[tuple[str, str, str, str], ...]:
    """Every spelling of the kind as words, padded with a space each side and squashed, with its value."""
    spellings = sorted(((_words(spelling).strip(), value) for value, written in vocabulary.synonyms[kind].items()
                        for spelling in (value.replace("_", " "), *written)), key=lambda pair: -len(pair[0]))
    return tuple((needle, f" {needle} ", squash(needle), value) for needle, value in spellings)


def _words(text: str) -> str:
    return f" {re.sub(r'[^A-Z0-9/]+', ' ', text.upper())} "
