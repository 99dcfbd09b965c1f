"""A person's answer to a review item: checked when given, applied above every automatic value."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from ticket_assets.config import Job
from ticket_assets.errors import UserError
from ticket_assets.extract.answers import place_of
from ticket_assets.extract.fields import MANIFEST_SHAPE, PHONE, is_date, manifest_form
from ticket_assets.extract.labels import form_labels
from ticket_assets.extract.materials import read_material
from ticket_assets.extract.record import Vocabularies
from ticket_assets.extract.reasons import DECISIONS, Reason
from ticket_assets.extract.shapes import fits, lacks_parts, partly_fits
from ticket_assets.schema import CONTAMINATED, CORRECTABLE_FIELDS, REQUIRED_FIELDS, carried_by, flow_of

JOB_MARGIN = timedelta(days=60)  # a ticket dated this far outside its job's dates is still accepted
MAX_QUANTITY = 100.0  # twice what flags a load as unusual: more is a typing slip, not a truck
CANONICAL_KINDS = ("flow", "material", "source", "destination")
# Where a record's flow came from when it stays whatever material an answer gives: these stand above the flow the
# material implies (record._flow_candidates), which follows the answer.
FLOW_HELD_BY = {"folder": "its folder", "filename": "its filename", "page": "its page", "review": "an answer"}
UNITS = tuple(dict.fromkeys(form_labels().units.values()))
MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
# The domain note's shapes: a vendor's own prefix and 4 to 10 digits (WM-12345678, LDI2929051), a truck's
# 1 to 4 digits. An answer of another shape is a slip (a stray key), refused before it reaches a report.
SHAPES = {"ticket_number": (re.compile(r"(?:[A-Z]{1,4}-?)?\d{4,10}"), "4 to 10 digits, after a vendor's prefix "
                                                                     "if it has one (WM-12345678)"),
          "truck_number": (re.compile(r"\d{1,4}"), "1 to 4 digits")}


class CorrectionError(UserError):
    """A correction names an unknown field or a value the field cannot hold."""


@dataclass(frozen=True)
class CorrectionContext:
    """What a correction is checked against: the vocabularies, the record's job, and the jobs configured."""

    known: Vocabularies
    job: Job
    job_codes: tuple[str, ...]
    destination: str | None = None  # the record's: its template and the vendor's give its manifests' shapes
    vendor: str | None = None
    said_why: bool = False  # the answer says in words why its values stand: a manifest of another shape is taken

    @classmethod
    def for_record(cls, known: Vocabularies, job: Job, job_codes: tuple[str, ...], record: dict | None,
                   because: str | None = None):
        record = record or {}
        return cls(known, job, job_codes, record.get("destination"), record.get("vendor"), says_why(because))

    @property
    def manifest_shapes(self) -> tuple[str, ...]:
        return self.known.manifest_shapes(self.destination, self.vendor)

    def with_answer(self, corrections: dict) -> "CorrectionContext":
        """The context as the answer leaves the record: a destination or vendor given with a manifest number
        says which shapes that number must have."""
        return replace(self, destination=corrections.get("destination", self.destination),
                       vendor=corrections.get("vendor", self.vendor))


def parse_corrections(sets: list[str], context: CorrectionContext) -> dict:
    """The stored form of each `FIELD=VALUE` of an answer. A field given twice with two values is refused:
    which one the person meant is not for the platform to pick."""
    corrections: dict = {}
    for text in sorted(sets, key=lambda text: text.strip().startswith("manifest_number")):  # after its landfill
        field, separator, typed = text.partition("=")
        if not separator:
            raise CorrectionError(f"--set {text!r}: write FIELD=VALUE")
        field = field.strip()
        value = parse_correction(field, typed, context.with_answer(corrections))
        if field in corrections and corrections[field] != value:
            raise CorrectionError(f"{field} given twice ({_typed(corrections[field])}, {_typed(value)})")
        corrections[field] = value
    return corrections


