"""Read page images in a pool of worker processes, one engine loaded once per worker.

Work handed to a worker is a small picklable `PageWork` (an id, the path of the
page's grey PNG and, when that is not drawn yet, the recipe to draw it), never
an image or an engine. Drawing the page in the worker that reads it overlaps
rendering with OCR and spreads it over every core. Workers are
started by the `forkserver` method, as the Dagster executor's step processes
are: a step process is not a daemon, so it may start them. Every page comes
back with an OcrResult: a page that cannot be read carries its error; only an
engine that cannot load at all stops the call (EngineUnavailable).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

import numpy as np
from PIL import Image

from ticket_assets.config import OcrSettings
from ticket_assets.faults import NO_FAULTS, FaultPlan
from ticket_assets.ocr.base import EngineUnavailable, OcrEngine, OcrResult
from ticket_assets.ocr.orientation import upright_size
from ticket_assets.ocr.registry import create_engine, recorded_name, resolve_settings

if TYPE_CHECKING:
    from ticket_assets.render import PageRender

OnDone = Callable[[str, OcrResult], None]


@dataclass(frozen=True)
class PageWork:
    """One page to read: its id, its grey PNG on disk, and how to draw that PNG if it is not there yet."""

    page_id: str
    image_path: str
    render: PageRender | None = None


# Each reader runs on one thread: pages are spread over processes instead. Tesseract runs a binary per
# page, which takes its thread limit from the environment of the process that reads.
WORKER_ENVIRONMENT = {"OMP_THREAD_LIMIT": "1"}

# Set in each worker process by _load_worker_engine; the parent never loads an engine for the pool.
_worker_engine: OcrEngine | None = None
_worker_load_error: BaseException | None = None
_worker_timeout: float = 0
_worker_faults: FaultPlan = NO_FAULTS


def ocr_pages(work: list[PageWork], settings: OcrSettings, on_done: OnDone | None = None,
              faults: FaultPlan = NO_FAULTS) -> dict[str, OcrResult]:
    """One OcrResult per page id, in the order of `work`; `on_done` is called in this process as each finishes.

    Raises EngineUnavailable when the configured engine cannot run or load here.
    """
    if len({item.page_id for item in work}) != len(work):
        raise ValueError("ocr_pages was given the same page id twice")
    settings = resolve_settings(settings)
    if not work:
        return {}
    workers = min(settings.worker_count(), len(work))
    # A daemon process may not have children (multiprocessing refuses); read in-process there.
    if workers <= 1 or multiprocessing.current_process().daemon:
        results = _read_in_process(work, settings, on_done)
    else:
        results = _read_in_pool(work, settings, workers, on_done, faults)
    return {item.page_id: results[item.page_id] for item in work}


class WorkerLost(RuntimeError):
    """A pool worker died (killed, out of memory): transient, the caller retries."""


class PageTimeout(BaseException):
    """OCR of one page ran over its time limit. Not an Exception: raised from a signal handler wherever the
    engine happens to be, it must pass RapidOCR's `except Exception` around its resize and inference calls,
    which wrapped it in its own errors (the page then read "rapidocr failed", not its time limit)."""


def read_page(engine: OcrEngine, item: PageWork, timeout_seconds: float = 0) -> OcrResult:
    """One page drawn if need be and read by the engine, timed; a page that fails carries its error, no lines."""
    started = time.perf_counter()
    problem = item.render.draw() if item.render else None
    if problem:
        return OcrResult(engine.name, 0, 0, seconds=_since(started), error=problem)
    try:
        image = _load_grey(item.image_path)
    except Exception as err:  # whatever is wrong with the file, it is this page's problem only
        return OcrResult(engine.name, 0, 0, seconds=_since(started), error=f"image could not be read: {err}")
    height, width = image.shape
    try:
        with _time_limit(timeout_seconds):
            reading = engine.read(image)
    except PageTimeout:
        error = f"OCR stopped after {timeout_seconds:g} s on this page (ocr.page_timeout_seconds)"
        return OcrResult(engine.name, width, height, seconds=_since(started), error=error)
    except Exception as err:  # an engine crash on one page must not stop the day
        error = f"{engine.name} failed on this page: {type(err).__name__}: {err}"
        return OcrResult(engine.name, width, height, seconds=_since(started), error=error)
    width, height = upright_size(width, height, reading.turned)
    return OcrResult(engine.name, width, height, reading.lines, seconds=_since(started), turned=reading.turned)


def _read_in_process(work: list[PageWork], settings: OcrSettings, on_done: OnDone | None) -> dict[str, OcrResult]:
    os.environ.update(WORKER_ENVIRONMENT)  # this process is the reader
    engine = create_engine(settings.engine, settings)
    results = {}
    for item in work:
        results[item.page_id] = read_page(engine, item, settings.page_timeout_seconds)
        if on_done:
            on_done(item.page_id, results[item.page_id])
    return results


def _read_in_pool(work: list[PageWork], settings: OcrSettings, workers: int,
                  on_done: OnDone | None, faults: FaultPlan) -> dict[str, OcrResult]:
    context = multiprocessing.get_context("forkserver")
    results, name = {}, recorded_name(settings)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_load_worker_engine,
                             initargs=(settings, faults)) as pool:
        futures = {pool.submit(_read_in_worker, item): item for item in work}
        try:
            for future in as_completed(futures):
                item = futures[future]
                results[item.page_id] = _outcome(future, name)
                if on_done:
                    on_done(item.page_id, results[item.page_id])
        except BaseException:
            # Do not read the rest of the day for nothing; wait for the pages being read (an interrupt stops
            # them too): without the wait, a process that exits now waits forever for idle workers.
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return results


def _outcome(future: Future, name: str) -> OcrResult:
    try:
        return future.result()
    except (EngineUnavailable, MemoryError):  # the engine did not load in the worker
        raise
    except BrokenProcessPool as err:  # a worker was killed: its pages were not read, so the step is retried
        raise WorkerLost(f"an OCR worker process died ({err}); the pages read so far are cached") from err
    except Exception as err:  # anything else is this page's problem only
        return OcrResult(name, 0, 0, error=f"OCR worker failed: {type(err).__name__}: {err}")


def _load_worker_engine(settings: OcrSettings, faults: FaultPlan) -> None:
    """Pool initializer. It must not raise: a failing initializer breaks the pool and hides the reason."""
    global _worker_engine, _worker_load_error, _worker_timeout, _worker_faults
    os.environ.update(WORKER_ENVIRONMENT)
    _worker_timeout, _worker_faults = settings.page_timeout_seconds, faults
    try:
        _worker_engine = create_engine(settings.engine, settings)
    except Exception as err:
        _worker_load_error = err


def _read_in_worker(item: PageWork) -> OcrResult:
    _worker_faults.reach("ocr_worker")
    if _worker_engine is None:
        raise _worker_load_error or EngineUnavailable("the OCR engine was not loaded in this worker")
    return read_page(_worker_engine, item, _worker_timeout)


@contextmanager
def _time_limit(seconds: float):
    """Raise PageTimeout in this thread after `seconds` (0: no limit). Only the main thread gets signals;
    elsewhere the page runs unlimited. The engine is interrupted between its own steps, not inside one."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    expired = []

    def expire(signum, frame):
        expired.append(True)
        raise PageTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if expired:  # the handler ran where its exception is swallowed (a __del__, a garbage collector callback)
        raise PageTimeout()


def _load_grey(path: str) -> np.ndarray:
    with Image.open(path) as image:
        return np.array(image.convert("L"))


def _since(started: float) -> float:
    return round(time.perf_counter() - started, 3)
