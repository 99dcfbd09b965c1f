"""A person's answer is checked before it is saved: shapes of numbers, a flow its material allows, one value
per field, and, on a real warehouse, nothing saved when it is refused."""

from datetime import date, datetime

import pytest

from ticket_assets import api
from ticket_assets.config import Job, load_settings
from ticket_assets.errors import UserError
from ticket_assets.extract.corrections import (CorrectionContext, CorrectionError, checked_answer, parse_correction,
                                                parse_corrections)
from ticket_assets.extract.reasons import Reason
from ticket_assets.extract.record import Vocabularies
from ticket_assets.store.warehouse import Warehouse

from .conftest import make_home

CONTEXT = CorrectionContext(Vocabularies.packaged(), Job("24-105", "test", date(2024, 7, 1), date(2025, 12, 31)),
                            ("24-105",))
MISSING_MATERIAL = {"reason": "MISSING_MATERIAL", "field_name": "material"}
LOW_CONFIDENCE = {"reason": "LOW_CONFIDENCE_OCR", "field_name": None}


@pytest.mark.parametrize(("field", "typed", "stored"), [
    ("ticket_number", "1178561", "1178561"), ("ticket_number", "wm-26648255", "WM-26648255"),
    ("ticket_number", "LDI2929051", "LDI2929051"), ("ticket_number", "#285366", "285366"),
    ("truck_number", "42", "42"), ("truck_number", " 6181 ", "6181")])
def test_numbers_of_their_shape_are_taken(field, typed, stored):
    assert parse_correction(field, typed, CONTEXT) == stored


@pytest.mark.parametrize(("field", "typed"), [("ticket_number", "hello?"), ("ticket_number", "12"),
                                              ("ticket_number", "12345678901"), ("truck_number", "123456789"),
                                              ("truck_number", "k")])
def test_a_number_of_another_shape_is_refused_with_the_shape(field, typed):
    with pytest.raises(CorrectionError, match="digits"):
        parse_correction(field, typed, CONTEXT)


def test_regression_other_values_given_for_a_missing_manifest_are_told_as_such_not_as_a_bare_confirm():
    """Trial: material=DIRT and flow=IMPORT given to a MISSING_MANIFEST item were told 'does not close with a bare
    confirm'."""
    missing = {"reason": "MISSING_MANIFEST", "field_name": "manifest_number", "page_number": 1}
    with pytest.raises(CorrectionError, match="is not answered by flow, material alone: give its manifest_number"):
        checked_answer(missing, {"material": "DIRT", "flow": "IMPORT"}, None, None, {"material": "DIRT"})


@pytest.mark.parametrize("typed", ["12/05/2024", "2024-11-27", "11.27.2024", "20241127", "11272024", "Nov-27-2024",
                                   "November 27 2024", "26NOV2024"])
def test_regression_a_date_is_no_manifest_number(typed):
    """Trials: a date typed as a load's manifest number was stored (12-05-2024, then 20241127, NOV-27-2024) and
    reached the manifest log. So was a phone number."""
    with pytest.raises(CorrectionError, match="is a date"):
        parse_correction("manifest_number", typed, CONTEXT)
    with pytest.raises(CorrectionError, match="is a phone number"):
        parse_correction("manifest_number", "123-456-7890", CONTEXT)
    with pytest.raises(CorrectionError, match="WM-MAN-####-######"):  # digits, but no day: refused as a WM cut short
        parse_correction("manifest_number", "2025784876", CONTEXT)


def test_regression_a_manifest_number_is_checked_against_the_landfill_given_in_the_same_answer():
    """Third trial: `--set manifest_number=WM-MAN-2024 --set destination=WASTE_MANAGEMENT_LEWISVILLE` was saved on a
    load whose destination was not read: the shape was checked against the record's destination, none."""
    for order in ((0, 1), (1, 0)):
        sets = ["manifest_number=WM-MAN-2024", "destination=waste mgmt"]
        with pytest.raises(CorrectionError, match=r"WM-MAN-####-######"):
            parse_corrections([sets[i] for i in order], CONTEXT)
    whole = parse_corrections(["manifest_number=WM-MAN-2024-654321", "destination=waste mgmt"], CONTEXT)
    assert whole == {"destination": "WASTE_MANAGEMENT_LEWISVILLE", "manifest_number": "WM-MAN-2024-654321"}


