"""What is written on a ticket, field by field, and whether a printer or a hand wrote it."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace

from ticket_assets.synth_unseen import phrasing as say
from ticket_assets.synth_unseen import phrasing_v3 as say3
from ticket_assets.synth_unseen.hand import PENCIL, Writer, choose_writer
from ticket_assets.synth_unseen.loads import Load
from ticket_assets.synth_unseen.values_v4 import V4_WRITERS
from ticket_assets.synth_unseen.values_v5 import V5_WRITERS
from ticket_assets.synth_unseen.values_v6 import V6_WRITERS
from ticket_assets.synth_unseen.values_v7 import V7_WRITERS
from ticket_assets.synth_unseen.values_v8 import V8_WRITERS
from ticket_assets.synth_unseen.vendors import Vendor

PAPER_RGB = {"white": (250, 250, 246), "yellow": (248, 238, 168), "pink": (247, 214, 218), "blue": (214, 230, 247),
             "thermal": (244, 243, 238)}
CARBON_SHARE = 0.75  # tinted copies written through carbon rather than directly in pen
QUANTITY_KEYS = {"quantity": None, "tons": "TONS", "yards": "CY", "loads": "LOADS"}
TRUTH_FIELD = {"date": "ticket_date", "truck": "truck_number", "source": "source", "destination": "destination",
               "material": "material", "manifest": "manifest_number", "quantity": "quantity", "tons": "quantity",
               "yards": "quantity", "loads": "quantity"}
UNIT_HINTS = {"TONS": ("TON",), "CY": ("YARD", "YDS", "CY"), "LOADS": ("LOAD",)}
WEIGHING_FORMS = ("printout", "thermal", "weighmaster", "disposal_receipt")  # printed by a scale, to the hundredth
MANIFEST_SPOTS = ("field", "stamp", "margin", "sticker")  # where a v3 page shows its manifest
PENCIL_SHARE = 0.25  # v3 pads filled in with a soft pencil rather than a pen


@dataclass(frozen=True)
class Entry:
    text: str
    by_hand: bool


@dataclass
class Sheet:
    """One page's content: the load it records, the words in each field, the paper and the pen."""

    load: Load
    entries: dict[str, Entry]
    paper: str
    carbon: bool
    writer: Writer
    variant: str = "base"  # "base", "v2" (the second round's wording, layout, manifest shape, mishap), "v3-<form>"
    # "v4" to "v8"
    traits: tuple[str, ...] = ()  # what else makes a v3 to v8 page new: its layout, labels, spots, pencil
    manifest_spot: str = "field"  # one of MANIFEST_SPOTS

    @property
    def novel(self) -> bool:
        return self.variant == "v2"

    @property
    def v3(self) -> bool:
        return self.variant.startswith("v3")

    @property
    def vendor(self) -> Vendor:
        return self.load.vendor

    @property
    def paper_rgb(self) -> tuple[int, int, int]:
        return PAPER_RGB[self.paper]

    def handwritten(self) -> list[str]:
        """Truth fields that a hand wrote, in the truth's field order."""
        names = {TRUTH_FIELD[k] for k, e in self.entries.items() if e.by_hand and e.text and k in TRUTH_FIELD}
        quantity = self.entries.get("quantity")
        if quantity and quantity.by_hand and not re.fullmatch(r"[\d.,]+", quantity.text):
            names.add("quantity_unit")
        names = {n for n in names if self.load.fields()[n] is not None}
        return [n for n in self.load.fields() if n in names]


def write_sheet(load: Load, rng: random.Random, variant: str = "base", traits: tuple[str, ...] = ()) -> Sheet:
    """Fill every field the vendor's form has: wording, hand or printer, paper colour and whose pen; a "v2"
    sheet words its areas, places and material with the second round's phrasings, a "v3-" sheet with the third's,
    and places its manifest in one of `MANIFEST_SPOTS`."""
    vendor = load.vendor
    paper = rng.choice(vendor.paper)
    carbon = paper not in ("white", "thermal") and rng.random() < CARBON_SHARE
    entries = {key: _entry(load, key, rng, variant) for key in vendor.labels if key != "ticket"}
    sheet = Sheet(load=load, entries=entries, paper=paper, carbon=carbon, writer=choose_writer(rng, carbon),
                  variant=variant, traits=traits)
    return _third_round(sheet, rng) if sheet.v3 else sheet


