"""Fonts found on this machine: print faces for forms, and a handwriting face when one is installed."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts")
FACES = {
    "sans": ("LiberationSans-Regular.ttf", "DejaVuSans.ttf"),
    "sans_bold": ("LiberationSans-Bold.ttf", "DejaVuSans-Bold.ttf"),
    "narrow": ("LiberationSansNarrow-Regular.ttf", "DejaVuSansCondensed.ttf"),
    "narrow_bold": ("LiberationSansNarrow-Bold.ttf", "DejaVuSansCondensed-Bold.ttf"),
    "serif": ("LiberationSerif-Regular.ttf", "DejaVuSerif.ttf"),
    "serif_bold": ("LiberationSerif-Bold.ttf", "DejaVuSerif-Bold.ttf"),
    "mono": ("DejaVuSansMono.ttf", "LiberationMono-Regular.ttf"),
    "mono_bold": ("DejaVuSansMono-Bold.ttf", "LiberationMono-Bold.ttf"),
    "cond": ("DejaVuSansCondensed.ttf", "LiberationSansNarrow-Regular.ttf"),
    "cond_bold": ("DejaVuSansCondensed-Bold.ttf", "LiberationSansNarrow-Bold.ttf"),
}
HANDWRITING_PATTERNS = ("*Caveat*", "*Kalam*", "*PatrickHand*", "*IndieFlower*", "*Handlee*", "*Comic*",
                        "*Marker*", "*ShadowsIntoLight*", "*Gochi*", "*Architect*", "*Hand*.ttf")
SLANTED_FACES = ("DejaVuSans-Oblique.ttf", "LiberationSansNarrow-Italic.ttf", "DejaVuSansCondensed-Oblique.ttf",
                 "LiberationSans-Italic.ttf", "DejaVuSans-ExtraLight.ttf", "LiberationSerif-Italic.ttf")


@lru_cache(maxsize=None)
def _installed() -> dict[str, str]:
    """File name to path for every TrueType/OpenType font in the usual folders, first found wins."""
    found: dict[str, str] = {}
    for folder in FONT_DIRS:
        if folder.is_dir():
            for path in sorted(folder.rglob("*.[ot]tf")):
                found.setdefault(path.name, str(path))
    return found


def face_path(face: str) -> str | None:
    return next((_installed()[name] for name in FACES[face] if name in _installed()), None)


@lru_cache(maxsize=None)
def handwriting_paths() -> tuple[str, ...]:
    """Handwriting fonts if the machine has any, else slanted print faces the pen module roughens up."""
    hands = sorted({str(p) for folder in FONT_DIRS if folder.is_dir()
                    for pattern in HANDWRITING_PATTERNS for p in folder.rglob(pattern)})
    if hands:
        return tuple(hands)
    return tuple(_installed()[name] for name in SLANTED_FACES if name in _installed())


@lru_cache(maxsize=512)
def load(path: str | None, px: int) -> ImageFont.FreeTypeFont:
    px = max(px, 6)
    return ImageFont.truetype(path, px) if path else ImageFont.load_default(px)


def face(name: str, px: int) -> ImageFont.FreeTypeFont:
    return load(face_path(name), px)
