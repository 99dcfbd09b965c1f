"""What material a text names, safety first (the domain note's "Materials, safety first").

Contamination named in any of the ways people write it ("C/S Dirt", "Contam. Soil", "Class II", "Cl 2",
with OCR's noise) makes a text CLASS_2_CONTAMINATED, never a clean material; "Non-Contaminated" and its
short forms are recognised before it. The markers are data, in templates/synonyms.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ticket_assets.extract.normalize import canonical, named_in_text, without_accents
from ticket_assets.extract.templates import Vocabulary
from ticket_assets.schema import CONTAMINATED, EXPORT_MATERIALS


@dataclass(frozen=True)
class MaterialText:
    value: str | None  # the material the text stands for, contamination first
    also_named: tuple[str, ...] = ()  # materials of other classes the text names too: a person decides
    sure: bool = True  # False: plain earth after a word that may change what it is, a suggestion only


def read_material(vocabulary: Vocabulary, text: str) -> MaterialText:
    """The material a text names; "C/S Dirt" is a contaminated load of dirt, "Spoils Class 2" two classes."""
    remaining, marked = _qualifier_apart(vocabulary).sub(r"\1 \2", without_accents(text).upper()), []
    for material, markers in vocabulary.contamination_markers.items():
        remaining, found = _blank_out(markers, remaining)
        marked += [material] if found else []
    for marker, materials in vocabulary.two_class_markers.items():
        remaining, found = _blank_out((marker,), remaining)
        marked += [m for m in materials if found and m not in marked]
    remaining = _without_describing_words(vocabulary, remaining)
    whole = canonical(vocabulary, "material", remaining) if not marked else None
    named = marked + [m for m in ([whole] if whole else named_in_text(vocabulary, "material", remaining))
                      if m not in marked]
    value = CONTAMINATED if CONTAMINATED in named else _most_telling(vocabulary, named)
    others = tuple(m for m in named if _class_of(vocabulary, m) not in (None, _class_of(vocabulary, value)))
    unsure = (value in vocabulary.plain_earth and _after_unknown_word(vocabulary, remaining, value)
              or value not in EXPORT_MATERIALS and _with_words_of_a_narrower_material(vocabulary, remaining, value)
              or value not in EXPORT_MATERIALS and _glued_to_an_unknown_word(vocabulary, remaining, value)
              or len(set(named) & set(vocabulary.plain_earth)) > 1)  # "Fill Dirt": which of the two, a person says
    return MaterialText(value, others, sure=not unsure)


def disagree(vocabulary: Vocabulary, first: str, second: str) -> bool:
    """Two readings of one load's material that a person must settle: contamination against anything
    else, plain dirt included, or two different classes of material."""
    if first == second:
        return False
    if CONTAMINATED in (first, second):
        return True
    classes = {_class_of(vocabulary, first), _class_of(vocabulary, second)}
    return None not in classes and len(classes) == 2


def _most_telling(vocabulary: Vocabulary, named: list[str]) -> str | None:
    """The first material named that says more than plain earth ("Rock" of "Fill Rock") and whose name no other
    material named holds ("3X5" of "3X5 Boulder Rock": a 3x5 rock), else the first."""
    telling = [m for m in named if _class_of(vocabulary, m)]
    narrowest = [m for m in telling if not any(_narrower(vocabulary, other, m) for other in telling)]
    return next(iter(narrowest), next(iter(named), None))


def _narrower(vocabulary: Vocabulary, material: str, general: str) -> bool:
    """Whether a material of the same class is a kind of the general one: its spellings hold the general one's
    name (3X5's "3x5 Rock" holds ROCK, FLEXBASE's "Flex Base" holds FLEX)."""
    return (material != general and _class_of(vocabulary, material) == _class_of(vocabulary, general)
            and set(re.findall(r"[A-Z0-9/]+", general.replace("_", " "))) <= _words_of(vocabulary, material))


def _class_of(vocabulary: Vocabulary, material: str | None) -> str | None:
    """Each export material is a class of its own, import materials are one; plain earth is none."""
    if material is None or material in vocabulary.plain_earth:
        return None
    return material if material in EXPORT_MATERIALS else "IMPORT"


def _after_unknown_word(vocabulary: Vocabulary, text: str, earth: str) -> bool:
    """Whether plain earth is written after a word on its line that is not one of the earth qualifiers."""
    for spelling in (earth, *vocabulary.synonyms["material"][earth]):
        pattern = rf"([A-Z0-9]+)[^A-Z0-9\n]*(?<![A-Z0-9]){re.escape(spelling.upper())}"
        if any(match.group(1) not in vocabulary.earth_qualifiers for match in re.finditer(pattern, text)):
            return True
    return False


def _with_words_of_a_narrower_material(vocabulary: Vocabulary, text: str, material: str | None) -> bool:
    """Whether the text holds words of a narrower material whose name holds this import material's ("3 x ROCK":
    a 3x5 Rock that OCR broke up, or rock?): the more general name is then only a suggestion."""
    own = _words_of(vocabulary, material)
    narrower = [other for other in vocabulary.synonyms["material"]
                if other != material and own & _words_of(vocabulary, other)]
    telling = ({word for other in narrower for word in _words_of(vocabulary, other)}
               - own - vocabulary.earth_qualifiers - vocabulary.size_words)
    words = set(re.findall(r"[A-Z0-9/]+", text))
    # OCR runs words together ("3X5BOULDER ROCK"): a size code inside another word counts too
    codes = [word for word in telling if len(word) > 2 and re.search(r"\d", word)]
    return bool(telling & words) or any(code in word for code in codes for word in words)


def _glued_to_an_unknown_word(vocabulary: Vocabulary, text: str, material: str) -> bool:
    """Whether a material's name has a word no material knows run into it, or joined by a stop or a dash
    ("XS.ROCK": a 3X5 Rock whose 3 OCR lost, or what else?): the material is then only a suggestion."""
    if material is None:
        return False
    known = _known_words(vocabulary)
    for spelling in (material.replace("_", " "), *vocabulary.synonyms["material"][material]):
        pattern = rf"([A-Z0-9]+)[.-]?{re.escape(spelling.upper())}\b"
        if any(match.group(1) not in known and not match.group(1).isdigit()  # a grade: "57LIMESTONE"
               for match in re.finditer(pattern, text)):
            return True
    return False


def _words_of(vocabulary: Vocabulary, material: str | None) -> set[str]:
    """The words of every spelling of a material."""
    if material is None:
        return set()
    spellings = (material.replace("_", " "), *vocabulary.synonyms["material"][material])
    return {word for spelling in spellings for word in re.findall(r"[A-Z0-9/]+", spelling.upper())}


@lru_cache(maxsize=16)  # asked of every line a material is looked for on
def _known_words(vocabulary: Vocabulary) -> frozenset[str]:
    """The words of every material's spellings, and the words that qualify plain earth."""
    return frozenset(vocabulary.earth_qualifiers | {word for material in vocabulary.synonyms["material"]
                                                     for word in _words_of(vocabulary, material)})


