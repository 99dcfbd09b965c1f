"""Extraction on hand-built pages: the rules of the domain note, traps included."""

import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from ticket_assets.config import Job
from ticket_assets.extract.record import FIELD_MIN_CONFIDENCE, Vocabularies, extract_page
from ticket_assets.extract.labels import folded
from ticket_assets.extract.page_text import PageText
from ticket_assets.extract.reasons import Reason
from ticket_assets.extract.answers import DayAnswers, PageAnswers, PageKey
from ticket_assets.extract.duplicates import KnownTicket, find_duplicate, stale_days
from ticket_assets.extract.rules import RuleContext, check_page
from ticket_assets.lines import OcrLine
from ticket_assets.ocr.base import OcrResult

from .pages import ocr_page, page_source
from .test_golden_synthetic import extract_golden

KNOWN = Vocabularies.packaged()
JOB = Job("24-105", "test", date(2024, 7, 1), date(2025, 12, 31))
CONTEXT = RuleContext(job=JOB, job_code=JOB.code, low_confidence=0.7)


def _reasons(extraction):
    return {finding.reason for finding in check_page(extraction, CONTEXT)}


def test_landfill_ticket_with_every_field():
    page = ocr_page(
        ("WASTE MANAGEMENT LEWISVILLE LANDFILL", 40, 20), ("WM-12345678", 780, 30),
        ("CUSTOMER: Lindamood Demolition", 40, 200), ("HAULER: Roberts Trucking", 40, 240),
        ("FROM: Pier Ex", 40, 280), ("MANIFEST #: 14-2024-00123", 40, 320),
        ("QTY: 18.5 TONS", 40, 360), ("TRUCK # 123", 500, 360), ("DATE: 10/17/2024", 500, 200),
    )
    e = extract_page(page_source(), page, KNOWN)
    values = {name: e.value(name) for name in e.values}
    assert values["vendor"] == "WASTE_MANAGEMENT_LEWISVILLE"
    assert values["ticket_number"] == "WM-12345678"
    assert values["source"] == "PIER_EX" and values["material"] == "CLASS_2_CONTAMINATED"
    assert values["destination"] == "WASTE_MANAGEMENT_LEWISVILLE" and values["flow"] == "EXPORT"
    assert values["manifest_number"] == "14-2024-00123"
    assert (values["quantity"], values["quantity_unit"], values["truck_number"]) == (18.5, "TONS", "123")
    assert e.values["material"].source == "inferred" and e.values["ticket_date"].source == "folder"
    assert _reasons(e) == set()


def test_phone_zip_po_pit_ticket_and_date_are_not_the_ticket_number():
    page = ocr_page(
        ("14396956", 40, 20), ("PIT TICKET#", 40, 50), ("PORTILLO & SONS", 380, 60),
        ("Dispatch # 214-422-2944", 700, 20), ("10550 Goodnight Lane Dallas, TX 75220", 600, 50),
        ("P.O.#: 11632", 40, 110), ("DATE: 02/18/25", 700, 110), ("No. 285366", 800, 80),
    )
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("ticket_number") == "285366"
    assert e.value("vendor") == "PORTILLO"


@pytest.mark.parametrize("label", ["TICKET NO.361162", "TICKETNO.361162", "TICKET:361162", "TICKET # 361162",
                                   "TKTNO.: 361162", "LOAD TKTNO 361162", "TICKET ID . 361162", "Load No. 361162",
                                   "Trip # . 361162", "Receipt361162", "ReceiptNo. 361162", "Weighmaster No. 361162",
                                   "CERT# 361162", "TICKET NBR 361162", "REFNO 361162", "Ref: 361162",
                                   "FolioNo.: 361162"])
def test_ticket_labels_run_into_their_number(label):
    page = ocr_page(("Arcosa Aggregates", 40, 20), (label, 40, 60), ("Office (214) 555-0161", 40, 100),
                    ("QTY: 11.50 TONS", 40, 300))
    assert extract_page(page_source(), page, KNOWN).value("ticket_number") == "361162"


def test_an_export_without_destination_is_noted():
    page = ocr_page(("Arcosa Aggregates", 40, 20), ("TICKET NO. 361162", 40, 60), ("SOURCE: SPG", 40, 100))
    e = extract_page(page_source(folder_flow="EXPORT"), page, KNOWN)
    assert Reason.MISSING_DESTINATION in _reasons(e) and Reason.MISSING_SOURCE not in _reasons(e)


def test_a_handwritten_date_with_slashes_read_as_ones_is_parsed_but_marked_as_guessed():
    page = ocr_page(("PORTILLO & SONS", 380, 60), ("No. 285366", 800, 80), ("DATE: 02118125", 700, 110),
                    ("Printed 02/11/2025", 40, 560))
    e = extract_page(page_source(folder_date=date(2025, 2, 18)), page, KNOWN)
    printed, guessed = e.page_dates
    assert (printed.value, guessed.value) == (date(2025, 2, 11), date(2025, 2, 18))
    assert printed.confidence >= FIELD_MIN_CONFIDENCE > guessed.confidence
    assert e.values["ticket_date"].source == "folder"
    unlabelled = extract_page(page_source(), ocr_page(("LOAD 02118125", 40, 110)), KNOWN)
    assert unlabelled.page_dates == []  # only a number under a DATE label is read as a date


def test_a_value_is_as_sure_as_its_own_words_not_its_line():
    page = ocr_page(("PORTILLO & SONS", 380, 60), ("DATE: 02/18/25", 700, 110))
    number_line = OcrLine("TICKET NO. 285366", 0.95, (700, 80, 900, 100),
                          words=(("TICKET", 0.99), ("NO.", 0.99), ("285366", 0.41)))
    e = extract_page(page_source(), replace(page, lines=[*page.lines, number_line]), KNOWN)
    assert e.value("ticket_number") is None
    assert e.suggestions["ticket_number"].value == "285366"
    assert e.suggestions["ticket_number"].confidence < 0.41


def _read_with_one_unsure_character(text: str, unsure: int, box: tuple) -> OcrLine:
    """A line as RapidOCR gives it: each word as sure as its least sure character."""
    characters = tuple(0.41 if index == unsure else 0.99 for index in range(len(text)))
    words = [(match.group(0), min(characters[match.start():match.end()])) for match in re.finditer(r"[^ :#]+", text)]
    return OcrLine(text, 0.95, box, words=tuple(words), characters=characters)


@pytest.mark.parametrize("letterhead, text, unsure, number, sure", [
    ("HEIDELBERG MATERIALS", "Ticket No.2384390321", 8, "2384390321", True),  # the "o" of a label glued to it
    ("POST OAK PIT", "Tkt.#PO-2710125", 6, "PO-2710125", True),  # the "O" the vendor's pattern fixes
    ("LDI YARD", "Wt Tkt Serial LDi3194165", 15, "LDI3194165", True),  # the pattern's letter read in lower case
    ("HEIDELBERG MATERIALS", "Ticket No.2384390321", 14, "2384390321", False),  # a digit of the number
    ("HEIDELBERG MATERIALS", "Ticket No.238439032l", 19, None, False),  # a character after it: cut short, perhaps
])
def test_a_number_is_as_sure_as_its_own_characters_not_a_label_or_prefix_glued_to_it(letterhead, text, unsure,
                                                                                       number, sure):
    page = ocr_page((letterhead, 300, 40), ("DATE: 02/18/25", 300, 110))
    line = _read_with_one_unsure_character(text, unsure, (650, 40, 650 + 12 * len(text), 60))
    e = extract_page(page_source(), replace(page, lines=[*page.lines, line]), KNOWN)
    assert e.value("ticket_number") == (number if sure else None)
    if not sure and number:
        assert e.suggestions["ticket_number"].value == number


@pytest.mark.parametrize("lines, number", [
    ((("Control No. 3393244207", 650, 30),), "3393244207"),
    ((("ControlNo. 2384390325", 650, 30),), "2384390325"),
    ((("Control No.", 650, 20), ("18133.", 660, 45)), "18133"),  # a stop after it, under its label
    ((("Dispatch No. 1267363784", 650, 30),), "1267363784"),  # a hauler's dispatch ticket
    ((("Order No. 1267363784", 650, 30),), None),  # a number that is not the ticket's
    ((("Lic No. 414278", 650, 30),), None),
    ((("Permit # 41427833", 650, 30),), None),
])
def test_a_number_where_the_vendor_prints_its_ticket_s_under_a_label_naming_no_field_is_the_ticket_number(lines,
                                                                                                       number):
    page = ocr_page(("ROBERTS", 300, 40), *lines, ("QTY: 18 TONS", 300, 250))
    assert extract_page(page_source(), page, KNOWN).value("ticket_number") == number


@pytest.mark.parametrize("parts, number", [
    (("337387", "SERIAL", "TICKET"), "337387"),  # parts from the top of the page down: the text runs up
    (("2179691", "Tkt."), "2179691"),
    (("TICKET", "SERIAL", "337387"), "337387"),  # the text runs down
    (("2179691", "Phone"), None),
])
def test_a_ticket_number_printed_sideways_up_or_down_the_margin_after_its_label_is_read(parts, number):
    page = ocr_page(("TARANGO TRUCKING", 240, 40), ("DATE: 12.2.2024", 150, 200), ("QTY: 22 CY", 150, 420))
    margin, top = [], 150
    for text in parts:
        margin.append(OcrLine(text, 0.99, (20, top, 42, top + 25 * len(text))))
        top += 25 * len(text) + 8
    e = extract_page(page_source(), replace(page, lines=[*page.lines, *margin]), KNOWN)
    assert e.value("ticket_number") == number


def test_a_reference_label_after_a_trap_word_is_no_ticket_number_label():
    po = ocr_page(("PORTILLO & SONS", 300, 20), ("PO REF: 36993", 40, 200), ("QTY: 15 CY", 40, 300))
    assert extract_page(page_source(), po, KNOWN).value("ticket_number") is None


def test_a_number_sign_alone_on_its_line_labels_the_number_under_it_but_not_one_after_words():
    boxed = ocr_page(("TARANGO TRUCKING", 200, 40), ("Signature", 50, 520), ("NO.", 820, 470), ("190116", 800, 500))
    assert extract_page(page_source(), boxed, KNOWN).value("ticket_number") == "190116"
    truck = ocr_page(("TARANGO TRUCKING", 200, 40), ("No. de Camion", 50, 470), ("5712", 60, 500))
    assert extract_page(page_source(), truck, KNOWN).value("ticket_number") is None


def test_a_ticket_lying_low_and_right_on_a_flatbed_page_keeps_its_header_and_top_right():
    lines = [("ROBERTS", 300, 40), ("1178561", 850, 30), ("MATERIAL TICKET #", 800, 60), ("QTY: 18 TONS", 300, 250)]
    flatbed = OcrResult("test", 2400, 3000, [OcrLine(text, 0.97, (x + 1300, y + 1400, x + 1300 + 12 * len(text), y + 1420))
                                             for text, x, y in lines])
    extraction = extract_page(page_source(), flatbed, KNOWN)
    assert (extraction.value("vendor"), extraction.value("ticket_number")) == ("ROBERTS", "1178561")


def test_lone_number_at_the_top_right_is_taken_but_one_beside_a_trap_label_is_not():
    lone = ocr_page(("ROBERTS", 300, 40), ("1178561", 850, 30), ("MATERIAL TICKET #", 800, 60))
    assert extract_page(page_source(), lone, KNOWN).value("ticket_number") == "1178561"
    trap = ocr_page(("ROADSTAR MANAGEMENT, LLC", 300, 20), ("Pit Ticket #", 600, 100), ("1571412", 750, 100))
    assert extract_page(page_source(), trap, KNOWN).value("ticket_number") is None


@pytest.mark.parametrize("letterhead", ["BIGCITY", "BIG CITY", "BIGCITY CRUSHEDCONCRETE"])
def test_a_vendor_s_name_with_its_words_run_together_by_ocr_is_still_its_name(letterhead):
    page = ocr_page((letterhead, 300, 20), ("Ref No 121767", 800, 30))
    assert extract_page(page_source(), page, KNOWN).value("vendor") == "BIG_CITY"
    inside_a_word = ocr_page(("AMBIGCITY", 300, 20), ("Ref No 121767", 800, 30))
    assert extract_page(page_source(), inside_a_word, KNOWN).value("vendor") is None


def test_customer_line_is_not_the_vendor():
    page = ocr_page(("CUSTOMER: LINDAMOOD DEMOLITION", 40, 30), ("No. 44821", 800, 30))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("vendor") is None
    assert Reason.AMBIGUOUS_VENDOR in _reasons(e)


def test_vendor_named_only_in_the_body_is_a_suggestion_not_a_value():
    page = ocr_page(("No. 44821", 800, 30), ("Hauled by Tarango Trucking", 40, 500))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("vendor") is None and e.suggestions["vendor"].value == "TARANGO"


