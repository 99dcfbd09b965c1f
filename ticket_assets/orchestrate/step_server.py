"""The forkserver Dagster's multiprocess executor forks a day's step processes from, started early.

Dagster-free on purpose: `tickets process` starts it before it imports Dagster or opens the instance,
so that the server's imports run on the other core while the command sets the run up.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

# What every step process starts with. RapidOCR's model table (loaded when its inference_engine.base
# is imported, 0.9 s) adds that to the server's start, spent while the command sets the run up, and
# takes as much off read_pages, which needs it to name its engine. Never openvino: importing it starts a
# thread, and a process forked from a server with a thread can inherit a lock that thread held (steps
# were seen hanging for good on an import lock). A module that cannot be imported is skipped.
# What a step imports when it opens the instance and its IO manager's files, not with Dagster (0.9 s):
# preloaded, no step pays it again.
INSTANCE_MODULES = ["dagster._core.instance.factory", "dagster._core.storage.runs.sqlite",
                    "dagster._core.storage.event_log.sqlite", "dagster._core.storage.schedules.sqlite",
                    "dagster._core.storage.local_compute_log_manager", "dagster._core.storage.root",
                    "dagster._core.storage.sqlite_storage", "dagster._core.storage.migration.utils",
                    "dagster._core.workspace.context", "dagster._core.secrets.loader",
                    "dagster._core.secrets.env_file", "upath.implementations.local"]
STEP_PRELOAD = ["ticket_assets.definitions", "ticket_assets.stages", "rapidocr.inference_engine.base",
                *INSTANCE_MODULES]
EXECUTOR_MODULE = "dagster._core.executor.multiprocess"


def start_step_server(log: Path) -> None:
    """Start the server the executor forks step processes from now: it imports the code location (about
    2 s) while the run is being set up, instead of delaying the first step. It must preload exactly what
    the executor would ask for; a server already running is left as it is.

    Its processes write to `log`, not to the terminal: Dagster's default logger prints every step event
    there at DEBUG level, which the event log keeps anyway, and the command shows its own progress. Nor do they
    hold the command's output open: `tickets process | tee` ends with the command."""
    multiprocessing.set_forkserver_preload([EXECUTOR_MODULE, *STEP_PRELOAD])
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "ab") as sink, _output_to(sink.fileno()):
        multiprocessing.forkserver.ensure_running()


@contextmanager
def _output_to(fd: int) -> Iterator[None]:
    """This process's standard output and error, and those of what it starts meanwhile, go to `fd`."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = {stream: os.dup(stream) for stream in (1, 2)}
    for stream in saved:
        os.dup2(fd, stream)
    try:
        yield
    finally:
        for stream, copy in saved.items():
            os.dup2(copy, stream)
            os.close(copy)
