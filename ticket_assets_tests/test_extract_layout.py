"""Layout fields (quantity, unit, truck, source, destination) on forms laid out and worded differently."""

import json
from pathlib import Path

import pytest

from ticket_assets.extract.record import Vocabularies, extract_page
from ticket_assets.lines import OcrLine
from ticket_assets.ocr.base import OcrResult

from .pages import ocr_page, page_source
from .test_golden_synthetic import accepted_wrong, extract_golden

KNOWN = Vocabularies.packaged()
LAYOUT_FIELDS = ("quantity", "quantity_unit", "truck_number", "source", "destination")


def _extract(*lines):
    return extract_page(page_source(), ocr_page(*lines), KNOWN)


def _measures(extraction):
    return extraction.value("quantity"), extraction.value("quantity_unit")


@pytest.mark.parametrize("written, unit", [("12 YD3", "CY"), ("11 LCY", "CY"), ("9 BCY", "CY"), ("25 Tns", "TONS"),
                                           ("14 Cu Yds", "CY"), ("19.26 S/T", "TONS"), ("1 TRIP", "LOADS"),
                                           ("2 LDS", "LOADS"), ("1 trk load", "LOADS"), ("12 tn.", "TONS"),
                                           ("14 cu. yd.", "CY"), ("1 ld.", "LOADS"), ("10 cubic yds", "CY"),
                                           ("17 S.TONS", "TONS"), ("14.81 short tons", "TONS"), ("23.69 sh tn", "TONS"),
                                           ("23.63 NT", "TONS"), ("22 CU/YD", "CY"),
                                           ("12 C Y", "CY"), ("16 TONS.", "TONS"), ("11 CYD", "CY"),
                                           ("1 TRK LD", "LOADS"), ("1 TL", "LOADS"), ("2 truckloads", "LOADS"),
                                           ("1 haul(s)", "LOADS"), ("1 TRK", "LOADS")])
def test_units_as_forms_write_them(written, unit):
    assert _measures(_extract(("Qty hauled", 40, 300), (written, 300, 300))) == (float(written.split()[0]), unit)


@pytest.mark.parametrize("written, amount, unit", [("15.33-TON", 15.33, "TONS"), ("21 CU/YD", 21.0, "CY"),
                                                   ("22.36 NT", 22.36, "TONS"), ("21:7 tons", 21.7, "TONS"),
                                                   ("25:28TON", 25.28, "TONS"), ("20..94 sh tn", 20.94, "TONS"),
                                                   ("16...97 Tns", 16.97, "TONS")])
def test_an_amount_with_its_unit_is_the_load_also_under_no_label(written, amount, unit):
    assert _measures(_extract(("SCALE TICKET", 40, 100), (written, 300, 300))) == (amount, unit)


def test_a_time_is_no_amount():
    e = _extract(("SCALE TICKET", 40, 100), ("IN 10:42", 300, 300), ("OUT 11:05 AM", 300, 340))
    assert _measures(e) == (None, None)


@pytest.mark.parametrize("label", ["QTYHAULED:", "amthauled", "Amount Hauled"])
def test_an_amount_hauled_is_the_load_however_its_label_runs_together(label):
    assert _measures(_extract((label, 40, 300), ("14.74 T", 300, 300))) == (14.74, "TONS")


def test_an_amount_alone_is_a_price_not_the_load():
    assert _measures(_extract(("Amount", 40, 300), ("14.74", 300, 300))) == (None, None)


def test_an_amount_right_of_its_own_label_is_no_value_of_the_label_above():
    """An empty TONS row over the CY row holding the amount, far right: the amount is in cubic yards."""
    e = _extract(("Toneladas / Tons", 40, 300), ("Yardas Cubicas / CY", 40, 340), ("12", 400, 342))
    assert _measures(e) == (12.0, "CY")


def test_a_header_cell_we_know_no_label_for_still_bounds_its_neighbours_columns():
    e = _extract(("Billing Party", 40, 200), ("Project Ref.", 400, 200), ("Tractor #", 700, 200),
                 ("LINDAMOOD", 40, 240), ("#24-105", 420, 240), ("2512", 710, 240))
    assert e.value("truck_number") == "2512"


def test_an_amount_with_its_unit_in_the_next_box_is_the_load_a_list_of_units_beside_it_names_none():
    line_item = (("Net Amt Rec'd", 40, 300), ("Unit", 240, 300), ("Material Desc", 400, 300),
                 ("16.09", 100, 340), ("TN", 240, 340), ("FLEXBASE TY-A", 400, 340))
    assert _measures(_extract(*line_item)) == (16.09, "TONS")
    assert _measures(_extract(("18.17", 300, 300), ("Tons", 400, 300), ("Cu Yds", 500, 300),
                              ("Loads", 600, 300))) == (None, None)


