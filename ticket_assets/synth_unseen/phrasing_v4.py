"""Fourth-round ("v4") wordings of values: areas, places, materials, dates, units, manifest shapes and the words of
the stamps a v4 page carries. A contaminated load's phrase names its contamination or its class in some form
("Contam", "Class II", "Cl 2", "Impacted", "Non Haz Contaminated"), a clean load's says it is clean or
non-contaminated without ever naming contamination otherwise, and no import phrase fits two materials."""

from __future__ import annotations

V4_AREA_PHRASES = {
    "PODIUM": ("Podium Dig Site", "PODIUM - BLDG", "Podium Exc."),
    "ZONE_E_GARAGE": ("Zone E Gar", "E-Gar. Zone E", "ZONE-E GARAGE"),
    "SOUTH_MSE_WALL": ("MSE Wall - South", "South M.S.E.", "S MSE WALL EXC"),
    "MSE_WALL": ("MSE Wall Excav", "M.S.E. WALL AREA", "MSE Wall Dig"),
    "PIER_EX": ("Pier Ex.", "Pier Exc Area", "PIERS EXCAV"),
    "POND": ("Det Pond", "POND - DETENTION", "Pond Excav Area"),
    "SOUTH_FILL": ("So Fill", "S Fill Area", "SOUTH FILL EXC"),
    "TRACT_2": ("TR 2", "Tract-2", "Tract Two Exc"),
    "BECK_SPOILS": ("Beck Spoil Pile", "BECK PILE", "Beck - Spoils"),
    "NTX_SPOILS": ("NTX Pile", "N TX Spoils", "NTX - Spoils"),
    "UTX_SPOILS": ("UTX Pile", "U-TX Spoils", "UTX - Spoils"),
    "MVP_TC1": ("MVP/TC1", "MVP TC 1 Pile"),
    "MVP_TC2": ("MVP/TC2", "MVP TC 2 Pile"),
    "SPG": ("S. Pkg Gar.", "SPG Garage", "South Pkg Gar"),
}
V4_DESTINATION_PHRASES = {
    "WASTE_MANAGEMENT_LEWISVILLE": ("WM Lewisville Landfill", "Waste Mgmt - Lewisville", "Lewisville L.F. (WM)",
                                    "WM LEWISVILLE"),
    "LDI_YARD": ("LDI Yard - Dallas", "LDI (NW Hwy)", "L.D.I. Yard"),
    "POST_OAK_PIT": ("Post Oak Pit - FM1171", "POA Pit", "Post Oak Reuse Pit"),
}

# `{who}` is the trade whose spoils these are (phrasing.SPOILS_OWNERS).
V4_MATERIAL_PHRASES = {
    "CLASS_2_CONTAMINATED": ("Impacted Soil", "Contam. Soil - Class II", "Cl 2 Dirt", "Non Haz Contaminated",
                             "CONTAMINATED SOIL (CL. 2)", "Class-2 Soil NH", "Cls 2 Contam Dirt",
                             "Petroleum Contam. Soil", "Class 2 Waste Soil", "CL2 CONTAM", "Impacted Soil - Cl II"),
    "NON_CONTAMINATED": ("Clean Fill (non-contam)", "NC Fill", "Non-Contam. Clean Dirt", "CLEAN SOIL - NON CONTAM",
                         "Clean Native Fill", "Non-Contaminated Fill Dirt", "Clean Backfill Soil"),
    "SPOILS": ("Spoils - {who}", "Excavation Spoils", "Haul-off Spoils", "Misc Trade Spoil ({who})",
               "Spoil Dirt/Debris"),
    "FLEXBASE": ("Flexbase Type A", "Flex-Base Gr 2", "FLEXBASE (CRUSHED LS)"),
    "FLEX": ("Recyc Flex", "FLEX (CRUSHED CONCRETE)", "Flex - Recycled"),
    "ROCK": ("1.5in Washed Rock", "#4 Rock", "Rock - #57 washed"),
    "3X5": ("3x5 Riprap Stone", "3 in x 5 in rock", "3X5 STONE"),
    "UTILITY_STONE": ("Utility Stn (pipe bed)", "Utility Stone 3/4in", "UTIL. STONE"),
    "ASPHALT": ("Asphalt Ty-B", "HMAC Surface Ty D", "Asphalt Mix"),
    "C2": ("C-2 Mtl", "C2 Material", "TYPE C-2"),
    "DIRT": ("Import Dirt - Borrow", "Dirt (borrow pit)", "Red Import Dirt"),
    "FILL": ("Imported Fill", "Fill - Select", "Select Import Fill"),
}

# Dates: `{Month}` the full month name, `{Mon}` its first three letters; `{dow}` the weekday's full name.
V4_DATE_FORMATS = {
    "dashed_long": "{m:02d}-{d:02d}-{y}",
    "month_full": "{Month} {d}, {y}",
    "apostrophe": "{Mon}. {d} '{yy:02d}",
    "compact": "{y}{m:02d}{d:02d}",
    "day_mon_year": "{d}/{Mon}/{y}",
    "weekday_long": "{dow}, {m}/{d}/{yy:02d}",
}
HAND_DATE_STYLES = ("dashed_long", "apostrophe", "weekday_long")  # a printer's compact dates are never handwritten
MONTH_FULL = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")
WEEKDAY_FULL = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# An amount with its unit, `{q}` the number; a unit may come first, as some scale software prints it.
V4_QUANTITY_FORMATS = {
    "TONS": ("{q} T", "{q} Tons Net", "{q} TN NET", "NT {q}", "{q} S/T"),
    "CY": ("{q} Cu Yd", "{q} BCY", "{q} cyds", "{q} YD3"),
    "LOADS": ("{q} Load", "{q} Ld", "{q} trk load"),
}

# Manifest shapes: `{y}` the year, `{n<k>}` k digits, `{c}` a check letter.
V4_MANIFEST_SHAPES = {
    "year_check": "{y}{c}{n5}",
    "man_groups": "MAN-{n3}-{n5}",
    "profile_pair": "P{n6}-M{n3}",
    "dotted": "{n2}.{n4}.{n5}",
    "texas": "TXN{n6}{c}",
}

# What a v4 page's stamps say above the value they carry.
DATE_STAMP_TITLES = ("RECEIVED", "SCALE HOUSE", "WEIGHED")
MATERIAL_STAMP_TITLES = ("SPECIAL WASTE", "LOAD CLASS", "MATERIAL")
NOTE_TAGS = ("Manifest #", "Man. ID", "Waste Man.")
