"""The configuration file's schema: every key, its type and range, checked when the file is loaded.

A mistake is reported as one line per problem, naming the file, the key and what is
wrong; an unknown key gets the nearest known one suggested ("did you mean `dpi`?").
"""

from __future__ import annotations

import difflib
from datetime import date
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

# The OCR engines a configuration may name (ocr/registry.py registers them; test_config keeps the two in step).
ENGINE_NAMES = ("rapidocr", "tesseract", "doctr", "auto")
# What runs RapidOCR's models (ocr/rapid.py: RUNTIMES); auto: OpenVINO where it loads, else onnxruntime.
RUNTIME_NAMES = ("openvino", "onnxruntime", "auto")


class _ConfigLoader(yaml.SafeLoader):
    """YAML that refuses a key written twice in one section (the second would silently win) and keeps dates
    as written, so the schema checks them and names the key of one that is no real date (2024-13-01)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"{key!r} is written twice in this section",
                                                        key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_ConfigLoader.add_constructor("tag:yaml.org,2002:timestamp", _ConfigLoader.construct_yaml_str)


def load_yaml(text: str) -> object:
    return yaml.load(text, Loader=_ConfigLoader)


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class JobEntry(_Section):
    code: str = Field(pattern=r"^\d{2}-\d{3,4}$", description="as in structured filenames, like 24-105")
    name: str | None = None
    start: date
    end: date

    @model_validator(mode="after")
    def _ends_after_it_starts(self) -> "JobEntry":
        if self.end < self.start:
            raise ValueError(f"job {self.code} ends ({self.end}) before it starts ({self.start})")
        return self


class OcrSection(_Section):
    engine: Literal[ENGINE_NAMES] = "rapidocr"  # type: ignore[valid-type]
    runtime: Literal[RUNTIME_NAMES] = "auto"  # type: ignore[valid-type]
    dpi: int = Field(200, ge=72, le=600, strict=True)
    workers: int = Field(0, ge=0, le=512, strict=True, description="0: one per core")
    doctr_weights_dir: str = "~/.cache/ticket_assets/doctr"
    compiled_models_dir: str = "~/.cache/ticket_assets/openvino"
    page_timeout_seconds: float = Field(120.0, gt=0)


class SensorSection(_Section):
    settle_seconds: float = Field(60, ge=0)


class ReviewSection(_Section):
    low_confidence: float = Field(0.70, ge=0, le=1)
    vendor_min_confidence: float = Field(0.80, ge=0, le=1)


class ConfigFile(_Section):
    default_job: str | None = None
    jobs: list[JobEntry] = Field(min_length=1)
    ocr: OcrSection = OcrSection()
    sensor: SensorSection = SensorSection()
    review: ReviewSection = ReviewSection()

    @model_validator(mode="after")
    def _jobs_are_known_once(self) -> "ConfigFile":
        codes = [job.code for job in self.jobs]
        doubled = sorted({code for code in codes if codes.count(code) > 1})
        if doubled:
            raise ValueError(f"job code {', '.join(doubled)} is listed more than once")
        if self.default_job is not None and self.default_job not in codes:
            raise ValueError(f"default_job {self.default_job} is not one of the jobs ({', '.join(codes)})")
        return self


def read_config(raw: object, path: Path) -> ConfigFile:
    """The checked configuration, or ValueError with one line per problem."""
    if raw is None:
        raise ValueError(f"{path}: the file is empty: it needs at least a jobs: list")
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: the file must hold keys (jobs:, ocr:, ...), not a {type(raw).__name__}")
    try:
        return ConfigFile.model_validate(raw)
    except ValidationError as err:
        raise ValueError("\n".join(f"{path}: {_problem(error)}" for error in err.errors())) from None


def _problem(error: dict) -> str:
    key = "".join(f"[{part + 1}]" if isinstance(part, int) else f".{part}" for part in error["loc"]).lstrip(".")
    if error["type"] == "extra_forbidden":
        return f"{key}: unknown key{_nearest(error['loc'])}"
    if error["type"] == "missing":
        return f"{key}: missing"
    given = error.get("input")
    shown = "" if isinstance(given, (dict, list)) or given is None else f" (got {given!r})"
    message = "should look like 24-105" if error["type"] == "string_pattern_mismatch" else error["msg"]
    return f"{key + ': ' if key else ''}{message.removeprefix('Value error, ')}{shown}"


def _nearest(location: tuple) -> str:
    """'; did you mean `dpi`?' for a misspelt key, from the keys of its section."""
    section: type[BaseModel] = ConfigFile
    for part in location[:-1]:
        field = section.model_fields.get(str(part))
        annotation = field.annotation if field else None
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            section = annotation
        elif part == "jobs" or isinstance(part, int):
            section = JobEntry
    close = difflib.get_close_matches(str(location[-1]), list(section.model_fields), n=1)
    return f"; did you mean `{close[0]}`?" if close else f"; known keys: {', '.join(section.model_fields)}"
