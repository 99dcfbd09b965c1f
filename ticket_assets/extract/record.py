"""One page in, one record out: every field chosen by precedence, with where it came from.

Precedence when sources disagree: a person's correction > structured filename >
folder > what was read on the page (template defaults and inferences come last).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from ticket_assets.discover import FilenameMeta
from ticket_assets.extract import fields as find
from ticket_assets.extract.labels import form_labels
from ticket_assets.extract.materials import MaterialText, disagree, read_material
from ticket_assets.extract.normalize import (canonical, find_in_text, letter_o_for_zero, named_in_text,
                                             opening_direction_spelled_out, place_in_text, squash, without_names)
from ticket_assets.extract.page_text import Found, PageText
from ticket_assets.extract.shapes import partly_fits
from ticket_assets.extract.templates import (VendorTemplate, Vocabulary, combined_templates, default_templates,
                                             default_vocabulary, load_vendor_templates)
from ticket_assets.extract.vendors import (BODY_SCORE, VendorMatch, header_company, known_keyword_in, match_vendors,
                                            vendor_token)
from ticket_assets.lines import OcrLine
from ticket_assets.ocr.base import OcrResult
from ticket_assets.schema import CONTAMINATED, EXPORT_MATERIALS, NON_CONTAMINATED, flow_of

if TYPE_CHECKING:
    from ticket_assets.config import Settings

FIELD_MIN_CONFIDENCE = 0.6  # below this a reading is only a suggestion
# Fields that are mostly handwritten on real tickets need a surer reading: on the job 24-105 scans a
# handwritten truck number came back as "8699" with its least sure digit at 0.83. The regulator's manifest
# number too: a handwritten "372491-TX-6189" came back as "372491X-6189" at 0.72. The ticket number, which
# no rule checks after it is read, needs its least sure character surer than other fields: a photographed
# "WM-33090750" came back as "WM-33890750" at 0.71.
SURER_MIN_CONFIDENCE = {"truck_number": 0.9, "manifest_number": 0.9, "ticket_number": 0.8}
NOTHING_READ = ("nothing could be read from the page (blank, or too faint): scan the paper again, or close the "
                "item with --because (a blank back side, say)")


@dataclass(frozen=True)
class FieldValue:
    value: Any
    source: str  # "filename", "folder", "page", "template", "inferred", "manifest", "export", "review"
    confidence: float


@dataclass(frozen=True)
class PageSource:
    """Everything known about a page before reading it."""

    page_id: str
    file_path: str
    page_number: int
    file_hash: str
    folder_date: date
    folder_flow: str | None
    name_meta: FilenameMeta


@dataclass
class Extraction:
    source: PageSource
    values: dict[str, FieldValue] = field(default_factory=dict)
    corrections: dict[str, Any] = field(default_factory=dict)  # a person's answers, field -> value
    suggestions: dict[str, FieldValue] = field(default_factory=dict)  # read, but too unsure to accept
    overridden: dict[str, FieldValue] = field(default_factory=dict)  # page readings a filename overrode
    conflicts: dict[str, FieldValue] = field(default_factory=dict)  # values set aside for safety, for a person
    vendor_matches: list[VendorMatch] = field(default_factory=list)
    page_dates: list[FieldValue] = field(default_factory=list)  # every date read on the page, guessed ones unsure
    ocr_confidence: float = 0.0
    page_error: str | None = None
    unknown_company: str | None = None  # the header's company name, when no vendor template knows the page

    @property
    def has_unknown_vendor(self) -> bool:
        return self.unknown_company is not None and "vendor" not in self.values

    def value(self, name: str) -> Any:
        found = self.values.get(name)
        return found.value if found else None


@dataclass(frozen=True)
class Vocabularies:
    templates: tuple[VendorTemplate, ...]
    vocabulary: Vocabulary
    vendor_min_confidence: float = 0.8

    @classmethod
    def packaged(cls, vendor_min_confidence: float = 0.8, added: Path | None = None) -> "Vocabularies":
        """The vendor templates and synonyms shipped in ticket_assets/templates, and the vendor templates
        added in the folder `added` when there is one."""
        templates = default_templates()
        if added and added.is_dir():
            templates = combined_templates(templates, load_vendor_templates(added))
        return cls(templates, default_vocabulary(), vendor_min_confidence)

    @classmethod
    def of(cls, settings: "Settings") -> "Vocabularies":
        """What the pipeline reads pages with on this installation: packaged and added templates."""
        return cls.packaged(settings.vendor_min_confidence, settings.vendors_dir)

    def vendor_named(self, token: str) -> str | None:
        """The canonical vendor a structured filename's token stands for: its name, or one of its header
        keywords run together (WM_LEWISVILLE is WASTE_MANAGEMENT_LEWISVILLE); None for a vendor no template knows."""
        wanted = squash(token)
        return next((t.vendor for t in self.templates
                     if wanted == squash(t.vendor) or any(wanted == squash(k) for k in t.header_keywords)), None)

    def template(self, vendor: str | None) -> VendorTemplate | None:
        return next((t for t in self.templates if t.vendor == vendor), None)

    def manifest_shapes(self, destination: str | None, vendor: str | None) -> tuple[str, ...]:
        """The shapes of the manifests a load's destination issues and its vendor prints, as their templates say."""
        templates = (self.template(name) for name in (destination, vendor))
        return tuple(shape for template in templates if template for shape in template.manifest_number_shapes)

    def every_manifest_shape(self) -> tuple[str, ...]:
        """The shapes of every landfill's and vendor's manifests the templates know."""
        return tuple(dict.fromkeys(shape for t in self.templates for shape in t.manifest_number_shapes))


