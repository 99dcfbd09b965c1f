"""Third-round ("v3") label wordings: a truck-scale software's capitals, a hand pad's abbreviations with periods,
and a pad that prints three fields in Spanish and English. None repeats a spelling of the earlier rounds."""

from __future__ import annotations

WEIGHMASTER = {
    "ticket": ("TICKET NUMBER", "CERT #", "WEIGH TKT", "RECEIPT NO"),
    "date": ("DATE/TIME", "TXN DATE", "DATE WEIGHED"),
    "customer": ("CUST ACCT", "ACCOUNT #/NAME"),
    "job": ("JOB NUMBER", "PROJECT NO"),
    "po": ("PO NUMBER", "CUST ORDER"),
    "truck": ("TRUCK ID#", "EQUIP ID", "VEHICLE NO"),
    "trailer": ("TRL ID",),
    "driver": ("DRIVER ID",),
    "pit_ticket": ("ORIGIN TKT",),
    "source": ("ORIGIN PT", "GENERATOR SITE/ORIGIN", "LOADED AT"),
    "destination": ("DESTINATION SITE", "TIPPING FACILITY", "DELIVERED TO"),
    "material": ("COMMODITY DESC", "MATERIAL TYPE", "PRODUCT DESC"),
    "manifest": ("MANIFEST NBR", "PROFILE-MANIFEST", "MANIFEST CTRL #"),
    "quantity": ("NET WEIGHT", "QTY NET", "BILLED QTY"),
    "remarks": ("MEMO",),
}

HAND_PAD = {
    "ticket": ("Slip No.", "Tkt. No", "Ref.", "Trip Tkt."),
    "date": ("Dte.", "Date Loaded", "Day"),
    "customer": ("Cust. Name", "Charge To"),
    "job": ("Job Name/No.", "Proj."),
    "po": ("P.O. No.",),
    "truck": ("Equip.", "Trk. ID", "Truck Number"),
    "trailer": ("Trlr.",),
    "driver": ("Drv.",),
    "pit_ticket": ("Pit No.",),
    "source": ("Loaded At", "Pit/Site", "Excavated From"),
    "destination": ("Dump", "Dump Loc.", "Delivered To"),
    "material": ("Load Desc.", "Matl. Type", "Commodity/Desc."),
    "manifest": ("Trip Ticket / Manifest", "Mnfst. No.", "Manifest Doc."),
    "quantity": ("Amt. Hauled", "Quan.", "How Much"),
    "remarks": ("Rmk.", "Note"),
}

# Three fields in two languages; the pad's other labels are its hand-pad ones.
BILINGUAL_THREE = {
    **HAND_PAD,
    "ticket": ("N\u00fam. de Recibo / Receipt No.", "Recibo / Receipt"),
    "material": ("Material Transportado / Material Hauled", "Tipo de Material / Material Type"),
    "destination": ("Tiradero / Dump", "Lugar de Descarga / Unload Site"),
}

V3_REGISTERS = {"weighmaster": WEIGHMASTER, "hand_pad": HAND_PAD, "bilingual_three": BILINGUAL_THREE}

# The layouts each kind of company prints in the third round, and the label registers each layout takes.
V3_FORMS_BY_ROLE = {"facility": ("weighmaster", "disposal_receipt", "label_block"),
                    "supplier": ("weighmaster", "label_block", "margin_labels", "merged_grid"),
                    "hauler": ("dispatch_log", "margin_labels", "label_block", "merged_grid")}
V3_REGISTERS_BY_FORM = {"weighmaster": ("weighmaster",), "disposal_receipt": ("weighmaster", "hand_pad"),
                        "label_block": ("weighmaster", "hand_pad", "bilingual_three"),
                        "margin_labels": ("hand_pad", "bilingual_three"),
                        "dispatch_log": ("hand_pad", "bilingual_three"),
                        "merged_grid": ("hand_pad", "bilingual_three", "weighmaster")}

V3_TITLES = {"weighmaster": ("WEIGHMASTER'S CERTIFICATE", "CERTIFIED WEIGHT TICKET"),
             "disposal_receipt": ("LANDFILL GATE RECEIPT", "NON-HAZ DISPOSAL RECEIPT"),
             "label_block": ("TRUCK LOAD RECORD", "MATERIAL RECEIPT"),
             "margin_labels": ("HAULING RECORD", "LOAD CONFIRMATION"),
             "dispatch_log": ("DISPATCH LOAD SHEET", "DAILY TRUCK LOG"),
             "merged_grid": ("DELIVERY RECORD", "HAULER'S LOAD RECORD")}
