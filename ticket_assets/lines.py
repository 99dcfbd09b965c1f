"""A line of text read from a page: its words, where it sits, how sure the reader was.

Made by the PDF text layer (render) and by every OCR engine (ocr), read by the
extraction: it lives below all three so that imports point one way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD_SEPARATORS = " :#"  # a space, and the ':' and '#' that end labels ("MANIFEST#:15-2024-00004")


@dataclass(frozen=True)
class OcrLine:
    text: str
    confidence: float  # 0-1
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 in image pixels
    source: str = "ocr"  # "ocr" or "text_layer"
    words: tuple[tuple[str, float], ...] = ()  # the engine's words and their confidences, where it gives them
    characters: tuple[float, ...] = ()  # each character's confidence, one per character of text, where given

    @classmethod
    def from_dict(cls, data: dict) -> "OcrLine":
        """A line as OcrResult.to_dict stored it (JSON: lists for tuples; older results have no characters)."""
        return cls(data["text"], data["confidence"], tuple(data["box"]), data.get("source", "ocr"),
                   tuple((word, score) for word, score in data.get("words", ())), tuple(data.get("characters", ())))

    def confidence_of(self, value: str, letters_fixed: bool = False) -> float:
        """How sure the engine is of `value` in this line.

        Where it gave each character's confidence: its least sure character from where the value begins to the
        end of the word holding it (a doubtful character after the value may mean it was cut short), not
        counting a label glued before it ("No.2384390321") nor, when `letters_fixed`, the letters and marks a
        vendor's pattern fixes ("PO-2710125"). Else its least sure word, else the line's confidence.
        """
        spans = self._spans_of(value) if len(self.characters) == len(self.text) else []
        if spans:
            return min(self._least_sure_from(start, end, letters_fixed) for start, end in spans)
        compact = value.replace(" ", "")
        scores = [score for word, score in self.words if word and (word in compact or compact in word)]
        return min(scores) if scores else self.confidence

    def _spans_of(self, value: str) -> list[tuple[int, int]]:
        compact = value.replace(" ", "")
        if not compact:
            return []
        spaced = r"\s*".join(re.escape(character) for character in compact)
        return [match.span() for match in re.finditer(spaced, self.text, re.I)]

    def _least_sure_from(self, start: int, end: int, letters_fixed: bool) -> float:
        word_end = end
        while word_end < len(self.text) and self.text[word_end] not in WORD_SEPARATORS:
            word_end += 1
        counted = [confidence for index, confidence in enumerate(self.characters[start:word_end], start)
                   if not self.text[index].isspace()
                   and (index >= end or self.text[index].isdigit() or not letters_fixed)]
        return min(counted, default=self.confidence)
