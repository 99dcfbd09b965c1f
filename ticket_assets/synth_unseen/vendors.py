"""The sixteen vendors as data: who they are, what they haul or sell, and how their own ticket looks."""

from __future__ import annotations

from dataclasses import dataclass

LANDSCAPE = (8.5, 5.5)
PORTRAIT = (5.5, 8.5)


@dataclass(frozen=True)
class Vendor:
    """One company's ticket: its header, its numbering, its form and the words printed on it."""

    token: str
    role: str  # "facility" (a destination that weighs loads in), "supplier" or "hauler"
    header: tuple[str, ...]
    contact: tuple[str, ...]
    form: str  # a family in forms.FORMS
    labels: dict[str, str]
    rows: tuple[tuple[str, ...], ...]  # the fields in the order the form prints them, grouped as the form groups them
    prefix: str
    digits: int
    mark: str  # how the ticket number shows: "printed", "numbering", "stamp" or "cell"
    units: tuple[str, ...]
    size: tuple[float, float] = LANDSCAPE
    face: str = "sans"
    paper: tuple[str, ...] = ("white",)
    hand_share: float = 0.8
    serves: str | None = None
    supplies: tuple[str, ...] = ()
    accent: tuple[int, int, int] = (20, 20, 20)
    corner: str = "top_right"  # where a number or stamp outside the form's fields sits
    variant: int = 0  # a second look within the same form family


WM = Vendor(
    token="WASTE_MANAGEMENT_LEWISVILLE", role="facility", serves="WASTE_MANAGEMENT_LEWISVILLE",
    header=("WM", "WASTE MANAGEMENT", "Lewisville Landfill"),
    contact=("1650 Railroad St., Lewisville TX 75057", "Scale House (972) 436-8810"),
    form="printout", size=PORTRAIT, face="mono", paper=("white", "white", "pink"), hand_share=0.15,
    labels={"ticket": "Ticket #", "date": "Date In", "customer": "Account", "job": "PO/Job",
            "truck": "Vehicle", "source": "Generator Site", "destination": "Disposal Site",
            "material": "Material", "manifest": "Waste Manifest No", "quantity": "Net Tons"},
    rows=(("ticket", "date"), ("customer", "job"), ("truck",), ("source", "destination"),
          ("material",), ("manifest",), ("weights",), ("quantity",)),
    prefix="WM-", digits=8, mark="printed", units=("TONS",), accent=(0, 110, 60),
)

LDI = Vendor(
    token="LDI_YARD", role="facility", serves="LDI_YARD",
    header=("LDI YARD", "Clean Fill - Recycling - Topsoil"),
    contact=("4410 W. Northwest Hwy, Dallas TX 75220", "Office 214-357-0930"),
    form="two_column", face="sans", paper=("white", "blue"), hand_share=0.35,
    labels={"ticket": "TICKET#", "date": "Date", "customer": "Cust.", "job": "Job",
            "truck": "Veh", "source": "Job Site", "destination": "Dump Site",
            "material": "Product", "quantity": "Qty", "manifest": "Manifest #", "driver": "Driver"},
    rows=(("ticket", "date", "customer", "job", "driver"), ("truck", "source", "destination", "material",
                                                              "quantity", "manifest")),
    prefix="LDI", digits=7, mark="printed", units=("CY", "LOADS"), accent=(30, 60, 150),
)

POST_OAK = Vendor(
    token="POST_OAK_PIT", role="facility", serves="POST_OAK_PIT",
    header=("POST OAK PIT", "Fill Dirt - Reuse - Haul Off"),
    contact=("FM 1171 & Post Oak Rd, Flower Mound TX", "Gate 940-555-0188"),
    form="boxed", face="narrow", paper=("white", "yellow"), hand_share=0.6,
    labels={"ticket": "Tkt", "date": "DATE", "truck": "TRUCK #", "yards": "YARDS", "tons": "TONS",
            "material": "MATERIAL", "source": "Hauled From", "destination": "Disposal Site",
            "customer": "Customer", "job": "Job #", "manifest": "Manifest #"},
    rows=(("date", "customer", "job"), ("yards", "tons", "truck", "material"), ("source", "destination")),
    prefix="PO-", digits=7, mark="stamp", units=("CY", "TONS"), accent=(120, 70, 20),
)

