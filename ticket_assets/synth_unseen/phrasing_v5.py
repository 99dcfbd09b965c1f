"""Fifth-round ("v5") wordings of values: areas, places, materials, dates, units and manifest shapes no earlier round
prints. A contaminated load's phrase names contamination or its class in some form ("Cont.", "Impacted", "Class 2",
"C2 ... Contaminated"); a clean load's never does except as "non-contaminated" or "uncontaminated"; the truth is
always the canonical material the domain note reads in the phrase."""

from __future__ import annotations

V5_AREA_PHRASES = {
    "PODIUM": ("Podium Footing Exc", "Bldg Podium", "PODIUM LVL"),
    "ZONE_E_GARAGE": ("Garage Zone E", "Zn-E Garage", "E GARAGE (ZONE E)"),
    "SOUTH_MSE_WALL": ("South MSE Wall Exc", "MSE S. Wall", "SO MSE WALL EXC."),
    "MSE_WALL": ("MSE Wall Footing", "MSE RET. WALL"),
    "PIER_EX": ("Pier Excav.", "Pier Drill Exc", "PIER-EX"),
    "POND": ("Detention Pond Dig", "Pond Exc.", "DET POND EXC"),
    "SOUTH_FILL": ("South Fill Exc.", "So. Fill Area", "S-FILL"),
    "TRACT_2": ("Tract II Exc", "Tract #2 Area", "TRACT 2 EXC."),
    "BECK_SPOILS": ("Beck Spoils Pile", "Beck Stkpl"),
    "NTX_SPOILS": ("NTX Stkpl", "North TX Spoils"),
    "UTX_SPOILS": ("UTX Stkpl", "UTX Spoils Pile"),
    "MVP_TC1": ("MVP - TC-1", "MVP TC-1 Pile"),
    "MVP_TC2": ("MVP - TC-2", "MVP TC-2 Pile"),
    "SPG": ("South Parking Garage", "S. Pkg. Garage (SPG)", "SPG LEVEL P1"),
}
V5_DESTINATION_PHRASES = {
    "WASTE_MANAGEMENT_LEWISVILLE": ("Waste Management - Lewisville", "WM Lewisville Landfill & Recycling",
                                    "WM LEWISVILLE LDFL"),
    "LDI_YARD": ("LDI Dump Yard", "LDI Yd.", "LDI - N.W. Hwy Yard"),
    "POST_OAK_PIT": ("Post Oak Pit (Reuse)", "Post Oak - POA", "POST OAK PIT FM 1171"),
}

# `{who}` is the trade whose spoils these are (phrasing.SPOILS_OWNERS).
V5_MATERIAL_PHRASES = {
    "CLASS_2_CONTAMINATED": ("Cont. Dirt", "Impacted Fill", "Class 2 Spoils", "C2 Soil - Contaminated",
                             "Non Haz Contam Soil", "Contaminated Excavated Soil", "Cl. 2 Contam. Fill",
                             "Class II Impacted Dirt"),
    "NON_CONTAMINATED": ("Clean Dirt", "Uncontaminated Fill Dirt", "Native Soil (clean)", "Select Fill - clean",
                         "Non-Contaminated Native Soil", "CLEAN EXCAVATED DIRT"),
    "SPOILS": ("Trade Spoil - {who}", "Spoils Material", "Excess Spoils ({who})", "SPOIL / DEBRIS MIX"),
    "FLEXBASE": ("Flexbase Gr. 1-2", "Flex Base Type A", "FLEXBASE TY-A"),
    "FLEX": ("Crushed Conc. Flex", "Recycled Flex Material", "FLEX RECYCLED"),
    "ROCK": ("#57 Washed Rock", "Clean Rock 2in", "ROCK #67 WASHED"),
    "3X5": ("3\"-5\" Rip Rap", "3x5 Rip-Rap Rock", "RIPRAP 3X5"),
    "UTILITY_STONE": ("Utility Stone - Bedding", "Util Stone 1in", "UTILITY STN"),
    "ASPHALT": ("Asph. Type D", "HMAC Ty. B", "ASPHALT HOT MIX"),
    "C2": ("C-2 Select Mtl", "Type C-2 Import", "C 2 SELECT"),
    "DIRT": ("Borrow Dirt - Import", "Import Red Dirt", "DIRT IMPORT"),
    "FILL": ("Import Fill Mtl", "Structural Fill Import", "FILL MATERIAL IMPORT"),
}

# Dates: `{MON}` the month's three capitals, `{Mon}` its first three letters, `{Month}` its full name.
V5_DATE_FORMATS = {
    "dots_short": "{m}.{d}.{yy:02d}",
    "mon_dash_year": "{MON}-{d:02d}-{y}",
    "year_dots": "{y}.{m:02d}.{d:02d}",
    "day_month": "{d} {Month} {y}",
    "slashed_padded_short": "{m:02d}/{d:02d}/{yy:02d}",
}
HAND_DATE_STYLES = ("dots_short", "slashed_padded_short", "day_month")

# An amount with its unit, `{q}` the number.
V5_QUANTITY_FORMATS = {
    "TONS": ("{q} tn.", "{q} Net Tons", "{q} TONS NET"),
    "CY": ("{q} yds", "{q} cu. yd.", "{q} C.Y."),
    "LOADS": ("{q} loads", "{q} LOAD", "{q} ld."),
}
# The word a line item's Unit column prints for each unit.
UNIT_COLUMN_WORDS = {"TONS": ("TN", "TON"), "CY": ("CY", "YD3"), "LOADS": ("LOAD", "EA")}

# Manifest shapes: `{y}` the year, `{n<k>}` k digits, `{c}` a check letter. Separators mix on one number.
V5_MANIFEST_SHAPES = {
    "mixed_seps": "{y}/{n4}-{n5}",
    "wmx_dots": "WMX.{n3}.{n6}",
    "prefix_space": "TXM {n8}",
    "nh_under": "NHW_{n7}",
    "check_first": "{c}R-{y}-{n5}",
}

# What the office's RECEIVED stamp across the value column says.
RECEIVED_WORDS = ("RECEIVED", "REC'D", "CHECKED IN")
ARROW_TAGS = ("qty", "Qty =", "")  # a margin note's tag, if any, before the amount