def _typed(value) -> str:
    return "empty" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def parse_correction(field: str, text: str, context: CorrectionContext):
    """The stored (JSON) form of `field=text`, or CorrectionError saying what is wrong."""
    if field not in CORRECTABLE_FIELDS:
        raise CorrectionError(f"{field!r} cannot be corrected; fields are {', '.join(CORRECTABLE_FIELDS)}")
    text = text.strip()
    if text == "" and field in REQUIRED_FIELDS:
        raise CorrectionError(f"{field} is required: give its value, it cannot be cleared")
    if text == "":
        return None
    if field == "ticket_date":
        return _parse_date(text, context.job)
    if field == "quantity":
        return _parse_quantity(text)
    if field == "job_code":
        return _choice(field, text, context.job_codes)
    if field == "manifest_number":
        return _manifest_number(text, context)
    if field in SHAPES:
        return _shaped(field, text)
    if field in CANONICAL_KINDS or field in ("vendor", "quantity_unit"):
        return _canonical(field, text.upper(), context.known)
    return text


def _parse_date(text: str, job: Job) -> str:
    try:
        day = date.fromisoformat(text)
    except ValueError as err:
        raise CorrectionError(f"ticket_date must be YYYY-MM-DD, not {text!r}") from err
    if not job.start - JOB_MARGIN <= day <= job.end + JOB_MARGIN:
        raise CorrectionError(f"ticket_date {day} is outside job {job.code} ({job.start} to {job.end}, "
                              f"give or take {JOB_MARGIN.days} days)")
    return day.isoformat()


def _manifest_number(text: str, context: CorrectionContext) -> str:
    """Letters, digits and dashes, 8 to 20, as every manifest number is stored; `_`, `/` and spaces become dashes.
    Never a date (typed in the wrong box), nor a number cut short of, or a character or two off, the shape the
    landfill's or the vendor's manifests have (of any landfill's or vendor's when neither gives one), unless the
    answer says in words why: a landfill's manifests are not all of the shape its template knows."""
    value = manifest_form(text)
    if not MANIFEST_SHAPE.fullmatch(value):
        raise CorrectionError(f"manifest_number must be 8 to 20 letters, digits and dashes with at least four "
                              f"digits, not {text!r}")
    if is_date(text) or is_date(value) or _names_a_day(value):
        raise CorrectionError(f"manifest_number {text!r} is a date: give the manifest's own number")
    if PHONE.fullmatch(text.strip()):
        raise CorrectionError(f"manifest_number {text!r} is a phone number: give the manifest's own number")
    if context.said_why:
        return value
    if _begins_with_a_day(value):
        raise CorrectionError(f"manifest_number {text!r} begins with a date: give the manifest's own number; if the "
                              "manifest prints it so, answer again saying so in words (because)")
    if shapes := context.manifest_shapes:
        _refuse_part_of_a_shape(text, value, shapes, "does not have the shape of this load's manifests")
    else:  # no destination or vendor known to say which: a part of any manifest's shape is no whole number
        _refuse_part_of_a_shape(text, value, context.known.every_manifest_shape(), "looks cut short of, or a "
                                "character or two off, a manifest number of a shape the templates know (no "
                                "destination or vendor of this load gives its own)")
    return value


def _refuse_part_of_a_shape(text: str, value: str, shapes: tuple[str, ...], what: str) -> None:
    near = tuple(shape for shape in dict.fromkeys(shapes)
                 if partly_fits(value, (shape,)) or lacks_parts(value, (shape,)))
    if near and not fits(value, shapes):
        raise CorrectionError(f"manifest_number {text!r} {what} ({' or '.join(near)}, # a digit): give the whole "
                              "number as printed, with its dashes; if the manifest prints it so, answer again "
                              "saying so in words (because)")


def _answered_before(record: dict | None, field: str) -> bool:
    """Whether the record's value of the field is a person's earlier answer: answers to one page add up, so a
    later one need not give it again."""
    return ((record or {}).get("provenance") or {}).get(field, {}).get("source") == "review"


def _begins_with_a_day(value: str) -> bool:
    """A date and more after it (12-01-2024-01, 11-30-24-0001, 2024-11-30-7): a day's date typed with a count."""
    found = re.match(r"(\d{1,4})-(\d{1,2})-(\d{1,4})-", value)
    return bool(found) and is_date("-".join(found.groups()))


def says_why(because: str | None) -> bool:
    """Whether a reason is given in words: two words at least ("x", "ok" or "n/a" say nothing a reader can check)."""
    return len(re.findall(r"[^\W\d_]{2,}", because or "")) >= 2


