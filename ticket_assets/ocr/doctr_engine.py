"""docTR (PyTorch) with weight files from a local folder; never downloads.

docTR needs the `doctr` extra (python-doctr with torch) and two weight files in
`OcrSettings.doctr_weights_dir`. Without them the engine says what is missing
and `auto` falls back to RapidOCR. docTR is imported only inside the engine:
importing it pulls in torch.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np

from ticket_assets.lines import OcrLine
from ticket_assets.ocr.base import EngineUnavailable, PageReading

DETECTION_ARCH = "db_resnet50"
RECOGNITION_ARCH = "crnn_vgg16_bn"
DETECTION_WEIGHTS = f"{DETECTION_ARCH}.pt"
RECOGNITION_WEIGHTS = f"{RECOGNITION_ARCH}.pt"


class DoctrEngine:
    """Straight-page docTR: a detection and a recognition model, orientation models off."""

    name = "doctr"

    def __init__(self, settings) -> None:
        available, reason = self.is_available(settings)
        if not available:
            raise EngineUnavailable(reason)
        self._predictor = _build_predictor(weights_dir(settings))

    @classmethod
    def recorded_name(cls, settings) -> str:
        return cls.name

    @classmethod
    def is_available(cls, settings) -> tuple[bool, str]:
        problems = []
        missing_packages = [name for name in ("doctr", "torch") if importlib.util.find_spec(name) is None]
        if missing_packages:
            problems.append(f"not installed: {', '.join(missing_packages)} "
                            "(install the `doctr` extra: pip install 'ticket_assets[doctr]')")
        folder = weights_dir(settings)
        missing_files = [name for name in (DETECTION_WEIGHTS, RECOGNITION_WEIGHTS) if not (folder / name).is_file()]
        if missing_files:
            problems.append(f"missing weight files {', '.join(missing_files)} in {folder} (docTR needs "
                            f"{DETECTION_WEIGHTS} for detection and {RECOGNITION_WEIGHTS} for recognition; "
                            "set ocr.doctr_weights_dir)")
        if problems:
            return False, "; ".join(problems)
        return True, f"doctr {DETECTION_ARCH} + {RECOGNITION_ARCH} with weights from {folder}"

    def read(self, image: np.ndarray) -> PageReading:
        height, width = image.shape[:2]
        rgb = np.repeat(image[:, :, None], 3, axis=2) if image.ndim == 2 else image
        document = self._predictor([rgb])
        return PageReading(lines_from_page(document.pages[0], width, height))


def weights_dir(settings) -> Path:
    return Path(settings.doctr_weights_dir).expanduser()


def _build_predictor(folder: Path):
    import torch
    from doctr.models import ocr_predictor
    from doctr.models.utils import load_pretrained_params

    torch.set_num_threads(1)  # one worker process per core already
    predictor = ocr_predictor(
        DETECTION_ARCH,
        RECOGNITION_ARCH,
        pretrained=False,
        pretrained_backbone=False,
        disable_crop_orientation=True,
        disable_page_orientation=True,
        assume_straight_pages=True,
    )
    load_pretrained_params(predictor.det_predictor.model, str(folder / DETECTION_WEIGHTS))
    load_pretrained_params(predictor.reco_predictor.model, str(folder / RECOGNITION_WEIGHTS))
    return predictor


def lines_from_page(page, width: int, height: int) -> list[OcrLine]:
    """docTR's lines (relative ((x0, y0), (x1, y1)) geometry) as OcrLines in pixels."""
    lines = []
    for block in page.blocks:
        for line in block.lines:
            words = [word for word in line.words if word.value.strip()]
            if not words:
                continue
            (x0, y0), (x1, y1) = line.geometry
            lines.append(OcrLine(
                text=" ".join(word.value for word in words),
                confidence=float(sum(word.confidence for word in words) / len(words)),
                box=(float(x0) * width, float(y0) * height, float(x1) * width, float(y1) * height),
                words=tuple((word.value, float(word.confidence)) for word in words),
            ))
    return lines
