"""Days run side by side, each in a process of its own, and stopped together by one Ctrl-C.

Each day's process leaves the terminal's process group, so that a Ctrl-C reaches it exactly once: from the
command, which passes it on. A second interrupt reaching a run while Dagster cleans up after the first
leaves that run started for good. Once stopped, the command starts no more days; the days already running
end their runs as interrupted and say so.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Iterator

from ticket_assets.config import Settings
from ticket_assets.orchestrate.day_run import DayRun, DaysInterrupted, interrupted_day

STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
STOP_SENT_TWICE = 3.0  # seconds: `timeout` and service managers send one stop to the process and to its group


@dataclass
class DayProcess:
    day: str
    process: BaseProcess
    outcome_pipe: Connection
    started: float = field(default_factory=time.monotonic)
    outcome: DayRun | None = None
    told_to_stop: bool = False

    def stop(self) -> None:
        if not self.told_to_stop:
            self.told_to_stop = True
            os.kill(self.process.pid, signal.SIGINT)

    def receive(self) -> None:
        try:
            self.outcome = self.outcome_pipe.recv()
        except EOFError:  # it ended without sending one
            pass

    def ended(self) -> DayRun:
        self.process.join()
        if self.outcome is None and self.outcome_pipe.poll():
            self.receive()
        self.outcome_pipe.close()
        return self.outcome or DayRun(self.day, "", False, f"its process ended without saying how the day went "
                                      f"(exit code {self.process.exitcode}); `tickets process` runs it again",
                                      time.monotonic() - self.started)


def run_side_by_side(settings: Settings, days: list[str], at_once: int) -> Iterator[DayRun]:
    """Each day's outcome as it finishes, `at_once` days running at a time. Raises DaysInterrupted, after
    the running days have ended, when a stop signal came or a day's run was interrupted."""
    context = multiprocessing.get_context("spawn")
    waiting, running = list(days), []
    with _stops_passed_on_to(running) as stop:
        while running or (waiting and not stop.is_set()):
            while waiting and len(running) < at_once and not stop.is_set():
                running.append(_start(context, settings, waiting.pop(0)))
                if stop.is_set():
                    running[-1].stop()
            for done in _wait_for_ends(running):
                running.remove(done)
                outcome = done.ended()
                if outcome.interrupted:
                    stop.set()
                yield outcome
    if stop.is_set():
        raise DaysInterrupted(waiting)


def _wait_for_ends(running: list[DayProcess]) -> list[DayProcess]:
    """The days whose processes have ended, reading outcomes as they arrive (a process that sends one waits
    for it to be read)."""
    by_handle = {handle: day for day in running for handle in (day.outcome_pipe, day.process.sentinel)
                 if not (handle is day.outcome_pipe and day.outcome)}
    for handle in wait(list(by_handle)):
        if handle is by_handle[handle].outcome_pipe:
            by_handle[handle].receive()
    return [day for day in running if not day.process.is_alive()]


def _start(context, settings: Settings, day: str) -> DayProcess:
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=run_day_in_own_session, args=(settings, day, sending), name=f"day {day}")
    # Blocked, not ignored: a stop that comes while the process starts waits, here and in the new process,
    # until each can act on it
    with _stop_signals_blocked():
        process.start()
    sending.close()
    return DayProcess(day, process, receiving)


def run_day_in_own_session(settings: Settings, day: str, outcome_pipe: Connection) -> None:
    """A day's process: out of the terminal's process group, then the day's run; its outcome to the command."""
    started = time.monotonic()
    os.setsid()
    try:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
        from ticket_assets.orchestrate.launch import run_day_in_own_instance

        outcome = run_day_in_own_instance(settings, day)
    except KeyboardInterrupt:  # before its run began
        outcome = interrupted_day(day, time.monotonic() - started)
    signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    with contextlib.suppress(BrokenPipeError):  # the command is gone (its output closed): the ledger has the run
        outcome_pipe.send(outcome)


@contextmanager
def _stops_passed_on_to(running: list[DayProcess]) -> Iterator[threading.Event]:
    """While the days run, Ctrl-C or SIGTERM sets the event and is passed on to each running day. Another one, a
    few seconds later, raises KeyboardInterrupt here (the days, told once, end their runs on their own)."""
    stop, first_stop = threading.Event(), []
    if threading.current_thread() is not threading.main_thread():  # signals reach the main thread only
        yield stop
        return

    def pass_on(signum, frame) -> None:
        if first_stop:
            if time.monotonic() - first_stop[0] > STOP_SENT_TWICE:
                raise KeyboardInterrupt
            return
        first_stop.append(time.monotonic())
        stop.set()
        for day in running:
            day.stop()

    previous = {stop_signal: signal.signal(stop_signal, pass_on) for stop_signal in STOP_SIGNALS}
    try:
        yield stop
    finally:
        for stop_signal, handler in previous.items():
            signal.signal(stop_signal, handler)


@contextmanager
def _stop_signals_blocked() -> Iterator[None]:
    signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