def _names_a_day(value: str) -> bool:
    """A date written with its month's name (NOV-27-2024, 26NOV2024, NOVEMBER-27-2024) or as eight digits of a
    day this century (20241127, 11272024)."""
    if re.search(rf"(?<![A-Z])(?:{'|'.join(MONTHS)})[A-Z]*", value) and re.search(r"(?:19|20)\d\d", value):
        return True
    return bool(re.fullmatch(r"\d{8}", value)) and any(_day_as(value, fmt) for fmt in ("%Y%m%d", "%m%d%Y"))


def _day_as(digits: str, fmt: str) -> bool:
    try:
        return 2000 <= datetime.strptime(digits, fmt).year < 2100
    except ValueError:
        return False


def _shaped(field: str, text: str) -> str:
    shape, described = SHAPES[field]
    value = re.sub(r"\s+", "", text.upper().lstrip("#"))
    if not shape.fullmatch(value):
        raise CorrectionError(f"{field} must be {described}, not {text!r}")
    return value


def _parse_quantity(text: str) -> float:
    try:
        quantity = float(text)
    except ValueError as err:
        raise CorrectionError(f"quantity must be a number, not {text!r}") from err
    if not math.isfinite(quantity) or quantity <= 0:
        raise CorrectionError(f"quantity must be a positive number, not {text!r}")
    if quantity > MAX_QUANTITY:
        raise CorrectionError(f"quantity must be at most {MAX_QUANTITY:g} (one truck's load), not {text!r}")
    return quantity


def _canonical(field: str, value: str, known: Vocabularies) -> str:
    if field == "vendor":
        allowed = tuple(t.vendor for t in known.templates)
    elif field == "quantity_unit":
        allowed = UNITS
    else:
        allowed = known.vocabulary.canonical_values(field)
        value = value if value in allowed else _named_by_synonym(field, value, known.vocabulary) or value
    return _choice(field, value, allowed)


def _named_by_synonym(field: str, typed: str, vocabulary) -> str | None:
    """The value a person's spelling stands for, as the synonyms list it ("LDI", "Beck"); a material read as
    a page's text is, contamination first ("Clean Fill", "contaminated"), when it names one material surely."""
    if field == "material":
        read = read_material(vocabulary, typed)
        return read.value if read.sure and not read.also_named else None
    words = " ".join(typed.split())
    return next((value for value, spellings in vocabulary.synonyms[field].items()
                 if words in (spelling.upper() for spelling in spellings)), None)


def _choice(field: str, value: str, allowed) -> str:
    if value not in allowed:
        raise CorrectionError(f"{field} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def checked_answer(item: dict, corrections: dict, decision: str | None, because: str | None,
                   record: dict | None = None) -> dict:
    """The answer to one review item, once it says what the item needs: a decision where its reason asks
    for one, and for a CRITICAL item the missing value or, in words, why the load stands without it.
    `record` is the page's now: a contaminated load is made clean only with a reason in words, and a material
    must fit the flow the load keeps."""
    material = (record or {}).get("material")
    because = (because or "").strip()
    if because and not says_why(because):
        raise CorrectionError(f"because {because!r} says nothing a reader can check: say in words why, "
                              "two words at least")
    reason = Reason(item["reason"])
    allowed = [d.value for d in DECISIONS.get(reason, ())]
    if decision is None and len(allowed) == 1:
        decision = allowed[0]
    if decision not in (None, *allowed) or (allowed and decision is None):
        choices = " or ".join(f"--decision {d}" for d in allowed) or "no --decision"
        raise CorrectionError(f"{reason.value} takes {choices}" + (f", not {decision!r}" if decision else ""))
    _refuse_values_without_record(item, corrections)
    missing = item["field_name"]
    given = missing is not None and (corrections.get(missing) is not None or _answered_before(record, missing))
    if reason.needs_value and not given and not because:
        value = f"give its {missing}, or " if missing else ""
        unanswered = f"is not answered by {', '.join(sorted(corrections))} alone" if corrections \
            else "does not close with a bare confirm"
        raise CorrectionError(f"{reason.value} ({reason.severity.value}) {unanswered}: "
                              f"{value}say in words why the load stands without it (because)")
    # An export whose material is in doubt may be Class 2 whatever its record says ("C2" on an export).
    doubtful_export = reason == Reason.MATERIAL_CONFLICT and (record or {}).get("flow") == "EXPORT"
    answered_clean = corrections.get("material", CONTAMINATED) != CONTAMINATED
    clearing = (material == CONTAMINATED or doubtful_export) and answered_clean
    if clearing and not because:
        recorded = f"recorded as {CONTAMINATED}" if material == CONTAMINATED else "an export whose material is in doubt"
        raise CorrectionError(f"the load is {recorded}: say in words why it is not {CONTAMINATED} (because)")
    _check_flow_fits_material(corrections, record or {})
    return {"corrections": corrections, "decision": decision, "because": because or None}