def extract_page(source: PageSource, result: OcrResult, known: Vocabularies,
                 corrections: dict | None = None) -> Extraction:
    """Choose every field of one page; a person's corrections come before everything read or inferred."""
    page = PageText(result)
    extraction = Extraction(source=source, ocr_confidence=result.mean_confidence,
                            page_error=result.error or (NOTHING_READ if result.read_nothing else None),
                            corrections=corrections or {})
    extraction.page_dates = [FieldValue(d, "page", found.confidence) for d, found in find.find_dates(page)]
    _choose_vendor_and_number(extraction, page, known)
    _choose(extraction, "ticket_date", _date_candidates(source, page))
    _choose_places(extraction, page, known)
    _choose(extraction, "manifest_number", [_manifest_in_its_shape(page, extraction, known)])
    _choose_material(extraction, page, known)
    _suggest_lone_manifest(extraction, page)
    _choose(extraction, "flow", _flow_candidates(extraction, page, known))
    _class_2_written_short(extraction, known.vocabulary)
    _choose_measures(extraction, page)
    _assume_vendor_from_destination(extraction)
    return extraction


def _choose(extraction: Extraction, name: str, candidates: list[FieldValue | None]) -> None:
    """Keep the first sure candidate; an unsure page reading becomes a suggestion."""
    if name in extraction.corrections:  # also a correction to "no value": the person has the last word
        extraction.values[name] = FieldValue(extraction.corrections[name], "review", 1.0)
        return
    candidates = [c for c in candidates if c is not None and c.value is not None]
    for candidate in candidates:
        if candidate.confidence >= SURER_MIN_CONFIDENCE.get(name, FIELD_MIN_CONFIDENCE):
            extraction.values[name] = candidate
            break
        extraction.suggestions.setdefault(name, candidate)
    chosen = extraction.values.get(name)
    if chosen and chosen.source == "filename":
        disagreeing = [c for c in candidates if c.source == "page" and c.value != chosen.value]
        if disagreeing:
            extraction.overridden[name] = disagreeing[0]


