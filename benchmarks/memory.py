"""Peak memory of every process of `tickets process` as a day grows: does anything grow with the page count?

    .venv/bin/python benchmarks/memory.py --pages 100 500 [--seed 5] [--workdir DIR]

For each size, generates one seeded day of N readable pages and processes it cold (a fresh home) with
`tickets process` as its own Python process, sampling the peak RSS (VmHWM) of every process below this
one, as throughput.py does. Prints one column per size: a kind of process whose memory does not depend
on the page count shows about the same peak in every column. Memory is not slowed by a busy machine, so
this may run beside other work; its wall times are printed only to say how long it took.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

from throughput import ProcessWatch, measure_pipeline, pipeline_environment

from ticket_assets.synth import generate_inbox


def main() -> int:
    args = _arguments()
    columns = {}
    with tempfile.TemporaryDirectory() as scratch:
        workdir = args.workdir or Path(scratch)
        for pages in args.pages:
            columns[pages] = measure_day(workdir / f"{pages}-pages", pages, args.seed, args.day)
    print_peaks(columns)
    return 0


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, nargs="+", default=[100, 500], help="page counts of the days to run")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--day", type=date.fromisoformat, default=date(2024, 10, 14))
    parser.add_argument("--workdir", type=Path, help="keep the inboxes, homes and logs here")
    return parser.parse_args()


def measure_day(folder: Path, pages: int, seed: int, day: date) -> dict:
    """Peak MB per kind of process: the largest of its kind, and how many there were."""
    inbox = folder / "inbox"
    generate_inbox(inbox, [day], pages_per_day=pages, seed=seed, bad_files=False)
    with ProcessWatch() as watch:
        run = measure_pipeline(inbox, folder / "home", day.isoformat(), pipeline_environment(), folder / "run.log")
    print(f"{pages} pages: tickets process took {run['seconds']:.0f} s", file=sys.stderr, flush=True)
    peaks: dict[str, list[int]] = {}
    for role, kb in watch.peaks.values():
        peaks.setdefault(role, []).append(kb)
    return {role: (max(kbs) / 1024, len(kbs)) for role, kbs in peaks.items()}


def print_peaks(columns: dict[int, dict]) -> None:
    print("\npeak RSS per process (VmHWM, MB, the largest of its kind; x how many ran), cold `tickets process`")
    roles = sorted({role for column in columns.values() for role in column})
    print(f"{'process':<42}" + "".join(f"{f'{pages} pages':>18}" for pages in columns))
    for role in roles:
        cells = [f"{column[role][0]:.0f} MB x{column[role][1]}" if role in column else "-"
                 for column in columns.values()]
        print(f"{role:<42}" + "".join(f"{cell:>18}" for cell in cells))


if __name__ == "__main__":
    sys.exit(main())
