"""Does RapidOCR cope with skew and with a small ticket on a flatbed page? Printed tickets, read and extracted.

    .venv/bin/python benchmarks/capture_conditions.py

For each condition, eight generated tickets (printed, no handwriting) are
captured as the generator's scanner would, then read by the default engine and
extracted; it prints on how many the ticket number and vendor are both right.
"""

from __future__ import annotations

import random
import sys
from datetime import date
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ticket_assets.config import OcrSettings  # noqa: E402
from ticket_assets.extract.record import Vocabularies, extract_page  # noqa: E402
from ticket_assets.ocr.base import OcrResult  # noqa: E402
from ticket_assets.ocr.rapid import RapidOcrEngine  # noqa: E402
from ticket_assets.synth import noise  # noqa: E402
from ticket_assets.synth.scenario import Catalog, choose_load  # noqa: E402
from ticket_assets.synth.ticket import TicketMaker  # noqa: E402
from ticket_assets_tests.pages import page_source  # noqa: E402

DPI = 150
# (label, skew in degrees, size on a letter flatbed page as a share of its own size; None: no flatbed)
CONDITIONS = (("upright", 0, None), ("skewed 3", 3, None), ("skewed 6", 6, None), ("skewed 10", 10, None),
              ("on a flatbed page", 1, 1.0), ("60% size on a flatbed page", 1, 0.6))


def main() -> None:
    rng, catalog = random.Random(41), Catalog()
    maker = TicketMaker(catalog)
    tickets = [maker.make(choose_load(catalog, rng), date(2024, 11, 4), rng, by_hand=False) for _ in range(8)]
    engine, known = RapidOcrEngine(OcrSettings()), Vocabularies.packaged()
    for label, skew, flatbed in CONDITIONS:
        right = 0
        for index, ticket in enumerate(tickets):
            look = noise.Look(skew=skew, blur=0.5, grain=5, contrast=1.0, paper=None, rotation=0, table=None)
            image = noise.capture(ticket, look, DPI, index).convert("L")
            grey = np.array(_on_flatbed(image, flatbed) if flatbed else image)
            reading = engine.read(grey)
            result = OcrResult(engine.name, grey.shape[1], grey.shape[0], reading.lines, turned=reading.turned)
            extraction = extract_page(page_source(), result, known)
            truth = ticket.fields()
            right += (extraction.value("ticket_number"), extraction.value("vendor")) == (truth["ticket_number"],
                                                                                         truth["vendor"])
        print(f"{label:<28} ticket number and vendor right on {right}/{len(tickets)}")


def _on_flatbed(image: Image.Image, scale: float) -> Image.Image:
    """The ticket, scaled, lying on the right of a letter-size scan, a third of the way down."""
    page = Image.new("L", (int(8.5 * DPI), 11 * DPI), 255)
    ticket = image.resize((int(image.width * scale), int(image.height * scale)))
    page.paste(ticket, (page.width - ticket.width - 60, page.height // 3))
    return page


if __name__ == "__main__":
    main()
