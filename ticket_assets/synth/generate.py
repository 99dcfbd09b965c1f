"""Write a seeded sample inbox of synthetic tickets, one folder per day, and the truth for every page.

The same seed gives the same files and truth: all randomness flows from one
`random.Random(seed)`, and nothing reads the clock.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PIL import Image

from ticket_assets.synth import files, layout, noise
from ticket_assets.synth.scenario import Catalog, Load, choose_load, with_new_vendor
from ticket_assets.synth.ticket import Ticket, TicketMaker

STRUCTURED_SHARE = 0.5  # PDFs named by the filename convention rather than by the scanner
NAMED_VENDOR_SHARE = 0.6  # structured names that also carry the vendor
DUPLICATE_SHARE = 0.75  # days on which one ticket is photographed again after it was scanned
FIELDS = ("ticket_number", "ticket_date", "vendor", "material", "flow", "source", "destination",
          "manifest_number", "quantity", "quantity_unit", "truck_number", "job_code")


def generate_inbox(root: Path, days: Sequence[date], pages_per_day: int = 10, seed: int = 0,
                   bad_files: bool = True, dpi: int = 100) -> list[dict]:
    """Write a sample inbox under root (one folder per day) and root/truth.json; return the truth entries.

    Every second day sorts its files into export/ and import/; bad files go to the first day.
    """
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    writer = InboxWriter(root, random.Random(seed), dpi)
    truth = []
    for index, day in enumerate(days):
        truth += writer.write_day(day, pages_per_day, by_flow=index % 2 == 1)
        if bad_files and index == 0:
            truth += writer.write_bad_files(day)
    truth = link_duplicates(sorted(truth, key=_file_order))
    (root / "truth.json").write_text(json.dumps(truth, indent=1) + "\n")
    return truth


class InboxWriter:
    """Writes the files of each day and says what is on every page."""

    def __init__(self, root: Path, rng: random.Random, dpi: int):
        self.root, self.rng, self.dpi = root, rng, dpi
        self.catalog = Catalog()
        self.maker = TicketMaker(self.catalog)
        self.file_number = rng.randint(1, 800)  # scanners and phones count their files
        self.written: set[Path] = set()  # structured names taken in this run

    def write_day(self, day: date, pages: int, by_flow: bool) -> list[dict]:
        """Exactly `pages` readable pages in the day's folder; `by_flow` sorts them into export/ and import/."""
        wants_duplicate = self.rng.random() < DUPLICATE_SHARE
        scanned: list[Ticket] = []
        truth = []
        for kind, count in layout.plan_files(self.rng, pages):
            if kind == "image":
                original = self.rng.choice(scanned) if wants_duplicate and scanned else None
                wants_duplicate = wants_duplicate and original is None
                truth.append(self._write_photo(day, by_flow, original))
                continue
            tickets, folder, name = self._tickets_for_pdf(day, by_flow, count, kind)
            write = self._write_scans if kind == "scan" else self._write_eticket
            truth += write(folder, name, tickets)
            scanned += tickets if kind == "scan" else []
        return truth

    def _tickets_for_pdf(self, day: date, by_flow: bool, count: int, kind: str) -> tuple[list[Ticket], Path, str]:
        """The tickets of one PDF, its folder and its name; a structured name holds for every page."""
        theme = choose_load(self.catalog, self.rng)
        folder = self._folder(day, theme.flow if by_flow else None)
        if self.rng.random() < STRUCTURED_SHARE:
            loads, name = self._named_loads(day, theme, count)
        else:
            loads, name = self._mixed_loads(theme, count, theme.flow if by_flow else None), None
        if name is None or folder / name in self.written:
            name = layout.adhoc_name(kind, self._next_file_number(), self.rng)
        self.written.add(folder / name)
        return [self._ticket(load, day, by_hand=kind == "scan") for load in loads], folder, name

    def _named_loads(self, day: date, theme: Load, count: int) -> tuple[list[Load], str]:
        """Loads of the area, flow and material the name gives; of its vendor too when it names one."""
        with_vendor = self.rng.random() < NAMED_VENDOR_SHARE
        others = [theme if with_vendor else with_new_vendor(self.catalog, self.rng, theme) for _ in range(count - 1)]
        return [theme] + others, layout.structured_name(day, theme, with_vendor)

    def _mixed_loads(self, theme: Load, count: int, flow: str | None) -> list[Load]:
        """Whatever the scanner was fed, vendors mixed; one flow when the folder says so."""
        return [theme] + [choose_load(self.catalog, self.rng, flow) for _ in range(count - 1)]

    def _ticket(self, load: Load, day: date, by_hand: bool) -> Ticket:
        return self.maker.make(load, day, self.rng, by_hand=by_hand)

    def _write_scans(self, folder: Path, name: str, tickets: list[Ticket]) -> list[dict]:
        images, looks = self._capture(tickets, "scan")
        path = folder / name
        files.write_scanned_pdf(path, images, self.dpi)
        return [self._entry(path, i + 1, "scan", t, look) for i, (t, look) in enumerate(zip(tickets, looks))]

    def _capture(self, tickets: list[Ticket], kind: str) -> tuple[list[Image.Image], list[noise.Look]]:
        """Each ticket as a scanner ("scan") or a phone ("image") delivers it, and how it was taken."""
        looks = [noise.choose_look(self.rng, kind) for _ in tickets]
        images = [noise.capture(t, look, self.dpi, self.rng.getrandbits(32)) for t, look in zip(tickets, looks)]
        return images, looks

    def _write_eticket(self, folder: Path, name: str, tickets: list[Ticket]) -> list[dict]:
        path = folder / name
        files.write_digital_pdf(path, tickets)
        return [self._entry(path, i + 1, "digital", t) for i, t in enumerate(tickets)]

    def _write_photo(self, day: date, by_flow: bool, original: Ticket | None) -> dict:
        """A phone photo of a new ticket, or of `original` when one already scanned is taken again."""
        ticket = original or self._ticket(choose_load(self.catalog, self.rng), day, by_hand=True)
        folder = self._folder(day, ticket.load.flow if by_flow else None)
        path = folder / layout.adhoc_name("image", self._next_file_number(), self.rng)
        [image], [look] = self._capture([ticket], "image")
        files.write_image(path, image)
        return self._entry(path, 1, "image", ticket, look)

    def write_bad_files(self, day: date) -> list[dict]:
        """An empty, a truncated, an encrypted PDF and a text file called .pdf, each expected in review."""
        folder = self._folder(day, None)
        empty, truncated, encrypted, text = (folder / name for name in self._bad_names())
        files.write_empty_pdf(empty)
        tickets = [self._ticket(choose_load(self.catalog, self.rng), day, by_hand=True) for _ in range(2)]
        images, _ = self._capture(tickets, "scan")
        files.write_truncated_pdf(truncated, images, self.dpi)
        files.write_encrypted_pdf(encrypted, tickets[:1], password=f"wm{self.rng.randint(1000, 9999)}")
        files.write_not_a_pdf(text)
        return [self._bad_entry(path) for path in (empty, truncated, encrypted, text)]

    def _bad_names(self) -> list[str]:
        return [f"scan_{self._next_file_number():04d}.pdf", f"scan_{self._next_file_number():04d}.pdf",
                f"eticket_{self._next_file_number():04d}.pdf", f"ticket_{self._next_file_number():04d}.pdf"]

    def _folder(self, day: date, flow: str | None) -> Path:
        folder = self.root / day.isoformat() / (flow.lower() if flow else "")
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def _next_file_number(self) -> int:
        self.file_number += 1
        return self.file_number

    def _entry(self, path: Path, page: int, kind: str, ticket: Ticket, look: noise.Look | None = None) -> dict:
        """Truth for one page; `look` is how a scan or photo was captured (None for a born-digital page)."""
        return {
            "file": path.relative_to(self.root).as_posix(), "page": page, "kind": kind,
            "rotation": look.rotation if look else 0, "clean": kind != "image" and noise.is_clean(look),
            "handwritten": ticket.handwritten, "duplicate_of": None, "expected_reason": None,
            "fields": ticket.fields(),
        }

    def _bad_entry(self, path: Path) -> dict:
        return {
            "file": path.relative_to(self.root).as_posix(), "page": None, "kind": "bad", "rotation": 0,
            "clean": False, "handwritten": [], "duplicate_of": None, "expected_reason": "UNREADABLE_FILE",
            "fields": dict.fromkeys(FIELDS),
        }


def link_duplicates(truth: list[dict]) -> list[dict]:
    """Point every later page with the same vendor and ticket number at the first one, in file order."""
    first: dict[tuple[str, str], dict] = {}
    for entry in truth:
        key = (entry["fields"]["vendor"], entry["fields"]["ticket_number"])
        if entry["kind"] == "bad":
            continue
        if key in first:
            entry["duplicate_of"] = {"file": first[key]["file"], "page": first[key]["page"]}
        else:
            first[key] = entry
    return truth


def _file_order(entry: dict) -> tuple:
    """Folder by folder, as a directory walk lists them, then page by page."""
    return tuple(entry["file"].split("/")), entry["page"] or 0
