"""A person's answer is checked before it is saved: shapes of numbers, and a flow its material allows."""

from datetime import date

import pytest

from ticket_assets.config import Job
from ticket_assets.extract.corrections import CorrectionContext, CorrectionError, checked_answer, parse_correction
from ticket_assets.extract.record import Vocabularies

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


def test_an_answer_may_not_make_an_import_material_an_export_nor_the_reverse():
    with pytest.raises(CorrectionError, match="DIRT is an import material"):
        checked_answer(LOW_CONFIDENCE, {"flow": "EXPORT"}, None, None, material="DIRT")
    with pytest.raises(CorrectionError, match="SPOILS is an export material"):
        checked_answer(MISSING_MATERIAL, {"material": "SPOILS", "flow": "IMPORT"}, None, None, material=None)
    answer = checked_answer(MISSING_MATERIAL, {"material": "SPOILS", "flow": "EXPORT"}, None, None, material="DIRT")
    assert answer["corrections"] == {"material": "SPOILS", "flow": "EXPORT"}


def test_a_critical_item_without_its_value_says_what_to_give_in_words_a_clerk_understands():
    with pytest.raises(CorrectionError, match=r"give its material, or say in words why") as refused:
        checked_answer(MISSING_MATERIAL, {}, None, None)
    assert "--" not in str(refused.value)