UNRECOGNISED = 0.3  # a labelled value that is not in the vocabulary: shown to a person, never accepted
ANYWHERE_ON_PAGE = 0.5  # a place name found somewhere on the page, under no label: a suggestion only
PLACE_ALONE, PLACE_WORDS = 0.7, 4  # the page's one place of a kind, a line of a few words: a value its label lost
FLOW_WORD = 0.7  # a word on the page that names the flow ("Landfill", "Imported Fill")
IMPLIED = 0.9  # a material the load's source implies
CLEAN_BY_SOURCE_MIN = 0.75  # how sure a source must be read to make its load clean: more than PLACE_ALONE
AFTER_A_COLON = 0.8  # a whole place name after some label of the form "Label: value", one we do not know
ALONE_ON_ITS_LINE = 0.8  # the page's one material, a short line to itself under no label
SHORT_LINE_WORDS = 4
LINE_WORD = re.compile(r"[^\W\d_]{3,}")  # a grade, type or size ("Gr 1-2", "Ty A", "57") is no word of a short line
TRADE_SEPARATOR, TRADES_LISTED = re.compile(r"\s*[-\u2013\u2022|\u00b7]\s*"), 3  # a letterhead's list of trades
MANIFEST_HINT_DIGITS = 5  # of the 8-20 characters of a manifest number, the digits OCR leaves at the least


def _from_page(found: Found | None) -> FieldValue | None:
    return FieldValue(found.text, "page", found.confidence) if found else None


def _manifest_in_its_shape(page: PageText, extraction: Extraction, known: Vocabularies) -> FieldValue | None:
    """The manifest number read, whole when it has a shape the templates of the load's destination and of the
    page's vendor give; only a suggestion when it misses by a character or two, or is cut short of, one
    (W-MAN-2025-024421 read for a landfill's WM-MAN-2025-024421), or of any shape the templates know when neither
    gives one (WM-MAN-2024 on a load whose destination was not read)."""
    shapes = known.manifest_shapes(extraction.value("destination"), extraction.value("vendor"))
    read = _from_page(find.find_manifest(page, shapes))
    if read and partly_fits(read.value, shapes or known.every_manifest_shape()):
        return replace(read, confidence=min(read.confidence, find.PARTIAL_FIT))
    return read


def _suggest_lone_manifest(extraction: Extraction, page: PageText) -> None:
    """For a contaminated load with no manifest number at a label, nor a text there with the digits of one, the
    one manifest-shaped number under no label, for a person to confirm. Never before the material is chosen:
    such a number is no sign of contamination."""
    if extraction.value("material") != CONTAMINATED or "manifest_number" in extraction.values:
        return
    at_label = extraction.suggestions.get("manifest_number")
    if at_label and len(re.findall(r"\d", str(at_label.value))) >= MANIFEST_HINT_DIGITS:
        return
    lone = find.find_lone_manifest(page, extraction.value("ticket_number"))
    if lone:
        extraction.suggestions["manifest_number"] = FieldValue(lone.text, "page", lone.confidence)


def _choose_vendor_and_number(extraction: Extraction, page: PageText, known: Vocabularies) -> None:
    """The vendor first (a vendor's own number pattern says both), then the number where that vendor prints it."""
    by_pattern = find.find_template_ticket_number(page, known.templates)
    extraction.vendor_matches = match_vendors(page, known.templates)
    if by_pattern:
        found, vendor = by_pattern
        extraction.vendor_matches.insert(0, VendorMatch(vendor, found.confidence, f"ticket number {found.text!r}"))
    sure = [m for m in extraction.vendor_matches if m.confidence >= known.vendor_min_confidence]
    company = header_company(page) if not sure else None  # a landfill named in the body is not the hauler
    held = known_keyword_in(company.text, known.templates) if company else None
    if held and held.vendor not in {match.vendor for match in extraction.vendor_matches}:
        # A known name run into the next word ("JD & SonTrucking"): the letterhead's, for a person to confirm;
        # never replaced unsaid by the destination's vendor.
        extraction.vendor_matches.append(VendorMatch(held.vendor, BODY_SCORE * company.confidence,
                                                     f"its name run into another word in the header: {company.text!r}"))
    meta = extraction.source.name_meta
    best = max(extraction.vendor_matches, key=lambda match: match.confidence, default=None)
    from_page = FieldValue(best.vendor, "page", best.confidence) if best else None
    if from_page and from_page.confidence < known.vendor_min_confidence:
        extraction.suggestions["vendor"] = from_page
        from_page = None
    named = known.vendor_named(meta.vendor) if meta.vendor else None
    _choose(extraction, "vendor", [FieldValue(named, "filename", 1.0) if named else None, from_page])
    if company and "vendor" not in extraction.values and not held:
        extraction.unknown_company = company.text
        weak = extraction.suggestions.get("vendor")
        if weak is None or _is_a_destination(known, weak.value):  # named in the body: where the load goes
            extraction.suggestions["vendor"] = FieldValue(vendor_token(company.text), "page", UNRECOGNISED)
    if not by_pattern:
        template = known.template(extraction.value("vendor"))
        found = find.find_ticket_number(page, template.ticket_number_region if template else "top_right",
                                        known.templates)
    _choose(extraction, "ticket_number", [_from_page(found)])


