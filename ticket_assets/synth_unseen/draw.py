"""A ticket-sized sheet measured in inches: printed text, rules, boxes, hand-written values and rubber stamps."""

from __future__ import annotations

import random

import numpy as np
from PIL import Image, ImageDraw

from ticket_assets.synth_unseen import fonts, hand
from ticket_assets.synth_unseen.hand import Writer

INK = (22, 22, 24)
STAMP_INKS = ((160, 30, 40), (70, 40, 140), (30, 60, 150), (170, 40, 90))
Box = tuple[int, int, int, int]  # left, top, right, bottom in pixels


class Canvas:
    """One page at `dpi`; every position is in inches from the top-left corner."""

    def __init__(self, size_in: tuple[float, float], dpi: int, paper: tuple[int, int, int], rng: random.Random):
        self.dpi, self.rng = dpi, rng
        self.width_in, self.height_in = size_in
        self.image = Image.new("RGB", (self.px(size_in[0]), self.px(size_in[1])), paper)
        self.pen = ImageDraw.Draw(self.image)
        self.regions: list[tuple[str, Box]] = []  # where each value, label and number landed, for later mishaps
        self.words: list[str] = []  # every text put on the page, printed, written or stamped, in drawing order

    def mark(self, key: str, box: Box | None) -> None:
        """Remember that `key` was drawn inside `box` (pixels)."""
        if box is not None:
            self.regions.append((key, box))

    def px(self, inches: float) -> int:
        return round(inches * self.dpi)

    def font(self, face: str, pt: float):
        return fonts.face(face, round(pt * self.dpi / 72))

    def text(self, x: float, y: float, text: str, pt: float = 9, face: str = "sans", fill=INK,
             anchor: str = "ls") -> Box:
        """Printed text; y is the baseline unless `anchor` says otherwise. Returns the ink's box in pixels."""
        at, font = (self.px(x), self.px(y)), self.font(face, pt)
        self.words.append(text)
        self.pen.text(at, text, font=font, fill=fill, anchor=anchor)
        return self.pen.textbbox(at, text, font=font, anchor=anchor)

    def width(self, text: str, pt: float, face: str = "sans") -> float:
        return self.font(face, pt).getlength(text) / self.dpi

    def turned_text(self, x: float, y: float, text: str, pt: float = 9, face: str = "sans", fill=INK) -> Box:
        """Printed text turned a quarter anticlockwise (read from the bottom up), centred at (x, y)."""
        font = self.font(face, pt)
        self.words.append(text)
        left, top, right, bottom = font.getbbox(text)
        mask = Image.new("L", (right + 2, bottom + 2), 0)
        ImageDraw.Draw(mask).text((0, 0), text, font=font, fill=255)
        mask = mask.rotate(90, expand=True)
        x0, y0 = self.px(x) - mask.width // 2, self.px(y) - mask.height // 2
        self.image.paste(Image.new("RGB", mask.size, fill), (x0, y0), mask)
        return x0, y0, x0 + mask.width, y0 + mask.height

    def line(self, x0: float, y0: float, x1: float, y1: float, weight: float = 0.8, fill=INK) -> None:
        self.pen.line((self.px(x0), self.px(y0), self.px(x1), self.px(y1)), fill=fill, width=self._stroke(weight))

    def rect(self, x0: float, y0: float, x1: float, y1: float, weight: float = 0.8, fill=None, outline=INK) -> None:
        box = (self.px(x0), self.px(y0), self.px(x1), self.px(y1))
        self.pen.rectangle(box, fill=fill, outline=outline, width=self._stroke(weight))

    def checkbox(self, x: float, y: float, label: str, ticked: bool, pt: float = 9, face: str = "sans") -> None:
        side = pt / 72
        self.rect(x, y - side, x + side, y)
        if ticked:
            self.line(x, y - side, x + side, y, 1.2, fill=(40, 40, 90))
            self.line(x + side, y - side, x, y, 1.2, fill=(40, 40, 90))
        self.text(x + side * 1.5, y, label, pt, face)

    def write(self, x: float, y: float, text: str, writer: Writer, max_width: float | None = None) -> Box:
        """Hand-written value; y is the line the writer aims at. Returns the box the ink may cover."""
        limit = self.px(max_width) if max_width else None
        self.words.append(text)
        return hand.write(self.image, self.px(x), self.px(y), text, writer, self.dpi, self.rng, limit)

    def signature(self, x: float, y: float, width: float, ink) -> None:
        """A scrawl: a few loops and a tail, the way a driver signs."""
        loops, phase = self.rng.uniform(3, 7), self.rng.uniform(0, 6.3)
        t = np.linspace(0, 1, 60)
        xs = x + width * t + 0.05 * np.sin(t * loops * 6.283 + phase)
        ys = y - 0.1 - 0.09 * np.cos(t * loops * 6.283) * (1 - t * 0.6) - 0.04 * t
        self.pen.line([(self.px(a), self.px(b)) for a, b in zip(xs, ys)], fill=ink, width=max(1, self.dpi // 100),
                      joint="curve")

    def stamp(self, x: float, y: float, lines: list[str], color, pt: float = 16, angle: float = 0.0,
              framed: bool = True, oval: bool = False) -> Box:
        """A rubber stamp centred at (x, y): framed by a box or an oval, turned by `angle` degrees, its ink patchy."""
        self.words.extend(lines)
        mask = _stamp_mask(lines, self.font("mono_bold", pt), self.dpi, framed, oval)
        mask = mask.rotate(angle, resample=Image.BICUBIC, expand=True)
        mask = _patchy(mask, self.rng)
        left, top = self.px(x) - mask.width // 2, self.px(y) - mask.height // 2
        self.image.paste(Image.new("RGB", mask.size, color), (left, top), mask)
        return left, top, left + mask.width, top + mask.height

    def _stroke(self, weight: float) -> int:
        return max(1, round(weight * self.dpi / 100))


def _stamp_mask(lines: list[str], font, dpi: int, framed: bool, oval: bool = False) -> Image.Image:
    pad, gap = dpi // 10, font.size // 4
    widths = [font.getlength(line) for line in lines]
    width, height = int(max(widths)) + 2 * pad, len(lines) * (font.size + gap) + 2 * pad
    if oval:  # an ellipse round the words needs room at its ends and its top and bottom
        pad_x, pad_y = int(width * 0.22), int(height * 0.22)
        width, height = width + 2 * pad_x, height + 2 * pad_y
        pad = pad + pad_y
    mask = Image.new("L", (width, height), 0)
    pen = ImageDraw.Draw(mask)
    for row, line in enumerate(lines):
        pen.text((width // 2, pad + row * (font.size + gap)), line, font=font, fill=255, anchor="ma")
    border = max(2, dpi // 40)
    if framed and oval:
        pen.ellipse((border, border, width - border - 1, height - border - 1), outline=255, width=border + 1)
    elif framed:
        pen.rectangle((border, border, width - border - 1, height - border - 1), outline=255, width=border)
    return mask


def _patchy(mask: Image.Image, rng: random.Random) -> Image.Image:
    """Uneven stamp ink: a coarse random field scaled up and multiplied into the mask."""
    noise = np.random.default_rng(rng.getrandbits(32)).uniform(0.35, 1.0, (6, 8))
    field = Image.fromarray((noise * 255).astype(np.uint8), "L").resize(mask.size, Image.BICUBIC)
    return Image.fromarray((np.asarray(mask, dtype=np.float32) * np.asarray(field) / 255 * 0.92).astype(np.uint8))
