"""Label wordings the original families never print, in three registers: scale-house software, bilingual
Spanish/English pads, and a hauler's shorthand. Every field a vendor records has a wording in each."""

from __future__ import annotations

SCALE_HOUSE = {
    "ticket": ("Transaction #", "Weighmaster Cert", "Scale Tkt No.", "Trans No.", "Inbound Tkt"),
    "date": ("Trans. Date", "Date/Time In", "Date Out", "Weigh Date"),
    "customer": ("Account Name", "Acct", "Billing Acct", "Customer Name"),
    "job": ("Project", "Proj #", "Job/Project"),
    "truck": ("Conveyance", "Vehicle ID", "Truck ID", "Veh. No."),
    "source": ("Origin Site", "Generator Location", "Point of Origin", "Loading Point"),
    "destination": ("Receiving Facility", "Consignee", "Disposal Facility", "Tip Site"),
    "material": ("Waste Profile", "Item", "Matl Description", "Waste Stream"),
    "manifest": ("Manifest/Shipping Doc", "Manifest Ref", "TCEQ Manifest No.", "Shipping Doc (Manifest)"),
    "quantity": ("Net Qty", "Quantity Billed", "Net Amount"),
    "tons": ("Net Wt (tons)", "Tonnage", "Net Tonnage"),
    "yards": ("Cu. Yd.", "Cubic Yds", "Vol (CY)"),
    "loads": ("No. of Loads", "Load Count"),
    "driver": ("Driver Name", "Operator"),
    "trailer": ("Trailer ID", "Trlr No."),
    "po": ("Purchase Order", "Cust PO"),
    "pit_ticket": ("Scale Ref", "Orig. Scale Tkt"),
    "remarks": ("Comments", "Special Instr."),
}

BILINGUAL = {
    "ticket": ("Boleta No. / Ticket No.", "Folio / Ticket", "No. de Boleta"),
    "date": ("Fecha", "Date / Fecha", "Fecha de carga / Load Date"),
    "customer": ("Cliente / Customer", "Customer / Cliente"),
    "job": ("Obra / Job", "Proyecto / Project"),
    "truck": ("Camión / Truck", "Unidad / Unit", "No. de Camión"),
    "source": ("Origen / Origin", "Procedencia / From", "Lugar de carga / Loading Point"),
    "destination": ("Destino / Destination", "Descarga / Dump Site", "Entregar a / Deliver To"),
    "material": ("Material / Material", "Producto / Product", "Descripción / Description"),
    "manifest": ("Manifiesto / Manifest", "No. Manifiesto / Manifest No."),
    "quantity": ("Cantidad / Quantity", "Cant. / Qty"),
    "tons": ("Toneladas / Tons", "Ton. / Tons"),
    "yards": ("Yardas / Yards", "Yardas Cúbicas / CY"),
    "loads": ("Viajes / Loads", "Cargas / Loads"),
    "driver": ("Chofer / Driver", "Operador / Driver"),
    "trailer": ("Remolque / Trailer", "Caja / Trailer"),
    "po": ("Orden de Compra / PO", "O.C. / P.O."),
    "pit_ticket": ("Boleta de Báscula / Scale Tkt",),
    "remarks": ("Notas / Notes", "Observaciones / Remarks"),
}

SHORTHAND = {
    "ticket": ("Load #", "Ref No", "Tkt#", "Haul Tkt", "Trip No."),
    "date": ("Dt", "Load Dt", "Date Hauled"),
    "customer": ("Cust", "Billed To", "Contractor"),
    "job": ("Job No", "Jb #", "Job Ref"),
    "truck": ("Hauler Unit", "Trk #", "Unit", "Trk No."),
    "source": ("Origin Site", "Loading Point", "Load Site", "P/U Location"),
    "destination": ("Consignee", "Drop Site", "Dest.", "Unload At"),
    "material": ("Matl", "Item", "Mat'l Hauled", "Desc."),
    "manifest": ("Mfst #", "Manif. No.", "Manifest/Shipping Doc"),
    "quantity": ("Amt", "Qty Hauled", "Amount"),
    "tons": ("Tonnage", "Net Tn", "TNS"),
    "yards": ("Cu. Yd.", "C.Y.", "Cu Yds"),
    "loads": ("Ld Count", "# Loads", "Trips"),
    "driver": ("Drvr", "Driver Name"),
    "trailer": ("Trlr #", "Trl"),
    "po": ("PO No", "P/O"),
    "pit_ticket": ("Pit Slip #", "Scale Tkt Ref"),
    "remarks": ("Rmks", "Comments"),
}

# A quarry or plant runs scale software too, but sells product rather than taking waste in.
SUPPLY_HOUSE = {
    **SCALE_HOUSE,
    "ticket": ("Weighmaster Cert", "Scale Tkt No.", "Ref No", "Delivery Tkt No."),
    "source": ("Loading Point", "Origin Site", "Plant/Pit"),
    "destination": ("Consignee", "Ship To Address", "Delivery Site"),
    "material": ("Item", "Matl Description", "Product Code/Desc"),
}

REGISTERS = {"scale_house": SCALE_HOUSE, "supply_house": SUPPLY_HOUSE, "bilingual": BILINGUAL,
             "shorthand": SHORTHAND}
REGISTERS_BY_ROLE = {"facility": ("scale_house", "scale_house", "bilingual"),
                     "supplier": ("supply_house", "supply_house", "bilingual"),
                     "hauler": ("shorthand", "shorthand", "bilingual")}

# Titles printed over the new layouts, by the vendor's role.
TITLES = {"facility": ("SCALE TICKET", "WEIGHT CERTIFICATE", "DISPOSAL RECEIPT"),
          "supplier": ("DELIVERY TICKET", "WEIGHT CERTIFICATE", "MATERIAL TICKET"),
          "hauler": ("LOAD TICKET", "HAUL TICKET", "TRIP TICKET / BOLETA")}