def _is_a_destination(known: Vocabularies, vendor: str) -> bool:
    template = known.template(vendor)
    return template is not None and template.kind == "destination"


def _date_candidates(source: PageSource, page: PageText) -> list[FieldValue | None]:
    meta_date = source.name_meta.date
    read = find.find_dates(page)
    return [
        FieldValue(meta_date, "filename", 1.0) if meta_date else None,
        FieldValue(source.folder_date, "folder", 1.0),
        FieldValue(read[0][0], "page", read[0][1].confidence) if read else None,
    ]


def _choose_places(extraction: Extraction, page: PageText, known: Vocabularies) -> None:
    vocabulary, meta = known.vocabulary, extraction.source.name_meta
    _choose(extraction, "source", [
        FieldValue(meta.area, "filename", 1.0) if meta.area else None,
        _labelled(page, "source", lambda text: _place(vocabulary, "source", text))[0],
        _after_a_colon(page, vocabulary, "source"),
        _named_alone(page, vocabulary, "source"),
        FieldValue(find_in_text(vocabulary, "source", page.text), "page", ANYWHERE_ON_PAGE),
    ])
    template = known.template(extraction.value("vendor"))
    _choose(extraction, "destination", [
        _labelled(page, "destination", lambda text: _place(vocabulary, "destination", text))[0],
        FieldValue(template.default_destination, "template", 0.9) if template else None,
        _after_a_colon(page, vocabulary, "destination"),
        _named_alone(page, vocabulary, "destination"),
        FieldValue(find_in_text(vocabulary, "destination", page.text), "page", ANYWHERE_ON_PAGE),
    ])


def _labelled(page: PageText, field: str, recognise: Callable[[str], Any]) -> tuple[FieldValue | None, Found | None]:
    """The first text at the field's labels that `recognise` makes a value of; else the first text there,
    unrecognised, as a suggestion for a person. With the text it was read from."""
    first = None
    for found in page.values_at(field):
        value = recognise(found.text)
        if value:
            return FieldValue(value, "page", found.confidence), found
        first = first or found
    return (FieldValue(first.text, "page", min(first.confidence, UNRECOGNISED)), first) if first else (None, None)


def _after_a_colon(page: PageText, vocabulary: Vocabulary, kind: str) -> FieldValue | None:
    """A place of this kind that is the whole value after a label we do not know ("Generator Site: MSE Wall"),
    when one place only is written so."""
    found = {(value, line.confidence) for line in page.lines if ":" in line.text
             if (value := canonical(vocabulary, kind, line.text.split(":", 1)[1]))}
    if len({value for value, _ in found}) != 1:
        return None
    value, confidence = found.pop()
    return FieldValue(value, "page", AFTER_A_COLON * confidence)


def _named_alone(page: PageText, vocabulary: Vocabulary, kind: str) -> FieldValue | None:
    """The one place of this kind the page names, when a short line names it with no label and no number of
    its own ("POND AREA", "BECK-SPOLS"): a handwritten value whose label OCR lost. None when two are named. Names
    are read as _place reads them: "SO MSE WALL" names the South MSE Wall, not the MSE Wall inside it."""
    named = {value for line in page.lines
             for value in named_in_text(vocabulary, kind, opening_direction_spelled_out(line.text))}
    if len(named) != 1:
        return None
    alone = [line for line in page.lines if _short_value(line.text) and _place(vocabulary, kind, line.text) in named]
    return FieldValue(named.pop(), "page", PLACE_ALONE * alone[0].confidence) if alone else None


