"""The review rules, in the order a person reads their findings.

Page rules look at one extraction; the day's rules (a ticket or manifest number
seen twice) are in `day` and `duplicates`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Callable, Iterable

from ticket_assets.config import Job, Settings
from ticket_assets.extract.record import Extraction
from ticket_assets.extract.reasons import Finding, Reason
from ticket_assets.schema import CLEAN_DESTINATIONS, CONTAMINATED, flow_of


@dataclass(frozen=True)
class RuleContext:
    job: Job  # the job whose calendar judges the page: the record's own, or the default one
    job_code: str  # the record's job code, which the configuration may lack
    low_confidence: float

    @classmethod
    def for_page(cls, extraction: Extraction, settings: Settings) -> "RuleContext":
        """The record's job code: a person's correction, else the filename's, else the default job's."""
        code = extraction.corrections.get("job_code") or extraction.source.name_meta.job_code
        job = settings.job_or_default(code)
        return cls(job=job, job_code=code or job.code, low_confidence=settings.low_confidence)


def unreadable_page(e: Extraction, ctx: RuleContext) -> Iterable[Finding]:
    if e.page_error:
        yield Finding(Reason.UNREADABLE_FILE, e.page_error)


def _missing(e: Extraction, name: str, reason: Reason, detail: str) -> Iterable[Finding]:
    """The field has no value: a finding, with what was read too unsure to accept as the suggestion."""
    if e.value(name) is None:
        guess = e.suggestions.get(name)
        yield Finding(reason, detail, {name: guess.value} if guess else {})


def missing_ticket_number(e: Extraction, ctx: RuleContext) -> Iterable[Finding]:
    yield from _missing(e, "ticket_number", Reason.MISSING_TICKET_NUMBER,
                        "no ticket number could be read with confidence")


def unknown_vendor(e: Extraction, ctx: RuleContext) -> Iterable[Finding]:
    if e.has_unknown_vendor:
        suggestion = e.suggestions["vendor"].value
        yield Finding(Reason.UNKNOWN_VENDOR, f"no vendor template knows this page; its header reads "
                      f"{e.unknown_company!r}. Answer with a known vendor, or add its template: "
                      f"tickets vendor add {e.source.page_id} {suggestion}", {"vendor": suggestion})


def ambiguous_vendor(e: Extraction, ctx: RuleContext) -> Iterable[Finding]:
    if e.has_unknown_vendor:
        return
    chosen = e.values.get("vendor")
    others = sorted({m.vendor for m in e.vendor_matches if chosen is None or m.vendor != chosen.value})
    if chosen is None:
        yield Finding(Reason.AMBIGUOUS_VENDOR, "no vendor template matched with confidence",
                      {"vendor": others} if others else {})
    elif chosen.source == "page" and any(
        m.vendor != chosen.value and m.confidence >= chosen.confidence - 0.05 for m in e.vendor_matches
    ):
        yield Finding(Reason.AMBIGUOUS_VENDOR, f"{chosen.value} and {others} match about equally", {"vendor": others})


def missing_material(e: Extraction, ctx: RuleContext) -> Iterable[Finding]:
    yield from _missing(e, "material", Reason.MISSING_MATERIAL, "the material could not be read or inferred")


def invalid_date(e: Extraction, ctx: RuleContext) -> Iterable[Finding]:
    if e.value("ticket_date") is None:
        yield Finding(Reason.INVALID_DATE, "no valid date in the filename, folder or page")


def missing_manifest(e: Extraction, ctx: RuleContext) -> Iterable[Finding]:
    if e.value("material") == CONTAMINATED:
        yield from _missing(e, "manifest_number", Reason.MISSING_MANIFEST, "contaminated load without a manifest number")


def low_confidence_ocr(e: Extraction, ctx: RuleContext) -> Iterable[Finding]:
    if e.ocr_confidence < ctx.low_confidence:
        yield Finding(Reason.LOW_CONFIDENCE_OCR, f"mean OCR confidence {e.ocr_confidence:.2f} < {ctx.low_confidence:.2f}")


def out_of_range_date(e: Extraction, ctx: RuleContext) -> Iterable[Finding]:
    """Measured from the folder's date, not the clock, so a backfill judges as the live run did."""
    ticket_date, folder = e.value("ticket_date"), e.source.folder_date
    if ticket_date is None:
        return
    if ticket_date > folder + timedelta(days=7) or ticket_date < folder - timedelta(days=180):
        yield Finding(Reason.OUT_OF_RANGE_DATE, f"{ticket_date} is far from the folder date {folder}")
    elif not ctx.job.start - timedelta(days=60) <= ticket_date <= ctx.job.end + timedelta(days=60):
        yield Finding(Reason.OUT_OF_RANGE_DATE, f"{ticket_date} is outside job {ctx.job.code} ({ctx.job.start} to {ctx.job.end})")


def unusual_quantity(e: Extraction, ctx: RuleContext) -> Iterable[Finding]:
    quantity, unit = e.value("quantity"), e.value("quantity_unit")
    if quantity is None:
        return
    if quantity <= 0 or quantity > 50 or (unit == "TONS" and not 5 <= quantity <= 30):
        yield Finding(Reason.UNUSUAL_QUANTITY, f"quantity {quantity} {unit or ''} is unusual".strip())