def test_filename_wins_over_the_page_and_says_so():
    page = ocr_page(("ROBERTS", 300, 40), ("No. 55555", 800, 30))
    source = page_source("24-105__2024-10-16__IMPORT__ROCK__HEIDELBERG.pdf")
    e = extract_page(source, page, KNOWN)
    assert (e.value("vendor"), e.value("material"), e.value("flow")) == ("HEIDELBERG", "ROCK", "IMPORT")
    assert e.value("ticket_date") == date(2024, 10, 16) and e.values["ticket_date"].source == "filename"
    assert Reason.FILENAME_OVERRIDE in _reasons(e)


def test_folder_flow_comes_before_the_filename_token():
    page = ocr_page(("HEIDELBERG MATERIALS", 40, 20), ("TICKET NO. 90001", 700, 20))
    e = extract_page(page_source("scan.pdf", folder_flow="IMPORT"), page, KNOWN)
    assert e.value("flow") == "IMPORT" and e.values["flow"].source == "folder"


def test_contaminated_load_without_manifest_goes_to_review():
    page = ocr_page(("ROBERTS", 300, 40), ("No. 55555", 800, 30), ("MATERIAL: Class 2 Contaminated", 40, 300))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("material") == "CLASS_2_CONTAMINATED"
    assert Reason.MISSING_MANIFEST in _reasons(e)


@pytest.mark.parametrize("lines", [(), ((".", 300, 40), ("-- ,", 800, 30))])
def test_a_blank_page_still_yields_a_record_and_one_item_saying_nothing_was_read(lines):
    e = extract_page(page_source(), ocr_page(*lines), KNOWN)
    assert e.value("ticket_date") == date(2024, 10, 17)
    [finding] = check_page(e, CONTEXT)  # not a missing ticket number, vendor, material and OCR confidence too
    assert finding.reason is Reason.UNREADABLE_FILE and "nothing could be read from the page" in finding.detail


def test_a_blank_page_a_filename_calls_contaminated_still_wants_its_manifest():
    source = page_source("24-105__2024-10-17__PIER_EX__EXPORT__CLASS_2_CONTAMINATED.pdf")
    reasons = _reasons(extract_page(source, ocr_page(), KNOWN))
    assert {Reason.UNREADABLE_FILE, Reason.MISSING_MANIFEST} <= reasons and Reason.AMBIGUOUS_VENDOR not in reasons


def test_low_confidence_reading_is_only_a_suggestion():
    page = ocr_page(("ROBERTS", 300, 40), ("No. 55555", 800, 30), confidence=0.5)
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("ticket_number") is None and e.suggestions["ticket_number"].value == "55555"
    assert {Reason.MISSING_TICKET_NUMBER, Reason.LOW_CONFIDENCE_OCR} <= _reasons(e)


@pytest.mark.parametrize("quantity, flagged", [("18 TONS", False), ("3 TONS", True), ("60 CY", True), ("12 CY", False)])
def test_unusual_quantities_are_flagged(quantity, flagged):
    page = ocr_page(("ROBERTS", 300, 40), ("No. 55555", 800, 30), (f"QTY: {quantity}", 40, 300))
    assert (Reason.UNUSUAL_QUANTITY in _reasons(extract_page(page_source(), page, KNOWN))) == flagged


def test_filename_date_far_from_the_folder_is_out_of_range():
    page = ocr_page(("ROBERTS", 300, 40), ("No. 55555", 800, 30))
    source = page_source("24-105__2024-01-02__IMPORT__ROCK__ROBERTS.pdf")
    assert Reason.OUT_OF_RANGE_DATE in _reasons(extract_page(source, page, KNOWN))


def test_duplicate_is_found_within_120_days_before_and_not_after():
    original = KnownTicket("a-p1", "55555", "ROBERTS", date(2024, 7, 1))
    assert find_duplicate(KnownTicket("b-p1", "55555", "ROBERTS", date(2024, 10, 17)), [original]) == original
    assert find_duplicate(KnownTicket("b-p1", "55555", "ROBERTS", date(2024, 11, 30)), [original]) is None
    assert find_duplicate(KnownTicket("b-p1", "55555", "ALLIANCE", date(2024, 7, 2)), [original]) is None


@pytest.mark.parametrize("written", ["MATERIAL: Class 2 Contaminated", "MATERIAL: Contaminated Soil"])
def test_a_filename_saying_clean_over_a_page_saying_contaminated_is_a_critical_conflict(written):
    """Regression: the filename's material won silently (FILENAME_OVERRIDE, INFO) over a page that read a
    contaminated load with its manifest: the load was left out of every manifest log."""
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), (written, 40, 200),
                    ("MANIFEST #: 15-2024-00001", 40, 240))
    e = extract_page(page_source("24-105__2024-10-17__IMPORT__C2__CORPOTECH.pdf"), page, KNOWN)
    findings = {f.reason: f for f in check_page(e, CONTEXT)}
    conflict = findings[Reason.MATERIAL_CONFLICT]
    assert conflict.severity.value == "CRITICAL" and conflict.about == "material"
    assert conflict.suggested_fixes["material"] == ["CLASS_2_CONTAMINATED", "C2"]
    assert e.value("material") == "CLASS_2_CONTAMINATED", "until a person decides, the load counts as contaminated"
    assert not [f for f in check_page(e, CONTEXT) if f.reason is Reason.FILENAME_OVERRIDE and f.about == "material"]


def test_a_filename_naming_the_contaminated_material_over_a_clean_page_is_only_noted():
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: Dirt", 40, 200))
    e = extract_page(page_source("24-105__2024-10-17__PIER_EX__EXPORT__CLASS_2_CONTAMINATED.pdf"), page, KNOWN)
    assert Reason.MATERIAL_CONFLICT not in _reasons(e) and Reason.FILENAME_OVERRIDE in _reasons(e)


CONTAMINATED_WRITTEN = ["C/S Dirt", "Contam. Soil", "Class II", "Cl. 2 dirt", "Dirt Contaminated", "CLASS2 Non-Haz",
                        "C0NTAMINATED FILL", "Contarninated soil", "CL 2", "C/SDIRT", "C.II fill",
                        "Impacted Soil", "IMPACTED SOIL- CL II", "Cass Il", "Clas 2", "CI. II", "Clss 2 dirt",
                        "CL-2", "Class Two", "Clase II", "Cont. Soil", "PCS", "Contminated soil",
                        "Cntaminated", "Dirt Cantaminaded", "MPACTED FILL", "No. Contam Soil", "ImpactedSoil",
                        "TPHimpacted soil"]
CLEAN_WRITTEN = ["Non-Contam Fill", "Non Contaminated", "NON-CONTAMINATED SOIL", "Clean Fill", "NC fill",
                 "UNCONTAMINATED FILL", "Un-contaminated soil", "Non-Impacted Soil", "Unimpacted fill", "Not impacted",
                 "NON-CLASS 2", "Non Class II fill", "Not Class 2", "CLEAN FILL NOCONTAM", "Clean (no contam.)",
                 "Clean Soil - free of contamination", "Clean Dirt - tested, no contamination", "NON CONTAM FILLDIRT"]


def _material_page(written: str, source: str | None = None, manifest: bool = True):
    lines = [("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), (f"MATERIAL: {written}", 40, 200)]
    lines += [("MANIFEST #: 15-2024-00001", 40, 240)] if manifest else []
    return ocr_page(*lines, *([(f"FROM: {source}", 40, 280)] if source else []))


@pytest.mark.parametrize("written", CONTAMINATED_WRITTEN)
def test_contamination_however_written_is_never_a_clean_material(written):
    e = extract_page(page_source(), _material_page(written), KNOWN)
    assert e.value("material") == "CLASS_2_CONTAMINATED"
    assert Reason.MATERIAL_CONFLICT not in _reasons(e), "a contaminated dirt is one class, not two"


@pytest.mark.parametrize("written", CLEAN_WRITTEN)
def test_non_contamination_is_recognised_before_contamination(written):
    e = extract_page(page_source(), _material_page(written, manifest=False), KNOWN)
    assert e.value("material") == "NON_CONTAMINATED" and Reason.MATERIAL_CONFLICT not in _reasons(e)


def test_plain_dirt_from_a_contaminated_dig_is_a_conflict_counted_as_contaminated():
    e = extract_page(page_source(), _material_page("Dirt", source="Podium"), KNOWN)
    conflict = next(f for f in check_page(e, CONTEXT) if f.reason is Reason.MATERIAL_CONFLICT)
    assert conflict.severity.value == "CRITICAL"
    assert conflict.suggested_fixes["material"] == ["CLASS_2_CONTAMINATED", "DIRT"]
    assert e.value("material") == "CLASS_2_CONTAMINATED"


def test_a_page_naming_contamination_from_a_clean_source_is_a_conflict_counted_as_contaminated():
    e = extract_page(page_source(), _material_page("C/S Dirt", source="South Garage"), KNOWN)
    assert e.value("material") == "CLASS_2_CONTAMINATED" and Reason.MATERIAL_CONFLICT in _reasons(e)
    assert e.conflicts["material"].value == "NON_CONTAMINATED"


def test_plain_fill_from_the_clean_garage_agrees_with_it():
    e = extract_page(page_source(), _material_page("Fill", source="South Garage", manifest=False), KNOWN)
    assert e.value("material") == "NON_CONTAMINATED" and Reason.MATERIAL_CONFLICT not in _reasons(e)


def test_a_manifest_number_on_a_load_read_as_clean_is_a_conflict_counted_as_contaminated():
    """The label lost its "C/S" to OCR ("COMMODITYA. 2 DIRT"), but the page carries a manifest number."""
    e = extract_page(page_source(), _material_page("Dirt"), KNOWN)
    assert e.value("material") == "CLASS_2_CONTAMINATED" and Reason.MATERIAL_CONFLICT in _reasons(e)


@pytest.mark.parametrize("beside", ["MT2", "20", "EXCESS SPOILS (MVP TC1)", "5610 Harry Hines"])
def test_a_text_at_a_manifest_label_without_a_manifest_numbers_digits_is_no_sign_of_contamination(beside):
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: Spoils", 40, 200),
                    ("FROM: Beck Spoils", 40, 240), ("PROFILE", 40, 280), (beside, 300, 280))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("material") == "SPOILS" and Reason.MATERIAL_CONFLICT not in _reasons(e)
    unsure = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: Spoils", 40, 200),
                      ("FROM: Beck Spoils", 40, 240), ("PROFILE", 40, 280), ("P6998-8O961", 300, 280))
    assert extract_page(page_source(), unsure, KNOWN).value("material") == "CLASS_2_CONTAMINATED"


@pytest.mark.parametrize("written", ["CLEAN ROCK 57", "ROCK : 1 1/2 CLEAN", "Clean Flex Base"])
def test_clean_written_with_a_stone_says_what_the_stone_is_like(written):
    """A "Clean Rock" is a washed rock delivered, not clean fill hauled off: no second class of material."""
    e = extract_page(page_source(), _material_page(written, manifest=False), KNOWN)
    assert e.value("material") in ("ROCK", "FLEXBASE") and Reason.MATERIAL_CONFLICT not in _reasons(e)


@pytest.mark.parametrize("written", ["CLEANNATIVE FILL", "CLEANFILL", "Clean NativeFill"])
def test_clean_run_into_the_earth_or_its_qualifier_is_clean_fill(written):
    """OCR closes a narrow gap: "CLEANNATIVE" is "Clean Native", not an unknown word before plain fill."""
    e = extract_page(page_source(), _material_page(written, manifest=False), KNOWN)
    assert e.value("material") == "NON_CONTAMINATED" and Reason.MATERIAL_CONFLICT not in _reasons(e)


def test_a_header_listing_the_kinds_of_load_names_no_flow():
    """A trip ticket's printed checklist whose boxes OCR lost: "Import / Delivery" is one choice of four, not the load."""
    header = [("TARANGO TRUCKING", 300, 20), ("Contaminated / Class 2", 40, 60), ("Clean/Non-Contam.", 300, 60),
              ("Spoils", 560, 60), ("Import / Delivery", 700, 60)]
    body = [("TKT# 337399", 40, 300), ("Material Hauled Impacted soil", 40, 400), ("Manif. No. 2024-982156-J", 40, 440)]
    e = extract_page(page_source(), ocr_page(*header, *body), KNOWN)
    assert (e.value("material"), e.value("flow")) == ("CLASS_2_CONTAMINATED", "EXPORT")
    assert Reason.MATERIAL_CONFLICT not in _reasons(e)
    one_kind = extract_page(page_source(), ocr_page(*header[:1], header[-1], *body), KNOWN)
    assert Reason.MATERIAL_CONFLICT in _reasons(one_kind), "one kind named is no list of choices"


def test_a_form_s_title_in_the_header_names_no_flow():
    """A quarry's "WEIGHT&DISPOSAL RECEIPT" is printed for every load: its 3x5 stone is no import on an export."""
    body = [("Tkt No.35801776", 700, 30), ("Description", 40, 300), ("3x5 Rip Rap Stone", 40, 340)]
    e = extract_page(page_source(), ocr_page(("ARCOSA", 40, 20), ("WEIGHT&DISPOSAL RECEIPT", 40, 60), *body), KNOWN)
    assert (e.value("material"), e.value("flow")) == ("3X5", "IMPORT") and Reason.MATERIAL_CONFLICT not in _reasons(e)
    landfill = extract_page(page_source(), ocr_page(("ARCOSA", 40, 20), ("Lewisville Landfill", 40, 60), *body), KNOWN)
    assert landfill.value("flow") == "EXPORT" and Reason.MATERIAL_CONFLICT in _reasons(landfill)


