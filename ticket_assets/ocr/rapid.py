"""RapidOCR (PaddleOCR models) on OpenVINO or onnxruntime, with the models bundled in its wheel.

Only the bundled default models and language are used: asking RapidOCR for
another language or model version makes it download one, and nothing may be
downloaded here. Both runtimes load the same ONNX files, named explicitly:
left to itself RapidOCR would download OpenVINO's own copies. One runtime
thread per process: the pool gives one process per core. A turned page is read
as it lies; the line classifier's votes say which way it lay, and the boxes are
turned upright (see ocr/orientation.py). A page lying on its side whose votes do
not say which side is read again, a quarter turn each way.
"""

from __future__ import annotations

import importlib
import os
from functools import cache
from pathlib import Path

import numpy as np

from ticket_assets.lines import WORD_SEPARATORS, OcrLine
from ticket_assets.ocr.base import PageReading
from ticket_assets.ocr.orientation import Vote, lies_sideways, surety, turn_from_votes, upright_box

AUTO_RUNTIME = "auto"
RUNTIMES = ("openvino", "onnxruntime")  # auto takes the first that loads: OpenVINO read pages 2.6-3.9x faster
RUNTIME_PARAMS = {
    "openvino": {"EngineConfig.openvino.inference_num_threads": 1},
    "onnxruntime": {"EngineConfig.onnxruntime.intra_op_num_threads": 1,
                    "EngineConfig.onnxruntime.inter_op_num_threads": 1},
}
RAPID_PARAMS = {"Global.log_level": "error"}
# OpenVINO keeps the kernels it built for every input shape it has seen, up to 5000 of them; each page and
# each line crop has a shape of its own, so a worker grew from 1.4 GB after 100 pages to 2.1 GB after 500.
# Without that cache one stayed at 1.2-1.4 GB over 40 pages of 40 sizes, no slower (measured).
# OpenVINO also pins its inference thread to a core, the same core in every worker process: two workers on
# 2 cores read 1.0 s a page each, one alone 0.52 s. Unpinned, each read 0.53 s (measured on an AMD EPYC).
OPENVINO_CPU_CONFIG = {"CPU_RUNTIME_CACHE_CAPACITY": "0", "ENABLE_CPU_PINNING": "NO"}


class RapidOcrEngine:
    """Lines from RapidOCR's text detector and recognizer, boxes as the quadrilaterals' bounds."""

    name = "rapidocr"

    def __init__(self, settings) -> None:
        import cv2
        from rapidocr import RapidOCR

        cv2.setNumThreads(1)  # its image steps would otherwise use every core in every worker
        self.name = self.recorded_name(settings)
        runtime = resolve_runtime(settings.runtime)
        if runtime == "openvino":
            _configure_openvino_cpu({**OPENVINO_CPU_CONFIG, **compiled_models_cache(settings.compiled_models_dir)})
        self._ocr = RapidOCR(params=rapid_params(runtime))
        # RapidOCR 3.10 would load its models on the first page: load them now, so that a model that cannot
        # load makes the engine unavailable instead of failing every page, and a loaded engine is ready.
        for load_model in (self._ocr._load_det_model, self._ocr._load_cls_model, self._ocr._load_rec_model):
            load_model()
        self._votes: list[Vote] = []
        self._recognised: list[tuple[str, list[float]]] = []  # each recognised line and its characters' confidences
        self._ocr.run_ocr_steps = self._recording_what_it_saw(self._ocr.run_ocr_steps)

    @classmethod
    def recorded_name(cls, settings) -> str:
        """The name its pages are recorded and cached under: which runtime read them."""
        return f"rapidocr-{resolve_runtime(settings.runtime)}"

    @classmethod
    def is_available(cls, settings) -> tuple[bool, str]:
        runtime = resolve_runtime(settings.runtime)
        problem = runtime_problem(runtime)
        if problem:
            return False, problem
        try:
            paths = bundled_model_paths()
        except ImportError as err:
            return False, f"rapidocr cannot be imported: {err}"
        except (ValueError, KeyError, OSError) as err:
            return False, f"rapidocr's default models cannot be resolved: {err}"
        missing = [str(path) for path in paths if not path.is_file()]
        if missing:
            return False, f"rapidocr's bundled model files are missing: {', '.join(missing)}"
        return True, f"rapidocr on {runtime} with {', '.join(path.name for path in paths)}"

    def read(self, image: np.ndarray) -> PageReading:
        reading = self._read_as_it_lies(image)
        if reading.turned == 0 and lies_sideways(self._votes):
            # Which side a photo lies on, its classifier often cannot tell from tall lines (14 votes against
            # 13); stood up a quarter turn each way, the side it reads surest on is the right one.
            reading = max((self._read_quarter_turned(image, quarters) for quarters in (1, 3)), key=surety)
        return reading

    def _read_quarter_turned(self, image: np.ndarray, quarters: int) -> PageReading:
        """The page turned counter-clockwise by quarter turns, read; its turn is the original image's."""
        reading = self._read_as_it_lies(np.ascontiguousarray(np.rot90(image, quarters)))
        return PageReading(reading.lines, (reading.turned + 90 * quarters) % 360)

    def _read_as_it_lies(self, image: np.ndarray) -> PageReading:
        self._votes, self._recognised = [], []
        output = self._ocr(image, return_word_box=True)  # makes the recogniser keep each character's confidence
        if output.boxes is None or output.txts is None:
            return PageReading([])
        height, width = image.shape[:2]
        turned = turn_from_votes(self._votes)
        lines = [_line(quad, text, score, self._characters_of(text), width, height, turned)
                 for quad, text, score in zip(output.boxes, output.txts, output.scores)]
        return PageReading(lines, turned)

    def _characters_of(self, text: str) -> tuple[float, ...]:
        """Each character's confidence in a line of RapidOCR's output, from what the recogniser saw.

        RapidOCR's own word results pair words with the first characters' confidences
        (3.10: "Nº 285366" gave the number the confidence of "º"), so they are rebuilt here.
        Its output keeps the recognised lines in order, leaving out empty and low-scoring ones.
        """
        while self._recognised:
            seen, confidences = self._recognised.pop(0)
            if seen == text:
                return tuple(round(float(confidence), 5) for confidence in confidences) \
                    if len(confidences) == len(text) else ()
        return ()

    def _recording_what_it_saw(self, run_ocr_steps):
        """RapidOCR keeps its classifier's verdicts and the characters' confidences to itself; record them."""
        def run_and_record(image, op_record):
            detected, classified, recognised, *rest = run_ocr_steps(image, op_record)
            if detected.boxes is not None and classified.cls_res is not None:
                self._votes = [_vote(quad, label) for quad, (label, _) in zip(detected.boxes, classified.cls_res)]
            if recognised.txts is not None and recognised.word_results:
                self._recognised = [(text, list(info.confs if info else ()))
                                    for text, info in zip(recognised.txts, recognised.word_results)]
            return (detected, classified, recognised, *rest)
        return run_and_record