def unknown_job(e: Extraction, ctx: RuleContext) -> Iterable[Finding]:
    if ctx.job_code != ctx.job.code:
        yield Finding(Reason.UNKNOWN_JOB, f"job {ctx.job_code} is not in the configuration: the load is counted "
                      "only in exports/job_unknown until the code is corrected or the job added",
                      {"job_code": ctx.job.code})


def missing_source(e: Extraction, ctx: RuleContext) -> Iterable[Finding]:
    if e.value("flow") == "EXPORT" and e.value("source") is None:
        yield Finding(Reason.MISSING_SOURCE, "export load without a source area")


def missing_destination(e: Extraction, ctx: RuleContext) -> Iterable[Finding]:
    if e.value("flow") == "EXPORT" and e.value("destination") is None:
        yield Finding(Reason.MISSING_DESTINATION, "export load without a destination")


def assumed_vendor(e: Extraction, ctx: RuleContext) -> Iterable[Finding]:
    vendor = e.values.get("vendor")
    if vendor and vendor.source == "inferred":
        yield Finding(Reason.ASSUMED_VENDOR, f"vendor {vendor.value} assumed from the destination")


WHO_SAYS = {"filename": "the filename says", "folder": "the folder says", "inferred": "its source area implies",
            "page": "the page says", "template": "the vendor usually hauls",
            "manifest": "a manifest number on the page implies", "review": "a person's answer says",
            "export": "on an export the same spelling may be"}


def material_conflict(e: Extraction, ctx: RuleContext) -> Iterable[Finding]:
    """Two readings of the load's material disagree: never a silent pick. A load that either reading calls
    contaminated counts as contaminated, in the manifest log, until a person decides."""
    other, chosen = e.conflicts.get("material"), e.values.get("material")
    if other and chosen:
        until = " (counted as contaminated until a person decides)" if chosen.value == CONTAMINATED else ""
        yield Finding(Reason.MATERIAL_CONFLICT, f"{WHO_SAYS[chosen.source]} {chosen.value}, "
                      f"{WHO_SAYS[other.source]} {other.value}{until}", {"material": [chosen.value, other.value]})


def material_against_the_load(e: Extraction, ctx: RuleContext) -> Iterable[Finding]:
    """A material the rest of the load contradicts: an import material on an export or the other way round, or
    a contaminated load bound for a yard that takes no contaminated load (the manifest log would name that yard
    as its waste facility). One of them is wrong, whoever gave them: a person's answers too."""
    material = e.values.get("material")
    if not material or "material" in e.conflicts:
        return
    problem = (_against_flow(material, e.values.get("flow"))
               or _against_destination(material, e.values.get("destination")))
    if problem:
        yield Finding(Reason.MATERIAL_CONFLICT, f"{WHO_SAYS[material.source]} {material.value}, {problem}",
                      {"material": [material.value], "flow": [flow_of(material.value)]})


def _against_flow(material, flow) -> str | None:
    if flow is None or flow.value == flow_of(material.value):
        return None
    return f"an {flow_of(material.value).lower()} material, but the load is an {flow.value} (from its {flow.source})"


def _against_destination(material, destination) -> str | None:
    """Every destination is where exported loads go: an import material bound for one is a misread material (plain
    "Dirt" written on a load to the landfill) or a misread destination, never an import to let through."""
    if destination is None:
        return None
    if flow_of(material.value) == "IMPORT":
        return f"an import material, but {WHO_SAYS[destination.source]} it goes to {destination.value}, where " \
               "exported loads go"
    if material.value != CONTAMINATED or destination.value not in CLEAN_DESTINATIONS:
        return None
    return f"but {WHO_SAYS[destination.source]} it goes to {destination.value}, which takes no contaminated load"


def filename_override(e: Extraction, ctx: RuleContext) -> Iterable[Finding]:
    for name, read in e.overridden.items():
        yield Finding(Reason.FILENAME_OVERRIDE, f"{name}: filename says {e.value(name)}, page says {read.value}",
                      field_name=name)


PAGE_RULES: tuple[Callable[[Extraction, RuleContext], Iterable[Finding]], ...] = (
    unreadable_page,
    missing_ticket_number,
    missing_manifest,
    missing_material,
    invalid_date,
    unknown_vendor,
    ambiguous_vendor,
    low_confidence_ocr,
    material_conflict,
    material_against_the_load,
    out_of_range_date,
    unusual_quantity,
    unknown_job,
    missing_source,
    missing_destination,
    assumed_vendor,
    filename_override,
)


# What a page that could not be read lacks for that reason alone: its UNREADABLE_FILE item says it once.
FOR_WANT_OF_TEXT = {Reason.MISSING_TICKET_NUMBER, Reason.MISSING_MATERIAL, Reason.INVALID_DATE,
                    Reason.AMBIGUOUS_VENDOR, Reason.LOW_CONFIDENCE_OCR}


def check_page(extraction: Extraction, ctx: RuleContext) -> list[Finding]:
    findings = [finding for rule in PAGE_RULES for finding in rule(extraction, ctx)]
    if extraction.page_error:
        return [finding for finding in findings if finding.reason not in FOR_WANT_OF_TEXT]
    return findings