@pytest.mark.parametrize("written", ["Clean Dirt Rock", "C/S Clean Rock"])
def test_clean_written_with_plain_earth_or_contamination_beside_a_stone_stays_a_second_class(written):
    e = extract_page(page_source(), _material_page(written, manifest=False), KNOWN)
    assert Reason.MATERIAL_CONFLICT in _reasons(e)


@pytest.mark.parametrize("written", ["Spoils Class 2", "Clean / Contaminated", "C/S Dirt, free of contamination"])
def test_a_text_naming_two_classes_is_a_conflict(written):
    e = extract_page(page_source(), _material_page(written), KNOWN)
    assert e.value("material") == "CLASS_2_CONTAMINATED" and Reason.MATERIAL_CONFLICT in _reasons(e)


def _record(day: str, page: str, duplicate_of: str | None = None, ticket_date: str | None = None) -> dict:
    return {"page_id": f"{day}/{page}-p1", "partition_key": day, "ticket_number": "55555", "vendor": "ROBERTS",
            "ticket_date": date.fromisoformat(ticket_date or day), "duplicate_of": duplicate_of}


def test_regression_an_answered_material_that_does_not_fit_the_folder_s_flow_goes_back_to_a_person():
    """Trial: DIRT answered on a page of the export/ folder (before answers were checked against the flow) put
    the load on the Import sheet while its record said EXPORT, and nobody was asked again."""
    page, source = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30)), page_source(folder_flow="EXPORT")
    e = extract_page(source, page, KNOWN, {"material": "DIRT"})
    conflict = next(f for f in check_page(e, CONTEXT) if f.reason is Reason.MATERIAL_CONFLICT)
    assert conflict.detail == ("a person's answer says DIRT, an import material, but the load is an EXPORT "
                               "(from its folder)")
    assert Reason.MATERIAL_CONFLICT not in _reasons(extract_page(source, page, KNOWN, {"material": "DIRT",
                                                                                      "flow": "IMPORT"}))


def test_regression_the_copy_is_the_later_ticket_whichever_day_was_processed_first():
    """The 18th processed before the 17th: neither was flagged, and both copies were billed."""
    first = KnownTicket.of(_record("2024-10-17", "x.pdf"))
    later = KnownTicket.of(_record("2024-10-18", "y.pdf"))
    assert find_duplicate(later, [first]) == first and find_duplicate(first, [later]) is None


def test_a_day_whose_copy_links_are_out_of_date_is_named_until_it_is_rerun():
    unlinked = [_record("2024-10-17", "x.pdf"), _record("2024-10-18", "y.pdf")]
    assert set(stale_days(unlinked)) == {"2024-10-18"}
    linked = [_record("2024-10-17", "x.pdf"), _record("2024-10-18", "y.pdf", duplicate_of="2024-10-17/x.pdf-p1")]
    assert stale_days(linked) == {}


def test_a_record_a_day_cannot_see_never_makes_it_stale():
    """A page dated far past its folder: the other day's record is outside what the day's run compares with,
    so asking for a rerun would ask again after every rerun."""
    far = [_record("2024-10-17", "x.pdf", ticket_date="2024-12-20"), _record("2024-12-19", "y.pdf")]
    assert stale_days(far) == {}


def _answer(page_id: str, file_hash: str) -> dict:
    return {"id": 1, "page_id": page_id, "file_hash": file_hash, "page_number": 1, "reason": "DUPLICATE_TICKET",
            "field_name": "ticket_number", "corrections": {"truck_number": "299"}, "decision": "copy",
            "because": None, "resolved_by": "Maria", "resolved_at": date(2024, 10, 18)}


def test_regression_an_answer_follows_a_renamed_file_on_every_later_run():
    """The answer moved with the file for one run, and was lost on the next."""
    answers, content = [_answer("d/x.pdf-p1", "K")], PageKey("K", 1)
    renaming = DayAnswers(answers, {"d/y.pdf-p1": content}, held_before={("d/x.pdf-p1", content)})
    after = DayAnswers(answers, {"d/y.pdf-p1": content}, held_before={("d/y.pdf-p1", content)})
    assert renaming.for_page("d/y.pdf-p1", content).answers == answers
    assert after.for_page("d/y.pdf-p1", content).answers == answers


def test_a_material_answered_anew_drops_the_values_given_with_the_earlier_one():
    """Answered clean from SPG to LDI_YARD, then again as contaminated without a place: the load kept the clean
    places of the first answer, and its manifest log row named the clean-fill yard as the waste facility."""
    item = {**_answer("d/x.pdf-p1", "K"), "reason": "MATERIAL_CONFLICT", "field_name": "material"}
    first = {**item, "corrections": {"material": "NON_CONTAMINATED", "source": "SPG", "destination": "LDI_YARD"}}
    other_item = {**_answer("d/x.pdf-p1", "K"), "corrections": {"truck_number": "299"}}
    again = {**item, "corrections": {"material": "CLASS_2_CONTAMINATED"}}
    assert PageAnswers([first, other_item, again]).corrections() == {"material": "CLASS_2_CONTAMINATED",
                                                                     "truck_number": "299"}


def test_regression_answers_to_one_page_add_up_unless_a_later_one_changes_the_field():
    """Fourth trial (D6): an item answered with its destination, then again with only its manifest number, lost
    the destination."""
    item = {**_answer("d/x.pdf-p1", "K"), "reason": "MISSING_MANIFEST", "field_name": "manifest_number"}
    first = {**item, "corrections": {"material": "CLASS_2_CONTAMINATED", "destination": "LDI_YARD"}}
    again = {**item, "corrections": {"manifest_number": "WM-MAN-2024-024466"}}
    fixed = {**item, "corrections": {"destination": "WASTE_MANAGEMENT_LEWISVILLE"}}
    assert PageAnswers([first, again, fixed]).corrections() == {
        "material": "CLASS_2_CONTAMINATED", "destination": "WASTE_MANAGEMENT_LEWISVILLE",
        "manifest_number": "WM-MAN-2024-024466"}


def test_an_answer_stays_with_its_own_copy_of_identical_scans_when_that_copy_is_overwritten():
    answers, content = [_answer("d/c.pdf-p1", "K")], PageKey("K", 1)
    places = {"d/b.pdf-p1": content, "d/c.pdf-p1": PageKey("OTHER", 1)}
    # c held K when the overwrite is found, and its kept record (d/c.pdf-p1@K) holds it on every later run
    day = DayAnswers(answers, places, held_before={("d/b.pdf-p1", content), ("d/c.pdf-p1", content)})
    assert day.for_page("d/b.pdf-p1", content).answers == []
    assert day.for_page("d/c.pdf-p1@K", content).answers == answers
    assert day.for_page("d/c.pdf-p1", PageKey("OTHER", 1)).elsewhere == answers


def test_values_in_the_boxes_under_a_row_of_labels_are_read_by_column():
    """Boxed forms: `YARDS  TONS  TRUCK #  MATERIAL` over the values, the YARDS box left empty."""
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30),
                    ("YARDS   TONS   TRUCK #   MATERIAL", 40, 200), ("17", 140, 240), ("6181", 250, 240),
                    ("C/S Dirt", 380, 240))
    e = extract_page(page_source(), page, KNOWN)
    assert (e.value("quantity"), e.value("quantity_unit")) == (17.0, "TONS")
    assert e.value("truck_number") == "6181" and e.value("material") == "CLASS_2_CONTAMINATED"


def test_a_row_of_values_read_as_one_line_is_cut_by_the_columns_above_it():
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30),
                    ("TRUCK#    YARDS    SOURCE", 40, 200), ("2291      14       Pier Ex", 40, 240))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("truck_number") == "2291" and (e.value("quantity"), e.value("quantity_unit")) == (14.0, "CY")
    assert e.value("source") == "PIER_EX"


@pytest.mark.parametrize("label", ["MANlFEST #:", "Profile/Manifest No.", "WASTE MANIFEST", "MANIFEST", "Manif. No.",
                                   "MFST#.", "Mnfst..No.", "MAN ID", "MANIFEST NBR", "MANIFEST ID.", "Manifest Ctl No.",
                                   "Manifest Doc.", "mnft no", "Man. ID", "Man no.", "Waste Tracking #", "MANEST:",
                                   "Mist #"])
def test_manifest_labels_with_ocr_noise(label):
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), (label, 40, 200),
                    ("15-2024-00001", 40 + 12 * len(label) + 20, 200))
    assert extract_page(page_source(), page, KNOWN).value("manifest_number") == "15-2024-00001"


@pytest.mark.parametrize("written_at", [[("224785NH2024", 40, 5)],
                                        [("Driver Signature", 40, 500), ("224785NH2024", 40, 530)]])
def test_a_lone_manifest_number_on_a_contaminated_load_is_a_suggestion_never_a_value(written_at):
    """A manifest number written under no label (across the top margin, under the signatures) is shown to the
    person the load goes to for its manifest; a date whose slash OCR read as a 1 is no such number."""
    page = ocr_page(*written_at, ("ROBERTS TRUCKING", 40, 40), ("No. 379267", 780, 40), ("12102/2024", 40, 100),
                    ("MATERIAL: C/S Dirt", 40, 160), ("MANIFEST NO.", 40, 200))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("manifest_number") is None and Reason.MISSING_MANIFEST in _reasons(e)
    assert e.suggestions["manifest_number"].value == "224785NH2024"


@pytest.mark.parametrize(("material", "also"), [("C/S Dirt", [("TX-NH-7466981", 40, 540)]), ("Asphalt", [])])
def test_no_lone_manifest_number_is_suggested_when_two_stand_alone_nor_on_a_clean_load(material, also):
    page = ocr_page(("224785NH2024", 40, 5), ("ROBERTS TRUCKING", 40, 40), ("No. 379267", 780, 40),
                    (f"MATERIAL: {material}", 40, 160), *also)
    e = extract_page(page_source(), page, KNOWN)
    assert "manifest_number" not in e.suggestions and Reason.MATERIAL_CONFLICT not in _reasons(e)


@pytest.mark.parametrize("stamp", [[("Non-Haz Manifest #", 600, 325), ("TX-2024-77120", 600, 350)],
                                   [("NON-HAZ MANIFEST # TX-2024-77120", 560, 325)],
                                   [("Manifest No.", 600, 325), ("TX-2024-77120", 760, 325)]])
def test_a_manifest_label_inside_a_stamp_labels_the_manifest_number(stamp):
    """A landfill's stamp names the number it received ("Non-Haz Manifest #", "Manifest No.") amid its own words."""
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: C/S Dirt", 40, 160),
                    ("RECEIVED", 600, 300), *stamp, ("NOV 05 2024", 600, 375))
    assert extract_page(page_source(), page, KNOWN).value("manifest_number") == "TX-2024-77120"


@pytest.mark.parametrize("label", ["7. Waste Manifest Doc #", "Manif, No."])
def test_an_empty_manifest_box_suggests_no_piece_of_its_label(label):
    """"7. Waste Manifest Doc #" with no number was read as the label "Waste Manifest" with the value "Doc";
    "Manif, No." (a stop read as a comma) as "Manif" with the value ","."""
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: C/S Dirt", 40, 160),
                    (label, 40, 200))
    e = extract_page(page_source(), page, KNOWN)
    assert "manifest_number" not in e.suggestions and Reason.MISSING_MANIFEST in _reasons(e)


def test_a_manifest_document_label_is_read_whole_not_as_manifest_doc_and_the_rest_of_its_word():
    """"Manifest Document No.M2025.580393" was read as the label "Manifest Doc" with the value "ument"."""
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: C/S Dirt", 40, 160),
                    ("8. Manifest Document No.M2025.580393", 40, 200))
    assert extract_page(page_source(), page, KNOWN).value("manifest_number") == "M2025-580393"


@pytest.mark.parametrize("written", ["WM-MAN-2024->99283", "WM-MAN", "2024", "7", "14-2024\\00123"])
def test_a_manifest_number_that_only_partly_fits_its_shape_is_a_suggestion_in_review(written):
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: C/S Dirt", 40, 160),
                    (f"MANIFEST #: {written}", 40, 200))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("manifest_number") is None and e.suggestions["manifest_number"].value == written
    assert Reason.MISSING_MANIFEST in _reasons(e)


@pytest.mark.parametrize(("written", "accepted"), [
    ("WM-MAN-2025-024421", True), ("W-MAN-2025-024421", False), ("WM-MAN-2025-0244211", False),
    ("WM-MAN-2O25-024421", False), ("WM-MAN-2025-02", False), ("14-2025-00123", True), ("00393-LEW-2025", True),
    ("0393-LEW-2025", False), ("00393-LW-2025", False)])