def test_a_value_written_tall_and_low_in_the_space_under_its_label_is_its_own():
    page = OcrResult(engine="test", width=1000, height=600, lines=[
        OcrLine("Yards -", 0.97, (40, 300, 140, 320)), OcrLine("11", 0.99, (50, 352, 90, 392))])
    assert _measures(extract_page(page_source(), page, KNOWN)) == (11.0, "CY")


def test_a_printed_list_of_units_cut_in_boxes_names_none_but_the_one_not_shown_empty():
    assert _measures(_extract(("Qty", 40, 300), ("21.97", 200, 300), ("Tons Cu Yds", 350, 300),
                              ("Loads", 520, 300))) == (21.97, None)
    assert _measures(_extract(("Qty", 40, 300), ("20.74", 200, 300), ("Tons", 350, 300), ("□ Cu Yds", 450, 300),
                              ("□Loads", 560, 300))) == (20.74, "TONS")


def test_a_lone_t_is_a_unit_at_a_quantity_label_only():
    assert _measures(_extract(("Cantidad / Quantity", 40, 300), ("25.32 T", 300, 300))) == (25.32, "TONS")
    assert _measures(_extract(("Gate 3 T", 40, 300))) == (None, None)


def test_gross_and_tare_rows_are_not_the_load():
    e = _extract(("TONS", 600, 260), ("GROSS", 40, 300), ("29.71", 600, 300), ("TARE", 40, 340), ("13.34", 600, 340),
                 ("NET WEIGHT", 40, 380), ("16.38T", 300, 380))
    assert _measures(e) == (16.38, "TONS")


@pytest.mark.parametrize("value", ["24-105", "7:45", "3/4"])
def test_a_job_code_a_time_or_a_date_is_no_amount(value):
    assert _measures(_extract(("Qty", 40, 300), (value, 300, 300)))[0] is None


def test_a_label_naming_two_units_gives_none_a_bilingual_label_its_one():
    assert _measures(_extract(("NET TONS / CY", 40, 300), ("13", 300, 300))) == (13.0, None)
    assert _measures(_extract(("Toneladas / Tons", 40, 300), ("13", 300, 300))) == (13.0, "TONS")
    assert _measures(_extract(("Yardas / Yards", 40, 300), ("13", 300, 300))) == (13.0, "CY")


@pytest.mark.parametrize("label", ["Truck ID", "TRUCKUNIT", "Hauler Unit", "Veh. No.", "Unit #", "No. de Camión",
                                   "Equip ID", "Equipment #", "Tractor #", "Rig No."])
def test_truck_labels_with_their_qualifiers(label):
    assert _extract((label, 40, 300), ("4501", 300, 300)).value("truck_number") == "4501"


def test_a_value_written_at_the_left_of_the_box_over_its_label_is_its_value():
    """Labels printed centred under their boxes, each value written at its box's left: none of it over its label."""
    e = _extract(("872", 40, 160), ("Tract II Exc", 400, 160), ("Equip ID #", 120, 190), ("Pickup Loc.", 560, 190),
                 ("2024-12-03", 40, 240), ("LINDAMOOD", 400, 240), ("Weigh Dt.", 120, 270), ("Billing Party", 560, 270))
    assert e.value("truck_number") == "872"


def test_an_unsure_digit_after_a_truck_label_is_its_number_sign_misread():
    """"Tractor 6" for "Tractor #", OCR unsure of the 6: the number in the box over the label is the truck's."""
    page = ocr_page(("4704", 40, 160), ("Lindamood Demolition", 400, 160), ("Billing Party", 560, 190),
                    ("NOV-04-2024", 40, 80), ("Date", 120, 110))
    page.lines.append(OcrLine("Tractor 6", 0.8, (120, 190, 228, 210), words=(("Tractor", 0.99), ("6", 0.5))))
    assert extract_page(page_source(), page, KNOWN).value("truck_number") == "4704"


def test_stops_after_a_truck_number_are_no_part_of_it():
    assert _extract(("Tractor / Tractor #", 40, 300), ("849..", 300, 300)).value("truck_number") == "849"


