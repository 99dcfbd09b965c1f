"""Seventh-round ("v7") label wordings: an office's shorthand ("Mat.", "Qty.", "Trk/Trlr", "Orig.", "Dst.") and the
captions a pad prints under its blank lines; none of it printed by an earlier round."""

from __future__ import annotations

ABBREVIATED = {
    "ticket": ("Tkt No.", "Tkt. #"),
    "date": ("Dt.", "Dte:"),
    "customer": ("Cust/Acct", "Cust. Name:"),
    "job": ("Job/Ph.", "Jb. No."),
    "po": ("P/O #", "PO Nbr"),
    "truck": ("Trk/Trlr", "Trk/Trlr #"),
    "trailer": ("Trl. #",),
    "driver": ("Drvr Name", "Drvr:"),
    "pit_ticket": ("Pit Tkt", "Scl Tkt #"),
    "source": ("Orig.", "Fr:"),
    "destination": ("Dst.", "Dlvd To"),
    "material": ("Mat.", "Mat'l Desc."),
    "manifest": ("Manif. #", "Mnfst No."),
    "quantity": ("Qty.", "Qty/UM"),
    "remarks": ("Rmk:", "Cmts"),
}

CAPTIONS = {
    "ticket": ("TICKET SERIAL", "SERIAL NO."),
    "date": ("DATE HAULED (MO/DAY/YR)", "DATE (MO/DAY/YR)"),
    "customer": ("CUSTOMER / ACCOUNT",),
    "job": ("JOB NUMBER / NAME",),
    "po": ("CUSTOMER P.O.",),
    "truck": ("TRUCK / UNIT NO.", "UNIT / TRUCK"),
    "trailer": ("TRAILER NUMBER",),
    "driver": ("DRIVER (PRINT NAME)",),
    "pit_ticket": ("SCALE TICKET REF.",),
    "source": ("LOADED AT (SITE)", "PICK-UP LOCATION"),
    "destination": ("DUMP LOCATION", "DISCHARGE POINT"),
    "material": ("KIND OF MATERIAL", "DESCRIPTION OF LOAD"),
    "manifest": ("MANIFEST / PROFILE NO.", "WASTE MANIFEST NUMBER"),
    "quantity": ("QUANTITY & UNIT", "AMOUNT HAULED"),
    "remarks": ("NOTES / DELAYS",),
}

V7_REGISTERS = {"abbreviated": ABBREVIATED, "captions": CAPTIONS}

# What a scale receipt prints before the net weight in tons, the page's quantity.
NET_TON_LABELS = ("Net Tonnage", "TONS (NET)", "Tn Net")

# The layouts each kind of company prints in the seventh round; a scale receipt only for a load weighed in tons.
V7_FORMS_BY_ROLE = {"facility": ("scale_receipt", "kv_grid"),
                    "supplier": ("scale_receipt", "kv_grid"),
                    "hauler": ("caption_under", "caption_under", "kv_grid")}  # most haulers write on a pad
WEIGHED_FORMS = ("scale_receipt",)

V7_TITLES = {"scale_receipt": ("INBOUND SCALE RECEIPT", "WEIGHT & DISPOSAL RECEIPT"),
             "kv_grid": ("DELIVERY RECORD", "HAULING RECORD"),
             "caption_under": ("TRUCKING TICKET", "DAILY HAUL SLIP")}
# The heads of a scale receipt's charge line.
CHARGE_HEADS = ("Description", "Qty", "UM", "Rate", "Amount")
# What a hauler's name box prints over the blank its truck number goes on.
NAME_BOX_TRUCK_LABELS = ("TRUCK NO.", "UNIT #")