def test_a_manifest_number_a_character_or_two_off_its_landfill_s_shape_is_a_suggestion(written, accepted):
    """The landfill's template gives its manifests' shape (WM-MAN-####-######): one read with a letter lost is
    a misreading; a number far from that shape is another kind of manifest, read as before."""
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: C/S Dirt", 40, 160),
                    ("HAULED TO: WM Lewisville", 40, 180), (f"MANIFEST #: {written}", 40, 200))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("destination") == "WASTE_MANAGEMENT_LEWISVILLE"
    assert (e.value("manifest_number") == written) is accepted
    assert (Reason.MISSING_MANIFEST in _reasons(e)) is not accepted


@pytest.mark.parametrize("amount", ["1 LOaD(s)", "18.5 TONS"])
def test_the_loads_amount_reached_from_a_manifest_label_is_no_manifest_nor_sign_of_contamination(amount):
    page = ocr_page(("RCI", 40, 20), ("No. 3957601", 780, 30), ("MATERIAL: Asphalt", 40, 160), ("Mnfst: No.", 40, 200),
                    (amount, 300, 200))
    e = extract_page(page_source(), page, KNOWN)
    assert "manifest_number" not in e.suggestions and e.value("material") == "ASPHALT"
    assert Reason.MATERIAL_CONFLICT not in _reasons(e)


@pytest.mark.parametrize(("written", "stored"), [("WM_MAN-2024-128671", "WM-MAN-2024-128671"),
                                                 ("MN 88412093", "MN-88412093"), ("14-2024-00123.", "14-2024-00123"),
                                                 ("297934/TX/8937", "297934-TX-8937")])
def test_manifest_separators_are_stored_as_dashes(written, stored):
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), (f"Manifest No. {written}", 40, 200))
    assert extract_page(page_source(), page, KNOWN).value("manifest_number") == stored


@pytest.mark.parametrize(("written", "accepted", "suggested"), [
    ("MNF 0986 229758", "MNF-0986-229758", None), ("TX-NH-4210 553", None, "TX-NH-4210"),
    ("MN 88412093 18.5 TN", "MN-88412093", None), ("12 2291 18", None, "12 2291 18")])
def test_a_manifest_number_in_groups_a_space_apart_is_read_whole_or_not_at_all(written, accepted, suggested):
    """"MNF 0986 229758" was accepted as MNF-0986, cut short at its second space: a number printed in groups is
    read whole when it is all the text there, and one that goes on after a space with more digits (a gap OCR read
    in it) only suggested. Short groups are no such number (an amount and a truck read in one column)."""
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: C/S Dirt", 40, 160),
                    (f"Manifest No. {written}", 40, 200))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("manifest_number") == accepted
    assert suggested is None or e.suggestions["manifest_number"].value == suggested


def test_a_manifest_label_left_of_its_number_is_no_prefix_of_it():
    """A note across the top margin, "MNFT-" left of "65J-3066280", was accepted as MNFT-65J-3066280."""
    page = ocr_page(("MNFT-", 40, 20), ("65J-3066280", 120, 20), ("ROBERTS TRUCKING", 40, 80), ("No. 379267", 780, 90))
    assert extract_page(page_source(), page, KNOWN).value("manifest_number") == "65J-3066280"


def test_a_ticket_number_with_a_letter_glued_to_it_is_a_suggestion():
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("TICKET NO. 2853a66", 700, 30))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("ticket_number") is None and Reason.MISSING_TICKET_NUMBER in _reasons(e)


@pytest.mark.parametrize("label", ["TRUCK#", "Truck No.", "UNIT #", "Veh:", "Vehide ID",  # "cl" read as a "d"
                                   "8. Truck ldent. No."])
def test_truck_labels(label):
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), (f"{label} 6181", 40, 200))
    assert extract_page(page_source(), page, KNOWN).value("truck_number") == "6181"


@pytest.mark.parametrize(("label", "value", "truck"), [("Trk/Trlr", "7806/124", "7806"),
                                                     ("Trailer/Truck #", "158/301", "301"),
                                                     ("Trk/Trlr #.9549/364", None, "9549"),
                                                     # the second label misread, which no label list knows
                                                     ("Trk/İrlr #· 7479/228", None, "7479"),
                                                     ("Trk/Trle", "4721/167", "4721")])
def test_a_value_in_parts_for_labels_joined_by_a_slash_gives_each_label_its_part(label, value, truck):
    lines = [("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), (label, 40, 200)]
    page = ocr_page(*lines, *([(value, 400, 200)] if value else []))
    assert extract_page(page_source(), page, KNOWN).value("truck_number") == truck


def test_a_long_label_with_its_value_glued_on_is_still_a_label():
    page = ocr_page(("PORTILLO & SONS", 300, 20), ("No.344126", 800, 30), ("HAULED FROMDETENTION POND", 40, 200),
                    ("COMMODITYC/S DIRT", 40, 240), ("MANIFEST#503068-TX-4124", 40, 280))
    e = extract_page(page_source(), page, KNOWN)
    assert (e.value("source"), e.value("material")) == ("POND", "CLASS_2_CONTAMINATED")
    assert e.value("manifest_number") == "503068-TX-4124"


@pytest.mark.parametrize(("written", "accepted"), [("WASTE MANIFESTS2024G80081", None),
                                                   ("MANIFEST88C-3661534", "88C-3661534")])
def test_a_manifest_number_run_into_its_label_letter_to_letter_is_a_suggestion(written, accepted):
    """Where a label ends and its number begins is a guess between two letters: the s of "MANIFESTS2024G80081" is
    a plural's, a misread colon's or the number's. Between a letter and a digit it is not."""
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: C/S Dirt", 40, 160),
                    (written, 40, 200))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("manifest_number") == accepted
    assert accepted or e.suggestions["manifest_number"].value == "S2024G80081"


def test_a_ticket_number_under_its_label_in_a_row_of_labels():
    """`TICKET NO.` and `DATE` side by side, their values under them: the date is not the ticket's value."""
    page = ocr_page(("ARCOSA", 400, 20), ("TICKET NO.", 50, 100), ("DATE", 540, 100), ("38236425", 60, 140),
                    ("10/14/2024", 550, 140), ("TRUCK NO.", 50, 200), ("9345", 60, 240))
    e = extract_page(page_source(), page, KNOWN)
    assert (e.value("ticket_number"), e.value("truck_number")) == ("38236425", "9345")


def test_of_two_unlabelled_numbers_where_the_ticket_number_stands_a_person_says_which():
    page = ocr_page(("RCI", 40, 20), ("Reeder Concrete, Inc.", 40, 50), ("1121665", 700, 60), ("9741", 850, 90))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("ticket_number") is None and Reason.MISSING_TICKET_NUMBER in _reasons(e)


def test_a_vendor_pattern_whose_letter_prefix_ocr_read_as_a_digit():
    page = ocr_page(("POST OAK PIT", 40, 20), ("TKT", 700, 20), ("P0-2503818", 700, 50))
    e = extract_page(page_source(), page, KNOWN)
    assert (e.value("vendor"), e.value("ticket_number")) == ("POST_OAK_PIT", "PO-2503818")


def test_an_account_line_is_the_customer_not_the_vendor():
    page = ocr_page(("WASTE MANAGEMENT", 300, 20), ("Ticket #: WM-30901115", 40, 80), ("Account: LINDAMOOD", 40, 110))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("vendor") == "WASTE_MANAGEMENT_LEWISVILLE" and Reason.AMBIGUOUS_VENDOR not in _reasons(e)


def test_a_whole_place_name_after_a_label_we_do_not_know():
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("Dig Area: S. Parking Garage", 40, 200))
    assert extract_page(page_source(), page, KNOWN).value("source") == "SPG"


def test_the_letterhead_does_not_say_what_the_load_is():
    page = ocr_page(("POST OAK PIT", 40, 20), ("Fill Dirt - Reuse - Haul Off", 40, 50), ("PO-2503812", 700, 20),
                    ("Hauled From", 40, 300), ("aS pesodsia", 200, 300))
    assert extract_page(page_source(), page, KNOWN).value("material") is None


def test_an_unlabelled_number_where_the_ticket_number_stands_is_unsure_when_another_is_on_the_page():
    page = ocr_page(("ALLIANCE", 40, 20), ("37555", 40, 100), ("8676", 850, 60), ("FILL", 40, 300))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("ticket_number") is None and e.suggestions["ticket_number"].value == "8676"


def test_a_number_sign_followed_by_words_numbers_something_else():
    page = ocr_page(("CORPOTECH", 40, 20), ("No. de Camión", 40, 100), ("5745", 40, 140))
    assert extract_page(page_source(), page, KNOWN).value("ticket_number") is None


def test_the_number_of_the_boleta_is_the_ticket_number_the_truck_s_is_not():
    """"Boleta" is Spanish for the ticket: "No. de Boleta" labels its number, "No. de Camión" the truck's."""
    page = ocr_page(("CORPOTECH", 40, 20), ("No. de Camión", 500, 100), ("5745", 500, 140), ("NO.DE BOLETA", 800, 100),
                    ("2578", 800, 140))
    assert extract_page(page_source(), page, KNOWN).value("ticket_number") == "2578"


@pytest.mark.parametrize(("written", "material"), [("FLEX BASEGR.1", "FLEXBASE"), ("UTILITYSTONE", "UTILITY_STONE"),
                                                   ("UTILITY STN (PIPE BED)", "UTILITY_STONE")])
def test_a_material_run_into_the_next_word(written, material):
    page = ocr_page(("RCI", 40, 20), ("No. 3957601", 780, 30), (f"Product: {written}", 40, 200))
    assert extract_page(page_source(), page, KNOWN).value("material") == material


@pytest.mark.parametrize("line, material, conflict", [("6. Material ShippedROCK - 1 1/2 CLEAN", "ROCK", False),
                                                      ("6. Material ShippedCLEAN NATIVEFILL-SPG", "NON_CONTAMINATED",
                                                       False),
                                                      ("Commodity Hauled3x5 Boulder Rock", "3X5", False)])
def test_a_material_label_whose_last_word_is_run_into_its_value(line, material, conflict):
    """'ShippedROCK' is no word of rock: read whole, "ROCK - 1 1/2 CLEAN" is a washed rock."""
    page = ocr_page(("RCI", 40, 20), ("No. 3957601", 780, 30), (line, 40, 200))
    e = extract_page(page_source(), page, KNOWN)
    assert material in (e.value("material"), getattr(e.conflicts.get("material"), "value", None))
    assert (Reason.MATERIAL_CONFLICT in _reasons(e)) == conflict


def test_a_manifest_with_its_label_s_number_word_run_into_it_is_only_a_suggestion():
    page = _material_page("C/S DIRT", manifest=False)
    page = replace(page, lines=[*page.lines, OcrLine("WASTE MANIFEST NUMBERTXC-8779366-X", 0.99, (40, 240, 460, 260))])
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("manifest_number") is None and "manifest_number" in e.suggestions


def test_a_grade_run_into_a_material_s_name_keeps_it_but_an_unknown_word_does_not():
    grade = ocr_page(("RCI", 40, 20), ("No. 3957601", 780, 30), ("MATERIAL: 57LIMESTONE", 40, 200))
    assert extract_page(page_source(), grade, KNOWN).value("material") == "ROCK"


@pytest.mark.parametrize("label", ["MATERIALDESC:", "Material Desc"])
def test_a_material_description_label_glued_to_its_value(label):
    page = ocr_page(("BIG CITY", 40, 20), ("No. 250384", 780, 30), (f"{label}3 × 5 Rock", 40, 200))
    assert extract_page(page_source(), page, KNOWN).value("material") == "3X5"


@pytest.mark.parametrize("written", ["HMAC Ty D surface", "Hot Mix Type C"])
def test_hot_mix_is_asphalt(written):
    page = ocr_page(("RCI", 40, 20), ("No. 1071171", 780, 30), (f"MATERIAL TYPE: {written}", 40, 200))
    assert extract_page(page_source(), page, KNOWN).value("material") == "ASPHALT"


@pytest.mark.parametrize(("written", "material"), [('3"-5" Rip Rap', "3X5"), ("#57 Limestone", "ROCK")])
def test_a_material_written_as_the_quarry_names_it(written, material):
    """Under a form titled "MATERIAL INVOICE / TICKET", whose "Material" labels no value."""
    page = ocr_page(("ARCOSA", 40, 20), ("MATERIAL INVOICE / TICKET", 500, 20), ("No. 34199776", 780, 60),
                    ("Load Contents", 40, 200), (written, 40, 240))
    assert extract_page(page_source(), page, KNOWN).value("material") == material


def test_plain_earth_cut_short_of_what_its_line_says_is_only_a_suggestion():
    """"Dirt (no contam.)": the "no" may label a number, and cuts the value to "Dirt"; its line says the load is clean.
    Plain dirt accepted would be a wrong material nobody is asked about."""
    e = extract_page(page_source(), _material_page("Dirt (no contam.)", manifest=False), KNOWN)
    assert e.value("material") is None and Reason.MISSING_MATERIAL in _reasons(e)


def test_debris_is_other_trades_spoils():
    e = extract_page(page_source(), _material_page("Construction Debris", manifest=False), KNOWN)
    assert e.value("material") == "SPOILS"


