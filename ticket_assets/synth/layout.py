"""How a day's pages are spread over files, and what those files are called."""

from __future__ import annotations

import random
from datetime import date

from ticket_assets.synth.scenario import JOB_CODE, Load

IMAGE_SHARE = 0.25  # of the paper pages, how many arrive as single phone photos
IMAGE_SUFFIXES = (".jpg", ".png", ".tif")


def plan_files(rng: random.Random, pages: int) -> list[tuple[str, int]]:
    """(kind, page count) per file, `pages` pages in all: one e-ticket, scanned PDFs of 2-4 pages, photos."""
    if pages <= 0:
        return []
    paper = pages - 1
    images = min(paper, max(1, round(paper * IMAGE_SHARE))) if paper else 0
    scans = _split_scans(rng, paper - images)
    images += paper - images - sum(scans)
    return [("scan", n) for n in scans] + [("digital", 1)] + [("image", 1)] * images


def _split_scans(rng: random.Random, pages: int) -> list[int]:
    """Batches of 2-4 pages; never a lone page left over unless there was only one."""
    sizes, left = [], pages
    while left >= 2:
        size = rng.randint(2, min(4, left))
        if left - size == 1:
            size = size + 1 if size < min(4, left) else size - 1
        sizes.append(size)
        left -= size
    return sizes


def structured_name(day: date, load: Load, with_vendor: bool) -> str:
    """`{JOB}__{DATE}__{AREA}__{FLOW}__{MATERIAL}__{VENDOR}.pdf`; imports have no area."""
    parts = [JOB_CODE, day.isoformat()]
    if load.source:
        parts.append(load.source)
    parts += [load.flow, load.material]
    if with_vendor:
        parts.append(load.vendor)
    return "__".join(parts) + ".pdf"


def adhoc_name(kind: str, number: int, rng: random.Random) -> str:
    """What a scanner or phone calls a file: scan_0042.pdf, IMG_2041.jpg, eticket_0042.pdf."""
    if kind == "digital":
        return f"eticket_{number:04d}.pdf"
    if kind == "scan":
        return f"scan_{number:04d}.pdf"
    suffix = rng.choice(IMAGE_SUFFIXES)
    return f"scan_{number:04d}{suffix}" if suffix == ".tif" else f"IMG_{2000 + number}{suffix}"
