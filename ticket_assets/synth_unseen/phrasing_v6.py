"""Sixth-round ("v6") wordings of values: areas, places, materials, dates, units and manifest shapes no earlier
round prints. A contaminated load may be shortened the way a driver shortens it ("C/S Dirt Haul", "CL2 SOIL
EXPORT"); a clean load's phrase may name contamination only to deny it ("free of contamination", "no contam."); the
truth is always the canonical material the domain note reads in the phrase."""

from __future__ import annotations

V6_AREA_PHRASES = {
    "PODIUM": ("Podium Exc. (Bldg)", "PODIUM - FTG DIG"),
    "ZONE_E_GARAGE": ("E-Garage Zone", "GARAGE ZN. E DIG"),
    "SOUTH_MSE_WALL": ("S. MSE Wall Dig", "SOUTH MSE WALL AREA"),
    "MSE_WALL": ("MSE Wall - Footing Dig", "MSE RETAINING WALL DIG"),
    "PIER_EX": ("Pier Excavation Spoil Pile", "PIER EXC. SPOILS"),
    "POND": ("Pond - Detention Dig", "DETENTION POND AREA"),
    "SOUTH_FILL": ("South Fill Dig", "SO. FILL DIG AREA"),
    "TRACT_2": ("Tract 2 Dig", "TRACT-2 AREA"),
    "BECK_SPOILS": ("Beck Trade Spoil Pile", "BECK SPOILS AREA"),
    "NTX_SPOILS": ("NTX Spoil Pile", "NTX SPOILS AREA"),
    "UTX_SPOILS": ("UTX Trade Spoil Pile", "UTX SPOILS AREA"),
    "MVP_TC1": ("MVP TC1 Spoils", "MVP-TC1 AREA"),
    "MVP_TC2": ("MVP TC2 Spoils", "MVP-TC2 AREA"),
    "SPG": ("South Garage (SPG) Dig", "SPG EXC. AREA"),
}
V6_DESTINATION_PHRASES = {
    "WASTE_MANAGEMENT_LEWISVILLE": ("WM Lewisville - Gate 2", "WASTE MGMT LEWISVILLE TX"),
    "LDI_YARD": ("LDI Dump - Dallas", "LDI FILL YARD"),
    "POST_OAK_PIT": ("Post Oak Pit - Reuse", "POST OAK (POA) PIT"),
}

# `{who}` is the trade whose spoils these are (phrasing.SPOILS_OWNERS).
V6_MATERIAL_PHRASES = {
    "CLASS_2_CONTAMINATED": ("C/S Dirt Haul", "CL2 SOIL EXPORT", "Contam Clay", "Soil, Contaminated",
                             "Class-2 Dirt (Contam)", "C/S CLAY EXPORT"),
    "NON_CONTAMINATED": ("Clean Soil - free of contamination", "Dirt (no contam.)", "Clean Clay - Not Contaminated",
                         "CLEAN FILL NO CONTAM", "Clean Dirt - tested, no contamination"),
    "SPOILS": ("Spoil Haul-off ({who})", "{who} Trade Spoil", "SPOIL HAUL OFF"),
    "FLEXBASE": ("Flex Base Gr 2 (247)", "FLEXBASE GR.2"),
    "FLEX": ("Flex - Recycled Conc. Base", "FLEX RCY"),
    "ROCK": ("Rock - #4 Washed", "WASHED ROCK 1-1/2"),
    "3X5": ("3 x 5 Rock", "3X5 ROCK RIP RAP"),
    "UTILITY_STONE": ("Utility Stn (pipe bedding)", "UTIL. STONE 3/4"),
    "ASPHALT": ("Asphalt Ty-D Surface", "ASPH. HOT MIX TY D"),
    "C2": ("C-2 Sel. Fill", "C2 SELECT MAT."),
    "DIRT": ("Import Dirt - Topsoil", "TOPSOIL DIRT"),
    "FILL": ("Common Fill - Import", "FILL DIRT IMPORT"),
}

# Dates: `{MON}` the month's three capitals.
V6_DATE_FORMATS = {
    "us_unpadded_long": "{m}/{d}/{y}",
    "us_dashed_long": "{m}-{d}-{y}",
    "mon_space": "{MON} {d} {y}",
    "day_dot_mon": "{d:02d}.{MON}.{y}",
}
HAND_DATE_STYLES = ("us_unpadded_long", "us_dashed_long")

# An amount with its unit, `{q}` the number.
V6_QUANTITY_FORMATS = {
    "TONS": ("{q} NET TN", "{q} tns net", "{q} S.TONS"),
    "CY": ("{q} cu.yds", "{q} YDS3", "{q} cubic yds"),
    "LOADS": ("{q} LD(S)", "{q} truckloads", "{q} TRK"),
}

# Manifest shapes: `{y}` the year, `{n<k>}` k digits, `{c}` a check letter.
V6_MANIFEST_SHAPES = {
    "lewisville_year": "WMLEW-{y}-{n5}",
    "cs_groups": "CS-{n3}-{n5}",
    "mnf_spaced": "MNF {n4} {n6}",
    "profile_slash": "PRF{n5}/{n3}",
    "year_check_tail": "{y}{n5}{c}",
}

# The office's second stamp: what it says, and the tag before its own number (a check or batch, never the ticket).
PAID_WORDS = ("PAID", "POSTED", "BILLED")
PAID_NUMBER_TAGS = ("CHK#", "BATCH", "INV")