def test_clean_said_of_an_import_material_is_that_material_and_a_conflict_on_an_export():
    page = ocr_page(("W.L. REID", 40, 20), ("TKT#: 235497517", 700, 30), ("Material: 1-1/2 clean rock", 40, 300))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("material") == "ROCK" and Reason.MATERIAL_CONFLICT not in _reasons(e)
    exported = extract_page(page_source(folder_flow="EXPORT"), page, KNOWN)
    assert Reason.MATERIAL_CONFLICT in _reasons(exported)


def test_a_material_under_no_label_is_only_a_suggestion_unless_it_is_contamination():
    """"So. Fill" is where the load came from (South Fill), not what it is."""
    page = ocr_page(("WASTE MANAGEMENT", 300, 20), ("WM-22784966", 800, 30), ("Came Out Of", 40, 200),
                    ("So. Fill", 40, 230), ("Material / Material", 40, 280), ("C.S.", 40, 310))
    e = extract_page(page_source(), page, KNOWN)
    assert (e.value("material"), e.value("source")) == ("CLASS_2_CONTAMINATED", "SOUTH_FILL")
    plain = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("Came Out Of So. Fill", 40, 200))
    e = extract_page(page_source(), plain, KNOWN)
    assert e.value("material") is None and e.suggestions["material"].value == "FILL"


@pytest.mark.parametrize("written", ["CS Dirt", "C.S. Dirt", "C-S Dirt"])
def test_c_s_without_its_slash_is_still_contamination(written):
    e = extract_page(page_source(), _material_page(written, manifest=False), KNOWN)
    assert e.value("material") == "CLASS_2_CONTAMINATED"


def test_a_filename_s_vendor_token_is_stored_as_its_canonical_vendor():
    page = ocr_page(("WASTE MANAGEMENT", 300, 20), ("WM-22784966", 800, 30))
    name = "24-105__2024-10-17__BECK_SPOILS__EXPORT__SPOILS__WM_LEWISVILLE.pdf"
    assert extract_page(page_source(name), page, KNOWN).value("vendor") == "WASTE_MANAGEMENT_LEWISVILLE"


def test_an_import_material_on_an_export_is_a_conflict():
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: Import fill", 40, 200))
    e = extract_page(page_source(folder_flow="EXPORT"), page, KNOWN)
    assert Reason.MATERIAL_CONFLICT in _reasons(e)


def test_accents_and_an_address_under_the_truck_label_are_no_trap():
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: Cléan fill dirt", 40, 150),
                    ("TRUCK", 40, 200), ("2121 TREADWAY DALLAS", 40, 230))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("material") == "NON_CONTAMINATED" and e.value("truck_number") is None


def test_a_manifest_number_read_unsurely_is_a_suggestion_in_review():
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: C/S Dirt", 40, 160),
                    ("MANIFEST #: 372491X-6189", 40, 200), confidence=0.72)
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("manifest_number") is None and Reason.MISSING_MANIFEST in _reasons(e)


def test_a_form_printing_its_labels_under_their_lines_is_read_upwards():
    """Each value on a line with its caption under it, in two languages for some ("Camión / Truck No.")."""
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30),
                    ("C/S Dirt", 40, 200), ("4412", 500, 200),
                    ("Material", 40, 225), ("Camión / Truck No.", 500, 225),
                    ("14.5", 40, 300), ("15/2024/00031", 500, 300),
                    ("Cantidad / Tons", 40, 325), ("Manifest No.", 500, 325))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("material") == "CLASS_2_CONTAMINATED" and e.value("truck_number") == "4412"
    assert e.value("manifest_number") == "15-2024-00031"
    assert (e.value("quantity"), e.value("quantity_unit")) == (14.5, "TONS")


def test_a_form_of_boxes_with_labels_under_them_is_read_upwards_though_one_box_value_is_out_of_reach():
    """"Loaded At" is centred under a wide box whose value is written at its left, out of the label's reach: the
    next row's value under it does not make the whole form one of labels over values."""
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30),
                    ("3 MARCH 2025", 40, 100), ("Date", 60, 130),
                    ("6312", 40, 180), ("MSE Wall", 300, 180), ("Unit No.", 80, 210), ("Loaded At", 520, 210),
                    ("Impacted Fill", 500, 255), ("Material", 520, 285))
    assert extract_page(page_source(), page, KNOWN).value("truck_number") == "6312"


def test_on_a_form_with_labels_over_their_values_the_value_above_a_label_is_never_its_own():
    """Handwriting written low sits nearer the next label than its own; that label's own box is empty."""
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30),
                    ("HAULED FROM", 500, 250), ("Pier Ex", 520, 285),
                    ("HAULED TO", 500, 310), ("MATERIAL", 500, 380), ("C/S Dirt", 520, 415))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("source") == "PIER_EX" and e.value("destination") is None


def test_a_label_with_its_translation_is_no_value():
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: C/S Dirt", 40, 160),
                    ("MANIFEST NO.", 40, 200), ("Fecha / Date", 40, 230))
    e = extract_page(page_source(), page, KNOWN)
    assert Reason.MISSING_MANIFEST in _reasons(e) and "manifest_number" not in e.suggestions


def test_a_numbered_label_under_an_empty_one_is_no_value():
    """A form that numbers its boxes ("8. Manifest Document No.", "9. Total Quantity"): the next box's label is
    a label, not the manifest number of an empty box, and the load its source names needs no manifest."""
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30),
                    ("5. Generator Site Location", 40, 120), ("UTX trade pile", 60, 150),
                    ("8. Manifest Document No.", 40, 200), ("9. Total Quantity", 40, 240), ("18.25-TON", 60, 270))
    e = extract_page(page_source(), page, KNOWN)
    assert "manifest_number" not in e.suggestions and e.value("manifest_number") is None
    assert (e.value("material"), e.value("quantity"), e.value("quantity_unit")) == ("SPOILS", 18.25, "TONS")


def test_a_number_sign_before_a_manifest_number_is_not_part_of_it():
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30),
                    ("MATERIAL      MANIFEST NO.", 40, 200), ("C/S Dirt      #2024-100031", 40, 230))
    assert extract_page(page_source(), page, KNOWN).value("manifest_number") == "2024-100031"


def test_in_a_row_holding_labels_the_label_under_another_is_no_value_and_a_stop_before_a_unit_is_a_space():
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30),
                    ("Job", 40, 300), ("24-105", 200, 300), ("Material", 500, 300), ("C/S Dirt", 700, 300),
                    ("Cantidad / Qty", 500, 340), ("1.LOAD", 700, 340))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("material") == "CLASS_2_CONTAMINATED"
    assert (e.value("quantity"), e.value("quantity_unit")) == (1.0, "LOADS")


def test_a_label_s_second_name_after_a_slash_is_no_value():
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: C/S Dirt", 40, 160),
                    ("Manifest/Shipping Doc", 40, 200))
    assert "manifest_number" not in extract_page(page_source(), page, KNOWN).suggestions


def test_shortened_labels_of_material_and_places():
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("Mat'I Hauled: C/S Dirt", 40, 200),
                    ("Load Site: Pier Ex", 40, 240), ("Unload At: LDI Yard", 40, 280))
    e = extract_page(page_source(), page, KNOWN)
    assert (e.value("material"), e.value("source"), e.value("destination")) == (
        "CLASS_2_CONTAMINATED", "PIER_EX", "LDI_YARD")


def test_a_name_under_the_customer_label_is_not_the_vendor():
    page = ocr_page(("CUSTOMER", 40, 20), ("LINDAMOOD", 40, 45), ("No. 379267", 780, 30),
                    ("Roberts Trucking", 400, 140), ("MATERIAL: Flexbase", 40, 300))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("vendor") == "ROBERTS" and Reason.AMBIGUOUS_VENDOR not in _reasons(e)


def test_a_value_under_a_row_of_labels_is_never_cut_in_two_at_a_column_s_edge():
    """"3X5 ROCK" starts under TRUCK # and ends under MATERIAL: one value, in the column of its middle."""
    page = ocr_page(("BIG CITY", 40, 20), ("TICKET NO. 188652", 700, 30),
                    ("YARDS  TONS  TRUCK #  MATERIAL", 40, 200), ("21", 40, 240), ("5777", 220, 240),
                    ("3X5 ROCK", 280, 240))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("material") == "3X5" and e.value("truck_number") == "5777"


def test_a_date_in_the_manifest_box_is_no_manifest_number():
    """A clean load whose date was stamped in the manifest box read as contaminated (the "manifest" 03-03-25)."""
    page = ocr_page(("J.D. & SON", 40, 20), ("TKT 28521", 780, 30), ("Material: Clean Fill", 40, 200),
                    ("Manifest No.", 500, 200), ("03/03/25", 660, 200))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("manifest_number") is None and "manifest_number" not in e.suggestions
    assert e.value("material") == "NON_CONTAMINATED" and Reason.MATERIAL_CONFLICT not in _reasons(e)


@pytest.mark.parametrize(("written", "material"), [("Imported Fill", "FILL"), ("Select Fill", "FILL"),
                                                   ("IMPORT FILL", "FILL"), ("Borrow Dirt", "DIRT"),
                                                   ("Select Fill Dirt", "DIRT"), ("SEL.FILL", "FILL"),
                                                   ("Struct. Fill", "FILL"), ("COMMONFILL", "FILL"),
                                                   ("SELECTDIRT", "DIRT")])
def test_plain_earth_after_a_word_that_qualifies_it_is_plain_earth(written, material):
    e = extract_page(page_source(), _material_page(written, manifest=False), KNOWN)
    assert e.value("material") == material


@pytest.mark.parametrize("written", ["Fill Dirt", "FILL DIRT IMPORT", "Dirt / Fill"])
def test_two_kinds_of_plain_earth_are_only_a_suggestion(written):
    """People write "Fill Dirt" for a load of fill and for a load of dirt: a person says which."""
    e = extract_page(page_source(), _material_page(written, manifest=False), KNOWN)
    assert e.value("material") is None and Reason.MISSING_MATERIAL in _reasons(e)
    assert e.suggestions["material"].value == written  # what the page says, for the person to read


def test_plain_earth_after_an_unknown_word_is_only_a_suggestion():
    """"dean Fill" is a Clean Fill that lost its C: the unknown word may be what says what the load is."""
    e = extract_page(page_source(), _material_page("dean Fill", manifest=False), KNOWN)
    assert e.value("material") is None and Reason.MISSING_MATERIAL in _reasons(e)
    assert "Fill" in str(e.suggestions["material"].value)


@pytest.mark.parametrize("destination", ["LDI_YARD", "POST_OAK_PIT"])
def test_a_contaminated_load_bound_for_a_clean_yard_is_a_conflict_whoever_gave_the_values(destination):
    """Answered contaminated on one item and LDI_YARD on another, the manifest log named the clean-fill yard as
    the load's waste facility."""
    answered = {"material": "CLASS_2_CONTAMINATED", "destination": destination}
    e = extract_page(page_source(), _material_page("Clean Fill", manifest=False), KNOWN, answered)
    conflict = next(f for f in check_page(e, CONTEXT) if f.reason is Reason.MATERIAL_CONFLICT)
    assert conflict.severity.value == "CRITICAL" and destination in conflict.detail
    assert conflict.suggested_fixes == {"material": ["CLASS_2_CONTAMINATED"], "flow": ["EXPORT"]}


def test_a_contaminated_load_bound_for_the_landfill_is_no_conflict():
    answered = {"material": "CLASS_2_CONTAMINATED", "destination": "WASTE_MANAGEMENT_LEWISVILLE"}
    e = extract_page(page_source(), _material_page("Clean Fill", manifest=False), KNOWN, answered)
    assert Reason.MATERIAL_CONFLICT not in _reasons(e)


@pytest.mark.parametrize("written", ["C-2 IMPORT", "C 2 material", "C.2"])
def test_c_2_is_class_2_or_the_import_material_c2_and_a_person_decides(written):
    e = extract_page(page_source(), _material_page(written, manifest=False), KNOWN)
    conflict = next(f for f in check_page(e, CONTEXT) if f.reason is Reason.MATERIAL_CONFLICT)
    assert conflict.severity.value == "CRITICAL"
    assert conflict.suggested_fixes["material"] == ["CLASS_2_CONTAMINATED", "C2"]
    assert e.value("material") == "CLASS_2_CONTAMINATED", "until a person decides, the load counts as contaminated"


def test_a_ticket_number_under_a_load_number_label():
    page = ocr_page(("LINDAMOOD", 40, 20), ("LOAD#", 700, 30), ("282502", 700, 60))
    assert extract_page(page_source(), page, KNOWN).value("ticket_number") == "282502"


def test_a_material_receipt_title_labels_no_ticket_number():
    page = ocr_page(("Heidelberg", 40, 20), ("MATERIAL RECEIPT", 600, 20), ("1445 S. Hwy 380", 600, 45))
    assert extract_page(page_source(), page, KNOWN).value("ticket_number") is None


@pytest.mark.parametrize("label", ["Load Desc.", "Matl Desc -", "Load Type", "Product Code/Desc", "Material Type",
                                   "Commodity/Desc."])
def test_material_labels_forms_use(label):
    page = ocr_page(("W.L. REID", 40, 20), ("Ref.219265503", 700, 30), (label, 40, 200),
                    ("Flex Base (TxDOT Item 247)", 300, 200))
    assert extract_page(page_source(), page, KNOWN).value("material") == "FLEXBASE"


