"""Vendor templates and synonyms: data files under ticket_assets/templates, checked when loaded.

Adding a vendor is adding a YAML file to templates/vendors/; nothing here changes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jsonschema
import yaml

from ticket_assets.errors import UserError

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"


class TemplateError(UserError):
    """A template or synonyms file does not follow its schema."""


@dataclass(frozen=True)
class VendorTemplate:
    vendor: str
    display_name: str
    kind: str
    header_keywords: tuple[str, ...]
    exclude_keywords: tuple[str, ...] = ()
    ticket_number_patterns: tuple[re.Pattern, ...] = ()
    ticket_number_region: str = "anywhere"
    manifest_number_shapes: tuple[str, ...] = ()  # as stored, `#` a digit: extract/shapes.py
    default_destination: str | None = None
    default_material: str | None = None
    default_flow: str | None = None


@dataclass(frozen=True, eq=False)  # one per synonyms file, known by its identity: spellings are cached per vocabulary
class Vocabulary:
    """Canonical values per kind (flow, material, source, destination), with what people write for them."""

    synonyms: dict[str, dict[str, tuple[str, ...]]]
    source_material: dict[str, str]  # source area -> material it implies
    contamination_markers: dict[str, tuple[re.Pattern, ...]]  # looked for in this order, first one wins
    two_class_markers: dict[re.Pattern, tuple[str, ...]]  # spellings that name materials of two classes
    plain_earth: frozenset[str]  # import materials that say nothing of contamination
    earth_qualifiers: frozenset[str]  # words that may stand before plain earth and leave it plain earth
    size_words: frozenset[str]  # words of a stone's size, which name no material
    describing_words: frozenset[str]  # words naming clean fill alone that only describe an import material beside them

    def canonical_values(self, kind: str) -> tuple[str, ...]:
        return tuple(self.synonyms[kind])


def load_vendor_templates(folder: Path | None = None) -> tuple[VendorTemplate, ...]:
    """Every vendor template in the folder, validated; a bad file raises TemplateError naming it."""
    folder = folder or TEMPLATES_DIR / "vendors"
    schema = json.loads((TEMPLATES_DIR / "vendor.schema.json").read_text())
    validator = jsonschema.validators.validator_for(schema)(schema)  # checked against its metaschema once, not per file
    templates = tuple(_load_template(path, validator) for path in sorted(folder.glob("*.yaml")))
    return combined_templates((), templates, folder)


def combined_templates(first: tuple[VendorTemplate, ...], then: tuple[VendorTemplate, ...],
                       where: Path | None = None) -> tuple[VendorTemplate, ...]:
    """Both sets of templates; a vendor named twice is an error, not a silent pick."""
    templates = first + then
    names = [t.vendor for t in templates]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise TemplateError(f"two templates{f' in {where}' if where else ''} name the vendor {', '.join(twice)}")
    return templates


def _load_template(path: Path, validator: jsonschema.protocols.Validator) -> VendorTemplate:
    try:
        data = yaml.safe_load(path.read_text())
        if error := jsonschema.exceptions.best_match(validator.iter_errors(data)):
            raise error
        patterns = tuple(re.compile(p, re.I) for p in data.pop("ticket_number_patterns", []))  # "LDi3194165" too
    except (jsonschema.ValidationError, re.error, yaml.YAMLError) as err:
        raise TemplateError(f"{path}: {getattr(err, 'message', err)}") from err
    listed = ("header_keywords", "exclude_keywords", "manifest_number_shapes")
    tuples = {key: tuple(data.pop(key, ())) for key in listed}
    return VendorTemplate(**data, **tuples, ticket_number_patterns=patterns)


def load_vocabulary(path: Path | None = None) -> Vocabulary:
    data = yaml.safe_load((path or TEMPLATES_DIR / "synonyms.yaml").read_text())
    try:
        synonyms = {
            kind: {str(value): tuple(str(s) for s in written) for value, written in data[kind].items()}
            for kind in ("flow", "material", "source", "destination")
        }
        implied = {area: material for material, areas in data["source_material"].items() for area in areas}
        markers = {material: tuple(re.compile(p) for p in patterns)
                   for material, patterns in data["contamination_markers"].items()}
        two_classes = {re.compile(p): tuple(materials) for p, materials in data["two_class_markers"].items()}
        plain_earth = frozenset(data["plain_earth"])
        earth_qualifiers = frozenset(data["earth_qualifiers"])
        size_words = frozenset(data["size_words"])
        describing_words = frozenset(data["describing_words"])
    except (KeyError, AttributeError, TypeError, re.error) as err:
        raise TemplateError(f"synonyms file is malformed: {err}") from err
    return Vocabulary(synonyms=synonyms, source_material=implied, contamination_markers=markers,
                      two_class_markers=two_classes, plain_earth=plain_earth, earth_qualifiers=earth_qualifiers,
                      size_words=size_words, describing_words=describing_words)


@lru_cache(maxsize=1)
def default_templates() -> tuple[VendorTemplate, ...]:
    return load_vendor_templates()


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    return load_vocabulary()
