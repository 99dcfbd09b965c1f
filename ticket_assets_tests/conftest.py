"""Shared fixtures: real scans laid out as an inbox, a small generated inbox, settings for a temp home."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest


REPO = Path(__file__).resolve().parents[1]
REALDATA = Path(os.environ.get("TICKETS_REALDATA", REPO.parent / "shared" / "realdata"))
# Set by CI (.ci/run): the real scans must be there, their tests may not step aside.
REALDATA_REQUIRED = os.environ.get("TICKETS_REQUIRE_REALDATA") == "1"
REALDATA_DAY = "2024-11-26"
SAMPLE_DAYS = [date(2024, 10, 17), date(2024, 10, 18)]


@pytest.fixture(scope="session")
def realdata_inbox(tmp_path_factory) -> Path:
    """The real scans of ../shared/realdata in one date folder, as a crew would drop them."""
    if not REALDATA.is_dir():
        missing = (f"real scans not found at {REALDATA}: they cannot live in the repository (no licence); "
                   "put them there or set TICKETS_REALDATA to their folder")
        if REALDATA_REQUIRED:
            pytest.fail(missing + " (TICKETS_REQUIRE_REALDATA=1)")
        pytest.skip(missing)
    inbox = tmp_path_factory.mktemp("real_inbox")
    day = inbox / REALDATA_DAY
    day.mkdir()
    for path in REALDATA.iterdir():
        if path.suffix.lower() in {".pdf", ".png"}:
            shutil.copyfile(path, day / path.name)
    return inbox


@pytest.fixture(scope="session")
def sample_inbox(tmp_path_factory) -> Path:
    """Two generated days of synthetic tickets, bad files included, with truth.json."""
    from ticket_assets.synth import generate_inbox

    inbox = tmp_path_factory.mktemp("sample_inbox")
    generate_inbox(inbox, SAMPLE_DAYS, pages_per_day=5, seed=7, dpi=100)
    return inbox


def make_home(path: Path, **ocr) -> Path:
    """A TICKETS_HOME whose tickets.yaml renders small and uses the given OCR options."""
    import yaml

    from ticket_assets.config import PACKAGED_CONFIG

    config = yaml.safe_load(PACKAGED_CONFIG.read_text())
    config["ocr"].update({"dpi": 120, "workers": 2, **ocr})
    config["sensor"]["settle_seconds"] = 0
    path.mkdir(parents=True, exist_ok=True)
    (path / "tickets.yaml").write_text(yaml.safe_dump(config))
    return path