def _third_round(sheet: Sheet, rng: random.Random) -> Sheet:
    """Where a v3 page shows its manifest (a margin note is written by hand), and whether a pencil filled it."""
    traits, entries = list(sheet.traits), dict(sheet.entries)
    spot = "field"
    if sheet.load.manifest_printed and "manifest" in entries:
        spot = rng.choice(MANIFEST_SPOTS)
        traits.append(f"manifest:{spot}")
    if spot == "margin":
        entries["manifest"] = Entry(text=entries["manifest"].text, by_hand=True)
    writer = sheet.writer
    if any(e.by_hand for e in entries.values()) and rng.random() < PENCIL_SHARE:
        writer = replace(writer, ink=rng.choice(PENCIL), bold=False)
        traits.append("pencil")
    return replace(sheet, entries=entries, manifest_spot=spot, writer=writer, traits=tuple(traits))


def _entry(load: Load, key: str, rng: random.Random, variant: str) -> Entry:
    by_hand = rng.random() < load.vendor.hand_share
    text = _text(load, key, by_hand, rng, variant)
    return Entry(text=text, by_hand=by_hand and bool(text))


def _text(load: Load, key: str, by_hand: bool, rng: random.Random, variant: str) -> str:
    if variant.startswith("v3") and key in V3_WRITERS:
        return V3_WRITERS[key](load, by_hand, rng)
    if variant == "v4" and key in V4_WRITERS:
        return V4_WRITERS[key](load, by_hand, rng)
    if variant == "v5" and key in V5_WRITERS:
        return V5_WRITERS[key](load, by_hand, rng)
    if variant == "v6" and key in V6_WRITERS:
        return V6_WRITERS[key](load, by_hand, rng)
    if variant == "v7" and key in V7_WRITERS:
        return V7_WRITERS[key](load, by_hand, rng)
    if variant == "v8" and key in V8_WRITERS:
        return V8_WRITERS[key](load, by_hand, rng)
    if key in QUANTITY_KEYS:
        return _quantity_text(load, key, rng)
    if variant == "v2" and key in NOVEL_WRITERS:
        return NOVEL_WRITERS[key](load, by_hand, rng)
    writers = {"date": _date_text, "source": _source_text, "destination": _destination_text,
               "material": _material_text, "manifest": _manifest_text, "customer": _customer_text}
    if key in writers:
        return writers[key](load, by_hand, rng)
    return _other_text(load, key, rng)


def _date_text(load: Load, by_hand: bool, rng: random.Random) -> str:
    day = load.day
    style = rng.choice(("us_short", "dashed", "us_long")) if by_hand else _printed_date_style(load)
    text = say.DATE_FORMATS[style].format(m=day.month, d=day.day, y=day.year, yy=day.year % 100,
                                          mon=say.MONTHS[day.month - 1])
    return text if by_hand or style == "military" else f"{text}  {rng.randint(6, 16):02d}:{rng.randint(0, 59):02d}"


def _printed_date_style(load: Load) -> str:
    """Each vendor's printer keeps one date style."""
    return ("us_long", "iso", "military")[len(load.vendor.token) % 3]


def _source_text(load: Load, by_hand: bool, rng: random.Random) -> str:
    if load.source:
        return rng.choice(say.AREA_PHRASES[load.source])
    if load.vendor.role == "supplier":
        return rng.choice(say.SUPPLY_PLACES)
    return rng.choice(say.SUPPLY_PLACES + ("",))


def _destination_text(load: Load, by_hand: bool, rng: random.Random) -> str:
    if load.destination and load.destination == load.vendor.serves and not by_hand:
        return say.DESTINATION_PHRASES[load.destination][-1]
    if load.destination:
        return rng.choice(say.DESTINATION_PHRASES[load.destination])
    return rng.choice(say.JOB_ADDRESSES)


def _material_text(load: Load, by_hand: bool, rng: random.Random) -> str:
    text = rng.choice(say.MATERIAL_PHRASES[load.material])
    return text.upper() if not by_hand and rng.random() < 0.5 else text


def _novel_source_text(load: Load, by_hand: bool, rng: random.Random) -> str:
    if load.source:
        return rng.choice(say.AREA_PHRASES[load.source] + say.NEW_AREA_PHRASES[load.source])
    return _source_text(load, by_hand, rng)


def _novel_destination_text(load: Load, by_hand: bool, rng: random.Random) -> str:
    if load.destination and not (load.destination == load.vendor.serves and not by_hand):
        return rng.choice(say.DESTINATION_PHRASES[load.destination] + say.NEW_DESTINATION_PHRASES[load.destination])
    return _destination_text(load, by_hand, rng)


def _novel_material_text(load: Load, by_hand: bool, rng: random.Random) -> str:
    """A new phrasing, naming the trade whose spoils these are; a hand may misspell contamination."""
    phrases = say.NEW_MATERIAL_PHRASES[load.material]
    if by_hand:
        phrases += say.HAND_MISSPELLINGS.get(load.material, ())
    text = rng.choice(phrases).format(who=say.SPOILS_OWNERS.get(load.source or "", ""))
    return text.upper() if not by_hand and rng.random() < 0.4 else text


