"""Born-digital e-tickets of chosen loads: pages whose every value the tests know, read without OCR."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from ticket_assets.synth.files import write_digital_pdf
from ticket_assets.synth.scenario import Catalog, Load
from ticket_assets.synth.ticket import Ticket, TicketMaker

CLASS_2_LOAD = Load("EXPORT", "CLASS_2_CONTAMINATED", "PIER_EX", "WASTE_MANAGEMENT_LEWISVILLE", "ROBERTS")
ROCK_LOAD = Load("IMPORT", "ROCK", None, None, "HEIDELBERG")
DIRT_LOAD = Load("IMPORT", "DIRT", None, None, "ROBERTS")


def write_etickets(path: Path, loads: list[Load], day: date, seed: int) -> list[Ticket]:
    """One page per load in a PDF at `path`; the tickets drawn, with their numbers."""
    maker, rng = TicketMaker(Catalog()), random.Random(seed)
    tickets = [maker.make(load, day, rng, by_hand=False) for load in loads]
    path.parent.mkdir(parents=True, exist_ok=True)
    write_digital_pdf(path, tickets)
    return tickets
