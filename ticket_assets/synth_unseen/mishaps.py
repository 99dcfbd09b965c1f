"""What happens to a paper ticket between the truck and the scanner: a coffee ring or a highlighter stroke over a
field, a fold, an edge the scanner missed, another ticket lying under it. Each leaves every value legible."""

from __future__ import annotations

import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from ticket_assets.synth_unseen.draw import Box, Canvas
from ticket_assets.synth_unseen.sheet import TRUTH_FIELD

MISHAPS = {"scan": ("coffee", "highlighter", "crease", "cut", "behind", "fax"),
           "image": ("coffee", "highlighter", "crease", "cut")}
COFFEE = (150, 100, 50)
HIGHLIGHTERS = ((250, 238, 70), (160, 245, 120), (250, 160, 215))
LID = (251, 251, 250)
CUT_CLEARANCE = 0.18  # inches kept between a cut edge and the nearest label or value


def mark_paper(c: Canvas, mishap: str | None, rng: random.Random) -> Image.Image:
    """The drawn ticket after the mishaps that happen to the paper itself; others pass it through."""
    image = c.image
    if mishap == "cut":
        return _cut(c, rng) or _crease(image, rng)
    if mishap == "coffee":
        return _coffee(image, _target(c, rng), rng, c.dpi)
    if mishap == "highlighter":
        return _highlight(image, _target(c, rng), rng, c.dpi)
    if mishap == "crease":
        return _crease(image, rng)
    return image


def _target(c: Canvas, rng: random.Random) -> Box:
    """A field someone marked: the ticket number or one of the values the truth holds."""
    fields = [box for key, box in c.regions
              if key == "ticket" or (key.startswith("value:") and key[6:] in TRUTH_FIELD)]
    return rng.choice(fields or [box for _, box in c.regions] or [(0, 0, c.image.width, c.image.height)])


def _tint(image: Image.Image, alpha: np.ndarray, color: tuple[int, int, int], left: int, top: int) -> Image.Image:
    """Multiply `color` into the image with per-pixel strength `alpha`, placed at (left, top): ink stays darker."""
    pixels = np.asarray(image, dtype=np.float32).copy()
    h, w = alpha.shape
    x0, y0, x1, y1 = max(0, left), max(0, top), min(image.width, left + w), min(image.height, top + h)
    if x1 <= x0 or y1 <= y0:
        return image
    a = alpha[y0 - top: y1 - top, x0 - left: x1 - left, None]
    factor = 1 - a * (1 - np.asarray(color, dtype=np.float32) / 255)
    pixels[y0:y1, x0:x1] *= factor
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _coffee(image: Image.Image, box: Box, rng: random.Random, dpi: int) -> Image.Image:
    """The ring a mug leaves: a darker, uneven rim and a faint wash inside, centred near the field."""
    radius = rng.uniform(0.35, 0.6) * dpi
    cx = rng.uniform(box[0], box[2]) + rng.uniform(-0.5, 0.5) * radius
    cy = (box[1] + box[3]) / 2 + rng.choice((-1, 1)) * rng.uniform(0.3, 0.8) * radius
    size = int(radius * 2.6)
    ys, xs = np.mgrid[0:size, 0:size].astype(np.float32) - size / 2
    angle = np.arctan2(ys, xs)
    wobble = 1 + 0.05 * np.sin(3 * angle + rng.uniform(0, 6.3)) + 0.03 * np.sin(7 * angle + rng.uniform(0, 6.3))
    distance = np.hypot(xs, ys * rng.uniform(0.85, 1.15)) / wobble
    rim = np.exp(-(((distance - radius) / (0.035 * dpi)) ** 2)) * rng.uniform(0.35, 0.55)
    rim *= 0.6 + 0.4 * np.cos(angle - rng.uniform(0, 6.3)) ** 2  # a rim heavier on one side, as a mug tilts
    wash = (distance < radius) * rng.uniform(0.08, 0.16)
    alpha = np.asarray(Image.fromarray(((rim + wash) * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1.2)),
                       dtype=np.float32) / 255
    return _tint(image, alpha, COFFEE, int(cx - size / 2), int(cy - size / 2))


