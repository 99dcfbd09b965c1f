"""Which loads happen on job 24-105: flow, material, area, destination, and the vendor whose ticket it is.

Vendors come from the template files and areas from synonyms.yaml, so a new vendor
template shows up in the generated tickets without a code change.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cached_property

from ticket_assets.extract.templates import VendorTemplate, Vocabulary, default_templates, default_vocabulary

JOB_CODE = "24-105"
# How often each kind of load happens, and where each export material goes (weights).
LOAD_WEIGHTS = {"CLASS_2_CONTAMINATED": 5, "NON_CONTAMINATED": 2, "SPOILS": 2, "IMPORT": 3}
EXPORT_DESTINATIONS = {
    "CLASS_2_CONTAMINATED": {"WASTE_MANAGEMENT_LEWISVILLE": 1},
    "NON_CONTAMINATED": {"LDI_YARD": 5, "POST_OAK_PIT": 1},
    "SPOILS": {"WASTE_MANAGEMENT_LEWISVILLE": 1},
}
SCALE_TICKET_SHARE = 0.5  # exports ticketed by the destination's scale house rather than the trucker
SUPPLIER_SHARE = 0.6  # imports ticketed by the supplier rather than the trucker


@dataclass(frozen=True)
class Load:
    """What one truck carried, in canonical values; source and destination are None on imports."""

    flow: str
    material: str
    source: str | None
    destination: str | None
    vendor: str


class Catalog:
    """Vendor templates and the vocabulary, as the generator needs them."""

    def __init__(self, templates: tuple[VendorTemplate, ...] | None = None, vocabulary: Vocabulary | None = None):
        self.templates = {t.vendor: t for t in templates or default_templates()}
        self.vocabulary = vocabulary or default_vocabulary()

    @cached_property
    def import_materials(self) -> list[str]:
        exported = set(self.vocabulary.source_material.values())
        return [m for m in self.vocabulary.canonical_values("material") if m not in exported]

    def areas_for(self, material: str) -> list[str]:
        return [area for area, implied in self.vocabulary.source_material.items() if implied == material]

    def vendors_of_kind(self, kind: str) -> list[str]:
        return sorted(v for v, t in self.templates.items() if t.kind == kind)

    def scale_house(self, destination: str) -> str | None:
        """The vendor that weighs loads in at a destination, if it has a template."""
        return next((v for v, t in sorted(self.templates.items()) if t.default_destination == destination), None)

    def spelling(self, kind: str, value: str, rng: random.Random) -> str:
        """How a person might write a canonical value: one of its synonyms, now and then the token itself."""
        written = self.vocabulary.synonyms[kind].get(value, ())
        if not written or rng.random() < 0.1:
            return value.replace("_", " ")
        return rng.choice(written)


def choose_load(catalog: Catalog, rng: random.Random, flow: str | None = None) -> Load:
    """A realistic load for the job; `flow` restricts it to IMPORT or EXPORT."""
    kinds = [k for k in LOAD_WEIGHTS if flow is None or (k == "IMPORT") == (flow == "IMPORT")]
    kind = rng.choices(kinds, weights=[LOAD_WEIGHTS[k] for k in kinds])[0]
    if kind == "IMPORT":
        material = rng.choice(catalog.import_materials)
        return Load("IMPORT", material, None, None, choose_import_vendor(catalog, rng))
    destinations = EXPORT_DESTINATIONS[kind]
    destination = rng.choices(list(destinations), weights=list(destinations.values()))[0]
    source = rng.choice(catalog.areas_for(kind))
    return Load("EXPORT", kind, source, destination, choose_export_vendor(catalog, rng, destination))


def choose_export_vendor(catalog: Catalog, rng: random.Random, destination: str) -> str:
    scale_house = catalog.scale_house(destination)
    if scale_house and rng.random() < SCALE_TICKET_SHARE:
        return scale_house
    return rng.choice(catalog.vendors_of_kind("trucking"))


def choose_import_vendor(catalog: Catalog, rng: random.Random) -> str:
    suppliers = catalog.vendors_of_kind("supply")
    if suppliers and rng.random() < SUPPLIER_SHARE:
        return rng.choice(suppliers)
    return rng.choice(catalog.vendors_of_kind("trucking"))


def with_new_vendor(catalog: Catalog, rng: random.Random, load: Load) -> Load:
    """The same load, ticketed by another plausible vendor."""
    if load.flow == "IMPORT":
        vendor = choose_import_vendor(catalog, rng)
    else:
        vendor = choose_export_vendor(catalog, rng, load.destination)
    return Load(load.flow, load.material, load.source, load.destination, vendor)