NOVEL_WRITERS = {"source": _novel_source_text, "destination": _novel_destination_text,
                 "material": _novel_material_text}


def _v3_date_text(load: Load, by_hand: bool, rng: random.Random) -> str:
    day, style = load.day, rng.choice(sorted(say3.V3_DATE_FORMATS))
    text = say3.V3_DATE_FORMATS[style].format(m=day.month, d=day.day, y=day.year, yy=day.year % 100,
                                              mon=say.MONTHS[day.month - 1], Mon=say3.MONTH_NAMES[day.month - 1],
                                              dow=say3.WEEKDAYS[day.weekday()])
    return text if by_hand or rng.random() < 0.5 else f"{text} {rng.randint(1, 12)}:{rng.randint(0, 59):02d} PM"


def _v3_source_text(load: Load, by_hand: bool, rng: random.Random) -> str:
    if load.source:
        return rng.choice(say3.V3_AREA_PHRASES[load.source])
    return _source_text(load, by_hand, rng)


def _v3_destination_text(load: Load, by_hand: bool, rng: random.Random) -> str:
    if load.destination:
        return rng.choice(say3.V3_DESTINATION_PHRASES[load.destination])
    return rng.choice(say.JOB_ADDRESSES)


def _v3_material_text(load: Load, by_hand: bool, rng: random.Random) -> str:
    text = rng.choice(say3.V3_MATERIAL_PHRASES[load.material]).format(who=say.SPOILS_OWNERS.get(load.source or "",
                                                                                               "trade"))
    return text.upper() if not by_hand and rng.random() < 0.3 else text


def _v3_quantity_text(load: Load, by_hand: bool, rng: random.Random) -> str:
    """The amount with its unit in one of the third round's ways, glued to the number or spaced from it."""
    if load.quantity is None:
        return ""
    return rng.choice(say3.V3_QUANTITY_FORMATS[load.unit]).format(q=_number_text(load))


V3_WRITERS = {"date": _v3_date_text, "source": _v3_source_text, "destination": _v3_destination_text,
              "material": _v3_material_text, "quantity": _v3_quantity_text}


def _manifest_text(load: Load, by_hand: bool, rng: random.Random) -> str:
    return load.manifest_printed or ""


def _customer_text(load: Load, by_hand: bool, rng: random.Random) -> str:
    if load.vendor.token == "LINDAMOOD":
        return rng.choice(say.GENERAL_CONTRACTORS)
    return rng.choice(say.CUSTOMER_NAMES)


def _quantity_text(load: Load, key: str, rng: random.Random) -> str:
    """The amount in the field that holds it: a unit column takes the bare number, a Qty field adds its unit."""
    if load.quantity is None or (QUANTITY_KEYS[key] and QUANTITY_KEYS[key] != load.unit):
        return ""
    number = _number_text(load)
    if QUANTITY_KEYS[key] or _names_one_unit(load.vendor.labels[key], load.unit):
        return number
    return f"{number} {rng.choice(say.UNIT_WORDS[load.unit])}"


def _number_text(load: Load) -> str:
    """The amount as the form prints it: whole numbers bare, a scale's tons to the hundredth."""
    if load.vendor.form in WEIGHING_FORMS and load.unit == "TONS":
        return f"{load.quantity:.2f}"
    return f"{load.quantity:g}" if load.quantity != int(load.quantity) else str(int(load.quantity))


def _names_one_unit(label: str, unit: str) -> bool:
    named = [u for u, hints in UNIT_HINTS.items() if any(h in label.upper() for h in hints)]
    return named == [unit]


def _other_text(load: Load, key: str, rng: random.Random) -> str:
    """Fields that carry no truth but fill real tickets: job, driver, trailer, P.O., pit ticket, remarks."""
    choices = {
        "job": lambda: rng.choice(say.JOB_WRITINGS),
        "truck": lambda: load.truck or "",
        "driver": lambda: rng.choice(say.DRIVER_NAMES),
        "trailer": lambda: rng.choice(("", str(rng.randint(10, 399)))),
        "po": lambda: rng.choice(("", str(rng.randint(10000, 99999)))),
        "pit_ticket": lambda: str(rng.randint(1_000_000, 9_999_999)) if load.flow == "EXPORT" else "",
        "remarks": lambda: rng.choice(("", "", "wait 15 min", "2nd load", "wet", "gate 3")),
    }
    return choices[key]()