def _highlight(image: Image.Image, box: Box, rng: random.Random, dpi: int) -> Image.Image:
    """A felt highlighter stroke over the field, a little wider than it, its ends ragged."""
    pad_x, pad_y = int(0.06 * dpi), int(0.03 * dpi)
    width, height = box[2] - box[0] + 2 * pad_x, box[3] - box[1] + 2 * pad_y
    alpha = np.full((height, width), rng.uniform(0.5, 0.7), dtype=np.float32)
    ragged = np.random.default_rng(rng.getrandbits(32)).integers(0, max(2, pad_x), size=height)
    for row, cut in enumerate(ragged):
        alpha[row, :cut] = 0
        alpha[row, width - cut // 2 - 1:] = 0
    stroke = Image.fromarray((alpha * 255).astype(np.uint8)).rotate(rng.uniform(-2, 2), expand=True)
    alpha = np.asarray(stroke, dtype=np.float32) / 255
    return _tint(image, alpha, rng.choice(HIGHLIGHTERS), box[0] - pad_x, box[1] - pad_y)


def _crease(image: Image.Image, rng: random.Random) -> Image.Image:
    """A fold across the page: a dark thin line, a bright ridge on one side, a soft shadow on the other."""
    pixels = np.asarray(image, dtype=np.float32)
    h, w = pixels.shape[:2]
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    across = rng.random() < 0.65
    at, slope = rng.uniform(0.3, 0.7), rng.uniform(-0.03, 0.03)
    distance = (ys - at * h - slope * xs) if across else (xs - at * w - slope * ys)
    light = (-45 * np.exp(-((distance / 0.9) ** 2)) + 16 * np.exp(-(((distance + 3) / 2.0) ** 2))
             - 22 * np.exp(-np.clip(distance, 0, None) / 6.0) * (distance > 0))
    return Image.fromarray(np.clip(pixels + light[..., None], 0, 255).astype(np.uint8))


def _cut(c: Canvas, rng: random.Random) -> Image.Image | None:
    """The page with one edge missing, as when it hung over the scanner glass; None when no edge has room."""
    box = cut_box(c, rng)
    return c.image.crop(box) if box else None


def cut_box(c: Canvas, rng: random.Random) -> Box | None:
    """The part of the page a cut keeps: one edge loses up to 1.2 inches, never closer than `CUT_CLEARANCE` to a
    label, value, number or the vendor's name. None when no edge has room to lose."""
    w, h, boxes = c.image.width, c.image.height, [box for _, box in c.regions]
    if not boxes:
        return None
    room = {"left": min(b[0] for b in boxes), "top": min(b[1] for b in boxes),
            "right": w - max(b[2] for b in boxes), "bottom": h - max(b[3] for b in boxes)}
    clearance = c.px(CUT_CLEARANCE)
    edges = sorted(edge for edge, free in room.items() if free - clearance >= c.px(0.15))
    if not edges:
        return None
    edge = rng.choice(edges)
    depth = int(rng.uniform(0.5, 1.0) * min(room[edge] - clearance, c.px(1.2)))
    return {"left": (depth, 0, w, h), "top": (0, depth, w, h), "right": (0, 0, w - depth, h),
            "bottom": (0, 0, w, h - depth)}[edge]


def lay_over(page: Image.Image, under: Image.Image, rng: random.Random, dpi: int) -> Image.Image:
    """`page` on top of another ticket on the scanner glass: the other shows past its right or bottom edge."""
    sides = rng.choice(("right", "bottom", "both"))
    peek_x = int(rng.uniform(0.35, 0.9) * dpi) if sides != "bottom" else 0
    peek_y = int(rng.uniform(0.3, 0.7) * dpi) if sides != "right" else 0
    glass = Image.new("RGB", (page.width + peek_x, page.height + peek_y), LID)
    under = under.rotate(rng.uniform(-4, 4), resample=Image.BICUBIC, expand=True, fillcolor=LID)
    left = page.width + peek_x - int(under.width * rng.uniform(0.6, 1.0)) if peek_x else -int(0.2 * dpi)
    top = page.height + peek_y - int(under.height * rng.uniform(0.6, 1.0)) if peek_y else int(0.2 * dpi)
    glass.paste(under, (left, top))
    shadow = Image.new("L", glass.size, 0)
    ImageDraw.Draw(shadow).rectangle((3, 3, page.width + 3, page.height + 3), fill=90)
    shade = Image.new("RGB", glass.size, (60, 60, 60))
    glass.paste(shade, (0, 0), shadow.filter(ImageFilter.GaussianBlur(max(2, dpi // 30))))
    glass.paste(page, (0, 0))
    return glass
