"""The warehouse: one transaction per day, so a rerun replaces the day's rows and never doubles them.

The URL comes from configuration (DuckDB by default, PostgreSQL works too). DuckDB
admits one writing process at a time, so connections are opened per operation and
closed right after (NullPool): nothing holds the file between writes. PostgreSQL
admits many, so there the schema and each day are written under an advisory lock.
"""

from __future__ import annotations

import contextlib
import json
import random
import time
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import (
    Connection,
    Engine,
    and_,
    create_engine,
    delete,
    event,
    false,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.pool import NullPool

from ticket_assets.errors import UserError
from ticket_assets.faults import NO_FAULTS, FaultPlan
from ticket_assets.schema import place_of
from ticket_assets.store.models import (
    metadata,
    ocr_pages,
    pending_days,
    processing_runs,
    review_answers,
    review_queue,
    tickets,
)

PARTITIONED_TABLES = (tickets, review_queue, ocr_pages)


# DuckDB lets one process open the file at a time; another waits this long, in growing steps, before failing.
LOCK_WAIT_SECONDS = 60
# What DuckDB says of a file that is cut short, overwritten or not a database at all.
DAMAGE_SIGNS = ("Could not read enough bytes", "not a valid DuckDB database", "Corrupt database file",
                "Corrupted database file", "checksum")


class WarehouseDamaged(UserError):
    """The warehouse file cannot be read; a person restores it from a backup or rebuilds it."""

    def __init__(self, path: str, problem: str):
        super().__init__(
            f"the warehouse {path} cannot be read ({problem}). Bring it back with `tickets restore BACKUP` from a "
            "backup (`tickets backup`), or make it anew from the inbox, the caches and the answer journal with "
            "`tickets rebuild`: both keep the damaged file beside it.")


class Warehouse:
    def __init__(self, url: str, faults: FaultPlan = NO_FAULTS):
        self.url, self.faults = url, faults
        self.engine: Engine = create_engine(url, poolclass=NullPool)
        if self.engine.dialect.name == "duckdb":
            event.listen(self.engine, "do_connect", _wait_for_file_lock)
            event.listen(self.engine, "handle_error", _refuse_damaged_file)

    @classmethod
    def at(cls, url: str, faults: FaultPlan = NO_FAULTS) -> "Warehouse":
        """The warehouse at `url`, its folder and tables created when missing."""
        if url.startswith("duckdb:///"):
            Path(url.removeprefix("duckdb:///")).parent.mkdir(parents=True, exist_ok=True)
        warehouse = cls(url, faults)
        with warehouse.engine.begin() as conn:
            _write_alone(conn, "schema")  # two processes creating the tables at once would collide
            old_answers = _take_page_answers(conn)
            metadata.create_all(conn)
            _add_new_columns(conn)
            _put_back_page_answers(conn, old_answers)
        return warehouse

    def replace_partition(self, partition_key: str, ticket_rows: list[dict], review_rows: list[dict],
                          ocr_rows: list[dict], run_row: dict, find_stale=None) -> None:
        """Swap a day's rows for new ones and write the run's ledger row, in one transaction: all or nothing.

        `find_stale(records) -> {day: why}` is given every record sharing a ticket number with the day's old
        or new records, as they stand once the day is written; the days it names are marked pending."""
        with self.engine.begin() as conn:
            _write_alone(conn, "tickets")  # the copy check below must see every other day's last write
            kept_ids, fresh_reviews = self._keep_review_ids(conn, partition_key, review_rows, ticket_rows)
            numbers = _ticket_numbers(conn, partition_key) | {row["ticket_number"] for row in ticket_rows}
            for table in PARTITIONED_TABLES:
                conn.execute(delete(table).where(table.c.partition_key == partition_key))
            conn.execute(delete(processing_runs).where(processing_runs.c.run_id == run_row["run_id"]))
            for table, rows in ((tickets, ticket_rows), (review_queue, kept_ids), (review_queue, fresh_reviews),
                                (ocr_pages, ocr_rows), (processing_runs, [run_row])):
                if rows:
                    conn.execute(insert(table), rows)
            conn.execute(delete(pending_days).where(pending_days.c.partition_key == partition_key))
            if find_stale:
                _mark_pending(conn, find_stale(_records_numbered(conn, numbers - {None})))
            self.faults.reach("warehouse_write")  # everything written, nothing committed

    @staticmethod
    def _keep_review_ids(conn, partition_key: str, review_rows: list[dict],
                         ticket_rows: list[dict]) -> tuple[list[dict], list[dict]]:
        """Review items a rerun finds again keep their id, so the id a person was given stays valid.

        An item is its page, reason and the field it is about, for the page's content: a new scan saved under
        an old name is new items with new ids (the old ids and their answers belong to the old content), and
        the items of a renamed file keep their ids at its new name. Each earlier id is given out once at most.
        Rows written before items named their field, or their content, match without it."""
        query = select(review_queue.c.id, review_queue.c.page_id, review_queue.c.reason, review_queue.c.field_name,
                       review_queue.c.file_hash, review_queue.c.page_number, review_queue.c.created_at).where(
            review_queue.c.partition_key == partition_key)
        known = {_item_key(row): row for row in conn.execute(query).mappings()}
        matches = _earlier_items(known, review_rows, {row["page_id"] for row in (*ticket_rows, *review_rows)})
        kept = [{**row, "id": matches[i]["id"], "created_at": matches[i]["created_at"]}  # and when first found
                for i, row in enumerate(review_rows) if i in matches]
        return kept, [row for i, row in enumerate(review_rows) if i not in matches]

    def nearby_tickets(self, partition_key: str, dates: tuple[date, date]) -> list[dict]:
        """Records of other days, with a ticket number and dated within `dates` (first, last): what the
        duplicate rule compares (page, day, number, vendor, date), not the whole rows."""
        columns = (tickets.c.page_id, tickets.c.partition_key, tickets.c.ticket_number, tickets.c.vendor,
                   tickets.c.ticket_date)
        query = select(*columns).where(and_(
            tickets.c.partition_key != partition_key,
            tickets.c.ticket_number.is_not(None),
            tickets.c.ticket_date.between(*dates),
        ))
        return self._rows(query.order_by(tickets.c.ticket_date, tickets.c.page_id))

    def pending(self) -> dict[str, str]:
        """Days another day's run made out of date, with the reason."""
        return {day: why for day, (why, _) in self.pending_requests().items()}

    def pending_requests(self) -> dict[str, tuple[str, datetime]]:
        """Days another day's run made out of date: the reason and when it was found."""
        return {row["partition_key"]: (row["reason"], row["requested_at"]) for row in self._rows(select(pending_days))}

    def day_tickets(self, partition_key: str) -> list[dict]:
        return self._rows(select(tickets).where(tickets.c.partition_key == partition_key).order_by(tickets.c.page_id))

    def day_job_codes(self, partition_key: str) -> set[str]:
        """The job codes of the day's loads."""
        query = select(tickets.c.job_code).where(tickets.c.partition_key == partition_key).distinct()
        return {row["job_code"] for row in self._rows(query)}

    def ticket(self, page_id: str) -> dict | None:
        rows = self._rows(select(tickets).where(tickets.c.page_id == page_id))
        return rows[0] if rows else None

    def day_reviews(self, partition_key: str) -> list[dict]:
        query = select(review_queue).where(review_queue.c.partition_key == partition_key).order_by(review_queue.c.id)
        return self._rows(query)

    def held_days(self) -> dict[str, tuple[int, int]]:
        """Every day the warehouse holds records or open review items of: day -> (records, open items)."""
        records = select(tickets.c.partition_key, func.count()).group_by(tickets.c.partition_key)
        items = (select(review_queue.c.partition_key, func.count()).where(review_queue.c.resolved.is_(False))
                 .group_by(review_queue.c.partition_key))
        with self.engine.connect() as conn:
            held = {day: (count, 0) for day, count in conn.execute(records)}
            for day, count in conn.execute(items):
                held[day] = (held.get(day, (0, 0))[0], count)
        return held

    def job_tickets(self, job_code: str, first_day: str, last_day: str) -> list[dict]:
        """The job's tickets from the date folders first_day..last_day (YYYY-MM-DD, inclusive)."""
        query = select(tickets).where(
            tickets.c.job_code == job_code, tickets.c.partition_key.between(first_day, last_day)
        )
        return self._rows(query.order_by(tickets.c.partition_key, tickets.c.page_id))

    def tickets_of_unknown_jobs(self, job_codes: list[str]) -> list[dict]:
        """Every record whose job code is none of these: loads no job's reports count."""
        query = select(tickets).where(tickets.c.job_code.not_in(job_codes))
        return self._rows(query.order_by(tickets.c.partition_key, tickets.c.page_id))

    def reviews_between(self, first_day: str, last_day: str) -> list[dict]:
        query = select(review_queue).where(review_queue.c.partition_key.between(first_day, last_day))
        return self._rows(query.order_by(review_queue.c.partition_key, review_queue.c.id))

    def tickets_numbered(self, ticket_number: str, vendor: str | None = None) -> list[dict]:
        """Every record with this ticket number (of this vendor), in date order; `wm-12345678` finds WM-12345678."""
        query = select(tickets).where(func.upper(tickets.c.ticket_number) == ticket_number.strip().upper())
        if vendor:
            query = query.where(tickets.c.vendor == vendor)
        return self._rows(query.order_by(tickets.c.ticket_date, tickets.c.page_id))

    def page_history(self, page_id: str, file_hash: str) -> tuple[list[dict], list[dict]]:
        """The page's review rows (open and answered) and people's answers for its content there, oldest first."""
        reviews = self._rows(select(review_queue).where(review_queue.c.page_id == page_id).order_by(review_queue.c.id))
        answers = self._rows(select(review_answers).where(
            review_answers.c.file_hash == file_hash,
            review_answers.c.page_id.in_([page_id, place_of(page_id)])).order_by(review_answers.c.resolved_at))
        return reviews, answers

    def item_answers(self, item: dict) -> list[dict]:
        """Every answer given to one review item, oldest first: for its page's content, at its place (a kept
        record of overwritten content: at the place it had) or at a place that holds no page any more (a renamed
        file); never one given for other content under its name."""
        query = select(review_answers).where(
            or_(review_answers.c.page_id.in_([item["page_id"], place_of(item["page_id"])]), _moved_here(item)),
            review_answers.c.reason == item["reason"],
            func.coalesce(review_answers.c.field_name, "") == (item["field_name"] or ""))
        if item["file_hash"]:  # None: an item written before items named their content
            query = query.where(review_answers.c.file_hash == item["file_hash"])
        return self._rows(query.order_by(review_answers.c.resolved_at))

    @property
    def file(self) -> Path | None:
        """The DuckDB file, or None for a server database."""
        return Path(self.engine.url.database) if self.engine.dialect.name == "duckdb" else None

    def copy_to(self, path: Path) -> None:
        """A consistent copy of a DuckDB warehouse in a new file, taken in one transaction while runs go on."""
        with self.engine.begin() as conn:
            name = conn.execute(text("SELECT current_database()")).scalar()
            conn.execute(text(f"ATTACH '{path}' AS backup_copy"))
            conn.execute(text(f'COPY FROM DATABASE "{name}" TO backup_copy'))
            conn.execute(text("DETACH backup_copy"))

    def page_reading(self, page_id: str) -> dict | None:
        """The page's OCR as the last run read it: its ocr_pages row."""
        rows = self._rows(select(ocr_pages).where(ocr_pages.c.page_id == page_id))
        return rows[0] if rows else None

    def request_rerun(self, partition_key: str, reason: str) -> None:
        """Mark the day pending: its records wait for it to be processed again."""
        with self.engine.begin() as conn:
            _mark_pending(conn, {partition_key: reason})

    def review_item(self, review_id: int) -> dict | None:
        rows = self._rows(select(review_queue).where(review_queue.c.id == review_id))
        return rows[0] if rows else None

    def day_answers(self, partition_key: str) -> list[dict]:
        """People's answers given on the day's items."""
        query = select(review_answers).where(review_answers.c.partition_key == partition_key)
        return self._rows(query.order_by(review_answers.c.resolved_at, review_answers.c.id))

    def save_answer(self, item: dict, entry: dict) -> None:
        """Record a person's answer to one review item, as the answer journal holds it (`entry`); it closes
        that item only. The day is marked pending in the same transaction: its records wait for the day to be
        processed again, whatever happens to the run the answer starts."""
        with self.engine.begin() as conn:
            _write_alone(conn, f"partition {item['partition_key']}")
            conn.execute(insert(review_answers).values(**entry))
            conn.execute(update(review_queue).where(review_queue.c.id == item["id"]).values(
                resolved=True, resolved_by=entry["resolved_by"], resolved_at=entry["resolved_at"],
                corrections=entry["corrections"]))
            _mark_pending(conn, {item["partition_key"]: f"review item {item['id']} answered by "
                                 f"{entry['resolved_by']}: the records and reports wait for the day to run again"})

    def catch_up_answers(self, entries: list[dict]) -> dict[str, int]:
        """Put back the journal's answers the answers table lacks (a new, restored or damaged warehouse);
        their days are marked pending. Returns how many went back, per day."""
        with self.engine.begin() as conn:
            _write_alone(conn, "answers")
            known = set(conn.execute(select(review_answers.c.journal_id)).scalars())
            missing = [entry for entry in entries if entry["journal_id"] not in known]
            for entry in missing:
                conn.execute(insert(review_answers).values(**entry))
            days = {day: sum(e["partition_key"] == day for e in missing) for day in {e["partition_key"] for e in missing}}
            _mark_pending(conn, {day: f"{count} answer(s) put back from the answer journal" for day, count in days.items()})
        return days

    def unjournaled_answers(self) -> list[dict]:
        """Answers given before the journal existed."""
        return self._rows(select(review_answers).where(review_answers.c.journal_id.is_(None)).order_by(review_answers.c.id))

    def mark_journaled(self, answer_id: int, journal_id: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(review_answers).where(review_answers.c.id == answer_id).values(journal_id=journal_id))

    def open_reviews(self, partition_key: str | None = None) -> list[dict]:
        query = select(review_queue).where(review_queue.c.resolved.is_(False))
        if partition_key:
            query = query.where(review_queue.c.partition_key == partition_key)
        return self._rows(query.order_by(review_queue.c.partition_key, review_queue.c.id))

    def open_items(self) -> list[dict]:
        """Every open review item, lean (no JSON columns), with its page's vendor and truck where it has a
        record: what a queue of thousands of items is sorted and filtered on."""
        columns = (review_queue.c.id, review_queue.c.page_id, review_queue.c.partition_key, review_queue.c.file_path,
                   review_queue.c.page_number, review_queue.c.reason, review_queue.c.field_name,
                   review_queue.c.severity, review_queue.c.created_at, tickets.c.vendor, tickets.c.truck_number)
        query = select(*columns).select_from(review_queue.outerjoin(tickets, tickets.c.page_id == review_queue.c.page_id))
        return self._rows(query.where(review_queue.c.resolved.is_(False)))

    def record_failure(self, run_row: dict) -> None:
        """A failed run's ledger row: the row its steps wrote, marked failed, or a new one."""
        with self.engine.begin() as conn:
            found = conn.execute(select(processing_runs.c.run_id).where(processing_runs.c.run_id == run_row["run_id"]))
            if found.first():
                conn.execute(update(processing_runs).where(processing_runs.c.run_id == run_row["run_id"])
                             .values(status=run_row["status"], finished_at=run_row["finished_at"],
                                     failure=run_row["failure"]))
            else:
                conn.execute(insert(processing_runs), [run_row])

    def mark_run(self, run_id: str, status: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(processing_runs)
                .where(processing_runs.c.run_id == run_id)
                .values(status=status, finished_at=datetime.now())
            )

    def runs(self, partition_key: str | None = None) -> list[dict]:
        query = select(processing_runs)
        if partition_key:
            query = query.where(processing_runs.c.partition_key == partition_key)
        return self._rows(query.order_by(processing_runs.c.partition_key, processing_runs.c.started_at))

    @contextlib.contextmanager
    def kept_open(self):
        """The database stays open in this process while the block runs: DuckDB opens its file anew for a
        process that has no connection to it (20 to 40 ms), which a page made of several reads and writes
        (the review station's) would pay for each. Each read or write still has its own transaction; other
        processes wait for the file meanwhile, so keep the block short."""
        with self.engine.connect():  # idle: no query, so no transaction either
            yield

    def _rows(self, query) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]


