"""What happens to a paper ticket between the truck and the scanner: a coffee ring or a highlighter stroke over a
field, a fold, an edge the scanner missed, another ticket lying under it. Each leaves every value legible."""

from __future__ import annotations

import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from ticket_assets.synth_unseen.draw import Box, Canvas
from ticket_assets.synth_unseen.mishaps_v8 import fold_shadow, sticky_note
from ticket_assets.synth_unseen.sheet import TRUTH_FIELD

MISHAPS = {"scan": ("coffee", "highlighter", "crease", "cut", "behind", "fax"),
           "image": ("coffee", "highlighter", "crease", "cut")}
V3_MISHAPS = {"scan": ("staple", "punch_holes", "steep_skew"), "image": ("staple", "steep_skew")}
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
    if mishap == "staple":
        return _staple(c, rng) or _crease(image, rng)
    if mishap == "punch_holes":
        return _punch_holes(c, rng) or _crease(image, rng)
    if mishap == "sticky_note":
        return sticky_note(c, rng) or fold_shadow(image, rng)
    if mishap == "fold_shadow":
        return fold_shadow(image, rng)
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


def _is_free(c: Canvas, box: Box) -> bool:
    """Nothing drawn that a reader needs (label, value, number, header) lies under `box`."""
    return not any(a[0] < box[2] and box[0] < a[2] and a[1] < box[3] and box[1] < a[3] for _, a in c.regions)


def _staple(c: Canvas, rng: random.Random) -> Image.Image | None:
    """A staple through a free corner, with its shadow and the two holes a pulled staple left beside it; None
    when no corner is free."""
    w, h, size = c.image.width, c.image.height, c.px(0.5)
    corners = [(x, y) for x in (c.px(0.1), w - c.px(0.6)) for y in (c.px(0.08), h - c.px(0.5))]
    free = [(x, y) for x, y in corners if _is_free(c, (x, y, x + size, y + size))]
    if not free:
        return None
    x, y = rng.choice(free)
    image = c.image.copy()
    pen = ImageDraw.Draw(image)
    slant = rng.uniform(-0.25, 0.25) * size
    start, end = (x + size * 0.1, y + size * 0.5 + slant), (x + size * 0.9, y + size * 0.5 - slant)
    thick = max(2, c.dpi // 35)
    pen.line([(a + thick, b + thick) for a, b in (start, end)], fill=(150, 150, 145), width=thick + 1)
    pen.line([start, end], fill=(95, 98, 105), width=thick)
    for dx in (0.25, 0.7):
        hx, hy = x + size * dx, y + size * 0.2
        pen.ellipse((hx - 2, hy - 2, hx + 2, hy + 2), fill=(70, 70, 70))
    return image


def _punch_holes(c: Canvas, rng: random.Random) -> Image.Image | None:
    """Two or three binder holes along a free edge, showing the scanner lid with a thin shadow rim; None when no
    edge is free of fields."""
    w, h, radius = c.image.width, c.image.height, c.px(0.13)
    inset = c.px(0.3)
    edges = {"left": [(inset, int(h * f)) for f in (0.2, 0.5, 0.8)],
             "top": [(int(w * f), inset) for f in (0.25, 0.75)],
             "right": [(w - inset, int(h * f)) for f in (0.2, 0.5, 0.8)]}
    free = [holes for _, holes in sorted(edges.items())
            if all(_is_free(c, (x - radius, y - radius, x + radius, y + radius)) for x, y in holes)]
    if not free:
        return None
    image = c.image.copy()
    pen = ImageDraw.Draw(image)
    for x, y in rng.choice(free):
        pen.ellipse((x - radius, y - radius, x + radius, y + radius), fill=LID, outline=(120, 120, 118),
                    width=max(1, c.dpi // 60))
    return image