HEIDELBERG = Vendor(
    token="HEIDELBERG", role="supplier", supplies=("ROCK", "UTILITY_STONE", "3X5", "FLEXBASE"),
    header=("Heidelberg", "Materials"),
    contact=("Plant 221 - Bridgeport", "1445 S. Hwy 380, Bridgeport TX 76426"),
    form="printout", size=PORTRAIT, face="serif", paper=("white",), hand_share=0.1,
    labels={"ticket": "BOL", "date": "Date", "customer": "Customer", "job": "P.O.", "truck": "Vehicle",
            "source": "Plant", "destination": "Ship To", "material": "Product", "quantity": "Net Tons"},
    rows=(("ticket", "date"), ("customer", "job"), ("destination",), ("material",), ("weights",),
          ("quantity",), ("truck", "source")),
    prefix="", digits=10, mark="printed", units=("TONS",), accent=(0, 70, 130), variant=1,
)

ARCOSA = Vendor(
    token="ARCOSA", role="supplier", supplies=("ROCK", "3X5", "FLEXBASE", "C2"),
    header=("ARCOSA", "AGGREGATES"),
    contact=("Mill Creek Pit  |  817-555-0142",),
    form="stacked", size=PORTRAIT, face="sans", paper=("white",), hand_share=0.2,
    labels={"ticket": "Ticket No.", "date": "Date", "customer": "Sold To", "job": "Job",
            "truck": "Truck No", "source": "Origin", "destination": "Deliver To",
            "material": "Description", "quantity": "Net Tons"},
    rows=(("ticket", "date"), ("customer", "job"), ("truck",), ("source",), ("destination",),
          ("material",), ("quantity",)),
    prefix="", digits=8, mark="printed", units=("TONS",), accent=(200, 90, 0),
)

BIG_CITY = Vendor(
    token="BIG_CITY", role="supplier", supplies=("FLEX", "FLEXBASE", "3X5", "FILL"),
    header=("BIG CITY", "CRUSHED CONCRETE"),
    contact=("8501 Goodnight Ln, Dallas TX 75220", "Ph 214-555-0163"),
    form="boxed", face="sans", paper=("white", "pink"), hand_share=0.55,
    labels={"ticket": "TICKET NO.", "date": "DATE", "truck": "TRUCK #", "yards": "YARDS", "tons": "TONS",
            "material": "MATERIAL", "source": "Hauled From", "destination": "Deliver To",
            "customer": "Customer", "job": "Job"},
    rows=(("date", "customer", "job"), ("yards", "tons", "truck", "material"), ("destination",)),
    prefix="", digits=6, mark="numbering", units=("TONS", "CY"), accent=(170, 20, 20),
)

REEDER = Vendor(
    token="REEDER", role="supplier", supplies=("C2", "FLEXBASE", "FILL", "ASPHALT"),
    header=("RCI", "Reeder Concrete, Inc."),
    contact=("Ready Mix - Aggregates - Hauling", "972-555-0119"),
    form="two_column", size=PORTRAIT, face="serif", paper=("white",), hand_share=0.3,
    labels={"ticket": "Delivery Ticket", "date": "Date", "customer": "Customer", "job": "Job No.",
            "truck": "Truck", "source": "Plant", "destination": "Deliver To",
            "material": "Product", "quantity": "Qty"},
    rows=(("ticket", "date", "customer", "job"), ("truck", "source", "destination", "material", "quantity")),
    prefix="", digits=7, mark="printed", units=("TONS", "CY"), accent=(0, 90, 60), variant=1,
)

