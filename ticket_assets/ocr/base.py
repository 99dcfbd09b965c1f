"""What every OCR engine returns, and the protocol it implements."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Protocol

import numpy as np

from ticket_assets.lines import OcrLine


class EngineUnavailable(RuntimeError):
    """The engine cannot run here; the message says what is missing and where it looked."""


@dataclass(frozen=True)
class PageReading:
    """What an engine read on one image: lines in the coordinates of the page stood upright."""

    lines: list[OcrLine]
    turned: int = 0  # clockwise degrees the page lay turned, where the engine can tell


@dataclass
class OcrResult:
    """One page as an engine read it."""

    engine: str
    width: int
    height: int
    lines: list[OcrLine] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None
    turned: int = 0  # clockwise degrees the page lay turned; lines and size are of the page stood upright

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def read_nothing(self) -> bool:
        """No letter or digit on the page: a blank sheet, or one too faint to read."""
        return not any(character.isalnum() for character in self.text)

    @property
    def mean_confidence(self) -> float:
        ocr_lines = [line for line in self.lines if line.source == "ocr"] or self.lines
        if not ocr_lines:
            return 0.0
        return float(sum(line.confidence for line in ocr_lines) / len(ocr_lines))

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "OcrResult":
        lines = [OcrLine.from_dict(line) for line in data["lines"]]
        return cls(data["engine"], data["width"], data["height"], lines, data.get("seconds", 0.0), data.get("error"),
                   data.get("turned", 0))


class OcrEngine(Protocol):
    """An OCR engine: loaded once per worker process, then asked to read grey page images."""

    name: str

    @classmethod
    def recorded_name(cls, settings) -> str:
        """The name its results are recorded and cached under: what read the page (rapidocr-openvino)."""

    @classmethod
    def is_available(cls, settings) -> tuple[bool, str]:
        """Whether the engine can run here, and if not, why (what is missing, where it looked)."""

    def read(self, image: np.ndarray) -> PageReading:
        """Lines of text on a grey uint8 image (height x width)."""