def test_regression_a_manifest_number_cut_short_of_its_landfill_s_shape_is_refused():
    """Trial: WM-MAN-2024 was taken as the manifest of a load bound for WM Lewisville (WM-MAN-####-######)."""
    to_landfill = CorrectionContext.for_record(CONTEXT.known, CONTEXT.job, CONTEXT.job_codes,
                                               {"destination": "WASTE_MANAGEMENT_LEWISVILLE", "vendor": "ROBERTS"})
    for cut in ("WM-MAN-2024", "MAN-2024-024466", "AN-2024-024466", "WM-2024-024466", "2024-024466",
                "WMMAN2024024466"):  # the second trial's: cut at the front, a part or the dashes left out
        with pytest.raises(CorrectionError, match=r"\(WM-MAN-####-######.*, # a digit\)"):  # the shapes it is near
            parse_correction("manifest_number", cut, to_landfill)
    assert parse_correction("manifest_number", "wm-man-2024-654321", to_landfill) == "WM-MAN-2024-654321"


def test_regression_a_manifest_number_cut_short_of_any_known_shape_is_refused_when_the_load_gives_none():
    """Fourth trial (D3): a contaminated load with no destination read or given (vendor ROBERTS, whose template
    has no manifest shape) took WM-MAN-2024 and WM-MAN-2024-02446: no shape was known to check them against."""
    of_roberts = CorrectionContext.for_record(CONTEXT.known, CONTEXT.job, CONTEXT.job_codes, {"vendor": "ROBERTS"})
    for context in (CONTEXT, of_roberts):
        for cut in ("WM-MAN-2024", "WM-MAN-2024-02446", "MAN-2024-024466"):
            with pytest.raises(CorrectionError, match=r"looks cut short of.*\(WM-MAN-####-######, # a digit\)"):
                parse_correction("manifest_number", cut, context)
        assert parse_correction("manifest_number", "WM-MAN-2024-024466", context) == "WM-MAN-2024-024466"
        assert parse_correction("manifest_number", "RDS-88213-XQ", context) == "RDS-88213-XQ"  # no known shape's


@pytest.mark.parametrize(("field", "typed", "stored"), [
    ("destination", "LDI", "LDI_YARD"), ("destination", "waste mgmt", "WASTE_MANAGEMENT_LEWISVILLE"),
    ("source", "beck", "BECK_SPOILS"), ("material", "Clean Fill", "NON_CONTAMINATED"),
    ("material", "contaminated", "CLASS_2_CONTAMINATED"), ("material", "C/S Dirt", "CLASS_2_CONTAMINATED"),
    ("material", "dirt", "DIRT")])
def test_an_answer_may_use_the_spellings_the_synonyms_list(field, typed, stored):
    assert parse_correction(field, typed, CONTEXT) == stored


@pytest.mark.parametrize(("field", "typed"), [("material", "Fill Dirt"), ("material", "Spoils Class 2"),
                                              ("destination", "the yard")])
def test_a_spelling_of_two_values_or_of_none_is_refused(field, typed):
    with pytest.raises(CorrectionError, match="must be one of"):
        parse_correction(field, typed, CONTEXT)


def test_an_answer_may_not_make_an_import_material_an_export_nor_the_reverse():
    with pytest.raises(CorrectionError, match="DIRT is an import material.*give the material too"):
        checked_answer(LOW_CONFIDENCE, {"flow": "EXPORT"}, None, None, {"material": "DIRT"})
    with pytest.raises(CorrectionError, match="SPOILS is an export material.*give one that fits it"):
        checked_answer(MISSING_MATERIAL, {"material": "SPOILS", "flow": "IMPORT"}, None, None, {"material": None})
    answer = checked_answer(MISSING_MATERIAL, {"material": "SPOILS", "flow": "EXPORT"}, None, None,
                            {"material": "DIRT"})
    assert answer["corrections"] == {"material": "SPOILS", "flow": "EXPORT"}


def _export_from(source: str) -> dict:
    return {"material": None, "flow": "EXPORT", "provenance": {"flow": {"source": source, "confidence": 1.0}}}


