"""Pages per second of the OCR engine alone and of the whole pipeline through Dagster, on this machine's cores.

    .venv/bin/python benchmarks/throughput.py --pages 100 --seed 5 --repeats 3 [--workers N]
    .venv/bin/python benchmarks/throughput.py --scan ../shared/realdata/Roberts1.png --repeats 3

Generates one seeded day of N readable pages (no bad files) and, in every repeat, measures:

  (a) the raw engine on each of RapidOCR's runtimes (OpenVINO, onnxruntime), one after the other: the
      day's pages rendered and read in a plain ProcessPoolExecutor of the pipeline's size, each worker
      loading the engine before the clock starts and drawing each page (into a scratch folder) just
      before reading it. No Dagster, no warehouse, none of the project's caches.
  (b) `tickets process` for the same inbox, run as its own Python process (`ticket_assets.cli.main`) so
      that every run starts as a user's command does: cold with a fresh TICKETS_HOME, then warm, the same
      home processed again unchanged (page and OCR caches hit).

Prints the medians (with min and max) of the repeats, the issue's targets beside them, the peak memory
of every kind of process (VmHWM from /proc, sampled while each measurement runs), the time from the
folder being complete to its manifest log being in place, and where the pipeline's time goes, step by
step, from the run's Dagster event log, and how much CPU other programs took meanwhile (a shared machine
is slower than it can be). With --workdir, what each `tickets process` printed is kept in <workdir>/logs.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from datetime import date
from itertools import repeat
from pathlib import Path

import yaml

from ticket_assets.config import OcrSettings, Settings, load_settings
from ticket_assets.discover import inventory_day
from ticket_assets.ocr.pool import PageWork, read_page
from ticket_assets.ocr.rapid import RUNTIMES
from ticket_assets.ocr.registry import create_engine, recorded_name, resolve_settings
from ticket_assets.render import day_pages
from ticket_assets.synth import generate_inbox

STEPS = ("read_pages", "extracted_tickets", "tracking_export")
TICKETS = "from ticket_assets.command import command_line; command_line()"
SAMPLE_SECONDS = 0.5
LOADED_CHECK_SECONDS = 0.3  # long enough that every worker of the pool is started and takes one
PEAK_RESET = "5"  # written to /proc/self/clear_refs: the peak RSS starts again from the current RSS


def main() -> int:
    args = _arguments()
    if args.workdir and args.workdir.exists() and any(args.workdir.iterdir()):
        raise SystemExit(f"--workdir {args.workdir} is not empty: its homes would not be cold")
    with tempfile.TemporaryDirectory() as scratch:
        workdir = args.workdir or Path(scratch)
        inbox = workdir / "inbox"
        _fill_day(inbox, args)
        env = _pipeline_environment(workdir, inbox, args.workers)
        settings = load_settings(inbox, workdir / "home-0")  # what a fresh home reads, as (b) does
        if args.workers is not None:
            settings = replace(settings, ocr=replace(settings.ocr, workers=args.workers))
        samples = [_one_repeat(r, workdir, inbox, args.day.isoformat(), settings, env) for r in range(args.repeats)]
    print_report(args, settings, samples)
    return 0


def _fill_day(inbox: Path, args) -> None:
    """The day's folder: --scan's file alone, or --pages generated pages."""
    if args.scan:
        (inbox / args.day.isoformat()).mkdir(parents=True)
        shutil.copy2(args.scan, inbox / args.day.isoformat())
        _say(f"the day holds {args.scan.name} alone")
        return
    started = time.perf_counter()
    generate_inbox(inbox, [args.day], pages_per_day=args.pages, seed=args.seed, bad_files=False)
    _say(f"generated {args.pages} pages in {time.perf_counter() - started:.0f} s under {inbox}")


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=100, help="readable pages in the day's folder")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--scan", type=Path, help="a day of this one file instead of generated pages: a scan the "
                        "engine must read (the generator's first page is born-digital with every seed tried)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workers", type=int, help="OCR processes, for both (a) and (b); default ocr.workers")
    parser.add_argument("--day", type=date.fromisoformat, default=date(2024, 10, 14))
    parser.add_argument("--workdir", type=Path, help="keep the inbox, the homes and the logs here")
    return parser.parse_args()


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def pipeline_environment() -> dict[str, str]:
    """The environment of a fresh shell for `tickets process`: no home or inbox left over from this one."""
    return {k: v for k, v in os.environ.items() if k not in ("DAGSTER_HOME", "TICKETS_HOME", "TICKETS_INBOX")}


def _pipeline_environment(workdir: Path, inbox: Path, workers: int | None) -> dict[str, str]:
    """pipeline_environment; with --workers, a copy of the configuration that sets them."""
    env = pipeline_environment()
    if workers is not None:
        config = yaml.safe_load(load_settings(inbox, workdir / "home-0").config_path.read_text())
        config.setdefault("ocr", {})["workers"] = workers
        (workdir / "tickets.yaml").write_text(yaml.safe_dump(config))
        env["TICKETS_CONFIG"] = str(workdir / "tickets.yaml")
    return env


def raw_phases() -> tuple[str, ...]:
    return tuple(f"raw {runtime}" for runtime in RUNTIMES)


PIPELINE_PHASES = ("cold", "warm")


def _one_repeat(index: int, workdir: Path, inbox: Path, day: str, settings: Settings, env: dict) -> dict:
    """(a) on each runtime, then (b) cold and warm, each with the peak memory of the processes it ran and the
    CPU others took."""
    home, logs = workdir / f"home-{index + 1}", workdir / "logs"
    logs.mkdir(exist_ok=True)
    sample = {}
    for phase, runtime in zip(raw_phases(), RUNTIMES):
        with ProcessWatch() as watch:
            sample[phase] = measure_raw(inbox, day, replace(settings, ocr=replace(settings.ocr, runtime=runtime)))
        sample[phase].update(memory=list(watch.peaks.values()), other_cpu=watch.other_cpu())
    for phase in PIPELINE_PHASES:
        with ProcessWatch() as watch:
            sample[phase] = measure_pipeline(inbox, home, day, env, logs / f"{phase}-{index + 1}.log")
        sample[phase].update(memory=list(watch.peaks.values()), other_cpu=watch.other_cpu())
    _say(f"repeat {index + 1}: " + ", ".join(f"{phase} {sample[phase]['seconds']:.1f} s" for phase in sample)
         + f"; load average {os.getloadavg()[0]:.2f}")
    return sample


_engine = None  # set in each worker of (a) by _load_engine
_engine_load_seconds = 0.0


def measure_raw(inbox: Path, day: str, settings: Settings) -> dict:
    """With a pool's engines loaded, describe the day's pages, then draw and OCR every scanned page."""
    entries = inventory_day(inbox, day)
    ocr = resolve_settings(settings.ocr)
    workers = min(ocr.worker_count(), sum(entry.page_count for entry in entries))
    context = multiprocessing.get_context("forkserver")  # as ocr/pool.py starts its workers
    with tempfile.TemporaryDirectory() as scratch, ProcessPoolExecutor(
            workers, mp_context=context, initializer=_load_engine, initargs=(ocr,)) as pool:
        _wait_until_loaded(pool, workers)
        started = time.perf_counter()
        pages = day_pages(inbox, entries, Path(scratch), ocr.dpi)
        described = time.perf_counter()
        work = [PageWork(page.page_id, page.image_path, page.render) for page in pages if page.render]
        readings = list(pool.map(_read, work, repeat(ocr.page_timeout_seconds)))
        finished = time.perf_counter()
    return {
        "engine": recorded_name(ocr), "pages": len(pages), "ocr_pages": len(work), "describe": described - started,
        "ocr": finished - described, "seconds": finished - started, "workers": workers,
        "engine_load": max((load for _, load, _ in readings), default=0.0),
        "engine_busy": sum(result.seconds for _, _, result in readings),
        "failed": sum(result.error is not None for _, _, result in readings),
    }


def _wait_until_loaded(pool: ProcessPoolExecutor, workers: int) -> None:
    """Start every worker of the pool and wait until each has loaded its engine (the pool's initializer)."""
    pids: set[int] = set()
    for _ in range(100):
        pids |= set(pool.map(_loaded, [LOADED_CHECK_SECONDS] * workers))
        if len(pids) == workers:
            return
    raise SystemExit(f"only {len(pids)} of {workers} OCR workers took work before the clock")


def _loaded(seconds: float) -> int:
    time.sleep(seconds)  # holds this worker, so that the next check starts another
    return os.getpid()


def _load_engine(ocr: OcrSettings) -> None:
    global _engine, _engine_load_seconds
    started = time.perf_counter()
    _engine = create_engine(ocr.engine, ocr)
    _engine_load_seconds = time.perf_counter() - started


def _read(item: PageWork, timeout_seconds: float) -> tuple:
    return os.getpid(), _engine_load_seconds, read_page(_engine, item, timeout_seconds)


def measure_pipeline(inbox: Path, home: Path, day: str, env: dict, log: Path) -> dict:
    """`tickets process` as its own process; the wall time, when the manifest log appeared, the step times."""
    command = [sys.executable, "-c", TICKETS, "--home", str(home), "process", str(inbox)]
    started = time.time()
    with log.open("w") as output:
        code = subprocess.run(command, env=env, stdout=output, stderr=subprocess.STDOUT, check=False).returncode
    finished = time.time()
    if code != 0:
        tail = "\n".join(log.read_text().splitlines()[-30:])
        raise SystemExit(f"tickets process failed (exit {code}); the end of what it printed:\n{tail}")
    steps = step_times(home / "dagster", started, finished)
    exported = _exported_at(home, day) - started
    return {"seconds": finished - started, "to_export": exported if steps else None, "steps": steps}


def _exported_at(home: Path, day: str) -> float:
    """When the day's manifest log was in place: the file's mtime, or the later swap of the day's link to it."""
    folder = home / "exports" / day
    manifest = folder / "manifest_log.csv"
    if not manifest.exists():
        raise SystemExit(f"{manifest} was not written")
    return max(manifest.stat().st_mtime, folder.lstat().st_mtime)


def step_times(dagster_home: Path, started: float, finished: float) -> dict[str, float]:
    """Seconds spent before the first step, launching and running each step, and after the last one; empty
    when the command started no run (the day was unchanged)."""
    from dagster import DagsterInstance

    with DagsterInstance.from_config(str(dagster_home)) as instance:
        record = instance.get_run_records(limit=1)[0]
        if record.create_timestamp.timestamp() < started:
            return {}
        run = record.dagster_run
        events = [(e.timestamp, e.dagster_event.event_type_value, e.step_key)
                  for e in instance.all_logs(run.run_id) if e.dagster_event]
    at = {(kind, step): stamp for stamp, kind, step in events}
    times = {"before the first step": at[("STEP_WORKER_STARTING", STEPS[0])] - started}
    for step in STEPS:
        times[f"{step}: process start"] = at[("STEP_START", step)] - at[("STEP_WORKER_STARTING", step)]
        times[f"{step}: work"] = at[("STEP_SUCCESS", step)] - at[("STEP_START", step)]
    times["after the last step"] = finished - at[("STEP_SUCCESS", STEPS[-1])]
    times["between steps"] = (finished - started) - sum(times.values())
    return times


class ProcessWatch:
    """Peak RSS (VmHWM) and CPU time of this process and every process below it, sampled from /proc while a
    block runs, and the CPU the whole machine spent meanwhile: the rest is what other programs took."""

    def __init__(self):
        self.peaks: dict[int, tuple[str, int]] = {}  # pid -> (role, kB)
        self.cpu: dict[int, float] = {}  # pid -> CPU seconds at the last sample
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self):
        try:
            Path("/proc/self/clear_refs").write_text(PEAK_RESET)
        except OSError:
            pass  # then this process's figure is its peak since it started
        self._machine_before = _machine_busy_seconds()
        me = os.getpid()
        self.cpu_before = {pid: _cpu_seconds(pid) or 0.0 for pid in [me] + [pid for pid, _ in _descendants(me)]}
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self._sample()
        self.machine_busy = _machine_busy_seconds() - self._machine_before

    def other_cpu(self) -> float:
        """CPU seconds the machine spent outside the watched processes (other programs)."""
        ours = sum(seconds - self.cpu_before.get(pid, 0.0) for pid, seconds in self.cpu.items())
        return max(self.machine_busy - ours, 0.0)

    def _watch(self) -> None:
        while not self._stop.wait(SAMPLE_SECONDS):
            self._sample()

    def _sample(self) -> None:
        me = os.getpid()
        for pid, parent in [(me, None)] + _descendants(me):
            peak, cpu = _peak_kb(pid), _cpu_seconds(pid)
            if peak is not None:
                role = self.peaks[pid][0] if pid in self.peaks else _role(pid, parent, me)
                self.peaks[pid] = (role, max(peak, self.peaks.get(pid, ("", 0))[1]))
            if cpu is not None:
                self.cpu[pid] = max(cpu, self.cpu.get(pid, 0.0))


