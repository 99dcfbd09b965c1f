"""How fast the review station answers with a queue of 10,000 open items (target: at most 150 ms each).

    .venv/bin/python benchmarks/station.py [--items 10000] [--days 50] [--repeats 15] [--workdir DIR]

Makes a home whose warehouse holds that many open MISSING_MATERIAL items spread over the days (written
through the warehouse's own day transaction, as a run writes them), one rendered ticket page in the page
cache for all of them, a reviewer and a viewer; starts `tickets serve` as its own process and times, over
plain HTTP with a signed-in session: the queue page (unchanged since the last view, and just after an
answer changed the warehouse), an item page, its page image from the cache, and a saved answer (the POST
alone, not the next page it sends the browser to). Prints the median and the slowest of the repeats.
Answers wait for their day's rerun, which the benchmark never lets start (the reviewer stays on one day).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pymupdf
import requests

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ticket_assets.station.users import UserBook  # noqa: E402
from ticket_assets.store.warehouse import Warehouse  # noqa: E402
from ticket_assets.synth.files import write_digital_pdf  # noqa: E402
from ticket_assets.synth.scenario import Catalog, Load  # noqa: E402
from ticket_assets.synth.ticket import TicketMaker  # noqa: E402
from ticket_assets_tests.conftest import free_port, make_home, wait_for  # noqa: E402

TARGET_MS = 150
DPI = 120
FIRST_DAY = date(2024, 9, 2)
FILE_HASH = "b3" * 32
PASSWORD = "benchmark-password"


def main() -> int:
    args = _arguments()
    with tempfile.TemporaryDirectory() as scratch:
        workdir = args.workdir or Path(scratch)
        inbox, home = workdir / "inbox", make_home(workdir / "home", dpi=DPI)
        days = [(FIRST_DAY + timedelta(days=n)).isoformat() for n in range(args.days)]
        started = time.monotonic()
        fill_warehouse(home, inbox, days, args.items)
        print(f"{args.items} open items over {len(days)} days written in {time.monotonic() - started:.1f} s")
        with station(home, inbox) as url:
            timings = measure(url, days[0], args.repeats)
    print_timings(timings)
    return 0


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--workdir", type=Path, help="keep the home here instead of a temporary folder")
    return parser.parse_args()


def fill_warehouse(home: Path, inbox: Path, days: list[str], items: int) -> None:
    """The days' records, open items and OCR rows, one page per item, one day per transaction."""
    warehouse = Warehouse.at(f"duckdb:///{home / 'warehouse.duckdb'}")
    lines = cache_page_image(home)
    per_day = -(-items // len(days))
    for index, day in enumerate(days):
        (inbox / day).mkdir(parents=True, exist_ok=True)
        count = min(per_day, items - index * per_day)
        pages = [_page(day, number) for number in range(1, count + 1)]
        warehouse.replace_partition(day, [_record(p) for p in pages], [_item(p) for p in pages],
                                    [_reading(p, lines) for p in pages], _run_row(day, inbox))
    users = UserBook(home / "station" / "users.json")
    users.add("reviewer", "reviewer", PASSWORD)
    users.add("viewer", "viewer", PASSWORD)


def cache_page_image(home: Path) -> list[dict]:
    """One ticket page drawn into the page cache where the run would have put it; its text lines."""
    load = Load("IMPORT", "DIRT", None, None, "ROBERTS")
    ticket = TicketMaker(Catalog()).make(load, FIRST_DAY, random.Random(3), by_hand=False)
    pdf = home / "ticket.pdf"
    write_digital_pdf(pdf, [ticket])
    target = home / "cache" / "pages" / FILE_HASH[:24] / str(DPI) / "p0001.png"
    target.parent.mkdir(parents=True)
    with pymupdf.open(pdf) as doc:
        page = doc[0]
        page.get_pixmap(dpi=DPI, colorspace=pymupdf.csGRAY).save(target)
        scale = DPI / 72
        return [{"text": text, "confidence": 0.9, "box": [x0 * scale, y0 * scale, x1 * scale, y1 * scale],
                 "source": "ocr", "words": []} for x0, y0, x1, y1, text, *_ in page.get_text("blocks")]


def _page(day: str, number: int) -> dict:
    """Page 1 of a file of its own, the same scan every time: all share the one cached image."""
    file_path = f"{day}/scan_{number:04d}.pdf"
    return {"page_id": f"{file_path}-p1", "partition_key": day, "file_path": file_path, "page_number": 1}


def _record(page: dict) -> dict:
    return {**page, "ticket_number": f"{random.randrange(10**6, 10**7)}", "ticket_date": date.fromisoformat(
        page["partition_key"]), "vendor": random.choice(["ROBERTS", "TARANGO", "HEIDELBERG"]), "flow": "IMPORT",
        "truck_number": str(random.randrange(1, 40)), "job_code": "24-105", "confidence": 0.8,
        "review_required": True, "review_reason": "MISSING_MATERIAL", "file_hash": FILE_HASH, "run_id": _run_id(
            page["partition_key"]), "provenance": {"vendor": {"source": "page", "confidence": 0.9}}}


def _item(page: dict) -> dict:
    return {**page, "reason": "MISSING_MATERIAL", "field_name": "material", "file_hash": FILE_HASH,
            "severity": "CRITICAL", "detected_fields": {"detail": "the material could not be read or inferred"},
            "suggested_fixes": {"material": "DIRT"}, "created_at": datetime(2024, 9, 1), "resolved": False}


def _reading(page: dict, lines: list[dict]) -> dict:
    return {**page, "engine": "rapidocr", "text": "\n".join(line["text"] for line in lines), "words": lines,
            "mean_confidence": 0.9, "seconds": 1.0}


def _run_row(day: str, inbox: Path) -> dict:
    return {"run_id": _run_id(day), "partition_key": day, "status": "EXPORTED", "started_at": datetime.now(),
            "config_snapshot": {"inbox_folder": str(inbox)}, "processed_by": "benchmark"}


def _run_id(day: str) -> str:
    return f"benchmark-{day}"


class station:
    """`tickets serve` on the home, for as long as the block runs."""

    def __init__(self, home: Path, inbox: Path):
        self.home, self.inbox, self.port = home, inbox, free_port()

    def __enter__(self) -> str:
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        self.server = subprocess.Popen([sys.executable, "-m", "ticket_assets.cli", "--home", str(self.home), "serve",
                                        str(self.inbox), "--port", str(self.port), "--quiet-seconds", "3600"],
                                       env=env, start_new_session=True)
        url = f"http://127.0.0.1:{self.port}"
        wait_for(f"{url}/login", seconds=60)
        return url

    def __exit__(self, *exc) -> None:
        os.killpg(self.server.pid, signal.SIGTERM)
        self.server.wait(timeout=60)


def signed_in(url: str, name: str) -> tuple[requests.Session, str]:
    session = requests.Session()
    session.post(f"{url}/login", data={"name": name, "password": PASSWORD, "csrf_token": _csrf(session, f"{url}/login")})
    return session, _csrf(session, f"{url}/queue")


def _csrf(session: requests.Session, url: str) -> str:
    return session.get(url).text.split('name="csrf_token" value="')[1].split('"')[0]


def measure(url: str, day: str, repeats: int) -> dict[str, list[float]]:
    """Milliseconds per request of each kind. The viewer reads the queue (a viewer's views start no rerun);
    the reviewer stays on one day's items, answering each."""
    viewer, _ = signed_in(url, "viewer")
    reviewer, token = signed_in(url, "reviewer")
    day_items = _item_ids(reviewer, url, day)
    timings: dict[str, list[float]] = {name: [] for name in (
        "queue page, just after an answer", "queue page, unchanged", "item page", "page image", "saved answer")}
    for review_id in day_items[:repeats]:
        timings["queue page, just after an answer"].append(_timed(viewer.get, f"{url}/queue"))
        timings["queue page, unchanged"].append(_timed(viewer.get, f"{url}/queue"))
        timings["item page"].append(_timed(reviewer.get, f"{url}/item/{review_id}?day={day}"))
        timings["page image"].append(_timed(reviewer.get, f"{url}/image/{review_id}"))
        timings["saved answer"].append(_timed(reviewer.post, f"{url}/item/{review_id}/answer", data={
            "csrf_token": token, "answers_seen": "0", "set_material": "DIRT", "day": day}, allow_redirects=False))
    return timings


def _item_ids(session: requests.Session, url: str, day: str) -> list[int]:
    page = session.get(f"{url}/queue?day={day}").text
    return [int(part.split("?")[0]) for part in page.split('<td><a href="/item/')[1:]]


def _timed(call, *args, **kwargs) -> float:
    started = time.perf_counter()
    response = call(*args, **kwargs)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code >= 400:
        raise SystemExit(f"{args[0]}: {response.status_code} {response.text[:300]}")
    return elapsed


def print_timings(timings: dict[str, list[float]]) -> None:
    print(f"\n{'request':<36}{'median ms':>10}{'slowest ms':>12}   target <= {TARGET_MS} ms")
    for name, values in timings.items():
        median = statistics.median(values)
        verdict = "ok" if median <= TARGET_MS else "OVER"
        print(f"{name:<36}{median:>10.1f}{max(values):>12.1f}   {verdict}")
    print(f"load average while measured: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    sys.exit(main())
