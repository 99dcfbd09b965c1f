"""Eighth-round ("v8") wordings of values: areas, places, materials, dates, units and manifest shapes no earlier
round prints, as a dispatcher types them and a driver writes them ("Pond Cut", "PODIUM LOAD-OUT", "cl 2 dirt to WM"). A
contaminated load names contamination the way the domain note reads it (Class 2, Class II, Cl 2, C/S, Contam, a soil
or dirt Contaminated); a clean load never names it except as "Non-Contaminated"; the truth is always the canonical
material the domain note reads in the phrase."""

from __future__ import annotations

V8_AREA_PHRASES = {
    "PODIUM": ("Podium - Bldg A Dig", "PODIUM LOAD-OUT"),
    "ZONE_E_GARAGE": ("E Garage Dig Out", "ZONE-E GAR."),
    "SOUTH_MSE_WALL": ("South MSE Wall Cut", "S MSE WALL LOAD-OUT"),
    "MSE_WALL": ("MSE Wall Cut", "MSE WALL LOAD-OUT"),
    "PIER_EX": ("PierEx Cut", "PIER EX LOAD-OUT"),
    "POND": ("Pond Cut", "POND LOAD-OUT"),
    "SOUTH_FILL": ("South Fill Cut", "S FILL LOAD-OUT"),
    "TRACT_2": ("Tract 2 Cut", "TRACT 2 LOAD-OUT"),
    "BECK_SPOILS": ("Beck trade pile", "BECK SPOILS LOAD-OUT"),
    "NTX_SPOILS": ("NTX trade pile", "NTX SPOILS LOAD-OUT"),
    "UTX_SPOILS": ("UTX trade pile", "UTX SPOILS LOAD-OUT"),
    "MVP_TC1": ("MVP TC-1 trade pile", "TC1 (MVP) SPOILS"),
    "MVP_TC2": ("MVP TC-2 trade pile", "TC2 (MVP) SPOILS"),
    "SPG": ("SPG - So. Pkg Garage", "SOUTH GARAGE CUT"),
}
V8_DESTINATION_PHRASES = {
    "WASTE_MANAGEMENT_LEWISVILLE": ("Waste Mgmt Lewisville - Scale 1", "WM-LEWISVILLE L/F"),
    "LDI_YARD": ("LDI NW Hwy Yard", "LDI - CLEAN FILL YARD"),
    "POST_OAK_PIT": ("Post Oak Pit (Flower Mound)", "POA PIT - REUSE"),
}

# `{who}` is the trade whose spoils these are (phrasing.SPOILS_OWNERS).
V8_MATERIAL_PHRASES = {
    "CLASS_2_CONTAMINATED": ("Class 2 Soil - Manifested Load", "CONTAMINATED SOIL (CL 2)", "contam dirt - manifested",
                             "C/S - Class II", "Class II Non-Haz Contaminated Soil", "cl 2 dirt to WM"),
    "NON_CONTAMINATED": ("Clean Dirt - SPG", "CLEAN NATIVE FILL - SPG", "Non-Contaminated Native Clay Soil",
                         "clean fill dirt (SPG)", "CLEAN EXCAVATION SOIL - SPG"),
    "SPOILS": ("Spoils - {who} Trade Waste", "{who} SPOIL LOAD", "Construction Spoils ({who})"),
    "FLEXBASE": ("Flexbase Type A Gr 1-2", "FLEX BASE (TxDOT 247)"),
    "FLEX": ("Crushed Concrete Flex - Recycled", "RECYCLED CONC FLEX"),
    "ROCK": ("Washed Rock 3/4 in.", "ROCK - 1 1/2 CLEAN"),
    "3X5": ("3x5 Boulder Rock", "3X5 RIP RAP - DELIVERED"),
    "UTILITY_STONE": ("Utility Stone - Bedding Grade", "UTILITY STONE 1/2 IN"),
    "ASPHALT": ("Asphalt - Type B Base", "ASPHALT MILLINGS"),
    "C2": ("C2 Fill Material", "C-2 SELECT BACKFILL"),
    "DIRT": ("Sandy Loam Dirt", "IMPORTED DIRT - SANDY"),
    "FILL": ("Select Fill - Delivered", "FILL MATERIAL - IMPORT"),
}

# Dates: `{Mon}` the month's short name, `{MON}` its three capitals, `{Dow}` the weekday's short name, `{th}` the
# day's ordinal ending.
V8_DATE_FORMATS = {
    "ordinal": "{Mon} {d}{th}, {y}",
    "run_together": "{d:02d}{MON}{y}",
    "weekday_after": "{m}/{d}/{yy:02d} ({Dow})",
    "short_spaced": "{m} / {d} / {yy:02d}",
}
HAND_DATE_STYLES = ("ordinal", "short_spaced")

# An amount with its unit, `{q}` the number; none of them plural for one load.
V8_QUANTITY_FORMATS = {
    "TONS": ("{q} sh tn", "{q} NT", "{q}-TON"),
    "CY": ("{q} cubic yards", "{q} CU/YD", "{q} Yds."),
    "LOADS": ("{q} TL", "{q} trk ld", "{q} haul(s)"),
}

# Manifest shapes: `{y}` the year, `{n<k>}` k digits, `{c}` a check letter.
V8_MANIFEST_SHAPES = {
    "lew_in_middle": "{n5}-LEW-{y}",
    "wm_profile": "WMP{n4}-{n6}",
    "tx_nonhaz": "TX-NH-{n7}",
    "year_dot": "M{y}.{n6}",
    "check_in_prefix": "{n2}{c}-{n7}",
}

# What a hand writes before a manifest it adds in the signature block or the top margin.
SIGN_BLOCK_TAGS = ("Mfst#", "Man. no.", "manifest")
TOP_MARGIN_TAGS = ("MANIFEST #", "Mnft -", "Cl2 Mfst")
# The words of a scale house's time clock stamp, `{when}` its date and time.
TIME_CLOCK_WORDS = ("TIME IN", "GATE IN", "RECEIVED")