@pytest.mark.parametrize("written", ["-285366", ".285366", ":#285366", "—285366"])
def test_punctuation_before_a_ticket_number_in_the_box_beside_its_label_is_dropped(written):
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("TICKET", 600, 30), (written, 700, 30))
    assert extract_page(page_source(), page, KNOWN).value("ticket_number") == "285366"


@pytest.mark.parametrize(("written", "digits"), [("107I169", "1071169"), ("28O534", "280534")])
def test_a_ticket_number_with_a_digit_read_as_a_letter_is_a_suggestion_as_digits(written, digits):
    page = ocr_page(("RCI", 40, 20), (f"DELIVERY TKT NO.: {written}", 500, 30))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("ticket_number") is None and e.suggestions["ticket_number"].value == digits
    assert Reason.MISSING_TICKET_NUMBER in _reasons(e)


def test_a_handwritten_value_taller_than_its_label_and_lower_on_its_row_is_its_value():
    lines = [OcrLine("HEIDELBERG", 0.99, (40, 20, 300, 60)), OcrLine("TKT NO 1376183443", 0.99, (600, 30, 900, 55)),
             OcrLine("Material Hauled", 0.99, (40, 300, 220, 335)),
             OcrLine("Crushed lmst flex base", 0.99, (500, 316, 800, 361))]
    page = OcrResult(engine="test", width=1000, height=600, lines=lines)
    assert extract_page(page_source(), page, KNOWN).value("material") == "FLEXBASE"


def test_a_block_of_text_rows_tall_is_the_value_of_none_of_the_labels_beside_it():
    """Regression: a material written over three rows was also read as the manifest number of the label below
    its own ("Mnfst No."), and its "247" made the flex base load a contaminated one."""
    lines = [OcrLine("W.L. REID", 0.99, (400, 4, 700, 94)), OcrLine("TICKET NO. 219265503", 0.99, (600, 100, 900, 140)),
             OcrLine("Load Desc.", 0.99, (164, 662, 296, 711)),
             OcrLine("Flex Base (TxDOT Item 247)", 0.98, (376, 652, 905, 769)),
             OcrLine("Mnfst..No.", 0.92, (156, 730, 290, 777))]
    e = extract_page(page_source(), OcrResult(engine="test", width=1000, height=1000, lines=lines), KNOWN)
    assert e.value("material") == "FLEXBASE" and Reason.MATERIAL_CONFLICT not in _reasons(e)
    assert "manifest_number" not in e.suggestions


@pytest.mark.parametrize("title", ["SCALE TICKET", "DELIVERY RECEIPT", "LOAD TICKET"])
def test_a_street_number_under_a_form_title_is_no_ticket_number(title):
    page = ocr_page(("ACME HAULING", 40, 20), (title, 40, 60), ("1650 Railroad St., Lewisville TX", 40, 90),
                    ("TRUCK 12", 40, 300))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("ticket_number") is None and Reason.MISSING_TICKET_NUMBER in _reasons(e)


def test_the_ticket_number_further_on_is_read_past_a_street_number_under_the_title():
    page = ocr_page(("ACME HAULING", 40, 20), ("SCALE TICKET", 40, 60), ("1650 Railroad St., Lewisville TX", 40, 90),
                    ("TICKET NO. 361162", 40, 200))
    assert extract_page(page_source(), page, KNOWN).value("ticket_number") == "361162"


@pytest.mark.parametrize("label", ["LOAD NO. 2", "TRIP # 1", "TICKET NO. 1", "LOAD # 3 OF 5"])
def test_a_label_whose_own_line_holds_a_value_that_is_no_ticket_number_labels_no_number_further_off(label):
    """"LOAD NO. 2" counts the day's loads: the truck number under it is not the ticket number."""
    page = ocr_page(("ACME HAULING", 40, 20), (label, 40, 60), ("7214", 40, 90))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("ticket_number") is None and Reason.MISSING_TICKET_NUMBER in _reasons(e)


@pytest.mark.parametrize(("written", "material"), [('3"-5" rock', "3X5"), ("3 in x 5 in rock", "3X5"),
                                                   ("Util. stone 1\"", "UTILITY_STONE"),
                                                   ("UTILITY STONE 1/2 IN", "UTILITY_STONE")])
def test_sizes_and_short_forms_of_import_materials(written, material):
    page = ocr_page(("HEIDELBERG", 40, 20), ("No. 3957601", 780, 30), (f"Item: {written}", 40, 200))
    assert extract_page(page_source(), page, KNOWN).value("material") == material


@pytest.mark.parametrize(("written", "material"), [("3X5 BOULDER.ROCK", "3X5"), ("Rock, 3x5 rip rap", "3X5")])
def test_a_material_named_with_a_narrower_kind_of_it_is_the_narrower_kind(written, material):
    """"3X5 BOULDER ROCK" names ROCK and 3X5, whose "3x5 Rock" holds ROCK: a 3x5 rock, not a rock of some size."""
    page = ocr_page(("HEIDELBERG", 40, 20), ("No. 3957601", 780, 30), (f"Item: {written}", 40, 200))
    assert extract_page(page_source(), page, KNOWN).value("material") == material


@pytest.mark.parametrize("written", ["3 x 5in ROCK", "3 x ROCK", "3x5Boulder Rock", "XS.ROCK"])
def test_a_general_material_beside_words_of_a_narrower_one_is_only_a_suggestion(written):
    """Regression: '3"-5" rock' was accepted as ROCK, a 3X5 load recorded as the wrong material silently."""
    page = ocr_page(("HEIDELBERG", 40, 20), ("No. 3957601", 780, 30), (f"Item: {written}", 40, 200))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("material") is None and "material" in e.suggestions


@pytest.mark.parametrize("label", ["COMMOOITY-", "MATERTAL:", "Materal"])
def test_a_long_label_with_one_letter_misread_or_lost_is_still_the_label(label):
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), (label, 40, 200), ("FLEX BASE", 200, 200))
    assert extract_page(page_source(), page, KNOWN).value("material") == "FLEXBASE"


def test_a_manifest_label_that_lost_a_letter_is_still_the_label():
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: C/S Dirt", 40, 200),
                    ("WASTE MANFEST", 40, 240), ("15-2024-00001", 240, 240))
    assert extract_page(page_source(), page, KNOWN).value("manifest_number") == "15-2024-00001"


def test_a_word_one_letter_longer_than_a_label_is_no_misread_label():
    """"Materials" in a vendor's name ("Heidelberg Materials") labels nothing."""
    page = ocr_page(("HEIDELBERG", 40, 20), ("No. 3957601", 780, 30), ("Materials 3x5", 40, 200))
    assert not list(PageText(page).values_at("material"))


def test_material_cut_short_to_mat_with_its_stop_is_the_material_label():
    """"Mat." printed under "CLEAN ROCK 57" on a form of labels under their values; "MAT" without a stop before
    other letters ("MATCH") labels nothing."""
    page = ocr_page(("ROBERTS", 40, 20), ("No. 2179691", 780, 30), ("GOODNIGHT LN YARD", 40, 160), ("Orig.", 40, 190),
                    ("CLEAN ROCK 57", 40, 260), ("Mat.", 40, 290), ("25 TNS", 40, 360), ("Qty/UM", 40, 390))
    assert [found.text for found in PageText(page).values_at("material")][:1] == ["CLEAN ROCK 57"]
    assert not list(PageText(ocr_page(("MATCH 57", 40, 200))).values_at("material"))


@pytest.mark.parametrize("label", ["Manifiesto No.:", "No. Manifiesto", "Num. de Manifiesto"])
def test_the_spanish_manifiesto_labels_the_manifest_number(label):
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: C/S Dirt", 40, 200),
                    (label, 500, 300), ("CS-380-62299", 510, 330))
    assert extract_page(page_source(), page, KNOWN).value("manifest_number") == "CS-380-62299"


def test_a_label_cut_short_with_a_stop_keeps_its_number_word_and_its_whole_column():
    """"Mfst. No." is one label, not "Mfst" and a ticket's "No.": its value under it is all its own."""
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: C/S Dirt", 40, 200),
                    ("Mfst. No.", 40, 300), ("WM LEWISVILLE LDFL", 500, 295), ("TXM 54160725", 45, 330))
    assert extract_page(page_source(), page, KNOWN).value("manifest_number") == "TXM-54160725"


def test_waste_man_labels_the_manifest_and_waste_management_labels_nothing():
    page = ocr_page(("WASTE MANAGEMENT", 300, 20), ("WM-22784966", 800, 30), ("MATERIAL: C/S Dirt", 40, 200),
                    ("Waste Man.", 40, 300), ("MAN-519-42891", 200, 300))
    assert extract_page(page_source(), page, KNOWN).value("manifest_number") == "MAN-519-42891"
    letterhead = ocr_page(("WASTE MANAGEMENT 0001-2024-88", 300, 20), ("WM-22784966", 800, 30))
    e = extract_page(page_source(), letterhead, KNOWN)
    assert e.value("manifest_number") is None and "manifest_number" not in e.suggestions


def test_a_manifest_number_of_digits_alone_may_have_lost_its_dashes_and_is_only_a_suggestion():
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: C/S Dirt", 40, 200),
                    ("Manifest No.", 40, 300), ("31481918671", 200, 300))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("manifest_number") is None and e.suggestions["manifest_number"].value == "31481918671"


@pytest.mark.parametrize(("written", "material"), [("FLEX - RECYCLED CONC", "FLEX"), ("Flex Base Gr 2 (247)", "FLEXBASE"),
                                                   ("Flexbase Type A Gr 1-2", "FLEXBASE"),
                                                   ("FLEXIBLE BASE TY A GR 1-2", "FLEXBASE")])
def test_the_page_s_one_material_on_a_line_to_itself_under_no_label_is_read(written, material):
    """Its grade, type or size ("Gr 1-2", "Type A") makes no line longer: a product's name, not a sentence."""
    page = ocr_page(("BIG CITY CRUSHED CONCRETE", 40, 20), ("TICKET NO. 188652", 700, 30), ("24-105", 40, 250),
                    (written, 40, 300))
    assert extract_page(page_source(), page, KNOWN).value("material") == material


@pytest.mark.parametrize("written", ["Common Fill. Import", "Imported Fill", "SEL FILL IMPORT"])
def test_plain_earth_on_a_line_to_itself_is_read_when_the_line_says_it_is_imported(written):
    """An import is no contaminated load; the page naming contamination anywhere still makes it one."""
    lines = [("RCI", 40, 20), ("TICKET NO. 2288076", 700, 30), ("SAVE:", 40, 300), (written, 240, 300)]
    assert extract_page(page_source(), ocr_page(*lines), KNOWN).value("material") == "FILL"
    e = extract_page(page_source(), ocr_page(*lines, ("C/S", 40, 400)), KNOWN)
    assert e.value("material") == "CLASS_2_CONTAMINATED"


@pytest.mark.parametrize("lines", [[("So. Fill", 40, 300)], [("Fill Dirt", 40, 300)], [("Keep clean", 40, 300)],
                                   [("FLEX - RECYCLED CONC", 40, 300), ("Spoils", 40, 400)],
                                   [("Beck Spoils", 40, 300)], [("FROM: 3x5 rock", 40, 300)]])
def test_no_material_under_no_label_is_read_that_a_place_clean_fill_plain_earth_or_another_material_may_be(lines):
    page = ocr_page(("BIG CITY CRUSHED CONCRETE", 40, 20), ("TICKET NO. 188652", 700, 30), *lines)
    material = extract_page(page_source(), page, KNOWN).values.get("material")
    assert material is None or material.source == "inferred"  # So. Fill: the contaminated dig South Fill


def test_slip_no_labels_the_ticket_number_and_man_sign_the_manifest_number():
    page = ocr_page(("LINDAMOOD", 40, 20), ("Slip No.", 700, 100), ("113068", 700, 130),
                    ("MATERIAL: C/S Dirt", 40, 300), ("man #", 40, 400), ("4553-4553-4553", 120, 400))
    e = extract_page(page_source(), page, KNOWN)
    assert (e.value("ticket_number"), e.value("manifest_number")) == ("113068", "4553-4553-4553")


def test_a_name_under_charge_to_is_the_customer_not_the_vendor():
    page = ocr_page(("J.D. & SON", 40, 20), ("TRUCKING", 40, 45), ("No. 379267", 780, 30), ("Charge To", 40, 100),
                    ("LINDAMOOD", 40, 130), ("MATERIAL: Flexbase", 400, 300))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("vendor") == "JD_AND_SON" and Reason.AMBIGUOUS_VENDOR not in _reasons(e)


def test_a_label_s_own_word_is_never_read_as_another_label_word_it_is_one_letter_off():
    """"LADING" is one letter short of "LOADING", and is the word of Bill Of Lading."""
    assert folded("BILL OF LADING") == "BILL OF LADING"