@pytest.mark.parametrize("source", ["folder", "filename", "page", "review"])
def test_regression_an_import_material_answered_on_a_load_its_folder_says_is_an_export_is_refused(source):
    """Trial: DIRT answered on a page of the day's export/ folder put the load on the Import sheet (the reports
    file a load by its material), though the folder, above the material in the domain note's order, said EXPORT."""
    with pytest.raises(CorrectionError, match=r"DIRT does not fit this load: it is an EXPORT .*which carries "
                                              r"CLASS_2_CONTAMINATED, NON_CONTAMINATED, SPOILS\. If the load really "
                                              r"is an IMPORT, give flow=IMPORT with the material") as refused:
        checked_answer(MISSING_MATERIAL, {"material": "DIRT"}, None, None, _export_from(source))
    assert ("import/ folder" in str(refused.value)) == (source == "folder") and "--" not in str(refused.value)
    assert checked_answer(MISSING_MATERIAL, {"material": "SPOILS"}, None, None, _export_from(source))
    turned = checked_answer(MISSING_MATERIAL, {"material": "DIRT", "flow": "IMPORT"}, None, None,
                            _export_from(source))
    assert turned["corrections"] == {"material": "DIRT", "flow": "IMPORT"}


def test_a_flow_the_material_implied_follows_the_answered_material():
    """A load read as CLASS_2_CONTAMINATED with no folder, filename or page word for its flow is an EXPORT only
    because of that material: answered DIRT, it is an IMPORT on the next run, so nothing disagrees."""
    read = {**_export_from("inferred"), "material": "CLASS_2_CONTAMINATED"}
    answer = checked_answer(MISSING_MATERIAL, {"material": "DIRT"}, None, "the crew misread the ticket", read)
    assert answer["corrections"] == {"material": "DIRT"}


def test_a_critical_item_without_its_value_says_what_to_give_in_words_a_clerk_understands():
    with pytest.raises(CorrectionError, match=r"give its material, or say in words why") as refused:
        checked_answer(MISSING_MATERIAL, {}, None, None)
    assert "--" not in str(refused.value)



def test_regression_values_given_for_an_unreadable_file_say_there_is_no_record_and_what_to_do():
    """Trial: four values for an UNREADABLE_FILE item were told 'does not close with a bare confirm'."""
    unreadable = {"reason": "UNREADABLE_FILE", "field_name": None, "page_number": None}
    with pytest.raises(CorrectionError, match="no record to set them on. Scan the paper ticket again") as refused:
        checked_answer(unreadable, {"ticket_number": "1234567", "material": "DIRT"}, None, None)
    assert "bare confirm" not in str(refused.value) and "--" not in str(refused.value)
    assert checked_answer(unreadable, {}, None, "blank sheet scanned by mistake")["because"]
    unreadable_page = {**unreadable, "page_number": 2}  # a page of a file: its record takes the values
    answer = checked_answer(unreadable_page, {"material": "DIRT"}, None, "read from the paper")
    assert answer["corrections"] == {"material": "DIRT"}


DAY = "2024-10-17"
PAGE = f"{DAY}/scan.pdf-p1"


def _item(reason: str, field_name: str, page: dict | None = None) -> dict:
    page = page or {"page_id": PAGE, "page_number": 1}
    return {"page_id": page["page_id"], "partition_key": DAY, "file_path": f"{DAY}/scan.pdf",
            "page_number": page["page_number"], "reason": reason, "field_name": field_name, "file_hash": "f" * 64,
            "severity": Reason(reason).severity.value, "detected_fields": {"detail": "test"}, "suggested_fixes": {},
            "created_at": datetime(2024, 10, 17, 8), "resolved": False}


@pytest.fixture
def answered_page(tmp_path):
    """A processed day of one page, its material missing and its quantity unusual: the warehouse and
    settings `api.answer_item` works on."""
    return _processed_page(tmp_path, {})


