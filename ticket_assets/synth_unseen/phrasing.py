"""What people and printers write on tickets for each canonical value: areas, places, materials, manifests."""

from __future__ import annotations

AREA_PHRASES = {
    "PODIUM": ("Podium", "PODIUM", "podium dig", "Podium area"),
    "ZONE_E_GARAGE": ("Zone E Garage", "E Garage", "Zone E Gar.", "ZONE E GARAGE"),
    "SOUTH_MSE_WALL": ("South MSE Wall", "S. MSE Wall", "South MSE", "SOUTH MSE WALL"),
    "MSE_WALL": ("MSE Wall", "MSE wall", "MSE WALL"),
    "PIER_EX": ("Pier Ex", "PierEx", "Pier Excavation", "Pier Exc."),
    "POND": ("Pond", "POND", "Detention Pond", "pond dig"),
    "SOUTH_FILL": ("South Fill", "S. Fill", "SOUTH FILL"),
    "TRACT_2": ("Tract 2", "TRACT 2", "Tract #2"),
    "BECK_SPOILS": ("Beck", "Beck Spoils", "BECK SPOILS", "Beck spoil pile"),
    "NTX_SPOILS": ("NTX Spoils", "NTX", "NTX spoil"),
    "UTX_SPOILS": ("UTX Spoils", "UTX", "UTX spoil pile"),
    "MVP_TC1": ("MVP TC1", "MVP-TC1", "MVP TC-1"),
    "MVP_TC2": ("MVP TC2", "MVP-TC2", "MVP TC-2"),
    "SPG": ("SPG", "South Garage", "S. Parking Garage", "South Pkg Garage"),
}

# The last phrase of each is how the facility prints its own name.
DESTINATION_PHRASES = {
    "WASTE_MANAGEMENT_LEWISVILLE": ("WM Lewisville", "Waste Mgmt", "W/M", "WM-Lewisville",
                                    "Waste Management Lewisville", "WM Lewisville LF"),
    "LDI_YARD": ("LDI", "L.D.I. yard", "LDI Yard"),
    "POST_OAK_PIT": ("Post Oak", "POA", "POST OAK", "Post Oak Pit"),
}

MATERIAL_PHRASES = {
    "CLASS_2_CONTAMINATED": ("C/S Dirt", "Contam. Soil", "Class II", "Cl. 2 dirt", "Dirt Contaminated",
                             "Class 2 Non-Haz", "contaminated fill", "Class 2 Soil", "C/S", "Contaminated dirt"),
    "NON_CONTAMINATED": ("Non-Contam Fill", "Clean Fill", "Non Contaminated", "NC fill", "Non-Contaminated soil",
                         "clean dirt (non contam)"),
    "SPOILS": ("Spoils", "Trade spoils", "SPOILS", "Misc. spoils"),
    "FLEXBASE": ("Flex Base", "Flexbase", "TxDOT Flex Base", "FLEX BASE Gr.1"),
    "FLEX": ("Flex", "FLEX", "Flex material"),
    "ROCK": ("Rock", "Washed Rock", "#57 Rock", "ROCK"),
    "3X5": ("3x5 rock", "3x5", "3\" x 5\" Rock", "3 X 5"),
    "UTILITY_STONE": ("Utility stone", "1\" Utility Stone", "UTILITY STONE", "Util. stone"),
    "ASPHALT": ("Type D asphalt", "HMAC Type D", "Asphalt", "ASPHALT TY D"),
    "C2": ("C-2", "C2", "C-2 material"),
    "DIRT": ("Dirt", "Import dirt", "DIRT"),
    "FILL": ("Fill", "Select Fill", "Import fill", "FILL"),
}

UNIT_WORDS = {"TONS": ("Tons", "TN", "tons", "T"), "CY": ("CY", "Yds", "yds", "Y"), "LOADS": ("Load", "Loads", "LD")}

CUSTOMER_NAMES = ("Lindamood", "LINDAMOOD", "Lindamood Demo", "Lindamood Demolition", "LINDAMOOD DEMOLITION INC")
GENERAL_CONTRACTORS = ("Hensel Phelps", "McCarthy", "Austin Commercial", "Balfour Beatty")
JOB_WRITINGS = ("24-105", "24-105 PH MS", "24-105 Pams", "#24-105", "24-105 HH")

JOB_ADDRESSES = ("6303 Forest Park Rd", "2121 Treadway Dallas", "5610 Harry Hines", "6300 Harry Hines Blvd")
SUPPLY_PLACES = ("Bridgeport Quarry", "Mill Creek Pit", "Goodnight Ln yard", "Plant 14 Midlothian",
                 "Hwy 114 Pit", "Sunnyvale plant")
DRIVER_NAMES = ("R. Garza", "Jose Luna", "K. Massey", "Warren M.", "D. Ortiz", "Luis H.", "T. Briggs", "Marco")

DATE_FORMATS = {
    "us_long": "{m:02d}/{d:02d}/{y}",
    "us_short": "{m}/{d}/{yy:02d}",
    "dashed": "{m}-{d}-{yy:02d}",
    "iso": "{y}-{m:02d}-{d:02d}",
    "military": "{d:02d}-{mon}-{y}",
}
MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")