def test_ref_and_ctrl_after_manifest_are_part_of_the_label_not_its_value():
    blank = ocr_page(("WASTE MANAGEMENT", 300, 20), ("WM-22784966", 800, 30), ("Manifest Ref:", 40, 300))
    assert "manifest_number" not in extract_page(page_source(), blank, KNOWN).suggestions
    page = ocr_page(("WASTE MANAGEMENT", 300, 20), ("WM-22784966", 800, 30), ("MATERIAL: C/S Dirt", 40, 200),
                    ("MANIFEST CTRL.# MN-07286226", 40, 300))
    assert extract_page(page_source(), page, KNOWN).value("manifest_number") == "MN-07286226"


@pytest.mark.parametrize("label", ["Billed Party", "Billing Party", "Billed To", "Sold-To:", "Charge Acct"])
def test_billing_and_sold_to_labels_name_the_customer_not_the_vendor(label):
    page = ocr_page(("J.D. & SON", 300, 20), ("No. 379267", 780, 30), (label, 40, 100), ("LINDAMOOD", 800, 100))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("vendor") == "JD_AND_SON" and Reason.AMBIGUOUS_VENDOR not in _reasons(e)


@pytest.mark.parametrize("lines", [[("4 AUGUST 2025", 40, 120), ("LINDAMOOD", 400, 120)],  # after a date on its row
                                   [("SCALE TICKET", 40, 80), ("LINDAMOOD", 800, 120)]])  # under a label line
def test_a_vendor_s_name_among_the_form_s_values_under_the_letterhead_is_not_the_vendor(lines):
    """The customer's name, its label lost or printed under its box: the letterhead above it names the vendor."""
    page = ocr_page(("PORTILLO & SONS", 300, 20), ("Dallas, Texas", 300, 45), ("No. 379267", 780, 30), *lines)
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("vendor") == "PORTILLO" and Reason.AMBIGUOUS_VENDOR not in _reasons(e)


@pytest.mark.parametrize("over", ["Folio No.: 3285983473", "TICKET-CUSTOMER COPY"])
def test_a_name_under_a_label_line_in_its_column_is_a_value_even_when_the_letterhead_is_unread(over):
    """The vendor's letterhead misread ("Hedberg"), the customer's label lost: the name under a label or a form's
    title in its column is one of the form's values, never the vendor accepted."""
    page = ocr_page(("Hedberg", 300, 20), (over, 300, 60), ("8-5-2025", 300, 90), ("Lindamood Demolition", 300, 120))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("vendor") is None and Reason.UNKNOWN_VENDOR in _reasons(e)


def test_a_note_across_the_top_margin_is_no_label_line_over_the_letterhead():
    """A manifest written across the top margin ("CL2 MFST TX-NH-7947384") is no form's label over the vendor."""
    page = ocr_page(("CL2 MFST TX-NH-7947384", 100, 10), ("LINDAMOOD", 150, 50), ("189446", 780, 60))
    assert extract_page(page_source(), page, KNOWN).value("vendor") == "LINDAMOOD"


def test_two_vendors_named_in_the_letterhead_itself_are_for_a_person():
    page = ocr_page(("PORTILLO & SONS", 300, 20), ("LINDAMOOD", 300, 45), ("No. 379267", 780, 30))
    assert Reason.AMBIGUOUS_VENDOR in _reasons(extract_page(page_source(), page, KNOWN))


@pytest.mark.parametrize("line", ["Hauled To: WM Lewisville", "Origin: Lindamood Yard"])
def test_a_place_s_company_name_in_the_header_is_not_the_vendor(line):
    page = ocr_page(("ACME HAULING", 300, 20), ("No. 379267", 780, 30), (line, 40, 100))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("vendor") is None and e.suggestions["vendor"].confidence < FIELD_MIN_CONFIDENCE + 0.05


@pytest.mark.parametrize("lines", [[("Mfst. No.", 40, 300), ("CR", 300, 300), ("2025-83373", 380, 300)],
                                   [("Manifest Ref No.", 40, 300), ("WMX", 40, 330), ("092.600033", 120, 330)]])
def test_a_manifest_number_printed_in_boxes_is_read_whole_one_dash_between_its_parts(lines):
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: C/S Dirt", 40, 200), *lines)
    expected = "-".join(text.replace(".", "-") for text, _, _ in lines[1:])
    assert extract_page(page_source(), page, KNOWN).value("manifest_number") == expected


@pytest.mark.parametrize("written, stored", [("WMX.682.580393", "WMX-682-580393"), ("2025 7723154", "2025-7723154")])
def test_stops_and_spaces_between_a_manifest_number_s_groups_are_its_dashes(written, stored):
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: C/S Dirt", 40, 200),
                    (f"Manifest: {written}", 40, 300))
    assert extract_page(page_source(), page, KNOWN).value("manifest_number") == stored


def test_a_manifest_number_s_part_is_not_joined_to_another_field_s_value_far_off_on_its_row():
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: C/S Dirt", 40, 200),
                    ("Manifest #", 40, 300), ("2025", 200, 300), ("16.5 TONS", 800, 300))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("manifest_number") is None and Reason.MISSING_MANIFEST in _reasons(e)


@pytest.mark.parametrize("lines", [[("Ticket Ser. 157906", 700, 30)], [("Ticket Serial", 800, 520), ("157906", 800, 550)],
                                   [("Serial No.", 40, 100), ("157906", 300, 100)],
                                   [("HAULTKT NO.", 800, 500), ("157906", 800, 530)]])
def test_a_ticket_s_serial_or_haul_ticket_number_is_its_ticket_number(lines):
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("Phone 972-555-0102", 40, 45), *lines)
    assert extract_page(page_source(), page, KNOWN).value("ticket_number") == "157906"


@pytest.mark.parametrize("written", ["FILLMATERIAL IMPORT", "Fill Material"])
def test_fill_material_is_fill_also_run_together(written):
    page = ocr_page(("RCI", 40, 20), ("No. 379267", 780, 30), ("Material Desc", 40, 300), (written, 600, 300))
    assert extract_page(page_source(), page, KNOWN).value("material") == "FILL"



def test_a_street_number_with_a_letter_read_as_a_digit_after_it_is_not_the_ticket_number():
    page = ocr_page(("ARCOSA", 40, 20), ("SCALE TICKET", 40, 60), ("1445 5. Hwy 380 Bridgeport TX", 40, 90))
    assert extract_page(page_source(), page, KNOWN).value("ticket_number") is None


@pytest.mark.parametrize("number_at", [(800, 560), (800, 520)])  # under the stub's mark, or level with it
def test_a_number_alone_on_the_tear_off_stub_is_the_ticket_number(number_at):
    page = ocr_page(("ROADSTAR MANAGEMENT", 300, 20), ("Haul Date", 40, 100), ("STUB - ROADSTAR MANAGEMENT", 40, 530),
                    ("26076", *number_at))
    assert extract_page(page_source(), page, KNOWN).value("ticket_number") == "26076"


def test_a_lone_number_in_the_head_of_a_layout_the_template_never_saw_is_the_ticket_number():
    """The vendor's template says top right; this layout prints it at the top left. Two lone numbers in the head
    are still for a person."""
    page = ocr_page(("PORTILLO & SONS", 300, 20), ("164590", 40, 60), ("MATERIAL: Spoils", 40, 300), ("53", 800, 300))
    assert extract_page(page_source(), page, KNOWN).value("ticket_number") == "164590"
    two = ocr_page(("PORTILLO & SONS", 300, 20), ("164590", 40, 60), ("164591", 40, 120))
    e = extract_page(page_source(), two, KNOWN)
    assert e.value("ticket_number") is None and Reason.MISSING_TICKET_NUMBER in _reasons(e)


@pytest.mark.parametrize("lines", [[("Tkt Ser. No.", 800, 520), ("1112791", 780, 550)],
                                   [("INBOUND NO - 1112791", 40, 500)], [("inboundno 1112791", 600, 500)]])
def test_a_ticket_serial_abbreviated_or_a_scale_s_inbound_number_is_the_ticket_number(lines):
    page = ocr_page(("ARCOSA", 40, 20), ("Tracter #", 800, 100), ("2512", 800, 130), *lines)
    assert extract_page(page_source(), page, KNOWN).value("ticket_number") == "1112791"


def test_a_stub_s_number_that_differs_from_the_one_at_the_top_is_for_a_person():
    page = ocr_page(("ROADSTAR MANAGEMENT", 300, 20), ("26075", 850, 30), ("STUB", 40, 530), ("26076", 800, 560))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("ticket_number") is None and Reason.MISSING_TICKET_NUMBER in _reasons(e)


@pytest.mark.parametrize("lines, stored", [
    ([("Manifest No.", 300, 270), ("KR", 250, 300), ("2025-39044", 300, 300)], "KR-2025-39044"),
    ([("Manifest No.", 40, 300), ("WM-MAN-2024-", 200, 270), ("004271", 200, 302)], "WM-MAN-2024-004271")])
def test_a_manifest_number_s_prefix_in_a_box_before_it_or_on_the_line_over_it_is_part_of_it(lines, stored):
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: C/S Dirt", 40, 200), *lines)
    assert extract_page(page_source(), page, KNOWN).value("manifest_number") == stored


@pytest.mark.parametrize("begun_sure, read", [(0.97, "value"), (0.54, "suggestion")])
def test_a_manifest_number_begun_after_its_label_and_ended_under_it_is_read_whole(begun_sure, read):
    """"2026." written after the label and "5036-73870" under it: the part under the label was accepted alone, a
    contaminated load's manifest number cut short."""
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: C/S Dirt", 40, 200),
                    ("MANIFEST NO.", 40, 300), ("2026.", 300, 298), ("5036-73870", 40, 335))
    page.lines[-2] = replace(page.lines[-2], words=(("2026.", begun_sure),))
    e = extract_page(page_source(), page, KNOWN)
    found = e.values.get("manifest_number") if read == "value" else e.suggestions.get("manifest_number")
    assert found.value == "2026-5036-73870" and (read == "value") == (e.value("manifest_number") is not None)


@pytest.mark.parametrize("begun, whole", [("2025", "2025-2793-80022"), ("VR", "VR-2793-80022")])
def test_a_short_number_or_prefix_after_the_label_over_a_manifest_number_makes_the_whole_only_a_suggestion(begun,
                                                                                                           whole):
    """"2025" after the label, its dash lost, and "2793-80022" under it: the part under it was accepted alone; so
    was "2024-23455" under a label with "VR" after it (user trial: VR-2024-23455 on a contaminated load)."""
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: C/S Dirt", 40, 200),
                    ("Manifest Ref No.", 40, 300), (begun, 250, 300), ("2793-80022", 40, 335))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("manifest_number") is None and e.suggestions["manifest_number"].value == whole


def test_a_bare_number_in_a_box_just_before_a_manifest_number_makes_the_whole_only_a_suggestion():
    """An unseen page as RapidOCR read it (seed 239): "2024" and "1044-81051" in two boxes after the label, the dash
    between them lost; the second box was accepted alone, a contaminated load's manifest number cut short."""
    stored = json.loads((Path(__file__).parent / "golden" / "manifest_split_in_two_boxes.json").read_text())
    extraction, truth = extract_golden(next(iter(stored.values())))
    assert extraction.value("manifest_number") is None
    assert extraction.suggestions["manifest_number"].value == truth["manifest_number"] == "2024-1044-81051"


def test_another_field_s_value_over_a_manifest_number_is_no_prefix_of_it():
    """A blind v2 page as RapidOCR read it: "Producto/ Product  C.S." over a handwritten "019357 046772" whose
    label is printed under it; the number was accepted as C-S-019357."""
    stored = json.loads((Path(__file__).parent / "golden" / "manifest_under_another_value.json").read_text())
    extraction, truth = extract_golden(next(iter(stored.values())))
    assert extraction.value("manifest_number") == truth["manifest_number"] == "019357-046772"


def test_boxes_of_a_manifest_number_are_as_sure_as_the_least_sure_of_them():
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: C/S Dirt", 40, 200),
                    ("Manifest No.", 40, 300), ("RR", 200, 270), ("2025-85082", 200, 300))
    page.lines[-1] = replace(page.lines[-1], words=(("2025-85082", 0.59),))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("manifest_number") is None and e.suggestions["manifest_number"].value == "RR-2025-85082"


def test_the_initials_of_a_place_t_c_2_name_no_class_2():
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: Spoils", 40, 200),
                    ("Origin: MVP T.C. 2.", 40, 240))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("material") == "SPOILS" and Reason.MATERIAL_CONFLICT not in _reasons(e)


@pytest.mark.parametrize("label", ["Load Contents", "Contents:"])
def test_contents_label_the_material_and_structural_fill_run_together_is_fill(label):
    page = ocr_page(("RCI", 40, 20), ("No. 379267", 780, 30), (label, 40, 300), ("Structural FillImport", 600, 300))
    assert extract_page(page_source(), page, KNOWN).value("material") == "FILL"


def test_a_lone_number_low_in_the_body_is_another_field_s_value_not_a_rival_ticket_number():
    """A P.O. written in a box over its label, the label lost: the number alone at the top right is the ticket's."""
    page = ocr_page(("PORTILLO & SONS", 40, 20), ("116943", 850, 40), ("68999", 40, 350), ("442", 300, 350))
    assert extract_page(page_source(), page, KNOWN).value("ticket_number") == "116943"


