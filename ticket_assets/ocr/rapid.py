"""RapidOCR (PaddleOCR models on onnxruntime) with the models bundled in its wheel.

Only the bundled default models and language are used: asking RapidOCR for
another language or model version makes it download one, and nothing may be
downloaded here. One onnxruntime thread per process: the pool gives one process
per core.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ticket_assets.ocr.base import OcrLine

RAPID_PARAMS = {
    "EngineConfig.onnxruntime.intra_op_num_threads": 1,
    "EngineConfig.onnxruntime.inter_op_num_threads": 1,
    "Global.log_level": "error",
}


class RapidOcrEngine:
    """Lines from RapidOCR's text detector and recognizer, boxes as the quadrilaterals' bounds."""

    name = "rapidocr"

    def __init__(self, settings=None) -> None:
        import cv2
        from rapidocr import RapidOCR

        cv2.setNumThreads(1)  # its image steps would otherwise use every core in every worker
        self._ocr = RapidOCR(params=dict(RAPID_PARAMS))

    @classmethod
    def is_available(cls, settings) -> tuple[bool, str]:
        try:
            paths = bundled_model_paths()
        except ImportError as err:
            return False, f"rapidocr cannot be imported: {err}"
        except (ValueError, KeyError, OSError) as err:
            return False, f"rapidocr's default models cannot be resolved: {err}"
        missing = [str(path) for path in paths if not path.is_file()]
        if missing:
            return False, f"rapidocr's bundled model files are missing: {', '.join(missing)}"
        return True, f"rapidocr with {', '.join(path.name for path in paths)}"

    def read(self, image: np.ndarray) -> list[OcrLine]:
        output = self._ocr(image)
        if output.boxes is None or output.txts is None:
            return []
        return [_line(quad, text, score) for quad, text, score in zip(output.boxes, output.txts, output.scores)]


def bundled_model_paths() -> list[Path]:
    """The detection, orientation and recognition model files RapidOCR's default config will load."""
    import rapidocr
    from rapidocr.inference_engine.base import FileInfo, InferSession
    from rapidocr.utils.parse_parameters import ParseParams

    root = Path(rapidocr.__file__).parent
    config = ParseParams.load(root / "config.yaml")
    paths = []
    for task in (config.Det, config.Cls, config.Rec):
        info = FileInfo(task.engine_type, task.ocr_version, task.task_type, task.lang_type, task.model_type)
        paths.append(root / "models" / Path(InferSession.get_model_url(info)["model_dir"]).name)
    return paths


def _line(quad: np.ndarray, text: str, score: float) -> OcrLine:
    xs, ys = quad[:, 0], quad[:, 1]
    box = (float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max()))
    return OcrLine(text=str(text), confidence=float(score), box=box)
