"""Eighth-round ("v8") label wordings: a trucking dispatcher's form ("Haul Tkt No.", "Tractor No.", "Pick Up @",
"Commodity Hauled") and a form whose fields are numbered boxes ("4. Truck Ident. No."), with the words of its blocks and
signature area; none of it printed by an earlier round."""

from __future__ import annotations

DISPATCH = {
    "ticket": ("Haul Tkt No.", "Dispatch No."),
    "date": ("Dispatch Date", "Haul Dt."),
    "customer": ("Bill-To Cust.", "Billing Acct."),
    "job": ("Project No.", "Proj. #"),
    "po": ("Cust. PO Ref",),
    "truck": ("Tractor No.", "Power Unit #"),
    "trailer": ("Trailer Lic.",),
    "driver": ("Dispatched Driver",),
    "pit_ticket": ("Scale Ref. #",),
    "source": ("Pick Up @", "Load Out Site"),
    "destination": ("Drop-Off @", "Unload At Site"),
    "material": ("Commodity Hauled", "Load Description"),
    "manifest": ("Manifest Ref. No.", "Waste Tracking #"),
    "quantity": ("Load Amt.", "Qty Delivered"),
    "remarks": ("Dispatcher Notes",),
}

# Each field's words; `restyle_v8` numbers them in the order the form prints them ("3. Vehicle ID").
NUMBERED = {
    "ticket": ("Form Serial No.", "Control No."),
    "date": ("Shipment Date", "Date of Shipment"),
    "customer": ("Customer of Record",),
    "job": ("Job Ref. No.",),
    "po": ("Buyer PO Ref.",),
    "truck": ("Transporter Vehicle No.", "Truck Ident. No."),
    "trailer": ("Trailer Ident. No.",),
    "driver": ("Driver's Name",),
    "pit_ticket": ("Pit Scale Ticket Ref",),
    "source": ("Generator Site Location", "Place of Origin"),
    "destination": ("Receiving Facility Name", "Delivered To Site"),
    "material": ("Description of Material", "Material Shipped"),
    "manifest": ("Manifest Document No.", "Waste Manifest Doc #"),
    "quantity": ("Total Quantity", "Quantity Shipped"),
    "remarks": ("Special Handling",),
}

V8_REGISTERS = {"dispatch": DISPATCH, "numbered": NUMBERED}
NUMBERED_REGISTERS = ("numbered",)

# The layouts each kind of company prints in the eighth round: a scale house prints its gate ticket in reversed
# bands, a hauler's dispatch office its load information form.
V8_FORMS_BY_ROLE = {"facility": ("reverse_band",),
                    "supplier": ("reverse_band", "load_info"),
                    "hauler": ("load_info", "load_info", "reverse_band")}

V8_TITLES = {"load_info": ("DISPATCH / HAUL TICKET", "TRUCKING DISPATCH TICKET"),
             "reverse_band": ("MATERIAL RECEIPT", "SCALE / GATE TICKET")}
# The heads of a load information form's blocks, and which fields each holds (the rest go under the last).
BLOCK_HEADS = ("JOB INFORMATION", "LOAD INFORMATION", "TRUCK INFORMATION")
BLOCK_KEYS = (("date", "customer", "job", "po"),
              ("source", "destination", "material", "manifest", "quantity", "pit_ticket"),
              ("truck", "trailer", "driver", "remarks"))
# The kinds of truck a hauler's form lists, the number written on the line of the one that came.
TRUCK_TYPES = ("TANDEM #", "END DUMP #", "BELLY DUMP #", "TRANSFER #")
# The signature area: who signs on each line.
SIGNERS = {"load_info": ("Loaded By", "Received By (Signature)", "Driver Signature"),
           "reverse_band": ("Weighmaster", "Driver Signature")}
SIGN_TRUCK_LABEL = "Truck"