def test_the_row_under_a_row_of_labels_on_a_page_at_a_slant_falls_with_it():
    e = _extract(("TICKET#", 40, 100), ("DATE", 300, 108), ("TRUCK#", 560, 116), ("JOB", 820, 124),
                 ("2082", 40, 150), ("1/6/25", 300, 158), ("382", 500, 166), ("#24-105", 820, 174))
    assert (e.value("ticket_number"), e.value("truck_number")) == ("2082", "382")


def test_a_row_of_labels_falling_further_than_a_label_s_height_is_still_one_row():
    e = _extract(("CORPOTECH", 40, 20), ("TICKET#", 140, 300), ("DATE", 400, 310), ("TRUCK#", 660, 320),
                 ("JOB", 900, 330), ("2082", 60, 340), ("1/6/25", 400, 350), ("382", 640, 360), ("#24-105", 860, 370))
    assert (e.value("ticket_number"), e.value("truck_number")) == ("2082", "382")


def test_a_title_over_its_number_in_the_header_does_not_say_the_form_prints_labels_over_values():
    e = _extract(("WASTE MANAGEMENT", 40, 20), ("SCALE TICKET", 700, 30), ("Trans No. WM-26570293", 600, 60),
                 ("01/07/2025", 40, 250), ("LINDAMOOD", 400, 250), ("Date Out", 40, 280), ("Acct", 400, 280),
                 ("497", 40, 330), ("Zone E Garage", 400, 330), ("Truck ID", 40, 360), ("Point of Origin", 400, 360),
                 ("WM Lewisville LF", 40, 410), ("Disposal Facility", 40, 440))
    assert e.value("truck_number") == "497"


@pytest.mark.parametrize("stamp", ["PAID", "RECEIVED", "GATE IN", "VOID"])
def test_a_stamp_between_a_label_and_its_value_is_no_value(stamp):
    e = _extract(("TRUCK #", 40, 300), (stamp, 200, 296), ("226", 400, 300), ("Qty", 40, 340), (stamp, 40, 370),
                 ("14", 40, 400))
    assert (e.value("truck_number"), _measures(e)) == ("226", (14.0, None))


def test_a_value_on_its_labels_line_as_a_photo_slopes_is_the_labels_however_near_the_row_above():
    """A photo turned a little: the labels' column drifts right as it goes down, each value at the right stands
    higher than its label, nearer the row above's label height than its own, on its own label's sloped line."""
    rows = [("Cust Name.", (76, 240, 133, 258), "Lindamood", (298, 224, 358, 244)),
            ("JOB REF.", (78, 260, 126, 278), "24-105", (317, 246, 359, 264)),
            ("Hauler Unit.", (78, 280, 148, 299), "57", (343, 269, 359, 284)),
            ("Dest.", (80, 305, 112, 320), "5610 Harry Hines", (263, 290, 361, 311)),
            ("Product.", (79, 323, 129, 341), "3x5 Riprap Stone", (265, 312, 361, 333)),
            ("GROSS", (83, 371, 115, 387), "77,240 lb", (307, 360, 365, 379)),
            ("TARE", (84, 390, 111, 405), "32,820 lb", (308, 380, 366, 398)),
            ("NET", (84, 409, 108, 425), "44,420 lb", (309, 400, 367, 418))]
    page = ocr_page(("BIG CITY", 166, 125))
    page.lines.extend(OcrLine(text, 0.99, box) for row in rows for text, box in (row[:2], row[2:]))
    assert extract_page(page_source(), page, KNOWN).value("truck_number") == "57"


def test_a_number_written_large_in_the_box_under_its_caption_is_its_value():
    """A caption at the top of a box, the number printed large in the box well below it."""
    page = ocr_page(("W.L. REID", 40, 60), ("TRUCK NO.", 400, 50), ("DELIVERY RECORD", 800, 45))
    page.lines.append(OcrLine("48", 0.99, (405, 140, 445, 184)))
    assert extract_page(page_source(), page, KNOWN).value("truck_number") == "48"


def test_of_two_texts_right_of_a_label_the_one_on_its_line_is_its_value():
    """Values printed flush right: the manifest number between its label's row and the next, the tons on theirs."""
    e = _extract(("NO. MANIFIESTO / MANIFEST NO.:", 20, 300), ("081297/TX/6351", 350, 320),
                 ("TONELADAS / TONS", 20, 340), ("16.50", 500, 342), ("YARDAS CUBICAS / CY", 20, 380))
    assert _measures(e) == (16.5, "TONS")


