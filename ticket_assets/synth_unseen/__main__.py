"""`python -m ticket_assets.synth_unseen OUT --days 2 --pages 20 --seed 1`: an unseen-layout inbox and its truth."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

from ticket_assets.synth_unseen.generate import generate_inbox


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m ticket_assets.synth_unseen", description=__doc__)
    parser.add_argument("root", type=Path, help="inbox folder to write (created if missing)")
    parser.add_argument("--days", type=int, default=3, help="number of consecutive date folders")
    parser.add_argument("--pages", type=int, default=10, help="ticket pages per day")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--first-day", type=date.fromisoformat, default=date(2024, 11, 11), help="YYYY-MM-DD")
    parser.add_argument("--dpi", type=int, default=100, help="resolution of scans and photos")
    parser.add_argument("--only", choices=("base", "v2", "v3", "v4", "v5", "v6", "v7", "v8"),
                        help="draw every page in this round of variants instead of the usual mix (to look at one)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    days = [args.first_day + timedelta(days=i) for i in range(args.days)]
    truth = generate_inbox(args.root, days, args.pages, seed=args.seed, dpi=args.dpi, only=args.only)
    print(f"wrote {len(truth)} pages over {args.days} day(s) to {args.root}; truth in {args.root / 'truth.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
