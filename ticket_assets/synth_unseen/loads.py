"""What each ticket records: one load with its vendor, numbers and quantities, drawn from the job's real mix."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date

from ticket_assets.synth_unseen.phrasing import (CHECK_LETTERS, MANIFEST_SEPARATORS, MANIFEST_SHAPES,
                                                NEW_MANIFEST_SHAPES)
from ticket_assets.synth_unseen.phrasing_v3 import V3_MANIFEST_SHAPES
from ticket_assets.synth_unseen.phrasing_v4 import V4_MANIFEST_SHAPES
from ticket_assets.synth_unseen.phrasing_v5 import V5_MANIFEST_SHAPES
from ticket_assets.synth_unseen.phrasing_v6 import V6_MANIFEST_SHAPES
from ticket_assets.synth_unseen.phrasing_v7 import V7_MANIFEST_SHAPES
from ticket_assets.synth_unseen.phrasing_v8 import V8_MANIFEST_SHAPES
from ticket_assets.synth_unseen.vendors import FACILITIES, HAULERS, SUPPLIERS, VENDORS, Vendor

JOB_CODE = "24-105"
EXPORT_SHARE = 0.62
FACILITY_TICKET_SHARE = 0.4  # exports whose page is the destination's own scale ticket, not the hauler's
HAULED_IMPORT_SHARE = 0.3  # imports whose page is a hauler's ticket rather than the supplier's
MISSING_QUANTITY_SHARE = 0.12
MISSING_TRUCK_SHARE = 0.08
IMPORT_MATERIALS = ("3X5", "ASPHALT", "C2", "DIRT", "FILL", "FLEX", "FLEXBASE", "ROCK", "UTILITY_STONE")
SOURCES = {
    "CLASS_2_CONTAMINATED": ("PODIUM", "ZONE_E_GARAGE", "SOUTH_MSE_WALL", "MSE_WALL", "PIER_EX", "POND",
                             "SOUTH_FILL", "TRACT_2"),
    "SPOILS": ("BECK_SPOILS", "NTX_SPOILS", "UTX_SPOILS", "MVP_TC1", "MVP_TC2"),
    "NON_CONTAMINATED": ("SPG",),
}
DESTINATIONS = {
    "CLASS_2_CONTAMINATED": ("WASTE_MANAGEMENT_LEWISVILLE",),
    "SPOILS": ("WASTE_MANAGEMENT_LEWISVILLE", "WASTE_MANAGEMENT_LEWISVILLE", "POST_OAK_PIT"),
    "NON_CONTAMINATED": ("LDI_YARD", "POST_OAK_PIT"),
}
EXPORT_MIX = ("CLASS_2_CONTAMINATED",) * 5 + ("NON_CONTAMINATED",) * 2 + ("SPOILS",) * 3


@dataclass(frozen=True)
class Load:
    """The truth of one ticket; `manifest_printed` is the manifest as the page shows it."""

    vendor: Vendor
    day: date
    ticket_number: str
    flow: str
    material: str
    source: str | None
    destination: str | None
    manifest_printed: str | None
    quantity: float | None
    unit: str | None
    truck: str | None

    @property
    def manifest(self) -> str | None:
        return manifest_truth(self.manifest_printed) if self.manifest_printed else None

    def fields(self) -> dict:
        return {
            "ticket_number": self.ticket_number, "ticket_date": self.day.isoformat(), "vendor": self.vendor.token,
            "material": self.material, "flow": self.flow, "source": self.source, "destination": self.destination,
            "manifest_number": self.manifest, "quantity": self.quantity, "quantity_unit": self.unit,
            "truck_number": self.truck, "job_code": JOB_CODE,
        }


def manifest_truth(printed: str) -> str:
    """The manifest as it is logged: no leading `#`, and spaces, underscores, slashes and dots between its parts
    written as dashes."""
    return re.sub(r"[ _/.]+", "-", printed.strip().lstrip("#").strip())


class Numbering:
    """Ticket numbers that climb per vendor from its own counter, and manifests never issued twice."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.counters = {v.token: rng.randint(10 ** (v.digits - 1), 4 * 10 ** (v.digits - 1)) for v in VENDORS}
        self.manifests: set[str] = set()

    def ticket(self, vendor: Vendor) -> str:
        self.counters[vendor.token] += self.rng.randint(1, 6)
        return f"{vendor.prefix}{self.counters[vendor.token]}"

    def manifest(self, vendor: Vendor, day: date, variant: str = "base") -> str:
        """A manifest number not issued before; a "v2" to "v8" page takes it from that round's shapes only."""
        rounds = {"v2": NEW_MANIFEST_SHAPES, "v3": V3_MANIFEST_SHAPES, "v4": V4_MANIFEST_SHAPES,
                  "v5": V5_MANIFEST_SHAPES, "v6": V6_MANIFEST_SHAPES, "v7": V7_MANIFEST_SHAPES,
                  "v8": V8_MANIFEST_SHAPES}
        if variant in rounds:
            shape = rounds[variant][self.rng.choice(sorted(rounds[variant]))]
        elif vendor.serves and self.rng.random() < 0.7:
            shape = MANIFEST_SHAPES["wm"]
        else:
            shape = MANIFEST_SHAPES[self.rng.choice(sorted(MANIFEST_SHAPES))]
        while True:
            printed = self._fill(shape, day)
            if manifest_truth(printed) not in self.manifests:
                self.manifests.add(manifest_truth(printed))
                return printed

    def _fill(self, shape: str, day: date) -> str:
        digits = {f"n{k}": "".join(str(self.rng.randint(0, 9)) for _ in range(k)) for k in (2, 3, 4, 5, 6, 7, 8)}
        return shape.format(y=day.year, s=self.rng.choice(MANIFEST_SEPARATORS), c=self.rng.choice(CHECK_LETTERS),
                            **digits)