ALLIANCE = Vendor(
    token="ALLIANCE", role="supplier", supplies=("DIRT", "FILL", "ASPHALT", "UTILITY_STONE"),
    header=("ALLIANCE", "Aggregates & Hauling"),
    contact=("Hwy 114 Pit - Rhome TX", "(817) 555-0177"),
    form="stacked", size=PORTRAIT, face="narrow", paper=("white", "yellow"), hand_share=0.5,
    labels={"ticket": "Ticket", "date": "Date", "customer": "Customer", "truck": "Truck",
            "source": "Pit", "destination": "Ship To", "material": "Product", "quantity": "Quantity",
            "job": "Job"},
    rows=(("ticket",), ("date", "truck"), ("customer", "job"), ("source",), ("destination",), ("material",),
          ("quantity",)),
    prefix="", digits=5, mark="numbering", units=("TONS", "CY", "LOADS"), accent=(90, 40, 140),
)

PORTILLO = Vendor(
    token="PORTILLO", role="hauler",
    header=("PORTILLO & SONS", "Transportation"),
    contact=("Dallas, Texas", "Dispatch 214-555-0131"),
    form="ruled", face="serif", paper=("yellow", "yellow", "white"), hand_share=0.95,
    labels={"ticket": "No.", "pit_ticket": "PIT TKT #", "po": "P.O. #", "job": "JOB", "truck": "TRUCK #",
            "date": "DATE", "customer": "CUSTOMER", "source": "HAULED FROM", "destination": "DELIVER TO",
            "tons": "TONS", "yards": "YDS", "material": "COMMODITY", "manifest": "MANIFEST #"},
    rows=(("po", "job", "truck", "date"), ("customer",), ("source", "destination"), ("tons", "yards"),
          ("material", "manifest")),
    prefix="", digits=6, mark="numbering", units=("TONS", "CY"), accent=(20, 20, 20),
)

LINDAMOOD = Vendor(
    token="LINDAMOOD", role="hauler",
    header=("LINDAMOOD", "Demolition - Excavation - Hauling"),
    contact=("Irving, TX", "972-555-0102"),
    form="ruled", face="sans", paper=("yellow", "white"), hand_share=0.9,
    labels={"ticket": "Ticket No.", "job": "Job #", "date": "Date:", "source": "Pickup", "destination": "Disposal Site",
            "material": "Commodity", "manifest": "Profile/Manifest", "quantity": "Qty",
            "truck": "Truck #", "driver": "Driver", "trailer": "Trailer #"},
    rows=(("job", "date"), ("source", "destination"), ("material",), ("manifest", "quantity"),
          ("driver", "truck", "trailer")),
    prefix="", digits=6, mark="printed", units=("CY", "TONS", "LOADS"), accent=(20, 20, 20),
)

JD_AND_SON = Vendor(
    token="JD_AND_SON", role="hauler",
    header=("J.D. & SON", "TRUCKING"),
    contact=("Grand Prairie TX  75050", "Cell 469-555-0154"),
    form="ruled", face="cond", paper=("white", "pink", "yellow"), hand_share=0.9,
    labels={"ticket": "TKT", "date": "Date", "customer": "Customer", "source": "Job Site", "destination": "Dump Site",
            "material": "Material", "loads": "Loads", "yards": "Yds", "truck": "Unit No.",
            "manifest": "Manifest No.", "job": "Job"},
    rows=(("date", "job"), ("customer", "truck"), ("source",), ("destination",), ("material", "manifest"),
          ("loads", "yards")),
    prefix="", digits=5, mark="stamp", units=("LOADS", "CY"), accent=(20, 20, 20), corner="off_center",
)

ROBERTS = Vendor(
    token="ROBERTS", role="hauler",
    header=("ROBERTS", "Hauling & Materials"),
    contact=("Office (469) 555-0124", "Dispatch (214) 555-0168"),
    form="grid", face="sans", paper=("yellow", "white"), hand_share=0.95,
    labels={"ticket": "TICKET #", "date": "DATE", "truck": "TRUCK NO.", "trailer": "TRAILER #", "customer": "CUSTOMER",
            "job": "JOB / PO", "source": "HAULED FROM", "destination": "HAULED TO", "material": "MATERIAL",
            "tons": "TONS", "manifest": "MANIFEST", "remarks": "REMARKS"},
    rows=(("date", "truck", "trailer", "customer", "job"), ("source", "destination", "material", "tons",
                                                            "manifest", "remarks")),
    prefix="", digits=7, mark="numbering", units=("TONS",), accent=(20, 20, 20),
)

