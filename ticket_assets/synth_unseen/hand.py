"""Writing by hand: glyph by glyph, with slant, a wandering baseline, uneven size and pressure."""

from __future__ import annotations

import random
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from ticket_assets.synth_unseen import fonts

PEN_INKS = ((28, 45, 140), (25, 25, 30), (40, 40, 95), (95, 95, 100))
CARBON_INKS = ((70, 75, 125), (85, 85, 110), (60, 60, 90))
PENCIL = ((118, 118, 122), (135, 133, 130), (105, 108, 112))  # graphite: grey and faint


@dataclass(frozen=True)
class Writer:
    """One person's hand on one ticket."""

    font_path: str | None
    size_pt: float
    slant: float
    jitter_deg: float
    ink: tuple[int, int, int]
    caps: bool
    bold: bool


def choose_writer(rng: random.Random, carbon: bool) -> Writer:
    return Writer(
        font_path=rng.choice(fonts.handwriting_paths() or (None,)),
        size_pt=rng.uniform(11.5, 15.0),
        slant=rng.uniform(0.05, 0.3),
        jitter_deg=rng.uniform(2.0, 7.0),
        ink=rng.choice(CARBON_INKS if carbon else PEN_INKS),
        caps=rng.random() < 0.45,
        bold=rng.random() < 0.3,
    )


def write(image: Image.Image, x: int, baseline: int, text: str, writer: Writer, dpi: int,
          rng: random.Random, max_width: int | None = None) -> tuple[int, int, int, int]:
    """Write `text` by hand on `image`, starting at pixel x with its baseline near pixel `baseline`; returns the
    box (pixels) the ink may cover."""
    text = text.upper() if writer.caps else text
    px = _fitting_size(text, writer, dpi, max_width)
    mask, base = _word_mask(text, writer, px, rng)
    mask = _roughen(mask, writer, rng, dpi)
    strength = rng.uniform(0.72, 1.0)
    mask = mask.point(lambda v: int(v * strength))
    ink = Image.new("RGB", mask.size, writer.ink)
    top = baseline - base + rng.randint(-2, 2) * dpi // 100
    image.paste(ink, (x, top), mask)
    return x, top, x + mask.width, top + mask.height


def _fitting_size(text: str, writer: Writer, dpi: int, max_width: int | None) -> int:
    px = round(writer.size_pt * dpi / 72)
    if max_width:
        natural = fonts.load(writer.font_path, px).getlength(text) * (1.08 + writer.slant / 2)
        if natural > max_width:
            px = max(int(px * max_width / natural), round(7 * dpi / 72))
    return px


def _word_mask(text: str, writer: Writer, px: int, rng: random.Random) -> tuple[Image.Image, int]:
    """The word's ink as a grey mask and the row of its baseline; each glyph turned, sized and lifted alone."""
    width = int(fonts.load(writer.font_path, px).getlength(text) * 1.25) + 2 * px
    height, base = int(px * 2.4), int(px * 1.6)
    mask = Image.new("L", (width, height), 0)
    cursor, drift = px * 0.3, 0.0
    for char in text:
        drift = max(-0.18 * px, min(0.18 * px, drift + rng.uniform(-0.07, 0.07) * px))
        size = max(6, round(px * rng.uniform(0.88, 1.12)))
        if char != " ":
            _place_glyph(mask, char, fonts.load(writer.font_path, size), (cursor, base + drift), writer, rng)
        advance = fonts.load(writer.font_path, size).getlength(char)
        cursor += advance * (rng.uniform(0.95, 1.3) if char == " " else rng.uniform(0.9, 1.05))
    return mask.crop((0, 0, min(width, int(cursor + px)), height)), base


def _place_glyph(mask: Image.Image, char: str, font, at: tuple[float, float], writer: Writer,
                 rng: random.Random) -> None:
    box = font.size * 2
    glyph = Image.new("L", (box, box), 0)
    ImageDraw.Draw(glyph).text((box // 4, box * 3 // 4), char, font=font, fill=255, anchor="ls")
    glyph = glyph.rotate(rng.uniform(-writer.jitter_deg, writer.jitter_deg), resample=Image.BICUBIC,
                         center=(box // 4, box * 3 // 4))
    left, top = int(at[0] - box // 4), int(at[1] - box * 3 // 4)
    region = (left, top, left + box, top + box)
    mask.paste(ImageChops.lighter(mask.crop(region), glyph), region)


def _roughen(mask: Image.Image, writer: Writer, rng: random.Random, dpi: int) -> Image.Image:
    """Slant the whole word, tilt its line a little, and thicken a felt-tip pen's stroke."""
    shear = writer.slant
    width = mask.width + int(shear * mask.height)
    mask = mask.transform((width, mask.height), Image.AFFINE, (1, shear, -shear * mask.height, 0, 1, 0),
                          resample=Image.BICUBIC)
    mask = mask.rotate(rng.uniform(-2.5, 2.5), resample=Image.BICUBIC, expand=False)
    if (writer.bold and mask.height >= 60) or dpi >= 200:
        mask = mask.filter(ImageFilter.MaxFilter(3))
    return mask