def test_a_value_written_low_goes_to_the_nearest_label_in_the_column():
    e = _extract(("Job/Project", 40, 260), ("24-105", 300, 272), ("Truck ID", 40, 300), ("8614", 300, 313),
                 ("Origin", 40, 340), ("Podium Exc", 300, 353), ("Dump Loc", 40, 380))
    assert (e.value("truck_number"), e.value("source")) == ("8614", "PODIUM")


@pytest.mark.parametrize("label", ["Job Site", "Jobsite", "Origin Site", "Generator Site/Origin", "Load Site"])
def test_a_field_label_holding_another_fields_shorter_label_is_that_field_label(label):
    assert _extract((label, 40, 300), ("Podium", 300, 300)).value("source") == "PODIUM"


@pytest.mark.parametrize("label", ["Dump Loc.", "Drop Location", "Disposal Facility", "Dest.", "Ship To Address",
                                   "Descarga / Dump Site", "Unload Site", "CONSIGNEE.", "Facility:", "Disposal Loc.",
                                   "Descargado en / Unloaded At"])
def test_destination_labels_as_forms_print_them(label):
    assert _extract((label, 40, 300), ("Post Oak Pit", 300, 300)).value("destination") == "POST_OAK_PIT"


def test_a_value_halfway_between_two_labels_is_neither_labels():
    e = _extract(("Tns.", 40, 300), ("15.50", 300, 320), ("Cu. Yd.", 40, 340))
    assert _measures(e) == (None, None)


def test_a_page_filled_in_low_throughout_reads_each_value_with_the_label_above_it():
    e = _extract(("Job No.", 40, 300), ("24-105", 300, 318), ("Unit", 40, 340), ("3", 300, 358),
                 ("Load Site", 40, 380), ("UTX Spoils", 300, 398), ("Tns.", 40, 420), ("15.50", 300, 438),
                 ("Cu. Yd.", 40, 460))
    assert (e.value("truck_number"), e.value("source"), *_measures(e)) == ("3", "UTX_SPOILS", 15.5, "TONS")


def test_a_value_with_another_label_between_it_and_a_label_is_not_that_labels():
    e = _extract(("Loads", 40, 300), ("Yds", 600, 305), ("21", 700, 305))
    assert _measures(e) == (21.0, "CY")


@pytest.mark.parametrize("written", ["W.M.Lewisville", "W/M", "WM Lewisville"])
def test_waste_managements_initials_are_no_compass_point(written):
    assert _extract(("Delivered To", 40, 300), (written, 300, 300)).value("destination") == "WASTE_MANAGEMENT_LEWISVILLE"


def test_a_place_whose_words_are_part_of_a_longer_place_name_goes_to_a_person():
    unsure = _extract(("Source", 40, 300), ("So. side of MSE Wall", 300, 300))
    assert unsure.value("source") is None and unsure.suggestions["source"].value == "So. side of MSE Wall"
    assert _extract(("Source", 40, 300), ("MSE Wall", 300, 300)).value("source") == "MSE_WALL"
    assert _extract(("Source", 40, 300), ("Detention Pond", 300, 300)).value("source") == "POND"


@pytest.mark.parametrize("written", ["MSE WALL LOAD-OUT", "MSE Wall - Footing Dig", "MSE Retaining Wall"])
def test_words_of_no_place_beside_a_place_name_leave_no_doubt(written):
    assert _extract(("Source", 40, 300), (written, 300, 300)).value("source") == "MSE_WALL"


@pytest.mark.parametrize("written", ["MSE WALL S END", "South side of MSE Wall"])
def test_a_longer_names_other_words_written_cut_short_or_whole_leave_doubt(written):
    assert _extract(("Source", 40, 300), (written, 300, 300)).value("source") is None


@pytest.mark.parametrize("written, place", [("S MSE WALL", "SOUTH_MSE_WALL"), ("So Fill", "SOUTH_FILL"),
                                            ("S-FILL", "SOUTH_FILL"), ("SO MSEWALLEXC.", "SOUTH_MSE_WALL"),
                                            ("E Garage", "ZONE_E_GARAGE")])
def test_a_place_name_opening_with_a_compass_points_letter_is_that_points(written, place):
    assert _extract(("Source", 40, 300), (written, 300, 300)).value("source") == place


@pytest.mark.parametrize("written, place", [("Pier drilling spoils area", "PIER_EX"), ("South Pkg Garage", "SPG")])
def test_places_as_forms_write_them(written, place):
    assert _extract(("Excavated From", 40, 300), (written, 300, 300)).value("source") == place


