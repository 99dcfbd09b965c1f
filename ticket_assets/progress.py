"""Pages done so far for a day, in a small file that the CLI's progress bar polls.

The pages are read in worker processes of a Dagster step, far from the terminal
that started the run; a file is the simplest thing both can see.
"""

from __future__ import annotations

import json
from pathlib import Path

from ticket_assets.atomic import write_atomically


def progress_path(home: Path, day: str) -> Path:
    return home / "progress" / f"{day}.json"


def write_progress(path: Path, done: int, total: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, lambda temporary: temporary.write_text(json.dumps({"done": done, "total": total})))


def read_progress(path: Path) -> tuple[int, int] | None:
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    return data["done"], data["total"]
