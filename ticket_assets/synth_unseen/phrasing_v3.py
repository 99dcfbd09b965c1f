"""Third-round ("v3") wordings of values: areas, places, materials, dates, units and manifest shapes that neither
the first families nor the second round print. Every phrase names its canonical value honestly: a phrase that
speaks of contamination in any form is filed under `CLASS_2_CONTAMINATED`, never under a clean material."""

from __future__ import annotations

V3_AREA_PHRASES = {
    "PODIUM": ("PODIUM EXCAVATION", "Podium footprint", "Podium (Bldg)"),
    "ZONE_E_GARAGE": ("Garage - Zone E", "Zone E Parking Garage", "ZN E GARAGE"),
    "SOUTH_MSE_WALL": ("S MSE Wall", "MSE Wall (South)", "STH MSE WALL"),
    "MSE_WALL": ("M.S.E. Wall", "MSE Retaining Wall"),
    "PIER_EX": ("Pier Exc", "PIER EXCAV", "Pier drilling spoils area"),
    "POND": ("Detention Pond excav", "POND AREA", "Pond (det.)"),
    "SOUTH_FILL": ("Fill - South", "STH FILL", "South fill area excav"),
    "TRACT_2": ("TRACT TWO", "Tract No. 2", "Tr-2"),
    "BECK_SPOILS": ("Beck stock pile", "Beck stockpile", "Beck - spoil"),
    "NTX_SPOILS": ("NTX stockpile", "N. TX spoils"),
    "UTX_SPOILS": ("UTX stockpile", "U. TX spoils"),
    "MVP_TC1": ("MVP - TC 1", "MVP TC 1"),
    "MVP_TC2": ("MVP - TC 2", "MVP TC 2"),
    "SPG": ("S.P.G.", "So. Parking Garage", "SPG - south garage"),
}
V3_DESTINATION_PHRASES = {
    "WASTE_MANAGEMENT_LEWISVILLE": ("W.M. Lewisville", "Lewisville LF - Waste Mgmt", "WM LEWISVILLE L/F"),
    "LDI_YARD": ("L.D.I.", "LDI - NW Hwy", "LDI YARD (DALLAS)"),
    "POST_OAK_PIT": ("Post Oak - Flower Mound", "POST OAK (PIT)", "P.O.A. pit"),
}

# `{who}` is the trade whose spoils these are (phrasing.SPOILS_OWNERS).
V3_MATERIAL_PHRASES = {
    "CLASS_2_CONTAMINATED": ("Non-haz contaminated soil", "CL II", "Class II non-haz soil", "TPH impacted soil",
                             "Soil w/ hydrocarbons (Cl 2)", "Special waste - contaminated soil",
                             "Contam dirt", "Impacted fill (Class 2)", "Cl 2 non-hazardous", "CLASS 2 SOIL - NH"),
    "NON_CONTAMINATED": ("Clean fill \u2013 no debris", "Clean native soil", "Clean excavated soil",
                         "NON-CONTAM DIRT", "Clean overburden", "Clean dirt, no debris"),
    "SPOILS": ("Soil w/ debris", "Mixed spoils & debris", "Excess spoil - {who}", "{who} spoils/debris",
               "Jobsite spoils"),
    "FLEXBASE": ("Flexible Base Ty A Gr 1-2", "Flex Base (TxDOT Item 247)", "Crushed lmst flex base"),
    "FLEX": ("FLEX - RECYCLED CONC", "Recycled flex", "Flex (recycled conc.)"),
    "ROCK": ("#67 rock", "Clean rock 1-1/2\"", "Washed rock #57"),
    "3X5": ("Rip-rap 3x5", "3\"x5\" stone", "3X5 RIPRAP"),
    "UTILITY_STONE": ("Utility stone - pipe bedding", "Util. Stn", "Utility Stn 1\""),
    "ASPHALT": ("HMAC Ty D surface", "Asphalt Type C", "Hot mix (Type D)"),
    "C2": ("C-2 select", "C 2 material", "Type C2 import"),
    "DIRT": ("Import dirt (borrow)", "Borrow dirt", "Dirt - borrow"),
    "FILL": ("Common fill", "Borrow fill (import)", "Select fill import"),
}

# Dates printed or written in the third round: `{mon}` upper case, `{Mon}` title case, `{dow}` the weekday.
V3_DATE_FORMATS = {
    "words": "{Mon} {d}, {y}",
    "dotted": "{m:02d}.{d:02d}.{y}",
    "day_first_words": "{d} {Mon} {yy:02d}",
    "slashed_iso": "{y}/{m:02d}/{d:02d}",
    "with_weekday": "{dow} {m}/{d}/{y}",
    "month_dash": "{mon}-{d:02d}-{yy:02d}",
}
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# How a quantity carries its unit: `{q}` the number. A spaced unit and a glued one, as people and printers write.
V3_QUANTITY_FORMATS = {
    "TONS": ("{q} Tn", "{q}T", "{q} TNS.", "{q} ton(s)"),
    "CY": ("{q} cu yd", "{q} CU. YDS.", "{q} LCY", "{q}CY"),
    "LOADS": ("{q} load(s)", "{q} TRIP", "{q} LDS"),
}

# Manifest shapes for the third round: `{y}` the year, `{n<k>}` k digits, `{c}` a check letter.
V3_MANIFEST_SHAPES = {
    "triple": "{n4}-{n4}-{n4}",
    "landfill": "LF{n2}-{n6}",
    "nonhaz": "NH-{y}-{n5}",
    "tx_serial": "TX{n8}",
    "check_tail": "{c}{n7}-{n2}",
}
# What a hand writes before a manifest it adds in a margin, and what a stamp or a sticker says over one.
MARGIN_TAGS = ("manif.", "man #", "MANIFEST")
STAMP_TITLES = ("MANIFEST NO.", "NON-HAZ MANIFEST", "MANIFEST RECEIVED")
STICKER_TITLES = ("WASTE MANIFEST", "MANIFEST / SHIPPING PAPER", "MANIFEST DOC")