@pytest.mark.parametrize("lines, read", [([("DELIVERY RECEIPT", 700, 20), ("Trip.Ticket31748", 700, 50)], "31748"),
                                         ([("Receipt: 3174a8", 700, 20), ("Ticket No. 31749", 700, 60)], None)])
def test_a_number_partly_read_at_one_label_is_accepted_only_when_another_label_reads_it_whole(lines, read):
    page = ocr_page(("ROADSTAR MANAGEMENT", 40, 20), *lines)
    assert extract_page(page_source(), page, KNOWN).value("ticket_number") == read


@pytest.mark.parametrize("form_has_its_own_box", [True, False])
def test_a_manifest_number_written_above_the_form_beside_its_own_manifest_box_is_only_a_suggestion(
        form_has_its_own_box):
    """A blind v8 page: 'MANIFEST #TX-NH-988720' written across the top margin (OCR lost a digit of TX-NH-9988720,
    read at 0.96), the form's own 'Waste Manifest Doc #' box left blank: accepted on a contaminated load."""
    lines = [("MANIFEST #TX-NH-988720", 40, 10), ("ROBERTS TRUCKING", 40, 60), ("No. 379267", 780, 60),
             ("1. Date of Shipment", 40, 150), ("Material: contam dirt", 40, 200)]
    if form_has_its_own_box:
        lines.append(("8. Waste Manifest Doc #", 40, 300))
    e = extract_page(page_source(), ocr_page(*lines), KNOWN)
    assert e.value("material") == "CLASS_2_CONTAMINATED"
    if form_has_its_own_box:
        assert e.value("manifest_number") is None and e.suggestions["manifest_number"].value == "TX-NH-988720"
    else:
        assert e.value("manifest_number") == "TX-NH-988720"


@pytest.mark.parametrize(("written", "accepted"), [("48366-LEW-2024", True), ("4836-LEW-2024", False),
                                                   ("TX-NH-988720", False)])
def test_a_note_above_the_form_with_its_landfill_s_manifest_shape_is_read_whole(written, accepted):
    """A blind v8 page: 'MANIFEST#' and '48366-LEW-2024' written across the top margin, the form's own manifest box
    blank. The landfill's shape says the number is whole; a note of no known shape, or cut short of one, is
    only a suggestion."""
    lines = [("MANIFEST#", 40, 10), (written, 200, 10), ("WASTE MANAGEMENT", 40, 60),
             ("Control No. WM-20584269", 700, 60), ("1. Shipment Date", 40, 150),
             ("Material Shipped: Class 2 Soil", 40, 200), ("Receiving Facility: Waste Mgmt Lewisville", 40, 250),
             ("Manifest Document No.", 40, 300)]
    e = extract_page(page_source(), ocr_page(*lines), KNOWN)
    assert e.value("material") == "CLASS_2_CONTAMINATED" and e.value("destination") == "WASTE_MANAGEMENT_LEWISVILLE"
    assert (e.value("manifest_number") == written) is accepted
    assert e.suggestions.get("manifest_number", e.values.get("manifest_number")).value == written


@pytest.mark.parametrize(("in_the_form_s_box", "accepted"), [("48366-LEW-2023", False), ("48366-LEW-2024", True),
                                                             (None, True)])
def test_a_note_above_the_form_is_only_a_suggestion_when_the_form_s_own_box_holds_another_number(
        in_the_form_s_box, accepted):
    lines = [("MANIFEST#", 40, 10), ("48366-LEW-2024", 200, 10), ("WASTE MANAGEMENT", 40, 60),
             ("Control No. WM-20584269", 700, 60), ("1. Shipment Date", 40, 150),
             ("Material Shipped: Class 2 Soil", 40, 200), ("Receiving Facility: Waste Mgmt Lewisville", 40, 250),
             ("Manifest Document No.", 40, 300), ("Total Quantity", 40, 350), ("22.14 NT", 300, 350)]
    if in_the_form_s_box:
        lines.append((in_the_form_s_box, 300, 300))
    e = extract_page(page_source(), ocr_page(*lines), KNOWN)
    assert (e.value("manifest_number") == "48366-LEW-2024") is accepted


@pytest.mark.parametrize(("line", "accepted"), [("ManifestWM-MAN-2025-611365", True),
                                                ("ManifestWM-MAN-2025-61136", False), ("ManifestTX-NH-4210553", False)])
def test_a_number_run_into_its_label_is_read_whole_when_it_has_its_landfill_s_manifest_shape(line, accepted):
    """'ManifestWM-MAN-2025-611365': where a label ends and a number glued to it begins is a guess, unless the
    number has the shape of the landfill's manifests."""
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: C/S Dirt", 40, 160),
                    ("HAULED TO: WM Lewisville", 40, 180), (line, 40, 200))
    e = extract_page(page_source(), page, KNOWN)
    assert (e.value("manifest_number") == line.removeprefix("Manifest")) is accepted


@pytest.mark.parametrize("slogan", ["Dirt - Rock - Demo Haul Off", "Dirt- Rock- Derto Haul Off"])
def test_a_letterhead_listing_the_vendors_trades_says_nothing_of_the_loads_flow(slogan):
    """Regression: a hauler's slogan "Dirt - Rock - Demo Haul Off" made a 3X5 import an export, a material conflict."""
    page = ocr_page(("TARANGO TRUCKING", 40, 20), (slogan, 40, 50), ("No. 337394", 780, 30),
                    ("Material: 3X5 Rock", 40, 300))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("flow") == "IMPORT" and Reason.MATERIAL_CONFLICT not in _reasons(e)


def test_c_2_run_into_the_next_word_still_names_two_classes():
    """"C-2Select. Mtl" (OCR lost the space): Class 2 written shortest or the import material C2, a person says."""
    e = extract_page(page_source(), _material_page("C-2Select. Mtl", manifest=False), KNOWN)
    conflict = next(f for f in check_page(e, CONTEXT) if f.reason is Reason.MATERIAL_CONFLICT)
    assert conflict.suggested_fixes["material"] == ["CLASS_2_CONTAMINATED", "C2"]
    assert e.value("material") == "CLASS_2_CONTAMINATED"


@pytest.mark.parametrize("read", ["WM-MAN-2024", "WM-MAN-2024-02447"])
def test_a_manifest_number_cut_short_of_any_known_shape_is_a_suggestion_when_the_load_gives_none(read):
    """Fourth user trial: with no destination read and a vendor whose template gives no manifest shape, WM-MAN-2024
    and WM-MAN-2024-02447 (a digit short) were accepted into the manifest log on contaminated loads."""
    page = ocr_page(("ROADSTAR", 40, 20), ("No. 82999", 780, 30), ("Material: C/S Dirt", 40, 200),
                    (f"Manifest {read}", 40, 300))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("manifest_number") is None and e.suggestions["manifest_number"].value == read
    assert Reason.MISSING_MANIFEST in _reasons(e)


@pytest.mark.parametrize("written", ["Dirt", "Fill"])
def test_an_import_material_on_a_load_bound_for_a_destination_is_a_conflict(written):
    """Fourth user trial: "To: WM Lewisville" and "Material: Dirt" was recorded as an IMPORT of DIRT, nothing to
    review: every destination is where exported loads go, so the material or the destination is misread."""
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("To: WM Lewisville", 40, 150),
                    (f"Material: {written}", 40, 200))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("destination") == "WASTE_MANAGEMENT_LEWISVILLE"
    assert Reason.MATERIAL_CONFLICT in _reasons(e)


def test_a_vendor_s_name_run_into_its_trade_in_the_letterhead_is_that_vendor():
    page = ocr_page(("JD & SonTrucking", 56, 65), ("TICKET NO. 852872", 572, 68), ("FROM: Beck", 60, 200),
                    ("TO: WM", 60, 240), ("MATERIAL: Spoils", 60, 280), ("QTY: 12 CY", 60, 320))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("vendor") == "JD_AND_SON" and e.values["vendor"].source == "page"


def test_a_letterhead_holding_a_known_name_run_together_is_never_replaced_by_the_destination_s_vendor():
    """"BigCityCrushed" holds BIG CITY, but not as words: a person confirms it; the load's destination (a
    landfill that is a vendor too) is not assumed to have printed the ticket."""
    page = ocr_page(("BigCityCrushed", 56, 65), ("TICKET NO. 852872", 572, 68), ("FROM: Beck", 60, 200),
                    ("TO: WM", 60, 240), ("MATERIAL: Spoils", 60, 280), ("QTY: 12 CY", 60, 320))
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("vendor") is None and e.value("destination") == "WASTE_MANAGEMENT_LEWISVILLE"
    vendor_items = [f for f in check_page(e, CONTEXT) if f.reason == Reason.AMBIGUOUS_VENDOR]
    assert [f.suggested_fixes for f in vendor_items] == [{"vendor": ["BIG_CITY"]}]


@pytest.mark.parametrize("written, amount", [("I LOADS", 1.0), ("1O TONS", 10.0), ("O TONS", None), ("I", None)])
def test_a_handwritten_amount_read_as_letters_is_its_digits_before_a_unit(written, amount):
    page = ocr_page(("LDI Yard", 40, 20), ("TICKET# LDI1865032", 40, 60), ("MATERIAL: Non-Contaminated", 40, 300),
                    (f"QTY: {written}", 40, 340), ("DRIVER SIGNATURE", 40, 380))
    assert extract_page(page_source(), page, KNOWN).value("quantity") == amount


def test_a_ticket_number_with_a_doubtful_character_is_a_suggestion_for_a_person():
    """The ticket number is checked by no rule once read: "WM-33090750" photographed came back "WM-33890750"
    with its misread digit at 0.71, which a field with rules after it may pass at."""
    read = OcrLine("WM-33890750", 0.97, (600, 60, 732, 80), characters=(0.99,) * 4 + (0.71,) + (0.99,) * 6)
    page = ocr_page(("WASTE MANAGEMENT", 40, 20), ("TICKETNO#:", 460, 60), ("MATERIAL DESC: C/S CLAY", 40, 300))
    page = replace(page, lines=[*page.lines, read])
    e = extract_page(page_source(), page, KNOWN)
    assert e.value("ticket_number") is None and e.suggestions["ticket_number"].value == "WM-33890750"
    assert Reason.MISSING_TICKET_NUMBER in _reasons(e)


@pytest.mark.parametrize("flow, material, reasons", [
    ("EXPORT", "CLASS_2_CONTAMINATED", {Reason.MATERIAL_CONFLICT, Reason.MISSING_MANIFEST}),
    ("IMPORT", "C2", set())])
def test_c2_on_an_export_counts_as_class_2_until_a_person_decides(flow, material, reasons):
    """C2 is an import material and Class 2 written short: on a load its folder says is an export, the load is
    counted as contaminated (and in the manifest log) while a person decides which."""
    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: C2", 40, 180))
    e = extract_page(page_source(folder_flow=flow), page, KNOWN)
    assert e.value("material") == material
    assert {Reason.MATERIAL_CONFLICT, Reason.MISSING_MANIFEST} & _reasons(e) == reasons


@pytest.mark.parametrize("place", ["TRACT 2 LOAD-OUT", "PIT 3 TON-MILE YARD"])
def test_a_unit_word_hyphened_into_a_place_name_is_no_quantity(place):
    """Unseen seed 241: "Pick Up @ TRACT 2 LOAD-OUT" above "Qty Delivered 24.58 sh tn" was taken as 2 LOADS, unasked."""
    page = ocr_page(("WASTE MANAGEMENT", 40, 20), ("Haul Tkt No.WM-33090739", 460, 20), ("Pick Up @", 40, 200),
                    (place, 200, 200), ("Qty Delivered", 40, 300), ("24.58 sh tn", 200, 300))
    e = extract_page(page_source(), page, KNOWN)
    assert (e.value("quantity"), e.value("quantity_unit")) == (24.58, "TONS")


@pytest.mark.parametrize("decision, flagged", [(None, False), ("copy", False), ("two-loads", True)])
def test_a_copy_repeats_its_original_s_manifest_without_its_own_item(decision, flagged):
    """Seventh trial: a re-scan answered "copy" kept its DUPLICATE_MANIFEST item open, a second answer for one
    question. Decided two loads, the two share a manifest, which they may not."""
    from ticket_assets.extract.day import ReadPage, _duplicate_finding, _flag_repeated_manifest

    page = ocr_page(("ROBERTS TRUCKING", 40, 20), ("No. 379267", 780, 30), ("MATERIAL: C/S Dirt", 40, 160),
                    ("MANIFEST # WM-MAN-2024-024421", 40, 200))
    original, copy = (ReadPage(extract_page(page_source(name), page, KNOWN), PageAnswers([]), "24-105", [])
                      for name in ("a.pdf", "b.pdf"))
    copy.original = original.ticket
    copy.findings.append(_duplicate_finding(original.ticket))
    if decision:
        copy.answers = PageAnswers([{**_answer(copy.ticket.page_id, "0" * 64), "decision": decision,
                                     "corrections": {}}])
    manifests = {}
    for read in (original, copy):
        _flag_repeated_manifest(read, manifests)
    assert (Reason.DUPLICATE_MANIFEST in {f.reason for f in copy.findings}) == flagged