def test_a_value_whose_box_reaches_into_its_labels_is_still_beside_it():
    page = OcrResult(engine="test", width=1000, height=600, lines=[
        OcrLine("FROM:", 0.97, (885, 307, 1005, 347)), OcrLine("Pond", 0.99, (996, 304, 1105, 351))])
    assert extract_page(page_source(), page, KNOWN).value("source") == "POND"


@pytest.mark.parametrize("golden", ["synthetic_rapidocr.json", "unseen_rapidocr.json"])
def test_no_layout_field_is_accepted_wrong_on_the_golden_pages(golden):
    """A layout field read wrong is held for a person or left empty, never recorded as read."""
    pages = json.loads((Path(__file__).parent / "golden" / golden).read_text())
    extracted = {page_id: extract_golden(item) for page_id, item in pages.items()}
    wrong = [(page_id, {name: (read, truth) for name, (read, truth) in fields.items() if read is not None})
             for page_id, fields in accepted_wrong(extracted, fields=LAYOUT_FIELDS)]
    assert [(page_id, fields) for page_id, fields in wrong if fields] == []


def test_a_number_just_after_words_is_their_value_not_the_vendors_printed_number():
    # The truck's label read as "Veh e": no label, but still words the number stands beside.
    beside_words = _extract(("J.D. & SON", 300, 30), ("Veh e", 790, 100), ("7214", 860, 100))
    assert beside_words.value("ticket_number") is None
    alone = _extract(("J.D. & SON", 300, 30), ("7214", 860, 100))
    assert alone.value("ticket_number") == "7214"


def test_a_labels_word_names_no_flow():
    e = _extract(("Disposal Site.", 40, 300), ("6300 Harry Hines", 300, 300), ("Commodity", 40, 340),
                 ("Imported Fill", 300, 340))
    assert e.value("flow") == "IMPORT"
    assert _extract(("Delivered To", 40, 300), ("6300 Harry Hines", 300, 300)).value("flow") is None


def test_a_choice_printed_with_an_empty_box_names_no_flow_a_ticked_one_does():
    e = _extract(("Spoils", 40, 100), ("□Import/Delivery", 300, 100), ("Item", 40, 300),
                 ("Contaminated soil", 300, 300))
    assert e.value("flow") == "EXPORT"
    assert _extract(("☐ Export ☒ Import", 40, 100)).value("flow") == "IMPORT"


@pytest.mark.parametrize("label", ["Qty Delivered", "Quantity Delivered"])
def test_the_quantity_delivered_label_names_no_flow(label):
    e = _extract((label, 40, 300), ("18 TONS", 300, 300))
    assert e.value("flow") is None and _measures(e) == (18.0, "TONS")


def test_a_page_naming_both_flows_names_neither():
    assert _extract(("Haul Off", 40, 100), ("Import", 300, 100)).value("flow") is None


def test_a_place_alone_on_a_short_line_is_the_source_its_label_lost_but_makes_no_load_clean():
    e = _extract(("Trk #", 40, 260), ("514", 300, 260), ("a p", 40, 300), ("N.T.X. spoils", 300, 300))
    assert (e.value("source"), e.value("material")) == ("NTX_SPOILS", None)
    assert e.suggestions["material"].value == "SPOILS"  # what the source implies, for a person to confirm
    contaminated_dig = _extract(("Trk #", 40, 260), ("514", 300, 260), ("a p", 40, 300), ("PODIUM", 300, 300))
    assert (contaminated_dig.value("source"), contaminated_dig.value("material")) == ("PODIUM", "CLASS_2_CONTAMINATED")


def test_a_place_alone_makes_its_load_clean_when_the_page_names_that_material_apart_from_it():
    """Two readings that agree: the source alone on its line, and the load's words on another."""
    lines = [("ROBERTS TRUCKING", 40, 20), ("Trk #", 40, 260), ("514", 300, 260), ("a p", 40, 300),
             ("S. Pkg. Garage (SPG)", 300, 300), ("CLEAN EXCAVATED DIRT", 300, 340)]
    e = _extract(*lines)
    assert (e.value("source"), e.value("material")) == ("SPG", "NON_CONTAMINATED")
    contaminated = _extract(*lines, ("C/S", 300, 380))  # contamination named anywhere: never clean
    assert contaminated.value("material") == "CLASS_2_CONTAMINATED"


