"""Settings: where the inbox and the working files live, the jobs, the OCR options.

Paths come from the environment (TICKETS_INBOX, TICKETS_HOME, TICKETS_WAREHOUSE_URL)
or the CLI; everything else from one YAML file (see tickets.yaml beside this module).
The environment is read once, here, when the settings are loaded.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from pathlib import Path

import yaml

from ticket_assets.config_file import ConfigFile, load_yaml, read_config
from ticket_assets.errors import UserError
from ticket_assets.faults import NO_FAULTS, FaultPlan
from ticket_assets.home import home_from_env, step_log_of

PACKAGED_CONFIG = Path(__file__).with_name("tickets.yaml")
INSTANCE_TEMPLATE = Path(__file__).with_name("dagster_instance.yaml")  # copied into a new DAGSTER_HOME


class ConfigError(UserError):
    """The configuration is missing a value or holds a wrong one, or a path it names is not there."""


@dataclass(frozen=True)
class Job:
    code: str
    name: str
    start: date
    end: date


@dataclass(frozen=True)
class OcrSettings:
    engine: str = "rapidocr"
    runtime: str = "auto"  # what runs RapidOCR's models: openvino, onnxruntime, or auto (openvino where it loads)
    dpi: int = 200
    workers: int = 0
    doctr_weights_dir: str = "~/.cache/ticket_assets/doctr"
    compiled_models_dir: str = "~/.cache/ticket_assets/openvino"  # OpenVINO's compiled models; "": none kept
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
    warehouse_url: str = ""  # any SQLAlchemy URL; by default a DuckDB file in the home folder
    operator: str = ""  # who runs the process, for the ledger
    faults: FaultPlan = NO_FAULTS

    @property
    def inbox(self) -> Path:
        if self.inbox_folder is None:
            raise ConfigError("TICKETS_INBOX is not set: point it at the folder that holds the date folders")
        return self.inbox_folder

    @property
    def exports_dir(self) -> Path:
        return self.home / "exports"

    @property
    def step_log(self) -> Path:
        return step_log_of(self.home)

    @property
    def cache_dir(self) -> Path:
        return self.home / "cache"

    @property
    def journal_path(self) -> Path:
        """The answer journal: every review answer, appended before the warehouse is written."""
        return self.home / "journal" / "answers.jsonl"

    @property
    def vendors_dir(self) -> Path:
        """Vendor templates added on this installation (`tickets vendor add`), beside the packaged ones."""
        return self.home / "vendors"

    def job(self, code: str | None) -> Job:
        wanted = code or self.default_job
        for job in self.jobs:
            if job.code == wanted:
                return job
        raise ConfigError(f"job {wanted!r} is not in {self.config_path}")

    def jobs_of(self, codes: set[str]) -> list[Job]:
        """The configured jobs of these job codes, the default job when none is configured: the jobs whose
        reports a day with loads of these codes refreshes (a code the configuration lacks has its own report)."""
        return [job for job in self.jobs if job.code in codes] or [self.job(None)]

    def job_or_default(self, code: str | None) -> Job:
        """The job of that code; for a code the configuration lacks, the default job, whose calendar judges it."""
        known = {job.code: job for job in self.jobs}
        return known.get(code) or self.job(None)

    def snapshot(self) -> dict:
        """What a run was configured with, for the ledger."""
        data = asdict(self)
        data["inbox_folder"], data["home"] = str(self.inbox_folder), str(self.home)
        data["config_path"] = str(self.config_path)
        del data["faults"]
        data["jobs"] = [{**asdict(j), "start": j.start.isoformat(), "end": j.end.isoformat()} for j in self.jobs]
        return data


def retry_delay_from_env(environ: Mapping[str, str] = os.environ) -> float:
    """The first wait before a failed step is tried again (TICKETS_RETRY_DELAY_SECONDS, 2 s by default): the
    fault-injection tests, whose steps are killed on purpose, set it short."""
    return float(environ.get("TICKETS_RETRY_DELAY_SECONDS") or 2)


def _inbox_from_env(environ: Mapping[str, str]) -> Path | None:
    inbox = environ.get("TICKETS_INBOX")
    return Path(inbox).expanduser().resolve() if inbox else None


def _config_file(home: Path, environ: Mapping[str, str]) -> Path:
    explicit = environ.get("TICKETS_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    in_home = home / "tickets.yaml"
    return in_home if in_home.exists() else PACKAGED_CONFIG


def load_settings(inbox: Path | None = None, home: Path | None = None,
                  environ: Mapping[str, str] = os.environ) -> Settings:
    """Settings from the configuration file and the environment, with explicit paths taking precedence."""
    home = (home or home_from_env(environ)).resolve()
    inbox = inbox.resolve() if inbox else _inbox_from_env(environ)
    path = _config_file(home, environ)
    try:
        checked = read_config(load_yaml(path.read_text()), path)
    except OSError as err:
        raise ConfigError(f"cannot read configuration {path}: {err.strerror or err}") from err
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise ConfigError(f"{path}: {where}{err.problem or err.context}") from None
    except yaml.YAMLError as err:
        raise ConfigError(f"{path}: {err}") from None
    except ValueError as err:
        raise ConfigError(str(err)) from None
    settings = _settings_from_file(checked, inbox, home, path)
    return replace(settings, operator=getpass.getuser(), faults=FaultPlan.from_environment(environ),
                   warehouse_url=environ.get("TICKETS_WAREHOUSE_URL") or f"duckdb:///{home / 'warehouse.duckdb'}")


def _settings_from_file(checked: ConfigFile, inbox: Path | None, home: Path, path: Path) -> Settings:
    jobs = tuple(Job(code=j.code, name=j.name or j.code, start=j.start, end=j.end) for j in checked.jobs)
    return Settings(
        inbox_folder=inbox,
        home=home,
        config_path=path,
        jobs=jobs,
        default_job=checked.default_job or jobs[0].code,
        ocr=OcrSettings(**checked.ocr.model_dump()),
        settle_seconds=checked.sensor.settle_seconds,
        low_confidence=checked.review.low_confidence,
        vendor_min_confidence=checked.review.vendor_min_confidence,
    )


def default_dagster_home(home: Path, environ: Mapping[str, str] = os.environ) -> Path:
    """DAGSTER_HOME when the user did not set one: beside the warehouse."""
    return Path(environ.get("DAGSTER_HOME") or home / "dagster")
