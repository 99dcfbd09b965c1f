"""Shared fixtures: real scans laid out as an inbox, a small generated inbox, settings for a temp home."""

from __future__ import annotations

import json
import os
import shutil
import socket
import time
import urllib.request
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


def make_home(path: Path, settle_seconds: float = 0, days_at_once: int = 1, **ocr) -> Path:
    """A TICKETS_HOME whose tickets.yaml renders small and uses the given OCR options.

    Its instance runs one day at a time unless told otherwise: the suite's two workers already share the two
    cores, and a day run beside another runs in a process of its own that imports Dagster again."""
    import yaml

    from ticket_assets.config import INSTANCE_TEMPLATE, PACKAGED_CONFIG

    config = yaml.safe_load(PACKAGED_CONFIG.read_text())
    config["ocr"].update({"dpi": 120, "workers": 2, **ocr})
    config["sensor"]["settle_seconds"] = settle_seconds
    path.mkdir(parents=True, exist_ok=True)
    (path / "tickets.yaml").write_text(yaml.safe_dump(config))
    instance = yaml.safe_load(INSTANCE_TEMPLATE.read_text())
    instance["concurrency"]["runs"]["max_concurrent_runs"] = days_at_once
    (path / "dagster").mkdir(exist_ok=True)
    (path / "dagster" / "dagster.yaml").write_text(yaml.safe_dump(instance))
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(1)
    raise TimeoutError(f"{url} did not answer in {seconds} s")


def graphql(base: str, query: str, variables: dict | None = None) -> dict:
    """A webserver's answer to a GraphQL query or mutation, as the UI sends them."""
    request = urllib.request.Request(f"{base}/graphql", data=json.dumps({"query": query, "variables": variables or {}})
                                     .encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        answer = json.load(response)
    assert "errors" not in answer, answer["errors"]
    return answer["data"]


def answer_entry(item: dict, by: str, corrections: dict, because: str | None = None) -> dict:
    """A person's answer to a review item as the answer journal writes it, for Warehouse.save_answer."""
    import uuid
    from datetime import datetime

    from ticket_assets.store.journal import ITEM_IDENTITY

    return {**{key: item[key] for key in ITEM_IDENTITY}, "corrections": corrections, "decision": None, "because": because,
            "resolved_by": by, "resolved_at": datetime.now(), "journal_id": uuid.uuid4().hex}
