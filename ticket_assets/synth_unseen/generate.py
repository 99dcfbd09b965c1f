"""Write a seeded inbox of tickets in layouts of our own, one folder per day, and the truth for every page.

All randomness flows from one `random.Random(seed)`; nothing reads the clock, so a seed pins down every byte.
A share of the pages (`NOVEL_SHARE`) is drawn in the second round of variants ("v2"): new layouts and label
wordings, new material phrasings and manifest shapes, and new mishaps on the way to the scanner. Another share
(`V3_SHARE`) is drawn in the third round ("v3"): layouts, label registers, phrasings, dates, units, manifest shapes
and spots, and mishaps that neither earlier round has. A further share (`V4_SHARE`) is drawn in the fourth round
("v4"): layouts, label spellings, phrasings, dates, units, manifest shapes and spots for stamps and handwriting
that no earlier round has. A further share (`V5_SHARE`) is drawn in the fifth round ("v5"): layouts (values flush
right, small-caps labels over ruled lines, a one-row item table), label spellings, phrasings, dates, units, manifests
shown prefix-over-number or in two boxes, amounts noted in the margin with an arrow, a RECEIVED stamp across the
values and numbers only on a perforated stub. A further share (`V6_SHARE`) is drawn in the sixth round ("v6"):
labels tiny in a box's corner, LOADED / DELIVERED panels side by side, the faint drifted bottom copy of a carbonless
set, labels run together in capitals or printed in Spanish only, new phrasings, dates, units and manifest shapes, a
printed value struck through and corrected by hand, a manifest written beside its empty box and a PAID stamp with a
number of its own. A further share (`V7_SHARE`) is drawn in the seventh round ("v7"): a landfill or quarry scale
receipt weighing the truck in and out in pounds with the net in tons and a charge line, fields in a two-column key /
value grid, a hauler's carbon set of underlined blanks captioned under the line with its red number up the left edge
or at the foot, the office's shorthand labels ("Mat.", "Qty", "Trk/Trlr"), new phrasings, dates, units and manifest
shapes, the truck number in the hauler's name box and the manifest under the ticket number or on a foot line by
hand. A last share (`V8_SHARE`) is drawn in the eighth round ("v8"): a hauler's dispatch ticket in job, load and
truck information blocks over a signature area, with the kinds of truck listed and the number on one's line, a gate
ticket whose labels stand white on dark bands, a dispatcher's wording and numbered field labels, new phrasings,
dates, units and manifest shapes, the truck number beside the driver's signature, the manifest written under the
signatures or across the top margin, a scale house's time clock stamp, and three new mishaps: a sticky note over a
field no record needs, the shadows of a ticket folded in three, a phone photo taken at a steep angle. The earlier
rounds keep their proportions among the rest of the pages. Each truth entry names its page's
`variant` and `traits`.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from PIL import Image

from ticket_assets.synth import files
from ticket_assets.synth_unseen.capture import Look, capture, choose_look
from ticket_assets.synth_unseen.forms import draw_ticket
from ticket_assets.synth_unseen.loads import Numbering, choose_load
from ticket_assets.synth_unseen.mishaps import lay_over, mark_paper
from ticket_assets.synth_unseen.naming import Namer, plan_day
from ticket_assets.synth_unseen.restyle import restyle, restyle_v3
from ticket_assets.synth_unseen.restyle_v4 import restyle_v4
from ticket_assets.synth_unseen.restyle_v5 import restyle_v5
from ticket_assets.synth_unseen.restyle_v6 import restyle_v6
from ticket_assets.synth_unseen.restyle_v7 import restyle_v7
from ticket_assets.synth_unseen.restyle_v8 import restyle_v8
from ticket_assets.synth_unseen.sheet import Sheet, write_sheet
from ticket_assets.synth_unseen.sheet_v4 import fourth_round
from ticket_assets.synth_unseen.sheet_v5 import fifth_round
from ticket_assets.synth_unseen.sheet_v6 import sixth_round
from ticket_assets.synth_unseen.sheet_v7 import seventh_round
from ticket_assets.synth_unseen.sheet_v8 import eighth_round

V8_SHARE = 0.3
REST = (1 - V8_SHARE) * (1 - 0.3)  # the earlier rounds split the other pages as they did before v8, and before v7
V7_SHARE = 0.3 * (1 - V8_SHARE)
V6_SHARE = 0.3 * REST
V5_SHARE = 0.3 * (1 - 0.3) * REST  # and among themselves as they did before v6
V4_SHARE = 0.3 * (1 - 0.3) * (1 - 0.3) * REST  # and before v5
V3_SHARE = 0.4 * (1 - 0.3) * (1 - 0.3) * (1 - 0.3) * REST  # and 40 : 30 : 30 as before v4
NOVEL_SHARE = 0.3 * (1 - 0.3) * (1 - 0.3) * (1 - 0.3) * REST
SHARES = (("v8", V8_SHARE), ("v7", V7_SHARE), ("v6", V6_SHARE), ("v5", V5_SHARE), ("v4", V4_SHARE),
          ("v3", V3_SHARE), ("v2", NOVEL_SHARE))


def generate_inbox(root: Path, days: Sequence[date], pages_per_day: int = 10, seed: int = 0,
                   dpi: int = 100, only: str | None = None) -> list[dict]:
    """Write root/YYYY-MM-DD/ folders of scans and photos and root/truth.json; return the truth, one entry a page.
    `only` ("base", "v2" to "v8") draws every page in that round instead of the usual mix."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    writer = DayWriter(root, random.Random(seed), dpi, only)
    truth = [entry for day in days for entry in writer.write_day(day, pages_per_day)]
    truth.sort(key=lambda e: (tuple(e["file"].split("/")), e["page"]))
    (root / "truth.json").write_text(json.dumps(truth, indent=1) + "\n")
    return truth