def resolve_runtime(wanted: str) -> str:
    """The runtime that runs the models: the configured one, or for auto the first of RUNTIMES that loads here
    (onnxruntime when none does: its is_available then says why)."""
    if wanted != AUTO_RUNTIME:
        return wanted
    return next((runtime for runtime in RUNTIMES if not runtime_problem(runtime)), RUNTIMES[-1])


@cache
def runtime_problem(runtime: str) -> str | None:
    """Why the runtime cannot load in this process, or None when it can."""
    if runtime not in RUNTIMES:
        return f"unknown runtime {runtime!r}: choose {AUTO_RUNTIME} or one of {', '.join(RUNTIMES)}"
    try:
        importlib.import_module(runtime)
    except Exception as err:  # a broken install fails in many ways; each means the same here
        return f"{runtime} cannot be imported: {type(err).__name__}: {err}"
    return None


def _configure_openvino_cpu(ours: dict) -> None:
    """RapidOCR hands OpenVINO only the CPU settings its configuration names: add `ours` to them."""
    from rapidocr.inference_engine.openvino import device_config

    rapid_config = getattr(device_config.CPUConfig.get_config, "rapid_config", device_config.CPUConfig.get_config)

    def with_ours(self) -> dict:
        return {**rapid_config(self), **ours}

    with_ours.rapid_config = rapid_config
    device_config.CPUConfig.get_config = with_ours


def compiled_models_cache(folder: str) -> dict:
    """OpenVINO's CACHE_DIR setting, where it keeps the models it compiled: loaded from there the three
    models are ready in half the time (1.6 -> 0.75 s, measured), once per worker and day. Nothing when the
    folder is not set or cannot be written: OpenVINO would then fail to load. A damaged file in it is compiled
    again and replaced (tried: truncated and random files)."""
    if not folder or compiled_models_problem(folder):
        return {}
    path = Path(folder).expanduser()
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return {}
    return {"CACHE_DIR": str(path)}


def compiled_models_problem(folder: str) -> str | None:
    """Why the folder cannot keep OpenVINO's compiled models (None: it can, or will once made), without making it."""
    path = Path(folder).expanduser()
    existing = next(p for p in (path, *path.parents) if p.exists())
    if not existing.is_dir():
        return f"{existing} is a file, not a folder"
    if not os.access(existing, os.W_OK | os.X_OK):
        return f"{existing} cannot be written by this user"
    return None


def rapid_params(runtime: str) -> dict:
    """RapidOCR's parameters: the bundled model files on the runtime, one thread."""
    from rapidocr.utils.typings import EngineType

    params = {**RAPID_PARAMS, **RUNTIME_PARAMS[runtime]}
    for task, path in zip(("Det", "Cls", "Rec"), bundled_model_paths()):
        params[f"{task}.engine_type"] = EngineType(runtime)
        params[f"{task}.model_path"] = str(path)
    return params


@cache  # loading RapidOCR's configuration takes a second or more; it is asked for several times a day
def bundled_model_paths() -> tuple[Path, ...]:
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
    return tuple(paths)


def _vote(quad: np.ndarray, label: str) -> Vote:
    """A detected line's width and height along its own edges, and whether the classifier turned it over."""
    width = float(np.linalg.norm(quad[1] - quad[0]))
    height = float(np.linalg.norm(quad[2] - quad[1]))
    return width, height, label == "180"


def _word_confidences(text: str, characters: tuple[float, ...]) -> tuple[tuple[str, float], ...]:
    """Split a line at spaces and at the ':' and '#' that end labels ("MANIFEST#:15-2024-00004"), so a value
    is judged by its own characters; a word's confidence is its least sure character's."""
    if not characters:
        return ()
    words, word, scores = [], "", []
    for character, confidence in zip(text + " ", [*characters, 1.0]):
        if character in WORD_SEPARATORS:
            if word:
                words.append((word, min(scores)))
            word, scores = "", []
        else:
            word, scores = word + character, [*scores, confidence]
    return tuple(words)


def _line(quad: np.ndarray, text: str, score: float, characters: tuple[float, ...], width: int, height: int,
          turned: int) -> OcrLine:
    xs, ys = quad[:, 0], quad[:, 1]
    box = (float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max()))
    return OcrLine(text=str(text), confidence=float(score), box=upright_box(box, width, height, turned),
                   words=_word_confidences(text, characters), characters=characters)
