"""`python -m ticket_assets.synth ROOT --days 3 --pages 10 --seed 0`: write a sample inbox and its truth."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

from ticket_assets.synth.generate import generate_inbox


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m ticket_assets.synth", description=__doc__)
    parser.add_argument("root", type=Path, help="inbox folder to write (created if missing)")
    parser.add_argument("--days", type=int, default=3, help="number of consecutive date folders")
    parser.add_argument("--pages", type=int, default=10, help="readable ticket pages per day")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--start", type=date.fromisoformat, default=date(2024, 10, 17), help="first day, YYYY-MM-DD")
    parser.add_argument("--dpi", type=int, default=100, help="resolution of scans and photos")
    parser.add_argument("--no-bad-files", dest="bad_files", action="store_false",
                        help="leave out the empty, truncated, encrypted and not-a-PDF files")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.root.mkdir(parents=True, exist_ok=True)
    days = [args.start + timedelta(days=i) for i in range(args.days)]
    truth = generate_inbox(args.root, days, args.pages, seed=args.seed, bad_files=args.bad_files, dpi=args.dpi)
    print(f"wrote {len(truth)} truth entries for {args.days} day(s) to {args.root / 'truth.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
