"""Draw a sheet on paper with its vendor's form: the families by name, in one place."""

from __future__ import annotations

import random

from ticket_assets.synth_unseen import parts
from ticket_assets.synth_unseen.draw import Canvas
from ticket_assets.synth_unseen.forms_boxed import draw_boxed, draw_two_column
from ticket_assets.synth_unseen.forms_haul import draw_grid, draw_ruled
from ticket_assets.synth_unseen.forms_printed import draw_printout, draw_stacked
from ticket_assets.synth_unseen.forms_slip import draw_load_slip, draw_two_part
from ticket_assets.synth_unseen.forms_table import draw_table, draw_under_label
from ticket_assets.synth_unseen.forms_thermal import draw_thermal
from ticket_assets.synth_unseen.forms_v3_grid import draw_merged_grid
from ticket_assets.synth_unseen.forms_v3_pads import draw_dispatch_log, draw_label_block, draw_margin_labels
from ticket_assets.synth_unseen.forms_v3_scale import draw_disposal_receipt, draw_weighmaster
from ticket_assets.synth_unseen.forms_v4_slips import draw_carbon_set, draw_leader_receipt, draw_stub_ticket
from ticket_assets.synth_unseen.forms_v4_tables import draw_ruled_pairs, draw_tiny_label_boxes
from ticket_assets.synth_unseen.forms_v5 import (draw_box_over_label, draw_caps_over_line, draw_line_item,
                                                 draw_right_edge)
from ticket_assets.synth_unseen.forms_v6 import draw_carbon_offset, draw_corner_label_box, draw_side_panels
from ticket_assets.synth_unseen.forms_v7 import draw_caption_under, draw_kv_grid, draw_scale_receipt
from ticket_assets.synth_unseen.forms_v8 import draw_load_info, draw_reverse_band
from ticket_assets.synth_unseen.sheet import Sheet

FORMS = {"ruled": draw_ruled, "grid": draw_grid, "boxed": draw_boxed, "two_column": draw_two_column,
         "printout": draw_printout, "stacked": draw_stacked}
NEW_FORMS = {"thermal": draw_thermal, "table": draw_table, "under_label": draw_under_label,
             "two_part": draw_two_part, "load_slip": draw_load_slip}
V3_FORMS = {"weighmaster": draw_weighmaster, "disposal_receipt": draw_disposal_receipt,
            "label_block": draw_label_block, "margin_labels": draw_margin_labels, "dispatch_log": draw_dispatch_log,
            "merged_grid": draw_merged_grid}
V4_FORMS = {"ruled_pairs": draw_ruled_pairs, "tiny_label_boxes": draw_tiny_label_boxes,
            "leader_receipt": draw_leader_receipt, "carbon_set": draw_carbon_set, "stub_ticket": draw_stub_ticket}
V5_FORMS = {"right_edge": draw_right_edge, "caps_over_line": draw_caps_over_line, "line_item": draw_line_item,
            "box_over_label": draw_box_over_label}
V6_FORMS = {"corner_label_box": draw_corner_label_box, "side_panels": draw_side_panels,
            "carbon_offset": draw_carbon_offset}
V7_FORMS = {"scale_receipt": draw_scale_receipt, "kv_grid": draw_kv_grid, "caption_under": draw_caption_under}
V8_FORMS = {"load_info": draw_load_info, "reverse_band": draw_reverse_band}
ALL_FORMS = {**FORMS, **NEW_FORMS, **V3_FORMS, **V4_FORMS, **V5_FORMS, **V6_FORMS, **V7_FORMS, **V8_FORMS}


def draw_ticket(sheet: Sheet, dpi: int, rng: random.Random) -> Canvas:
    """The ticket as it left the pad or the printer, before any scanner or phone saw it; the canvas keeps where
    each value landed."""
    canvas = Canvas(sheet.vendor.size, dpi, sheet.paper_rgb, rng)
    ALL_FORMS[sheet.vendor.form](canvas, sheet)
    parts.site_stamp(canvas, sheet)
    return canvas
