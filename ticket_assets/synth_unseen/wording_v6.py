"""Sixth-round ("v6") label wordings: a print shop that runs every label together in capitals and ends it with `#:`
or `NO.:`, and a pad printed in Spanish only; none of it printed by an earlier round."""

from __future__ import annotations

RUN_TOGETHER = {
    "ticket": ("TKTNO.:", "TICKETNO#:"),
    "date": ("LOADDATE:", "DATEHAULED:"),
    "customer": ("CUSTNAME:",),
    "job": ("JOBNO#:",),
    "po": ("PONO.:",),
    "truck": ("TRUCKNO#:", "TRKNO.:"),
    "trailer": ("TRLRNO.:",),
    "driver": ("DRVRNAME:",),
    "pit_ticket": ("PITTKT#:",),
    "source": ("LOADEDFROM:", "PICKUPAREA:"),
    "destination": ("DELIVEREDTO:", "DUMPEDAT:"),
    "material": ("MATLTYPE:", "MATERIALDESC:"),
    "manifest": ("MANIFESTNO.:", "MANIFEST#:"),
    "quantity": ("QTYHAULED:", "NETQTY:"),
    "remarks": ("RMKS:",),
}

SPANISH_ONLY = {
    "ticket": ("Boleto No.:", "Folio No.:"),
    "date": ("Fecha:", "Fecha de Carga:"),
    "customer": ("Cliente:",),
    "job": ("Obra No.:",),
    "po": ("Orden de Compra No.:",),
    "truck": ("Camión No.:", "Unidad #:"),
    "trailer": ("Remolque #:",),
    "driver": ("Chofer:",),
    "pit_ticket": ("Boleto de Banco #:",),
    "source": ("Procedencia:", "Lugar de Carga:"),
    "destination": ("Destino:", "Lugar de Descarga:"),
    "material": ("Descripción del Material:",),
    "manifest": ("Manifiesto No.:", "Manifiesto #:"),
    "quantity": ("Cantidad:", "Cantidad Neta:"),
    "remarks": ("Observaciones:",),
}

V6_REGISTERS = {"run_together": RUN_TOGETHER, "spanish_only": SPANISH_ONLY}

# The layouts each kind of company prints in the sixth round.
V6_FORMS_BY_ROLE = {"facility": ("corner_label_box", "side_panels"),
                    "supplier": ("corner_label_box", "side_panels", "carbon_offset"),
                    "hauler": ("side_panels", "carbon_offset", "corner_label_box")}

V6_TITLES = {"corner_label_box": ("MATERIAL TICKET", "BOLETA DE MATERIAL"),
             "side_panels": ("LOAD / DELIVERY TICKET", "TRIP TICKET"),
             "carbon_offset": ("HAUL TICKET - DRIVER COPY", "TICKET - CUSTOMER COPY")}
# The two panels' headings, by register.
PANEL_HEADS = {"run_together": ("LOADED", "DELIVERED"), "spanish_only": ("CARGADO", "ENTREGADO")}