def test_a_place_alone_agrees_with_the_material_a_line_names_beside_the_place():
    """"Spoil Haul-off (NTX)" names spoils in its own words, the place's name taken out; "NTX SPOILS" alone
    is only the place's name, and so is "NTXSPOILS", a name run together."""
    source = [("ROBERTS TRUCKING", 40, 20), ("Trk #", 40, 260), ("514", 300, 260), ("a p", 40, 300),
              ("NTX SPOILS AREA", 300, 300)]
    assert _extract(*source, ("Spoil Haul-off (NTX)", 300, 340)).value("material") == "SPOILS"
    assert _extract(*source, ("NTXSPOILS", 300, 340)).value("material") is None
    contaminated = _extract(*source, ("Spoil Haul-off (NTX)", 300, 340), ("C/S", 300, 380))
    assert contaminated.value("material") == "CLASS_2_CONTAMINATED"


def test_a_place_alone_opening_with_a_compass_point_without_its_stop_is_the_longer_name():
    """"SO MSE WALL EXC" is the South MSE Wall, as it is at a source label: not MSE Wall, the name inside it."""
    e = _extract(("ROBERTS TRUCKING", 40, 20), ("a p", 40, 300), ("SO MSE WALL EXC", 300, 300))
    assert (e.value("source"), e.value("material")) == ("SOUTH_MSE_WALL", "CLASS_2_CONTAMINATED")


@pytest.mark.parametrize("lines", [[("POND AREA", 300, 300), ("MSE.WALL", 300, 400)],  # two places: a person says
                                   [("1650 Pond Rd", 300, 300)],  # an address
                                   [("Loads dumped at the pond behind the shop", 40, 300)]])  # a sentence
def test_a_place_named_under_no_label_is_only_a_suggestion_unless_alone_on_a_short_line(lines):
    assert _extract(*lines).value("source") is None


def test_a_place_alone_on_a_short_line_is_the_destination_its_label_lost():
    assert _extract(("dung", 40, 300), ("Post Oak - Flower Mound", 300, 300)).value("destination") == "POST_OAK_PIT"


def test_an_amount_with_letters_glued_to_it_that_are_no_unit_is_only_a_suggestion():
    e = _extract(("How Much", 40, 300), ("2CU YOS", 300, 300))
    assert _measures(e) == (None, None) and e.suggestions["quantity"].value == 2.0


def test_an_amount_with_a_word_that_is_no_unit_where_its_unit_stands_is_only_a_suggestion():
    """"24 ns": a handwritten "24.5 tns" whose unit OCR misread, and whose decimal point it may have lost too."""
    e = _extract(("AMOUNT HAULED", 40, 300), ("24 ns", 300, 300))
    assert _measures(e) == (None, None) and e.suggestions["quantity"].value == 24.0


def test_a_row_of_labels_over_values_read_out_of_line_gives_each_label_the_text_straight_under_it():
    e = _extract(("Truck No", 200, 300), ("Loaded At", 340, 300), ("Cust Name", 40, 314), ("56", 210, 345),
                 ("PIER EXCAV", 340, 345))
    assert (e.value("truck_number"), e.value("source")) == ("56", "PIER_EX")


def test_a_line_under_a_row_of_labels_reaching_past_a_labels_column_is_not_its_value():
    e = _extract(("Tons", 40, 300), ("Yards", 200, 300), ("Cust Name", 400, 314), ("17 6181 truck", 40, 345))
    assert _measures(e) == (None, None)


def test_a_value_beside_its_own_label_is_not_the_value_of_a_label_in_the_row_above():
    e = _extract(("Profile/Manifest", 40, 300), ("Qty", 700, 310), ("Truck #", 500, 345), ("971", 600, 345))
    assert (_measures(e), e.value("truck_number")) == ((None, None), "971")


@pytest.mark.parametrize("written, unit", [("14.5 Tons Cu Yds Loads", None), ("14.5 ☐Tons ☒Cu Yds ☐Loads", "CY")])
def test_a_printed_list_of_units_names_none_but_the_one_ticked(written, unit):
    assert _measures(_extract(("Qty", 40, 300), (written, 200, 300))) == (14.5, unit)


def test_a_unit_ticked_in_a_list_on_the_amounts_row_is_its_unit():
    e = _extract(("Qty Hauled", 40, 300), ("15.5", 200, 300), ("☐ TONS ☒ YDS", 400, 300))
    assert _measures(e) == (15.5, "CY")