def _short_value(text: str) -> bool:
    """A few words, no label among them, no number but a place's own (MVP-TC 2): not an address or a sentence."""
    words = [word for word in text.split() if re.search(r"[^\W_]", word)]  # not a dash between words
    return (len(words) <= PLACE_WORDS and not re.search(r"\d{2}", text)
            and not form_labels().any_label.search(text))


def _place(vocabulary: Vocabulary, kind: str, text: str) -> str | None:
    text = opening_direction_spelled_out(text)
    return canonical(vocabulary, kind, text) or place_in_text(vocabulary, kind, letter_o_for_zero(text))


def _choose_material(extraction: Extraction, page: PageText, known: Vocabularies) -> None:
    """The domain note's precedence (filename, what the source implies, the page's words, the vendor's usual
    material), then safety first: readings of one load that disagree are a conflict for a person, and until
    one decides, a load that any reading calls contaminated counts as contaminated."""
    vocabulary, meta = known.vocabulary, extraction.source.name_meta
    anywhere = read_material(vocabulary, page.body_text)  # a letterhead's "Fill Dirt - Reuse" is not the load
    implied = _implied_material(extraction, vocabulary, _agreeing_words(page, vocabulary, anywhere))
    at_label, found = _labelled(page, "material", lambda text: _sure_material(vocabulary, text))
    read = read_material(vocabulary, found.text) if found else MaterialText(None)
    if at_label and _cut_before_its_class(vocabulary, found, read):
        at_label = FieldValue(at_label.value, "page", min(at_label.confidence, UNRECOGNISED))
    template = known.template(extraction.value("vendor"))
    _choose(extraction, "material", [
        FieldValue(meta.material, "filename", 1.0) if meta.material else None,
        implied,
        at_label,
        _alone_on_a_line(page, vocabulary, anywhere),
        FieldValue(anywhere.value, "page", 0.6 if anywhere.value == CONTAMINATED else ANYWHERE_ON_PAGE),
        FieldValue(template.default_material, "template", 0.8) if template else None,
    ])
    from_anywhere = extraction.value("material") == anywhere.value and at_label is None
    readings = [implied,
                at_label if read.value else None,
                *(FieldValue(other, "page", at_label.confidence) for other in read.also_named),
                *(FieldValue(other, "page", 0.6) for other in (anywhere.also_named if from_anywhere else ())),
                FieldValue(CONTAMINATED, "page", 0.6) if anywhere.value == CONTAMINATED else None,
                *_contamination_hints(extraction, vocabulary)]
    if "material" not in extraction.corrections:  # a reading of contamination counts however unsure
        sure = [r for r in readings if r and (r.value == CONTAMINATED or r.confidence >= FIELD_MIN_CONFIDENCE)]
        _settle_material_conflict(extraction, vocabulary, sure)


def _implied_material(extraction: Extraction, vocabulary: Vocabulary, named: str | None) -> FieldValue | None:
    """What the load's source implies. A clean material resting on a source read under no label (PLACE_ALONE)
    is only a suggestion: two guesses in a row must not record a contaminated load as clean; unless the page's
    words name that material apart from any place (see _agreeing_words): two readings that agree."""
    source = extraction.values.get("source")
    implied = vocabulary.source_material.get(source.value) if source else None
    if implied is None:
        return None
    sure = implied == CONTAMINATED or source.confidence >= CLEAN_BY_SOURCE_MIN or named == implied
    return FieldValue(implied, "inferred", IMPLIED if sure else ANYWHERE_ON_PAGE)


def _agreeing_words(page: PageText, vocabulary: Vocabulary, anywhere: MaterialText) -> str | None:
    """The one material the body names, with no other and no word of contamination, when the body's words
    apart from any source's name name it too ("SPG" on one line, "CLEAN EXCAVATED DIRT" on another; "Spoil
    Haul-off (NTX)"; not "N.T.X. spoils" alone, one reading of a place's name). A line still naming a source
    once its names are taken out (a name run into other words) says nothing apart from it."""
    if not anywhere.sure or anywhere.also_named:
        return None
    rests = (without_names(vocabulary, "source", line.text) for line in page.lines if not page.is_header(line))
    apart = read_material(vocabulary, "\n".join(rest for rest in rests if not find_in_text(vocabulary, "source", rest)))
    return anywhere.value if apart.value == anywhere.value and apart.sure and not apart.also_named else None