def _refuse_values_without_record(item: dict, corrections: dict) -> None:
    """A file that could not be read has no record (a page of it that could not be read has one)."""
    if item["reason"] == Reason.UNREADABLE_FILE.value and item["page_number"] is None and corrections:
        raise CorrectionError("values cannot be set on a file that could not be read: there is no record to set "
                              "them on. Scan the paper ticket again into the day's folder (the day is then "
                              "processed again), or close the item by saying in words why (because)")


def _check_flow_fits_material(corrections: dict, record: dict) -> None:
    """An export carries one of the export materials, an import any other: the reports file each load by
    its material, so an answer may not make them disagree, neither by the flow it gives nor by a material
    that does not fit the flow the load keeps (its folder's, say)."""
    if "flow" in corrections:
        _check_given_flow(corrections["flow"], corrections.get("material", record.get("material")),
                          "material" in corrections)
    elif "material" in corrections:
        _check_kept_flow(corrections["material"], record)


def _check_given_flow(flow: str | None, material: str | None, material_given: bool) -> None:
    if flow is None or material is None or flow_of(material) == flow:
        return
    what = "give one that fits it" if material_given else "give the material too"
    raise CorrectionError(f"{material} is an {flow_of(material).lower()} material, so the load cannot be {flow}: "
                          f"{what} (an {flow} carries {', '.join(carried_by(flow))})")


def _check_kept_flow(material: str | None, record: dict) -> None:
    """The flow stays as its folder, filename, page or an earlier answer said; only a flow the record's
    material implied follows the answer."""
    flow, source = record.get("flow"), (record.get("provenance") or {}).get("flow", {}).get("source")
    if material is None or flow is None or source not in FLOW_HELD_BY or flow_of(material) == flow:
        return
    other = "IMPORT" if flow == "EXPORT" else "EXPORT"
    moved = f" (or move the file into the day's {other.lower()}/ folder)" if source == "folder" else ""
    raise CorrectionError(f"{material} does not fit this load: it is an {flow} (from {FLOW_HELD_BY[source]}), "
                          f"which carries {', '.join(carried_by(flow))}. If the load really is an {other}, give "
                          f"flow={other} with the material{moved}")


def refuse_contradiction(item: dict, corrections: dict, day_answers: list[dict], day_items: list[dict]) -> None:
    """An answer may not change a value that the answer to another item of the same page gave, and that stands
    (no later answer to the page gave the field): the reports would count one value while that item's answer
    shows another. The person answers that item again, or gives the same value."""
    for field, other in _standing_answers(item, day_answers).items():
        if field in corrections and _is_other_item(other, item) and other["corrections"][field] != corrections[field]:
            raise CorrectionError(f"{field} was answered {_typed(other['corrections'][field])} on "
                                  f"{_item_named(other, day_items)} by {other['resolved_by']}: give "
                                  f"{field}={_typed(other['corrections'][field])}, or answer that item again "
                                  "to change it")


def _standing_answers(item: dict, day_answers: list[dict]) -> dict[str, dict]:
    """For each field answered on the item's page (its place and content), the latest answer giving it;
    `day_answers` oldest first, as the warehouse gives them."""
    page = (place_of(item["page_id"]), item["file_hash"], item["page_number"])
    latest = {}
    for answer in day_answers:
        if (place_of(answer["page_id"]), answer["file_hash"], answer["page_number"]) == page:
            latest.update(dict.fromkeys(answer["corrections"], answer))
    return latest


def _is_other_item(answer: dict, item: dict) -> bool:
    return (answer["reason"], answer["field_name"]) != (item["reason"], item["field_name"])


def _item_named(answer: dict, day_items: list[dict]) -> str:
    if not answer["reason"]:  # given before answers belonged to items
        return "an earlier answer to this page"
    ids = [row["id"] for row in day_items if (row["page_id"], row["reason"], row["field_name"]) ==
           (answer["page_id"], answer["reason"], answer["field_name"])]
    return f"review item {ids[0]} ({answer['reason']})" if ids else f"the page's {answer['reason']} item"