def choose_load(rng: random.Random, numbering: Numbering, day: date, variant: str = "base") -> Load:
    """One load of the job's mix: contaminated, clean and spoils exports, and deliveries of import material.
    A "v2" to "v8" load's manifest takes one of that round's shapes."""
    if rng.random() < EXPORT_SHARE:
        return _export(rng, numbering, day, variant)
    return _import(rng, numbering, day)


def _export(rng: random.Random, numbering: Numbering, day: date, variant: str) -> Load:
    material = rng.choice(EXPORT_MIX)
    destination = rng.choice(DESTINATIONS[material])
    hauled = rng.random() >= FACILITY_TICKET_SHARE
    vendor = rng.choice(HAULERS) if hauled else FACILITIES[destination]
    manifest = numbering.manifest(vendor, day, variant) if material == "CLASS_2_CONTAMINATED" else None
    return _load(rng, numbering, vendor, day, "EXPORT", material, rng.choice(SOURCES[material]), destination,
                 manifest)


def _import(rng: random.Random, numbering: Numbering, day: date) -> Load:
    if rng.random() < HAULED_IMPORT_SHARE:
        vendor, material = rng.choice(HAULERS), rng.choice(IMPORT_MATERIALS)
    else:
        vendor = rng.choice(SUPPLIERS)
        material = rng.choice(vendor.supplies)
    return _load(rng, numbering, vendor, day, "IMPORT", material, None, None, None)


def _load(rng: random.Random, numbering: Numbering, vendor: Vendor, day: date, flow: str, material: str,
          source: str | None, destination: str | None, manifest: str | None) -> Load:
    quantity, unit = _quantity(rng, vendor)
    return Load(vendor=vendor, day=day, ticket_number=numbering.ticket(vendor), flow=flow, material=material,
                source=source, destination=destination, manifest_printed=manifest, quantity=quantity, unit=unit,
                truck=_truck(rng, vendor))


def _quantity(rng: random.Random, vendor: Vendor) -> tuple[float | None, str | None]:
    """A believable amount in one of the vendor's units: weighed tons to the hundredth, yards and loads whole."""
    if vendor.role == "hauler" and rng.random() < MISSING_QUANTITY_SHARE:
        return None, None
    unit = rng.choice(vendor.units)
    if unit == "LOADS":
        return float(rng.choice((1, 1, 1, 2))), unit
    if unit == "CY":
        return float(rng.randint(10, 22)), unit
    if vendor.form == "printout" or vendor.role == "supplier":
        return round(rng.uniform(12.0, 26.0), 2), unit
    return rng.randint(28, 50) / 2, unit


def _truck(rng: random.Random, vendor: Vendor) -> str | None:
    if vendor.role == "hauler" and rng.random() < MISSING_TRUCK_SHARE:
        return None
    return str(rng.choice((rng.randint(1, 99), rng.randint(100, 999), rng.randint(1000, 9999))))