def _machine_busy_seconds() -> float:
    """CPU seconds all cores spent busy since boot (not idle, not waiting for the disk)."""
    fields = [int(value) for value in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def _descendants(root: int) -> list[tuple[int, int]]:
    """(pid, parent pid) of every process below root."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    found, stack = [], [root]
    while stack:
        parent = stack.pop()
        found += [(child, parent) for child in children.get(parent, [])]
        stack += children.get(parent, [])
    return found


def _peak_kb(pid: int) -> int | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    return next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), None)


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _role(pid: int, parent: int | None, me: int) -> str:
    """What a process is, from its command line and its parent's: a forked child keeps its forkserver's."""
    if pid == me:
        return "this benchmark"
    command = _cmdline(pid)
    if "ticket_assets.cli" in command:
        return "tickets process (CLI, run coordinator)"
    if "multiprocessing.forkserver" in command:
        if command != _cmdline(parent):
            return "forkservers"
        return "Dagster step processes" if "ticket_assets.definitions" in command else "OCR worker processes"
    if "watch_orphans" in command or command.startswith("tail "):
        return "step log capture (tail, watch_orphans)"
    return "others (resource tracker)"


def print_report(args, settings: Settings, samples: list[dict]) -> None:
    raw = samples[0][raw_phases()[0]]
    source = args.scan.name if args.scan else f"seed {args.seed}"
    print(f"\nthroughput: {raw['pages']} pages in one day ({source}), {raw['ocr_pages']} of them OCR'd "
          f"(the rest born-digital), pipeline engine {recorded_name(settings.ocr)}, {raw['workers']} OCR workers, "
          f"{os.cpu_count()} cores; repeats: {len(samples)}, figures are medians [min-max]")
    print_speeds(samples)
    print_targets(samples)
    print_memory(samples)
    print_steps(samples)


def _values(samples: list[dict], phase: str, key: str) -> list[float]:
    return [sample[phase][key] for sample in samples]


def _median(samples: list[dict], phase: str, key: str = "seconds") -> float:
    return statistics.median(_values(samples, phase, key))


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):7.1f} s [{min(values):.1f}-{max(values):.1f}]"


def print_speeds(samples: list[dict]) -> None:
    pages = samples[0][raw_phases()[0]]["pages"]
    rows = []
    for phase in raw_phases():
        rows += [(f"(a) {phase}: describe pages (this process)", _values(samples, phase, "describe"), False),
                 (f"(a) {phase}: draw + OCR in the pool", _values(samples, phase, "ocr"), False),
                 (f"(a) {phase} engine: render + OCR", _values(samples, phase, "seconds"), True)]
    rows += [
        ("(b) pipeline cold: tickets process", _values(samples, "cold", "seconds"), True),
        ("(b) pipeline warm: same home again", _values(samples, "warm", "seconds"), True),
        ("folder complete -> manifest_log.csv (cold)", _values(samples, "cold", "to_export"), False),
    ]
    if None not in _values(samples, "warm", "to_export"):
        rows.append(("folder complete -> manifest_log.csv (warm)", _values(samples, "warm", "to_export"), False))
    print(f"\n{'measurement':<50}{'wall time':>24}{'pages/s':>10}{'s/page':>9}")
    for label, values, rated in rows:
        median = statistics.median(values)
        rate = f"{pages / median:>10.2f}{median / pages:>9.2f}" if rated else ""
        print(f"{label:<50}{_spread(values):>24}{rate}")
    for phase in raw_phases():
        busy, ocr_pages = _median(samples, phase, "engine_busy"), samples[0][phase]["ocr_pages"]
        print(f"(a) {phase}: engine load {_median(samples, phase, 'engine_load'):.1f} s per worker (before the "
              f"clock); draw + OCR busy {busy:.1f} s in all, {busy / max(ocr_pages, 1):.2f} s per OCR'd page; "
              f"pages failed {samples[0][phase]['failed']}")
    phases = (*raw_phases(), *PIPELINE_PHASES)
    others = [statistics.median(s[phase]["other_cpu"] / (s[phase]["seconds"] * os.cpu_count()) for s in samples)
              for phase in phases]
    print("other programs took about " + " / ".join(f"{share:.0%}" for share in others)
          + f" of the machine's CPU during {' / '.join(phases)}: figures from a shared machine are slower than it "
          "can do")
    print("'folder complete -> manifest_log.csv': from starting `tickets process` on the finished folder to "
          "the day's manifest log being in place; the sensor adds sensor.settle_seconds and its 30 s tick.")


def print_targets(samples: list[dict]) -> None:
    cold, warm = _median(samples, "cold"), _median(samples, "warm")
    pages = samples[0][raw_phases()[0]]["pages"]
    ratios = {phase: _median(samples, phase) / cold for phase in raw_phases()}
    fastest = min(raw_phases(), key=lambda phase: _median(samples, phase))
    wanted = 0.9 if pages >= 100 else 0.8
    hundred = cold * 100 / pages
    scaled = "" if pages == 100 else f" (scaled from {pages} pages)"
    rows = [(f"pipeline cold, share of {phase}'s pages/s", f"{ratio:.0%}", None) for phase, ratio in ratios.items()]
    rows += [
        (f"pipeline cold >= {wanted:.0%} of the faster raw engine's", f"{ratios[fastest]:.0%} ({fastest})",
         ratios[fastest] >= wanted),
        (f"100 pages <= 75 s on {os.cpu_count()} cores (cold)", f"{hundred:.0f} s{scaled}", hundred <= 75),
        ("warm >= 10x faster than cold", f"{cold / warm:.1f}x", cold / warm >= 10),
        ("a one-page day <= 8 s (cold; --scan FILE or --pages 1)", f"{cold:.1f} s" if pages == 1 else "-",
         cold <= 8 if pages == 1 else None),
    ]
    print(f"\n{'target (issue 13)':<56}{'measured':>30}  met")
    for label, value, met in rows:
        print(f"{label:<56}{value:>30}  {'' if met is None else 'yes' if met else 'NO'}")
    print("(90% is the target on a 100-page day, 80% on a 40-page day; the pipeline's fixed cost counts against it)")


def print_memory(samples: list[dict]) -> None:
    print("\npeak RSS per process (VmHWM, MB: the largest over the repeats; x processes per run, as sampled "
          "every 0.5 s; RSS counts pages shared with a forkserver; target: OCR workers <= about 800 MB)")
    phases = (*raw_phases(), *PIPELINE_PHASES)
    roles = sorted({role for sample in samples for phase in phases for role, _ in sample[phase]["memory"]})
    print(f"{'process':<42}" + "".join(f"{name:>18}" for name in phases))
    for role in roles:
        cells = []
        for phase in phases:
            peaks = [kb for sample in samples for name, kb in sample[phase]["memory"] if name == role]
            cells.append(f"{max(peaks) / 1024:.0f} MB x{len(peaks) / len(samples):g}" if peaks else "-")
        print(f"{role:<42}" + "".join(f"{cell:>18}" for cell in cells))
    print("bounded whatever the page count: not shown by one size; compare the OCR workers' peak at other --pages.")


def print_steps(samples: list[dict]) -> None:
    print("\nwhere the pipeline's time goes (median s, from the run's Dagster event log)")
    print(f"{'':<36}{'cold':>8}{'warm':>8}")
    for part in samples[0]["cold"]["steps"]:
        cold, warm = (statistics.median(s[phase]["steps"].get(part, float("nan")) for s in samples)
                      for phase in PIPELINE_PHASES)
        print(f"{part:<36}{cold:>8.1f}{warm:>8.1f}")
    if not samples[0]["warm"]["steps"]:
        print("warm: no run; `tickets process` found the day unchanged since the cold run (--again would run it)")


if __name__ == "__main__":
    sys.exit(main())