ROADSTAR = Vendor(
    token="ROADSTAR", role="hauler",
    header=("ROADSTAR MANAGEMENT", "Trucking Services"),
    contact=("Dallas TX 75236", "Office 469-555-0155"),
    form="grid", face="narrow", paper=("yellow",), hand_share=0.95,
    labels={"ticket": "TICKET", "customer": "Customer", "date": "Date", "job": "Job # or PO#", "truck": "Unit #",
            "source": "Pickup", "destination": "Deliver To", "material": "Material Hauled",
            "quantity": "Qty", "manifest": "Waste Manifest No", "remarks": "Notes"},
    rows=(("customer", "date", "job", "truck"), ("source", "destination", "material", "quantity", "manifest",
                                                 "remarks")),
    prefix="", digits=5, mark="printed", units=("TONS", "CY"), accent=(20, 20, 20), variant=1,
)

CORPOTECH = Vendor(
    token="CORPOTECH", role="hauler",
    header=("CORPOTECH", "Hauling  LLC"),
    contact=("Mesquite, TX", "214-555-0190"),
    form="boxed", face="sans", paper=("white", "blue"), hand_share=0.85,
    labels={"ticket": "TICKET#", "date": "DATE", "truck": "TRUCK #", "job": "JOB",
            "material": "DESCRIPTION", "yards": "CY", "tons": "TONS", "loads": "LOADS",
            "source": "Source", "destination": "Destination", "manifest": "Manifest"},
    rows=(("ticket", "date", "truck", "job"), ("material", "yards", "tons", "loads"), ("source", "destination",
                                                                                      "manifest")),
    prefix="", digits=4, mark="cell", units=("CY", "TONS", "LOADS"), accent=(20, 20, 120),
)

TARANGO = Vendor(
    token="TARANGO", role="hauler",
    header=("TARANGO TRUCKING", "Dirt - Rock - Demo Haul Off"),
    contact=("Fort Worth TX", "817-555-0136"),
    form="two_column", face="sans", paper=("pink", "white", "yellow"), hand_share=0.95,
    labels={"ticket": "No.", "date": "Fecha / Date", "customer": "Cliente", "truck": "Camion / Truck #", "job": "Job",
            "source": "From", "destination": "To", "material": "Material", "quantity": "Cantidad / Qty",
            "manifest": "Manifest #"},
    rows=(("date", "customer", "job", "truck"), ("source", "destination", "material", "quantity", "manifest")),
    prefix="", digits=6, mark="stamp", units=("CY", "LOADS"), accent=(20, 20, 20), corner="bottom_right",
)

WL_REID = Vendor(
    token="WL_REID", role="hauler",
    header=("W.L. REID", "TRUCKING CO."),
    contact=("Lancaster, TX", "972-555-0185"),
    form="stacked", size=PORTRAIT, face="mono", paper=("white", "yellow"), hand_share=0.85,
    labels={"ticket": "TICKET NO.", "date": "DATE", "truck": "VEH", "source": "ORIGIN",
            "destination": "DESTINATION", "material": "DESCRIPTION", "quantity": "NET TONS / CY",
            "manifest": "MANIFEST", "customer": "BILL TO", "job": "JOB"},
    rows=(("ticket",), ("date", "truck"), ("customer", "job"), ("source",), ("destination",),
          ("material",), ("quantity",), ("manifest",)),
    prefix="", digits=9, mark="printed", units=("TONS", "CY"), accent=(20, 20, 20),
)

VENDORS = (WM, LDI, POST_OAK, HEIDELBERG, ARCOSA, BIG_CITY, REEDER, ALLIANCE,
           PORTILLO, LINDAMOOD, JD_AND_SON, ROBERTS, ROADSTAR, CORPOTECH, TARANGO, WL_REID)
FACILITIES = {v.serves: v for v in VENDORS if v.role == "facility"}
SUPPLIERS = tuple(v for v in VENDORS if v.role == "supplier")
HAULERS = tuple(v for v in VENDORS if v.role == "hauler")