def _processed_page(tmp_path, values: dict, others: tuple[dict, ...] = ()):
    (tmp_path / "inbox" / DAY).mkdir(parents=True)
    settings = load_settings(tmp_path / "inbox", make_home(tmp_path / "home"), environ={})
    warehouse = Warehouse.at(settings.warehouse_url)
    ticket = {"page_id": PAGE, "partition_key": DAY, "file_path": f"{DAY}/scan.pdf", "page_number": 1,
              "ticket_number": "1234567", "ticket_date": date(2024, 10, 17), "vendor": "ROBERTS", "material": None,
              "review_required": True, "file_hash": "f" * 64, "run_id": "run-1", "provenance": {}, **values}
    items = [_item("MISSING_MATERIAL", "material"), _item("UNUSUAL_QUANTITY", "quantity"),
             *[_item("MISSING_MATERIAL", "material", other) for other in others]]
    run = {"run_id": "run-1", "partition_key": DAY, "status": "EXTRACTED", "started_at": datetime(2024, 10, 17, 8),
           "config_snapshot": {}, "processed_by": "test", "files": 1, "pages": 1, "tickets": 1}
    warehouse.replace_partition(DAY, [ticket, *[{**ticket, **other} for other in others]], items, [], run)
    ids = {row["reason"]: row["id"] for row in warehouse.day_reviews(DAY) if row["page_id"] == PAGE}
    return settings, warehouse, ids


def test_regression_an_answered_manifest_another_load_of_the_vendor_has_that_day_is_refused(tmp_path):
    """Trial: two loads of one day answered with the same manifest number were both saved, no DUPLICATE_MANIFEST."""
    other = {"page_id": f"{DAY}/scan.pdf-p2", "page_number": 2, "ticket_number": "1234568",
             "manifest_number": "WM-MAN-2024-024421"}
    settings, warehouse, ids = _processed_page(tmp_path, {"manifest_number": None}, (other,))  # rows of one shape
    with pytest.raises(UserError, match=f"WM-MAN-2024-024421 is already the manifest of {DAY}/scan.pdf-p2"):
        api.answer_item(settings, ids["MISSING_MATERIAL"], ["material=contaminated",
                                                            "manifest_number=WM-MAN-2024-024421"], None, None, "Maria")
    assert warehouse.day_answers(DAY) == []
    api.answer_item(settings, ids["MISSING_MATERIAL"], ["material=contaminated", "manifest_number=WM-MAN-2024-024422"],
                    None, None, "Maria")


@pytest.mark.parametrize("copy_status, allowed", [("copy", True), ("suspected", True), ("two loads", False)])
def test_a_copy_of_a_ticket_may_have_its_original_s_manifest(tmp_path, copy_status, allowed):
    """Sixth trial: a re-scan decided to be a copy of a contaminated ticket could not be given its manifest
    number ("already the manifest of" its original); two loads still may not share one."""
    original = {"page_id": f"{DAY}/scan.pdf-p2", "page_number": 2, "manifest_number": "WM-MAN-2024-024421"}
    settings, warehouse, ids = _processed_page(  # rows of one shape
        tmp_path, {"duplicate_of": original["page_id"], "copy_status": copy_status, "manifest_number": None},
        ({**original, "duplicate_of": None, "copy_status": None},))
    answer = ["material=contaminated", "manifest_number=WM-MAN-2024-024421"]
    if allowed:
        api.answer_item(settings, ids["MISSING_MATERIAL"], answer, None, None, "Maria")
    else:
        with pytest.raises(UserError, match="already the manifest of"):
            api.answer_item(settings, ids["MISSING_MATERIAL"], answer, None, None, "Maria")
    assert len(warehouse.day_answers(DAY)) == allowed


def test_regression_a_manifest_answered_for_another_load_before_the_day_ran_again_is_refused(tmp_path):
    """Fourth trial (D2): two loads of a vendor answered one after the other with one manifest number, in the
    station's batch (the day runs again once): the first answer was not on any record yet, so both were saved."""
    other = {"page_id": f"{DAY}/scan.pdf-p2", "page_number": 2, "ticket_number": "1234568"}
    settings, warehouse, ids = _processed_page(tmp_path, {}, (other,))
    other_item = next(row["id"] for row in warehouse.day_reviews(DAY) if row["page_id"] == other["page_id"])
    api.answer_item(settings, other_item, ["material=contaminated", "manifest_number=WM-MAN-2024-024421"],
                    None, None, "Maria")
    with pytest.raises(UserError, match=rf"WM-MAN-2024-024421 is already the manifest of {other['page_id']}"):
        api.answer_item(settings, ids["MISSING_MATERIAL"], ["material=contaminated",
                                                            "manifest_number=WM-MAN-2024-024421"], None, None, "Bob")
    assert len(warehouse.day_answers(DAY)) == 1