# Manifest shapes: `{y}` the year, `{n<k>}` k random digits, `{s}` the separator printed between parts.
MANIFEST_SHAPES = {
    "wm": "WM{s}MAN{s}{y}{s}{n6}",
    "year_serial": "{y}{s}{n7}",
    "mn": "MN{s}{n8}",
    "profile": "{n6}{s}TX{s}{n4}",
    "lew": "LEW{s}{n2}{s}{n6}",
}
MANIFEST_SEPARATORS = ("-", "-", "-", " ", "_")

# New variants: wordings the families above never used. A page drawn in a new variant takes its material from
# NEW_MATERIAL_PHRASES only, and its areas and places from both tables.
NEW_AREA_PHRASES = {
    "PODIUM": ("Podium excav.", "Podium - bldg A"),
    "ZONE_E_GARAGE": ("Zone-E Garage", "E-Garage dig"),
    "SOUTH_MSE_WALL": ("MSE Wall South", "So. MSE Wall"),
    "MSE_WALL": ("MSE Wall area", "MSE-Wall"),
    "PIER_EX": ("Pier Exc. area", "Piers excavation"),
    "POND": ("Det. Pond", "Pond excav."),
    "SOUTH_FILL": ("South Fill area", "So. Fill"),
    "TRACT_2": ("Tract II", "Tr. 2"),
    "BECK_SPOILS": ("Beck pile", "Beck (spoils)"),
    "NTX_SPOILS": ("NTX pile", "N.T.X. spoils"),
    "UTX_SPOILS": ("UTX pile", "U.T.X. spoils"),
    "MVP_TC1": ("MVP T.C. 1", "MVP TC#1"),
    "MVP_TC2": ("MVP T.C. 2", "MVP TC#2"),
    "SPG": ("So. Pkg Garage", "South Parking Gar."),
}
NEW_DESTINATION_PHRASES = {
    "WASTE_MANAGEMENT_LEWISVILLE": ("Lewisville Landfill (WM)", "WM - Lewisville LF", "Waste Mgmt Lewisville"),
    "LDI_YARD": ("LDI Yard NW Hwy", "LDI yard"),
    "POST_OAK_PIT": ("Post Oak pit (FM 1171)", "Post Oak Rd Pit"),
}
NEW_MATERIAL_PHRASES = {
    "CLASS_2_CONTAMINATED": ("Impacted soil", "Class 2 Industrial Waste", "Cl2 soil", "TCEQ Class 2",
                             "Petroleum contaminated soil (PCS)", "C.S.", "Class 2 NH soil", "Cl. II soil",
                             "Contaminated soil - Cl 2", "Impacted soil (Class 2)"),
    "NON_CONTAMINATED": ("Uncontaminated fill", "Clean soil", "Non-Class 2", "NC", "Uncontam. dirt",
                         "Clean fill dirt", "Non-Contam. soil"),
    "SPOILS": ("Trade spoils - {who}", "Spoil", "{who} spoil", "Construction spoils", "Spoils ({who})"),
    "FLEXBASE": ("Crushed limestone flex base", "Flex Base Ty A Gr 1-2", "Item 247 Flex Base", "Flexbase (lmst)"),
    "FLEX": ("Flex (recycled)", "FLEX mat'l", "Flex - crushed conc."),
    "ROCK": ("#57 Limestone", "Washed #4 rock", "1-1/2\" clean rock", "Rock 2\" washed"),
    "3X5": ("3x5 rip rap", "3\"-5\" rock", "3 x 5 riprap"),
    "UTILITY_STONE": ("Utility Stone (bedding)", "Util. stone 1\"", "UTIL STONE"),
    "ASPHALT": ("Type B HMAC", "HMA Type B", "Hot mix asphalt", "Asphalt (HMAC)"),
    "C2": ("Type C-2", "C2 mat'l", "C-2 import"),
    "DIRT": ("Dirt - import", "Dirt (import)", "Red dirt"),
    "FILL": ("Structural fill", "Sandy fill", "Fill material"),
}
# How a hurried hand misspells contamination; written, never printed.
HAND_MISSPELLINGS = {
    "CLASS_2_CONTAMINATED": ("Contaminted soil", "Contamanated dirt", "Contamenated", "Contaminted dirt"),
}
SPOILS_OWNERS = {"BECK_SPOILS": "Beck", "NTX_SPOILS": "NTX", "UTX_SPOILS": "UTX", "MVP_TC1": "MVP TC1",
                 "MVP_TC2": "MVP TC2"}

# New manifest shapes; `{c}` is a check letter. The truth writes slashes, spaces and underscores as dashes and
# drops a leading `#`.
NEW_MANIFEST_SHAPES = {
    "slash": "WM/{y}/{n6}",
    "profile_slash": "{n6}/TX/{n4}",
    "check": "MF{n7}{c}",
    "check_dashed": "{y}-{n6}-{c}",
    "hash": "#{y}{n6}",
    "groups": "{n6}  {n4}{n2}",
}
CHECK_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"
