"""Fourth-round ("v4") label wordings: the abbreviations a hauling office, a scale house and a plant's dispatch
print on their stock, and how each prints them: upper, lower, title or as-typed case, ending in a colon, a dash,
a hash or nothing. A quantity label may name its unit (`Net Tons`, `Cu Yd`), and then its value is a bare number."""

from __future__ import annotations

HAUL_OFFICE = {
    "ticket": ("Tkt", "Load No", "Ticket ID", "Haul Tkt No", "Trip #"),
    "date": ("Dt Hauled", "Haul Date", "Svc Date", "Date of Haul"),
    "customer": ("Bill To", "Cust", "Charge Acct"),
    "job": ("Job Code", "Job/Phase", "Proj No"),
    "po": ("PO Ref",),
    "truck": ("Hauler Unit", "Veh #", "Truck Unit", "Unit ID"),
    "trailer": ("Trlr ID",),
    "driver": ("Driver Nm",),
    "pit_ticket": ("Scale Tkt Ref",),
    "source": ("Origin", "Job Site", "Pick Up At", "Load Origin"),
    "destination": ("Dest.", "Disposal Site", "Drop Loc", "Dumped At"),
    "material": ("Matl Desc", "Commodity", "Load Type", "Matl Hauled"),
    "manifest": ("Manifest ID", "Waste Manifest #", "Manifest Ctl No", "Mnft No"),
    "quantity": ("Qty", "Qty Hauled", "Amt Hauled"),
    "remarks": ("Remarks", "Comments"),
}

SCALE_SOFTWARE = {
    "ticket": ("TICKET ID", "TKT NO", "SCALE TKT", "INBOUND NO"),
    "date": ("DATE IN", "WEIGH DT", "TRANS DT"),
    "customer": ("CUST NAME", "ACCOUNT"),
    "job": ("JOB REF", "JOB CODE"),
    "po": ("PO REF",),
    "truck": ("VEH #", "TRUCK/UNIT", "HAULER UNIT"),
    "trailer": ("TRLR ID",),
    "driver": ("DRIVER NM",),
    "pit_ticket": ("ORIG TKT REF",),
    "source": ("ORIGIN", "GEN SITE", "JOB SITE"),
    "destination": ("DISPOSAL SITE", "FACILITY", "DEST."),
    "material": ("COMMODITY", "PRODUCT", "MATL CODE/DESC"),
    "manifest": ("MANIFEST ID", "WASTE MANIFEST #", "MANIFEST/PROFILE ID"),
    "quantity": ("NET WT", "NET QTY", "QTY"),
    "remarks": ("COMMENTS",),
}

PLANT_DISPATCH = {
    "ticket": ("Delivery No", "Ticket ID", "Invoice/Tkt", "Tkt"),
    "date": ("Ship Date", "Date Shipped", "Load Date"),
    "customer": ("Sold-To", "Cust"),
    "job": ("Job Code", "Proj No"),
    "po": ("Cust PO Ref",),
    "truck": ("Veh #", "Truck Unit", "Hauler Unit"),
    "trailer": ("Trlr ID",),
    "driver": ("Driver Nm",),
    "pit_ticket": ("Scale Tkt Ref",),
    "source": ("Origin", "Loaded @", "Plant/Origin"),
    "destination": ("Ship-To", "Job Site", "Delivered @"),
    "material": ("Product", "Product Desc", "Item Desc", "Matl Desc"),
    "manifest": ("Manifest ID", "Waste Manifest #"),
    "quantity": ("Qty Shipped", "Net Qty", "Qty"),
    "remarks": ("Comments",),
}

V4_REGISTERS = {"haul_office": HAUL_OFFICE, "scale_software": SCALE_SOFTWARE, "plant_dispatch": PLANT_DISPATCH}
V4_REGISTERS_BY_ROLE = {"facility": ("scale_software", "haul_office"), "supplier": ("plant_dispatch", "scale_software"),
                        "hauler": ("haul_office", "haul_office", "scale_software")}

# A quantity label that names the unit it counts in; its value is then the bare number.
UNIT_LABELS = {"TONS": ("Net Tons", "Net Wt (T)", "Tons Net", "NET TONS"),
               "CY": ("Cu Yd", "Cu. Yds.", "Yds (CY)", "CU YD"),
               "LOADS": ("Loads", "No. Loads", "Ld Count")}

# How a stock prints its labels: the case, and what follows the label.
LABEL_CASES = ("as_typed", "upper", "lower", "title")
LABEL_ENDS = {"colon": ":", "dash": " -", "none": "", "dot": "."}

# The layouts each kind of company prints in the fourth round.
V4_FORMS_BY_ROLE = {"facility": ("ruled_pairs", "leader_receipt", "carbon_set"),
                    "supplier": ("ruled_pairs", "leader_receipt", "tiny_label_boxes"),
                    "hauler": ("ruled_pairs", "tiny_label_boxes", "carbon_set", "stub_ticket")}

V4_TITLES = {"ruled_pairs": ("LOAD TICKET", "HAUL RECORD"),
             "leader_receipt": ("SCALE RECEIPT", "OUTBOUND WEIGHT TICKET"),
             "tiny_label_boxes": ("TRUCK TICKET", "DELIVERY / HAUL TICKET"),
             "carbon_set": ("HAULING AGREEMENT & LOAD TICKET", "MATERIAL TRANSPORT TICKET"),
             "stub_ticket": ("DUMP TICKET", "TRUCKING TICKET")}
