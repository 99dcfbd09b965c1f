"""Make a clean ticket look scanned or photographed: skew, blur, grain, fading, carbon paper, turned pages."""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np
import pymupdf
from PIL import Image, ImageFilter

from ticket_assets.synth.draw import HEIGHT, WIDTH, draw_ticket
from ticket_assets.synth.ticket import Ticket

TURNS = (90, 180, 270)
TURN_SHARE = 0.1
FADED_SHARE = 0.2
CARBON_SHARE = {"scan": 0.25, "image": 0.5}  # phone photos in the real data are mostly yellow copies
# PIL turns counter-clockwise; truth records the clockwise turn a reader must undo.
CLOCKWISE = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}


@dataclass(frozen=True)
class Look:
    """How one page was captured."""

    skew: float  # degrees, counter-clockwise
    blur: float  # gaussian radius in pixels
    grain: float  # standard deviation of the noise, in grey levels
    contrast: float  # 1.0 crisp, lower is faded
    paper: tuple[int, int, int] | None  # carbon-copy colour, None for white paper
    rotation: int  # clockwise degrees the page was turned: 0, 90, 180 or 270
    table: int | None  # grey of the surface a photo was taken on, None for a flatbed scan


def choose_look(rng: random.Random, kind: str) -> Look:
    """A capture look for a "scan" or an "image" (phone photo) page."""
    return Look(
        skew=rng.uniform(-2, 2),
        blur=rng.uniform(0.3, 0.9),
        grain=rng.uniform(3, 10),
        contrast=rng.uniform(0.45, 0.65) if rng.random() < FADED_SHARE else 1.0,
        paper=_carbon(rng) if rng.random() < CARBON_SHARE[kind] else None,
        rotation=rng.choice(TURNS) if rng.random() < TURN_SHARE else 0,
        table=rng.randint(60, 120) if kind == "image" else None,
    )


def is_clean(look: Look | None) -> bool:
    """A born-digital page (None), or a scan lying upright on white paper, not faded."""
    return look is None or (look.rotation == 0 and look.contrast == 1.0 and look.paper is None)


def _carbon(rng: random.Random) -> tuple[int, int, int]:
    return 250, rng.randint(232, 245), rng.randint(150, 185)


def capture(ticket: Ticket, look: Look, dpi: int, seed: int) -> Image.Image:
    """The ticket as a scanner or phone would deliver it: grey, or RGB on carbon paper."""
    pixels = 255 - (255 - _render(ticket, dpi)) * look.contrast
    image = Image.fromarray(pixels.round().astype(np.uint8))
    image = _place(image, look, dpi).filter(ImageFilter.GaussianBlur(look.blur))
    image = _add_grain(image, look.grain, np.random.default_rng(seed))
    if look.paper is not None:  # a carbon copy: the ink came through grey on coloured paper
        image = _tint(image, look.paper)
    return image.transpose(CLOCKWISE[look.rotation]) if look.rotation else image


def _render(ticket: Ticket, dpi: int) -> np.ndarray:
    with pymupdf.open() as doc:
        page = doc.new_page(width=WIDTH, height=HEIGHT)
        draw_ticket(page, ticket)
        pixmap = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    rows = np.frombuffer(pixmap.samples, dtype=np.uint8).reshape(pixmap.height, pixmap.stride)
    return rows[:, : pixmap.width].astype(np.float32)


def _place(image: Image.Image, look: Look, dpi: int) -> Image.Image:
    """Skew the paper on the scanner glass, or lay it on a table with a border around it for a photo."""
    background = 255 if look.table is None else look.table
    if look.table is not None:
        border = dpi // 4
        framed = Image.new("L", (image.width + 2 * border, image.height + 2 * border), background)
        framed.paste(image, (border, border))
        image = framed
    return image.rotate(look.skew, resample=Image.Resampling.BILINEAR, fillcolor=background)


def _tint(image: Image.Image, paper: tuple[int, int, int]) -> Image.Image:
    grey = np.asarray(image, dtype=np.float32)[:, :, None]
    return Image.fromarray((grey * (np.array(paper, dtype=np.float32) / 255)).round().astype(np.uint8), "RGB")


def _add_grain(image: Image.Image, sigma: float, rng: np.random.Generator) -> Image.Image:
    pixels = np.asarray(image, dtype=np.float32)
    noisy = pixels + sigma * rng.standard_normal(pixels.shape, dtype=np.float32)
    return Image.fromarray(np.clip(noisy, 0, 255).round().astype(np.uint8))
