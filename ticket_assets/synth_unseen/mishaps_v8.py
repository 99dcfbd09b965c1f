"""The eighth round's mishaps on the way to the scanner: a sticky note left on the ticket over a field no record
needs, and a ticket that was folded in three for the driver's pocket, its panels not lying flat on the glass. A
phone photo at a steep angle is the camera's (capture). Each leaves every value the truth holds legible."""

from __future__ import annotations

import random

import numpy as np
from PIL import Image, ImageFilter

from ticket_assets.synth_unseen import hand
from ticket_assets.synth_unseen.draw import Box, Canvas
from ticket_assets.synth_unseen.parts import overlap
from ticket_assets.synth_unseen.sheet import TRUTH_FIELD

V8_MISHAPS = {"scan": ("sticky_note", "fold_shadow"), "image": ("sticky_note", "fold_shadow", "keystone")}
NOTE_PAPERS = ((252, 240, 120), (250, 196, 214), (190, 240, 170))
NOTE_WORDS = ("pd", "call dispatch", "copy to AP", "see Mike", "OK per JR", "2 of 3")
SPARED_KEYS = ("customer", "job", "po", "driver", "trailer", "pit_ticket", "remarks")  # what a note may cover
NOTE_SIDE = 1.25  # inches, a small pad's square
TRIES = 40


def sticky_note(c: Canvas, rng: random.Random) -> Image.Image | None:
    """The page with a square note stuck over the end of a field no record needs (the blank end of its line, or
    its label or value), a few words on it in pen, hanging off the paper's edge at times; None when no such
    field has room for it beside the values, the number and the header."""
    spared = [box for key, box in c.regions if key.split(":")[-1] in SPARED_KEYS]
    note, mask = _note(c, rng)
    for _ in range(TRIES if spared else 0):
        field = rng.choice(spared)
        left = int(rng.uniform(field[0], c.image.width - mask.width * 0.6))
        top = int((field[1] + field[3]) / 2 - mask.height * rng.uniform(0.2, 0.8))
        spot = (left, top, left + mask.width, top + mask.height)
        if top >= 0 and spot[3] <= c.image.height and not any(overlap(spot, box) for box in _needed(c)):
            return _stick(c.image, note, mask, (left, top), c.dpi)
    return None


def _note(c: Canvas, rng: random.Random) -> tuple[Image.Image, Image.Image]:
    """The note and its shape, turned a little as a hand sticks it."""
    side = c.px(NOTE_SIDE)
    note = Image.new("RGB", (side, side), rng.choice(NOTE_PAPERS))
    writer = hand.choose_writer(rng, carbon=False)
    hand.write(note, c.px(0.12), c.px(0.55), rng.choice(NOTE_WORDS), writer, c.dpi, rng, side - c.px(0.2))
    angle = rng.uniform(-9, 9)
    mask = Image.new("L", note.size, 255).rotate(angle, resample=Image.BICUBIC, expand=True)
    return note.rotate(angle, resample=Image.BICUBIC, expand=True), mask


def _needed(c: Canvas) -> list[Box]:
    """Where the ticket number, the header and every truth label and value landed."""
    return [box for key, box in c.regions
            if key in ("ticket", "header") or (":" in key and key.split(":")[1] in TRUTH_FIELD)]


def _stick(page: Image.Image, note: Image.Image, mask: Image.Image, at: tuple[int, int], dpi: int) -> Image.Image:
    """The note pasted at `at` over the soft shadow its lifted lower edge casts."""
    page = page.copy()
    shift = max(2, dpi // 40)
    shadow = mask.point(lambda v: v * 90 // 255).filter(ImageFilter.GaussianBlur(shift))
    page.paste(Image.new("RGB", mask.size, (70, 70, 70)), (at[0] + shift, at[1] + shift), shadow)
    page.paste(note, at, mask)
    return page


def fold_shadow(image: Image.Image, rng: random.Random) -> Image.Image:
    """The ticket unfolded on the glass after living folded in three: across its long side two folds, each with a
    thin dark valley and a soft shadow where a panel lifts off the glass toward it."""
    pixels = np.asarray(image, dtype=np.float32)
    h, w = pixels.shape[:2]
    along = np.arange(h if h >= w else w, dtype=np.float32)
    light = np.ones_like(along)
    for third in (1 / 3, 2 / 3):
        at = along.size * (third + rng.uniform(-0.03, 0.03))
        distance = along - at
        reach = along.size * rng.uniform(0.04, 0.08)
        lifted = np.where(distance * rng.choice((-1, 1)) > 0, np.exp(-np.abs(distance) / reach), 0.0)
        light *= 1 - rng.uniform(0.15, 0.28) * lifted - 0.3 * np.exp(-((distance / 1.2) ** 2))
    field = light[:, None] if h >= w else light[None, :]
    return Image.fromarray(np.clip(pixels * field[..., None], 0, 255).astype(np.uint8))