@pytest.mark.parametrize("kind, written, value", [("source", "MSE Wall (South)", "SOUTH_MSE_WALL"),
                                                  ("source", "Tract No. 2", "TRACT_2"),
                                                  ("destination", "Lewisville L/F", "WASTE_MANAGEMENT_LEWISVILLE"),
                                                  ("destination", "Lewisville LF", "WASTE_MANAGEMENT_LEWISVILLE"),
                                                  ("destination", "Waste Mgt", "WASTE_MANAGEMENT_LEWISVILLE")])
def test_places_as_people_write_them(kind, written, value):
    label = "Origin" if kind == "source" else "Dump Site"
    assert _extract((label, 40, 300), (written, 300, 300)).value(kind) == value


def test_an_amount_before_net_tons_is_in_tons():
    assert _measures(_extract(("Weight", 40, 300), ("21.23 Net Tons", 700, 300))) == (21.23, "TONS")


def test_values_at_the_right_edge_of_a_slanted_photo_are_a_row_up_from_their_labels():
    """Every value stands 19 pixels above its label's middle, nearer the row above (17 pixels under the label
    above): the offset every label has a value at says which row a value is on, not each label's nearest. A
    truck number placed so only is a suggestion: the slant may have cost it a digit."""
    rows = [("Date of Load", "08/05/25"), ("Acct.", "Lindamood"), ("Job Location", "24-105"), ("Tractor #", "54"),
            ("Loaded From", "Podium")]
    lines = [line for at, (label, value) in enumerate(rows)
             for line in ((label, 40, 200 + 36 * at), (value, 900 - 12 * len(value), 181 + 36 * at))]
    extraction = _extract(*lines)
    assert extraction.value("source") == "PODIUM"
    assert (extraction.value("truck_number"), extraction.suggestions["truck_number"].value) == (None, "54")


def test_labels_printed_small_under_a_row_of_boxes_name_the_words_above_in_their_column():
    """Four boxes to a row, each label centred under its box, each value written at its box's left: a value
    stands over no part of its label, but in its column."""
    e = _extract(("10/17/24", 40, 200), ("Lindamood", 300, 200), ("Podium", 560, 200), ("Post Oak", 800, 200),
                 ("Date", 110, 240), ("Customer", 380, 240), ("Origin", 640, 240), ("Dump Site", 850, 240),
                 ("4", 40, 300), ("W. Reyes", 300, 300), ("Rig No.", 110, 340), ("Driver", 380, 340))
    assert (e.value("truck_number"), e.value("source"), e.value("destination")) == ("4", "PODIUM", "POST_OAK_PIT")


def test_a_q_read_as_o_still_makes_a_quantity_label():
    assert _measures(_extract(("OTY NET", 40, 300), ("15.78", 300, 300))) == (15.78, None)


@pytest.mark.parametrize("label, unit", [("Net Wt (T)", "TONS"), ("Volume (CY)", "CY"), ("Qty (Loads)", "LOADS")])
def test_a_unit_in_brackets_after_a_quantity_label_is_its_values_unit(label, unit):
    assert _measures(_extract((label, 40, 300), ("20.99", 300, 300))) == (20.99, unit)


def test_a_line_items_unit_column_gives_the_amount_its_unit_and_the_amount_column_is_money():
    e = _extract(("Qty", 40, 300), ("Unit", 200, 300), ("Description", 350, 300), ("Unit Price", 700, 300),
                 ("Amount", 850, 300), ("18", 40, 340), ("CY", 200, 340), ("Trade spoils", 350, 340),
                 ("12.50", 700, 340), ("225.00", 850, 340))
    assert _measures(e) == (18.0, "CY")


def test_a_printed_list_of_units_on_the_amounts_row_names_none():
    e = _extract(("QTY.", 40, 300), ("14.83", 300, 300), ("Tons", 500, 300), ("Cu Yds", 600, 300),
                 ("Loads", 750, 300))
    assert _measures(e) == (14.83, None)


def test_a_line_a_row_above_a_label_is_no_value_of_it_on_a_form_that_writes_its_values_low():
    """Values stand half a line under their labels; the address printed a row above the SCALE TICKET title,
    to its right, is no ticket number (1445 S. Hwy 380)."""
    e = _extract(("1445 S. Hwy 380 Bridgeport TX", 300, 180), ("SCALE TICKET", 40, 200),
                 ("Date", 40, 260), ("SEP-01-2025", 500, 272), ("Tractor #", 40, 320), ("1090", 500, 332),
                 ("Qty", 40, 380), ("20.52 TONS", 500, 392))
    assert e.value("ticket_number") is None and e.value("truck_number") == "1090"