class DayWriter:
    """Turns each day's loads into tickets, captures them, and files them as the scanner and phones would."""

    def __init__(self, root: Path, rng: random.Random, dpi: int, only: str | None = None):
        self.root, self.rng, self.dpi, self.only = root, rng, dpi, only
        self.numbering = Numbering(rng)
        self.namer = Namer(rng)

    def write_day(self, day: date, pages: int) -> list[dict]:
        folder = self.root / day.isoformat()
        folder.mkdir(parents=True, exist_ok=True)
        styles = {"scan": self.rng.randrange(12), "image": self.rng.randrange(12)}
        rounds = iter(self._rounds(pages))
        truth = []
        for kind, count in plan_day(self.rng, pages):
            path = folder / self.namer.name(kind, day, styles[kind])
            truth += self._write_file(path, kind, [self._sheet(day, next(rounds)) for _ in range(count)])
        return truth

    def _rounds(self, pages: int) -> list[str]:
        """The round each of the day's pages is drawn in: `V8_SHARE` of them "v8", `V7_SHARE` "v7", `V6_SHARE`
        "v6", `V5_SHARE` "v5", `V4_SHARE` "v4", `V3_SHARE` "v3", `NOVEL_SHARE` "v2", the rest "base", each count
        rounded, in random places; all in one round when the writer draws `only` that one."""
        if self.only:
            return [self.only] * pages
        rounds: list[str] = []
        for name, share in SHARES:
            rounds += [name] * min(pages - len(rounds), round(pages * share))
        rounds += ["base"] * (pages - len(rounds))
        self.rng.shuffle(rounds)
        return rounds

    def _any_round(self) -> str:
        draw, upto = self.rng.random(), 0.0
        for name, share in SHARES:
            upto += share
            if draw < upto:
                return name
        return "base"

    def _sheet(self, day: date, round_name: str) -> Sheet:
        load = choose_load(self.rng, self.numbering, day, round_name)
        if round_name == "v2":
            return write_sheet(replace(load, vendor=restyle(load.vendor, self.rng)), self.rng, "v2")
        if round_name == "v3":
            vendor, register = restyle_v3(load.vendor, self.rng)
            return write_sheet(replace(load, vendor=vendor), self.rng, f"v3-{vendor.form}", (f"labels:{register}",))
        if round_name == "v4":
            vendor, traits = restyle_v4(load, self.rng)
            return fourth_round(write_sheet(replace(load, vendor=vendor), self.rng, "v4", traits), self.rng)
        if round_name == "v5":
            vendor, traits = restyle_v5(load, self.rng)
            return fifth_round(write_sheet(replace(load, vendor=vendor), self.rng, "v5", traits), self.rng)
        if round_name == "v6":
            vendor, traits = restyle_v6(load, self.rng)
            return sixth_round(write_sheet(replace(load, vendor=vendor), self.rng, "v6", traits), self.rng)
        if round_name == "v7":
            vendor, traits = restyle_v7(load, self.rng)
            return seventh_round(write_sheet(replace(load, vendor=vendor), self.rng, "v7", traits), self.rng)
        if round_name == "v8":
            vendor, traits = restyle_v8(load, self.rng)
            return eighth_round(write_sheet(replace(load, vendor=vendor), self.rng, "v8", traits), self.rng)
        return write_sheet(load, self.rng)

    def _write_file(self, path: Path, kind: str, sheets: list[Sheet]) -> list[dict]:
        looks = [choose_look(self.rng, kind, sheet.variant) for sheet in sheets]
        images = [self._capture(sheet, look) for sheet, look in zip(sheets, looks)]
        if kind == "scan":
            files.write_scanned_pdf(path, images, self.dpi)
        else:
            files.write_image(path, images[0])
        return [self._entry(path, page, kind, sheet, look)
                for page, (sheet, look) in enumerate(zip(sheets, looks), start=1)]

    def _capture(self, sheet: Sheet, look: Look) -> Image.Image:
        page = mark_paper(draw_ticket(sheet, self.dpi, self.rng), look.mishap, self.rng)
        if look.mishap == "behind":  # another ticket of the day, never in the truth, lies under this one
            under_sheet = self._sheet(sheet.load.day, self._any_round())
            under = draw_ticket(under_sheet, self.dpi, self.rng).image
            page = lay_over(page, under, self.rng, self.dpi)
        return capture(page, look, sheet.carbon, self.rng)

    def _entry(self, path: Path, page: int, kind: str, sheet: Sheet, look: Look) -> dict:
        return {
            "file": path.relative_to(self.root).as_posix(), "page": page, "kind": kind,
            "rotation": look.rotation, "clean": look.mild and not sheet.carbon and "pencil" not in sheet.traits,
            "handwritten": sheet.handwritten(), "duplicate_of": None, "expected_reason": None,
            "fields": sheet.load.fields(), "variant": sheet.variant,
            "traits": [*sheet.traits, *([f"mishap:{look.mishap}"] if look.mishap else [])],
        }