def test_regression_a_field_given_twice_with_two_values_is_refused_and_nothing_saved(answered_page):
    """Trial: `--set material=CLASS_2_CONTAMINATED --set material=DIRT` saved DIRT without a word."""
    settings, warehouse, ids = answered_page
    with pytest.raises(CorrectionError, match=r"material given twice \(CLASS_2_CONTAMINATED, DIRT\)"):
        api.answer_item(settings, ids["MISSING_MATERIAL"], ["material=CLASS_2_CONTAMINATED", "material=DIRT"],
                        None, None, "Maria")
    assert warehouse.day_answers(DAY) == []
    _, answer = api.answer_item(settings, ids["MISSING_MATERIAL"], ["material=DIRT", "material=dirt"], None, None,
                                "Maria")
    assert answer["corrections"] == {"material": "DIRT"}


def test_regression_an_answer_may_not_change_a_value_another_item_of_the_page_was_answered_with(answered_page):
    """Trial: item 3 (MISSING_MATERIAL) answered DIRT, then item 4 (UNUSUAL_QUANTITY) of the same page answered
    ROCK: the reports counted ROCK while item 3's answer still said DIRT."""
    settings, warehouse, ids = answered_page
    api.answer_item(settings, ids["MISSING_MATERIAL"], ["material=DIRT"], None, None, "Maria")
    refused = rf"material was answered DIRT on review item {ids['MISSING_MATERIAL']} \(MISSING_MATERIAL\) by Maria"
    with pytest.raises(CorrectionError, match=refused):
        api.answer_item(settings, ids["UNUSUAL_QUANTITY"], ["material=ROCK"], None, None, "Bob")
    assert len(warehouse.day_answers(DAY)) == 1
    api.answer_item(settings, ids["UNUSUAL_QUANTITY"], ["material=DIRT", "quantity=18"], None, None, "Bob")
    api.answer_item(settings, ids["MISSING_MATERIAL"], ["material=DIRT"], None, None, "Maria")  # again, same value
    with pytest.raises(CorrectionError, match=rf"quantity was answered 18 on review item {ids['UNUSUAL_QUANTITY']}"):
        api.answer_item(settings, ids["MISSING_MATERIAL"], ["material=DIRT", "quantity=20"], None, None, "Maria")
    # both items hold DIRT, answers adding up: the latest answer giving it (item 3's) stands, and its item may
    # change it (once, an item answered again could drop a value; now neither could have)
    with pytest.raises(CorrectionError, match=rf"material was answered DIRT on review item {ids['MISSING_MATERIAL']}"):
        api.answer_item(settings, ids["UNUSUAL_QUANTITY"], ["material=ROCK"], None, None, "Bob")
    api.answer_item(settings, ids["MISSING_MATERIAL"], ["material=ROCK"], None, None, "Maria")


def test_regression_the_station_and_the_cli_check_a_material_against_the_flow_the_record_keeps(tmp_path):
    """Trial: the answer went through `api.answer_item` with the record's material only, so its flow was
    never looked at."""
    settings, warehouse, ids = _processed_page(tmp_path, _export_from("folder"))
    with pytest.raises(CorrectionError, match="DIRT does not fit this load: it is an EXPORT"):
        api.answer_item(settings, ids["MISSING_MATERIAL"], ["material=DIRT"], None, None, "Maria")
    assert warehouse.day_answers(DAY) == []
    api.answer_item(settings, ids["MISSING_MATERIAL"], ["material=DIRT", "flow=IMPORT"], None, None, "Maria")
    assert [a["corrections"] for a in warehouse.day_answers(DAY)] == [{"material": "DIRT", "flow": "IMPORT"}]


