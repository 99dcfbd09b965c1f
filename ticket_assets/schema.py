"""The canonical names every stage shares: material classes, record fields, ledger statuses.

What people write maps to these through the synonyms (templates/synonyms.yaml), which
also say which areas imply which material; `test_schema` keeps the two in step. A
wrong material is the costliest error this product can make, so the material classes
are spelled here and nowhere else.
"""

from __future__ import annotations

import re
from enum import Enum

CONTAMINATED = "CLASS_2_CONTAMINATED"  # regulated: needs a manifest number
NON_CONTAMINATED = "NON_CONTAMINATED"  # clean fill
SPOILS = "SPOILS"  # other trades' waste
EXPORT_MATERIALS = (CONTAMINATED, NON_CONTAMINATED, SPOILS)
CLEAN_DESTINATIONS = ("LDI_YARD", "POST_OAK_PIT")  # clean fill and reuse: never where a contaminated load goes
IMPORT_MATERIALS = ("3X5", "ASPHALT", "C2", "DIRT", "FILL", "FLEX", "FLEXBASE", "ROCK", "UTILITY_STONE")


def flow_of(material: str) -> str:
    """The flow a material travels in: an export material leaves the site, any other comes in."""
    return "EXPORT" if material in EXPORT_MATERIALS else "IMPORT"


def carried_by(flow: str) -> tuple[str, ...]:
    """The materials a load of this flow may carry."""
    return EXPORT_MATERIALS if flow == "EXPORT" else IMPORT_MATERIALS

# The values of a record, as the tickets table and the reports name them.
RECORD_FIELDS = (
    "ticket_number", "ticket_date", "vendor", "material", "flow", "quantity", "quantity_unit",
    "truck_number", "manifest_number", "source", "destination",
)
REQUIRED_FIELDS = ("ticket_number", "ticket_date", "vendor", "material")
# What a person may correct: every value read, and the job the load belongs to.
CORRECTABLE_FIELDS = (*RECORD_FIELDS, "job_code")


class RunStatus(str, Enum):
    """A run's row in the ledger (processing_runs): how far it got."""

    EXTRACTED = "EXTRACTED"  # records and review rows written
    EXPORTED = "EXPORTED"  # the day's reports written too
    FAILED = "FAILED"


# A record kept from content overwritten under its file's name carries `@` and the content's first 12 hex digits
# after its page id (`2024-10-22/scan.pdf-p1@dc4c6defa91f`); a file name may hold `@` itself.
KEPT_CONTENT_PAGE_ID = re.compile(r"^(?P<place>.*-p\d+)@(?P<content>[0-9a-f]{12})$")


def split_page_id(page_id: str) -> tuple[str, str | None]:
    """A page id's place (`day/file-pN`) and the content suffix of a kept record, or None when it has none."""
    found = KEPT_CONTENT_PAGE_ID.match(page_id)
    return (found["place"], found["content"]) if found else (page_id, None)


def kept_content_of(page_id: str) -> str | None:
    """The start of the SHA-256 of the earlier content a kept record was read from; None for any other page."""
    return split_page_id(page_id)[1]


def place_of(page_id: str) -> str:
    """The page id without the content suffix a kept record of overwritten content carries."""
    return split_page_id(page_id)[0]
