"""Where a TICKETS_HOME is, known without reading its configuration: the `tickets` command needs it before
its own imports (command.py)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

DEFAULT_HOME = ".tickets"


def home_from_env(environ: Mapping[str, str] = os.environ) -> Path:
    return Path(environ.get("TICKETS_HOME", "").strip() or DEFAULT_HOME).expanduser().resolve()  # blank: unset


def step_log_of(home: Path) -> Path:
    """What the Dagster step processes print (their events at DEBUG level, engines' warnings)."""
    return home / "logs" / "steps.log"