def _alone_on_a_line(page: PageText, vocabulary: Vocabulary, anywhere: MaterialText) -> FieldValue | None:
    """A material written under no label, a short line of the body to itself ("FLEX - RECYCLED CONC"), when
    it is the one material the body names, no place's name and no label. Never clean fill: a contaminated load
    read as clean is the error to avoid ("Keep clean"); nor plain earth, unless its line says it is imported
    ("Common Fill. Import"): a "Fill" may be a place (South Fill), a "Dirt" the contaminated load its label lost."""
    value = anywhere.value
    if value in (None, NON_CONTAMINATED) or anywhere.also_named or not anywhere.sure:
        return None
    alone = [line for line in page.lines if not page.is_header(line) and _names_alone(vocabulary, line.text, value)
             and (value not in vocabulary.plain_earth or named_in_text(vocabulary, "flow", line.text) == ["IMPORT"])]
    return FieldValue(value, "page", ALONE_ON_ITS_LINE * alone[0].confidence) if alone else None


def _names_alone(vocabulary: Vocabulary, text: str, material: str) -> bool:
    read = read_material(vocabulary, text)
    return (read.value == material and read.sure and not read.also_named
            and len(LINE_WORD.findall(text)) <= SHORT_LINE_WORDS
            and not form_labels().is_label(text)
            and not any(find_in_text(vocabulary, kind, text) for kind in ("source", "destination")))


def _cut_before_its_class(vocabulary: Vocabulary, found: Found, read: MaterialText) -> bool:
    """Whether plain earth read at a label is only the start of a value its line goes on to qualify: "Dirt (no
    contam.)" cut at the "no" that may label a number. The line naming a material of a class makes it a suggestion."""
    if read.value not in vocabulary.plain_earth:
        return False
    whole = read_material(vocabulary, found.line.text).value
    return whole not in (None, read.value, *vocabulary.plain_earth)


def _sure_material(vocabulary: Vocabulary, text: str) -> str | None:
    read = read_material(vocabulary, text)
    return read.value if read.sure else None


def _contamination_hints(extraction: Extraction, vocabulary: Vocabulary) -> list[FieldValue]:
    """Signs of a contaminated load besides its material's words: a manifest number on the page (even one
    read too unsurely to accept, but with the digits of one: not the "MT2", "20" or "Spoils (MVP TC1)" next to
    a form's Manifest/Profile box), or a source read too unsurely to accept that is a contaminated dig. Each
    counts against a clean material."""
    hints = []
    manifest = extraction.values.get("manifest_number") or extraction.suggestions.get("manifest_number")
    if manifest and len(re.findall(r"\d", str(manifest.value))) >= MANIFEST_HINT_DIGITS:
        hints.append(FieldValue(CONTAMINATED, "manifest", manifest.confidence))
    unsure_source = extraction.suggestions.get("source")
    if unsure_source and vocabulary.source_material.get(unsure_source.value) == CONTAMINATED:
        hints.append(FieldValue(CONTAMINATED, "inferred", unsure_source.confidence))
    return hints


def _settle_material_conflict(extraction: Extraction, vocabulary: Vocabulary, readings: list[FieldValue]) -> None:
    chosen = extraction.values.get("material")
    if chosen is None:
        return
    against = [r for r in readings if disagree(vocabulary, r.value, chosen.value)]
    if chosen.source == "filename":  # the filename's word stands over the page, except against contamination
        against = [r for r in against if r.value == CONTAMINATED]
    if not against:
        return
    contaminated = next((r for r in [chosen, *against] if r.value == CONTAMINATED), chosen)
    extraction.values["material"] = contaminated
    extraction.conflicts["material"] = next(r for r in [chosen, *against] if r.value != contaminated.value)
    extraction.overridden.pop("material", None)


