"""Tesseract through pytesseract: words from `image_to_data`, grouped into its own lines.

Tesseract is a separate binary per page; the pool sets OMP_THREAD_LIMIT=1 in each
reading process so that each call stays on one core (the pool runs one per core).
"""

from __future__ import annotations

import shutil

import numpy as np

from ticket_assets.lines import OcrLine
from ticket_assets.ocr.base import PageReading

LANGUAGE = "eng"
# Sparse text: tickets are forms whose values stand apart from their labels. On the job 24-105
# scans the default (--psm 3) missed a pit ticket number that --psm 11 reads, and --psm 6 ran
# lines across the form's columns.
CONFIG = "--psm 11"


class TesseractEngine:
    """Lines as Tesseract groups its words (block, paragraph, line), confidence the words' mean."""

    name = "tesseract"

    def __init__(self, settings=None) -> None:
        """Nothing to load: each page runs the binary."""

    @classmethod
    def recorded_name(cls, settings) -> str:
        return cls.name

    @classmethod
    def is_available(cls, settings) -> tuple[bool, str]:
        binary = shutil.which("tesseract")
        if binary is None:
            return False, "the tesseract binary is not on PATH (install tesseract-ocr and tesseract-ocr-eng)"
        try:
            import pytesseract

            version = pytesseract.get_tesseract_version()
            languages = pytesseract.get_languages(config="")
        except (ImportError, OSError, RuntimeError) as err:
            return False, f"tesseract at {binary} cannot be run through pytesseract: {err}"
        if LANGUAGE not in languages:
            return False, f"tesseract {version} at {binary} has no {LANGUAGE!r} language data (install tesseract-ocr-eng)"
        return True, f"tesseract {version} at {binary}"

    def read(self, image: np.ndarray) -> PageReading:
        import pytesseract

        data = pytesseract.image_to_data(image, lang=LANGUAGE, config=CONFIG, output_type=pytesseract.Output.DICT)
        return PageReading(lines_from_data(data))


def lines_from_data(data: dict[str, list]) -> list[OcrLine]:
    """Group `image_to_data` words into lines, in Tesseract's reading order."""
    grouped: dict[tuple[int, int, int], list[int]] = {}
    for index, text in enumerate(data["text"]):
        if str(text).strip() and float(data["conf"][index]) >= 0:
            key = (data["block_num"][index], data["par_num"][index], data["line_num"][index])
            grouped.setdefault(key, []).append(index)
    return [_line(data, indexes) for indexes in grouped.values()]


def _line(data: dict[str, list], indexes: list[int]) -> OcrLine:
    text = " ".join(str(data["text"][i]).strip() for i in indexes)
    confidence = sum(float(data["conf"][i]) for i in indexes) / len(indexes) / 100
    box = (
        float(min(data["left"][i] for i in indexes)),
        float(min(data["top"][i] for i in indexes)),
        float(max(data["left"][i] + data["width"][i] for i in indexes)),
        float(max(data["top"][i] + data["height"][i] for i in indexes)),
    )
    words = tuple((str(data["text"][i]).strip(), float(data["conf"][i]) / 100) for i in indexes)
    return OcrLine(text=text, confidence=confidence, box=box, words=words)
