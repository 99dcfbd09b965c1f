"""How a day's files split into scanner batches and phone photos, and the names those devices give them."""

from __future__ import annotations

import random
from datetime import date

SCAN_STYLES = ("scan_{n:04d}.pdf", "doc{n:05d}.pdf", "Scan_{ymd}_{hms}.pdf")
PHOTO_STYLES = ("IMG_{n:04d}.jpg", "IMG_{ymd}_{hms}.jpg", "PXL_{ymd}_{hms}{ms:03d}.jpg", "IMG_{n:04d}.png")
PHOTO_SHARE = (0.05, 0.25)
BATCH_PAGES = (2, 6)


def plan_day(rng: random.Random, pages: int) -> list[tuple[str, int]]:
    """("scan", page count) batches and ("image", 1) photos that add up to `pages`, in the order they arrive."""
    photos = min(pages, round(pages * rng.uniform(*PHOTO_SHARE)))
    plan = [("image", 1)] * photos
    left = pages - photos
    while left:
        batch = min(left, rng.randint(*BATCH_PAGES))
        plan.append(("scan", batch))
        left -= batch
    rng.shuffle(plan)
    return plan


class Namer:
    """The office scanner and the crew's phones: each counts its files and stamps some names with the time."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.counters = {"scan": rng.randint(1, 900), "image": rng.randint(1000, 8000)}

    def name(self, kind: str, day: date, style: int) -> str:
        """A fresh file name; `style` picks the device's naming habit (kept for a whole day)."""
        self.counters[kind] += self.rng.randint(1, 3)
        styles = SCAN_STYLES if kind == "scan" else PHOTO_STYLES
        seconds = 6 * 3600 + self.counters[kind] * 37 % 36000
        hms = f"{seconds // 3600:02d}{seconds // 60 % 60:02d}{seconds % 60:02d}"
        return styles[style % len(styles)].format(n=self.counters[kind], ymd=day.strftime("%Y%m%d"), hms=hms,
                                                  ms=self.rng.randint(0, 999))