def _class_2_written_short(extraction: Extraction, vocabulary: Vocabulary) -> None:
    """An import material that shares a spelling with Class 2 ("C2") on a load its folder, its name or its page
    says is an export is as likely Class 2 written short: the load counts as contaminated, the import material
    its conflict, until a person decides."""
    material, flow = extraction.values.get("material"), extraction.values.get("flow")
    if (material is None or flow is None or flow.value != "EXPORT" or flow.source in ("inferred", "template")
            or flow_of(material.value) != "IMPORT" or material.source == "review"
            or "material" in extraction.conflicts):
        return
    if any(material.value in named and CONTAMINATED in named for named in vocabulary.two_class_markers.values()):
        extraction.values["material"] = FieldValue(CONTAMINATED, "export", material.confidence)
        extraction.conflicts["material"] = material


def _flow_candidates(extraction: Extraction, page: PageText, known: Vocabularies) -> list[FieldValue | None]:
    source, material = extraction.source, extraction.value("material")
    template = known.template(extraction.value("vendor"))
    by_material = flow_of(material) if material else None
    return [
        FieldValue(source.folder_flow, "folder", 1.0) if source.folder_flow else None,
        FieldValue(source.name_meta.flow, "filename", 1.0) if source.name_meta.flow else None,
        _flow_named(page, known.vocabulary),
        FieldValue(by_material, "inferred", 0.8) if by_material else None,
        FieldValue(template.default_flow, "template", 0.7) if template else None,
    ]


def _flow_named(page: PageText, vocabulary: Vocabulary) -> FieldValue | None:
    """The flow the page's words name, when they name one only. A label's words name none ("Disposal Site",
    "Delivered To" head the tickets of both flows), nor does a choice printed with an empty box before it,
    nor the list of trades in a vendor's letterhead, nor a header that lists the kinds of load to choose from, nor
    a form's title in the header ("WEIGHT&DISPOSAL RECEIPT": a quarry prints one form for every load)."""
    labels = form_labels()
    choices = _header_lists_load_kinds(page, vocabulary)
    said = [labels.any_label.sub(" ", find.UNTICKED_CHOICE.sub(" ", line.text)) for line in page.lines
            if not _lists_trades(page, line)
            and not (page.is_header(line) and (choices or labels.form_titles.search(line.text)))]
    named = {flow for text in said for flow in named_in_text(vocabulary, "flow", text)}
    return FieldValue(named.pop(), "page", FLOW_WORD) if len(named) == 1 else None


def _header_lists_load_kinds(page: PageText, vocabulary: Vocabulary) -> bool:
    """Whether the header's lines name two export materials or more ("Contaminated / Class 2", "Clean/Non-Contam.",
    "Spoils", "Import / Delivery"): a printed list of choices whose boxes OCR lost, not what this load is."""
    named = set()
    for line in page.lines:
        if page.is_header(line):
            read = read_material(vocabulary, line.text)
            named |= {read.value, *read.also_named} & set(EXPORT_MATERIALS)
    return len(named) >= 2


def _lists_trades(page: PageText, line: OcrLine) -> bool:
    """A letterhead's list of what the vendor does ("Dirt - Rock - Demo Haul Off", "Ready Mix - Aggregates -
    Hauling"): three or more parts between dashes or bullets, which say nothing of this load."""
    if not page.is_header(line):
        return False
    parts = [part for part in TRADE_SEPARATOR.split(line.text) if re.search(r"[^\W\d_]", part)]
    return len(parts) >= TRADES_LISTED


def _choose_measures(extraction: Extraction, page: PageText) -> None:
    _choose(extraction, "truck_number", [_from_page(find.find_truck_number(page))])
    quantity = find.find_quantity(page)
    amount = FieldValue(quantity.amount, "page", quantity.found.confidence) if quantity else None
    unit = FieldValue(quantity.unit, "page", quantity.unit_confidence) if quantity else None
    _choose(extraction, "quantity", [amount])
    _choose(extraction, "quantity_unit", [unit])


def _assume_vendor_from_destination(extraction: Extraction) -> None:
    """No vendor read, but a destination that is itself a vendor: assume it, and say so."""
    destination = extraction.values.get("destination")
    if "vendor" not in extraction.values and "vendor" not in extraction.corrections and "vendor" not in extraction.suggestions and destination:
        if destination.source == "page":
            extraction.values["vendor"] = FieldValue(destination.value, "inferred", 0.8)
