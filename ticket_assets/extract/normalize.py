"""Map what people write to the canonical vocabulary."""

from __future__ import annotations

import re

from ticket_assets.extract.templates import Vocabulary

_NOISE = re.compile(r"[\s._\-]+")


def squash(text: str) -> str:
    """Upper case without spaces, dots, dashes or underscores: "Pier-Ex" and "PIER EX" compare equal."""
    return _NOISE.sub("", text.upper())


def canonical(vocabulary: Vocabulary, kind: str, text: str | None) -> str | None:
    """The canonical value `text` stands for exactly (a whole-value match), or None."""
    if not text:
        return None
    wanted = squash(text)
    for value, written in vocabulary.synonyms[kind].items():
        if wanted == squash(value) or any(wanted == squash(w) for w in written):
            return value
    return None


def find_in_text(vocabulary: Vocabulary, kind: str, text: str) -> str | None:
    """The canonical value whose longest spelling occurs in `text` as whole words, or None."""
    best, best_len = None, 0
    upper = f" {re.sub(r'[^A-Z0-9/]+', ' ', text.upper())} "
    for value, written in vocabulary.synonyms[kind].items():
        for spelling in (value.replace("_", " "), *written):
            needle = f" {re.sub(r'[^A-Z0-9/]+', ' ', spelling.upper()).strip()} "
            if len(needle) > best_len and needle in upper:
                best, best_len = value, len(needle)
    return best
