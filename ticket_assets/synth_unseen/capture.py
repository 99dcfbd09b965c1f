"""How a page reaches the inbox: through an office scanner (tilt, speckle, fading, turned over) or a phone
camera (perspective, shadow, uneven light, fewer pixels)."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageEnhance, ImageFilter

from ticket_assets.synth_unseen import fonts
from ticket_assets.synth_unseen.mishaps import MISHAPS, V3_MISHAPS
from ticket_assets.synth_unseen.mishaps_v8 import V8_MISHAPS

WHITE = (255, 255, 255)
TURNS = {0: None, 90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}
BACKGROUNDS = ((70, 62, 55), (40, 42, 48), (120, 110, 96), (150, 150, 145), (92, 70, 50))
MISHAP_SHARE = 0.7  # new-variant pages that also suffer one of the new mishaps
V3_MISHAP_SHARE = 0.5  # v3 pages that also suffer one of the third round's mishaps
STEEP_SKEW = (4.0, 7.0)  # degrees a page lies askew on the glass or under the phone, either way
V8_MISHAP_SHARE = 0.5  # v8 pages that also suffer one of the eighth round's mishaps
KEYSTONE = (0.1, 0.16)  # how far in (share of the width) the far edge of a page shot at a steep angle draws
FAX_HEADERS = ("FAX FROM: 214 555 0147   JOBSITE OFFICE", "RCVD BY FAX  972-555-0160  FIELD TRAILER",
               "FROM: SITE OFFICE FAX   469 555 0112")


@dataclass(frozen=True)
class Look:
    """One capture; `rotation` is how far (degrees, clockwise) the page is turned in the file."""

    kind: str
    rotation: int
    skew: float
    speckle: float
    fade: float
    blur: float
    mild: bool
    tilt: float = 0.0
    shadow: float = 0.0
    scale: float = 1.0
    background: tuple[int, int, int] = WHITE
    mishap: str | None = None  # one of mishaps.MISHAPS, or none


def choose_look(rng: random.Random, kind: str, variant: str = "base") -> Look:
    """How this page is captured; a "v2" page mostly also meets one of the second round's mishaps, a v3 page
    often one of the third round's."""
    look = _phone_look(rng) if kind == "image" else _scan_look(rng)
    if variant.startswith("v3"):
        return _v3_mishap(rng, look) if rng.random() < V3_MISHAP_SHARE else look
    if variant == "v8":
        return _v8_mishap(rng, look) if rng.random() < V8_MISHAP_SHARE else look
    if variant != "v2" or rng.random() >= MISHAP_SHARE:
        return look
    mishap = rng.choice(MISHAPS[kind])
    if mishap == "fax":  # a fax machine's own loss of contrast replaces the scanner's fading and blur
        return replace(look, mishap=mishap, mild=False, fade=0.0, blur=min(look.blur, 0.3), rotation=0)
    return replace(look, mishap=mishap, mild=False)


def _v3_mishap(rng: random.Random, look: Look) -> Look:
    mishap = rng.choice(V3_MISHAPS[look.kind])
    if mishap == "steep_skew":
        return replace(look, mishap=mishap, mild=False, skew=rng.choice((-1, 1)) * rng.uniform(*STEEP_SKEW))
    return replace(look, mishap=mishap, mild=False)


def _v8_mishap(rng: random.Random, look: Look) -> Look:
    """A v8 mishap; a photo at a steep angle is taken close enough that the phone keeps every pixel."""
    mishap = rng.choice(V8_MISHAPS[look.kind])
    if mishap == "keystone":
        return replace(look, mishap=mishap, mild=False, tilt=rng.uniform(*KEYSTONE), scale=1.0)
    return replace(look, mishap=mishap, mild=False)


def _scan_look(rng: random.Random) -> Look:
    if rng.random() < 0.4:
        return Look("scan", 0, rng.uniform(-0.4, 0.4), 0.0005, 0.0, 0.0, mild=True)
    rotation = rng.choice((0, 0, 0, 0, 0, 180, 180, 90, 270))
    return Look("scan", rotation, rng.uniform(-2.5, 2.5), rng.uniform(0.001, 0.006), rng.uniform(0.0, 0.35),
                rng.uniform(0.0, 0.8), mild=False)


