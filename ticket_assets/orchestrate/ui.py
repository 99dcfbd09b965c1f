"""The Dagster UI and daemon (`dagster dev`) on a home's instance, as `tickets ui` starts them.

`dagster dev` runs from DAGSTER_HOME itself: run from any other folder that holds a
dagster.yaml (the repository's is the instance template), it warns that the file there is
not used. The paths it needs go in its environment as absolute paths, since its folder is
not the caller's.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ticket_assets.config import Settings

WORKSPACE = Path(__file__).resolve().parents[1] / "workspace.yaml"
# `dagster dev` announces that `dg dev` supersedes it; dg is not part of this project's install.
NOT_DG = "ignore:Function `dev_command` is superseded"


@dataclass(frozen=True)
class UiCommand:
    argv: list[str]
    env: dict[str, str]
    cwd: Path


def dagster_dev(settings: Settings, dagster_home: Path, host: str, port: int,
                environ: Mapping[str, str]) -> UiCommand:
    """The `dagster dev` command line for this home's instance and inbox."""
    paths = {"DAGSTER_HOME": str(dagster_home), "TICKETS_HOME": str(settings.home),
             "TICKETS_CONFIG": str(settings.config_path.resolve())}
    if settings.inbox_folder:
        paths["TICKETS_INBOX"] = str(settings.inbox_folder)
    argv = [sys.executable, "-W", NOT_DG, "-m", "dagster", "dev", "-w", str(WORKSPACE),
            "--host", host, "--port", str(port)]
    return UiCommand(argv, {**environ, **paths}, dagster_home)
