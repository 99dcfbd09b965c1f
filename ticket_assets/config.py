"""Settings: where the inbox and the working files live, the jobs, the OCR options.

Paths come from the environment (TICKETS_INBOX, TICKETS_HOME) or the CLI;
everything else from one YAML file (see tickets.yaml beside this module).
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

import yaml

PACKAGED_CONFIG = Path(__file__).with_name("tickets.yaml")
DEFAULT_HOME = ".tickets"


class ConfigError(ValueError):
    """The configuration file is missing a value or holds a wrong one."""


@dataclass(frozen=True)
class Job:
    code: str
    name: str
    start: date
    end: date


@dataclass(frozen=True)
class OcrSettings:
    engine: str = "rapidocr"
    dpi: int = 200
    workers: int = 0
    doctr_weights_dir: str = "~/.cache/ticket_assets/doctr"
    page_timeout_seconds: float = 120.0  # OCR of one page is stopped after this; the page goes to review

    def worker_count(self) -> int:
        return self.workers or os.cpu_count() or 1


@dataclass(frozen=True)
class Settings:
    inbox_folder: Path | None  # None: not configured, and not needed by what is running
    home: Path
    config_path: Path
    jobs: tuple[Job, ...]
    default_job: str
    ocr: OcrSettings = field(default_factory=OcrSettings)
    settle_seconds: float = 60
    low_confidence: float = 0.70
    vendor_min_confidence: float = 0.80

    @property
    def inbox(self) -> Path:
        if self.inbox_folder is None:
            raise ConfigError("TICKETS_INBOX is not set: point it at the folder that holds the date folders")
        return self.inbox_folder

    @property
    def warehouse_url(self) -> str:
        return warehouse_url(self.home)

    @property
    def exports_dir(self) -> Path:
        return self.home / "exports"

    @property
    def cache_dir(self) -> Path:
        return self.home / "cache"

    def job(self, code: str | None) -> Job:
        wanted = code or self.default_job
        for job in self.jobs:
            if job.code == wanted:
                return job
        raise ConfigError(f"job {wanted!r} is not in {self.config_path}")

    def job_or_default(self, code: str | None) -> Job:
        """The job of that code; for a code the configuration lacks, the default job, whose calendar judges it."""
        known = {job.code: job for job in self.jobs}
        return known.get(code) or self.job(None)

    def snapshot(self) -> dict:
        """What a run was configured with, for the ledger."""
        data = asdict(self)
        data["inbox_folder"], data["home"] = str(self.inbox_folder), str(self.home)
        data["config_path"] = str(self.config_path)
        data["jobs"] = [{**asdict(j), "start": j.start.isoformat(), "end": j.end.isoformat()} for j in self.jobs]
        return data


def warehouse_url(home: Path) -> str:
    """TICKETS_WAREHOUSE_URL (any SQLAlchemy URL), else a DuckDB file in the home folder."""
    return os.environ.get("TICKETS_WAREHOUSE_URL") or f"duckdb:///{home / 'warehouse.duckdb'}"


def home_from_env() -> Path:
    return Path(os.environ.get("TICKETS_HOME", DEFAULT_HOME)).expanduser().resolve()


def inbox_from_env() -> Path | None:
    inbox = os.environ.get("TICKETS_INBOX")
    return Path(inbox).expanduser().resolve() if inbox else None


def find_config_file(home: Path) -> Path:
    explicit = os.environ.get("TICKETS_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    in_home = home / "tickets.yaml"
    return in_home if in_home.exists() else PACKAGED_CONFIG


def load_settings(inbox: Path | None = None, home: Path | None = None) -> Settings:
    """Settings from the environment, with explicit paths taking precedence."""
    home = (home or home_from_env()).resolve()
    inbox = inbox.resolve() if inbox else inbox_from_env()
    path = find_config_file(home)
    try:
        raw = yaml.safe_load(path.read_text()) or {}
        return _settings_from_yaml(raw, inbox, home, path)
    except (OSError, yaml.YAMLError, KeyError, TypeError) as err:
        raise ConfigError(f"cannot read configuration {path}: {err}") from err


def _settings_from_yaml(raw: dict, inbox: Path | None, home: Path, path: Path) -> Settings:
    jobs = tuple(
        Job(code=str(j["code"]), name=str(j.get("name", j["code"])), start=j["start"], end=j["end"])
        for j in raw["jobs"]
    )
    sensor, review = raw.get("sensor", {}), raw.get("review", {})
    return Settings(
        inbox_folder=inbox,
        home=home,
        config_path=path,
        jobs=jobs,
        default_job=str(raw.get("default_job") or jobs[0].code),
        ocr=OcrSettings(**raw.get("ocr", {})),
        settle_seconds=float(sensor.get("settle_seconds", 60)),
        low_confidence=float(review.get("low_confidence", 0.70)),
        vendor_min_confidence=float(review.get("vendor_min_confidence", 0.80)),
    )


def default_dagster_home(home: Path) -> Path:
    """DAGSTER_HOME when the user did not set one: beside the warehouse."""
    return Path(os.environ.get("DAGSTER_HOME") or home / "dagster")