def _phone_look(rng: random.Random) -> Look:
    return Look("image", rng.choice((0, 0, 0, 90, 270)), rng.uniform(-4, 4), 0.0,
                rng.uniform(0.0, 0.15), rng.uniform(0.3, 0.9), mild=False, tilt=rng.uniform(0.03, 0.1),
                shadow=rng.uniform(0.15, 0.45), scale=rng.uniform(0.8, 1.0), background=rng.choice(BACKGROUNDS))


def capture(page: Image.Image, look: Look, carbon: bool, rng: random.Random) -> Image.Image:
    """The page as the file holds it."""
    seed = rng.getrandbits(32)
    if carbon:
        page = _smudge(page, rng)
    page = _fade(page, look.fade)
    if look.kind == "image":
        page = _photograph(page, look, rng)
    else:
        page = page.rotate(look.skew, resample=Image.BICUBIC, fillcolor=WHITE)
    if look.blur:
        page = page.filter(ImageFilter.GaussianBlur(look.blur))
    page = _speckle(page, look.speckle, seed) if look.kind == "scan" else _grain(page, seed)
    if look.mishap == "fax":
        page = _fax(page, rng)
    return page.transpose(TURNS[look.rotation]) if TURNS[look.rotation] is not None else page


def _smudge(page: Image.Image, rng: random.Random) -> Image.Image:
    """Carbon copies ghost: a faint, offset, softened second impression of everything written."""
    shift = (rng.randint(1, 3), rng.randint(-1, 1))
    ghost = ImageChops.offset(page, *shift).filter(ImageFilter.GaussianBlur(1.2))
    return ImageChops.darker(page, Image.blend(page, ghost, 0.55)).filter(ImageFilter.GaussianBlur(0.35))


def _fade(page: Image.Image, fade: float) -> Image.Image:
    if fade <= 0:
        return page
    page = ImageEnhance.Contrast(page).enhance(1 - fade)
    return ImageEnhance.Brightness(page).enhance(1 + fade / 3)


def _speckle(page: Image.Image, share: float, seed: int) -> Image.Image:
    """Dust and toner dots on the glass: a small share of pixels turned dark or light."""
    if share <= 0:
        return page
    noise = np.random.default_rng(seed)
    pixels = np.asarray(page).copy()
    hits = noise.random(pixels.shape[:2]) < share
    pixels[hits] = noise.choice([30, 235], size=(int(hits.sum()), 1))
    return Image.fromarray(pixels)


def _grain(page: Image.Image, seed: int) -> Image.Image:
    """A phone sensor's noise in dim light."""
    noise = np.random.default_rng(seed).normal(0, 6, (page.height, page.width, 1))
    return Image.fromarray(np.clip(np.asarray(page, dtype=np.float32) + noise, 0, 255).astype(np.uint8))