def _ticket_numbers(conn: Connection, partition_key: str) -> set[str]:
    query = select(tickets.c.ticket_number).where(tickets.c.partition_key == partition_key)
    return set(conn.execute(query).scalars())


def _records_numbered(conn: Connection, numbers: set[str]) -> list[dict]:
    if not numbers:
        return []
    query = select(tickets).where(tickets.c.ticket_number.in_(sorted(numbers)))
    return [dict(row._mapping) for row in conn.execute(query.order_by(tickets.c.page_id))]


def _mark_pending(conn: Connection, days: dict[str, str]) -> None:
    for day, reason in days.items():
        conn.execute(delete(pending_days).where(pending_days.c.partition_key == day))
        conn.execute(insert(pending_days).values(partition_key=day, reason=reason, requested_at=datetime.now()))


def _take_page_answers(conn: Connection) -> list[dict]:
    """Answers of the layout before answers belonged to items (one row per page): taken out so the table
    can be made anew. Their values still apply to their pages; the items they closed are open again."""
    columns = set(conn.execute(text("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                                    "current_schema() AND table_name = 'review_answers'")).scalars())
    if not columns or "id" in columns:
        return []
    old = [dict(row._mapping) for row in conn.execute(text(
        "SELECT a.page_id, a.partition_key, a.corrections, a.resolved_by, a.resolved_at, t.file_hash, t.page_number "
        "FROM review_answers a LEFT JOIN tickets t ON t.page_id = a.page_id"))]
    conn.execute(text("DROP TABLE review_answers"))
    return old


def _put_back_page_answers(conn: Connection, old: list[dict]) -> None:
    for answer in old:
        corrections = answer["corrections"]
        conn.execute(insert(review_answers).values(
            {**answer, "corrections": json.loads(corrections) if isinstance(corrections, str) else corrections}))


def _item_key(row) -> tuple:
    """What makes a review item itself: its page, its reason and the field it is about, for the page's content."""
    return row["page_id"], row["reason"], row.get("field_name"), row.get("file_hash")


def _moved_here(item: dict):
    """Answers to the item's page given at a place of its day that holds no page now. Not for a whole file,
    whose answers stay at its name (empty files are all alike), nor an item without content to follow."""
    if not item["file_hash"] or item["page_number"] is None:
        return false()
    gone = review_answers.c.page_id.notin_(
        select(tickets.c.page_id).where(tickets.c.partition_key == item["partition_key"]))
    return and_(gone, review_answers.c.page_number == item["page_number"])


def _pop_same_item(known: dict, row: dict):
    """The earlier row of the same item, taken from `known`; rows of the older shapes (no field, no content)
    match too, and so does the item of overwritten content as it was at its place, before it was kept."""
    for shape in ({}, {"field_name": None}, {"file_hash": None}, {"field_name": None, "file_hash": None},
                  {"page_id": place_of(row["page_id"])}):
        earlier = known.pop(_item_key({**row, **shape}), None)
        if earlier is not None:
            return earlier
    return None


def _earlier_items(known: dict, review_rows: list[dict], places_now: set[str]) -> dict[int, dict]:
    """Index of each new row -> the earlier row of its item: the same item at its place, else, for a page no
    longer at its earlier place (a renamed file), the same item of the same content."""
    matches = {index: earlier for index, row in enumerate(review_rows)
               if (earlier := _pop_same_item(known, row)) is not None}
    moved = {_content_key(row): row for row in known.values()
             if row["page_id"] not in places_now and row["file_hash"] and row["page_number"] is not None}
    for index, row in enumerate(review_rows):
        if index not in matches and _content_key(row) in moved:
            matches[index] = moved.pop(_content_key(row))
    return matches


def _content_key(row) -> tuple:
    """An item by its page's content instead of its place: what a renamed file's item has in common with its
    earlier self."""
    return row.get("file_hash"), row["page_number"], row["reason"], row.get("field_name")


def _wait_for_file_lock(dialect, connection_record, cargs, cparams):
    """Connect to DuckDB, waiting while another process (a racing run, the CLI) holds the file."""
    waited, pause = 0.0, 0.05
    while True:
        try:
            return dialect.connect(*cargs, **cparams)
        except Exception as err:  # duckdb.IOException; SQLAlchemy wraps it only after this hook
            if "Could not set lock" not in str(err) or waited >= LOCK_WAIT_SECONDS:
                raise
        slept = pause * random.uniform(0.5, 1.5)
        time.sleep(slept)
        waited, pause = waited + slept, min(pause * 2, 2.0)


def _refuse_damaged_file(context) -> None:
    """A damaged DuckDB file is a person's to mend, said in one line, not a database error to retry."""
    problem = str(context.original_exception).splitlines()[0]
    if any(sign in problem for sign in DAMAGE_SIGNS):
        raise WarehouseDamaged(context.engine.url.database, problem.removeprefix("IO Error: ")) \
            from context.original_exception


def _write_alone(conn: Connection, what: str) -> None:
    """On PostgreSQL, wait until no other transaction writes `what`; the lock ends with this transaction.

    Without it, two writers of one day would each delete the rows they saw and insert
    theirs: a primary key clash, or doubled review rows. DuckDB needs none: it admits
    one writing process at a time.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(func.hashtext(f"ticket_assets {what}"))))


def _add_new_columns(conn: Connection) -> None:
    """Columns added to the models since a warehouse was created; create_all only makes missing tables.

    One query for every table: SQLAlchemy's inspector asks once per table, 0.14 s each on DuckDB."""
    present = set(conn.execute(text("SELECT table_name, column_name FROM information_schema.columns "
                                    "WHERE table_schema = current_schema()")).tuples())
    for table in metadata.sorted_tables:
        for column in table.columns:
            if (table.name, column.name) not in present:
                kind = column.type.compile(dialect=conn.dialect)
                conn.execute(text(f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {kind}'))
