"""Seventh-round ("v7") wordings of values: areas, places, materials, dates, units and manifest shapes no earlier
round prints. A contaminated load is named the way the domain note reads contamination ("Cl 2", "Class II",
"Contam.", "C/S", a soil or clay "Contaminated"); a clean load's phrase never names it except as "Non-Contam"; the
truth is always the canonical material the domain note reads in the phrase."""

from __future__ import annotations

V7_AREA_PHRASES = {
    "PODIUM": ("Podium Ftg. Exc.", "BLDG PODIUM AREA"),
    "ZONE_E_GARAGE": ("Gar. Zone E", "ZONE E - GARAGE EXC"),
    "SOUTH_MSE_WALL": ("MSE Wall - So.", "SO. MSE WALL EXC"),
    "MSE_WALL": ("MSE Wall Exc.", "MSE WALL FTG"),
    "PIER_EX": ("Pier Ex. Area", "PIER EXC - DRILLED"),
    "POND": ("Det. Pond Exc.", "POND EXCAVATION"),
    "SOUTH_FILL": ("So. Fill Exc.", "SOUTH FILL - CUT"),
    "TRACT_2": ("TRACT NO 2", "TRACT II AREA"),
    "BECK_SPOILS": ("Beck Spoil Stk.", "BECK SPOIL STOCKPILE"),
    "NTX_SPOILS": ("NTX Spoil Stk.", "N. TX SPOIL PILE"),
    "UTX_SPOILS": ("UTX Spoil Stk.", "U TX SPOILS"),
    "MVP_TC1": ("MVP TC-1 Spoils", "MVP TC1 PILE"),
    "MVP_TC2": ("MVP TC-2 Spoils", "MVP TC2 PILE"),
    "SPG": ("S. Garage (SPG)", "SO PARKING GARAGE"),
}
V7_DESTINATION_PHRASES = {
    "WASTE_MANAGEMENT_LEWISVILLE": ("WM - Lewisville Landfill", "LEWISVILLE LF (WM)"),
    "LDI_YARD": ("LDI Yard - NW Hwy", "L D I YARD"),
    "POST_OAK_PIT": ("Post Oak Pit - Reuse Site", "POA - POST OAK PIT"),
}

# `{who}` is the trade whose spoils these are (phrasing.SPOILS_OWNERS).
V7_MATERIAL_PHRASES = {
    "CLASS_2_CONTAMINATED": ("Cl 2 Soil - Non Haz", "Contam. Dirt (Cl. II)", "CLASS II SOIL - MANIFESTED",
                             "Soil (C/S) Haul", "Contaminated Clay Soil", "Cl. 2 Contaminated Dirt"),
    "NON_CONTAMINATED": ("Non-Contam. Clay", "NON CONTAM FILL DIRT", "Clean Native Clay", "Clean Exc. Dirt",
                         "Clean Clay Fill"),
    "SPOILS": ("{who} Spoil Pile - Haul Off", "MISC SPOILS - {who}", "Jobsite Spoil Haul"),
    "FLEXBASE": ("Flex Base (Crushed Lmst)", "FLEX BASE TY A GR1"),
    "FLEX": ("Flex - Recy. Concrete", "Flex (Recy. Conc.)"),
    "ROCK": ("Rock #57 Wash", "CLEAN ROCK 57"),
    "3X5": ("3x5 Rip Rap Stone", "RIP RAP 3X5"),
    "UTILITY_STONE": ("Utility Stone (Pipe Bed)", "UTIL STN"),
    "ASPHALT": ("Asph. Type D HMAC", "HOT MIX - TY D"),
    "C2": ("C2 Select", "C-2 SELECT FILL"),
    "DIRT": ("Native Dirt Import", "DIRT (IMP.)"),
    "FILL": ("Fill - Common", "SEL. FILL IMPORT"),
}

# Dates: `{Mon}` the month's short name, `{DOW}` the weekday's three capitals.
V7_DATE_FORMATS = {
    "day_mon_yy": "{d:02d}-{Mon}-{yy:02d}",
    "weekday_dashed": "{DOW} {m:02d}-{d:02d}-{yy:02d}",
    "spaced_slashes": "{m:02d} / {d:02d} / {y}",
    "dots_long": "{m}.{d}.{y}",
}
HAND_DATE_STYLES = ("spaced_slashes", "dots_long")
WEEKDAYS = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")

# An amount with its unit, `{q}` the number; a shape ending in "s." is never written for one load.
V7_QUANTITY_FORMATS = {
    "TONS": ("{q} TON", "{q} t. net", "{q} Tns"),
    "CY": ("{q} Cu.Yd.", "{q} CYD", "{q} Yards"),
    "LOADS": ("{q} Trip(s)", "{q} Lds.", "{q} LOAD(S)"),
}
# The unit a scale receipt's charge line prints.
CHARGE_UNITS = ("TN", "TON")

# Manifest shapes: `{y}` the year, `{n<k>}` k digits, `{c}` a check letter.
V7_MANIFEST_SHAPES = {
    "c2_year": "C2-{y}-{n6}",
    "wml_slash": "WML/{n3}/{n5}",
    "nh_year_tail": "{n6}NH{y}",
    "txc_check": "TXC-{n7}-{c}",
}
