"""The canonical names and the data files agree: one vocabulary, spelled once."""

from ticket_assets.extract.templates import default_vocabulary
from ticket_assets.reports.workbook import AREA_HEADINGS, SHEETS
from ticket_assets.schema import CONTAMINATED, CORRECTABLE_FIELDS, EXPORT_MATERIALS, IMPORT_MATERIALS, RECORD_FIELDS
from ticket_assets.store.models import tickets


def test_the_synonyms_name_exactly_the_schema_s_materials():
    vocabulary = default_vocabulary()
    assert tuple(vocabulary.canonical_values("material")) == (*EXPORT_MATERIALS, *IMPORT_MATERIALS)
    assert set(vocabulary.source_material.values()) <= set(EXPORT_MATERIALS)


def test_every_area_has_an_office_heading_and_the_class_2_sheet_counts_the_contaminated_digs():
    vocabulary = default_vocabulary()
    assert set(vocabulary.source_material) <= set(AREA_HEADINGS)
    class_2 = next(sheet for sheet in SHEETS if sheet.title == "Class2_Daily")
    digs = {area for area, material in vocabulary.source_material.items() if material == CONTAMINATED}
    assert class_2.materials == (CONTAMINATED,) and set(class_2.columns) == digs


def test_record_fields_are_columns_of_the_tickets_table():
    assert set(CORRECTABLE_FIELDS) <= set(tickets.columns.keys()) and set(RECORD_FIELDS) < set(CORRECTABLE_FIELDS)
