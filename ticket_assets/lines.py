"""A line of text read from a page: its words, where it sits, how sure the reader was.

Made by the PDF text layer (render) and by every OCR engine (ocr), read by the
extraction: it lives below all three so that imports point one way.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OcrLine:
    text: str
    confidence: float  # 0-1
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 in image pixels
    source: str = "ocr"  # "ocr" or "text_layer"
    words: tuple[tuple[str, float], ...] = ()  # the engine's words and their confidences, where it gives them

    def confidence_of(self, value: str) -> float:
        """How sure the engine is of `value` in this line: its least sure word, else the line's confidence."""
        compact = value.replace(" ", "")
        scores = [score for word, score in self.words if word and (word in compact or compact in word)]
        return min(scores) if scores else self.confidence
