"""One synthetic ticket: the canonical fields it stands for, and how they are printed or written on it."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from ticket_assets.synth import numbers
from ticket_assets.synth.scenario import JOB_CODE, Catalog, Load

CUSTOMER = "Lindamood Demolition"  # the contractor itself, printed on nearly every ticket: never the vendor
HANDWRITTEN_SHARE = 0.6  # chance that each of these fields is written by hand on a paper ticket
HANDWRITABLE = ("ticket_date", "truck_number", "quantity", "source")
NUMBER_LABELS = ("TICKET NO.", "No.", "TICKET #")
SOURCE_LABELS = ("FROM:", "SOURCE:", "SHIPPED FROM:")
DESTINATION_LABELS = ("TO:", "SHIPPED TO:")
STREETS = ("Main St", "Valley Pkwy", "State Hwy 121", "Industrial Blvd", "Mill St", "FM 407", "Elm Fork Dr")
CITIES = (("Lewisville", "75057"), ("Dallas", "75212"), ("Irving", "75061"), ("Fort Worth", "76106"),
          ("Grand Prairie", "75050"), ("Denton", "76207"))
AREA_CODES = ("214", "469", "972", "817", "940")


@dataclass(frozen=True)
class Pen:
    """How a handwritten value sits against its line: offset in points and a tilt in degrees."""

    dx: float
    dy: float
    angle: float


@dataclass(frozen=True)
class Ticket:
    load: Load
    display_name: str
    ticket_date: date
    number: str  # as recorded: the pattern's group when the vendor prints more ("BOL 1972750542")
    number_text: str  # as printed
    manifest: str | None
    quantity: float
    unit: str
    truck: str
    texts: dict[str, str]  # field -> what is printed or written for it
    labels: dict[str, str]  # ticket_number, source, destination -> the label this vendor prints
    pens: dict[str, Pen]  # handwritten field -> how the pen placed it
    header_centered: bool
    address: str | None
    phone: str | None
    stamped_red: bool

    @property
    def handwritten(self) -> list[str]:
        return sorted(self.pens)

    def fields(self) -> dict:
        """The canonical record a perfect reader would produce for this page."""
        return {
            "ticket_number": self.number,
            "ticket_date": self.ticket_date.isoformat(),
            "vendor": self.load.vendor,
            "material": self.load.material,
            "flow": self.load.flow,
            "source": self.load.source,
            "destination": self.load.destination,
            "manifest_number": self.manifest,
            "quantity": self.quantity,
            "quantity_unit": self.unit,
            "truck_number": self.truck,
            "job_code": JOB_CODE,
        }


class TicketMaker:
    """Makes tickets with ticket numbers unique per vendor and manifest numbers unique overall."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.used_numbers: set[tuple[str, str]] = set()
        self.manifests = 0

    def make(self, load: Load, day: date, rng: random.Random, by_hand: bool = True) -> Ticket:
        """A ticket for the load on that day; `by_hand` False gives a fully printed e-ticket."""
        template = self.catalog.templates[load.vendor]
        number_text, number = self._unique_number(load.vendor, rng)
        amount, unit = numbers.quantity(rng)
        truck = numbers.truck_number(rng)
        return Ticket(
            load=load, display_name=template.display_name, ticket_date=day, number=number,
            number_text=number_text, manifest=self._manifest(load, day), quantity=amount, unit=unit, truck=truck,
            texts=self._texts(load, day, amount, unit, truck, rng), labels=_labels(rng),
            pens=_pens(load, rng) if by_hand else {}, header_centered=rng.random() < 0.4,
            address=_address(rng) if rng.random() < 0.8 else None,
            phone=_phone(rng) if rng.random() < 0.8 else None, stamped_red=by_hand and rng.random() < 0.3,
        )

    def _unique_number(self, vendor: str, rng: random.Random) -> tuple[str, str]:
        while True:
            printed, number = numbers.ticket_number(self.catalog.templates[vendor], rng)
            if (vendor, number) not in self.used_numbers:
                self.used_numbers.add((vendor, number))
                return printed, number

    def _manifest(self, load: Load, day: date) -> str | None:
        if load.material != "CLASS_2_CONTAMINATED":
            return None
        self.manifests += 1
        return numbers.manifest_number(day, self.manifests)

    def _texts(self, load: Load, day: date, amount: float, unit: str, truck: str, rng: random.Random) -> dict:
        spell = self.catalog.spelling
        texts = {
            "ticket_date": numbers.date_text(day, rng),
            "material": spell("material", load.material, rng),
            "quantity": numbers.quantity_text(amount, unit),
            "truck_number": truck,
        }
        if load.flow == "EXPORT":
            texts["source"] = spell("source", load.source, rng)
            texts["destination"] = spell("destination", load.destination, rng)
        return texts


def _labels(rng: random.Random) -> dict[str, str]:
    return {
        "ticket_number": rng.choice(NUMBER_LABELS),
        "source": rng.choice(SOURCE_LABELS),
        "destination": rng.choice(DESTINATION_LABELS),
    }


def _pens(load: Load, rng: random.Random) -> dict[str, Pen]:
    fields = [f for f in HANDWRITABLE if rng.random() < HANDWRITTEN_SHARE]
    if load.flow == "IMPORT" and "source" in fields:
        fields.remove("source")
    return {f: Pen(rng.uniform(-6, 10), rng.uniform(-4, 3), rng.uniform(-4, 4)) for f in fields}


def _address(rng: random.Random) -> str:
    city, zip_code = rng.choice(CITIES)
    return f"{rng.randint(100, 9899)} {rng.choice(STREETS)}, {city}, TX {zip_code}"


def _phone(rng: random.Random) -> str:
    return f"({rng.choice(AREA_CODES)}) 555-{rng.randint(100, 199):04d}"
