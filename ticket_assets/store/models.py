"""The warehouse tables. Other tools read these names: keep them."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Double,
    Integer,
    MetaData,
    Sequence,
    String,
    Table,
    Text,
)

metadata = MetaData()

# Where each value came from, field -> "review" | "filename" | "folder" | "page" | "template" | ...
tickets = Table(
    "tickets",
    metadata,
    Column("page_id", String, primary_key=True),  # "<file_path>-p<page_number>"
    Column("partition_key", String, nullable=False, index=True),
    Column("file_path", String, nullable=False),  # relative to the inbox, with "/"
    Column("page_number", Integer, nullable=False),  # from 1
    Column("ticket_number", String),
    Column("ticket_date", Date),
    Column("vendor", String),
    Column("material", String),
    Column("flow", String),
    Column("quantity", Double),
    Column("quantity_unit", String),
    Column("truck_number", String),
    Column("manifest_number", String),
    Column("source", String),
    Column("destination", String),
    Column("job_code", String),
    Column("confidence", Double),
    Column("review_required", Boolean, nullable=False),
    Column("review_reason", String),  # the page's review reasons, comma-separated
    Column("duplicate_of", String),  # page_id of the ticket this one repeats, as detected
    Column("copy_status", String),  # None, or a CopyStatus: a suspected copy, a confirmed one, or two loads
    Column("decisions", JSON),  # reason -> what a person decided instead of giving a value, and who
    Column("file_hash", String, nullable=False),
    Column("run_id", String, nullable=False),
    Column("provenance", JSON),
)

review_queue = Table(
    "review_queue",
    metadata,
    Column("id", Integer, Sequence("review_queue_id_seq"), primary_key=True),
    Column("page_id", String, nullable=False),
    Column("partition_key", String, nullable=False, index=True),
    Column("file_path", String, nullable=False),
    Column("page_number", Integer),  # null when the whole file could not be read
    Column("reason", String, nullable=False),
    Column("field_name", String),  # the field the item is about; null: the whole page or file
    Column("file_hash", String),  # the content the item is about: answers are given for it
    Column("severity", String, nullable=False),
    Column("detected_fields", JSON),
    Column("suggested_fixes", JSON),
    Column("created_at", DateTime, nullable=False),
    Column("resolved", Boolean, nullable=False, default=False),
    Column("resolved_by", String),
    Column("resolved_at", DateTime),
    Column("corrections", JSON),
)

# A person's answer to one review item. Kept apart from review_queue, whose rows a rerun of the
# day replaces: the answer outlives every rerun and overrides every automatic value. It belongs to
# the content it was given for (file hash and page), so it follows a renamed file and is not
# applied to a new scan saved under the old name.
review_answers = Table(
    "review_answers",
    metadata,
    Column("id", Integer, Sequence("review_answers_id_seq"), primary_key=True),
    Column("page_id", String, nullable=False),  # where the page was when it was answered
    Column("partition_key", String, nullable=False, index=True),
    Column("file_hash", String),
    Column("page_number", Integer),  # null for an answer about a whole file
    Column("reason", String),
    Column("field_name", String),
    Column("corrections", JSON, nullable=False),  # field -> value
    Column("decision", String),  # an Decision value, for the reasons that ask for one
    Column("because", Text),  # why an item that needs a value was closed without one
    Column("resolved_by", String, nullable=False),
    Column("resolved_at", DateTime, nullable=False),
    Column("journal_id", String),  # the answer's line in the answer journal (store/journal.py)
)

# Days whose records another day's run made out of date (a copy of one of their tickets appeared
# elsewhere): processed again by `tickets process` and by the pending-days sensor.
pending_days = Table(
    "pending_days",
    metadata,
    Column("partition_key", String, primary_key=True),
    Column("reason", Text, nullable=False),
    Column("requested_at", DateTime, nullable=False),
)

ocr_pages = Table(
    "ocr_pages",
    metadata,
    Column("page_id", String, primary_key=True),
    Column("partition_key", String, nullable=False, index=True),
    Column("file_path", String, nullable=False),
    Column("page_number", Integer, nullable=False),
    Column("engine", String, nullable=False),
    Column("text", Text),
    Column("words", JSON),
    Column("mean_confidence", Double),
    Column("seconds", Double),
)

processing_runs = Table(
    "processing_runs",
    metadata,
    Column("run_id", String, primary_key=True),  # the Dagster run id: detail lives in the instance
    Column("partition_key", String, nullable=False, index=True),
    Column("status", String, nullable=False),
    Column("started_at", DateTime),
    Column("finished_at", DateTime),
    Column("files", Integer),
    Column("pages", Integer),
    Column("tickets", Integer),
    Column("review_count", Integer),  # pages and files a person must act on
    Column("note_count", Integer),  # pages with INFO notes only: shown, nothing to answer
    Column("duplicates", Integer),
    Column("errors", Integer),
    Column("config_snapshot", JSON),
    Column("inputs", String),  # the digest of everything the run read (day_inputs.py): a day read again unchanged
    Column("processed_by", String),
    Column("failure", Text),  # a failed run's error, with the original cause; the detail is in Dagster
)
