"""How the `tickets` command shows things: tables, a day's line, run details, and progress bars."""

from __future__ import annotations

import threading
from pathlib import Path

from ticket_assets.progress import read_progress


def print_table(columns: tuple[str, ...], rows: list[list]) -> None:
    cells = [list(columns)] + [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
    for row in cells:
        print("  ".join(value.ljust(width) for value, width in zip(row, widths)).rstrip())


def print_run_detail(detail, indent: str = "") -> None:
    print(f"{indent}Dagster run {detail.run_id}: {detail.status}, "
          f"{len(detail.retries)} retries, {len(detail.failures)} step failures")
    for retry in detail.retries:
        print(f"{indent}  retried   {retry}")
    for failure in detail.failures:
        print(f"{indent}  failed    {failure}")


def answer_text(answer: dict) -> str:
    given = {**answer["corrections"], **{key: answer[key] for key in ("decision", "because") if answer[key]}}
    return f"{given or 'confirmed'} by {answer['resolved_by']} at {answer['resolved_at']:%Y-%m-%d %H:%M}"


class ProgressBar:
    """A bar of pages read, fed by the progress file the read step writes."""

    def __init__(self, path: Path, day: str, line: int):
        self.path, self.day, self.line = path, day, line
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self):
        self.path.unlink(missing_ok=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()

    def _poll(self) -> None:
        from tqdm import tqdm

        bar = None
        while not self.stop.wait(0.3):
            progress = read_progress(self.path)
            if progress is None or (bar and (bar.n, bar.total) == progress):
                continue
            done, total = progress
            bar = bar or tqdm(total=total, desc=self.day, unit="page", leave=False, position=self.line)
            bar.total = total
            bar.update(done - bar.n)
        if bar:
            bar.close()
