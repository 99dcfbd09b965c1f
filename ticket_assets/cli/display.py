"""How the `tickets` command shows things: tables, run details, answers, and the progress of the days it runs."""

from __future__ import annotations

import os
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from ticket_assets.progress import progress_path, read_progress

CLEAR_LINE = "\r\x1b[K"  # back to the start of the line and wipe it: terminals only


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


class DaysProgress:
    """One display of the pages read for the whole command, fed by the progress files the read steps write.

    On a terminal it is one line redrawn in place: pages read of the total, each day being read, the time
    left. Anywhere else (a log file, CI, cron) it is a plain line each time a day has read another quarter of
    its pages. Lines the command prints meanwhile go through `print`, so they never land inside the display.
    """

    def __init__(self, home: Path, out: TextIO | None = None, poll_seconds: float = 0.5):
        self.home, self.out, self.poll_seconds = home, out or sys.stdout, poll_seconds
        self.terminal = self.out.isatty()
        self.lock = threading.Lock()
        self.days: list[str] = []
        self.finished: set[str] = set()  # days done, or left as they were (unchanged): none of them waits
        self.quarters: dict[str, int] = {}  # quarters of its pages each day had read when last shown
        self.line = ""  # what the terminal shows now
        self.started = time.monotonic()

    @contextmanager
    def running(self, days: list[str]) -> Iterator[None]:
        """Show the progress of these days while they run (files left by earlier runs are removed first)."""
        for day in days:
            progress_path(self.home, day).unlink(missing_ok=True)
        self.days, self.finished, self.quarters, self.started = list(days), set(), {}, time.monotonic()
        stop = threading.Event()
        poller = threading.Thread(target=self._poll, args=(stop,), daemon=True)
        poller.start()
        try:
            yield
        finally:
            stop.set()
            poller.join()
            self.refresh()
            self._show("")

    def print(self, text: str) -> None:
        """A line of the command's own, printed above the display (which is drawn again below it)."""
        with self.lock:
            self._write(f"{CLEAR_LINE if self.line else ''}{text}\n{self.line}")

    def day_done(self, day: str, line: str) -> None:
        """A day's own line, printed above the display, once it has finished or was found unchanged."""
        self.finished.add(day)
        self.print(line)

    def refresh(self) -> None:
        """Read the progress files and show what changed."""
        read = {day: progress for day in self.days if (progress := read_progress(progress_path(self.home, day)))}
        to_start = [day for day in self.days if day not in read and day not in self.finished]
        text = progress_text(read, len(to_start), time.monotonic() - self.started)
        if self.terminal:
            self._show(text)
        elif self._another_quarter(read):
            self.print(text)

    def _poll(self, stop: threading.Event) -> None:
        while not stop.wait(self.poll_seconds):
            self.refresh()

    def _another_quarter(self, read: dict[str, tuple[int, int]]) -> bool:
        quarters = {day: 4 * done // total for day, (done, total) in read.items() if total}
        another = any(quarter > self.quarters.get(day, 0) for day, quarter in quarters.items())
        self.quarters.update(quarters)
        return another

    def _show(self, line: str) -> None:
        if not self.terminal:
            return
        line = line[:shutil.get_terminal_size().columns - 1]
        with self.lock:
            if line != self.line:
                self._write(CLEAR_LINE + line)
                self.line = line

    def _write(self, text: str) -> None:
        try:
            self.out.write(text)
            self.out.flush()
        except BrokenPipeError:  # `tickets process | head`: the reader has gone, the days go on unseen
            self.out = open(os.devnull, "w")


def progress_text(read: dict[str, tuple[int, int]], to_start: int, seconds: float) -> str:
    """`pages read 40/95 | 2024-10-17 12/30 | 1 day to start | about 2 min left`: the days whose read step has
    started, as (done, total), and how many have not (queued, or their run still starting: the command's only
    day is not "waiting" while its run starts); the time left assumes a day to start is an average one."""
    done, total = sum(d for d, _ in read.values()), sum(t for _, t in read.values())
    parts = [f"pages read {done}/{total}"] + [f"{day} {d}/{t}" for day, (d, t) in read.items() if d < t]
    if to_start:
        parts.append(f"{counted(to_start, 'day')} to start")
    to_read = total - done + (to_start * total / len(read) if read else 0)
    if done and to_read:
        parts.append(f"about {_duration(to_read * seconds / done)} left")
    return " | ".join(parts)


def counted(number: int, noun: str) -> str:
    """`1 file`, `2 files`, `0 files`."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _duration(seconds: float) -> str:
    return f"{round(seconds)} s" if seconds < 90 else f"{round(seconds / 60)} min"
