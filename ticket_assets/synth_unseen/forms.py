"""Draw a sheet on paper with its vendor's form: the families by name, in one place."""

from __future__ import annotations

import random

from PIL import Image

from ticket_assets.synth_unseen import parts
from ticket_assets.synth_unseen.draw import Canvas
from ticket_assets.synth_unseen.forms_boxed import draw_boxed, draw_two_column
from ticket_assets.synth_unseen.forms_haul import draw_grid, draw_ruled
from ticket_assets.synth_unseen.forms_printed import draw_printout, draw_stacked
from ticket_assets.synth_unseen.sheet import Sheet

FORMS = {"ruled": draw_ruled, "grid": draw_grid, "boxed": draw_boxed, "two_column": draw_two_column,
         "printout": draw_printout, "stacked": draw_stacked}


def draw_ticket(sheet: Sheet, dpi: int, rng: random.Random) -> Image.Image:
    """The ticket as it left the pad or the printer, before any scanner or phone saw it."""
    canvas = Canvas(sheet.vendor.size, dpi, sheet.paper_rgb, rng)
    FORMS[sheet.vendor.form](canvas, sheet)
    parts.site_stamp(canvas, sheet)
    return canvas.image
