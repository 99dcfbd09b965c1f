"""Fifth-round ("v5") label wordings: what a county scale house, a small hauler's print shop and a bilingual
dispatch pad put on their stock, none of it printed by an earlier round. A quantity label may name its unit
(`Net Yds`, `Volume (CY)`), and then its value is a bare number."""

from __future__ import annotations

SCALE_HOUSE = {
    "ticket": ("Weigh Ticket", "Scale Tkt Nbr", "Tkt Ser. No.", "Wt Tkt Serial"),
    "date": ("Date Weighed In", "Weigh Dt.", "Scale Date"),
    "customer": ("Acct Holder", "Billing Party"),
    "job": ("Job Location", "Project Ref."),
    "po": ("Purch. Order",),
    "truck": ("Tractor #", "Equip ID #", "Rig No."),
    "trailer": ("Trlr Plate",),
    "driver": ("Hauler Driver",),
    "pit_ticket": ("Origin Scale Tkt",),
    "source": ("Origin Pit", "Generating Site", "Pickup Loc."),
    "destination": ("Receiving Site", "Disposal Loc.", "Rec'g Facility"),
    "material": ("Commodity Code", "Waste Profile Desc", "Material Desc"),
    "manifest": ("Manifest Ref No.", "Mfst. No.", "Waste Mfst"),
    "quantity": ("Quantity Delivered", "Net Amt Rec'd"),
    "remarks": ("Scale Notes",),
}

HAUL_SHOP = {
    "ticket": ("Haul Ticket No.", "Trip Ticket", "Ticket Ser."),
    "date": ("Date of Load", "Work Date", "Hauling Date"),
    "customer": ("Billed Party", "Acct."),
    "job": ("Job Location", "Jobsite No."),
    "po": ("P.O. Ref No.",),
    "truck": ("Tractor #", "Rig #", "Unit Number"),
    "trailer": ("Trailer Plate",),
    "driver": ("Driver Signature Name",),
    "pit_ticket": ("Dump Tkt Ref",),
    "source": ("Loaded From", "Pickup Site", "Origin Pit"),
    "destination": ("Hauled-To Site", "Unloaded At", "Disposal Loc."),
    "material": ("Material Desc", "Type of Material", "Load Contents"),
    "manifest": ("Manifest Ref No.", "Manifest Nbr.", "Mfst. No."),
    "quantity": ("Quantity Delivered", "Hauled Qty"),
    "remarks": ("Haul Notes",),
}

BILINGUAL = {
    "ticket": ("Núm. de Boleto / Ticket No.", "Boleto / Haul Ticket"),
    "date": ("Día / Date", "Fecha de Acarreo / Haul Date"),
    "customer": ("Cuenta / Account",),
    "job": ("Obra No. / Job No.",),
    "po": ("Orden / P.O.",),
    "truck": ("No. de Unidad / Unit No.", "Tractor / Tractor #"),
    "trailer": ("Remolque No. / Trailer No.",),
    "driver": ("Nombre del Chofer / Driver Name",),
    "pit_ticket": ("Boleto de Origen / Origin Tkt",),
    "source": ("Procedencia / Origin", "Cargado en / Loaded At"),
    "destination": ("Tiradero / Dump Site", "Descargado en / Unloaded At"),
    "material": ("Tipo de Material / Material", "Producto Acarreado / Product Hauled"),
    "manifest": ("Núm. de Manifiesto / Manifest No.",),
    "quantity": ("Cantidad Entregada / Qty Delivered",),
    "remarks": ("Notas del Viaje / Trip Notes",),
}

V5_REGISTERS = {"scale_house": SCALE_HOUSE, "haul_shop": HAUL_SHOP, "bilingual": BILINGUAL}
V5_REGISTERS_BY_ROLE = {"facility": ("scale_house", "scale_house", "bilingual"),
                        "supplier": ("scale_house", "haul_shop"),
                        "hauler": ("haul_shop", "haul_shop", "bilingual")}

# A quantity label that names the unit it counts in; its value is then the bare number.
V5_UNIT_LABELS = {"TONS": ("Net Tonnage Rec'd", "Tons (Net)", "Weight - Tons"),
                  "CY": ("Net Yds", "Volume (CY)", "Cubic Yards Hauled"),
                  "LOADS": ("No. of Loads Hauled", "Load Qty")}

# The layouts each kind of company prints in the fifth round.
V5_FORMS_BY_ROLE = {"facility": ("right_edge", "line_item", "caps_over_line", "box_over_label"),
                    "supplier": ("line_item", "right_edge", "box_over_label"),
                    "hauler": ("caps_over_line", "right_edge", "line_item", "box_over_label")}

V5_TITLES = {"right_edge": ("WEIGHMASTER CERTIFICATE", "SCALE TICKET"),
             "line_item": ("DELIVERY RECEIPT", "MATERIAL INVOICE / TICKET"),
             "caps_over_line": ("HAULING TICKET", "LOAD CERTIFICATE"),
             "box_over_label": ("HAUL / DUMP TICKET", "LOAD RECORD")}