def test_a_manifest_of_another_shape_is_taken_when_the_answer_says_why():
    """A Lewisville load's manifest printed as ten digits (its template knows WM-MAN-####-######): refused as cut
    short, the person is told how to give it as printed, and it is taken when the answer says so in words."""
    record = {"destination": "WASTE_MANAGEMENT_LEWISVILLE"}
    refused = CorrectionContext.for_record(CONTEXT.known, CONTEXT.job, CONTEXT.job_codes, record)
    with pytest.raises(CorrectionError, match=r"answer again saying so in words \(because\)"):
        parse_correction("manifest_number", "2025784876", refused)
    said_why = CorrectionContext.for_record(CONTEXT.known, CONTEXT.job, CONTEXT.job_codes, record,
                                            because="printed so on the landfill's manifest")
    assert parse_correction("manifest_number", "2025784876", said_why) == "2025784876"
    with pytest.raises(CorrectionError, match="is a date"):  # a date is no manifest, whatever the answer says
        parse_correction("manifest_number", "20241127", said_why)


@pytest.mark.parametrize("typed", ["12-01-2024-01", "11-30-24-0001", "2024-11-30-7"])
def test_regression_a_date_with_a_count_after_it_is_no_manifest_number(typed):
    """Fourth trial: the day's date with '-01' after it was saved as a contaminated load's manifest number."""
    with pytest.raises(CorrectionError, match="begins with a date"):
        parse_correction("manifest_number", typed, CONTEXT)


def test_regression_a_reason_of_one_letter_closes_nothing():
    """Fourth trial: `--because x` closed a contaminated load's MISSING_MANIFEST, the manifest log saying 'x'."""
    missing = {"reason": "MISSING_MANIFEST", "field_name": "manifest_number", "page_number": 1}
    for said in ("x", "ok", "n/a"):
        with pytest.raises(CorrectionError, match="two words at least"):
            checked_answer(missing, {}, None, said, {"material": "CLASS_2_CONTAMINATED"})
    assert checked_answer(missing, {}, None, "load returned to site", {"material": "CLASS_2_CONTAMINATED"})


def test_typographic_dashes_in_an_answered_manifest_number_are_dashes():
    """Fourth trial: WM–MAN–2024–024461 typed with en dashes (a word processor's) was refused as not letters,
    digits and dashes."""
    assert parse_correction("manifest_number", "WM\u2013MAN\u20132024\u2013024461", CONTEXT) == "WM-MAN-2024-024461"


def test_an_item_answered_before_takes_more_values_without_its_own_again():
    """Fourth trial: a MISSING_MANIFEST answered with its manifest, answered again with a source only, was refused
    as 'not answered by source alone', though answers to one page add up."""
    missing = {"reason": "MISSING_MANIFEST", "field_name": "manifest_number", "page_number": 1}
    record = {"material": "CLASS_2_CONTAMINATED", "manifest_number": "WM-MAN-2024-024421",
              "provenance": {"manifest_number": {"source": "review"}}}
    assert checked_answer(missing, {"source": "PIER_EX"}, None, None, record)["corrections"] == {"source": "PIER_EX"}
    read = {**record, "provenance": {"manifest_number": {"source": "page"}}}  # read unsure: the item still needs it
    with pytest.raises(CorrectionError, match="not answered by source alone"):
        checked_answer(missing, {"source": "PIER_EX"}, None, None, read)


def test_an_export_whose_material_is_in_doubt_is_made_clean_only_with_a_reason():
    """Trial: "the page says C2, an import material, but the load is an EXPORT" was answered NON_CONTAMINATED
    with no reason; on an export, "C2" may be Class 2 written short."""
    conflict = _item("MATERIAL_CONFLICT", "material")
    export = {"material": "C2", "flow": "EXPORT"}
    with pytest.raises(CorrectionError, match="an export whose material is in doubt: say in words why it is not"):
        checked_answer(conflict, {"material": "NON_CONTAMINATED"}, None, None, export)
    assert checked_answer(conflict, {"material": "NON_CONTAMINATED"}, None, "tested clean at the pier", export)
    assert checked_answer(conflict, {"material": "CLASS_2_CONTAMINATED"}, None, None, export)
    assert checked_answer(conflict, {"material": "C2", "flow": "IMPORT"}, None, "an import after all", export)