def test_one_labels_value_a_row_up_is_no_habit_of_the_page():
    """Only the title has a text beside it, a row up: the page's values still stand on their labels' rows."""
    e = _extract(("Scale House (972) 436-8810", 300, 180), ("SCALE TICKET", 40, 200),
                 ("Weight - Tons", 40, 400), ("16.46", 800, 410))
    assert _measures(e) == (16.46, "TONS")


@pytest.mark.parametrize("written", ["North TX Spoils", "NORTH TXSPOILS", "N. Texas Spoils"])
def test_north_texas_spoils_written_out_are_ntx_spoils(written):
    assert _extract(("Origin", 40, 300), (written, 300, 300)).value("source") == "NTX_SPOILS"


def test_a_middle_dot_between_a_labels_words_is_a_space():
    assert _extract(("No.·de Camión", 40, 300), ("913", 300, 300)).value("truck_number") == "913"


def test_a_company_whose_name_begins_with_an_abbreviated_label_is_a_value():
    """"Waste Man." labels a manifest number; "Waste Management" is the landfill's owner, the destination."""
    e = _extract(("Disposal Loc.", 40, 300), ("Waste Management - Lewisville", 600, 300))
    assert e.value("destination") == "WASTE_MANAGEMENT_LEWISVILLE"


def test_a_zero_in_a_places_words_is_the_o_ocr_took_it_for():
    assert _extract(("Unloaded At", 40, 300), ("P0ST 0AK PIT FM1171", 500, 300)).value("destination") == "POST_OAK_PIT"


def test_two_amounts_in_one_unit_on_a_row_are_a_correction_the_amount_only_a_suggestion():
    """"6 LOADS" struck through and "1 LOAD" written beside it: OCR reads both, a person says which stands."""
    e = _extract(("Cantidad:", 40, 300), ("6 LOADS", 300, 300), ("1 LOAD", 500, 300))
    assert _measures(e) == (None, "LOADS") and e.suggestions["quantity"].value == 6.0


def test_an_amount_in_another_unit_on_its_row_is_no_correction_of_it():
    assert _measures(_extract(("Qty", 40, 300), ("25.52 TONS", 300, 300), ("18 CY", 500, 300))) == (25.52, "TONS")


@pytest.mark.parametrize("label, value, measures", [("Tons Net:", "18.62", (18.62, "TONS")),
                                                    ("NO. OF LOADS HAULED", "1", (1.0, "LOADS"))])
def test_a_quantity_label_of_two_labels_words_is_one_label_its_value_under_it(label, value, measures):
    """"Net" after "Tons" and "No." before "of Loads" are no labels of a row of labels whose columns cut the
    value under the phrase out of the quantity label's column."""
    assert _measures(_extract((label, 40, 300), (value, 60, 345))) == measures


@pytest.mark.parametrize("written, measures", [("NT16.86", (16.86, "TONS")), ("CY 12", (12.0, "CY"))])
def test_a_unit_before_its_amount_at_a_quantity_label_is_its_unit(written, measures):
    assert _measures(_extract(("AMT HAULED:", 40, 300), (written, 300, 300))) == measures


def test_a_labels_words_joined_by_a_hyphen_are_that_label():
    page = _extract(("PICK-UP LOCATION", 40, 300), ("Tract 2", 300, 300), ("Notes", 40, 400), ("Pond", 300, 400))
    assert page.value("source") == "TRACT_2"


@pytest.mark.parametrize("written", ["Tr-2", "Tr. 2"])
def test_tract_2_shortened_to_tr_is_tract_2(written):
    assert _extract(("Source", 40, 300), (written, 300, 300)).value("source") == "TRACT_2"


def test_a_number_sign_whose_degree_mark_ocr_read_as_an_a_ends_a_label():
    assert _extract(("CamiónNa:", 40, 300), ("646", 300, 300)).value("truck_number") == "646"


def test_a_value_written_at_its_box_s_left_under_a_label_printed_right_of_it_is_that_label_s():
    """`TRUCK #   MATERIAL` over `101   FILL`: each value begins at its box's left edge, its label stands well to the
    right, and the value's middle falls nearer the label on the left. The phrase beginning between the two labels is
    the label's when its own column holds none."""
    e = _extract(("BIG CITY", 40, 20), ("TICKET NO. 166463", 700, 30),
                 ("YARDS", 110, 250), ("TONS", 330, 250), ("TRUCK #", 530, 250), ("MATERIAL", 830, 250),
                 ("17", 50, 290), ("101", 480, 290), ("FILL", 680, 290))
    assert e.value("material") == "FILL"
