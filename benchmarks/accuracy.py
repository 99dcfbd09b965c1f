"""Field accuracy of the whole pipeline on a seeded synthetic inbox, and what it reads on the real scans.

    .venv/bin/python benchmarks/accuracy.py --seed 11 --days 3 --pages 20
    .venv/bin/python benchmarks/accuracy.py --family unseen --seed 5 --days 5 --pages 20

Two families of pages: `standard`, drawn by the project's generator (ticket_assets.synth, written beside
the extraction, which was tuned on its seed 11), and `unseen`, drawn by ticket_assets.synth_unseen, written
from the domain note by someone who had not read the extraction: its layouts, labels and phrasings are
its own. The extraction is never tuned on it. Generates the inbox, processes every day through
Dagster exactly as `tickets process` does (a temporary TICKETS_HOME), and
compares the warehouse with the generator's truth. Prints per field: accuracy on
the pages where the truth has a value, then the review rate, the silent error
rate (records not sent to review whose ticket number, date, vendor or material
is wrong), manifest recall, duplicate recall and bad-file coverage. Tune on one
seed, report another.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from ticket_assets.config import load_settings
from ticket_assets.store.warehouse import Warehouse
from ticket_assets import synth, synth_unseen

FIELDS = ("ticket_number", "ticket_date", "vendor", "material", "flow", "source", "destination",
          "manifest_number", "quantity", "quantity_unit", "truck_number")
SILENT_FIELDS = ("ticket_number", "ticket_date", "vendor", "material")
# Fields whose accuracy is also given on the pages where they are printed: the engine reads little handwriting,
# and what it misses there the extraction cannot make up.
WHERE_PRINTED = ("material", "quantity", "truck_number")
DERIVED = ("ticket_number on clean scans", *(f"{name} where printed" for name in WHERE_PRINTED),
           "contaminated vs clean", "contaminated vs clean, accepted")
# A page where one of these is handwritten goes to a person whatever the extraction does: the engine reads
# little handwriting. The review rate of the other pages is what the extraction answers for.
DECIDING_FIELDS = {"ticket_number", "material", "manifest_number"}
FAMILIES = {"standard": synth.generate_inbox, "unseen": synth_unseen.generate_inbox}
REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata"


def main() -> int:
    args = _arguments()
    with tempfile.TemporaryDirectory() as scratch:
        workdir = args.workdir or Path(scratch)
        inbox, home = workdir / "inbox", workdir / "home"
        days = [args.first_day + timedelta(days=i) for i in range(args.days)]
        truth = FAMILIES[args.family](inbox, days, pages_per_day=args.pages, seed=args.seed)
        if _process(inbox, home) != 0:
            return 1
        warehouse = Warehouse.at(load_settings(inbox, home).warehouse_url)
        report = score(truth, warehouse, [d.isoformat() for d in days])
    print(f"family {args.family}, seed {args.seed}: {args.days} days x {args.pages} pages")
    print_report(report)
    if args.misses:
        print_misses(report)
    if REALDATA.is_dir():
        print_real_scans()
    return 0


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--family", choices=sorted(FAMILIES), default="standard")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--days", type=int, default=3)
    parser.add_argument("--pages", type=int, default=20, help="pages per day")
    parser.add_argument("--first-day", type=date.fromisoformat, default=date(2024, 10, 14))
    parser.add_argument("--misses", action="store_true", help="list every wrong value with the page's truth")
    parser.add_argument("--workdir", type=Path, help="keep the inbox and TICKETS_HOME here (for `tickets explain`)")
    return parser.parse_args()


def _process(inbox: Path, home: Path) -> int:
    from ticket_assets.cli import main as tickets

    return tickets(["--home", str(home), "process", str(inbox)])


def score(truth: list[dict], warehouse: Warehouse, days: list[str]) -> dict:
    """Compare every record with the truth of its page."""
    pages = {(t["file"], t["page"]): t for t in truth if t["page"] is not None}
    rows = [row for day in days for row in warehouse.day_tickets(day)]
    reviews = [row for day in days for row in warehouse.day_reviews(day)]
    right = dict.fromkeys(FIELDS + DERIVED, 0)
    present = dict.fromkeys(FIELDS + DERIVED, 0)
    silent, misses, reviewed, noted, printed, printed_reviewed, accepted_wrong = [], [], 0, 0, 0, 0, 0
    notes = {r["page_id"] for r in reviews if r["severity"] == "INFO" and not r["resolved"]}
    for row in rows:
        page = pages[(row["file_path"], row["page_number"])]
        expected = page["fields"]
        for name in FIELDS:
            if expected[name] is not None:
                present[name] += 1
                right[name] += _same(row[name], expected[name])
        if page["clean"]:
            present["ticket_number on clean scans"] += 1
            right["ticket_number on clean scans"] += _same(row["ticket_number"], expected["ticket_number"])
        for name in WHERE_PRINTED:
            if expected[name] is not None and name not in page["handwritten"]:
                present[f"{name} where printed"] += 1
                right[f"{name} where printed"] += _same(row[name], expected[name])
        same_class = _contaminated(row["material"]) == _contaminated(expected["material"])
        present["contaminated vs clean"] += 1
        right["contaminated vs clean"] += same_class
        present["contaminated vs clean, accepted"] += not row["review_required"]
        right["contaminated vs clean, accepted"] += same_class and not row["review_required"]
        reviewed += row["review_required"]
        if not set(page["handwritten"]) & DECIDING_FIELDS:
            printed += 1
            printed_reviewed += row["review_required"]
        noted += row["page_id"] in notes and not row["review_required"]
        misses += [(row["page_id"], name, row[name], expected[name], row["review_required"], _traits(page))
                   for name in FIELDS if expected[name] is not None and not _same(row[name], expected[name])]
        wrong = [n for n in SILENT_FIELDS if not _same(row[n], expected[n])]
        if wrong and not row["review_required"]:
            silent.append((row["page_id"], {n: (row[n], expected[n]) for n in wrong}))
        accepted_wrong += not row["review_required"] and any(
            row[n] is not None and expected[n] is not None and not _same(row[n], expected[n]) for n in FIELDS)
    return {
        "pages": len(rows), "expected_pages": len(pages), "right": right, "present": present,
        "review_rate": reviewed / max(len(rows), 1), "note_rate": noted / max(len(rows), 1),
        "printed_review": (printed_reviewed, printed),
        "silent": silent, "misses": misses, "accepted_wrong": accepted_wrong,
        "manifest_recall": _manifest_recall(rows, pages),
        "duplicate_recall": _duplicate_recall(rows, pages),
        "bad_files": _bad_file_coverage(truth, reviews),
        "review_reasons": _pages_per_reason(reviews),
    }


def _pages_per_reason(reviews: list[dict]) -> Counter:
    """How many pages each reason sends to a person: what to work on to bring the review rate down."""
    return Counter(reason for _, reason in {(r["page_id"], r["reason"]) for r in reviews if r["severity"] != "INFO"})


def _contaminated(material: str | None) -> bool:
    return material == "CLASS_2_CONTAMINATED"


def _same(value, expected) -> bool:
    """Equal values; dates as ISO text, amounts to a millionth."""
    if isinstance(expected, float) or isinstance(value, float):
        return value is not None and expected is not None and abs(float(value) - float(expected)) < 1e-6
    return (value.isoformat() if isinstance(value, date) else value) == expected


def _manifest_recall(rows: list[dict], pages: dict) -> tuple[int, int]:
    """Contaminated pages whose manifest was read right or that went to review."""
    contaminated = [r for r in rows if pages[(r["file_path"], r["page_number"])]["fields"]["material"]
                    == "CLASS_2_CONTAMINATED"]
    covered = [r for r in contaminated
               if r["review_required"] or _same(r["manifest_number"],
                                                pages[(r["file_path"], r["page_number"])]["fields"]["manifest_number"])]
    return len(covered), len(contaminated)


def _duplicate_recall(rows: list[dict], pages: dict) -> tuple[int, int]:
    duplicates = [r for r in rows if pages[(r["file_path"], r["page_number"])]["duplicate_of"]]
    return sum(1 for r in duplicates if r["duplicate_of"]), len(duplicates)


def _bad_file_coverage(truth: list[dict], reviews: list[dict]) -> tuple[int, int]:
    bad = {t["file"] for t in truth if t["kind"] == "bad"}
    reported = {r["file_path"] for r in reviews if r["reason"] == "UNREADABLE_FILE"}
    return len(bad & reported), len(bad)


def print_report(report: dict) -> None:
    print(f"records {report['pages']} for {report['expected_pages']} pages")
    print(f"{'field':<30}{'accuracy':>10}{'pages':>8}")
    for name in FIELDS + DERIVED:
        present = report["present"][name]
        if present:
            print(f"{name:<30}{report['right'][name] / present:>10.1%}{present:>8}")
    print(f"review rate        {report['review_rate']:.1%} (pages a person must answer)")
    printed_reviewed, printed = report["printed_review"]
    print(f"  of pages whose {', '.join(sorted(DECIDING_FIELDS))} are printed: "
          f"{printed_reviewed / max(printed, 1):.1%} of {printed}")
    print(f"notes only         {report['note_rate']:.1%} (pages with INFO notes and nothing to answer)")
    print("pages a person must answer, by reason: " + ", ".join(
        f"{reason} {count}" for reason, count in report["review_reasons"].most_common()))
    print(f"silent error rate  {len(report['silent']) / max(report['pages'], 1):.1%} ({len(report['silent'])} records)")
    for page_id, wrong in report["silent"]:
        print(f"    {page_id}: {wrong}")
    print(f"accepted with a wrong value in any field (not left empty): {report['accepted_wrong']} records")
    for label, key in (("manifest recall", "manifest_recall"), ("duplicate recall", "duplicate_recall"),
                       ("bad files in queue", "bad_files")):
        hit, total = report[key]
        print(f"{label:<19}{hit}/{total}")


def _traits(page: dict) -> str:
    turned = f"turned {page['rotation']}" if page["rotation"] else ""
    handwritten = f"handwritten {','.join(page['handwritten'])}" if page["handwritten"] else ""
    return " ".join(filter(None, [page["kind"], "clean" if page["clean"] else "", turned, handwritten]))


def print_misses(report: dict) -> None:
    print("\nwrong values (page, field, read, truth, in review, page traits):")
    for page_id, name, value, expected, in_review, traits in sorted(report["misses"], key=lambda m: (m[1], m[0])):
        print(f"    {name:<16} {value!r:>22} != {expected!r:<22} {'review' if in_review else 'ACCEPTED'}  "
              f"{traits}  {page_id}")


def print_real_scans() -> None:
    """What the pipeline reads of the printed fields on the real scans (stored RapidOCR output)."""
    from ticket_assets.extract.record import Vocabularies, extract_page
    from ticket_assets.ocr.base import OcrResult

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from ticket_assets_tests.pages import page_source
    from ticket_assets_tests.test_golden_real import PRINTED

    golden = json.loads((Path(__file__).resolve().parents[1] / "ticket_assets_tests" / "golden"
                         / "realdata_rapidocr.json").read_text())
    known = Vocabularies.packaged()
    print("\nreal scans (printed vendor, printed ticket number):")
    for name, (vendor, number) in sorted(PRINTED.items()):
        extraction = extract_page(page_source(name), OcrResult.from_dict(golden[name]), known)
        read = (extraction.value("vendor"), extraction.value("ticket_number"))
        print(f"    {name:<28} {'ok ' if read == (vendor, number) else 'BAD'} {read}")


if __name__ == "__main__":
    sys.exit(main())