@lru_cache(maxsize=16)
def _qualifier_apart(vocabulary: Vocabulary) -> re.Pattern:
    """Plain earth or a word qualifying it run into the qualifying or describing word before it ("COMMONFILL",
    "SELECTFILL", "CLEANNATIVE FILL"), as OCR reads a narrow gap: the two words, to be read as written apart. Not two
    kinds of earth ("FILLDIRT"): a person says which."""
    first = "|".join(sorted((vocabulary.earth_qualifiers - vocabulary.plain_earth) | vocabulary.describing_words,
                            key=len, reverse=True))
    then = "|".join(sorted(vocabulary.earth_qualifiers, key=len, reverse=True))
    return re.compile(rf"\b({first})({then})\b")


def _without_describing_words(vocabulary: Vocabulary, text: str) -> str:
    """The text without the words that name clean fill alone ("CLEAN") when it names an import material besides
    and no plain earth: "CLEAN ROCK 57" is a washed rock. With plain earth ("Clean Fill") they say the load is clean."""
    described, _ = _blank_out((_describing_words(vocabulary),), text)
    named = named_in_text(vocabulary, "material", described)
    stone = any(_class_of(vocabulary, material) == "IMPORT" for material in named)
    return described if stone and not set(named) & vocabulary.plain_earth else text


@lru_cache(maxsize=16)
def _describing_words(vocabulary: Vocabulary) -> re.Pattern:
    return re.compile(rf"\b({'|'.join(sorted(vocabulary.describing_words))})\b")


def _blank_out(markers: tuple[re.Pattern, ...], text: str) -> tuple[str, bool]:
    """The text with every marker's words blanked, and whether there were any."""
    found = False
    for marker in markers:
        text, count = marker.subn(lambda match: " " * len(match.group(0)), text)
        found = found or count > 0
    return text, found