def _photograph(page: Image.Image, look: Look, rng: random.Random) -> Image.Image:
    """The page lying on a seat or a tailgate, shot at an angle, a shadow across it, then scaled down."""
    margin_x, margin_y = page.width // 10, page.height // 10
    scene = Image.new("RGB", (page.width + 2 * margin_x, page.height + 2 * margin_y), look.background)
    scene.paste(page.rotate(look.skew, resample=Image.BICUBIC, expand=True, fillcolor=look.background),
                (margin_x + rng.randint(-margin_x // 2, margin_x // 2), margin_y + rng.randint(-margin_y // 2,
                                                                                                margin_y // 2)))
    if look.mishap == "keystone":
        scene = _keystone(scene, look.tilt, look.background, rng)
    else:
        scene = _perspective(scene, look.tilt, look.background, rng)
    scene = _shade(scene, look.shadow, rng)
    size = (round(scene.width * look.scale), round(scene.height * look.scale))
    return scene.resize(size, Image.BILINEAR)


def _perspective(scene: Image.Image, tilt: float, background: tuple[int, int, int],
                 rng: random.Random) -> Image.Image:
    """Move each corner inward by up to `tilt` of the side, as a camera held off square sees it."""
    w, h = scene.size
    corners = [(0, 0), (w, 0), (w, h), (0, h)]
    seen = [(x + _inward(x, w, tilt, rng), y + _inward(y, h, tilt, rng)) for x, y in corners]
    coefficients = _perspective_coefficients(corners, seen)
    return scene.transform(scene.size, Image.PERSPECTIVE, coefficients, resample=Image.BICUBIC,
                           fillcolor=background)


def _keystone(scene: Image.Image, depth: float, background: tuple[int, int, int],
              rng: random.Random) -> Image.Image:
    """The page shot from low over one end: that end looks wide, the far end narrow and pushed back."""
    w, h = scene.size
    inset, drop = depth * w, depth * h / 2
    corners = [(0, 0), (w, 0), (w, h), (0, h)]
    seen = [(inset, drop), (w - inset, drop), (w, h), (0, h)]
    if rng.random() < 0.5:  # the far end is the foot of the page
        seen = [(0, 0), (w, 0), (w - inset, h - drop), (inset, h - drop)]
    coefficients = _perspective_coefficients(corners, seen)
    return scene.transform(scene.size, Image.PERSPECTIVE, coefficients, resample=Image.BICUBIC,
                           fillcolor=background)


def _inward(at: float, side: float, tilt: float, rng: random.Random) -> float:
    return rng.uniform(0, tilt) * side * (1 if at == 0 else -1)


def _perspective_coefficients(target: list[tuple[float, float]], source: list[tuple[float, float]]) -> list[float]:
    """PIL's eight coefficients mapping each output corner in `source` back to the scene corner in `target`."""
    rows, rhs = [], []
    for (x, y), (u, v) in zip(source, target):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs += [u, v]
    return list(np.linalg.solve(np.array(rows, dtype=float), np.array(rhs, dtype=float)))


def _shade(scene: Image.Image, strength: float, rng: random.Random) -> Image.Image:
    """Light falling off across the page and the soft shadow of the phone and hand over one edge."""
    w, h = scene.size
    across = np.linspace(1.0, 1.0 - strength * 0.6, w)[None, :]
    if rng.random() < 0.5:
        across = across[:, ::-1]
    light = np.repeat(across, h, axis=0)
    edge = rng.uniform(0.2, 0.45)
    light[int(h * (1 - edge)):, : int(w * rng.uniform(0.3, 0.7))] *= 1.0 - strength
    mask = Image.fromarray((light * 255).astype(np.uint8), "L").filter(ImageFilter.GaussianBlur(w / 40))
    warm = Image.merge("RGB", [mask.point(lambda v, k=k: int(v * k)) for k in (1.0, 0.97, 0.9)])
    return ImageChops.multiply(scene, warm)


def _fax(page: Image.Image, rng: random.Random) -> Image.Image:
    """A page that went through a fax: grey, flat contrast, streaky scan lines, the sender's header on top."""
    grey = np.asarray(page.convert("L"), dtype=np.float32)
    grey = 255 - (255 - grey) * rng.uniform(0.65, 0.75)
    grey *= rng.uniform(0.86, 0.93)
    streaks = np.random.default_rng(rng.getrandbits(32)).random(grey.shape[0]) < 0.015
    grey[streaks] -= rng.uniform(12, 25)
    band = max(12, page.height // 40)
    faxed = Image.new("L", (page.width, page.height + band), int(grey.mean()))
    faxed.paste(Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8)), (0, band))
    header = f"{rng.choice(FAX_HEADERS)}   P.{rng.randint(1, 6):02d}"
    ImageDraw.Draw(faxed).text((band // 2, band // 2), header, fill=70, anchor="lm",
                               font=fonts.face("mono", max(8, band * 2 // 3)))
    return faxed.filter(ImageFilter.GaussianBlur(0.4)).convert("RGB")
